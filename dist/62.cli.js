export const id = 62;
export const ids = [62];
export const modules = {

/***/ 5062:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LE: () => (/* binding */ withDotEnv),
/* harmony export */   W3: () => (/* binding */ normalizePrivateKey),
/* harmony export */   Z9: () => (/* binding */ loadConfig),
/* harmony export */   xL: () => (/* binding */ ConfigError)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(643);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7975);
/* harmony import */ var _store_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4494);
/* harmony import */ var _src_sentry_org_token_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7461);






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
    const read = envReader(env);
    const github = readGitHub(read, env, cwd);
    const sentry = readSentry(read);
    const storage = readStorage(read, cwd);
    const logging = readLogging(read);
    const config = {
        github,
        sentry,
        storage,
        ...logging,
        encryption: {
            key: read.get('FAULTLINE_ENCRYPTION_KEY'),
            previousKey: read.get('FAULTLINE_ENCRYPTION_KEY_PREVIOUS'),
        },
        host: read.get('HOST') ?? '0.0.0.0',
        port: read.integer('PORT', 3000, 0, 65_535),
        workers: {
            concurrency: read.integer('FAULTLINE_WORKER_CONCURRENCY', 4, 1, 64),
            maxAttempts: read.integer('FAULTLINE_JOB_MAX_ATTEMPTS', 8, 1, 100),
        },
        webhookProxyUrl: readWebhookProxyUrl(read),
        metrics: readMetrics(read),
        sentryDsn: read.get('SENTRY_DSN'),
    };
    if (read.problems.length > 0)
        throw new ConfigError(read.problems);
    return config;
}
function envReader(env) {
    const problems = [];
    const get = (name) => {
        const value = env[name]?.trim();
        return value ? value : undefined;
    };
    return {
        problems,
        get,
        required(name, what) {
            const value = get(name);
            if (!value)
                problems.push(`${name} is not set: ${what}`);
            return value ?? '';
        },
        integer(name, fallback, min, max) {
            const raw = get(name);
            if (raw === undefined)
                return fallback;
            const value = Number(raw);
            if (!Number.isInteger(value) || value < min || value > max) {
                problems.push(`${name} is "${raw}": expected a whole number from ${min} to ${max}`);
                return fallback;
            }
            return value;
        },
    };
}
function readGitHub(read, env, cwd) {
    const appIdRaw = read.required('APP_ID', "set it to the GitHub App's numeric ID (shown on the App's settings page)");
    const appId = Number(appIdRaw);
    if (appIdRaw && (!Number.isInteger(appId) || appId <= 0)) {
        read.problems.push(`APP_ID is "${appIdRaw}": expected the GitHub App's numeric ID, e.g. 123456`);
    }
    return {
        appId,
        privateKey: readPrivateKey(read, env, cwd) ?? '',
        webhookSecret: read.required('WEBHOOK_SECRET', "set it to the GitHub App's webhook secret"),
        baseUrl: readGitHubBaseUrl(read),
        requestTimeoutMs: read.integer('GITHUB_REQUEST_TIMEOUT_MS', 20_000, 1_000, 600_000),
    };
}
/** PRIVATE_KEY (inline, kept untrimmed) or the file PRIVATE_KEY_PATH names, as a PEM. */
function readPrivateKey(read, env, cwd) {
    const inlineKey = env.PRIVATE_KEY?.trim() ? env.PRIVATE_KEY : undefined;
    const keyPath = read.get('PRIVATE_KEY_PATH');
    let key = inlineKey;
    if (!inlineKey && keyPath) {
        try {
            key = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd, keyPath), 'utf8');
        }
        catch (error) {
            read.problems.push(`PRIVATE_KEY_PATH is "${keyPath}" but the file cannot be read (${error.code ?? 'error'}): point it at the App's .pem file`);
        }
    }
    else if (!inlineKey) {
        read.problems.push("PRIVATE_KEY and PRIVATE_KEY_PATH are both unset: set one to the GitHub App's private key (PEM) or its file path");
    }
    if (key === undefined)
        return undefined;
    const parsed = normalizePrivateKey(key, inlineKey ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH');
    if ('problem' in parsed) {
        read.problems.push(parsed.problem);
        return undefined;
    }
    return parsed.pem;
}
/** The REST base for GitHub Enterprise (GHE_HOST, GHE_PROTOCOL); undefined for github.com. */
function readGitHubBaseUrl(read) {
    const gheHost = read.get('GHE_HOST');
    const gheProtocol = read.get('GHE_PROTOCOL') ?? 'https';
    if (gheProtocol !== 'http' && gheProtocol !== 'https') {
        read.problems.push(`GHE_PROTOCOL is "${gheProtocol}": expected http or https`);
        return undefined;
    }
    if (!gheHost)
        return undefined;
    if (/[/\s]/.test(gheHost) || gheHost.includes('://')) {
        read.problems.push(`GHE_HOST is "${gheHost}": expected a host name (and port), without scheme or path, e.g. ghe.example.com`);
        return undefined;
    }
    return `${gheProtocol}://${gheHost}/api/v3`;
}
function readSentry(read) {
    const authToken = read.get('SENTRY_AUTH_TOKEN');
    // An org auth token names its server and org; SENTRY_URL and SENTRY_ORG win, and a URL of another server is refused.
    const target = sentryTarget(authToken, read.get('SENTRY_URL'), read.get('SENTRY_ORG'), read.problems);
    const sentryUrlRaw = target?.url ?? read.get('SENTRY_URL') ?? 'https://sentry.io';
    let url = sentryUrlRaw;
    try {
        const parsed = new URL(sentryUrlRaw);
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
            throw new Error('scheme');
        url = sentryUrlRaw.replace(/\/+$/, '');
    }
    catch {
        read.problems.push(`SENTRY_URL is "${sentryUrlRaw}": expected an http(s) URL such as https://sentry.io`);
    }
    const clientSecret = read.required('SENTRY_CLIENT_SECRET', "set it to the Sentry integration's Client Secret (it signs the webhooks)");
    const org = target?.org ?? read.get('SENTRY_ORG') ?? (0,_src_sentry_org_token_js__WEBPACK_IMPORTED_MODULE_5__/* .orgTokenClaims */ .Z5)(authToken)?.org;
    if (authToken && !org) {
        read.problems.push('SENTRY_AUTH_TOKEN is set but SENTRY_ORG is not: an internal integration belongs to one Sentry org; set SENTRY_ORG to its slug (e.g. acme), or unset SENTRY_AUTH_TOKEN for a public integration');
    }
    if (org && !/^[a-z0-9][a-z0-9_-]*$/i.test(org)) {
        read.problems.push(`SENTRY_ORG is "${org}": expected an organization slug such as acme (letters, digits, - and _)`);
    }
    return { url, clientSecret, clientId: read.get('SENTRY_CLIENT_ID'), authToken, org };
}
/** PostgreSQL when DATABASE_URL is set, else SQLite in FAULTLINE_DATA_DIR (default `.faultline`). */
function readStorage(read, cwd) {
    const databaseUrl = read.get('DATABASE_URL');
    if (!databaseUrl) {
        return { kind: 'sqlite', file: (0,_store_index_js__WEBPACK_IMPORTED_MODULE_4__/* .sqliteFileIn */ .mE)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd, read.get('FAULTLINE_DATA_DIR') ?? '.faultline')) };
    }
    let ok = false;
    try {
        ok = ['postgres:', 'postgresql:'].includes(new URL(databaseUrl).protocol);
    }
    catch {
        // not a URL at all: reported below
    }
    if (!ok) {
        // The URL may embed a password: name the variable, not the value.
        read.problems.push('DATABASE_URL is not a postgres:// or postgresql:// URL: unset it to use SQLite, or fix it');
    }
    return { kind: 'postgres', databaseUrl };
}
function readLogging(read) {
    const logLevel = (read.get('LOG_LEVEL') ?? 'info').toLowerCase();
    if (!LOG_LEVELS.includes(logLevel)) {
        read.problems.push(`LOG_LEVEL is "${logLevel}": expected one of ${LOG_LEVELS.join(', ')}`);
    }
    const logFormat = (read.get('LOG_FORMAT') ?? 'pretty').toLowerCase();
    if (logFormat !== 'json' && logFormat !== 'pretty') {
        read.problems.push(`LOG_FORMAT is "${logFormat}": expected json or pretty`);
    }
    return { logLevel: logLevel, logFormat: logFormat };
}
function readWebhookProxyUrl(read) {
    const url = read.get('WEBHOOK_PROXY_URL');
    if (url && !/^https?:\/\//.test(url)) {
        read.problems.push(`WEBHOOK_PROXY_URL is "${url}": expected an http(s) URL such as https://smee.io/abc123`);
    }
    return url;
}
function readMetrics(read) {
    const port = read.get('METRICS_PORT') === undefined ? undefined : read.integer('METRICS_PORT', 9464, 0, 65_535);
    return { token: read.get('METRICS_TOKEN'), host: read.get('METRICS_HOST') ?? '127.0.0.1', port };
}
function sentryTarget(token, url, org, problems) {
    try {
        return (0,_src_sentry_org_token_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveSentryTarget */ .rH)({ ...(token ? { token } : {}), ...(url ? { url } : {}), ...(org ? { org } : {}) });
    }
    catch (error) {
        problems.push(error.message);
        return undefined;
    }
}
/**
 * The environment with `.env` from `cwd` under it, as Probot reads it (Node's `.env` parser); a variable set in the
 * real environment wins over the file, as dotenv does. A missing file is no error.
 */
