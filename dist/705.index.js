export const id = 705;
export const ids = [705];
export const modules = {

/***/ 3705:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAppChecks: () => (/* binding */ runAppChecks)
});

// UNUSED EXPORTS: REQUIRED_PERMISSIONS, judgeGitHubApp, judgePermissions, judgeSecrets, judgeSettings

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(8262);
;// CONCATENATED MODULE: ./.build/app/store/migrations.js
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
const triageMarks = (time) => `
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
const migrations = {
    sqlite: [
        { version: 1, name: 'initial', sql: sqliteInitial },
        { version: 2, name: 'triage marks', sql: triageMarks('INTEGER') },
        { version: 3, name: 'rename triage_marks to marks', sql: sqliteRenameMarks },
    ],
    postgres: [
        { version: 1, name: 'initial', sql: postgresInitial },
        { version: 2, name: 'triage marks', sql: triageMarks('BIGINT') },
        { version: 3, name: 'rename triage_marks to marks', sql: postgresRenameMarks },
    ],
};
const migrations_latestMigration = (dialect) => migrations[dialect].at(-1)?.version ?? 0;
/** Applies every migration not yet recorded; returns the versions applied now (empty when up to date). */
async function migrations_applyMigrations(driver, now = Date.now()) {
    const applied = [];
    await driver.transaction(async (tx) => {
        await lockMigrations(driver, tx);
        await tx.query('CREATE TABLE IF NOT EXISTS faultline_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    });
    for (const migration of migrations[driver.dialect]) {
        const ran = await driver.transaction(async (tx) => {
            await lockMigrations(driver, tx);
            const done = await tx.query('SELECT 1 FROM faultline_migrations WHERE version = $1', [migration.version]);
            if (done.length > 0)
                return false;
            for (const statement of migration.sql.split(';').map((s) => s.trim())) {
                if (statement)
                    await tx.query(statement);
            }
            await tx.query('INSERT INTO faultline_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
                migration.version,
                migration.name,
                now,
            ]);
            return true;
        });
        if (ran)
            applied.push(migration.version);
    }
    return applied;
}
/** PostgreSQL: replicas starting together wait here; SQLite's BEGIN IMMEDIATE already holds the write lock. */
async function lockMigrations(driver, tx) {
    if (driver.dialect === 'postgres')
        await tx.query('SELECT pg_advisory_xact_lock(724311)');
}

// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
;// CONCATENATED MODULE: ./.build/app/store/postgres-driver.js

class postgres_driver_PostgresDriver {
    dialect = 'postgres';
    #pool;
    constructor(connectionString, opts = {}) {
        this.#pool = new esm/* default.Pool */.Ay.Pool({
            connectionString,
            max: opts.max ?? 10,
            connectionTimeoutMillis: opts.connectionTimeoutMs ?? 5_000,
        });
        // An idle client losing its server (restart, network) must not crash the process; the next query reconnects.
        this.#pool.on('error', () => { });
    }
    async query(sql, params = []) {
        const result = await this.#pool.query(sql, params);
        return result.rows;
    }
    async transaction(fn) {
        const client = await this.#pool.connect();
        let broken;
        try {
            await client.query('BEGIN');
            const tx = {
                query: async (sql, params = []) => (await client.query(sql, params)).rows,
            };
            const result = await fn(tx);
            await client.query('COMMIT');
            return result;
        }
        catch (error) {
            await client.query('ROLLBACK').catch((rollbackError) => {
                broken = rollbackError; // the connection itself failed: do not give it back to the pool
            });
            throw error;
        }
        finally {
            client.release(broken);
        }
    }
    async exec(sql) {
        await this.#pool.query(sql);
    }
    async close() {
        await this.#pool.end();
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.build/app/store/sql-store.js


const DEFAULT_MAX_ATTEMPTS = 8;
/** The Store over either dialect: the statements are the common subset (ON CONFLICT, RETURNING) of both. */
class sql_store_SqlStore {
    #db;
    constructor(driver) {
        this.#db = driver;
    }
    get dialect() {
        return this.#db.dialect;
    }
    async ping() {
        await this.#db.query('SELECT 1 AS ok');
    }
    async migrationVersion() {
        const rows = await this.#db.query('SELECT MAX(version) AS v FROM faultline_migrations');
        return Number(rows[0]?.v ?? 0);
    }
    /** Every write on SQLite goes through BEGIN IMMEDIATE: a deferred transaction upgrading to a writer can fail
     * with SQLITE_BUSY past busy_timeout when another process wrote meanwhile. One statement on PostgreSQL is atomic. */
    #write(fn) {
        return this.#db.dialect === 'sqlite' ? this.#db.transaction(fn) : fn(this.#db);
    }
    async recordDelivery(delivery, job) {
        if (this.#db.dialect === 'postgres')
            return this.#recordDeliveryPostgres(delivery, job);
        return this.#db.transaction(async (tx) => {
            const inserted = await tx.query(`INSERT INTO deliveries (digest, request_id, resource, action, installation_uuid, status, body, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (digest) DO NOTHING RETURNING id`, [
                delivery.digest,
                delivery.requestId,
                delivery.resource,
                delivery.action,
                delivery.installationUuid,
                delivery.status,
                delivery.body,
                delivery.receivedAt,
            ]);
            if (inserted.length === 0) {
                const existing = await tx.query('SELECT id FROM deliveries WHERE digest = $1', [
                    delivery.digest,
                ]);
                return { deliveryId: Number(existing[0]?.id), duplicate: true, jobId: null };
            }
            const deliveryId = Number(inserted[0]?.id);
            if (!job)
                return { deliveryId, duplicate: false, jobId: null };
            const jobId = await insertJob(tx, { ...job, payload: { ...job.payload, deliveryId } }, delivery.receivedAt);
            return { deliveryId, duplicate: false, jobId };
        });
    }
    /** One statement, one round trip: the webhook ack waits on it. Both inserts commit together or not at all. */
    async #recordDeliveryPostgres(delivery, job) {
        const rows = await this.#db.query(`WITH d AS (
         INSERT INTO deliveries (digest, request_id, resource, action, installation_uuid, status, body, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (digest) DO NOTHING RETURNING id),
       j AS (
         INSERT INTO jobs (type, payload, state, attempts, max_attempts, run_at, created_at, updated_at)
         SELECT $9, jsonb_set($10::jsonb, '{deliveryId}', to_jsonb(d.id))::text, 'queued', 0, $11, $8, $8, $8
         FROM d WHERE $9::text IS NOT NULL RETURNING id)
       SELECT d.id AS delivery_id, (SELECT id FROM j) AS job_id FROM d`, [
            delivery.digest,
            delivery.requestId,
            delivery.resource,
            delivery.action,
            delivery.installationUuid,
            delivery.status,
            delivery.body,
            delivery.receivedAt,
            job?.type ?? null,
            JSON.stringify(job?.payload ?? {}),
            job?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        ]);
        const inserted = rows[0];
        if (inserted) {
            return {
                deliveryId: Number(inserted.delivery_id),
                duplicate: false,
                jobId: inserted.job_id === null ? null : Number(inserted.job_id),
            };
        }
        const existing = await this.#db.query('SELECT id FROM deliveries WHERE digest = $1', [
            delivery.digest,
        ]);
        return { deliveryId: Number(existing[0]?.id), duplicate: true, jobId: null };
    }
    async getDelivery(id) {
        const rows = await this.#db.query('SELECT * FROM deliveries WHERE id = $1', [id]);
        const row = rows[0];
        if (!row)
            return undefined;
        return {
            id: Number(row['id']),
            digest: String(row['digest']),
            requestId: nullableString(row['request_id']),
            resource: String(row['resource']),
            action: nullableString(row['action']),
            installationUuid: nullableString(row['installation_uuid']),
            status: row['status'],
            body: String(row['body']),
            receivedAt: Number(row['received_at']),
        };
    }
    async countDeliveries() {
        const rows = await this.#db.query('SELECT COUNT(*) AS n FROM deliveries');
        return Number(rows[0]?.n ?? 0);
    }
    async pruneDeliveries(before) {
        const rows = await this.#write((tx) => tx.query('DELETE FROM deliveries WHERE received_at < $1 RETURNING id', [before]));
        return rows.length;
    }
    async upsertInstallation(i, now) {
        await this.#write((tx) => tx.query(`INSERT INTO installations (uuid, org_slug, app_slug, status, token, refresh_token, token_expires_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
         ON CONFLICT (uuid) DO UPDATE SET org_slug = excluded.org_slug, app_slug = excluded.app_slug,
           status = excluded.status, token = COALESCE(excluded.token, installations.token),
           refresh_token = COALESCE(excluded.refresh_token, installations.refresh_token),
           token_expires_at = COALESCE(excluded.token_expires_at, installations.token_expires_at),
           updated_at = excluded.updated_at`, [i.uuid, i.orgSlug, i.appSlug, i.status, i.token, i.refreshToken, i.tokenExpiresAt, now]));
    }
    async getInstallation(uuid) {
        const rows = await this.#db.query('SELECT * FROM installations WHERE uuid = $1', [uuid]);
        return rows[0] && toInstallation(rows[0]);
    }
    async deleteInstallation(uuid) {
        const rows = await this.#write((tx) => tx.query('DELETE FROM installations WHERE uuid = $1 RETURNING uuid', [uuid]));
        return rows.length > 0;
    }
    async listInstallationsExpiringBefore(time) {
        const rows = await this.#db.query('SELECT * FROM installations WHERE refresh_token IS NOT NULL AND token_expires_at < $1 ORDER BY token_expires_at', [time]);
        return rows.map(toInstallation);
    }
    enqueueJob(job, now) {
        return this.#write((tx) => insertJob(tx, job, now));
    }
    async claimJobs(opts) {
        // A plain read first: idle pollers must not queue for SQLite's single write lock (or PostgreSQL row locks).
        const due = await this.#db.query(`SELECT id FROM jobs WHERE (state = 'queued' AND run_at <= $1)
         OR (state = 'running' AND locked_until <= $1 AND attempts < max_attempts) LIMIT 1`, [opts.now]);
        if (due.length === 0)
            return [];
        const token = `${opts.workerId}:${randomUUID()}`;
        // PostgreSQL: SKIP LOCKED lets replicas claim different rows at once. SQLite: the immediate transaction holds
        // the single write lock, so the select-then-update inside one UPDATE cannot race with another process.
        const skipLocked = this.#db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
        const rows = await this.#write((tx) => tx.query(`UPDATE jobs SET state = 'running', attempts = attempts + 1, lock_token = $1, locked_until = $2, updated_at = $3
         WHERE id IN (
           SELECT id FROM jobs
           WHERE (state = 'queued' AND run_at <= $3)
              OR (state = 'running' AND locked_until <= $3 AND attempts < max_attempts)
           ORDER BY run_at, id LIMIT $4 ${skipLocked})
         RETURNING *`, [token, opts.now + opts.leaseMs, opts.now, opts.limit]));
        return rows.map(toJob).sort((a, b) => a.runAt - b.runAt || a.id - b.id);
    }
    async extendLease(id, lockToken, until) {
        return this.#ownedUpdate('locked_until = $3', [until], id, lockToken);
    }
    async completeJob(id, lockToken, now) {
        return this.#ownedUpdate("state = 'done', lock_token = NULL, locked_until = NULL, updated_at = $3", [now], id, lockToken);
    }
    async failJob(id, lockToken, error, retryAt, now) {
        return retryAt === null
            ? this.#ownedUpdate("state = 'dead', last_error = $3, lock_token = NULL, locked_until = NULL, updated_at = $4", [error, now], id, lockToken)
            : this.#ownedUpdate("state = 'queued', last_error = $3, run_at = $4, lock_token = NULL, locked_until = NULL, updated_at = $5", [error, retryAt, now], id, lockToken);
    }
    async releaseJob(id, lockToken, now) {
        return this.#ownedUpdate("state = 'queued', attempts = attempts - 1, run_at = $3, lock_token = NULL, locked_until = NULL, updated_at = $3", [now], id, lockToken);
    }
    async #ownedUpdate(set, values, id, lockToken) {
        const rows = await this.#write((tx) => tx.query(`UPDATE jobs SET ${set} WHERE id = $1 AND lock_token = $2 AND state = 'running' RETURNING id`, [
            id,
            lockToken,
            ...values,
        ]));
        return rows.length > 0;
    }
    async deadLetterExpired(now) {
        const expired = await this.#db.query(`SELECT id FROM jobs WHERE state = 'running' AND locked_until <= $1 AND attempts >= max_attempts LIMIT 1`, [now]);
        if (expired.length === 0)
            return [];
        const rows = await this.#write((tx) => tx.query(`UPDATE jobs SET state = 'dead', lock_token = NULL, locked_until = NULL, updated_at = $1,
           last_error = COALESCE(last_error || ' / ', '') || 'lease expired on the last attempt (the worker died or hung)'
         WHERE state = 'running' AND locked_until <= $1 AND attempts >= max_attempts RETURNING *`, [now]));
        return rows.map(toJob);
    }
    async pruneDoneJobs(before) {
        const rows = await this.#write((tx) => tx.query("DELETE FROM jobs WHERE state = 'done' AND updated_at < $1 RETURNING id", [before]));
        return rows.length;
    }
    async getJob(id) {
        const rows = await this.#db.query('SELECT * FROM jobs WHERE id = $1', [id]);
        return rows[0] && toJob(rows[0]);
    }
    async listJobs(filter = {}) {
        const rows = await this.#db.query('SELECT * FROM jobs WHERE (CAST($1 AS TEXT) IS NULL OR state = $1) AND (CAST($2 AS TEXT) IS NULL OR type = $2) ORDER BY id', [filter.state ?? null, filter.type ?? null]);
        return rows.map(toJob);
    }
    async countJobs() {
        const rows = await this.#db.query('SELECT state, COUNT(*) AS n FROM jobs GROUP BY state');
        const counts = { queued: 0, running: 0, done: 0, dead: 0 };
        for (const row of rows)
            counts[row.state] = Number(row.n);
        return counts;
    }
    async linkIssue(link, now) {
        const inserted = await this.#write((tx) => tx.query(`INSERT INTO links (sentry_issue_id, installation_uuid, github_repo, github_issue_number, external_issue_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (sentry_issue_id) DO NOTHING RETURNING sentry_issue_id`, [link.sentryIssueId, link.installationUuid, link.githubRepo, link.githubIssueNumber, link.externalIssueId, now]));
        if (inserted.length > 0)
            return { link, created: true };
        const existing = await this.getLink(link.sentryIssueId);
        if (!existing)
            throw new Error(`link for Sentry issue ${link.sentryIssueId} vanished while being created; retry`);
        return { link: existing, created: false };
    }
    async getLink(sentryIssueId) {
        const rows = await this.#db.query('SELECT * FROM links WHERE sentry_issue_id = $1', [sentryIssueId]);
        return rows[0] && toLink(rows[0]);
    }
    async getLinkByGitHubIssue(githubRepo, githubIssueNumber) {
        const rows = await this.#db.query('SELECT * FROM links WHERE github_repo = $1 AND github_issue_number = $2', [
            githubRepo,
            githubIssueNumber,
        ]);
        return rows[0] && toLink(rows[0]);
    }
    async deleteLink(sentryIssueId) {
        const rows = await this.#write((tx) => tx.query('DELETE FROM links WHERE sentry_issue_id = $1 RETURNING sentry_issue_id', [sentryIssueId]));
        return rows.length > 0;
    }
    async recordPrComment(comment, now) {
        const inserted = await this.#write((tx) => tx.query(`INSERT INTO pr_comments (github_repo, pr_number, sentry_issue_id, comment_id, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (github_repo, pr_number, sentry_issue_id) DO NOTHING RETURNING id`, [comment.githubRepo, comment.prNumber, comment.sentryIssueId, comment.commentId, now]));
        if (inserted.length > 0)
            return { comment, created: true };
        const existing = await this.getPrComment(comment.githubRepo, comment.prNumber, comment.sentryIssueId);
        if (!existing)
            throw new Error(`PR comment for ${comment.githubRepo}#${comment.prNumber} vanished; retry`);
        return { comment: existing, created: false };
    }
    async getPrComment(githubRepo, prNumber, sentryIssueId) {
        const rows = await this.#db.query('SELECT * FROM pr_comments WHERE github_repo = $1 AND pr_number = $2 AND sentry_issue_id = $3', [githubRepo, prNumber, sentryIssueId]);
        const row = rows[0];
        if (!row)
            return undefined;
        return {
            githubRepo: String(row['github_repo']),
            prNumber: Number(row['pr_number']),
            sentryIssueId: String(row['sentry_issue_id']),
            commentId: nullableNumber(row['comment_id']),
        };
    }
    async setLinkIssueNumber(sentryIssueId, githubIssueNumber, now) {
        const rows = await this.#write((tx) => tx.query('UPDATE links SET github_issue_number = $2, updated_at = $3 WHERE sentry_issue_id = $1 RETURNING sentry_issue_id', [sentryIssueId, githubIssueNumber, now]));
        return rows.length > 0;
    }
    async setLinkExternalIssue(sentryIssueId, externalIssueId, now) {
        const rows = await this.#write((tx) => tx.query('UPDATE links SET external_issue_id = $2, updated_at = $3 WHERE sentry_issue_id = $1 RETURNING sentry_issue_id', [sentryIssueId, externalIssueId, now]));
        return rows.length > 0;
    }
    async takeOverPendingLink(sentryIssueId, staleBefore, now) {
        const rows = await this.#write((tx) => tx.query(`UPDATE links SET updated_at = $3
         WHERE sentry_issue_id = $1 AND github_issue_number = 0 AND updated_at < $2 RETURNING sentry_issue_id`, [sentryIssueId, staleBefore, now]));
        return rows.length > 0;
    }
    async putMarkOnce(mark, now) {
        const inserted = await this.#write((tx) => tx.query(`INSERT INTO marks (kind, mark_key, repo, value, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (kind, mark_key) DO NOTHING RETURNING kind`, [mark.kind, mark.key, mark.repo, mark.value, now]));
        if (inserted.length > 0)
            return { mark: { ...mark, createdAt: now }, created: true };
        const existing = await this.getMark(mark.kind, mark.key);
        if (!existing)
            throw new Error(`mark ${mark.kind}/${mark.key} vanished while being created; retry`);
        return { mark: existing, created: false };
    }
    async getMark(kind, key) {
        const rows = await this.#db.query('SELECT * FROM marks WHERE kind = $1 AND mark_key = $2', [kind, key]);
        const row = rows[0];
        if (!row)
            return undefined;
        return {
            kind: String(row['kind']),
            key: String(row['mark_key']),
            repo: String(row['repo']),
            value: nullableString(row['value']),
            createdAt: Number(row['created_at']),
        };
    }
    async setMarkValue(kind, key, value) {
        const rows = await this.#write((tx) => tx.query('UPDATE marks SET value = $3 WHERE kind = $1 AND mark_key = $2 RETURNING kind', [kind, key, value]));
        return rows.length > 0;
    }
    async deleteMark(kind, key) {
        const rows = await this.#write((tx) => tx.query('DELETE FROM marks WHERE kind = $1 AND mark_key = $2 RETURNING kind', [kind, key]));
        return rows.length > 0;
    }
    async pruneMarks(kind, before) {
        const rows = await this.#write((tx) => tx.query('DELETE FROM marks WHERE kind = $1 AND created_at < $2 RETURNING kind', [kind, before]));
        return rows.length;
    }
    close() {
        return this.#db.close();
    }
    /** For readiness checks: migrations applied up to what this build knows. */
    async isMigrated() {
        return (await this.migrationVersion()) >= latestMigration(this.#db.dialect);
    }
}
async function insertJob(tx, job, now) {
    const rows = await tx.query(`INSERT INTO jobs (type, payload, state, attempts, max_attempts, run_at, created_at, updated_at)
     VALUES ($1, $2, 'queued', 0, $3, $4, $5, $5) RETURNING id`, [job.type, JSON.stringify(job.payload ?? null), job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, job.runAt ?? now, now]);
    return Number(rows[0]?.id);
}
const nullableString = (v) => (v === null || v === undefined ? null : String(v));
const nullableNumber = (v) => (v === null || v === undefined ? null : Number(v));
function toJob(row) {
    return {
        id: Number(row['id']),
        type: String(row['type']),
        payload: JSON.parse(String(row['payload'])),
        state: row['state'],
        attempts: Number(row['attempts']),
        maxAttempts: Number(row['max_attempts']),
        runAt: Number(row['run_at']),
        lockToken: nullableString(row['lock_token']),
        lockedUntil: nullableNumber(row['locked_until']),
        lastError: nullableString(row['last_error']),
    };
}
function toInstallation(row) {
    return {
        uuid: String(row['uuid']),
        orgSlug: String(row['org_slug']),
        appSlug: nullableString(row['app_slug']),
        status: String(row['status']),
        token: nullableString(row['token']),
        refreshToken: nullableString(row['refresh_token']),
        tokenExpiresAt: nullableNumber(row['token_expires_at']),
    };
}
function toLink(row) {
    return {
        sentryIssueId: String(row['sentry_issue_id']),
        installationUuid: nullableString(row['installation_uuid']),
        githubRepo: String(row['github_repo']),
        githubIssueNumber: Number(row['github_issue_number']),
        externalIssueId: nullableString(row['external_issue_id']),
    };
}

// EXTERNAL MODULE: external "node:sqlite"
var external_node_sqlite_ = __webpack_require__(99);
;// CONCATENATED MODULE: ./.build/app/store/sqlite-driver.js



/**
 * node:sqlite is synchronous and one connection carries one transaction at a time, so every statement goes through
 * a promise chain: an async transaction never sees another caller's statements slip into it.
 */
class sqlite_driver_SqliteDriver {
    dialect = 'sqlite';
    #db;
    #statements = new Map();
    #tail = Promise.resolve();
    constructor(file, opts = {}) {
        if (file !== ':memory:')
            (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true });
        this.#db = new external_node_sqlite_.DatabaseSync(file);
        // WAL lets readers run beside the one writer; busy_timeout makes a second process wait for the lock, not fail.
        this.#db.exec(`PRAGMA busy_timeout = ${opts.busyTimeoutMs ?? 10_000}`);
        this.#db.exec('PRAGMA journal_mode = WAL');
        this.#db.exec('PRAGMA synchronous = NORMAL');
    }
    query(sql, params = []) {
        return this.#serialized(async () => this.#run(sql, params));
    }
    transaction(fn) {
        return this.#serialized(async () => {
            this.#db.exec('BEGIN IMMEDIATE');
            try {
                const tx = { query: async (sql, params = []) => this.#run(sql, params) };
                const result = await fn(tx);
                this.#db.exec('COMMIT');
                return result;
            }
            catch (error) {
                if (this.#db.isTransaction)
                    this.#db.exec('ROLLBACK');
                throw error;
            }
        });
    }
    exec(sql) {
        return this.#serialized(async () => {
            this.#db.exec(sql);
        });
    }
    async close() {
        await this.#tail.catch(() => { });
        if (this.#db.isOpen)
            this.#db.close();
    }
    #run(sql, params) {
        let statement = this.#statements.get(sql);
        if (!statement) {
            statement = this.#db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
            this.#statements.set(sql, statement);
        }
        return statement.all(...params);
    }
    #serialized(fn) {
        const result = this.#tail.then(fn, fn);
        this.#tail = result.catch(() => { });
        return result;
    }
}

;// CONCATENATED MODULE: ./.build/app/store/index.js






const sqliteFileIn = (dataDir) => (0,external_node_path_.join)(dataDir, 'faultline.sqlite');
/** Opens the configured backend and applies pending migrations before handing it out. */
async function openStore(config) {
    const driver = config.kind === 'postgres'
        ? new PostgresDriver(config.databaseUrl, { max: config.poolSize })
        : new SqliteDriver(config.file);
    try {
        await applyMigrations(driver);
    }
    catch (error) {
        await driver.close().catch(() => { });
        throw error;
    }
    return new SqlStore(driver);
}

;// CONCATENATED MODULE: ./.build/app/config.js



class ConfigError extends Error {
    name = 'ConfigError';
    problems;
    constructor(problems) {
        super(`faultline cannot start: ${problems.length} configuration problem(s):\n  - ${problems.join('\n  - ')}`);
        this.problems = problems;
    }
}
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];
/** Reads the environment; throws one ConfigError listing every problem (never a secret's value). */
function loadConfig(env, cwd = process.cwd()) {
    const problems = [];
    const get = (name) => {
        const value = env[name]?.trim();
        return value ? value : undefined;
    };
    const required = (name, what) => {
        const value = get(name);
        if (!value)
            problems.push(`${name} is not set: ${what}`);
        return value ?? '';
    };
    const integer = (name, fallback, min, max) => {
        const raw = get(name);
        if (raw === undefined)
            return fallback;
        const value = Number(raw);
        if (!Number.isInteger(value) || value < min || value > max) {
            problems.push(`${name} is "${raw}": expected a whole number from ${min} to ${max}`);
            return fallback;
        }
        return value;
    };
    const appIdRaw = required('APP_ID', "set it to the GitHub App's numeric ID (shown on the App's settings page)");
    const appId = Number(appIdRaw);
    if (appIdRaw && (!Number.isInteger(appId) || appId <= 0)) {
        problems.push(`APP_ID is "${appIdRaw}": expected the GitHub App's numeric ID, e.g. 123456`);
    }
    let privateKey = get('PRIVATE_KEY')?.replace(/\\n/g, '\n');
    const keyPath = get('PRIVATE_KEY_PATH');
    if (!privateKey && keyPath) {
        try {
            privateKey = (0,external_node_fs_.readFileSync)((0,external_node_path_.resolve)(cwd, keyPath), 'utf8');
        }
        catch (error) {
            problems.push(`PRIVATE_KEY_PATH is "${keyPath}" but the file cannot be read (${error.code ?? 'error'}): point it at the App's .pem file`);
        }
    }
    else if (!privateKey) {
        problems.push("PRIVATE_KEY and PRIVATE_KEY_PATH are both unset: set one to the GitHub App's private key (PEM) or its file path");
    }
    if (privateKey && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey)) {
        problems.push(`${get('PRIVATE_KEY') ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH'} does not hold a PEM private key (no "-----BEGIN … PRIVATE KEY-----" line): download the key from the App's settings page`);
    }
    const webhookSecret = required('WEBHOOK_SECRET', "set it to the GitHub App's webhook secret");
    let baseUrl;
    const gheHost = get('GHE_HOST');
    const gheProtocol = get('GHE_PROTOCOL') ?? 'https';
    if (gheProtocol !== 'http' && gheProtocol !== 'https') {
        problems.push(`GHE_PROTOCOL is "${gheProtocol}": expected http or https`);
    }
    else if (gheHost) {
        if (/[/\s]/.test(gheHost) || gheHost.includes('://')) {
            problems.push(`GHE_HOST is "${gheHost}": expected a host name (and port), without scheme or path, e.g. ghe.example.com`);
        }
        else {
            baseUrl = `${gheProtocol}://${gheHost}/api/v3`;
        }
    }
    const sentryUrlRaw = get('SENTRY_URL') ?? 'https://sentry.io';
    let sentryUrl = sentryUrlRaw;
    try {
        const parsed = new URL(sentryUrlRaw);
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
            throw new Error('scheme');
        sentryUrl = sentryUrlRaw.replace(/\/+$/, '');
    }
    catch {
        problems.push(`SENTRY_URL is "${sentryUrlRaw}": expected an http(s) URL such as https://sentry.io`);
    }
    const clientSecret = required('SENTRY_CLIENT_SECRET', "set it to the Sentry integration's Client Secret (it signs the webhooks)");
    const authToken = get('SENTRY_AUTH_TOKEN');
    const org = get('SENTRY_ORG');
    if (authToken && !org) {
        problems.push('SENTRY_AUTH_TOKEN is set but SENTRY_ORG is not: an internal integration belongs to one Sentry org; set SENTRY_ORG to its slug (e.g. acme), or unset SENTRY_AUTH_TOKEN for a public integration');
    }
    if (org && !/^[a-z0-9][a-z0-9_-]*$/i.test(org)) {
        problems.push(`SENTRY_ORG is "${org}": expected an organization slug such as acme (letters, digits, - and _)`);
    }
    let storage;
    const databaseUrl = get('DATABASE_URL');
    if (databaseUrl) {
        let ok = false;
        try {
            ok = ['postgres:', 'postgresql:'].includes(new URL(databaseUrl).protocol);
        }
        catch {
            // not a URL at all: reported below
        }
        if (!ok) {
            // The URL may embed a password: name the variable, not the value.
            problems.push('DATABASE_URL is not a postgres:// or postgresql:// URL: unset it to use SQLite, or fix it');
        }
        storage = { kind: 'postgres', databaseUrl };
    }
    else {
        storage = { kind: 'sqlite', file: sqliteFileIn((0,external_node_path_.resolve)(cwd, get('FAULTLINE_DATA_DIR') ?? '.faultline')) };
    }
    const logLevelRaw = (get('LOG_LEVEL') ?? 'info').toLowerCase();
    if (!LOG_LEVELS.includes(logLevelRaw)) {
        problems.push(`LOG_LEVEL is "${logLevelRaw}": expected one of ${LOG_LEVELS.join(', ')}`);
    }
    const logFormat = (get('LOG_FORMAT') ?? 'pretty').toLowerCase();
    if (logFormat !== 'json' && logFormat !== 'pretty') {
        problems.push(`LOG_FORMAT is "${logFormat}": expected json or pretty`);
    }
    const config = {
        github: { appId, privateKey: privateKey ?? '', webhookSecret, baseUrl },
        sentry: { url: sentryUrl, clientSecret, clientId: get('SENTRY_CLIENT_ID'), authToken, org },
        storage,
        logLevel: logLevelRaw,
        logFormat: logFormat,
        host: get('HOST') ?? '0.0.0.0',
        port: integer('PORT', 3000, 0, 65_535),
        workers: {
            concurrency: integer('FAULTLINE_WORKER_CONCURRENCY', 4, 1, 64),
            maxAttempts: integer('FAULTLINE_JOB_MAX_ATTEMPTS', 8, 1, 100),
        },
    };
    if (problems.length > 0)
        throw new ConfigError(problems);
    return config;
}

// EXTERNAL MODULE: ./.build/src/doctor/types.js
var types = __webpack_require__(3778);
;// CONCATENATED MODULE: ./.build/app/doctor/database.js
// The app's database for `faultline doctor`: where it is, whether it answers and is migrated, and which Sentry
// organizations have installed the integration. Judges are pure; the rest reads the database.







const G = 'app';
/** Where the database is, for the table: the SQLite file, or PostgreSQL's host and database (never the URL). */
function describeStorage(env, cwd) {
    const url = env.DATABASE_URL?.trim();
    if (url) {
        try {
            const u = new URL(url);
            return { kind: 'postgres', where: `PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}` };
        }
        catch {
            return { kind: 'postgres', where: 'PostgreSQL (DATABASE_URL is not a URL)' };
        }
    }
    return {
        kind: 'sqlite',
        where: sqliteFileIn((0,external_node_path_.resolve)(cwd, env.FAULTLINE_DATA_DIR?.trim() || '.faultline')),
    };
}
function judgeMigrations(where, dialect, version) {
    const latest = migrations_latestMigration(dialect);
    if (version < latest) {
        return (0,types/* fail */.fJ)(G, 'database', `${where}: migrations at ${version} of ${latest}`, 'start the app once with this version (it migrates at start-up), e.g. npm start');
    }
    return (0,types/* pass */.IX)(G, 'database', `${where}: reachable, migrations ${version}/${latest}`);
}
async function openDatabase(env, cwd, timeoutMs) {
    const storage = describeStorage(env, cwd);
    if (storage.kind === 'sqlite' && !(0,external_node_fs_.existsSync)(storage.where)) {
        return {
            storage,
            result: (0,types/* fail */.fJ)(G, 'database', `no database at ${storage.where}`, 'start the app once (npm start) to create it, or set FAULTLINE_DATA_DIR to the directory the app uses'),
        };
    }
    const driver = storage.kind === 'sqlite'
        ? new sqlite_driver_SqliteDriver(storage.where)
        : new postgres_driver_PostgresDriver(env.DATABASE_URL?.trim() ?? '', { max: 1, connectionTimeoutMs: timeoutMs });
    try {
        await driver.query('SELECT 1');
    }
    catch (error) {
        await driver.close().catch(() => { });
        const code = error.code;
        return {
            storage,
            result: (0,types/* fail */.fJ)(G, 'database', `${storage.where} unreachable (${code ?? 'error'})`, 'check that the database server runs and DATABASE_URL names it with the right credentials'),
        };
    }
    let version;
    try {
        const rows = await driver.query('SELECT MAX(version) AS v FROM faultline_migrations');
        version = Number(rows[0]?.v ?? 0);
    }
    catch {
        version = 0; // no migrations table yet
    }
    return { storage, driver, result: judgeMigrations(storage.where, driver.dialect, version) };
}
async function installationsIn(driver) {
    const rows = await driver
        .query('SELECT org_slug, token IS NOT NULL AS has_token, refresh_token IS NOT NULL AS has_refresh, token_expires_at FROM installations ORDER BY org_slug')
        .catch(() => []);
    return rows.map((r) => ({
        org: String(r.org_slug),
        hasToken: Boolean(Number(r.has_token)) || r.has_token === true,
        hasRefreshToken: Boolean(Number(r.has_refresh)) || r.has_refresh === true,
        expiresAt: r.token_expires_at === null || r.token_expires_at === undefined ? null : Number(r.token_expires_at),
    }));
}
/** The Sentry organizations the app serves, and whether it can call Sentry for each (never the token itself). */
function judgeInstallations(installs, env, now) {
    const name = 'Sentry installations';
    const internalOrg = internalIntegrationOrg(env);
    if (internalOrg && installs.length === 0) {
        // An internal integration sends no installation webhook: its webhooks are SENTRY_ORG's, with SENTRY_AUTH_TOKEN
        // (the Sentry section checks that token against that org).
        return (0,types/* pass */.IX)(G, name, `internal integration for ${internalOrg} (SENTRY_ORG; token checked under Sentry → organization)`);
    }
    if (installs.length === 0) {
        return (0,types/* fail */.fJ)(G, name, 'none recorded: no Sentry organization has installed the integration yet', 'install the integration in your Sentry organization (Developer Settings → your integration → Install) while the app is reachable at its webhook URL');
    }
    const fallback = Boolean(env.SENTRY_AUTH_TOKEN?.trim());
    const broken = installs.filter((i) => !fallback && (!i.hasToken || (i.expiresAt !== null && i.expiresAt < now && !i.hasRefreshToken)));
    if (broken.length) {
        return (0,types/* fail */.fJ)(G, name, `no usable Sentry token for ${broken.map((i) => i.org).join(', ')}`, env.SENTRY_CLIENT_ID?.trim()
            ? 'reinstall the integration in that organization (the grant code is exchanged once, within minutes)'
            : "set SENTRY_CLIENT_ID to the integration's Client ID, then reinstall the integration in that organization");
    }
    return (0,types/* pass */.IX)(G, name, `${installs.map((i) => i.org).join(', ')} (token${installs.length > 1 ? 's' : ''} held)`);
}
/** SENTRY_ORG when the app runs as an internal integration (SENTRY_AUTH_TOKEN and SENTRY_ORG both set). */
function internalIntegrationOrg(env) {
    const org = env.SENTRY_ORG?.trim();
    return org && env.SENTRY_AUTH_TOKEN?.trim() ? org : undefined;
}
/** Sentry organizations this deployment acts for: each recorded installation's, and the internal integration's. */
async function sentryOrgs(driver, env) {
    const rows = driver
        ? await driver
            .query('SELECT org_slug FROM installations')
            .catch(() => [])
        : [];
    const internalOrg = internalIntegrationOrg(env);
    return [...new Set([...rows.map((row) => String(row.org_slug)), ...(internalOrg ? [internalOrg] : [])])].sort();
}

;// CONCATENATED MODULE: ./.build/app/doctor/github-app.js
// GitHub App authentication for the doctor: the app's JWT (RS256, as GitHub documents it) and plain REST calls.
// Kept apart from the checks so they stay pure; the app itself authenticates through Probot.

/** A GitHub App JWT valid for 9 minutes (GitHub allows 10), issued a minute early against clock drift. */
function appJwt(appId, privateKey, nowSeconds = Math.floor(Date.now() / 1000)) {
    const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: nowSeconds - 60, exp: nowSeconds + 540, iss: String(appId) })}`;
    const signature = (0,external_node_crypto_.createSign)('RSA-SHA256').update(unsigned).sign(privateKey, 'base64url');
    return `${unsigned}.${signature}`;
}
function createGitHubRest(baseUrl, timeoutMs) {
    return {
        async call(method, path, auth) {
            const res = await fetch(`${baseUrl.replace(/\/+$/, '')}${path}`, {
                method,
                headers: {
                    authorization: `Bearer ${auth}`,
                    accept: 'application/vnd.github+json',
                    'x-github-api-version': '2022-11-28',
                    'user-agent': 'faultline-doctor',
                },
                signal: AbortSignal.timeout(timeoutMs),
            });
            const text = await res.text();
            let json;
            try {
                json = text ? JSON.parse(text) : undefined;
            }
            catch {
                json = undefined;
            }
            return { status: res.status, json };
        },
    };
}
/** The REST base the app uses: GHE_PROTOCOL://GHE_HOST/api/v3 for Enterprise (and the emulator), else api.github.com. */
function gitHubBaseUrl(env) {
    const host = env.GHE_HOST?.trim();
    if (!host)
        return 'https://api.github.com';
    return `${env.GHE_PROTOCOL?.trim() || 'https'}://${host}/api/v3`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./.build/src/alerts/config.js + 1 modules
var config = __webpack_require__(866);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./.build/app/services/repo-config.js
// A repository's `.github/faultline.yml`: one schema in sections, read by triage, the sync, the doctor, the README's
// reference (docs/config-reference.ts) and the JSON schema for editors (faultline.schema.json). Pure: parsing and
// validation only; reading and caching the file is repo-configs.ts.


const CONFIG_PATH = '.github/faultline.yml';
/** The name Probot's config plugin takes (it prefixes `.github/`). */
const CONFIG_FILE = 'faultline.yml';
const LEVELS = ['debug', 'info', 'warning', 'error', 'fatal'];
const slug = schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected a Sentry slug such as "acme"');
const labelList = schemas/* array */.YOg(schemas/* string */.YjP().min(1).max(50));
const regex = schemas/* string */.YjP().refine((source) => {
    try {
        new RegExp(source, 'u');
        return true;
    }
    catch {
        return false;
    }
}, { message: 'not a valid regular expression' });
const oneOrMany = schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* array */.YOg(schemas/* string */.YjP().min(1)).min(1)]).transform((v) => [v].flat());
const ignoreRule = schemas/* strictObject */.rej({
    /** Exact exception type, e.g. `ResizeObserverError`. */
    type: oneOrMany.optional(),
    /** Regular expression searched in the exception message. */
    message: regex.optional(),
    environment: oneOrMany.optional(),
    /** Regular expression searched in the culprit (`function(file)`). */
    culprit: regex.optional(),
    level: oneOrMany.optional(),
})
    .refine((rule) => Object.values(rule).some((v) => v !== undefined), {
    message: 'an ignore rule needs at least one of type, message, environment, culprit, level',
});
/** Who this repository takes alerts from, and how stack paths and secrets are treated: read by triage and the sync. */
const sharedSections = {
    sentry: schemas/* strictObject */.rej({
        org: slug,
        projects: schemas/* array */.YOg(slug).min(1, 'name at least one Sentry project slug'),
    }),
    /** Stack path prefix → repository path prefix, tried in order (like Sentry's code mappings). */
    paths: schemas/* array */.YOg(schemas/* strictObject */.rej({ from: schemas/* string */.YjP(), to: schemas/* string */.YjP() })).default([]),
    scrub: schemas/* strictObject */.rej({
        /** Extra key names (case-insensitive substrings) whose values are removed. */
        keys: schemas/* array */.YOg(schemas/* string */.YjP().min(1)).default([]),
        /** Extra regular expressions whose matches are removed from every text. */
        patterns: schemas/* array */.YOg(regex).default([]),
    })
        .prefault({}),
};
/** What opens an issue, and how it looks: read by triage. */
const triageSections = {
    /** Release name → commit SHA, for releases Sentry knows no commits of. */
    releases: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP().regex(/^[0-9a-fA-F]{7,40}$/, 'expected a commit SHA')).default({}),
    /**
     * Which webhooks open issues (`issue.created`, `event_alert.triggered`, and, high volume, `error.created`), and the
     * alert rules as code (`issue`, `metric`, `prune`: planned and applied by src/alerts).
     */
    alerts: config/* alertsSectionSchema */.yD
        .extend({
        issues: schemas/* boolean */.zMY().default(true),
        eventAlerts: schemas/* boolean */.zMY().default(true),
        errors: schemas/* boolean */.zMY().default(false),
    })
        .prefault({}),
    minLevel: schemas/* enum */.k5n(LEVELS).default('warning'),
    labels: schemas/* strictObject */.rej({
        always: labelList.default(['sentry']),
        level: schemas/* record */.g1P(schemas/* string */.YjP(), labelList).default({}),
        environment: schemas/* record */.g1P(schemas/* string */.YjP(), labelList).default({}),
        project: schemas/* record */.g1P(schemas/* string */.YjP(), labelList).default({}),
    })
        .prefault({}),
    ignore: schemas/* array */.YOg(ignoreRule).default([]),
    assign: schemas/* strictObject */.rej({
        codeowners: schemas/* boolean */.zMY().default(true),
        /** GitHub logins assigned when CODEOWNERS names no user for the crashing file. */
        fallback: schemas/* array */.YOg(schemas/* string */.YjP().regex(/^@?[A-Za-z0-9-]+$/, 'expected a GitHub login')).default([]),
    })
        .prefault({}),
    limits: schemas/* strictObject */.rej({
        /** New GitHub issues per hour in this repository; past it, one summary issue lists the rest. */
        newIssuesPerHour: schemas/* number */.aig().int().min(1).max(1000).default(30),
    })
        .prefault({}),
};
const ruleRef = schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* number */.aig().int()]);
/** The two-way mirror, regressions and metric alert incidents: read by the sync. Unknown keys inside are ignored. */
const syncSections = {
    sync: schemas/* object */.Ikc({
        /** Mirror open/closed ↔ resolved/unresolved. */
        status: schemas/* boolean */.zMY().default(true),
        /** What closing the GitHub issue does in Sentry. */
        resolveAs: schemas/* enum */.k5n(['resolved', 'resolvedInNextRelease']).default('resolved'),
        assignees: schemas/* boolean */.zMY().default(true),
        comments: schemas/* boolean */.zMY().default(true),
    })
        .prefault({}),
    /** Sentry email or username → GitHub login. */
    people: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).default({}),
    regressions: schemas/* object */.Ikc({
        /** Comment on the suspect pull requests of a regression. */
        comment: schemas/* boolean */.zMY().default(true),
        maxPullRequests: schemas/* number */.aig().int().min(0).max(10).default(3),
        reopen: schemas/* boolean */.zMY().default(true),
    })
        .prefault({}),
    metricAlerts: schemas/* object */.Ikc({
        /** Alert rules (id or exact name) whose incidents become issues in this repository; empty: none. */
        rules: schemas/* array */.YOg(ruleRef).default([]),
        labels: schemas/* array */.YOg(schemas/* string */.YjP()).default(['incident']),
    })
        .prefault({}),
};
/** The whole file; unknown top-level keys are errors (a typo such as `path:` is reported, not silently ignored). */
const repoConfigSchema = schemas/* strictObject */.rej({
    sentry: sharedSections.sentry,
    paths: sharedSections.paths,
    ...triageSections,
    scrub: sharedSections.scrub,
    ...syncSections,
});
/** Validates the parsed YAML; every problem names its key path and what is expected there. */
function parseRepoConfig(raw) {
    const parsed = repoConfigSchema.safeParse(raw ?? {});
    if (parsed.success)
        return { ok: true, config: parsed.data };
    return { ok: false, problems: describeProblems(parsed.error) };
}
function describeIssue(issue) {
    const path = issue.path.map(String).join('.') || '(top level)';
    if (issue.code === 'unrecognized_keys')
        return `${path}: unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    if (issue.code === 'invalid_type' && issue.input === undefined)
        return `${path}: is required`;
    return `${path}: ${issue.message}`;
}
/**
 * The sections the sync reads, checked on their own (app/sync/sync-config.ts turns them into its settings): the sync
 * keeps mirroring linked issues while a problem elsewhere in the file, reported in the repository by triage, is fixed.
 */
const syncSectionsSchema = schemas/* looseObject */._H3({
    sentry: sharedSections.sentry.partial().optional(),
    paths: sharedSections.paths,
    scrub: sharedSections.scrub,
    ...syncSections,
});
/** Each problem of a failed parse, with its key path. */
const describeProblems = (error) => error.issues.map(describeIssue);
/** JSON Schema of the file as users write it, for editors (`# yaml-language-server: $schema=…`). */
function repoConfigJsonSchema() {
    const schema = z.toJSONSchema(repoConfigSchema, { io: 'input', unrepresentable: 'any' });
    for (const [key, description] of Object.entries(DESCRIPTIONS)) {
        if (schema.properties[key])
            schema.properties[key] = { description, ...schema.properties[key] };
    }
    return { ...schema, title: 'faultline repository config (.github/faultline.yml)' };
}
const DESCRIPTIONS = {
    sentry: 'The Sentry organization and projects whose alerts open issues in this repository (nothing else is accepted).',
    paths: 'Stack trace path prefix → repository path prefix, tried in order, like Sentry code mappings.',
    releases: 'Release name → commit SHA, for releases Sentry knows no commits of.',
    alerts: 'Which Sentry webhooks open issues (issue.created, event_alert.triggered, error.created), and the alert rules as code.',
    minLevel: 'Alerts below this level open nothing.',
    labels: 'Labels for new issues: always, and by level, environment and project.',
    ignore: 'Alerts matching every field of one rule open nothing (type, message regex, environment, culprit regex, level).',
    assign: 'Assign the CODEOWNERS users of the crashing file; fallback logins when it names none.',
    limits: 'At most this many new issues per hour; past it one summary issue lists the rest.',
    scrub: 'Extra key names and regular expressions removed from event data before it reaches GitHub.',
    sync: 'Mirror status, assignees and comments between the GitHub issue and the Sentry issue.',
    people: 'Sentry e-mail or username → GitHub login, for the sync.',
    regressions: 'Regression comments on pull requests.',
    metricAlerts: 'Metric alert rules whose incidents become issues here.',
};

;// CONCATENATED MODULE: ./.build/app/doctor/repo-config.js
// Each installed repository's .github/faultline.yml: present, valid, and naming a Sentry organization this
// deployment acts for (the tenant rule: a Sentry installation only acts on repositories that name its org).



const repo_config_G = 'app';
/** Enough for a check; an organization with more repositories gets the first ones and a note. */
const MAX_REPOSITORIES = 100;
/** Parses and validates the config text with the app's one schema; the organization it names. */
function validateRepoConfig(text) {
    let doc;
    try {
        doc = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        return { ok: false, problems: [`not YAML: ${error.message.split('\n')[0]}`] };
    }
    const parsed = parseRepoConfig(doc);
    return parsed.ok ? { ok: true, sentryOrgs: [parsed.config.sentry.org] } : { ok: false, problems: parsed.problems };
}
function judgeRepoConfig(repo, answer, allowedOrgs) {
    const name = `${repo}`;
    if (answer.status === 404) {
        return (0,types/* skip */.iv)(repo_config_G, name, `no ${CONFIG_PATH}: faultline does not act on this repository`);
    }
    if (answer.status !== 200 || answer.text === undefined) {
        return (0,types/* fail */.fJ)(repo_config_G, name, `${CONFIG_PATH} could not be read (HTTP ${answer.status})`, 'check the App has Contents: read on this repository');
    }
    const verdict = validateRepoConfig(answer.text);
    if (!verdict.ok) {
        return (0,types/* fail */.fJ)(repo_config_G, name, `${CONFIG_PATH} is invalid: ${verdict.problems.join('; ')}`, 'fix the file as the message says');
    }
    const foreign = verdict.sentryOrgs.filter((org) => !allowedOrgs.includes(org));
    if (foreign.length) {
        return (0,types/* fail */.fJ)(repo_config_G, name, `${CONFIG_PATH} names Sentry organization ${foreign.join(', ')}, which this deployment does not act for` +
            ` (${allowedOrgs.length ? allowedOrgs.join(', ') : 'no Sentry installation yet'})`, 'install the faultline integration in that Sentry organization, or correct sentry.org in the file');
    }
    return (0,types/* pass */.IX)(repo_config_G, name, `${CONFIG_PATH} valid; Sentry organization ${verdict.sentryOrgs.join(', ')}`);
}
async function checkRepositoryConfigs(github, jwt, allowedOrgs) {
    const installations = await github.call('GET', '/app/installations?per_page=100', jwt);
    if (installations.status !== 200 || !Array.isArray(installations.json)) {
        return [(0,types/* fail */.fJ)(repo_config_G, 'installations', `GET /app/installations answered HTTP ${installations.status}`, 'run again')];
    }
    if (installations.json.length === 0) {
        return [
            (0,types/* fail */.fJ)(repo_config_G, 'installations', 'the App is not installed anywhere', "install it on the repositories faultline should act on (the App's public page → Install)"),
        ];
    }
    const results = [];
    let seen = 0;
    for (const installation of installations.json) {
        const account = installation.account?.login ?? String(installation.id);
        const tokenAnswer = await github.call('POST', `/app/installations/${installation.id}/access_tokens`, jwt);
        const token = tokenAnswer.json?.token;
        if (tokenAnswer.status !== 201 || !token) {
            results.push((0,types/* fail */.fJ)(repo_config_G, `installation ${account}`, `no installation token (HTTP ${tokenAnswer.status})`, 'check the installation is not suspended (Settings → Installed GitHub Apps)'));
            continue;
        }
        const repos = await github.call('GET', '/installation/repositories?per_page=100', token);
        const list = repos.json?.repositories ?? [];
        for (const repo of list) {
            if (seen++ >= MAX_REPOSITORIES)
                break;
            const file = await github.call('GET', `/repos/${repo.full_name}/contents/${CONFIG_PATH}`, token);
            const content = file.json?.content;
            const text = file.status === 200 && typeof content === 'string'
                ? Buffer.from(content, 'base64').toString('utf8')
                : undefined;
            results.push(judgeRepoConfig(repo.full_name, { status: file.status, text }, allowedOrgs));
        }
    }
    if (seen > MAX_REPOSITORIES) {
        results.push((0,types/* skip */.iv)(repo_config_G, 'more repositories', `only the first ${MAX_REPOSITORIES} were checked`));
    }
    return results;
}

;// CONCATENATED MODULE: ./.build/app/doctor/app-checks.js
// The GitHub App half of `faultline doctor`: settings, database, GitHub App credentials, webhook secrets, and each
// installed repository's .github/faultline.yml. Judges are pure; `runAppChecks` does the I/O. The CLI loads this
// module only when it checks an app.







const app_checks_G = 'app';
/** What the app needs (app.yml grants exactly these); a level above is fine. */
const REQUIRED_PERMISSIONS = {
    contents: 'read',
    issues: 'write',
    metadata: 'read',
    pull_requests: 'write',
};
function judgeSettings(env, cwd) {
    try {
        loadConfig(env, cwd);
        return (0,types/* pass */.IX)(app_checks_G, 'app settings', 'complete and valid');
    }
    catch (error) {
        if (!(error instanceof ConfigError))
            throw error;
        return (0,types/* fail */.fJ)(app_checks_G, 'app settings', error.problems.join('; '), 'set each variable named above (see .env.example and the README section "The app")');
    }
}
function judgeSecrets(env) {
    const missing = ['WEBHOOK_SECRET', 'SENTRY_CLIENT_SECRET'].filter((name) => !env[name]?.trim());
    if (missing.length) {
        return (0,types/* fail */.fJ)(app_checks_G, 'webhook secrets', `${missing.join(' and ')} not set`, "WEBHOOK_SECRET is the GitHub App's webhook secret; SENTRY_CLIENT_SECRET is the Sentry integration's Client Secret");
    }
    const short = ['WEBHOOK_SECRET', 'SENTRY_CLIENT_SECRET'].filter((name) => (env[name]?.trim().length ?? 0) < 16);
    if (short.length) {
        return (0,types/* fail */.fJ)(app_checks_G, 'webhook secrets', `${short.join(' and ')} shorter than 16 characters`, 'use a long random value for the GitHub webhook secret (e.g. `openssl rand -hex 32`); Sentry generates its own');
    }
    return (0,types/* pass */.IX)(app_checks_G, 'webhook secrets', 'WEBHOOK_SECRET and SENTRY_CLIENT_SECRET set (values hidden)');
}
function judgePermissions(granted) {
    const rank = { read: 1, write: 2, admin: 3 };
    return Object.entries(REQUIRED_PERMISSIONS)
        .filter(([name, level]) => (rank[granted?.[name] ?? ''] ?? 0) < (rank[level] ?? 0))
        .map(([name, level]) => `${name}: ${level}`);
}
function judgeGitHubApp(appId, answer) {
    const name = 'GitHub App credentials';
    if (answer.status === 401) {
        return (0,types/* fail */.fJ)(app_checks_G, name, `GitHub rejected the App JWT for APP_ID ${appId} (401)`, "check that APP_ID is the App's ID and PRIVATE_KEY is a current private key of that App (App settings → Private keys)");
    }
    if (answer.status !== 200) {
        return (0,types/* fail */.fJ)(app_checks_G, name, `GET /app answered HTTP ${answer.status}`, 'check GHE_HOST / GHE_PROTOCOL and the network');
    }
    const app = answer.json;
    const missing = judgePermissions(app.permissions);
    if (missing.length) {
        return (0,types/* fail */.fJ)(app_checks_G, name, `App ${app.slug ?? appId} lacks permissions ${missing.join(', ')}`, "grant them in the App's settings (Permissions & events, as in app.yml), then accept them in each installation");
    }
    return (0,types/* pass */.IX)(app_checks_G, name, `App ${app.slug ?? app.name ?? appId} (id ${appId}) with the permissions it needs`);
}
async function runAppChecks(opts) {
    const { env, cwd, timeoutMs } = opts;
    const results = [judgeSettings(env, cwd), judgeSecrets(env)];
    const db = await openDatabase(env, cwd, timeoutMs);
    results.push(db.result);
    try {
        if (db.driver && db.result.status === 'pass') {
            results.push(judgeInstallations(await installationsIn(db.driver), env, Date.now()));
        }
        const github = opts.github ?? createGitHubRest(gitHubBaseUrl(env), timeoutMs);
        results.push(...(await checkGitHubApp(env, cwd, github, () => sentryOrgs(db.driver, env))));
        return results;
    }
    finally {
        await db.driver?.close().catch(() => { });
    }
}
/** The App's credentials and permissions, then each installed repository's config (which needs them). */
async function checkGitHubApp(env, cwd, github, allowedOrgs) {
    const name = 'GitHub App credentials';
    const appId = Number(env.APP_ID?.trim());
    const privateKey = await readPrivateKey(env, cwd);
    if (!Number.isInteger(appId) || appId <= 0 || !privateKey) {
        return [
            (0,types/* skip */.iv)(app_checks_G, name, 'APP_ID or the private key is missing (see app settings)'),
            (0,types/* skip */.iv)(app_checks_G, 'repository configs', 'needs the GitHub App credentials'),
        ];
    }
    let jwt;
    try {
        jwt = appJwt(appId, privateKey);
    }
    catch {
        return [
            (0,types/* fail */.fJ)(app_checks_G, name, 'the private key cannot sign (not an RSA private key in PEM)', "download a new private key from the App's settings and set PRIVATE_KEY or PRIVATE_KEY_PATH to it"),
        ];
    }
    let appAnswer;
    try {
        appAnswer = await github.call('GET', '/app', jwt);
    }
    catch (error) {
        return [
            (0,types/* fail */.fJ)(app_checks_G, name, `no answer from ${gitHubBaseUrl(env)} (${error.name})`, 'check GHE_HOST / GHE_PROTOCOL (GitHub Enterprise), the network and the proxy settings'),
        ];
    }
    const appResult = judgeGitHubApp(appId, appAnswer);
    if (appResult.status !== 'pass') {
        return [appResult, (0,types/* skip */.iv)(app_checks_G, 'repository configs', 'needs working GitHub App credentials')];
    }
    return [appResult, ...(await checkRepositoryConfigs(github, jwt, await allowedOrgs()))];
}
/** PRIVATE_KEY (with escaped newlines, as .env files hold it), else the file PRIVATE_KEY_PATH names. */
async function readPrivateKey(env, cwd) {
    const inline = env.PRIVATE_KEY?.trim().replace(/\\n/g, '\n');
    const path = env.PRIVATE_KEY_PATH?.trim();
    if (inline || !path)
        return inline;
    return (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, path), 'utf8').catch(() => undefined);
}


