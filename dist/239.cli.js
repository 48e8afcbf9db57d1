export const id = 239;
export const ids = [239,663];
export const modules = {

/***/ 9239:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDoctorCommand: () => (/* binding */ runDoctorCommand)
});

// EXTERNAL MODULE: ./.build/src/doctor/repo-config.js
var repo_config = __webpack_require__(6218);
// EXTERNAL MODULE: ./.build/src/sentry/agent-fetch.js
var agent_fetch = __webpack_require__(3663);
// EXTERNAL MODULE: ./.build/src/version.js
var version = __webpack_require__(7319);
;// CONCATENATED MODULE: ./.build/src/doctor/sentry-probe.js
// The doctor's window onto Sentry: single GET requests with a short deadline and no retries, so a broken setup is
// reported in seconds. The Sentry client retries for minutes, which is right for a release and wrong for a check.


/** No HTTP answer at all: refused, DNS, TLS, timeout. `code` is Node's error code, or TIMEOUT. */
class ProbeConnectionError extends Error {
    name = 'ProbeConnectionError';
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
function createSentryProbe(opts) {
    const fetch = opts.fetch ?? (0,agent_fetch/* agentFetch */.e)();
    return {
        async get(path, { anonymous = false } = {}) {
            const headers = {
                'user-agent': `faultline-doctor/${version/* VERSION */.x}`,
                accept: 'application/json',
            };
            if (opts.token && !anonymous)
                headers.authorization = `Bearer ${opts.token}`;
            const signal = AbortSignal.timeout(opts.timeoutMs);
            try {
                // A redirect is an answer to report (a wrong URL), not one to follow.
                const res = await fetch(`${opts.url}${path}`, { method: 'GET', headers, signal, redirect: 'manual' });
                const text = await res.text();
                let json;
                try {
                    json = text ? JSON.parse(text) : undefined;
                }
                catch {
                    json = undefined;
                }
                return { status: res.status, json };
            }
            catch (error) {
                const err = error;
                const code = signal.aborted ? 'TIMEOUT' : (err.code ?? err.cause?.code ?? 'ERROR');
                throw new ProbeConnectionError(code, `${err.message}${err.cause?.message ? ` (${err.cause.message})` : ''}`);
            }
        },
    };
}

// EXTERNAL MODULE: ./.build/src/doctor/types.js
var types = __webpack_require__(3778);
;// CONCATENATED MODULE: ./.build/src/doctor/sentry-checks.js


const G = 'sentry';
/** Any one of these lets a token create releases and upload source maps (Sentry's release permission). */
const RELEASE_SCOPES = ['project:releases', 'project:write', 'project:admin', 'org:ci'];
const TOKEN_FIX = 'create a token in Sentry (Settings → Auth Tokens, or an internal integration with Release: Admin) and set ' +
    'SENTRY_AUTH_TOKEN to it; check that it belongs to this Sentry server';
const detailOf = (json) => {
    const detail = json?.detail;
    return typeof detail === 'string' ? detail : undefined;
};
const statusText = (a) => `HTTP ${a.status}${detailOf(a.json) ? ` ${detailOf(a.json)}` : ''}`;
function judgeReachable(url, answer) {
    const name = 'Sentry reachable';
    if (answer instanceof ProbeConnectionError) {
        return (0,types/* fail */.fJ)(G, name, `no answer from ${url} (${answer.code})`, 'check SENTRY_URL (the server root, e.g. https://sentry.io or https://sentry.example.com), the network, ' +
            'and HTTPS_PROXY/NO_PROXY when a proxy is needed');
    }
    const looksLikeSentry = [200, 401, 403].includes(answer.status) && typeof answer.json === 'object';
    if (!looksLikeSentry) {
        return (0,types/* fail */.fJ)(G, name, `${url}/api/0/ answered ${statusText(answer)}, not like a Sentry API`, 'set SENTRY_URL to the Sentry server root, without /api/0 or an organization path');
    }
    return (0,types/* pass */.IX)(G, name, `${url} answers`);
}
function judgeToken(token, answer) {
    const name = 'auth token accepted';
    if (!token)
        return (0,types/* fail */.fJ)(G, name, 'SENTRY_AUTH_TOKEN is not set', TOKEN_FIX);
    const auth = answer.json?.auth;
    if (answer.status === 401 || (answer.status === 200 && !auth)) {
        return (0,types/* fail */.fJ)(G, name, `Sentry rejected the token (${statusText(answer)})`, TOKEN_FIX);
    }
    if (answer.status !== 200)
        return (0,types/* fail */.fJ)(G, name, `Sentry answered ${statusText(answer)}`, TOKEN_FIX);
    return (0,types/* pass */.IX)(G, name, 'Sentry accepts the token');
}
function judgeScopes(answer) {
    const name = 'token scopes';
    const scopes = answer.json?.auth?.scopes;
    if (!Array.isArray(scopes)) {
        return (0,types/* skip */.iv)(G, name, 'the server does not report scopes; the checks below exercise the token instead');
    }
    const granted = scopes.filter((s) => typeof s === 'string');
    const release = RELEASE_SCOPES.filter((s) => granted.includes(s));
    if (release.length === 0) {
        return (0,types/* fail */.fJ)(G, name, `the token has ${granted.length ? granted.join(', ') : 'no scopes'}: none allows releases or source maps`, `create a token with one of ${RELEASE_SCOPES.join(', ')} (an organization token has org:ci)`);
    }
    return (0,types/* pass */.IX)(G, name, `${release.join(', ')} (releases and source maps)`);
}
/**
 * Existence of an organization or project from its detail endpoint; on 403 (token may release but not read) from
 * the `fallback` releases list, which the release scopes may read.
 */
function judgeExists(what, answer, fallback) {
    const name = `${what.kind} ${what.slug}`;
    const seen = answer.status === 403 && fallback ? fallback : answer;
    if (seen.status === 200) {
        const label = answer.json?.name;
        return (0,types/* pass */.IX)(G, name, answer.status === 200 && typeof label === 'string' ? `exists (${label})` : 'exists');
    }
    if (seen.status === 404) {
        return (0,types/* fail */.fJ)(G, name, `no ${what.kind} "${what.slug}" on ${what.url} that this token can see`, what.kind === 'organization'
            ? `set ${what.setting} to the organization slug shown in Sentry's URL (…/organizations/<slug>/), and use a token of that organization`
            : `create the project in Sentry, or set ${what.setting} to an existing project slug (Project Settings → General)`);
    }
    if (seen.status === 403) {
        return (0,types/* fail */.fJ)(G, name, `the token may not access ${what.kind} "${what.slug}" (HTTP 403)`, 'use a token of a member of this organization, or an internal integration installed on it');
    }
    return (0,types/* fail */.fJ)(G, name, `Sentry answered ${statusText(seen)}`, 'run again; if it persists check the Sentry server');
}
function judgeChunkUpload(answer, allowLegacy) {
    const name = 'chunk upload';
    const options = answer.json;
    const accept = Array.isArray(options?.accept) ? options.accept : [];
    if (answer.status === 200 && accept.includes('artifact_bundles')) {
        const extras = [
            accept.includes('artifact_bundles_v2') ? 'skips chunks the server holds' : 'uploads every chunk',
            Array.isArray(options?.compression) && options.compression.includes('gzip') ? 'gzip' : 'uncompressed',
            typeof options?.chunkSize === 'number' ? `${Math.round(options.chunkSize / 1024 / 1024)} MiB chunks` : '',
        ].filter(Boolean);
        return (0,types/* pass */.IX)(G, name, `artifact bundles (${extras.join(', ')})`);
    }
    if (answer.status === 200 || answer.status === 404) {
        const what = answer.status === 404
            ? 'the server has no chunk-upload endpoint'
            : `the server accepts ${accept.join(', ') || 'nothing'} but not artifact bundles`;
        if (allowLegacy)
            return (0,types/* pass */.IX)(G, name, `${what}: legacy release files (allowed by --allow-legacy-uploads)`);
        return (0,types/* fail */.fJ)(G, name, `${what}: it predates artifact bundles (self-hosted before 23.7); uploads fall back to legacy release files, without debug IDs`, 'upgrade self-hosted Sentry to 23.7 or newer; or, to accept legacy release files, run doctor with --allow-legacy-uploads');
    }
    return (0,types/* fail */.fJ)(G, name, `chunk-upload options: ${statusText(answer)}`, 'the token needs one of the release scopes to read them; see the token checks above');
}
const orgPath = (org) => `/api/0/organizations/${encodeURIComponent(org)}/`;
async function runSentryChecks(settings, probe) {
    const results = [];
    const rest = (reason, names) => names.forEach((n) => results.push((0,types/* skip */.iv)(G, n, reason)));
    const later = ['token scopes', 'organization', 'projects', 'chunk upload'];
    let index;
    try {
        index = await probe.get('/api/0/', { anonymous: !settings.token });
    }
    catch (error) {
        if (!(error instanceof ProbeConnectionError))
            throw error;
        index = error;
    }
    const reachable = judgeReachable(settings.url, index);
    results.push(reachable);
    if (reachable.status !== 'pass' || index instanceof ProbeConnectionError) {
        rest('Sentry is not reachable', ['auth token accepted', ...later]);
        return results;
    }
    if (!settings.token && settings.tokenOptional) {
        rest('no SENTRY_AUTH_TOKEN: a public integration uses per-installation tokens; set one to check releases too', [
            'auth token accepted',
            ...later,
        ]);
        return results;
    }
    const token = judgeToken(settings.token, index);
    results.push(token);
    if (token.status !== 'pass') {
        rest('the token was not accepted', later);
        return results;
    }
    results.push(judgeScopes(index));
    try {
        await checkOrganization(settings, probe, results);
    }
    catch (error) {
        if (!(error instanceof ProbeConnectionError))
            throw error;
        results.push((0,types/* fail */.fJ)(G, 'Sentry connection', `lost mid-way (${error.code})`, 'run again; check the network and proxy settings'));
    }
    return results;
}
async function checkOrganization(settings, probe, results) {
    const rest = (reason, names) => names.forEach((n) => results.push((0,types/* skip */.iv)(G, n, reason)));
    const org = settings.org;
    if (!org) {
        results.push((0,types/* fail */.fJ)(G, 'organization', 'SENTRY_ORG is not set', 'set SENTRY_ORG (or --org) to your organization slug, e.g. acme'));
        rest('no organization to look in', ['projects', 'chunk upload']);
        return;
    }
    const orgAnswer = await probe.get(orgPath(org));
    const orgFallback = orgAnswer.status === 403 ? await probe.get(`${orgPath(org)}releases/?per_page=1`) : undefined;
    const orgResult = judgeExists({ kind: 'organization', slug: org, setting: 'SENTRY_ORG', url: settings.url }, orgAnswer, orgFallback);
    results.push(orgResult);
    if (orgResult.status !== 'pass') {
        rest(`organization ${org} is not usable`, ['projects', 'chunk upload']);
        return;
    }
    if (settings.projects.length === 0) {
        results.push((0,types/* fail */.fJ)(G, 'projects', 'no project named', 'set SENTRY_PROJECT (or --project, or the action input projects) to the project slug(s) releases belong to'));
    }
    for (const project of settings.projects) {
        const path = `/api/0/projects/${encodeURIComponent(org)}/${encodeURIComponent(project)}/`;
        const answer = await probe.get(path);
        const fallback = answer.status === 403 ? await probe.get(`${path}releases/?per_page=1`) : undefined;
        results.push(judgeExists({ kind: 'project', slug: project, setting: 'SENTRY_PROJECT', url: settings.url }, answer, fallback));
    }
    results.push(judgeChunkUpload(await probe.get(`${orgPath(org)}chunk-upload/`), settings.allowLegacyUploads));
}

;// CONCATENATED MODULE: ./.build/src/doctor/render.js
const MARK = { pass: '✓', fail: '✗', skip: '–' };
const TITLES = { sentry: 'Sentry', app: 'GitHub App' };
/**
 * Renders the report. Every value in `secrets` is replaced by *** wherever it appears, as a last line of defence:
 * no check puts a secret into a detail, but a server's error text might echo one.
 */
function renderDoctorReport(results, opts = {}) {
    const width = Math.max(0, ...results.map((r) => r.name.length));
    const lines = [];
    for (const group of ['sentry', 'app']) {
        const rows = results.filter((r) => r.group === group);
        if (rows.length === 0)
            continue;
        if (lines.length)
            lines.push('');
        lines.push(`${TITLES[group]}${opts.header?.[group] ? ` (${opts.header[group]})` : ''}`);
        for (const r of rows) {
            lines.push(`  ${MARK[r.status]} ${r.name.padEnd(width)}  ${shownDetail(r)}`);
            if (r.status === 'fail' && r.fix)
                lines.push(`    ${' '.repeat(width)}  fix: ${r.fix}`);
        }
    }
    lines.push('', summaryLine(results));
    return redact(lines.join('\n'), opts.secrets ?? []);
}
/** The checks as a markdown table for a job summary; every secret is replaced by ***. */
function renderDoctorMarkdown(results, opts) {
    const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    const failed = results.some((r) => r.status === 'fail');
    const lines = [
        `### ${failed ? '❌' : '✅'} faultline doctor`,
        '',
        `Sentry: ${cell(opts.target)}`,
        '',
        '| | Check | Result | Fix |',
        '| --- | --- | --- | --- |',
        ...results.map((r) => `| ${MARK[r.status]} | ${cell(r.name)} | ${cell(shownDetail(r))} | ` +
            `${r.status === 'fail' && r.fix ? cell(r.fix) : ''} |`),
        '',
        summaryLine(results),
        '',
    ];
    return redact(lines.join('\n'), opts.secrets);
}
const shownDetail = (r) => (r.status === 'skip' ? `skipped: ${r.detail}` : r.detail);
function summaryLine(results) {
    const count = (s) => results.filter((r) => r.status === s).length;
    const failed = count('fail');
    return `${count('pass')} passed, ${failed} failed, ${count('skip')} skipped${failed ? '' : ' — all good'}`;
}
function redact(text, secrets) {
    let out = text;
    for (const secret of secrets) {
        // Very short values would blank out ordinary words; no real token or secret is that short.
        if (secret && secret.length >= 6)
            out = out.split(secret).join('***');
    }
    return out;
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./.build/src/sentry/org-token.js
var org_token = __webpack_require__(7461);
;// CONCATENATED MODULE: ./.build/src/doctor/settings.js
// `faultline doctor` flags and environment, parsed once into one typed object. Pure.


class DoctorUsageError extends Error {
    name = 'DoctorUsageError';
}
const DOCTOR_USAGE = `usage: faultline doctor [--url URL] [-o|--org ORG] [-p|--project SLUG ...] [--allow-legacy-uploads]
                        [--config FILE] [--app | --no-app] [--json] [--timeout-ms MS]

Checks the Sentry connection (URL, token and its scopes, organization, projects, chunk upload) and, when the app's
settings are present (APP_ID, WEBHOOK_SECRET, SENTRY_CLIENT_SECRET) or --app is given, the GitHub App's (database,
GitHub App credentials, webhook secrets, each installed repository's .github/faultline.yml).
With a repository config (--config FILE, or .github/faultline.yml in the current directory), it also checks that an
issue alert rule of each of its projects notifies faultline, and that Sentry holds the config's alert rules.
Reads SENTRY_URL, SENTRY_AUTH_TOKEN, SENTRY_ORG, SENTRY_PROJECT (comma- or space-separated) and the app's variables;
an organization auth token (sntrys_…) names its server and organization when SENTRY_URL and SENTRY_ORG do not.
Exit code: 0 when every check passes, 1 when any fails, 2 on bad usage.`;
/** Settings that, when any is set, mean "this environment runs the app": the app checks then run by default. */
const APP_SETTINGS = ['APP_ID', 'WEBHOOK_SECRET', 'SENTRY_CLIENT_SECRET'];
function parseDoctorSettings(argv, env) {
    let values;
    try {
        ({ values } = (0,external_node_util_.parseArgs)({
            args: argv,
            options: {
                url: { type: 'string' },
                org: { type: 'string', short: 'o' },
                project: { type: 'string', short: 'p', multiple: true },
                'allow-legacy-uploads': { type: 'boolean', default: false },
                app: { type: 'boolean' },
                'no-app': { type: 'boolean' },
                json: { type: 'boolean', default: false },
                'timeout-ms': { type: 'string' },
                config: { type: 'string' },
            },
            strict: true,
            allowPositionals: false,
        }));
    }
    catch (error) {
        throw new DoctorUsageError(`${error.message}\n${DOCTOR_USAGE}`);
    }
    const get = (name) => env[name]?.trim() || undefined;
    const projects = (values.project?.length ? values.project : [get('SENTRY_PROJECT') ?? ''])
        .flatMap((p) => p.split(/[\s,]+/))
        .filter(Boolean);
    const timeoutRaw = values['timeout-ms'];
    const timeoutMs = timeoutRaw === undefined ? 10_000 : Number(timeoutRaw);
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
        throw new DoctorUsageError(`--timeout-ms is "${timeoutRaw}": expected a whole number of milliseconds, e.g. 5000`);
    }
    const appPresent = APP_SETTINGS.some((name) => get(name) !== undefined);
    const token = get('SENTRY_AUTH_TOKEN');
    const target = sentryTarget(token, values.url?.trim() ? values.url : undefined, get, values.org);
    return {
        sentry: {
            url: target.url,
            token,
            org: target.org,
            projects: [...new Set(projects)],
            allowLegacyUploads: values['allow-legacy-uploads'] ?? false,
            tokenOptional: appPresent && get('SENTRY_CLIENT_ID') !== undefined,
        },
        config: values.config?.trim() || undefined,
        app: values['no-app'] ? false : (values.app ?? appPresent),
        json: values.json ?? false,
        timeoutMs,
    };
}
/** Flags win over SENTRY_URL / SENTRY_ORG, which win over what an org auth token names. */
function sentryTarget(token, urlFlag, get, orgFlag) {
    const url = urlFlag ?? get('SENTRY_URL');
    const org = orgFlag?.trim() || get('SENTRY_ORG');
    try {
        const target = (0,org_token/* resolveSentryTarget */.rH)({
            ...(token ? { token } : {}),
            ...(url ? { url, urlSetting: urlFlag ? '--url' : 'SENTRY_URL' } : {}),
            ...(org ? { org } : {}),
        });
        return { url: target.url, org: target.org };
    }
    catch (error) {
        if (error instanceof org_token/* SentryTargetError */.pF)
            throw new DoctorUsageError(error.message);
        throw error;
    }
}

;// CONCATENATED MODULE: ./.build/src/doctor/index.js





/** The checks the alert rule checks need to pass first: a reachable Sentry, an accepted token, the organization. */
const SENTRY_BASICS = /^(Sentry reachable|auth token accepted|organization\b|Sentry connection)/;
async function runDoctor(settings, deps) {
    const probe = deps.sentryProbe ??
        createSentryProbe({ url: settings.sentry.url, token: settings.sentry.token, timeoutMs: settings.timeoutMs });
    const found = await (0,repo_config/* findRepoConfig */.s)(settings.config, deps.cwd);
    // The alerts code (yaml, zod) loads only when there is a config to check.
    const alerts = found ? await Promise.all(/* import() */[__webpack_require__.e(533), __webpack_require__.e(321), __webpack_require__.e(254), __webpack_require__.e(396)]).then(__webpack_require__.bind(__webpack_require__, 9396)) : undefined;
    const fromConfig = found && alerts?.configSentry(found);
    const sentry = {
        ...settings.sentry,
        org: settings.sentry.org ?? fromConfig?.org,
        projects: settings.sentry.projects.length ? settings.sentry.projects : (fromConfig?.projects ?? []),
    };
    const results = await runSentryChecks(sentry, probe);
    if (found && alerts) {
        const usable = results.every((r) => r.status === 'pass' || !SENTRY_BASICS.test(r.name));
        const client = deps.alertsClient ?? alerts.doctorAlertsClient(sentry, settings.timeoutMs);
        results.push(...(await alerts.runAlertsChecks(found, settings.sentry.org, usable ? client : undefined)));
    }
    if (settings.app) {
        if (!deps.appChecks)
            throw new Error('runDoctor: settings.app asks for the app checks, but none were given');
        results.push(...(await deps.appChecks({ env: deps.env, cwd: deps.cwd, timeoutMs: settings.timeoutMs })));
    }
    return results;
}
/** Every secret value the environment holds, for the renderer's redaction. */
function secretsIn(env) {
    return ['SENTRY_AUTH_TOKEN', 'SENTRY_CLIENT_SECRET', 'WEBHOOK_SECRET', 'PRIVATE_KEY', 'DATABASE_URL', 'GITHUB_TOKEN']
        .map((name) => env[name]?.trim())
        .filter((v) => Boolean(v));
}

;// CONCATENATED MODULE: ./.build/src/cli/doctor-command.js
// `faultline doctor`: parse flags, run the checks, print the table (or JSON), exit 1 on any ✗.


async function runDoctorCommand(argv, io) {
    if (argv.includes('--help') || argv.includes('-h')) {
        io.stdout(DOCTOR_USAGE);
        return 0;
    }
    let settings;
    try {
        settings = parseDoctorSettings(argv, io.env);
    }
    catch (error) {
        if (!(error instanceof DoctorUsageError))
            throw error;
        io.stderr(error.message);
        return 2;
    }
    const secrets = secretsIn(io.env);
    const appChecks = settings.app ? await loadAppChecks() : undefined;
    const results = await runDoctor(settings, { env: io.env, cwd: io.cwd, appChecks });
    if (settings.json) {
        io.stdout(redact(JSON.stringify({ ok: results.every((r) => r.status !== 'fail'), checks: results }, null, 2), secrets));
    }
    else {
        io.stdout(`faultline doctor`);
        io.stdout('');
        io.stdout(renderDoctorReport(results, {
            header: { sentry: `${settings.sentry.url}${settings.sentry.org ? `, org ${settings.sentry.org}` : ''}` },
            secrets,
        }));
    }
    return results.some((r) => r.status === 'fail') ? 1 : 0;
}
/** The app's half, loaded only when it is checked: it brings the app's database drivers (node:sqlite, pg). */
async function loadAppChecks() {
    const { runAppChecks } = await Promise.all(/* import() */[__webpack_require__.e(533), __webpack_require__.e(849), __webpack_require__.e(62), __webpack_require__.e(711)]).then(__webpack_require__.bind(__webpack_require__, 4711));
    return runAppChecks;
}


/***/ }),

