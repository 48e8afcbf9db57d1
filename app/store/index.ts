import { join } from 'node:path';
import { applyMigrations } from './migrations.ts';
import { PostgresDriver } from './postgres-driver.ts';
import { SqlStore } from './sql-store.ts';
import { SqliteDriver } from './sqlite-driver.ts';

export type { Dialect } from './sql.ts';
export { DEFAULT_MAX_ATTEMPTS, SqlStore } from './sql-store.ts';
export type * from './types.ts';

export type StorageConfig =
  { kind: 'postgres'; databaseUrl: string; poolSize?: number } | { kind: 'sqlite'; file: string };

export const sqliteFileIn = (dataDir: string): string => join(dataDir, 'faultline.sqlite');

/** Opens the configured backend and applies pending migrations before handing it out. */
export async function openStore(config: StorageConfig): Promise<SqlStore> {
  const driver =
    config.kind === 'postgres'
      ? new PostgresDriver(config.databaseUrl, { max: config.poolSize })
      : new SqliteDriver(config.file);
  try {
    await applyMigrations(driver);
  } catch (error) {
    await driver.close().catch(() => {});
    throw error;
  }
  return new SqlStore(driver);
}