/***/ }),

/***/ 866:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yD: () => (/* binding */ alertsSectionSchema),
  XV: () => (/* binding */ parseAlertsConfig)
});

// UNUSED EXPORTS: AlertsConfigError, LEVELS, MAX_RULE_NAME, MEASURES, alertsConfigSchema, keyPath

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./.build/src/alerts/durations.js
/** Durations as teams write them (`5m`, `1h`, `1d`, `1w`) and the sets Sentry accepts for each field. Pure. */
const UNIT_MINUTES = { m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 };
/** Minutes in `5m` / `2h` / `1d` / `1w`; undefined for anything else. */
function durationMinutes(text) {
    const match = /^(\d+)\s*([mhdw])$/.exec(text.trim());
    if (!match)
        return undefined;
    const minutes = Number(match[1]) * UNIT_MINUTES[match[2]];
    return minutes > 0 ? minutes : undefined;
}
/** `30` → `30m`, `60` → `1h`, `1440` → `1d`: the shortest exact spelling. */
function formatMinutes(minutes) {
    if (minutes % UNIT_MINUTES.w === 0)
        return `${minutes / UNIT_MINUTES.w}w`;
    if (minutes % UNIT_MINUTES.d === 0)
        return `${minutes / UNIT_MINUTES.d}d`;
    if (minutes % UNIT_MINUTES.h === 0)
        return `${minutes / UNIT_MINUTES.h}h`;
    return `${minutes}m`;
}
/**
 * Intervals of the issue frequency conditions (`interval` of EventFrequencyCondition and
 * EventUniqueUserFrequencyCondition): Sentry's STANDARD_INTERVALS keys, used as-is in the payload.
 */