/***/ 6218:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ DEFAULT_CONFIG),
/* harmony export */   s: () => (/* binding */ findRepoConfig)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
// The repository config the doctor checks alert rules against: `--config FILE` (which must exist) or
// `.github/faultline.yml` in the working directory when there is one. Only the file: parsing it loads the alerts
// code, which the doctor imports only when a config is there.


const DEFAULT_CONFIG = '.github/faultline.yml';
async function findRepoConfig(configPath, cwd) {
    const shownAs = configPath ?? DEFAULT_CONFIG;
    try {
        return { shownAs, text: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, shownAs), 'utf8') };
    }
    catch (error) {
        if (configPath === undefined)
            return undefined;
        return { shownAs, error: `cannot read ${shownAs} (${error.code ?? 'error'})` };
    }
}


/***/ }),

/***/ 3778:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IX: () => (/* binding */ pass),
/* harmony export */   fJ: () => (/* binding */ fail),
/* harmony export */   iv: () => (/* binding */ skip)
/* harmony export */ });
const pass = (group, name, detail) => ({
    group,
    name,
    status: 'pass',
    detail,
});
const fail = (group, name, detail, fix) => ({
    group,
    name,
    status: 'fail',
    detail,
    fix,
});
const skip = (group, name, detail) => ({
    group,
    name,
    status: 'skip',
    detail,
});


