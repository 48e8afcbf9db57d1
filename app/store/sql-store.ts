import { randomUUID } from 'node:crypto';
import { latestMigration } from './migrations.ts';
import type { Row, SqlDriver, SqlExecutor, SqlValue } from './sql.ts';
import type {
  Delivery,
  DeliveryJob,
  DeliveryToRecord,
  Installation,
  Job,
  JobState,
  Link,
  Mark,
  NewDelivery,
  NewJob,
  PrComment,
  RecordDeliveryResult,
  Store,
} from './types.ts';

export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * A repeat of a body whose job has not started yet is a duplicate: that job reads Sentry's state when it runs, which
 * already includes whatever the repeat reports. Once a job has taken the delivery, a repeat re-arms the row (its
 * body back, `taken_at` cleared) and gets a job of its own.
 */
const REARM = `request_id = excluded.request_id, status = excluded.status, body = excluded.body,
  received_at = excluded.received_at, taken_at = NULL WHERE deliveries.taken_at IS NOT NULL`;

/** The Store over either dialect: the statements are the common subset (ON CONFLICT, RETURNING) of both. */
export class SqlStore implements Store {
  readonly #db: SqlDriver;

  constructor(driver: SqlDriver) {
    this.#db = driver;
  }

  get dialect() {
    return this.#db.dialect;
  }

  async ping(): Promise<void> {
    await this.#db.query('SELECT 1 AS ok');
  }

  async migrationVersion(): Promise<number> {
    const rows = await this.#db.query<{ v: unknown }>('SELECT MAX(version) AS v FROM faultline_migrations');
    return Number(rows[0]?.v ?? 0);
  }