const FREQUENCY_INTERVALS = ['1m', '5m', '15m', '1h', '1d', '1w', '30d'];
/** An issue rule's action interval (`frequency`, minutes): Sentry's RuleSerializer allows 5 to 43200 (30 days). */
const ACTION_INTERVAL_MINUTES = { min: 5, max: 60 * 24 * 30 };
/**
 * Metric alert windows (`timeWindow`, minutes). Sentry's AlertRuleSerializer takes 1..1440; the windows its UI
 * offers, and the only ones its query subscriptions are tested with, are these.
 */
const METRIC_WINDOWS = [1, 5, 10, 15, 30, 60, 120, 240, 1440];
/** Crash-free rate alerts: CRASH_RATE_ALERTS_ALLOWED_TIME_WINDOWS (minutes) in Sentry's incidents serializers. */
const CRASH_RATE_WINDOWS = [30, 60, 120, 240, 720, 1440];

;// CONCATENATED MODULE: ./.build/src/alerts/config.js
/**
 * The alert rules section of `.github/faultline.yml`: `sentry: {org, projects}` and
 * `alerts: {issue: [...], metric: [...], prune?, integration?}`, in the words teams already use. A rule Sentry would
 * refuse is refused here first, with its key path and the fix. Pure: parsing and validation only.
 */