/***/ }),

/***/ 3663:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ agentFetch)
/* harmony export */ });
/* harmony import */ var _agents_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3213);
/**
 * `fetch` over node:http(s) and the shared keep-alive agents (HTTP(S)_PROXY and NO_PROXY honoured), for the callers
 * that speak fetch: the GitHub history's Octokit request and the doctor's probe. It answers with Node's own global
 * `Response`, so no HTTP library is bundled or loaded for them.
 */

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
/** Statuses whose `Response` must have no body (the constructor refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);
/** A fetch that sends through `agents` (default: the process's shared ones, read from the environment). */
function agentFetch(agents = () => (0,_agents_js__WEBPACK_IMPORTED_MODULE_0__/* .sharedSentryAgents */ .N)()) {
    return async (input, init = {}) => {
        let url = new URL(String(input));
        let method = (init.method ?? 'GET').toUpperCase();
        let body = init.body == null ? undefined : Buffer.from(init.body);
        const headers = plainHeaders(init.headers);
        for (let hop = 0;; hop++) {
            const answer = await (0,_agents_js__WEBPACK_IMPORTED_MODULE_0__/* .exchange */ .c)(url, { method, headers, body, agents: agents(), signal: init.signal ?? undefined });
            const location = answer.headers.location;
            if (init.redirect === 'manual' || !REDIRECTS.has(answer.status) || !location || hop === MAX_REDIRECTS) {
                return toResponse(answer);
            }
            url = new URL(location, url);
            // As fetch does: a 303, or a 301/302 after a POST, becomes a GET without a body.
            if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && method === 'POST')) {
                method = 'GET';
                body = undefined;
                delete headers['content-type'];
            }
        }
    };
}
function plainHeaders(headers) {
    const out = {};
    if (!headers)
        return out;
    const entries = headers instanceof Headers || Array.isArray(headers) ? headers : Object.entries(headers);
    for (const [name, value] of entries)
        out[name.toLowerCase()] = String(value);
    return out;
}
function toResponse(answer) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
        if (value === undefined)
            continue;
        for (const one of Array.isArray(value) ? value : [value])
            headers.append(name, one);
    }
    const body = NULL_BODY.has(answer.status) ? null : new Uint8Array(answer.body);
    return new Response(body, { status: answer.status, statusText: answer.statusText, headers });
}


