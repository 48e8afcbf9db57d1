import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, normalizePrivateKey, withDotEnv } from './config.ts';

const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
  type: 'pkcs1',
  format: 'pem',
}) as string;
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

describe('PRIVATE_KEY formats', () => {
  const escaped = pem.trim().replace(/\n/g, '\\n');
  it.each([
    ['the PEM itself', pem],
    ['quoted', `"${pem.trim()}"`],
    ['single-quoted', `'${pem.trim()}'`],
    ['with \\n escapes', escaped],
    ['quoted with \\n escapes', `"${escaped}"`],
    ['base64 of the PEM', Buffer.from(pem).toString('base64')],
  ])('accepts %s', (_name, value) => {
    expect(loadConfig({ ...good, PRIVATE_KEY: value }, '/srv/app').github.privateKey).toBe(pem);
  });

  it('names the format problem when the key does not parse', () => {
    // What a Docker env file leaves of a quoted multi-line key: its first line, opening quote included.
    expect(problems({ ...good, PRIVATE_KEY: '"-----BEGIN RSA PRIVATE KEY-----' })[0]).toBe(
      'PRIVATE_KEY starts with a quote but does not end with the same one (an env file holds one line per variable): remove the quotes around it in your env file and write newlines as \\n, or use PRIVATE_KEY_PATH',
    );
    expect(problems({ ...good, PRIVATE_KEY: pem.split('\n').slice(0, 3).join('\n') })[0]).toMatch(
      /^PRIVATE_KEY has no "-----END … PRIVATE KEY-----" line: the key was cut off/,
    );
    expect(problems({ ...good, PRIVATE_KEY: pem.replace(/[A-Za-z]{8}\n/, '\n') })[0]).toMatch(
      /^PRIVATE_KEY holds a PEM block that does not parse as a private key/,
    );
    expect('problem' in normalizePrivateKey('not a key', 'PRIVATE_KEY')).toBe(true);
  });
});

describe('withDotEnv', () => {
  it('reads .env from the directory under the real environment, which wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-dotenv-'));
    writeFileSync(join(dir, '.env'), `APP_ID=42\nWEBHOOK_SECRET="from file"\n# comment\nPORT=4000\n`);
    const env = withDotEnv({ PORT: '5000' }, dir);
    expect(env).toMatchObject({ APP_ID: '42', WEBHOOK_SECRET: 'from file', PORT: '5000' });
  });

  it('is the environment unchanged without a .env', () => {
    const env = { APP_ID: '1' };
    expect(withDotEnv(env, mkdtempSync(join(tmpdir(), 'faultline-dotenv-')))).toBe(env);
  });
});
