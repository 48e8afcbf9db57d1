import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type TestBackend } from '../../test/app/backends.ts';
import { PermanentJobError } from '../jobs/index.ts';
import { memoryLog } from '../log.ts';
import type { SqlStore } from '../store/index.ts';
import { InstallationTokens, SentryAuthorizationError } from './tokens.ts';

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
});