/***/ }),

/***/ 3213:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ sharedSentryAgents),
/* harmony export */   c: () => (/* binding */ exchange)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/**
 * The connection pools every outgoing request of the action and the CLI goes through (the Sentry client, the GitHub
 * history, the doctor's probe), and one request's whole answer over them. node:http(s) rather than undici: it is
 * part of Node and loads at once, so the action's first request goes out sooner.
 */

let shared;
/**
 * One keep-alive pool per protocol for every client in the process; they honour HTTP(S)_PROXY and NO_PROXY (Node's
 * own proxy support, `proxyEnv`), read again whenever those variables change.
 */
function sharedSentryAgents(env = process.env) {
    const names = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];
    const proxyEnv = Object.fromEntries(names.filter((n) => env[n] !== undefined).map((n) => [n, env[n]]));
    const key = JSON.stringify(proxyEnv);
    // An idle connection is closed after 10 s (sooner when the server's Keep-Alive header says so).
    if (shared?.key !== key)
        shared = { key, agents: new KeepAliveAgents({ keepAlive: true, timeout: 10_000, proxyEnv }) };
    return shared.agents;
}
/** node:https (and TLS under it) is loaded when the first https URL is asked for, not by every process start. */
const nodeHttps = () => process.getBuiltinModule('node:https');
class KeepAliveAgents {
    http;
    #options;
    #https;
    constructor(options) {
        this.#options = options;
        this.http = new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent(options);
    }
    get https() {
        this.#https ??= new (nodeHttps().Agent)(this.#options);
        return this.#https;
    }
}
/** One request and its whole answer over node:http(s); `signal` aborts it (connect, headers and body). */
function exchange(url, opts) {
    const https = url.protocol === 'https:';
    const headers = opts.body ? { ...opts.headers, 'content-length': String(opts.body.length) } : opts.headers;
    return new Promise((resolve, reject) => {
        const req = (https ? nodeHttps().request : node_http__WEBPACK_IMPORTED_MODULE_0__.request)(url, {
            method: opts.method,
            headers,
            agent: https ? opts.agents.https : opts.agents.http,
            ...(opts.signal ? { signal: opts.signal } : {}),
        }, (res) => {
            const parts = [];
            res.on('data', (b) => parts.push(b));
            res.on('error', reject);
            res.on('close', () => {
                if (!res.complete)
                    reject(Object.assign(new Error('the response was cut off'), { code: 'ECONNRESET' }));
            });
            res.on('end', () => resolve({
                status: res.statusCode ?? 0,
                statusText: res.statusMessage ?? '',
                headers: res.headers,
                body: Buffer.concat(parts),
            }));
        });
        req.on('error', reject);
        req.end(opts.body);
    });
}


