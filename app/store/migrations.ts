import type { Dialect, SqlDriver, SqlExecutor } from './sql.ts';

/**
 * Versioned migrations, one list per dialect, applied in order at start-up. Each runs in a transaction with its
 * version row, so a crash never leaves half a migration; several processes starting together serialize on a lock.
 * Append new versions; never edit an applied one. Times are epoch milliseconds (BIGINT) in both dialects.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const sqliteInitial = `
CREATE TABLE installations (
  uuid TEXT PRIMARY KEY,
  org_slug TEXT NOT NULL,
  app_slug TEXT,
  status TEXT NOT NULL,
  token TEXT,
  refresh_token TEXT,
  token_expires_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  digest TEXT NOT NULL UNIQUE,
  request_id TEXT,
  resource TEXT NOT NULL,
  action TEXT,
  installation_uuid TEXT,
  status TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at INTEGER NOT NULL
);
CREATE INDEX deliveries_received_at ON deliveries (received_at);
CREATE TABLE jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  run_at INTEGER NOT NULL,
  lock_token TEXT,
  locked_until INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX jobs_claimable ON jobs (state, run_at);
CREATE TABLE links (
  sentry_issue_id TEXT PRIMARY KEY,
  installation_uuid TEXT,
  github_repo TEXT NOT NULL,
  github_issue_number INTEGER NOT NULL,
  external_issue_id TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX links_github_issue ON links (github_repo, github_issue_number);
CREATE TABLE pr_comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  github_repo TEXT NOT NULL,
  pr_number INTEGER NOT NULL,
  sentry_issue_id TEXT NOT NULL,
  comment_id INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (github_repo, pr_number, sentry_issue_id)
);
`;

const postgresInitial = `
CREATE TABLE installations (
  uuid TEXT PRIMARY KEY,
  org_slug TEXT NOT NULL,
  app_slug TEXT,
  status TEXT NOT NULL,
  token TEXT,
  refresh_token TEXT,
  token_expires_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE deliveries (
  id BIGSERIAL PRIMARY KEY,
  digest TEXT NOT NULL UNIQUE,
  request_id TEXT,
  resource TEXT NOT NULL,
  action TEXT,
  installation_uuid TEXT,
  status TEXT NOT NULL,
  body TEXT NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX deliveries_received_at ON deliveries (received_at);
CREATE TABLE jobs (
  id BIGSERIAL PRIMARY KEY,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  run_at BIGINT NOT NULL,
  lock_token TEXT,
  locked_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX jobs_claimable ON jobs (state, run_at);
CREATE TABLE links (
  sentry_issue_id TEXT PRIMARY KEY,
  installation_uuid TEXT,
  github_repo TEXT NOT NULL,
  github_issue_number INTEGER NOT NULL,
  external_issue_id TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX links_github_issue ON links (github_repo, github_issue_number);
CREATE TABLE pr_comments (
  id BIGSERIAL PRIMARY KEY,
  github_repo TEXT NOT NULL,
  pr_number INTEGER NOT NULL,
  sentry_issue_id TEXT NOT NULL,
  comment_id BIGINT,
  created_at BIGINT NOT NULL,
  UNIQUE (github_repo, pr_number, sentry_issue_id)
);
`;

// One-time claims and small keyed records of triage and sync (a config-error issue per repo, new-issue slots per
// hour, a mirrored comment's id, an incident's issue). Created as `triage_marks`; version 3 renames it `marks`.
const triageMarks = (time: 'INTEGER' | 'BIGINT') => `
CREATE TABLE triage_marks (
  kind TEXT NOT NULL,
  mark_key TEXT NOT NULL,
  repo TEXT NOT NULL,
  value TEXT,
  created_at ${time} NOT NULL,
  PRIMARY KEY (kind, mark_key)
);
CREATE INDEX triage_marks_repo ON triage_marks (repo, kind, created_at)
`;

// SQLite has no ALTER INDEX: the index is dropped and created again under its new name (same columns).
const sqliteRenameMarks = `
ALTER TABLE triage_marks RENAME TO marks;
DROP INDEX triage_marks_repo;
CREATE INDEX marks_repo ON marks (repo, kind, created_at)
`;

const postgresRenameMarks = `
ALTER TABLE triage_marks RENAME TO marks;
ALTER INDEX triage_marks_repo RENAME TO marks_repo;
ALTER TABLE marks RENAME CONSTRAINT triage_marks_pkey TO marks_pkey
`;

// When a job took the delivery: a repeat of its body is coalesced with it until then, and gets its own job after.
const deliveriesTakenAt = (time: 'INTEGER' | 'BIGINT') => `ALTER TABLE deliveries ADD COLUMN taken_at ${time}`;

// Status changes are claimed before a burst of new-issue work queued ahead of them (higher first, then FIFO).
const jobsPriority = `
ALTER TABLE jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_claimable_priority ON jobs (state, priority, run_at)
`;

export const migrations: Record<Dialect, readonly Migration[]> = {
  sqlite: [
    { version: 1, name: 'initial', sql: sqliteInitial },
    { version: 2, name: 'triage marks', sql: triageMarks('INTEGER') },
    { version: 3, name: 'rename triage_marks to marks', sql: sqliteRenameMarks },
    { version: 4, name: 'deliveries taken_at', sql: deliveriesTakenAt('INTEGER') },
    { version: 5, name: 'jobs priority', sql: jobsPriority },
  ],
  postgres: [
    { version: 1, name: 'initial', sql: postgresInitial },
    { version: 2, name: 'triage marks', sql: triageMarks('BIGINT') },
    { version: 3, name: 'rename triage_marks to marks', sql: postgresRenameMarks },
    { version: 4, name: 'deliveries taken_at', sql: deliveriesTakenAt('BIGINT') },
    { version: 5, name: 'jobs priority', sql: jobsPriority },
  ],
};

export const latestMigration = (dialect: Dialect): number => migrations[dialect].at(-1)?.version ?? 0;

/** Applies every migration not yet recorded; returns the versions applied now (empty when up to date). */
export async function applyMigrations(driver: SqlDriver, now = Date.now()): Promise<number[]> {
  const applied: number[] = [];
  await driver.transaction(async (tx) => {
    await lockMigrations(driver, tx);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS faultline_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
    );
  });
  for (const migration of migrations[driver.dialect]) {
    const ran = await driver.transaction(async (tx) => {
      await lockMigrations(driver, tx);
      const done = await tx.query('SELECT 1 FROM faultline_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      for (const statement of migration.sql.split(';').map((s) => s.trim())) {
        if (statement) await tx.query(statement);
      }
      await tx.query('INSERT INTO faultline_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        now,
      ]);
      return true;
    });
    if (ran) applied.push(migration.version);
  }
  return applied;
}

/** PostgreSQL: replicas starting together wait here; SQLite's BEGIN IMMEDIATE already holds the write lock. */
async function lockMigrations(driver: SqlDriver, tx: SqlExecutor): Promise<void> {
  if (driver.dialect === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(724311)');
}