function withDotEnv(env, cwd = process.cwd()) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(cwd, '.env'), 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return env;
        throw error;
    }
    const merged = { ...(0,node_util__WEBPACK_IMPORTED_MODULE_3__.parseEnv)(text) };
    for (const [name, value] of Object.entries(env))
        if (value !== undefined)
            merged[name] = value;
    return merged;
}
const PEM_BEGIN = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
/**
 * Accepts the forms a private key gets pasted in (PEM, quoted, `\n`-escaped, base64) and returns the PEM; when it
 * cannot, names the format problem and the fix. `source` is the variable it came from.
 */
function normalizePrivateKey(raw, source) {
    let text = raw.trim();
    const quote = text[0];
    if ((quote === '"' || quote === "'") && text.length > 1 && text.endsWith(quote))
        text = text.slice(1, -1).trim();
    text = text.replace(/\\r\\n|\\n/g, '\n');
    if (!PEM_BEGIN.test(text) && /^[A-Za-z0-9+/=\s]+$/.test(text)) {
        const decoded = Buffer.from(text, 'base64').toString('utf8');
        if (PEM_BEGIN.test(decoded))
            text = decoded.trim();
    }
    if (text.startsWith('"') || text.startsWith("'")) {
        return {
            problem: `${source} starts with a quote but does not end with the same one (an env file holds one line per variable): remove the quotes around it in your env file and write newlines as \\n, or use PRIVATE_KEY_PATH`,
        };
    }
    if (!PEM_BEGIN.test(text)) {
        return {
            problem: `${source} does not hold a PEM private key (no "-----BEGIN … PRIVATE KEY-----" line): download the key from the App's settings page`,
        };
    }
    if (!/-----END [A-Z ]*PRIVATE KEY-----/.test(text)) {
        return {
            problem: `${source} has no "-----END … PRIVATE KEY-----" line: the key was cut off (an env file holds one line per variable: write newlines as \\n, or use PRIVATE_KEY_PATH)`,
        };
    }
    try {
        (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)(text);
    }
    catch {
        return {
            problem: `${source} holds a PEM block that does not parse as a private key: paste the whole .pem file unchanged, or use PRIVATE_KEY_PATH`,
        };
    }
    return { pem: `${text}\n` };
}


