/**
 * What the emulator does because Sentry does it (README.md, "Where each fact comes from"): rate-limit answers,
 * token scopes per route, "next release" needing a release, re-linking, Request-ID, webhook retries, and the
 * faults that deliver a webhook twice or out of order.
 */
import { describe, expect, it } from 'vitest';
import type { SentryEmulator } from '../server.ts';
import { call, org, useSentryEmulator, useWebhookReceiver } from './helpers.ts';

const RELEASES_ONLY = 'sntryu_releases_only';
const READ_ONLY = 'sntryu_read_only';
const ORG_TOKEN = 'sntrys_org_ci';
const EVENT_READ = 'sntryu_event_read';
const INSTALLATION = 'app-install';
const OTHER_INSTALLATION = 'other-install';
const FORBIDDEN = { detail: 'You do not have permission to perform this action.' };

const seed = {
  tokens: [
    { token: RELEASES_ONLY, scopes: ['project:releases'] },
    { token: READ_ONLY, scopes: ['org:read', 'project:read', 'event:read'] },
    { token: ORG_TOKEN, scopes: ['org:ci'] },
    { token: EVENT_READ, scopes: ['event:read'] },
  ],
  installations: [
    { uuid: INSTALLATION, token: 'app-token', app: { uuid: 'app-uuid', slug: 'faultline' } },
    { uuid: OTHER_INSTALLATION, token: 'other-token', app: { uuid: 'other-uuid', slug: 'other' } },
  ],
  issues: [{ id: '42', project: 'web', title: 'TypeError: x' }],
};