/***/ }),

/***/ 7461:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z5: () => (/* binding */ orgTokenClaims),
/* harmony export */   pF: () => (/* binding */ SentryTargetError),
/* harmony export */   rH: () => (/* binding */ resolveSentryTarget)
/* harmony export */ });
/* unused harmony exports ORG_TOKEN_PREFIX, DEFAULT_SENTRY_URL */
// Sentry organization auth tokens (`sntrys_<base64 JSON>_<secret>`) name the server and the organization they
// belong to, as sentry-cli reads them (src/utils/auth_token/org_auth_token.rs in getsentry/sentry-cli): the JSON
// has `url` (may be empty in old tokens), `region_url` and `org`. A token alone is then enough, and a token is
// never sent to a server other than its own.
const ORG_TOKEN_PREFIX = 'sntrys_';
const DEFAULT_SENTRY_URL = 'https://sentry.io';
/** The claims of an org token, or undefined for any other kind of token (user tokens, integration tokens). */
function orgTokenClaims(token) {
    if (!token?.startsWith(ORG_TOKEN_PREFIX))
        return undefined;
    const parts = token.split('_');
    if (parts.length !== 3)
        return undefined;
    try {
        const json = JSON.parse(Buffer.from(parts[1], 'base64').toString('utf8'));
        if (!json || typeof json !== 'object')
            return undefined;
        const { url, region_url: regionUrl, org } = json;
        if (typeof org !== 'string' || !org)
            return undefined;
        return {
            org,
            ...(typeof url === 'string' && url ? { url: trimUrl(url) } : {}),
            ...(typeof regionUrl === 'string' && regionUrl ? { regionUrl: trimUrl(regionUrl) } : {}),
        };
    }
    catch {
        return undefined;
    }
}
class SentryTargetError extends Error {
    name = 'SentryTargetError';
}
/**
 * The server and organization to use: explicit settings win; what they leave open comes from an org token; the
 * URL defaults to sentry.io only when neither says. An explicit URL that is neither the token's server nor its
 * region is refused, naming both, so the token never goes to another host.
 */
