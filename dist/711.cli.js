export const id = 711;
export const ids = [711];
export const modules = {

/***/ 4711:
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
// EXTERNAL MODULE: ./.build/app/config.js
var config = __webpack_require__(5062);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(643);
// EXTERNAL MODULE: ./.build/app/store/migrations.js
var migrations = __webpack_require__(2439);
// EXTERNAL MODULE: ./.build/app/store/postgres-driver.js
var postgres_driver = __webpack_require__(4384);
// EXTERNAL MODULE: ./.build/app/store/sqlite-driver.js
var sqlite_driver = __webpack_require__(4153);
// EXTERNAL MODULE: ./.build/app/store/index.js + 1 modules
var store = __webpack_require__(4494);
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
        where: (0,store/* sqliteFileIn */.mE)((0,external_node_path_.resolve)(cwd, env.FAULTLINE_DATA_DIR?.trim() || '.faultline')),
    };
}
function judgeMigrations(where, dialect, version) {
    const latest = (0,migrations/* latestMigration */.UE)(dialect);
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
        ? new sqlite_driver/* SqliteDriver */.F(storage.where)
        : new postgres_driver/* PostgresDriver */.W(env.DATABASE_URL?.trim() ?? '', { max: 1, connectionTimeoutMs: timeoutMs });
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
        .query('SELECT uuid, org_slug, token IS NOT NULL AS has_token, refresh_token IS NOT NULL AS has_refresh, token_expires_at FROM installations ORDER BY org_slug')
        .catch(() => []);
    return rows.map((r) => ({
        uuid: String(r.uuid),
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
        return (0,types/* fail */.fJ)(G, name, `no usable Sentry token for ${broken.map(describeBroken(now)).join('; ')}`, env.SENTRY_CLIENT_ID?.trim()
            ? 'reinstall the integration in that organization (the grant code is exchanged once, within minutes)'
            : "set SENTRY_CLIENT_ID to the integration's Client ID, then reinstall the integration in that organization");
    }
    return (0,types/* pass */.IX)(G, name, `${installs.map((i) => i.org).join(', ')} (token${installs.length > 1 ? 's' : ''} held)`);
}
/** "installation <uuid> of acme (none stored)": which installation, and why its token cannot be used. */
function describeBroken(now) {
    return (i) => {
        const why = !i.hasToken ? 'none stored' : `expired ${new Date(i.expiresAt ?? now).toISOString()}, no refresh token`;
        return `${i.uuid ? `installation ${i.uuid} of ` : ''}${i.org} (${why})`;
    };
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
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
var alerts_config = __webpack_require__(866);
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
    alerts: alerts_config/* alertsSectionSchema */.yD
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
        (0,config/* loadConfig */.Z9)(env, cwd);
        return (0,types/* pass */.IX)(app_checks_G, 'app settings', 'complete and valid');
    }
    catch (error) {
        if (!(error instanceof config/* ConfigError */.xL))
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
    const { cwd, timeoutMs } = opts;
    const env = (0,config/* withDotEnv */.LE)(opts.env, cwd);
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
    const inline = env.PRIVATE_KEY?.trim();
    const path = env.PRIVATE_KEY_PATH?.trim();
    const raw = inline || !path ? inline : await (0,promises_.readFile)((0,external_node_path_.resolve)(cwd, path), 'utf8').catch(() => undefined);
    const parsed = raw === undefined ? undefined : (0,config/* normalizePrivateKey */.W3)(raw, 'PRIVATE_KEY');
    return parsed && 'pem' in parsed ? parsed.pem : raw?.replace(/\\n/g, '\n');
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