  /** Every write on SQLite goes through BEGIN IMMEDIATE: a deferred transaction upgrading to a writer can fail
   * with SQLITE_BUSY past busy_timeout when another process wrote meanwhile. One statement on PostgreSQL is atomic. */
  #write<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.#db.dialect === 'sqlite' ? this.#db.transaction(fn) : fn(this.#db);
  }

  async recordDelivery(delivery: NewDelivery, job?: DeliveryJob): Promise<RecordDeliveryResult> {
    const [result] = await this.recordDeliveries([{ delivery, job }]);
    return result!;
  }

  /**
   * Group commit: one transaction for the batch. A repeat of a body earlier in the batch would find that one's row
   * not yet taken, so it is its duplicate; only the first of each digest reaches the database.
   */
  async recordDeliveries(batch: readonly DeliveryToRecord[]): Promise<RecordDeliveryResult[]> {
    if (batch.length === 0) return [];
    const firstOf = new Map<string, number>();
    const unique: DeliveryToRecord[] = [];
    for (const item of batch) {
      if (firstOf.has(item.delivery.digest)) continue;
      firstOf.set(item.delivery.digest, unique.length);
      unique.push(item);
    }
    const recorded =
      this.#db.dialect === 'postgres' ? await this.#recordPostgres(unique) : await this.#recordSqlite(unique);
    const answered = new Set<string>();
    return batch.map(({ delivery }) => {
      const first = recorded[firstOf.get(delivery.digest)!]!;
      if (!answered.has(delivery.digest)) {
        answered.add(delivery.digest);
        return first;
      }
      return { deliveryId: first.deliveryId, duplicate: true, jobId: null };
    });
  }

  /** Distinct digests, in one BEGIN IMMEDIATE transaction: one commit (one WAL write) for the whole batch. */
  #recordSqlite(items: readonly DeliveryToRecord[]): Promise<RecordDeliveryResult[]> {
    return this.#db.transaction(async (tx) => {
      const results: RecordDeliveryResult[] = [];
      for (const { delivery, job } of items) {
        const inserted = await tx.query<{ id: unknown }>(
          `INSERT INTO deliveries (digest, request_id, resource, action, installation_uuid, status, body, received_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (digest) DO UPDATE SET ${REARM} RETURNING id`,
          [
            delivery.digest,
            delivery.requestId,
            delivery.resource,
            delivery.action,
            delivery.installationUuid,
            delivery.status,
            delivery.body,
            delivery.receivedAt,
          ],
        );
        if (inserted.length === 0) {
          const existing = await tx.query<{ id: unknown }>('SELECT id FROM deliveries WHERE digest = $1', [
            delivery.digest,
          ]);
          results.push({ deliveryId: Number(existing[0]?.id), duplicate: true, jobId: null });
          continue;
        }
        const deliveryId = Number(inserted[0]?.id);
        const jobId = job
          ? await insertJob(tx, { ...job, payload: { ...job.payload, deliveryId } }, delivery.receivedAt)
          : null;
        results.push({ deliveryId, duplicate: false, jobId });
      }
      return results;
    });
  }

  /**
   * Distinct digests, in one statement (one round trip, atomic): the webhook acks wait on it. Rows are inserted in
   * digest order, so two replicas' batches lock shared digests in the same order; jobs in arrival order.
   */
  async #recordPostgres(items: readonly DeliveryToRecord[]): Promise<RecordDeliveryResult[]> {
    const input = items.map(({ delivery, job }, n) => ({
      n,
      digest: delivery.digest,
      request_id: delivery.requestId,
      resource: delivery.resource,
      action: delivery.action,
      installation_uuid: delivery.installationUuid,
      status: delivery.status,
      body: delivery.body,
      received_at: delivery.receivedAt,
      job_type: job?.type ?? null,
      job_payload: JSON.stringify(job?.payload ?? {}),
      max_attempts: job?.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_at: job?.runAt ?? null,
      priority: job?.priority ?? 0,
    }));
    const rows = await this.#db.query<{ digest: string; delivery_id: unknown; job_id: unknown }>(
      `WITH input AS (
         SELECT * FROM json_to_recordset($1::json) AS t(n int, digest text, request_id text, resource text, action text,
           installation_uuid text, status text, body text, received_at bigint, job_type text, job_payload text,
           max_attempts int, run_at bigint, priority int)),
       d AS (
         INSERT INTO deliveries (digest, request_id, resource, action, installation_uuid, status, body, received_at)
         SELECT digest, request_id, resource, action, installation_uuid, status, body, received_at
         FROM input ORDER BY digest
         ON CONFLICT (digest) DO UPDATE SET ${REARM} RETURNING id, digest),
       j AS (
         INSERT INTO jobs (type, payload, state, attempts, max_attempts, run_at, created_at, updated_at, priority)
         SELECT i.job_type, jsonb_set(i.job_payload::jsonb, '{deliveryId}', to_jsonb(d.id))::text, 'queued', 0,
           i.max_attempts, COALESCE(i.run_at, i.received_at), i.received_at, i.received_at, i.priority
         FROM d JOIN input i ON i.digest = d.digest WHERE i.job_type IS NOT NULL ORDER BY i.n
         RETURNING id, (payload::jsonb ->> 'deliveryId')::bigint AS delivery_id)
       SELECT d.digest, d.id AS delivery_id, j.id AS job_id FROM d LEFT JOIN j ON j.delivery_id = d.id`,
      [JSON.stringify(input)],
    );
    const byDigest = new Map(rows.map((row) => [row.digest, row]));
    const missing = items.map((i) => i.delivery.digest).filter((digest) => !byDigest.has(digest));
    // Duplicates: a new statement, so it also sees a row another replica committed while this one waited on it.
    const existing = new Map<string, number>();
    if (missing.length > 0) {
      const found = await this.#db.query<{ id: unknown; digest: string }>(
        'SELECT id, digest FROM deliveries WHERE digest IN (SELECT json_array_elements_text($1::json))',
        [JSON.stringify(missing)],
      );
      for (const row of found) existing.set(row.digest, Number(row.id));
    }
    return items.map(({ delivery }) => {
      const row = byDigest.get(delivery.digest);
      if (!row) return { deliveryId: Number(existing.get(delivery.digest)), duplicate: true, jobId: null };
      return {
        deliveryId: Number(row.delivery_id),
        duplicate: false,
        jobId: row.job_id === null ? null : Number(row.job_id),
      };
    });
  }

  async getDelivery(id: number): Promise<Delivery | undefined> {
    const rows = await this.#db.query('SELECT * FROM deliveries WHERE id = $1', [id]);
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: Number(row['id']),
      digest: String(row['digest']),
      requestId: nullableString(row['request_id']),
      resource: String(row['resource']),
      action: nullableString(row['action']),
      installationUuid: nullableString(row['installation_uuid']),
      status: row['status'] as Delivery['status'],
      body: String(row['body']),
      receivedAt: Number(row['received_at']),
    };
  }

  /** The delivery for the job that runs it now: marks it taken first, so a repeat arriving from now on is not coalesced. */
  async takeDelivery(id: number, now: number): Promise<Delivery | undefined> {
    await this.#write((tx) => tx.query('UPDATE deliveries SET taken_at = $2 WHERE id = $1', [id, now]));
    return this.getDelivery(id);
  }

  /**
   * Drops the raw body once processed (the digest stays for dedupe). A row re-armed meanwhile (`taken_at` cleared)
   * keeps its body for its own job.
   */
  async finishDelivery(id: number): Promise<void> {
    await this.#write((tx) => tx.query("UPDATE deliveries SET body = '' WHERE id = $1 AND taken_at IS NOT NULL", [id]));
  }

  async countDeliveries(): Promise<number> {
    const rows = await this.#db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM deliveries');
    return Number(rows[0]?.n ?? 0);
  }

  async pruneDeliveries(before: number): Promise<number> {
    const rows = await this.#write((tx) =>
      tx.query('DELETE FROM deliveries WHERE received_at < $1 RETURNING id', [before]),
    );
    return rows.length;
  }

  async upsertInstallation(i: Installation, now: number): Promise<void> {
    await this.#write((tx) =>
      tx.query(
        `INSERT INTO installations (uuid, org_slug, app_slug, status, token, refresh_token, token_expires_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
         ON CONFLICT (uuid) DO UPDATE SET org_slug = excluded.org_slug, app_slug = excluded.app_slug,
           status = excluded.status, token = COALESCE(excluded.token, installations.token),
           refresh_token = COALESCE(excluded.refresh_token, installations.refresh_token),
           token_expires_at = COALESCE(excluded.token_expires_at, installations.token_expires_at),
           updated_at = excluded.updated_at`,
        [i.uuid, i.orgSlug, i.appSlug, i.status, i.token, i.refreshToken, i.tokenExpiresAt, now],
      ),
    );
  }

  async getInstallation(uuid: string): Promise<Installation | undefined> {
    const rows = await this.#db.query('SELECT * FROM installations WHERE uuid = $1', [uuid]);
    return rows[0] && toInstallation(rows[0]);
  }

  async deleteInstallation(uuid: string): Promise<boolean> {
    const rows = await this.#write((tx) =>
      tx.query('DELETE FROM installations WHERE uuid = $1 RETURNING uuid', [uuid]),
    );
    return rows.length > 0;
  }

  async listInstallationsExpiringBefore(time: number): Promise<Installation[]> {
    const rows = await this.#db.query(
      'SELECT * FROM installations WHERE refresh_token IS NOT NULL AND token_expires_at < $1 ORDER BY token_expires_at',
      [time],
    );
    return rows.map(toInstallation);
  }

  async listInstallationsWithTokens(): Promise<Installation[]> {
    const rows = await this.#db.query(
      'SELECT * FROM installations WHERE token IS NOT NULL OR refresh_token IS NOT NULL ORDER BY uuid',
    );
    return rows.map(toInstallation);
  }

  enqueueJob(job: NewJob, now: number): Promise<number> {
    return this.#write((tx) => insertJob(tx, job, now));
  }

  async claimJobs(opts: {
    limit: number;
    leaseMs: number;
    workerId: string;
    now: number;
    minPriority?: number;
  }): Promise<Job[]> {
    const minPriority = opts.minPriority ?? ANY_PRIORITY;
    // A plain read first: idle pollers must not queue for SQLite's single write lock (or PostgreSQL row locks).
    const due = await this.#db.query(
      `SELECT id FROM jobs WHERE ((state = 'queued' AND run_at <= $1)
         OR (state = 'running' AND locked_until <= $1 AND attempts < max_attempts)) AND priority >= $2 LIMIT 1`,
      [opts.now, minPriority],
    );
    if (due.length === 0) return [];
    const token = `${opts.workerId}:${randomUUID()}`;
    // PostgreSQL: SKIP LOCKED lets replicas claim different rows at once. SQLite: the immediate transaction holds
    // the single write lock, so the select-then-update inside one UPDATE cannot race with another process.
    const skipLocked = this.#db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    const rows = await this.#write((tx) =>
      tx.query(
        `UPDATE jobs SET state = 'running', attempts = attempts + 1, lock_token = $1, locked_until = $2, updated_at = $3
         WHERE id IN (
           SELECT id FROM jobs
           WHERE ((state = 'queued' AND run_at <= $3)
              OR (state = 'running' AND locked_until <= $3 AND attempts < max_attempts)) AND priority >= $5
           ORDER BY priority DESC, run_at, id LIMIT $4 ${skipLocked})
         RETURNING *`,
        [token, opts.now + opts.leaseMs, opts.now, opts.limit, minPriority],
      ),
    );
    return rows.map(toJob).sort((a, b) => b.priority - a.priority || a.runAt - b.runAt || a.id - b.id);
  }

  async extendLease(id: number, lockToken: string, until: number): Promise<boolean> {
    return this.#ownedUpdate('locked_until = $3', [until], id, lockToken);
  }

  async completeJob(id: number, lockToken: string, now: number): Promise<boolean> {
    return this.#ownedUpdate(
      "state = 'done', lock_token = NULL, locked_until = NULL, updated_at = $3",
      [now],
      id,
      lockToken,
    );
  }

  async failJob(id: number, lockToken: string, error: string, retryAt: number | null, now: number): Promise<boolean> {
    return retryAt === null
      ? this.#ownedUpdate(
          "state = 'dead', last_error = $3, lock_token = NULL, locked_until = NULL, updated_at = $4",
          [error, now],
          id,
          lockToken,
        )
      : this.#ownedUpdate(
          "state = 'queued', last_error = $3, run_at = $4, lock_token = NULL, locked_until = NULL, updated_at = $5",
          [error, retryAt, now],
          id,
          lockToken,
        );
  }

  async releaseJob(id: number, lockToken: string, now: number): Promise<boolean> {
    return this.#ownedUpdate(
      "state = 'queued', attempts = attempts - 1, run_at = $3, lock_token = NULL, locked_until = NULL, updated_at = $3",
      [now],
      id,
      lockToken,
    );
  }

  async #ownedUpdate(set: string, values: SqlValue[], id: number, lockToken: string): Promise<boolean> {
    const rows = await this.#write((tx) =>
      tx.query(`UPDATE jobs SET ${set} WHERE id = $1 AND lock_token = $2 AND state = 'running' RETURNING id`, [
        id,
        lockToken,
        ...values,
      ]),
    );
    return rows.length > 0;
  }

  async deadLetterExpired(now: number): Promise<Job[]> {
    const expired = await this.#db.query(
      `SELECT id FROM jobs WHERE state = 'running' AND locked_until <= $1 AND attempts >= max_attempts LIMIT 1`,
      [now],
    );
    if (expired.length === 0) return [];
    const rows = await this.#write((tx) =>
      tx.query(
        `UPDATE jobs SET state = 'dead', lock_token = NULL, locked_until = NULL, updated_at = $1,
           last_error = COALESCE(last_error || ' / ', '') || 'lease expired on the last attempt (the worker died or hung)'
         WHERE state = 'running' AND locked_until <= $1 AND attempts >= max_attempts RETURNING *`,
        [now],
      ),
    );
    return rows.map(toJob);
  }

  async pruneDoneJobs(before: number): Promise<number> {
    const rows = await this.#write((tx) =>
      tx.query("DELETE FROM jobs WHERE state = 'done' AND updated_at < $1 RETURNING id", [before]),
    );
    return rows.length;
  }

  async getJob(id: number): Promise<Job | undefined> {
    const rows = await this.#db.query('SELECT * FROM jobs WHERE id = $1', [id]);
    return rows[0] && toJob(rows[0]);
  }

  async listJobs(filter: { state?: JobState; type?: string } = {}): Promise<Job[]> {
    const rows = await this.#db.query(
      'SELECT * FROM jobs WHERE (CAST($1 AS TEXT) IS NULL OR state = $1) AND (CAST($2 AS TEXT) IS NULL OR type = $2) ORDER BY id',
      [filter.state ?? null, filter.type ?? null],
    );
    return rows.map(toJob);
  }

  async countJobs(): Promise<Record<JobState, number>> {
    const rows = await this.#db.query<{ state: string; n: unknown }>(
      'SELECT state, COUNT(*) AS n FROM jobs GROUP BY state',
    );
    const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, dead: 0 };
    for (const row of rows) counts[row.state as JobState] = Number(row.n);
    return counts;
  }

  async countJobsByType(): Promise<Record<string, Record<JobState, number>>> {
    const rows = await this.#db.query<{ type: string; state: string; n: unknown }>(
      'SELECT type, state, COUNT(*) AS n FROM jobs GROUP BY type, state',
    );
    const counts: Record<string, Record<JobState, number>> = {};
    for (const row of rows) {
      counts[row.type] ??= { queued: 0, running: 0, done: 0, dead: 0 };
      counts[row.type]![row.state as JobState] = Number(row.n);
    }
    return counts;
  }

  async retryDeadJob(id: number, now: number): Promise<boolean> {
    const rows = await this.#write((tx) =>
      tx.query(
        `UPDATE jobs SET state = 'queued', attempts = 0, run_at = $1, lock_token = NULL, locked_until = NULL,
           updated_at = $1 WHERE id = $2 AND state = 'dead' RETURNING id`,
        [now, id],
      ),
    );
    return rows.length > 0;
  }

  async discardJob(id: number): Promise<boolean> {
    const rows = await this.#write((tx) =>
      tx.query("DELETE FROM jobs WHERE id = $1 AND state IN ('dead', 'queued') RETURNING id", [id]),
    );
    return rows.length > 0;
  }

  async linkIssue(link: Link, now: number): Promise<{ link: Link; created: boolean }> {
    const inserted = await this.#write((tx) =>
      tx.query(
        `INSERT INTO links (sentry_issue_id, installation_uuid, github_repo, github_issue_number, external_issue_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (sentry_issue_id) DO NOTHING RETURNING sentry_issue_id`,
        [link.sentryIssueId, link.installationUuid, link.githubRepo, link.githubIssueNumber, link.externalIssueId, now],
      ),
    );
    if (inserted.length > 0) return { link, created: true };
    const existing = await this.getLink(link.sentryIssueId);
    if (!existing) throw new Error(`link for Sentry issue ${link.sentryIssueId} vanished while being created; retry`);
    return { link: existing, created: false };
  }

  async getLink(sentryIssueId: string): Promise<Link | undefined> {
    const rows = await this.#db.query('SELECT * FROM links WHERE sentry_issue_id = $1', [sentryIssueId]);
    return rows[0] && toLink(rows[0]);
  }

  async getLinkByGitHubIssue(githubRepo: string, githubIssueNumber: number): Promise<Link | undefined> {
    const rows = await this.#db.query('SELECT * FROM links WHERE github_repo = $1 AND github_issue_number = $2', [
      githubRepo,
      githubIssueNumber,
    ]);
    return rows[0] && toLink(rows[0]);
  }

  async deleteLink(sentryIssueId: string): Promise<boolean> {
    const rows = await this.#write((tx) =>
      tx.query('DELETE FROM links WHERE sentry_issue_id = $1 RETURNING sentry_issue_id', [sentryIssueId]),
    );
    return rows.length > 0;
  }

  async recordPrComment(comment: PrComment, now: number): Promise<{ comment: PrComment; created: boolean }> {
    const inserted = await this.#write((tx) =>
      tx.query(
        `INSERT INTO pr_comments (github_repo, pr_number, sentry_issue_id, comment_id, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (github_repo, pr_number, sentry_issue_id) DO NOTHING RETURNING id`,
        [comment.githubRepo, comment.prNumber, comment.sentryIssueId, comment.commentId, now],
      ),
    );
    if (inserted.length > 0) return { comment, created: true };
    const existing = await this.getPrComment(comment.githubRepo, comment.prNumber, comment.sentryIssueId);
    if (!existing) throw new Error(`PR comment for ${comment.githubRepo}#${comment.prNumber} vanished; retry`);
    return { comment: existing, created: false };
  }

  async getPrComment(githubRepo: string, prNumber: number, sentryIssueId: string): Promise<PrComment | undefined> {
    const rows = await this.#db.query(
      'SELECT * FROM pr_comments WHERE github_repo = $1 AND pr_number = $2 AND sentry_issue_id = $3',
      [githubRepo, prNumber, sentryIssueId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      githubRepo: String(row['github_repo']),
      prNumber: Number(row['pr_number']),
      sentryIssueId: String(row['sentry_issue_id']),
      commentId: nullableNumber(row['comment_id']),
    };
  }

  async setLinkIssueNumber(sentryIssueId: string, githubIssueNumber: number, now: number): Promise<boolean> {
    const rows = await this.#write((tx) =>
      tx.query(
        'UPDATE links SET github_issue_number = $2, updated_at = $3 WHERE sentry_issue_id = $1 RETURNING sentry_issue_id',
        [sentryIssueId, githubIssueNumber, now],
      ),
    );
    return rows.length > 0;
  }

  async setLinkExternalIssue(sentryIssueId: string, externalIssueId: string, now: number): Promise<boolean> {
    const rows = await this.#write((tx) =>
      tx.query(
        'UPDATE links SET external_issue_id = $2, updated_at = $3 WHERE sentry_issue_id = $1 RETURNING sentry_issue_id',
        [sentryIssueId, externalIssueId, now],
      ),
    );
    return rows.length > 0;
  }

  async takeOverPendingLink(sentryIssueId: string, staleBefore: number, now: number): Promise<boolean> {
    const rows = await this.#write((tx) =>
      tx.query(
        `UPDATE links SET updated_at = $3
         WHERE sentry_issue_id = $1 AND github_issue_number = 0 AND updated_at < $2 RETURNING sentry_issue_id`,
        [sentryIssueId, staleBefore, now],
      ),
    );
    return rows.length > 0;
  }

  async putMarkOnce(mark: Omit<Mark, 'createdAt'>, now: number): Promise<{ mark: Mark; created: boolean }> {
    const inserted = await this.#write((tx) =>
      tx.query(
        `INSERT INTO marks (kind, mark_key, repo, value, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (kind, mark_key) DO NOTHING RETURNING kind`,
        [mark.kind, mark.key, mark.repo, mark.value, now],
      ),
    );
    if (inserted.length > 0) return { mark: { ...mark, createdAt: now }, created: true };
    const existing = await this.getMark(mark.kind, mark.key);
    if (!existing) throw new Error(`mark ${mark.kind}/${mark.key} vanished while being created; retry`);
    return { mark: existing, created: false };
  }

  async getMark(kind: string, key: string): Promise<Mark | undefined> {
    const rows = await this.#db.query('SELECT * FROM marks WHERE kind = $1 AND mark_key = $2', [kind, key]);
    const row = rows[0];
    if (!row) return undefined;
    return {
      kind: String(row['kind']),
      key: String(row['mark_key']),
      repo: String(row['repo']),
      value: nullableString(row['value']),
      createdAt: Number(row['created_at']),
    };
  }

  async setMarkValue(kind: string, key: string, value: string | null): Promise<boolean> {
    const rows = await this.#write((tx) =>
      tx.query('UPDATE marks SET value = $3 WHERE kind = $1 AND mark_key = $2 RETURNING kind', [kind, key, value]),
    );
    return rows.length > 0;
  }

  async deleteMark(kind: string, key: string): Promise<boolean> {
    const rows = await this.#write((tx) =>
      tx.query('DELETE FROM marks WHERE kind = $1 AND mark_key = $2 RETURNING kind', [kind, key]),
    );
    return rows.length > 0;
  }

  async pruneMarks(kind: string, before: number): Promise<number> {
    const rows = await this.#write((tx) =>
      tx.query('DELETE FROM marks WHERE kind = $1 AND created_at < $2 RETURNING kind', [kind, before]),
    );
    return rows.length;
  }

  close(): Promise<void> {
    return this.#db.close();
  }

  /** For readiness checks: migrations applied up to what this build knows. */
  async isMigrated(): Promise<boolean> {
    return (await this.migrationVersion()) >= latestMigration(this.#db.dialect);
  }
}