function resolveSentryTarget(settings) {
    const claims = orgTokenClaims(settings.token);
    const explicitUrl = settings.url?.trim() ? trimUrl(settings.url) : undefined;
    const explicitOrg = settings.org?.trim() || undefined;
    if (claims && explicitUrl) {
        const own = [claims.url, claims.regionUrl].filter((u) => !!u);
        if (own.length && !own.some((u) => sameServer(u, explicitUrl))) {
            throw new SentryTargetError(`${settings.urlSetting ?? 'SENTRY_URL'} is ${explicitUrl}, but the auth token belongs to ${own[0]}: ` +
                `unset ${settings.urlSetting ?? 'SENTRY_URL'} (the token names its server) or use a token made on ${explicitUrl}`);
        }
    }
    const url = explicitUrl ?? claims?.url ?? claims?.regionUrl;
    const org = explicitOrg ?? claims?.org;
    return {
        url: url ?? DEFAULT_SENTRY_URL,
        ...(org ? { org } : {}),
        from: {
            url: explicitUrl ? 'setting' : url ? 'token' : 'default',
            ...(org ? { org: explicitOrg ? 'setting' : 'token' } : {}),
        },
    };
}
function trimUrl(url) {
    return url.trim().replace(/\/+$/, '');
}
function sameServer(a, b) {
    try {
        const x = new URL(a);
        const y = new URL(b);
        return x.protocol === y.protocol && x.host.toLowerCase() === y.host.toLowerCase();
    }
    catch {
        return trimUrl(a).toLowerCase() === trimUrl(b).toLowerCase();
    }
}


/***/ })

};
