import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type TestBackend } from '../../test/app/backends.ts';
import { memoryLog } from '../log.ts';
import type { Installation, SqlStore } from '../store/index.ts';
import {
  checkStoredTokens,
  isSealed,
  KEY_FILE_NAME,
  loadTokenCipher,
  parseKey,
  prepareTokenCipher,
  TokenCipher,
  TokenKeyError,
} from './token-crypto.ts';
import { InstallationTokens } from './tokens.ts';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('TokenCipher', () => {
  it('seals with AES-256-GCM under a fresh IV and opens what it sealed', () => {
    const cipher = new TokenCipher(keyA);
    const one = cipher.seal('sntrys_secret');
    expect(isSealed(one)).toBe(true);
    expect(one).not.toContain('sntrys_secret');
    expect(cipher.seal('sntrys_secret')).not.toBe(one);
    expect(cipher.open(one)).toEqual({ token: 'sntrys_secret', stale: false });
  });

  it('refuses a tampered value', () => {
    const cipher = new TokenCipher(keyA);
    const sealed = cipher.seal('token');
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}${sealed.slice(-1)}`;
    expect(() => cipher.open(tampered)).toThrow();
  });

  it('opens values of the previous key (stale: to re-encrypt) and plain values (stale)', () => {
    const old = new TokenCipher(keyA).seal('t1');
    const rotated = new TokenCipher(keyB, keyA);
    expect(rotated.open(old)).toEqual({ token: 't1', stale: true });
    expect(rotated.open('plain')).toEqual({ token: 'plain', stale: true });
  });

  it('names both variables when no configured key opens a value', () => {
    const old = new TokenCipher(keyA).seal('t1');
    expect(() => new TokenCipher(keyB).open(old)).toThrow(
      /FAULTLINE_ENCRYPTION_KEY nor FAULTLINE_ENCRYPTION_KEY_PREVIOUS/,
    );
  });
});

describe('keys', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'faultline-keys-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads 32 bytes as base64 or hex, and names the variable and openssl when it is not', () => {
    expect(parseKey(keyA.toString('base64'), 'X')).toEqual(keyA);
    expect(parseKey(keyA.toString('hex'), 'X')).toEqual(keyA);
    const error = (() => {
      try {
        parseKey('too-short-secret-value', 'FAULTLINE_ENCRYPTION_KEY');
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(TokenKeyError);
    expect(error?.message).toContain('FAULTLINE_ENCRYPTION_KEY is not 32 bytes');
    expect(error?.message).toContain('openssl rand -base64 32');
    expect(error?.message).not.toContain('too-short-secret-value');
  });

  it('without a key in the environment, creates a 0600 key file in the data directory once and keeps using it', () => {
    const first = loadTokenCipher({}, dir);
    expect(first.source).toBe('key file');
    const file = join(dir, KEY_FILE_NAME);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const content = readFileSync(file, 'utf8');
    const sealed = first.cipher!.seal('t');
    const second = loadTokenCipher({}, dir);
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(second.cipher!.open(sealed).token).toBe('t');
  });

  it('prefers the environment, and has no key for PostgreSQL without one', () => {
    expect(loadTokenCipher({ key: keyA.toString('base64') }, dir).source).toBe('environment');
    expect(loadTokenCipher({}, undefined)).toEqual({ cipher: undefined, source: 'none' });
  });

  it('refuses stored encrypted tokens without a key, naming the variable and how to make one', () => {
    const sealed = new TokenCipher(keyA).seal('t');
    expect(() => checkStoredTokens([sealed], undefined)).toThrow(/FAULTLINE_ENCRYPTION_KEY is not set/);
    expect(() => checkStoredTokens([sealed], new TokenCipher(keyB))).toThrow(TokenKeyError);
    expect(() => checkStoredTokens([sealed, 'plain'], new TokenCipher(keyB, keyA))).not.toThrow();
    expect(() => checkStoredTokens(['plain'], undefined)).not.toThrow();
  });
});

describe('installation tokens at rest', () => {
  let b: TestBackend;
  let store: SqlStore;
  const base: Installation = {
    uuid: 'inst-enc',
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

  const tokens = (cipher: TokenCipher) =>
    new InstallationTokens({
      store,
      log: memoryLog(),
      sentryUrl: 'http://127.0.0.1:9',
      clientId: 'c',
      clientSecret: 's',
      cipher,
    });

  it('re-encrypts plain and previous-key tokens under the current key on read', async () => {
    const far = Date.now() + 3_600_000;
    await store.upsertInstallation(
      { ...base, token: 'plain-token', refreshToken: 'plain-refresh', tokenExpiresAt: far },
      0,
    );
    expect(await tokens(new TokenCipher(keyA)).tokenFor('inst-enc')).toBe('plain-token');
    const afterFirst = (await store.getInstallation('inst-enc'))!;
    expect(isSealed(afterFirst.token!)).toBe(true);
    expect(isSealed(afterFirst.refreshToken!)).toBe(true);
    expect(JSON.stringify(afterFirst)).not.toContain('plain-');

    expect(await tokens(new TokenCipher(keyB, keyA)).tokenFor('inst-enc')).toBe('plain-token');
    const afterRotation = (await store.getInstallation('inst-enc'))!;
    expect(new TokenCipher(keyB).open(afterRotation.token!)).toEqual({ token: 'plain-token', stale: false });
  });

  it('refuses to start with stored encrypted tokens and no key, and warns when tokens will be stored unencrypted', async () => {
    const log = memoryLog();
    await expect(prepareTokenCipher(store, {}, undefined, log)).rejects.toThrow(
      /encrypted and FAULTLINE_ENCRYPTION_KEY is not set/,
    );
    await expect(prepareTokenCipher(store, { key: keyB.toString('hex') }, undefined, log)).resolves.toBeDefined();
  });
});
