// Test backends: a fresh SQLite file per call, and, when DATABASE_URL is set, a fresh PostgreSQL schema per call so
// test files run in parallel on one server.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore, type SqlStore, type StorageConfig, sqliteFileIn } from '../../app/store/index.ts';

export interface TestBackend {
  config: StorageConfig;
  /** For child processes: the DATABASE_URL (search_path set to the schema) or the data dir. */
  env: Record<string, string>;
  open(): Promise<SqlStore>;
  dispose(): Promise<void>;
}

export const backends = [
  { name: 'sqlite', available: true },
  { name: 'postgres', available: Boolean(process.env.DATABASE_URL) },
] as const;

export async function createBackend(name: 'sqlite' | 'postgres'): Promise<TestBackend> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-app-'));
    const config: StorageConfig = { kind: 'sqlite', file: sqliteFileIn(dir) };
    return {
      config,
      env: { FAULTLINE_DATA_DIR: dir },
      open: () => openStore(config),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = process.env.DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const config: StorageConfig = { kind: 'postgres', databaseUrl: url.toString(), poolSize: 5 };
  return {
    config,
    env: { DATABASE_URL: url.toString() },
    open: () => openStore(config),
    dispose: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}
