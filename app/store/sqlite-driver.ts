import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Row, SqlDriver, SqlExecutor, SqlValue } from './sql.ts';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * The database holds installation tokens and delivery records: its directory is the owner's only (0700) and the
 * file 0600, whatever the umask. An existing directory of ours is tightened too (data dirs of older versions were
 * 0755); a shared one (sticky, like /tmp) or someone else's is left alone.
 */
export function createPrivateFile(file: string): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  const { mode, uid } = statSync(dir);
  const ours = uid === process.getuid?.();
  if (ours && (mode & 0o1000) === 0 && (mode & 0o777) !== PRIVATE_DIR) chmodSync(dir, PRIVATE_DIR);
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  chmodSync(file, PRIVATE_FILE);
}

/**
 * node:sqlite is synchronous and one connection carries one transaction at a time, so every statement goes through
 * a promise chain: an async transaction never sees another caller's statements slip into it.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite' as const;
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  #tail: Promise<unknown> = Promise.resolve();

  constructor(file: string, opts: { busyTimeoutMs?: number } = {}) {
    if (file !== ':memory:') createPrivateFile(file);
    this.#db = new DatabaseSync(file);
    // WAL lets readers run beside the one writer; busy_timeout makes a second process wait for the lock, not fail.
    this.#db.exec(`PRAGMA busy_timeout = ${opts.busyTimeoutMs ?? 10_000}`);
    this.#db.exec('PRAGMA journal_mode = WAL');
    this.#db.exec('PRAGMA synchronous = NORMAL');
    // SQLite gives its -wal and -shm files the database file's mode; make sure of it.
    for (const side of [`${file}-wal`, `${file}-shm`]) if (existsSync(side)) chmodSync(side, PRIVATE_FILE);
  }

  query<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.#serialized(async () => this.#run<T>(sql, params));
  }

  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#serialized(async () => {
      this.#db.exec('BEGIN IMMEDIATE');
      try {
        const tx: SqlExecutor = { query: async (sql, params = []) => this.#run(sql, params) };
        const result = await fn(tx);
        this.#db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  exec(sql: string): Promise<void> {
    return this.#serialized(async () => {
      this.#db.exec(sql);
    });
  }

  async close(): Promise<void> {
    await this.#tail.catch(() => {});
    if (this.#db.isOpen) this.#db.close();
  }

  #run<T>(sql: string, params: readonly SqlValue[]): T[] {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
      this.#statements.set(sql, statement);
    }
    return statement.all(...params) as T[];
  }

  #serialized<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn, fn);
    this.#tail = result.catch(() => {});
    return result;
  }
}