const LEVELS = ['sample', 'debug', 'info', 'warning', 'error', 'fatal'];
const MEASURES = [
    'errors',
    'users',
    'failure-rate',
    'p50(transaction.duration)',
    'p75(transaction.duration)',
    'p90(transaction.duration)',
    'p95(transaction.duration)',
    'p99(transaction.duration)',
    'crash-free-sessions',
    'crash-free-users',
];
/** Sentry keeps issue rule names to 64 characters; the managed marker takes the rest. */
const MAX_RULE_NAME = 52;
const fail = (ctx, message, path = []) => {
    ctx.addIssue({ code: 'custom', message, path });
    return core/* NEVER */.tm;
};
const slug = schemas/* string */.YjP().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected a Sentry slug such as "web"');
const projectList = schemas/* array */.YOg(slug, { error: 'a list of project slugs, e.g. projects: [web]' })
    .min(1, 'name at least one project slug, e.g. [web]');
const ruleName = schemas/* string */.YjP({ error: 'every rule needs a name, e.g. name: Error burst' })
    .trim()
    .min(1, 'every rule needs a name, e.g. name: Error burst')
    .max(MAX_RULE_NAME, `keep the name to ${MAX_RULE_NAME} characters (Sentry allows 64, faultline adds a marker)`);
