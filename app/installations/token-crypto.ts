// Installation tokens at rest: AES-256-GCM with a key from the environment (or a key file in the data directory).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from '../log.ts';
import type { Store } from '../store/index.ts';

export const KEY_VARIABLE = 'FAULTLINE_ENCRYPTION_KEY';
export const PREVIOUS_KEY_VARIABLE = 'FAULTLINE_ENCRYPTION_KEY_PREVIOUS';
export const KEY_FILE_NAME = 'encryption.key';
const GENERATE = 'generate one with `openssl rand -base64 32`';

/** `enc:v1:<key id>:<iv>:<tag>:<ciphertext>`, base64url parts: self-describing, so old plain values still read. */
const PREFIX = 'enc:v1:';

export class TokenKeyError extends Error {
  override name = 'TokenKeyError';
}

/** 32 bytes as base64 (44 characters) or hex (64 characters); the error names the variable, never the value. */
export function parseKey(value: string, variable: string): Buffer {
  const text = value.trim();
  if (/^[0-9a-f]{64}$/i.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return Buffer.from(text, 'base64');
  throw new TokenKeyError(`${variable} is not 32 bytes as base64 or hex: ${GENERATE}`);
}

const keyId = (key: Buffer): string => createHash('sha256').update(key).digest('base64url').slice(0, 8);

export interface OpenedToken {
  token: string;
  /** Stored in plain text or under the previous key: write it back sealed under the current key. */
  stale: boolean;
}

/** Seals and opens token strings; knows the current key and, during a rotation, the previous one. */
export class TokenCipher {
  readonly #current: Buffer;
  readonly #keys: Map<string, Buffer>;
  readonly #currentId: string;

  constructor(current: Buffer, previous?: Buffer) {
    this.#current = current;
    this.#currentId = keyId(current);
    this.#keys = new Map([[this.#currentId, current]]);
    if (previous) this.#keys.set(keyId(previous), previous);
  }

  seal(token: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#current, iv);
    const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url'));
    return `${PREFIX}${this.#currentId}:${parts.join(':')}`;
  }

  open(stored: string): OpenedToken {
    if (!isSealed(stored)) return { token: stored, stale: true };
    const [id, iv, tag, sealed] = stored.slice(PREFIX.length).split(':');
    const key = this.#keys.get(id ?? '');
    if (!key || !iv || !tag || sealed === undefined) {
      throw new TokenKeyError(
        `an installation token was encrypted with a key that is neither ${KEY_VARIABLE} nor ${PREVIOUS_KEY_VARIABLE}: set ${PREVIOUS_KEY_VARIABLE} to the key it was stored with, or reinstall the integration`,
      );
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const token = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    return { token, stale: id !== this.#currentId };
  }
}

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

/**
 * The key, in this order: FAULTLINE_ENCRYPTION_KEY; else, with a data directory (SQLite), its `encryption.key`,
 * created 0600 on first start so tokens are encrypted by default; else (PostgreSQL without a key) none: every
 * replica must share the key, so it has to come from the environment.
 */
export function loadTokenCipher(
  env: { key?: string | undefined; previousKey?: string | undefined },
  dataDir: string | undefined,
): { cipher: TokenCipher | undefined; source: 'environment' | 'key file' | 'none' } {
  const previous = env.previousKey ? parseKey(env.previousKey, PREVIOUS_KEY_VARIABLE) : undefined;
  if (env.key) return { cipher: new TokenCipher(parseKey(env.key, KEY_VARIABLE), previous), source: 'environment' };
  if (!dataDir) return { cipher: undefined, source: 'none' };
  const file = join(dataDir, KEY_FILE_NAME);
  if (!existsSync(file)) writeKeyFile(file);
  return { cipher: new TokenCipher(parseKey(readFileSync(file, 'utf8'), file), previous), source: 'key file' };
}

function writeKeyFile(file: string): void {
  // Written aside, then linked into place: another process starting at the same time never reads half a key, and
  // never has its key replaced.
  const aside = `${file}.${process.pid}.tmp`;
  writeFileSync(aside, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    linkSync(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(aside);
  }
}

/** Refuses to start when tokens are stored encrypted and no key can open them. */
export function checkStoredTokens(storedTokens: string[], cipher: TokenCipher | undefined): void {
  const sealed = storedTokens.filter(isSealed);
  if (sealed.length === 0) return;
  if (!cipher) {
    throw new TokenKeyError(
      `${sealed.length} stored installation token(s) are encrypted and ${KEY_VARIABLE} is not set: set it to the key they were stored with (${GENERATE} only for a new installation)`,
    );
  }
  for (const value of sealed) cipher.open(value);
}

/**
 * At start-up: the cipher for installation tokens, after checking it opens every stored one (refusing to start
 * otherwise). Says where the key came from, and warns when tokens will be stored unencrypted.
 */
export async function prepareTokenCipher(
  store: Pick<Store, 'listInstallationsWithTokens'>,
  keys: { key?: string | undefined; previousKey?: string | undefined },
  dataDir: string | undefined,
  log: Log,
): Promise<TokenCipher | undefined> {
  const { cipher, source } = loadTokenCipher(keys, dataDir);
  const stored = (await store.listInstallationsWithTokens()).flatMap((i) =>
    [i.token, i.refreshToken].filter((t): t is string => Boolean(t)),
  );
  checkStoredTokens(stored, cipher);
  if (source === 'none') {
    log.warn(
      { variable: KEY_VARIABLE },
      `installation tokens are stored unencrypted: set ${KEY_VARIABLE} (the same on every replica; ${GENERATE})`,
    );
  } else if (source === 'key file') {
    log.info(
      { file: join(dataDir!, KEY_FILE_NAME) },
      `installation tokens are encrypted with the key file in the data directory; set ${KEY_VARIABLE} to keep the key elsewhere`,
    );
  }
  return cipher;
}
