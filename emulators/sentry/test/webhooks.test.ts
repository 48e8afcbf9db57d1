/** The webhook sender: a signed integration-platform webhook with Sentry's headers, delivered to a real server. */
import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../../src/sentry/webhook-signature.ts';
import type { SentryEmulator } from '../server.ts';
import { call, useSentryEmulator, useWebhookReceiver } from './helpers.ts';

const SECRET = 'c0ffee'.repeat(10);
const INSTALLATION = '7f1c9a52-5b7e-4c1d-9e3a-2d4b6f8a0c11';

describe('Sentry emulator: webhook sender', () => {
  let emu: SentryEmulator;
  const app = useWebhookReceiver('/sentry/webhook', { status: 202, body: '{"queued":true}' });
  const received = app.received;
  useSentryEmulator({ clientSecret: SECRET }, (started) => (emu = started));

  const send = (body: Record<string, unknown>) =>
    call(emu, 'POST', '/__emulator/webhooks', { json: body, token: null });

  it('delivers the body with Sentry’s headers, signed over the raw bytes with the client secret', async () => {
    const data = { issue: { id: '42', title: 'TypeError: x', status: 'unresolved' } };
    const before = Math.floor(Date.now() / 1000);
    const res = await send({ url: app.url, resource: 'issue', action: 'created', data });
    expect(res.json).toMatchObject({ status: 202, body: '{"queued":true}', requestId: expect.any(String) });

    expect(received).toHaveLength(1);
    const { headers, raw } = received[0]!;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(headers['request-id']).toBe((res.json as { requestId: string }).requestId);
    expect(headers['sentry-hook-resource']).toBe('issue');
    expect(Number(headers['sentry-hook-timestamp'])).toBeGreaterThanOrEqual(before);
    expect(Number(headers['sentry-hook-timestamp'])).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(verifyWebhookSignature(raw, headers['sentry-hook-signature'], SECRET)).toBe(true);
    expect(verifyWebhookSignature(raw, headers['sentry-hook-signature'], 'another secret')).toBe(false);
    expect(JSON.parse(raw.toString())).toEqual({
      action: 'created',
      installation: { uuid: INSTALLATION },
      data,
      actor: { type: 'application', id: 'sentry', name: 'Sentry' },
    });
    expect(emu.state().webhooks).toEqual([
      { url: app.url, resource: 'issue', action: 'created', requestId: headers['request-id'], status: 202, attempt: 1 },
    ]);
  });

  it('writes compact JSON with non-ASCII escaped as Python does, so re-serialising in JavaScript breaks the signature', async () => {
    const data = { comment: 'Größe — ✓ 😀' };
    await send({
      url: app.url,
      resource: 'comment',
      action: 'created',
      data,
      actor: { type: 'user', id: '1', name: 'Zoë' },
    });
    const { headers, raw } = received[0]!;
    const text = raw.toString('utf8');
    expect(text).toContain('Gr\\u00f6\\u00dfe \\u2014 \\u2713 \\ud83d\\ude00');
    expect(text).toContain('"actor":{"type":"user","id":"1","name":"Zo\\u00eb"}');
    expect(JSON.parse(text).data).toEqual(data);
    expect(verifyWebhookSignature(raw, headers['sentry-hook-signature'], SECRET)).toBe(true);
    expect(verifyWebhookSignature(JSON.stringify(JSON.parse(text)), headers['sentry-hook-signature'], SECRET)).toBe(
      false,
    );
  });

  it('sends exact raw bytes, a stale timestamp or a wrong secret when a test asks for them', async () => {
    const rawBody = '{"action":"triggered","data":{"value":1.0}}';
    await send({
      url: app.url,
      resource: 'event_alert',
      action: 'triggered',
      rawBody,
      timestamp: 1000,
      secret: 'wrong',
    });
    const { headers, raw } = received[0]!;
    expect(raw.toString()).toBe(rawBody);
    expect(headers['sentry-hook-timestamp']).toBe('1000');
    expect(verifyWebhookSignature(raw, headers['sentry-hook-signature'], SECRET)).toBe(false);
    expect(verifyWebhookSignature(raw, headers['sentry-hook-signature'], 'wrong')).toBe(true);
  });

  it('reports the target’s error status, a refused connection and Sentry’s 1-second timeout', async () => {
    app.answer = { status: 401, body: '{"error":"bad signature"}' };
    expect((await send({ url: app.url, resource: 'issue', action: 'resolved', data: {} })).json).toMatchObject({
      status: 401,
      body: '{"error":"bad signature"}',
    });

    const refused = await send({ url: 'http://127.0.0.1:9/hook', resource: 'issue', action: 'resolved', data: {} });
    expect(refused.json).toMatchObject({ status: 0, error: expect.stringMatching(/ECONNREFUSED/) });

    app.answer = { status: 200, body: '{}', delayMs: 400 };
    const slow = await send({ url: app.url, resource: 'issue', action: 'resolved', data: {}, timeoutMs: 100 });
    expect(slow.json).toMatchObject({ status: 0, error: 'no answer within 100 ms' });
    expect(emu.state().webhooks.map((w) => w.status)).toEqual([401, 0, 0]);
  });

  it('builds data from a seeded issue or event: the issue as webhooks carry it, the event with snake_case frames', async () => {
    emu.seed({
      issues: [{ id: '42', shortId: 'WEB-1', project: 'web', title: 'TypeError: x', culprit: 'greet(app)' }],
      events: [
        {
          issueId: '42',
          eventID: 'c'.repeat(32),
          release: 'web@1.0.0',
          environment: 'production',
          entries: [
            {
              type: 'exception',
              data: {
                values: [
                  {
                    type: 'TypeError',
                    value: 'x',
                    stacktrace: {
                      frames: [
                        {
                          filename: 'app.js',
                          absPath: 'https://shop.example.com/app.js',
                          function: 'greet',
                          lineNo: 2,
                          colNo: 5,
                          inApp: true,
                          context: [
                            [1, 'function greet(u) {'],
                            [2, '  return u.name;'],
                            [3, '}'],
                          ],
                        },
                      ],
                    },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    await send({ url: app.url, resource: 'issue', action: 'created', issueId: '42' });
    await send({
      url: app.url,
      resource: 'event_alert',
      action: 'triggered',
      issueId: '42',
      triggeredRule: 'prod errors',
    });
    await send({ url: app.url, resource: 'error', action: 'created', eventID: 'c'.repeat(32) });
    const [issue, alert, error] = received.map(
      (r) => JSON.parse(r.raw.toString()) as { data: Record<string, unknown> },
    );
    expect(issue!.data.issue).toMatchObject({
      id: '42',
      shortId: 'WEB-1',
      culprit: 'greet(app)',
      permalink: null,
      url: `${emu.url}/api/0/organizations/acme/issues/42/`,
      project: { slug: 'web' },
    });
    expect(alert!.data).toMatchObject({
      triggered_rule: 'prod errors',
      event: {
        event_id: 'c'.repeat(32),
        issue_id: '42',
        project: 1,
        release: 'web@1.0.0',
        environment: 'production',
        tags: [
          ['environment', 'production'],
          ['release', 'web@1.0.0'],
        ],
        exception: {
          values: [
            {
              type: 'TypeError',
              stacktrace: {
                frames: [
                  {
                    filename: 'app.js',
                    abs_path: 'https://shop.example.com/app.js',
                    function: 'greet',
                    lineno: 2,
                    colno: 5,
                    in_app: true,
                    pre_context: ['function greet(u) {'],
                    context_line: '  return u.name;',
                    post_context: ['}'],
                  },
                ],
              },
            },
          ],
        },
      },
    });
    expect(error!.data.error).toEqual(alert!.data.event);
    expect((await send({ url: app.url, resource: 'issue', action: 'created', issueId: '999' })).json).toEqual({
      error: 'no seeded issue "999"; seed it or pass data',
    });
  });

  it('refuses a request it cannot send, naming the field', async () => {
    expect((await send({ resource: 'issue', action: 'created', data: {} })).json).toEqual({
      error: 'webhook.url must be a non-empty string, got undefined',
    });
    expect((await send({ url: 'ftp://x', resource: 'issue', action: 'created', data: {} })).status).toBe(400);
    expect((await send({ url: app.url, resource: 'issue', action: 'created', data: [] })).json).toMatchObject({
      error: expect.stringContaining('webhook.data must be an object'),
    });
    expect(received).toHaveLength(0);
  });
});

describe('Sentry emulator: webhooks caused by API changes', () => {
  let emu: SentryEmulator;
  const app = useWebhookReceiver('/sentry/webhook', { status: 202 });
  const received = app.received;
  const until = app.until;
  useSentryEmulator(
    () => ({
      clientSecret: SECRET,
      seed: {
        installations: [
          {
            uuid: 'app-install',
            token: 'app-token',
            webhookUrl: app.url,
            app: { uuid: 'app-uuid', slug: 'faultline' },
          },
        ],
        issues: [{ id: '42', shortId: 'WEB-1', project: 'web', title: 'RangeError: Invalid time value' }],
        // "Resolved in the next release" needs a release of the project to refer to.
        releases: [{ version: 'web@1.0.0', projects: ['web'] }],
      },
    }),
    (started) => (emu = started),
  );

  const put = (body: unknown, token?: string) =>
    call(emu, 'PUT', '/api/0/organizations/acme/issues/42/', { json: body, ...(token ? { token } : {}) });

  it('sends issue.resolved with the resolution type, signed, with the user as actor', async () => {
    await put({ status: 'resolved', statusDetails: { inNextRelease: true } });
    await until(1);
    const [hook] = received;
    expect(hook!.headers['sentry-hook-resource']).toBe('issue');
    expect(verifyWebhookSignature(hook!.raw, hook!.headers['sentry-hook-signature'], SECRET)).toBe(true);
    expect(hook!.body).toMatchObject({
      action: 'resolved',
      installation: { uuid: 'app-install' },
      actor: { type: 'user', id: '1', name: 'Ada Lovelace' },
      data: {
        resolution_type: 'in_next_release',
        issue: {
          id: '42',
          status: 'resolved',
          statusDetails: { inNextRelease: true },
          permalink: null,
          web_url: `${emu.url}/organizations/acme/issues/42/`,
        },
      },
    });
  });

  it('names the integration as actor when its own token made the change, so the app can skip its echo', async () => {
    await put({ status: 'ignored' }, 'app-token');
    await until(1);
    expect(received[0]!.body).toMatchObject({
      action: 'ignored',
      actor: { type: 'application', id: 'app-uuid', name: 'faultline' },
    });
  });

  it('sends unresolved only for a resolved issue coming back, assigned with the assignee, and comment.created', async () => {
    // Sentry does not order deliveries; waiting after each change keeps the list in a known order.
    await put({ status: 'ignored' });
    await until(1);
    await put({ status: 'unresolved' }); // un-ignoring: no webhook, as in Sentry
    await put({ status: 'resolved' });
    await until(2);
    await put({ status: 'unresolved', assignedTo: 'user:1' });
    await until(4);
    await call(emu, 'POST', '/api/0/issues/42/comments/', { json: { text: 'on it' } });
    await until(5);
    const names = received.map((r) => `${String(r.headers['sentry-hook-resource'])}.${String(r.body.action)}`);
    expect(names.slice(0, 2)).toEqual(['issue.ignored', 'issue.resolved']);
    // One change, two webhooks: they travel in parallel and may arrive in either order.
    expect(names.slice(2, 4).sort()).toEqual(['issue.assigned', 'issue.unresolved']);
    expect(names[4]).toBe('comment.created');
    const assigned = received.find((r) => r.body.action === 'assigned')!;
    expect(assigned.body.data).toMatchObject({ assignee: { type: 'user', id: '1', email: 'ada@example.com' } });
    expect(received[4]!.body.data).toMatchObject({ comment: 'on it', issue_id: '42', project_slug: 'web' });
    // The emulator records a delivery's status once the answer is back, a moment after the target saw it.
    for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
      if (emu.state().webhooks.every((w) => w.status !== 0)) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(emu.state().webhooks.map((w) => w.status)).toEqual([202, 202, 202, 202, 202]);
  });
});