const adopt = schemas/* union */.KCZ([schemas/* literal */.euz(true), schemas/* string */.YjP().trim().min(1)], {
    error: 'adopt takes true (the hand-made rule of the same name) or the name of the hand-made rule',
});
const triggerWords = 'new-issue, regression, reappeared, {events: N, per: 5m} or {users: N, per: 1h}';
function parseTrigger(value, ctx, at) {
    if (value === 'new-issue' || value === 'regression' || value === 'reappeared')
        return { kind: value };
    if (value && typeof value === 'object' && !Array.isArray(value)) {
        const entry = value;
        const kind = 'events' in entry ? 'events' : 'users' in entry ? 'users' : undefined;
        const extra = Object.keys(entry).filter((k) => k !== kind && k !== 'per');
        if (kind && extra.length === 0) {
            const count = entry[kind];
            if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
                return fail(ctx, `${kind} must be a whole number of at least 1, e.g. {${kind}: 10, per: 5m}`, [at, kind]);
            }
            const per = String(entry.per ?? '');
            if (!FREQUENCY_INTERVALS.includes(per)) {
                return fail(ctx, `per ${JSON.stringify(entry.per ?? null)} is not an interval Sentry accepts: use one of ${FREQUENCY_INTERVALS.join(', ')}`, [at, 'per']);
            }
            return { kind, count, per: per };
        }
    }
    return fail(ctx, `unknown trigger ${JSON.stringify(value)}: use ${triggerWords}`, [at]);
}
const when = schemas/* array */.YOg(schemas/* unknown */.L5J(), { error: `when is a list: [new-issue] or [{events: 10, per: 5m}]` })
    .min(1, `say when the rule fires: ${triggerWords}`)
    .transform((items, ctx) => items.map((item, i) => parseTrigger(item, ctx, i)));