/** Below any priority a job has (PostgreSQL INTEGER's least value). */
const ANY_PRIORITY = -(2 ** 31);

async function insertJob(tx: SqlExecutor, job: NewJob, now: number): Promise<number> {
  const rows = await tx.query<{ id: unknown }>(
    `INSERT INTO jobs (type, payload, state, attempts, max_attempts, run_at, created_at, updated_at, priority)
     VALUES ($1, $2, 'queued', 0, $3, $4, $5, $5, $6) RETURNING id`,
    [
      job.type,
      JSON.stringify(job.payload ?? null),
      job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      job.runAt ?? now,
      now,
      job.priority ?? 0,
    ],
  );
  return Number(rows[0]?.id);
}

const nullableString = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const nullableNumber = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function toJob(row: Row): Job {
  return {
    id: Number(row['id']),
    type: String(row['type']),
    payload: JSON.parse(String(row['payload'])),
    state: row['state'] as JobState,
    attempts: Number(row['attempts']),
    maxAttempts: Number(row['max_attempts']),
    runAt: Number(row['run_at']),
    priority: Number(row['priority'] ?? 0),
    lockToken: nullableString(row['lock_token']),
    lockedUntil: nullableNumber(row['locked_until']),
    lastError: nullableString(row['last_error']),
  };
}

function toInstallation(row: Row): Installation {
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

function toLink(row: Row): Link {
  return {
    sentryIssueId: String(row['sentry_issue_id']),
    installationUuid: nullableString(row['installation_uuid']),
    githubRepo: String(row['github_repo']),
    githubIssueNumber: Number(row['github_issue_number']),
    externalIssueId: nullableString(row['external_issue_id']),
  };
}
