export const id = 791;
export const ids = [791,546];
export const modules = {

/***/ 4791:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   doctorFailureMessage: () => (/* binding */ doctorFailureMessage),
/* harmony export */   doctorSettingsFromInputs: () => (/* binding */ doctorSettingsFromInputs)
/* harmony export */ });
/* harmony import */ var _doctor_index_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8546);
/* harmony import */ var _doctor_render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9151);
/**
 * `steps: doctor` in the action: the doctor's Sentry checks with the action's own inputs, and the failure message.
 * The log (✓/✗ table) and the job summary (markdown) come from the doctor's renderer. Only the pure parts live
 * here; run.ts does the runner I/O.
 */


/**
 * The doctor's settings from the action inputs (SENTRY_* env vars as fallbacks, as for the release). The doctor's
 * own parser fills the defaults; the app checks never run in the action (the app is not deployed by a workflow).
 */
function doctorSettingsFromInputs(inputs, env) {
    const pick = (input, name) => input?.trim() || env[name]?.trim() || undefined;
    const doctorEnv = {};
    const values = {
        SENTRY_URL: pick(inputs.url, 'SENTRY_URL'),
        SENTRY_ORG: pick(inputs.org, 'SENTRY_ORG'),
        SENTRY_AUTH_TOKEN: pick(inputs.token, 'SENTRY_AUTH_TOKEN'),
        SENTRY_PROJECT: pick(inputs.projects?.split(/[\r\n]+/).join(' '), 'SENTRY_PROJECT'),
    };
    for (const [name, value] of Object.entries(values))
        if (value)
            doctorEnv[name] = value;
    // `.github/faultline.yml` in the working directory is checked when it is there.
    return (0,_doctor_index_js__WEBPACK_IMPORTED_MODULE_0__.parseDoctorSettings)(['--no-app'], doctorEnv);
}
/** The setFailed message: each failed check with its finding and fix. */
function doctorFailureMessage(results, secrets) {
    const failed = results.filter((r) => r.status === 'fail');
    const items = failed.map((r) => `${r.name}: ${r.detail}${r.fix ? ` (fix: ${r.fix})` : ''}`);
    return (0,_doctor_render_js__WEBPACK_IMPORTED_MODULE_1__/* .redact */ .E$)(`doctor: ${failed.length} check(s) failed: ${items.join('; ')}`, secrets);
}


/***/ }),

/***/ 8546:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DOCTOR_USAGE: () => (/* reexport */ DOCTOR_USAGE),
  DoctorUsageError: () => (/* reexport */ DoctorUsageError),
  parseDoctorSettings: () => (/* reexport */ parseDoctorSettings),
  renderDoctorMarkdown: () => (/* reexport */ render/* renderDoctorMarkdown */.F1),
  renderDoctorReport: () => (/* reexport */ render/* renderDoctorReport */.yu),
  runDoctor: () => (/* binding */ runDoctor),
  secretsIn: () => (/* binding */ secretsIn),
  summaryLine: () => (/* reexport */ render/* summaryLine */.dC)
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

// EXTERNAL MODULE: ./.build/src/doctor/render.js
var render = __webpack_require__(9151);
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
    const alerts = found ? await Promise.all(/* import() */[__webpack_require__.e(533), __webpack_require__.e(513), __webpack_require__.e(396)]).then(__webpack_require__.bind(__webpack_require__, 9396)) : undefined;
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


/***/ }),

/***/ 9151:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   F1: () => (/* binding */ renderDoctorMarkdown),
/* harmony export */   dC: () => (/* binding */ summaryLine),
/* harmony export */   yu: () => (/* binding */ renderDoctorReport)
/* harmony export */ });
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


/***/ })

};