const levelOrder = schemas/* string */.YjP().transform((text, ctx) => {
    const match = /^\s*(>=|<=|=)?\s*([a-z]+)\s*$/.exec(text);
    const level = match?.[2];
    if (!match || !level || !LEVELS.includes(level)) {
        return fail(ctx, `level ${JSON.stringify(text)} is not a level: use error, ">=warning" or "<=info" (levels: ${LEVELS.join(', ')})`);
    }
    return { match: match[1] === '>=' ? 'gte' : match[1] === '<=' ? 'lte' : 'eq', level };
});
function parseNotify(value, ctx, at) {
    const text = value.trim();
    if (text === 'faultline')
        return { kind: 'faultline' };
    if (text === 'email:owners')
        return { kind: 'email-owners' };
    const team = /^email:team:(.+)$/.exec(text)?.[1]?.trim().replace(/^#/, '');
    if (team)
        return { kind: 'email-team', team };
    const member = /^email:member:(.+)$/.exec(text)?.[1]?.trim();
    if (member)
        return { kind: 'email-member', member };
    if (text.startsWith('email')) {
        return fail(ctx, `"${text}" is not an e-mail target: use email:owners, email:team:<slug> or email:member:<e-mail or id>`, [at]);
    }
    if (!text)
        return fail(ctx, 'an empty notify entry: name faultline, an e-mail target or an integration', [at]);
    return { kind: 'integration', name: text };
}
const notify = schemas/* array */.YOg(schemas/* string */.YjP(), { error: 'notify is a list, e.g. [faultline, email:owners]' })
    .min(1, 'say who is notified, e.g. notify: [faultline]')
    .transform((items, ctx) => items.map((item, i) => parseNotify(item, ctx, i)));
const actionInterval = schemas/* string */.YjP().transform((text, ctx) => {
    const minutes = durationMinutes(text);
    const { min, max } = ACTION_INTERVAL_MINUTES;
    if (minutes === undefined || minutes < min || minutes > max) {
        return fail(ctx, `every ${JSON.stringify(text)}: Sentry takes an action interval from 5m to 30d, e.g. every: 30m`);
    }
    return minutes;
});
const tags = schemas/* record */.g1P(schemas/* string */.YjP().min(1), schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig(), schemas/* boolean */.zMY()]).transform(String), {
    error: 'tags is a map of tag to value, e.g. tags: {browser: Chrome}',
});
const issueRule = schemas/* strictObject */.rej({
    name: ruleName,
    when,
    match: schemas/* enum */.k5n(['any', 'all'], { error: 'match is any (the default) or all' }).default('any'),
    environment: schemas/* string */.YjP().trim().min(1).max(64).optional(),
    level: levelOrder.optional(),
    tags: tags.default({}),
    notify,
    every: actionInterval.prefault('30m'),
    projects: projectList.optional(),
    adopt: adopt.optional(),
});
const threshold = schemas/* strictObject */.rej({
    above: schemas/* number */.aig().optional(),
    below: schemas/* number */.aig().optional(),
    resolve: schemas/* number */.aig().optional(),
})
    .transform((t, ctx) => {
    if ((t.above === undefined) === (t.below === undefined)) {
        return fail(ctx, 'give exactly one of above or below, e.g. {above: 100}');
    }
    const direction = t.above === undefined ? 'below' : 'above';
    return { direction, value: (t.above ?? t.below), ...(t.resolve === undefined ? {} : { resolve: t.resolve }) };
});
const rawMetricRule = schemas/* strictObject */.rej({
    name: ruleName,
    project: slug.optional(),
    projects: projectList.optional(),
    measure: schemas/* enum */.k5n(MEASURES, {
        error: `unknown measure: use one of ${MEASURES.join(', ')}`,
    }),
    window: schemas/* string */.YjP({ error: 'say the window, e.g. window: 5m' }),
    environment: schemas/* string */.YjP().trim().min(1).max(64).optional(),
    query: schemas/* string */.YjP().default(''),
    critical: threshold,
    warning: threshold.optional(),
    notify,
    dataset: schemas/* enum */.k5n(['transactions', 'generic_metrics']).optional(),
    adopt: adopt.optional(),
});
const metricRule = rawMetricRule.transform(checkMetricRule);
/**
 * The `alerts` key. The app's triage switches (`issues`, `eventAlerts`, `errors`) share it and are left to the
 * app's schema.
 */
