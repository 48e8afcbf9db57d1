// Shared by the app's integration tests: a valid config and Sentry-signed requests built from real fixtures.
import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AppConfig } from '../../app/config.ts';
import type { StorageConfig } from '../../app/store/index.ts';

// Copies of the shared Sentry payload fixtures (../shared/fixtures/sentry), kept in the repo for clean clones.
export const FIXTURES = new URL('./fixtures/sentry', import.meta.url).pathname;
export const CLIENT_SECRET = 'test-sentry-client-secret';

let key: string | undefined;
export function testPrivateKey(): string {
  key ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs1',
    format: 'pem',
  }) as string;
  return key;
}

export function testConfig(storage: StorageConfig, overrides: Partial<AppConfig['sentry']> = {}): AppConfig {
  return {
    github: { appId: 1, privateKey: testPrivateKey(), webhookSecret: 'gh-webhook-secret', baseUrl: undefined },
    sentry: {
      url: 'http://127.0.0.1:9',
      clientSecret: CLIENT_SECRET,
      clientId: undefined,
      authToken: undefined,
      ...overrides,
    },
    storage,
    logLevel: 'error',
    logFormat: 'json',
    host: '127.0.0.1',
    port: 0,
    workers: { concurrency: 4, maxAttempts: 5 },
    // A fixed test key, so installation tokens are encrypted on PostgreSQL too (SQLite would make a key file).
    encryption: { key: Buffer.alloc(32, 7).toString('base64'), previousKey: undefined },
  };
}

/** A fixture's body as Sentry would send it: compact JSON, non-ASCII escaped as \uXXXX. */
export function fixtureBody(name: string): string {
  const parsed = JSON.parse(readFileSync(`${FIXTURES}/${name}.json`, 'utf8'));
  return JSON.stringify(parsed).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function signedHeaders(
  body: string | Uint8Array,
  resource: string,
  opts: { secret?: string; timestamp?: number } = {},
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'request-id': randomUUID().replace(/-/g, ''),
    'sentry-hook-resource': resource,
    'sentry-hook-timestamp': String(opts.timestamp ?? Math.floor(Date.now() / 1000)),
    'sentry-hook-signature': createHmac('sha256', opts.secret ?? CLIENT_SECRET)
      .update(body)
      .digest('hex'),
  };
}

export async function postWebhook(
  url: string,
  body: string | Uint8Array,
  headers: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/sentry/webhook`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
