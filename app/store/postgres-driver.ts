import pg from 'pg';
import type { Row, SqlDriver, SqlExecutor, SqlValue } from './sql.ts';

export class PostgresDriver implements SqlDriver {
  readonly dialect = 'postgres' as const;
  readonly #pool: pg.Pool;

  constructor(connectionString: string, opts: { max?: number; connectionTimeoutMs?: number } = {}) {
    this.#pool = new pg.Pool({
      connectionString,
      max: opts.max ?? 10,
      connectionTimeoutMillis: opts.connectionTimeoutMs ?? 5_000,
    });
    // An idle client losing its server (restart, network) must not crash the process; the next query reconnects.
    this.#pool.on('error', () => {});
  }

  async query<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const result = await this.#pool.query(sql, params as unknown[]);
    return result.rows as T[];
  }

  async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const tx: SqlExecutor = {
        query: async <R extends Row = Row>(sql: string, params: readonly SqlValue[] = []) =>
          (await client.query(sql, params as unknown[])).rows as R[],
      };
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError; // the connection itself failed: do not give it back to the pool
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async exec(sql: string): Promise<void> {
    await this.#pool.query(sql);
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
