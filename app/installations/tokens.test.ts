import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type TestBackend } from '../../test/app/backends.ts';
import { PermanentJobError } from '../jobs/index.ts';
import { memoryLog } from '../log.ts';
import type { SqlStore } from '../store/index.ts';
import { startSentryEmulator } from '../../emulators/sentry/server.ts';
import { authorizeRetryDelay, GRANT_CODE_LIFETIME_MS, InstallationTokens, SentryAuthorizationError } from './tokens.ts';

/** A clock on which the grant code has expired by the time a second attempt would be made. */
function expiresAfterFirstAttempt(): () => number {
  let calls = 0;
  return () => (calls++ === 0 ? 0 : GRANT_CODE_LIFETIME_MS);
}

/** Answers each authorization request with the next scripted status. */
async function scriptedServer(statuses: Array<{ status: number; headers?: Record<string, string>; body?: string }>) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const next = statuses.shift() ?? { status: 500 };
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers }).end(next.body ?? '{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

describe('InstallationTokens failures', () => {
  let b: TestBackend;
  let store: SqlStore;
  const installation = {
    uuid: 'inst-9',
    orgSlug: 'acme',
    appSlug: null,
    status: 'installed',
    token: null,
    refreshToken: null,
    tokenExpiresAt: null,
  };
  beforeAll(async () => {
    b = await createBackend('sqlite');
    store = await b.open();
  });
  afterAll(async () => {
    await store.close();
    await b.dispose();
  });

  it('a refused grant is permanent and names the fix, without the secret or the code', async () => {
    const sentry = await scriptedServer([{ status: 400, body: '{"detail":"Invalid grant"}' }]);
    const tokens = new InstallationTokens({
      store,
      log: memoryLog(),
      sentryUrl: sentry.url,
      clientId: 'cid',
      clientSecret: 's3cret',
    });
    const error = await tokens.exchangeGrant(installation, 'one-time-code').catch((e: unknown) => e);
    sentry.close();
    expect(error).toBeInstanceOf(PermanentJobError);
    expect((error as Error).message).toContain(
      'Sentry refused the authorization_code exchange for installation inst-9 (400)',
    );
    expect((error as Error).message).not.toMatch(/s3cret|one-time-code/);
  });

  it('a rate limit or outage is retryable and carries Retry-After', async () => {
    const sentry = await scriptedServer([{ status: 429, headers: { 'retry-after': '7' } }]);
    const tokens = new InstallationTokens({
      store,
      log: memoryLog(),
      sentryUrl: sentry.url,
      clientId: 'cid',
      clientSecret: 's',
      now: expiresAfterFirstAttempt(),
    });
    const error = await tokens.exchangeGrant(installation, 'c').catch((e: unknown) => e);
    sentry.close();
    expect(error).toBeInstanceOf(SentryAuthorizationError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 7_000 });
  });

  it('without SENTRY_CLIENT_ID the exchange is refused permanently with the setting named', async () => {
    const tokens = new InstallationTokens({
      store,
      log: memoryLog(),
      sentryUrl: 'http://127.0.0.1:9',
      clientId: undefined,
      clientSecret: 's',
    });
    await expect(tokens.exchangeGrant(installation, 'c')).rejects.toThrow(/^SENTRY_CLIENT_ID is not set/);
  });

  it('refreshExpiring refreshes tokens near expiry and leaves fresh ones alone', async () => {
    const sentry = await scriptedServer([
      { status: 201, body: JSON.stringify({ token: 'new', refreshToken: 'r2', expiresAt: '2099-01-01T00:00:00Z' }) },
    ]);
    const now = Date.now();
    await store.upsertInstallation(
      { ...installation, uuid: 'soon', token: 'old', refreshToken: 'r1', tokenExpiresAt: now + 60_000 },
      now,
    );
    await store.upsertInstallation(
      { ...installation, uuid: 'later', token: 'keep', refreshToken: 'r', tokenExpiresAt: now + 3_600_000 },
      now,
    );
    const tokens = new InstallationTokens({
      store,
      log: memoryLog(),
      sentryUrl: sentry.url,
      clientId: 'cid',
      clientSecret: 's',
    });
    expect(await tokens.refreshExpiring()).toBe(1);
    sentry.close();
    expect(await store.getInstallation('soon')).toMatchObject({ token: 'new', refreshToken: 'r2' });
    expect((await store.getInstallation('later'))?.token).toBe('keep');
  });

  it('without Retry-After, waits exponentially (not 0 ms), and honours the header when Sentry sends one', async () => {
    expect([1, 2, 3, 4, 7, 8, 20].map((n) => authorizeRetryDelay(n, undefined))).toEqual([
      1_000, 2_000, 4_000, 8_000, 60_000, 60_000, 60_000,
    ]);
    expect(authorizeRetryDelay(5, 7_000)).toBe(7_000);
    const sentry = await scriptedServer([{ status: 503 }]);
    const tokens = new InstallationTokens({
      store,
      log: memoryLog(),
      sentryUrl: sentry.url,
      clientId: 'cid',
      clientSecret: 's',
      now: expiresAfterFirstAttempt(),
    });
    const error = await tokens.exchangeGrant(installation, 'c').catch((e: unknown) => e);
    sentry.close();
    expect(error).toMatchObject({ status: 503, retryAfterMs: undefined });
  });

  it('exchanges the grant code through a 2-minute Sentry outage: installed with a token once Sentry is back', async () => {
    const sentry = await startSentryEmulator({
      seed: { installations: [{ uuid: 'inst-outage', org: 'acme', code: 'grant-outage' }] } as never,
    });
    sentry.inject({ method: 'POST', path: '/authorizations/$', times: 1_000, status: 503 } as never);
    let clock = 0;
    const waits: number[] = [];
    const tokens = new InstallationTokens({
      store,
      log: memoryLog(),
      sentryUrl: sentry.url,
      clientId: sentry.clientId,
      clientSecret: sentry.clientSecret,
      now: () => clock,
      async sleep(ms) {
        waits.push(ms);
        clock += ms;
        if (clock >= 120_000) await fetch(`${sentry.url}/__emulator/faults`, { method: 'DELETE' }); // Sentry is back
      },
    });
    try {
      await tokens.exchangeGrant({ ...installation, uuid: 'inst-outage' }, 'grant-outage');
      const stored = await store.getInstallation('inst-outage');
      expect(stored?.token).toEqual(expect.any(String));
      expect(stored?.refreshToken).toEqual(expect.any(String));
      expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000]);
      expect(clock).toBeLessThan(GRANT_CODE_LIFETIME_MS);
    } finally {
      await sentry.close();
    }
  });
});