/***/ }),

/***/ 4494:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ch: () => (/* binding */ openStore),
  mE: () => (/* binding */ sqliteFileIn)
});

// UNUSED EXPORTS: DEFAULT_MAX_ATTEMPTS, SqlStore

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/app/store/migrations.js
var migrations = __webpack_require__(2439);
// EXTERNAL MODULE: ./.build/app/store/postgres-driver.js
var postgres_driver = __webpack_require__(4384);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.build/app/store/sql-store.js


const DEFAULT_MAX_ATTEMPTS = 8;
/**
 * A repeat of a body whose job has not started yet is a duplicate: that job reads Sentry's state when it runs, which
 * already includes whatever the repeat reports. Once a job has taken the delivery, a repeat re-arms the row (its
 * body back, `taken_at` cleared) and gets a job of its own.
 */
const REARM = `request_id = excluded.request_id, status = excluded.status, body = excluded.body,
  received_at = excluded.received_at, taken_at = NULL WHERE deliveries.taken_at IS NOT NULL`;
/** The Store over either dialect: the statements are the common subset (ON CONFLICT, RETURNING) of both. */
class SqlStore {
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
        const [result] = await this.recordDeliveries([{ delivery, job }]);
        return result;
    }
    /**
     * Group commit: one transaction for the batch. A repeat of a body earlier in the batch would find that one's row
     * not yet taken, so it is its duplicate; only the first of each digest reaches the database.
     */
    async recordDeliveries(batch) {
        if (batch.length === 0)
            return [];
        const firstOf = new Map();
        const unique = [];
        for (const item of batch) {
            if (firstOf.has(item.delivery.digest))
                continue;
            firstOf.set(item.delivery.digest, unique.length);
            unique.push(item);
        }
        const recorded = this.#db.dialect === 'postgres' ? await this.#recordPostgres(unique) : await this.#recordSqlite(unique);
        const answered = new Set();
        return batch.map(({ delivery }) => {
            const first = recorded[firstOf.get(delivery.digest)];
            if (!answered.has(delivery.digest)) {
                answered.add(delivery.digest);
                return first;
            }
            return { deliveryId: first.deliveryId, duplicate: true, jobId: null };
        });
    }
    /** Distinct digests, in one BEGIN IMMEDIATE transaction: one commit (one WAL write) for the whole batch. */
    #recordSqlite(items) {
        return this.#db.transaction(async (tx) => {
            const results = [];
            for (const { delivery, job } of items) {
                const inserted = await tx.query(`INSERT INTO deliveries (digest, request_id, resource, action, installation_uuid, status, body, received_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (digest) DO UPDATE SET ${REARM} RETURNING id`, [
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
    async #recordPostgres(items) {
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
        const rows = await this.#db.query(`WITH input AS (
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
       SELECT d.digest, d.id AS delivery_id, j.id AS job_id FROM d LEFT JOIN j ON j.delivery_id = d.id`, [JSON.stringify(input)]);
        const byDigest = new Map(rows.map((row) => [row.digest, row]));
        const missing = items.map((i) => i.delivery.digest).filter((digest) => !byDigest.has(digest));
        // Duplicates: a new statement, so it also sees a row another replica committed while this one waited on it.
        const existing = new Map();
        if (missing.length > 0) {
            const found = await this.#db.query('SELECT id, digest FROM deliveries WHERE digest IN (SELECT json_array_elements_text($1::json))', [JSON.stringify(missing)]);
            for (const row of found)
                existing.set(row.digest, Number(row.id));
        }
        return items.map(({ delivery }) => {
            const row = byDigest.get(delivery.digest);
            if (!row)
                return { deliveryId: Number(existing.get(delivery.digest)), duplicate: true, jobId: null };
            return {
                deliveryId: Number(row.delivery_id),
                duplicate: false,
                jobId: row.job_id === null ? null : Number(row.job_id),
            };
        });
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
    /** The delivery for the job that runs it now: marks it taken first, so a repeat arriving from now on is not coalesced. */
    async takeDelivery(id, now) {
        await this.#write((tx) => tx.query('UPDATE deliveries SET taken_at = $2 WHERE id = $1', [id, now]));
        return this.getDelivery(id);
    }
    /**
     * Drops the raw body once processed (the digest stays for dedupe). A row re-armed meanwhile (`taken_at` cleared)
     * keeps its body for its own job.
     */
    async finishDelivery(id) {
        await this.#write((tx) => tx.query("UPDATE deliveries SET body = '' WHERE id = $1 AND taken_at IS NOT NULL", [id]));
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
    async listInstallationsWithTokens() {
        const rows = await this.#db.query('SELECT * FROM installations WHERE token IS NOT NULL OR refresh_token IS NOT NULL ORDER BY uuid');
        return rows.map(toInstallation);
    }
    enqueueJob(job, now) {
        return this.#write((tx) => insertJob(tx, job, now));
    }
    async claimJobs(opts) {
        const minPriority = opts.minPriority ?? ANY_PRIORITY;
        // A plain read first: idle pollers must not queue for SQLite's single write lock (or PostgreSQL row locks).
        const due = await this.#db.query(`SELECT id FROM jobs WHERE ((state = 'queued' AND run_at <= $1)
         OR (state = 'running' AND locked_until <= $1 AND attempts < max_attempts)) AND priority >= $2 LIMIT 1`, [opts.now, minPriority]);
        if (due.length === 0)
            return [];
        const token = `${opts.workerId}:${(0,external_node_crypto_.randomUUID)()}`;
        // PostgreSQL: SKIP LOCKED lets replicas claim different rows at once. SQLite: the immediate transaction holds
        // the single write lock, so the select-then-update inside one UPDATE cannot race with another process.
        const skipLocked = this.#db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
        const rows = await this.#write((tx) => tx.query(`UPDATE jobs SET state = 'running', attempts = attempts + 1, lock_token = $1, locked_until = $2, updated_at = $3
         WHERE id IN (
           SELECT id FROM jobs
           WHERE ((state = 'queued' AND run_at <= $3)
              OR (state = 'running' AND locked_until <= $3 AND attempts < max_attempts)) AND priority >= $5
           ORDER BY priority DESC, run_at, id LIMIT $4 ${skipLocked})
         RETURNING *`, [token, opts.now + opts.leaseMs, opts.now, opts.limit, minPriority]));
        return rows.map(toJob).sort((a, b) => b.priority - a.priority || a.runAt - b.runAt || a.id - b.id);
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
    async countJobsByType() {
        const rows = await this.#db.query('SELECT type, state, COUNT(*) AS n FROM jobs GROUP BY type, state');
        const counts = {};
        for (const row of rows) {
            counts[row.type] ??= { queued: 0, running: 0, done: 0, dead: 0 };
            counts[row.type][row.state] = Number(row.n);
        }
        return counts;
    }
    async retryDeadJob(id, now) {
        const rows = await this.#write((tx) => tx.query(`UPDATE jobs SET state = 'queued', attempts = 0, run_at = $1, lock_token = NULL, locked_until = NULL,
           updated_at = $1 WHERE id = $2 AND state = 'dead' RETURNING id`, [now, id]));
        return rows.length > 0;
    }
    async discardJob(id) {
        const rows = await this.#write((tx) => tx.query("DELETE FROM jobs WHERE id = $1 AND state IN ('dead', 'queued') RETURNING id", [id]));
        return rows.length > 0;
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
        return (await this.migrationVersion()) >= (0,migrations/* latestMigration */.UE)(this.#db.dialect);
    }
}
/** Below any priority a job has (PostgreSQL INTEGER's least value). */
const ANY_PRIORITY = -(2 ** 31);
async function insertJob(tx, job, now) {
    const rows = await tx.query(`INSERT INTO jobs (type, payload, state, attempts, max_attempts, run_at, created_at, updated_at, priority)
     VALUES ($1, $2, 'queued', 0, $3, $4, $5, $5, $6) RETURNING id`, [
        job.type,
        JSON.stringify(job.payload ?? null),
        job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
        job.runAt ?? now,
        now,
        job.priority ?? 0,
    ]);
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
        priority: Number(row['priority'] ?? 0),
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

// EXTERNAL MODULE: ./.build/app/store/sqlite-driver.js
var sqlite_driver = __webpack_require__(4153);
;// CONCATENATED MODULE: ./.build/app/store/index.js






const sqliteFileIn = (dataDir) => (0,external_node_path_.join)(dataDir, 'faultline.sqlite');
/** Opens the configured backend and applies pending migrations before handing it out. */
async function openStore(config) {
    const driver = config.kind === 'postgres'
        ? new postgres_driver/* PostgresDriver */.W(config.databaseUrl, { max: config.poolSize })
        : new sqlite_driver/* SqliteDriver */.F(config.file);
    try {
        await (0,migrations/* applyMigrations */.KV)(driver);
    }
    catch (error) {
        await driver.close().catch(() => { });
        throw error;
    }
    return new SqlStore(driver);
}


/***/ }),

/***/ 2439:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KV: () => (/* binding */ applyMigrations),
/* harmony export */   UE: () => (/* binding */ latestMigration)
/* harmony export */ });
/* unused harmony export migrations */
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
// When a job took the delivery: a repeat of its body is coalesced with it until then, and gets its own job after.
const deliveriesTakenAt = (time) => `ALTER TABLE deliveries ADD COLUMN taken_at ${time}`;
// Status changes are claimed before a burst of new-issue work queued ahead of them (higher first, then FIFO).
const jobsPriority = `
ALTER TABLE jobs ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_claimable_priority ON jobs (state, priority, run_at)
`;
const migrations = {
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
const latestMigration = (dialect) => migrations[dialect].at(-1)?.version ?? 0;
/** Applies every migration not yet recorded; returns the versions applied now (empty when up to date). */
async function applyMigrations(driver, now = Date.now()) {
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


/***/ }),

/***/ 4384:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ PostgresDriver)
/* harmony export */ });
/* harmony import */ var pg__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3849);

class PostgresDriver {
    dialect = 'postgres';
    #pool;
    constructor(connectionString, opts = {}) {
        this.#pool = new pg__WEBPACK_IMPORTED_MODULE_0__/* ["default"].Pool */ .Ay.Pool({
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


/***/ }),

/***/ 4153:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ SqliteDriver)
/* harmony export */ });
/* unused harmony export createPrivateFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(643);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_sqlite__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99);



const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;
/**
 * The database holds installation tokens and delivery records: its directory is the owner's only (0700) and the
 * file 0600, whatever the umask. An existing directory of ours is tightened too (data dirs of older versions were
 * 0755); a shared one (sticky, like /tmp) or someone else's is left alone.
 */
function createPrivateFile(file) {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true, mode: PRIVATE_DIR });
    const { mode, uid } = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dir);
    const ours = uid === process.getuid?.();
    if (ours && (mode & 0o1000) === 0 && (mode & 0o777) !== PRIVATE_DIR)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(dir, PRIVATE_DIR);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, 'a', PRIVATE_FILE));
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(file, PRIVATE_FILE);
}
/**
 * node:sqlite is synchronous and one connection carries one transaction at a time, so every statement goes through
 * a promise chain: an async transaction never sees another caller's statements slip into it.
 */
class SqliteDriver {
    dialect = 'sqlite';
    #db;
    #statements = new Map();
    #tail = Promise.resolve();
    constructor(file, opts = {}) {
        if (file !== ':memory:')
            createPrivateFile(file);
        this.#db = new node_sqlite__WEBPACK_IMPORTED_MODULE_2__.DatabaseSync(file);
        // WAL lets readers run beside the one writer; busy_timeout makes a second process wait for the lock, not fail.
        this.#db.exec(`PRAGMA busy_timeout = ${opts.busyTimeoutMs ?? 10_000}`);
        this.#db.exec('PRAGMA journal_mode = WAL');
        this.#db.exec('PRAGMA synchronous = NORMAL');
        // SQLite gives its -wal and -shm files the database file's mode; make sure of it.
        for (const side of [`${file}-wal`, `${file}-shm`])
            if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(side))
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.chmodSync)(side, PRIVATE_FILE);
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


/***/ })

};
