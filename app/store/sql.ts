// The small SQL surface both backends share. Statements are written once with `$1, $2…` placeholders;
// the SQLite driver rewrites them to SQLite's numbered `?1, ?2…`.
export type Dialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | bigint | null;
export type Row = Record<string, unknown>;

export interface SqlExecutor {
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
}

export interface SqlDriver extends SqlExecutor {
  readonly dialect: Dialect;
  /** Runs `fn` in one transaction; on SQLite it is `BEGIN IMMEDIATE`, so the write lock is taken up front. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}