const alertsSectionSchema = schemas/* strictObject */.rej({
    issue: schemas/* array */.YOg(issueRule).default([]),
    metric: schemas/* array */.YOg(metricRule).default([]),
    prune: schemas/* boolean */.zMY().default(false),
    integration: slug.optional(),
    issues: schemas/* boolean */.zMY().optional(),
    eventAlerts: schemas/* boolean */.zMY().optional(),
    errors: schemas/* boolean */.zMY().optional(),
});
/** The parts of `.github/faultline.yml` alert rules read; every other key belongs to another section. */
const alertsConfigSchema = schemas/* looseObject */._H3({
    sentry: schemas/* looseObject */._H3({ org: slug, projects: projectList }, { error: 'add sentry: {org: <slug>, projects: [<slug>]}' }),
    alerts: alertsSectionSchema.prefault({}),
})
    .transform((raw, ctx) => {
    const projects = raw.sentry.projects;
    const issue = raw.alerts.issue.map((r, i) => ({
        name: r.name,
        path: `alerts.issue[${i}]`,
        when: r.when,
        match: r.match,
        ...(r.environment === undefined ? {} : { environment: r.environment }),
        ...(r.level === undefined ? {} : { level: r.level }),
        tags: r.tags,
        notify: r.notify,
        every: r.every,
        projects: r.projects ?? projects,
        ...(r.adopt === undefined ? {} : { adopt: r.adopt === true ? r.name : r.adopt }),
    }));
    const metric = raw.alerts.metric.map((r, i) => ({
        ...r,
        path: `alerts.metric[${i}]`,
        projects: r.projects ?? projects,
    }));
    checkUniqueNames(issue, 'issue', ctx);
    checkUniqueNames(metric, 'metric', ctx);
    return {
        org: raw.sentry.org,
        projects,
        ...(raw.alerts.integration === undefined ? {} : { integration: raw.alerts.integration }),
        prune: raw.alerts.prune,
        issue,
        metric,
    };
});
function checkMetricRule(r, ctx) {
    if (r.project !== undefined && r.projects !== undefined)
        fail(ctx, 'give project or projects, not both', ['projects']);
    const window = durationMinutes(r.window);
    const allowed = r.measure.startsWith('crash-free') ? CRASH_RATE_WINDOWS : METRIC_WINDOWS;
    if (window === undefined || !allowed.includes(window)) {
        fail(ctx, `window ${JSON.stringify(r.window)} is not one Sentry accepts for ${r.measure}: use ${allowed.map(formatMinutes).join(', ')}`, ['window']);
    }
    checkThresholds(r, ctx);
    if (r.notify.some((t) => t.kind === 'email-owners')) {
        fail(ctx, 'metric alerts have no issue owners: use email:team:<slug> or email:member:<e-mail>', ['notify']);
    }
    if (r.dataset !== undefined && !/transaction|failure/.test(r.measure)) {
        fail(ctx, `dataset applies only to failure-rate and p50..p99(transaction.duration), not ${r.measure}`, ['dataset']);
    }
    const projects = r.projects ?? (r.project === undefined ? undefined : [r.project]);
    return {
        name: r.name,
        ...(projects === undefined ? {} : { projects }),
        measure: r.measure,
        window: window ?? 0,
        ...(r.environment === undefined ? {} : { environment: r.environment }),
        query: r.query,
        critical: r.critical,
        ...(r.warning === undefined ? {} : { warning: r.warning }),
        notify: r.notify,
        ...(r.dataset === undefined ? {} : { dataset: r.dataset }),
        ...(r.adopt === undefined ? {} : { adopt: r.adopt === true ? r.name : r.adopt }),
    };
}
/**
 * Sentry's AlertRuleSerializer checks: one direction for the rule, warning not beyond critical, and the
 * resolve threshold on the resolving side of each alert threshold. Crash-free rates are percentages.
 */
