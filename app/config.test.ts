import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n';
const good = { APP_ID: '123', PRIVATE_KEY: pem, WEBHOOK_SECRET: 'gh-secret', SENTRY_CLIENT_SECRET: 'sentry-secret' };

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/app');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('defaults to SQLite in ./.faultline, port 3000, sentry.io', () => {
    const config = loadConfig(good, '/srv/app');
    expect(config.storage).toEqual({ kind: 'sqlite', file: '/srv/app/.faultline/faultline.sqlite' });
    expect(config).toMatchObject({ port: 3000, logLevel: 'info', sentry: { url: 'https://sentry.io' } });
    expect(config.github.baseUrl).toBeUndefined();
  });

  it('chooses PostgreSQL when DATABASE_URL is set, and GHE_HOST for the GitHub base URL', () => {
    const config = loadConfig(
      { ...good, DATABASE_URL: 'postgres://u:p@db/x', GHE_HOST: '127.0.0.1:4000', GHE_PROTOCOL: 'http' },
      '/srv',
    );
    expect(config.storage).toEqual({ kind: 'postgres', databaseUrl: 'postgres://u:p@db/x' });
    expect(config.github.baseUrl).toBe('http://127.0.0.1:4000/api/v3');
  });

  it('reads the private key from PRIVATE_KEY_PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-config-'));
    writeFileSync(join(dir, 'app.pem'), pem);
    const { PRIVATE_KEY: _, ...rest } = good;
    expect(loadConfig({ ...rest, PRIVATE_KEY_PATH: 'app.pem' }, dir).github.privateKey).toBe(pem);
  });

  it('names every missing setting at once', () => {
    expect(problems({})).toEqual([
      "APP_ID is not set: set it to the GitHub App's numeric ID (shown on the App's settings page)",
      "PRIVATE_KEY and PRIVATE_KEY_PATH are both unset: set one to the GitHub App's private key (PEM) or its file path",
      "WEBHOOK_SECRET is not set: set it to the GitHub App's webhook secret",
      "SENTRY_CLIENT_SECRET is not set: set it to the Sentry integration's Client Secret (it signs the webhooks)",
    ]);
  });

  it('names bad values, without echoing DATABASE_URL (it may hold a password)', () => {
    const found = problems({
      ...good,
      APP_ID: 'abc',
      PORT: '70000',
      LOG_LEVEL: 'loud',
      SENTRY_URL: 'ftp://x',
      DATABASE_URL: 'mysql://root:hunter2@db',
      GHE_HOST: 'https://ghe.example.com',
    });
    expect(found).toEqual([
      'APP_ID is "abc": expected the GitHub App\'s numeric ID, e.g. 123456',
      'GHE_HOST is "https://ghe.example.com": expected a host name (and port), without scheme or path, e.g. ghe.example.com',
      'SENTRY_URL is "ftp://x": expected an http(s) URL such as https://sentry.io',
      'DATABASE_URL is not a postgres:// or postgresql:// URL: unset it to use SQLite, or fix it',
      'LOG_LEVEL is "loud": expected one of trace, debug, info, warn, error, fatal',
      'PORT is "70000": expected a whole number from 0 to 65535',
    ]);
    expect(found.join('\n')).not.toContain('hunter2');
  });

  it('refuses an unreadable key file and a key that is not PEM', () => {
    const { PRIVATE_KEY: _, ...rest } = good;
    expect(problems({ ...rest, PRIVATE_KEY_PATH: 'missing.pem' })[0]).toMatch(
      /^PRIVATE_KEY_PATH is "missing.pem" but the file cannot be read \(ENOENT\)/,
    );
    expect(problems({ ...good, PRIVATE_KEY: 'not a key' })[0]).toMatch(/^PRIVATE_KEY does not hold a PEM private key/);
  });
});