describe('Sentry emulator: rate limits as Sentry’s middleware sends them', () => {
  let emu: SentryEmulator;
  useSentryEmulator({}, (started) => (emu = started));

  it('answers 429 with the X-Sentry-Rate-Limit headers, no Retry-After, and the JSON detail as text/html', async () => {
    const before = Math.floor(Date.now() / 1000);
    emu.inject({ path: '/chunk-upload/$', kind: 'rateLimit', limit: 20, window: 60 });
    const res = await call(emu, 'GET', org('chunk-upload/'));
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.text).toBe(
      '{"detail":"You are attempting to use this endpoint too frequently. Limit is 20 requests in 60 seconds"}',
    );
    expect(res.headers.get('retry-after')).toBeNull();
    expect(res.headers.get('x-sentry-rate-limit-remaining')).toBe('0');
    expect(res.headers.get('x-sentry-rate-limit-limit')).toBe('20');
    const reset = Number(res.headers.get('x-sentry-rate-limit-reset'));
    expect(reset % 60).toBe(0);
    expect(reset).toBeGreaterThan(before);
    expect(reset).toBeLessThanOrEqual(before + 60);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET');
    expect((await call(emu, 'GET', org('chunk-upload/'))).status).toBe(200);
  });

  it('defaults to 40 requests in 1 second and reports a concurrency limit when given', async () => {
    emu.inject({ method: 'POST', path: '/releases/$', kind: 'rateLimit', concurrentLimit: 15 });
    const res = await call(emu, 'POST', org('releases/'), { json: { version: '1', projects: ['web'] } });
    expect(res.json).toEqual({
      detail: 'You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds',
    });
    expect(res.headers.get('x-sentry-rate-limit-concurrentlimit')).toBe('15');
    expect(emu.state().releases).toEqual([]);
  });

  it('sends no X-Sentry-Rate-Limit headers for a self-hosted server', async () => {
    emu.inject({ path: '/releases/$', kind: 'rateLimit', selfHosted: true });
    const res = await call(emu, 'GET', org('releases/'));
    expect(res.status).toBe(429);
    expect([...res.headers.keys()].filter((h) => h.startsWith('x-sentry-rate-limit'))).toEqual([]);
    expect(res.headers.get('retry-after')).toBeNull();
  });

  it('refuses a rate-limit fault it cannot honour, naming the field', async () => {
    const bad = await call(emu, 'POST', '/__emulator/faults', {
      json: { path: 'x', kind: 'rateLimit', window: 0 },
      token: null,
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({ error: 'fault.window must be at least 1 second, got 0' });
  });
});

describe('Sentry emulator: self-hosted mode', () => {
  let emu: SentryEmulator;
  useSentryEmulator({ selfHosted: true }, (started) => (emu = started));

  it('answers every rate-limit fault without the headers', async () => {
    emu.inject({ path: '/releases/$', kind: 'rateLimit' });
    const res = await call(emu, 'GET', org('releases/'));
    expect(res.status).toBe(429);
    expect(res.headers.get('x-sentry-rate-limit-limit')).toBeNull();
  });
});

describe('Sentry emulator: token scopes per route', () => {
  let emu: SentryEmulator;
  useSentryEmulator({ seed }, (started) => (emu = started));

  const release = { version: 'web@1', projects: ['web'] };

  it('refuses release writes, chunk upload and assemble without a release scope, with Sentry’s 403', async () => {
    const create = await call(emu, 'POST', org('releases/'), { json: release, token: READ_ONLY });
    expect(create).toMatchObject({ status: 403, json: FORBIDDEN });
    expect((await call(emu, 'POST', org('chunk-upload/'), { body: new FormData(), token: READ_ONLY })).status).toBe(
      403,
    );
    const assemble = { checksum: 'a'.repeat(40), chunks: [], projects: ['web'] };
    expect(
      (await call(emu, 'POST', org('artifactbundle/assemble/'), { json: assemble, token: EVENT_READ })).status,
    ).toBe(403);
    // project:read reads releases; event:read alone does not.
    expect((await call(emu, 'GET', org('releases/'), { token: READ_ONLY })).status).toBe(200);
    expect((await call(emu, 'GET', org('chunk-upload/'), { token: EVENT_READ })).status).toBe(403);
    expect(emu.state().releases).toEqual([]);
  });

  it('lets project:releases and an org token (org:ci) upload, but only project:releases delete a release', async () => {
    expect((await call(emu, 'POST', org('releases/'), { json: release, token: RELEASES_ONLY })).status).toBe(201);
    expect((await call(emu, 'GET', org('chunk-upload/'), { token: ORG_TOKEN })).status).toBe(200);
    expect((await call(emu, 'PUT', org('releases/web@1/'), { json: {}, token: ORG_TOKEN })).status).toBe(200);
    expect((await call(emu, 'DELETE', org('releases/web@1/'), { token: ORG_TOKEN })).json).toEqual(FORBIDDEN);
    expect((await call(emu, 'DELETE', org('releases/web@1/'), { token: RELEASES_ONLY })).status).toBe(204);
  });

  it('needs event:write to update or comment on an issue; event:read reads it', async () => {
    expect((await call(emu, 'GET', org('issues/42/'), { token: EVENT_READ })).status).toBe(200);
    const put = await call(emu, 'PUT', org('issues/42/'), { json: { status: 'resolved' }, token: EVENT_READ });
    expect(put).toMatchObject({ status: 403, json: FORBIDDEN });
    expect(
      (await call(emu, 'POST', '/api/0/issues/42/notes/', { json: { text: 'x' }, token: EVENT_READ })).status,
    ).toBe(403);
    expect((await call(emu, 'GET', org('issues/42/'), { token: RELEASES_ONLY })).status).toBe(403);
    expect(
      (await call(emu, 'PUT', org('issues/42/'), { json: { status: 'resolved' }, token: 'app-token' })).status,
    ).toBe(200);
  });

  it('lets an app link issues only through its own installation; a user token needs an event scope', async () => {
    const link = {
      issueId: 42,
      webUrl: 'https://github.com/acme/web/issues/12',
      project: 'acme/web',
      identifier: '12',
    };
    const path = (uuid: string) => `/api/0/sentry-app-installations/${uuid}/external-issues/`;
    expect((await call(emu, 'POST', path(INSTALLATION), { json: link, token: 'other-token' })).json).toEqual(FORBIDDEN);
    expect((await call(emu, 'POST', path(INSTALLATION), { json: link, token: RELEASES_ONLY })).status).toBe(403);
    expect((await call(emu, 'POST', path(INSTALLATION), { json: link, token: EVENT_READ })).status).toBe(200);
    const own = await call(emu, 'POST', path(INSTALLATION), { json: link, token: 'app-token' });
    expect(own.status).toBe(200);
    const id = (own.json as { id: string }).id;
    expect((await call(emu, 'DELETE', `${path(INSTALLATION)}${id}/`, { token: EVENT_READ })).status).toBe(403);
    expect((await call(emu, 'DELETE', `${path(INSTALLATION)}${id}/`, { token: 'app-token' })).status).toBe(204);
  });

  it('reports each token’s scopes at GET /api/0/', async () => {
    expect((await call(emu, 'GET', '/api/0/', { token: ORG_TOKEN })).json).toMatchObject({
      auth: { scopes: ['org:ci'] },
    });
  });
});

describe('Sentry emulator: issue updates and links as Sentry validates them', () => {
  let emu: SentryEmulator;
  useSentryEmulator({ seed }, (started) => (emu = started));

  it('refuses "resolved in next release" when the issue’s project has no release, with Sentry’s message', async () => {
    const body = { status: 'resolved', statusDetails: { inNextRelease: true } };
    const refused = await call(emu, 'PUT', org('issues/42/'), { json: body });
    expect(refused).toMatchObject({
      status: 400,
      json: {
        statusDetails: { inNextRelease: ["No release data present in the system to form a basis for 'Next Release'"] },
      },
    });
    expect(emu.state().issues[0]).toMatchObject({ status: 'unresolved' });
    const latest = await call(emu, 'PUT', org('issues/42/'), {
      json: { status: 'resolved', statusDetails: { inRelease: 'latest' } },
    });
    expect(latest.json).toEqual({
      statusDetails: { inRelease: ["No release data present in the system to form a basis for 'Next Release'"] },
    });
    // A release of another project does not count.
    emu.seed({ releases: [{ version: 'api@1', projects: ['api'] }] });
    expect((await call(emu, 'PUT', org('issues/42/'), { json: body })).status).toBe(400);
    emu.seed({ releases: [{ version: 'web@1', projects: ['web'] }] });
    expect((await call(emu, 'PUT', org('issues/42/'), { json: body })).json).toMatchObject({
      status: 'resolved',
      statusDetails: { inNextRelease: true },
    });
  });

  it('takes the status "resolvedInNextRelease" without a release, as Sentry does (no validator runs)', async () => {
    const res = await call(emu, 'PUT', org('issues/42/'), { json: { status: 'resolvedInNextRelease' } });
    expect(res.status).toBe(200);
  });

  it('shows a link as project#identifier, HTML-escaped, so an identifier "#12" shows as acme/web##12', async () => {
    const path = `/api/0/sentry-app-installations/${INSTALLATION}/external-issues/`;
    const link = { issueId: '42', webUrl: 'https://github.com/acme/web/issues/12', project: 'acme/web' };
    const hashed = await call(emu, 'POST', path, { json: { ...link, identifier: '#12' }, token: 'app-token' });
    expect(hashed.json).toMatchObject({ displayName: 'acme/web##12' });
    const again = await call(emu, 'POST', path, { json: { ...link, identifier: '12 <b>' }, token: 'app-token' });
    expect(again).toMatchObject({ status: 200, json: { id: (hashed.json as { id: string }).id } });
    expect(again.json).toMatchObject({ displayName: 'acme/web#12 &lt;b&gt;' });
    expect(emu.state().externalIssues).toHaveLength(1);
    const notNumber = await call(emu, 'POST', path, { json: { ...link, issueId: 'WEB-1', identifier: '1' } });
    expect(notNumber.json).toEqual({ detail: 'issueId is required, and must be an integer' });
  });
});

describe('Sentry emulator: webhook retries and delivery faults', () => {
  let emu: SentryEmulator;
  const app = useWebhookReceiver('/sentry/webhook', { status: 202 });
  const received = app.received;
  useSentryEmulator(
    () => ({
      retryDelayMs: 30,
      seed: { ...seed, installations: [{ ...seed.installations[0]!, webhookUrl: app.url }] },
    }),
    (started) => (emu = started),
  );

  const send = (extra: Record<string, unknown> = {}) =>
    call(emu, 'POST', '/__emulator/webhooks', {
      json: { url: app.url, resource: 'issue', action: 'resolved', data: { issue: { id: '42' } }, ...extra },
      token: null,
    });
  const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));

  it('retries a 5xx three times, each try the same body with a new Request-ID and timestamp, all in state', async () => {
    app.answer = { status: 503 };
    const first = await send();
    expect(first.json).toMatchObject({ status: 503 });
    await app.until(4);
    await settle(150);
    expect(received).toHaveLength(4);
    const ids = received.map((h) => String(h.headers['request-id']));
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(received.map((h) => h.raw.toString())).size).toBe(1);
    expect(emu.state().webhooks.map((w) => [w.attempt, w.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 503],
      [4, 503],
    ]);
  });

  it('stops retrying once the app answers, and never retries a 4xx', async () => {
    app.answer = { status: 500 };
    await send();
    await app.until(1);
    app.answer = { status: 202 };
    await app.until(2);
    await settle();
    expect(emu.state().webhooks.map((w) => [w.attempt, w.status])).toEqual([
      [1, 500],
      [2, 202],
    ]);
    app.clear();
    app.answer = { status: 401 };
    await send();
    await settle();
    expect(received).toHaveLength(1);
  });

  it('retries a delivery the app did not answer in time', async () => {
    app.answer = { status: 202, delayMs: 300 };
    const first = await send({ timeoutMs: 50 });
    expect(first.json).toMatchObject({ status: 0, error: 'no answer within 50 ms' });
    await app.until(2);
  });

  it('delivers the same body twice on a "duplicate" fault, each with its own Request-ID', async () => {
    emu.inject({ webhook: 'duplicate', event: '^issue\\.resolved$' });
    await call(emu, 'PUT', org('issues/42/'), { json: { status: 'resolved' } });
    await app.until(2);
    expect(received[0]!.raw.equals(received[1]!.raw)).toBe(true);
    expect(received[0]!.headers['request-id']).not.toBe(received[1]!.headers['request-id']);
  });

  it('delivers a later event first on a "reorder" fault', async () => {
    emu.inject({ webhook: 'reorder', event: '^issue\\.resolved$' });
    await call(emu, 'PUT', org('issues/42/'), { json: { status: 'resolved' } });
    await settle(50);
    expect(received).toHaveLength(0);
    await call(emu, 'PUT', org('issues/42/'), { json: { status: 'unresolved' } });
    await app.until(2);
    expect(received.map((h) => (h.body as { action: string }).action)).toEqual(['unresolved', 'resolved']);
  });

  it('holds a delivery for delayMs on a "delay" fault, and says so to a sender', async () => {
    emu.inject({ webhook: 'delay', event: '^issue\\.resolved$', delayMs: 100 });
    const held = await send();
    expect(held).toMatchObject({ status: 202, json: { held: true, fault: 'delay' } });
    expect(received).toHaveLength(0);
    await app.until(1);
    expect(emu.state().faults).toEqual([]);
  });
});