function checkThresholds(r, ctx) {
    const { critical, warning } = r;
    if (warning?.resolve !== undefined) {
        fail(ctx, 'Sentry keeps one resolve threshold per rule: move resolve to critical', ['warning', 'resolve']);
    }
    if (r.measure.startsWith('crash-free')) {
        for (const [key, t] of [['critical', critical], ['warning', warning]]) {
            if (t && (t.value < 0 || t.value > 100)) {
                fail(ctx, `${r.measure} is a percentage: give a value from 0 to 100, e.g. {below: 99.5}`, [key]);
            }
        }
    }
    if (warning && warning.direction !== critical.direction) {
        fail(ctx, `warning must be ${critical.direction} like critical: Sentry keeps one direction per rule`, ['warning']);
    }
    else if (warning &&
        (critical.direction === 'above' ? critical.value < warning.value : critical.value > warning.value)) {
        fail(ctx, `warning ${warning.direction} ${warning.value} is beyond critical ${critical.value}: a warning fires first, so ` +
            `make it ${critical.direction === 'above' ? 'lower' : 'higher'} than critical`, ['warning']);
    }
    const resolve = critical.resolve;
    if (resolve === undefined)
        return;
    for (const [key, t] of [['critical', critical], ['warning', warning]]) {
        if (t && resolvesOnWrongSide(critical.direction, t.value, resolve)) {
            fail(ctx, `resolve ${resolve} must be ${critical.direction === 'above' ? 'below' : 'above'} the ${key} threshold ${t.value}`, ['critical', 'resolve']);
        }
    }
}
/** Sentry's comparison: thresholds are strict (> and <), so whole numbers may meet one apart. */
function resolvesOnWrongSide(direction, alert, resolve) {
    const whole = Number.isInteger(alert) && Number.isInteger(resolve);
    if (direction === 'above')
        return alert + (whole ? 1 : 0) <= resolve + (whole ? -1 : 0);
    return alert + (whole ? -1 : 0) >= resolve + (whole ? 1 : 0);
}
function checkUniqueNames(rules, kind, ctx) {
    const seen = new Map();
    rules.forEach((rule, i) => {
        for (const project of rule.projects) {
            const key = `${project}\u0000${rule.name.toLowerCase()}`;
            const first = seen.get(key);
            if (first !== undefined && first !== i) {
                fail(ctx, `two ${kind} rules named "${rule.name}" in project ${project} (also alerts.${kind}[${first}]): rename one`, ['alerts', kind, i, 'name']);
            }
            seen.set(key, i);
        }
    });
}
/** The config cannot be used; `problems` lists each key at fault with the fix. */
class AlertsConfigError extends Error {
    name = 'AlertsConfigError';
    problems;
    constructor(problems, source = '.github/faultline.yml') {
        super(`${source} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
        this.problems = problems;
    }
}
/** `alerts.issue[0].when[1]` from zod's path segments. */
function keyPath(segments) {
    return segments.reduce((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${String(s)}` : String(s)), '');
}
/** Parses the YAML text (or an already parsed object) of `.github/faultline.yml`; throws AlertsConfigError. */
function parseAlertsConfig(input, source) {
    let value = input;
    if (typeof input === 'string') {
        try {
            value = (0,dist/* parse */.qg)(input);
        }
        catch (error) {
            throw new AlertsConfigError([{ path: '(file)', message: `not valid YAML: ${error.message}` }], source);
        }
    }
    const result = alertsConfigSchema.safeParse(value ?? {});
    if (result.success)
        return result.data;
    throw new AlertsConfigError(result.error.issues.map((issue) => ({ path: keyPath(issue.path) || '(file)', message: issue.message })), source);
}


/***/ })

};
