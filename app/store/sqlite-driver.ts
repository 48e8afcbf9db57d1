import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import type { Row, SqlDriver, SqlExecutor, SqlValue } from './sql.ts';

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
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.#db = new DatabaseSync(file);
    // WAL lets readers run beside the one writer; busy_timeout makes a second process wait for the lock, not fail.
    this.#db.exec(`PRAGMA busy_timeout = ${opts.busyTimeoutMs ?? 10_000}`);
    this.#db.exec('PRAGMA journal_mode = WAL');
    this.#db.exec('PRAGMA synchronous = NORMAL');
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
