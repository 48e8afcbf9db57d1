import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 3339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9597:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3843);
// The action's entry (bundled to dist/index.js). No logic here: see run.ts.

await (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .C)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 3843:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  C: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./.build/src/release/errors.js
var errors = __nccwpck_require__(1478);
;// CONCATENATED MODULE: ./.build/src/release/options.js
/** The pipeline's one typed settings object, and the step and commit-mode vocabularies. */
const STEP_NAMES = ['create', 'commits', 'sourcemaps', 'finalize', 'deploy'];

;// CONCATENATED MODULE: ./.build/src/release/input-values.js
/** The action's input names, and the parsers of single input values; each error names its input. */


/** Every input the action declares in action.yml (and the CLI mirrors as --flags with dashes). */
const INPUT_NAMES = (/* unused pure expression or super */ null && ([
    'environment',
    'release',
    'version',
    'release_prefix',
    'version_prefix',
    'projects',
    'sourcemaps',
    'inject',
    'dist',
    'url_prefix',
    'url_suffix',
    'ext',
    'ignore',
    'strip_common_prefix',
    'finalize',
    'set_commits',
    'repo',
    'commit',
    'previous_commit',
    'ignore_missing',
    'ignore_empty',
    'started_at',
    'working_directory',
    'disable_safe_mode',
    'disable_safe_directory',
    'disable_telemetry',
    'url',
    'org',
    'auth_token',
    'github_token',
    'wait',
    'strict',
    'allow_missing_sourcemaps',
    'steps',
    'deploy_name',
    'deploy_url',
    'delete_after_upload',
    'dry_run',
]));
/**
 * List inputs: one item per line when the value has line breaks (so paths may hold spaces), otherwise items are
 * separated by commas and/or spaces. Empty items are dropped.
 */
function parseList(value) {
    if (!value)
        return [];
    const items = /[\r\n]/.test(value) ? value.split(/\r?\n/) : value.split(/[\s,]+/);
    return items.map((item) => item.trim().replace(/,$/, '').trim()).filter(Boolean);
}
const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);
function parseBoolean(input, value, fallback) {
    if (value === undefined || value.trim() === '')
        return fallback;
    const lower = value.trim().toLowerCase();
    if (TRUE.has(lower))
        return true;
    if (FALSE.has(lower))
        return false;
    throw new errors/* ReleaseInputError */.aQ(input, `${input}: "${value}" is not a boolean; use true or false`);
}
/**
 * The `steps` input's release steps: `all` (default) or a list of step names, always run in pipeline order. `doctor` and `alerts` are accepted here but are not release steps: the action runs them first
 * (see wantsDoctor, wantsAlerts), so `steps: doctor` alone leaves no release step.
 */
function parseSteps(value) {
    const items = parseList(value).map((s) => s.toLowerCase());
    if (items.length === 0 || items.includes('all'))
        return [...STEP_NAMES];
    const known = [...STEP_NAMES, 'doctor', 'alerts'];
    const unknown = items.filter((s) => !known.includes(s));
    if (unknown.length > 0) {
        throw new errors/* ReleaseInputError */.aQ('steps', `steps: unknown step "${unknown[0]}"; use "all" or any of ${STEP_NAMES.join(', ')}, doctor, alerts (e.g. "deploy" to ` +
            'record a deploy of an existing release)');
    }
    return STEP_NAMES.filter((s) => items.includes(s));
}
/** Whether the `steps` input names `doctor` explicitly (`all` means the release steps only). */
function wantsDoctor(value) {
    return parseList(value).some((s) => s.toLowerCase() === 'doctor');
}
/** Whether the `steps` input names `alerts` (plan or apply the alert rules; `all` does not include it). */
function wantsAlerts(value) {
    return parseList(value).some((s) => s.toLowerCase() === 'alerts');
}
function parseSetCommits(value, repo, commit, previousCommit) {
    const mode = (value ?? 'auto').toLowerCase();
    if (mode === 'auto')
        return { mode: 'auto' };
    if (mode === 'skip')
        return { mode: 'skip' };
    if (mode === 'manual') {
        if (!repo) {
            throw new errors/* ReleaseInputError */.aQ('repo', 'repo: set_commits is "manual" but `repo` is empty: set it to the repository as Sentry names it, e.g. "acme/web"');
        }
        if (!commit) {
            throw new errors/* ReleaseInputError */.aQ('commit', 'commit: set_commits is "manual" but `commit` is empty: set it to the SHA being released');
        }
        for (const [name, sha] of [
            ['commit', commit],
            ['previous_commit', previousCommit],
        ]) {
            if (sha !== undefined && (sha.length > 64 || /\s/.test(sha))) {
                throw new errors/* ReleaseInputError */.aQ(name, `${name}: "${sha.slice(0, 70)}" is not a commit SHA (at most 64 characters)`);
            }
        }
        return { mode: 'manual', repo, commit, ...(previousCommit ? { previousCommit } : {}) };
    }
    throw new errors/* ReleaseInputError */.aQ('set_commits', `set_commits: "${value}" is not one of auto, skip, manual`);
}
/** Unix seconds or an ISO 8601 date, returned as ISO 8601. */
function parseStartedAt(value) {
    if (value === undefined)
        return undefined;
    let date;
    if (/^-?\d+$/.test(value)) {
        const seconds = Number(value);
        if (seconds < 0)
            throw new errors/* ReleaseInputError */.aQ('started_at', `started_at: "${value}" is negative; use Unix seconds`);
        date = new Date(seconds * 1000);
    }
    else {
        date = /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(Number.NaN);
    }
    if (Number.isNaN(date.getTime())) {
        throw new errors/* ReleaseInputError */.aQ('started_at', `started_at: "${value}" is neither Unix seconds nor an ISO 8601 date (e.g. 1767268800 or 2026-01-01T12:00:00Z)`);
    }
    return date.toISOString();
}
function parseUrl(input, value) {
    if (value === undefined)
        return undefined;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new errors/* ReleaseInputError */.aQ(input, `${input}: "${value}" is not an absolute http(s) URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new errors/* ReleaseInputError */.aQ(input, `${input}: "${value}" is not an http(s) URL`);
    }
    return value;
}
/** Sentry's Environment.is_valid_name: at most 64 characters, no slash or line break. */
function checkEnvironmentName(environment) {
    if (environment.length > 64 || /[/\r\n\f]/.test(environment) || environment === 'none') {
        throw new errors/* ReleaseInputError */.aQ('environment', `environment: "${environment.slice(0, 70)}" is not a valid Sentry environment name (at most 64 characters, ` +
            'no "/" or line breaks, not "none")');
    }
}
/** The workflow run page, the default deploy URL in GitHub Actions. */
function workflowRunUrl(env) {
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: runId } = env;
    if (!server || !repo || !runId)
        return undefined;
    return `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${runId}`;
}

;// CONCATENATED MODULE: ./.build/src/release/version.js
/** The release version: which source wins, and the rules Sentry applies to it. Pure: no I/O. */

/** Sentry's `Release.is_valid_version` limit (the version column is 200 characters). */
const MAX_VERSION_LENGTH = 200;
/**
 * input > SENTRY_RELEASE > commit SHA; the prefix is prepended; the result is validated. A tag push still releases
 * the commit SHA: action-release (sentry-cli's propose-version) and the Sentry bundler plugins default to it, and
 * the SDK's release must match.
 */
function resolveVersion(sources) {
    const base = stripTagRef(sources.release) ?? stripTagRef(sources.envRelease) ?? sources.sha;
    if (!base) {
        throw new errors/* ReleaseInputError */.aQ('release', 'release: no version given and none could be derived (no release input, no SENTRY_RELEASE and no ' +
            'GITHUB_SHA or git HEAD): set the `release` input (CLI: --release)');
    }
    const version = `${sources.prefix ?? ''}${base}`;
    validateVersion(version);
    return version;
}
function stripTagRef(value) {
    if (value === undefined || value === '')
        return undefined;
    return value.startsWith('refs/tags/') ? value.slice('refs/tags/'.length) : value;
}
/** Throws ReleaseInputError when Sentry would reject the version (or silently mangle it in the URL). */
function validateVersion(version) {
    const problem = versionProblem(version);
    if (problem) {
        throw new errors/* ReleaseInputError */.aQ('release', `release: "${printable(version)}" is not a valid Sentry release version: ${problem}. ` +
            'Set the `release` input (or `release_prefix`) to a valid name, e.g. "web@1.4.0" or a commit SHA');
    }
}
/** Why Sentry would refuse this version, or undefined when it is fine. */
function versionProblem(version) {
    if (version.trim() === '')
        return 'it is empty';
    if (version !== version.trim())
        return 'it starts or ends with whitespace';
    if (version === '.' || version === '..')
        return `"${version}" is reserved`;
    if (version.toLowerCase() === 'latest')
        return '"latest" is reserved';
    if (version.length > MAX_VERSION_LENGTH)
        return `it is ${version.length} characters long, the limit is ${MAX_VERSION_LENGTH}`;
    if (version.includes('/'))
        return 'it contains "/"';
    if (version.includes('\\'))
        return 'it contains "\\"';
    if (/[\r\n\t\f\v]/.test(version))
        return 'it contains a newline, tab or other control whitespace';
    return undefined;
}
function printable(value) {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return shown.replace(/[\r\n\t\f\v]/g, (c) => JSON.stringify(c).slice(1, -1));
}

// EXTERNAL MODULE: ./.build/src/sentry/org-token.js
var org_token = __nccwpck_require__(7461);
;// CONCATENATED MODULE: ./.build/src/release/inputs.js
/**
 * Parses the raw inputs (action inputs or CLI flags, with SENTRY_* / GITHUB_* fallbacks) into ReleaseOptions plus
 * the connection settings. Pure: the caller passes a reader and the environment; nothing here touches I/O.
 */






function resolveInputs(read, env, ctx) {
    const get = (name) => read(name)?.trim() || undefined;
    const envGet = (name) => env[name]?.trim() || undefined;
    const dryRun = parseBoolean('dry_run', get('dry_run'), false);
    const steps = parseSteps(get('steps'));
    const version = resolveVersion({
        release: get('release') ?? get('version'),
        envRelease: envGet('SENTRY_RELEASE'),
        sha: envGet('GITHUB_SHA') ?? ctx.localHead,
        prefix: get('release_prefix') ?? get('version_prefix'),
    });
    const projects = parseProjects(get, envGet, steps);
    const sentry = parseSentryConnection(get, envGet, dryRun);
    const cwd = workingDirectory(get('working_directory'), ctx.baseDir, ctx.path ?? external_node_path_);
    const repository = envGet('GITHUB_REPOSITORY');
    const setCommits = parseSetCommits(get('set_commits'), get('repo'), get('commit'), get('previous_commit'));
    const deploy = parseDeploy(get, envGet, env);
    const release = {
        version,
        projects,
        steps,
        setCommits,
        ...(repository ? { repository } : {}),
        ...(envGet('GITHUB_SHA') ? { headSha: envGet('GITHUB_SHA') } : {}),
        ignoreMissing: parseBoolean('ignore_missing', get('ignore_missing'), false),
        ignoreEmpty: parseBoolean('ignore_empty', get('ignore_empty'), false),
        cwd,
        sourcemaps: parseSourcemaps(get),
        finalize: parseBoolean('finalize', get('finalize'), true),
        ...(deploy ? { deploy } : {}),
        dryRun,
        gitSafeDirectory: !disableSafeDirectory(get),
    };
    const githubToken = get('github_token') ?? envGet('GITHUB_TOKEN');
    return {
        release,
        sentry,
        github: {
            ...(githubToken ? { token: githubToken } : {}),
            apiUrl: envGet('GITHUB_API_URL') ?? 'https://api.github.com',
            ...(repository ? { repository } : {}),
        },
        notices: noOpNotices(get),
    };
}
/** `disable_safe_directory` is action-release's name for `disable_safe_mode`: either one turns it off. */
function disableSafeDirectory(get) {
    const mode = parseBoolean('disable_safe_mode', get('disable_safe_mode'), false);
    return parseBoolean('disable_safe_directory', get('disable_safe_directory'), false) || mode;
}
function noOpNotices(get) {
    if (!parseBoolean('disable_telemetry', get('disable_telemetry'), false))
        return [];
    return ['disable_telemetry: faultline sends no telemetry, so there is nothing to turn off; the input can go'];
}
/** Creating a release and uploading source maps both name projects; the other steps need none. */
function parseProjects(get, envGet, steps) {
    const projects = parseList(get('projects') ?? envGet('SENTRY_PROJECT'));
    const needsProjects = steps.some((s) => s === 'create' || s === 'sourcemaps');
    if (needsProjects && projects.length === 0) {
        throw new errors/* ReleaseInputError */.aQ('projects', 'projects: no Sentry project given: set the `projects` input (CLI: --projects) or SENTRY_PROJECT to one or ' +
            'more project slugs, e.g. "web" or "web api"');
    }
    return projects;
}
/**
 * A dry run sends nothing, so it needs neither token nor organization. An org auth token names its server and
 * organization; the inputs and SENTRY_* variables win over it, and a URL of another server is refused.
 */
function parseSentryConnection(get, envGet, dryRun) {
    const token = get('auth_token') ?? envGet('SENTRY_AUTH_TOKEN') ?? '';
    if (!token && !dryRun) {
        throw new errors/* ReleaseInputError */.aQ('auth_token', 'auth_token: no Sentry auth token: set the `auth_token` input or the SENTRY_AUTH_TOKEN environment variable ' +
            'from a secret (a token with the project:releases or org:ci scope)');
    }
    const explicitUrl = parseUrl('url', get('url') ?? envGet('SENTRY_URL'));
    const explicitOrg = get('org') ?? envGet('SENTRY_ORG');
    let target;
    try {
        target = (0,org_token/* resolveSentryTarget */.rH)({
            token,
            ...(explicitUrl ? { url: explicitUrl, urlSetting: get('url') ? 'url' : 'SENTRY_URL' } : {}),
            ...(explicitOrg ? { org: explicitOrg } : {}),
        });
    }
    catch (error) {
        if (error instanceof org_token/* SentryTargetError */.pF)
            throw new errors/* ReleaseInputError */.aQ('url', `url: ${error.message}`);
        throw error;
    }
    const org = target.org ?? '';
    if (!org && !dryRun) {
        throw new errors/* ReleaseInputError */.aQ('org', 'org: no Sentry organization: set the `org` input or the SENTRY_ORG environment variable to its slug, e.g. ' +
            '"acme" (an organization auth token, sntrys_…, names its organization itself)');
    }
    return { url: target.url, org, token };
}
function workingDirectory(input, baseDir, path) {
    if (!input)
        return baseDir;
    return path.isAbsolute(input) ? input : path.resolve(baseDir, input);
}
/** The deploy to record (none without an environment); its inputs are checked even when there is none. */
function parseDeploy(get, envGet, env) {
    const environment = get('environment') ?? envGet('SENTRY_ENVIRONMENT');
    const deployUrl = parseUrl('deploy_url', get('deploy_url')) ?? workflowRunUrl(env);
    const startedAt = parseStartedAt(get('started_at'));
    const deployName = get('deploy_name');
    if (deployName && deployName.length > 64) {
        throw new errors/* ReleaseInputError */.aQ('deploy_name', `deploy_name: "${deployName.slice(0, 20)}..." is ${deployName.length} characters; Sentry allows at most 64`);
    }
    if (environment !== undefined)
        checkEnvironmentName(environment);
    if (!environment)
        return undefined;
    return {
        environment,
        ...(deployName ? { name: deployName } : {}),
        ...(deployUrl ? { url: deployUrl } : {}),
        ...(startedAt ? { startedAt } : {}),
    };
}
function parseSourcemaps(get) {
    return {
        paths: parseList(get('sourcemaps')),
        inject: parseBoolean('inject', get('inject'), true),
        ...(get('dist') ? { dist: get('dist') } : {}),
        ...(get('url_prefix') ? { urlPrefix: get('url_prefix') } : {}),
        ...(get('url_suffix') ? { urlSuffix: get('url_suffix') } : {}),
        ...(get('ext') ? { extensions: parseList(get('ext')).map((e) => e.replace(/^\./, '')) } : {}),
        ignore: parseList(get('ignore')),
        stripCommonPrefix: parseBoolean('strip_common_prefix', get('strip_common_prefix'), false),
        strict: parseBoolean('strict', get('strict'), false),
        ...(parseBoolean('allow_missing_sourcemaps', get('allow_missing_sourcemaps'), false) ? { allowMissing: true } : {}),
        wait: parseBoolean('wait', get('wait'), false),
        deleteAfterUpload: parseBoolean('delete_after_upload', get('delete_after_upload'), false),
    };
}

// EXTERNAL MODULE: ./.build/src/sentry/index.js + 10 modules
var sentry = __nccwpck_require__(5667);
;// CONCATENATED MODULE: ./.build/src/release/client.js

/** The Sentry client for a resolved run; none in a dry run, where nothing may be sent. */
function releaseClient(inputs, userAgent, log) {
    if (inputs.release.dryRun)
        return null;
    const { url, token, org } = inputs.sentry;
    return new sentry/* SentryClient */.Bq({ url, token, org, userAgent, ...(log ? { log } : {}) });
}

;// CONCATENATED MODULE: ./.build/src/release/result.js
/** A run that has done nothing yet. */
function emptyResult(version, dryRun) {
    return {
        release: version,
        commits: 0,
        filesUploaded: 0,
        bytesUploaded: 0,
        chunksSent: 0,
        chunksSkipped: 0,
        steps: [],
        warnings: [],
        dryRun,
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./.build/src/release/commits.js

/** sentry-cli's default depth when there is no previous release (or it cannot be found with ignore_missing). */
const DEFAULT_COMMIT_DEPTH = 20;
/** Upper bound of one range; older commits are left out with a warning. */
const MAX_RANGE_COMMITS = 1000;
async function planCommits(sel) {
    const manual = sel.setCommits.mode === 'manual' ? sel.setCommits : undefined;
    const repository = manual?.repo ?? sel.repository ?? (await sel.git?.originRepository());
    if (!repository) {
        throw new errors/* ReleaseStepError */.KN('commits', 'commits: cannot tell which repository the commits belong to (no GITHUB_REPOSITORY and no git remote "origin")', 'Set the `repo` input with set_commits: manual, run inside a git checkout, or use set_commits: skip');
    }
    const head = manual?.commit ?? (sel.git ? await sel.git.head() : sel.headSha);
    if (!head) {
        throw new errors/* ReleaseStepError */.KN('commits', `commits: no commit to release (no git checkout in the working directory and no GITHUB_SHA)`, 'Run after actions/checkout, set working_directory to the checkout, or use set_commits: skip');
    }
    const repos = await sel.sentry.listRepos();
    const integrated = repos.find((r) => sameRepository(r, repository));
    const previous = manual ? manual.previousCommit : await sel.sentry.previousHead();
    if (integrated) {
        return {
            kind: 'refs',
            repository: integrated.name,
            refs: [{ repository: integrated.name, commit: head, previousCommit: previous ?? null }],
            detail: `refs ${integrated.name}@${commits_short(previous)}..${commits_short(head)} (Sentry reads the commits through its ${integrated.provider.name} integration)`,
        };
    }
    return explicitCommits(sel, repository, head, previous);
}
async function explicitCommits(sel, repository, head, previous) {
    if (previous === head) {
        return { kind: 'commits', commits: [], detail: `no new commits: the previous release is at ${commits_short(head)} too` };
    }
    const git = sel.git && (await sel.git.hasCommit(head)) ? sel.git : undefined;
    const shallow = git ? await git.isShallow() : true;
    if (previous) {
        if (git && (await git.hasCommit(previous)) && (await git.isAncestor(previous, head))) {
            const commits = await git.log({ head, base: previous, max: MAX_RANGE_COMMITS + 1, repository });
            return range(sel, commits, `${commits.length} commits ${commits_short(previous)}..${commits_short(head)} from local git`);
        }
        if (git && !shallow) {
            return missingPrevious(sel, repository, head, previous, 'the local git history');
        }
        if (sel.github) {
            try {
                const commits = await sel.github.compare(previous, head);
                return range(sel, commits.map((c) => ({ ...c, repository })), `${commits.length} commits ${commits_short(previous)}..${commits_short(head)} from the GitHub compare API (shallow clone)`);
            }
            catch (error) {
                if (error instanceof errors/* MissingCommitError */._E)
                    return missingPrevious(sel, repository, head, previous, 'GitHub');
                throw error;
            }
        }
        if (!sel.ignoreMissing) {
            throw new errors/* ReleaseStepError */.KN('commits', `commits: the checkout is shallow and does not reach the previous release's commit ${commits_short(previous)}`, 'Pass `github_token` (the default `${{ github.token }}` works) so the commits come from the GitHub API, ' +
                'or set ignore_missing: true to send only the commits present locally');
        }
        sel.warn(`commits: shallow checkout without github_token; sending only the ${DEFAULT_COMMIT_DEPTH} newest local commits`);
    }
    return recent(sel, repository, head, shallow);
}
/** The previous release's head is unknown: fail, or with ignore_missing fall back to the newest commits. */
async function missingPrevious(sel, repository, head, previous, where) {
    if (!sel.ignoreMissing) {
        throw new errors/* ReleaseStepError */.KN('commits', `commits: the previous release's commit ${previous} was not found in ${where} (rewritten history?)`, `Set ignore_missing: true to send the ${DEFAULT_COMMIT_DEPTH} newest commits instead`);
    }
    sel.warn(`commits: previous release commit ${commits_short(previous)} not found in ${where}; sending the newest commits`);
    return recent(sel, repository, head, sel.git ? await sel.git.isShallow() : true);
}
async function recent(sel, repository, head, shallow) {
    const git = sel.git && (await sel.git.hasCommit(head)) ? sel.git : undefined;
    if (shallow && sel.github?.recent) {
        const commits = await sel.github.recent(head, DEFAULT_COMMIT_DEPTH);
        return {
            kind: 'commits',
            commits: commits.map((c) => ({ ...c, repository })),
            detail: `${commits.length} newest commits up to ${commits_short(head)} from the GitHub API (first release, shallow clone)`,
        };
    }
    if (git) {
        const commits = await git.log({ head, max: DEFAULT_COMMIT_DEPTH, repository });
        return {
            kind: 'commits',
            commits,
            detail: `${commits.length} newest commits up to ${commits_short(head)} from local git (no previous release)`,
        };
    }
    return {
        kind: 'commits',
        commits: [{ id: head, repository }],
        detail: `only ${commits_short(head)}: no local git history and no GitHub API`,
    };
}
function range(sel, commits, detail) {
    if (commits.length > MAX_RANGE_COMMITS) {
        sel.warn(`commits: the range holds more than ${MAX_RANGE_COMMITS} commits; sending the newest ${MAX_RANGE_COMMITS}`);
        return { kind: 'commits', commits: commits.slice(0, MAX_RANGE_COMMITS), detail };
    }
    return { kind: 'commits', commits, detail };
}
/** Sentry names GitHub repositories `owner/repo`; some providers only fill the URL. */
function sameRepository(repo, repository) {
    const wanted = repository.toLowerCase();
    if (repo.name.toLowerCase() === wanted)
        return true;
    if (repo.externalSlug?.toLowerCase() === wanted)
        return true;
    const url = repo.url
        ?.toLowerCase()
        .replace(/\.git$/, '')
        .replace(/\/+$/, '');
    return url !== undefined && url.endsWith(`/${wanted}`);
}
function commits_short(sha) {
    return sha ? sha.slice(0, 7) : '(none)';
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
;// CONCATENATED MODULE: ./.build/src/release/git.js
/** Local git history as Sentry commits: HEAD, shallow boundaries, ancestry and `git log` with patch sets. */



/** A git work tree; every method runs `git` in `cwd`. */
class LocalGit {
    cwd;
    #prefix;
    #shallowBoundary;
    constructor(cwd, opts = {}) {
        this.cwd = cwd;
        this.#prefix = opts.safeDirectory ? ['-c', 'safe.directory=*'] : [];
    }
    /** The LocalGit for `cwd`, or undefined when git is missing or `cwd` is not inside a work tree. */
    static async open(cwd, opts = {}) {
        const git = new LocalGit(cwd, opts);
        try {
            const inside = await git.run(['rev-parse', '--is-inside-work-tree']);
            return inside.trim() === 'true' ? git : undefined;
        }
        catch {
            return undefined;
        }
    }
    run(args) {
        return new Promise((resolvePromise, reject) => {
            (0,external_node_child_process_namespaceObject.execFile)('git', [...this.#prefix, ...args], { cwd: this.cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, (error, stdout, stderr) => {
                if (error)
                    reject(new Error(`git ${args.join(' ')} failed in ${this.cwd}: ${stderr.trim() || error.message}`));
                else
                    resolvePromise(stdout);
            });
        });
    }
    async head() {
        return (await this.run(['rev-parse', 'HEAD'])).trim();
    }
    async isShallow() {
        return (await this.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
    }
    /** True when `sha` names a commit present in the local object store. */
    async hasCommit(sha) {
        try {
            await this.run(['cat-file', '-e', `${sha}^{commit}`]);
            return true;
        }
        catch {
            return false;
        }
    }
    async isAncestor(ancestor, descendant) {
        try {
            await this.run(['merge-base', '--is-ancestor', ancestor, descendant]);
            return true;
        }
        catch {
            return false;
        }
    }
    /** `owner/repo` of the `origin` remote when it is a GitHub-style URL. */
    async originRepository() {
        try {
            return repositoryFromRemote((await this.run(['remote', 'get-url', 'origin'])).trim());
        }
        catch {
            return undefined;
        }
    }
    /**
     * Commits newest first: `base..head` when base is given, else the last `max` commits up to head. Commits at a
     * shallow boundary carry no patch set: git would list every file of the tree as added.
     */
    async log(opts) {
        const range = opts.base ? `${opts.base}..${opts.head}` : opts.head;
        const out = await this.run([
            'log',
            '--no-renames',
            '--name-status',
            '-z',
            `--max-count=${opts.max}`,
            '--format=%x1e%H%x1f%an%x1f%ae%x1f%cI%x1f%B%x1f',
            range,
            '--',
        ]);
        const boundary = await this.#boundary();
        return parseGitLog(out, opts.repository).map((c) => {
            if (!boundary.has(c.id))
                return c;
            const { patch_set: _dropped, ...rest } = c;
            return rest;
        });
    }
    #boundary() {
        this.#shallowBoundary ??= (async () => {
            const path = (await this.run(['rev-parse', '--git-path', 'shallow'])).trim();
            try {
                const text = await (0,promises_.readFile)((0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.join)(this.cwd, path), 'utf8');
                return new Set(text.split('\n').filter(Boolean));
            }
            catch {
                return new Set();
            }
        })();
        return this.#shallowBoundary;
    }
}
/**
 * Parses `git log --name-status -z --format=%x1e%H%x1f%an%x1f%ae%x1f%cI%x1f%B%x1f` output: records start with
 * U+001E, header fields are separated by U+001F, and the name-status pairs follow as NUL-separated fields.
 */
function parseGitLog(out, repository) {
    const commits = [];
    for (const record of out.split('\x1e')) {
        if (!record.trim())
            continue;
        const [id = '', name = '', email = '', timestamp = '', message = '', rest = ''] = record.split('\x1f');
        const fields = rest.replace(/^\0?\n?/, '').split('\0');
        const patchSet = [];
        for (let i = 0; i + 1 < fields.length; i += 2) {
            const status = (fields[i] ?? '').trim().charAt(0);
            const path = fields[i + 1] ?? '';
            if (!path)
                continue;
            patchSet.push({ path, type: status === 'A' ? 'A' : status === 'D' ? 'D' : 'M' });
        }
        commits.push({
            patch_set: patchSet,
            ...(repository ? { repository } : {}),
            ...(name ? { author_name: name } : {}),
            ...(email ? { author_email: email } : {}),
            timestamp,
            message,
            id: id.trim(),
        });
    }
    return commits;
}
/** `git@github.com:acme/web.git`, `https://github.com/acme/web(.git)`, `ssh://…/acme/web` → `acme/web`. */
function repositoryFromRemote(remote) {
    const match = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(remote.trim());
    return match ? `${match[1]}/${match[2]}` : undefined;
}

;// CONCATENATED MODULE: ./.build/src/release/steps.js
/**
 * The five release steps, each a function of one shared context. A step returns what it did (or why it skipped),
 * writes its counts into `ctx.result`, and throws a ReleaseStepError with a hint when it cannot go on.
 * Without a client (a dry run) each step says what it would do and sends nothing.
 */






const RELEASE_STEPS = {
    create: createRelease,
    commits: associateCommits,
    sourcemaps: sendSourcemaps,
    finalize: finalizeRelease,
    deploy: recordDeploy,
};
async function createRelease(ctx) {
    const { opts, client } = ctx;
    const projects = opts.projects.join(', ');
    if (!client)
        return { status: 'ok', detail: `dry run: would create release ${opts.version} for ${projects}` };
    const created = await client
        .createRelease({
        version: opts.version,
        projects: opts.projects,
        ...(opts.releaseUrl ? { url: opts.releaseUrl } : {}),
        dateStarted: ctx.now().toISOString(),
    })
        .catch(async (error) => {
        throw await explainCreateFailure(ctx, client, error);
    });
    ctx.release = created.release;
    return {
        status: 'ok',
        detail: created.created
            ? `created release ${opts.version} for ${projects}`
            : `release ${opts.version} already exists for ${projects} (nothing to change)`,
    };
}
/**
 * Sentry's answer to a failed create names neither the input nor the value: a wrong project is "Invalid project
 * ids or slugs", a missing scope a bare 403. Say which project, which scope, and what to do.
 */
async function explainCreateFailure(ctx, client, error) {
    if (!(error instanceof sentry/* SentryApiError */.qC))
        return error;
    const { opts } = ctx;
    const projectsPage = `${client.baseUrl}/organizations/${encodeURIComponent(client.org)}/projects/`;
    if (error.status === 400 && /project/i.test(error.detail ?? '')) {
        const unknown = await unknownProjects(client, opts.projects);
        const named = (unknown.length ? unknown : opts.projects).map((p) => `"${p}"`).join(', ');
        return new errors/* ReleaseStepError */.KN('create', `create: Sentry does not know the project${unknown.length === 1 ? '' : '(s)'} ${named} in organization ` +
            `"${client.org}" (input projects: "${opts.projects.join(',')}"; Sentry said: ${error.detail})`, `Set the projects input (--projects, SENTRY_PROJECT) to project slugs of "${client.org}": they are listed at ` +
            `${projectsPage}, and \`faultline doctor\` checks each one`, error);
    }
    if (error.status === 403) {
        return new errors/* ReleaseStepError */.KN('create', `create: the auth token may not create releases in organization "${client.org}" (${error.endpoint} answered 403)`, `Use a token with the ${(0,sentry/* scopesFor */.lN)(error.endpoint)?.[0] ?? 'project:releases'} scope ` +
            '(or an organization token, which carries org:ci) as SENTRY_AUTH_TOKEN / the auth_token input', error);
    }
    if (error.status === 404) {
        return new errors/* ReleaseStepError */.KN('create', `create: organization "${client.org}" was not found on ${client.baseUrl} (or the token cannot see it)`, 'Set the org input (--org, SENTRY_ORG) to the organization slug shown in Sentry’s URL, and check the url input ' +
            'points at the right Sentry server', error);
    }
    return error;
}
/** The projects Sentry answers 404 for; a lookup that fails tells nothing and leaves the project out. */
async function unknownProjects(client, projects) {
    const found = await Promise.all(projects.map((p) => client.projectExists(p).catch(() => undefined)));
    return projects.filter((_, i) => found[i] === false);
}
async function associateCommits(ctx) {
    const { opts, client } = ctx;
    if (opts.setCommits.mode === 'skip')
        return { status: 'skipped', detail: 'set_commits: skip' };
    const git = ctx.git === undefined ? await LocalGit.open(opts.cwd, { safeDirectory: opts.gitSafeDirectory }) : ctx.git;
    if (!client)
        return dryRunCommits(opts, git);
    await existingRelease(ctx, client, 'commits');
    const plan = await planCommits({
        version: opts.version,
        setCommits: opts.setCommits,
        ...(opts.repository ? { repository: opts.repository } : {}),
        ...(opts.headSha ? { headSha: opts.headSha } : {}),
        ignoreMissing: opts.ignoreMissing,
        ...(git ? { git } : {}),
        sentry: {
            listRepos: () => client.listRepos(),
            previousHead: async () => (await client.previousReleaseWithCommits(opts.version, opts.projects[0]))?.lastCommit?.id ?? undefined,
        },
        ...(ctx.history ? { github: ctx.history } : {}),
        warn: ctx.warn,
    });
    ctx.result.commitSource = plan.detail;
    return applyCommitPlan(ctx, client, plan);
}
async function dryRunCommits(opts, git) {
    const head = git ? await git.head() : opts.headSha;
    const local = git ? await git.log({ head: head, max: 20 }) : [];
    return {
        status: 'ok',
        detail: `dry run: would associate commits up to ${head?.slice(0, 7) ?? '(unknown)'} ` +
            `(${local.length} recent commits in local git; the range starts at the previous release in Sentry)`,
    };
}
async function applyCommitPlan(ctx, client, plan) {
    const version = ctx.opts.version;
    if (plan.kind === 'refs') {
        ctx.release = await client.updateRelease(version, { refs: plan.refs });
        ctx.result.commits = ctx.release.commitCount ?? 0;
        return { status: 'ok', detail: plan.detail };
    }
    if (plan.commits.length === 0) {
        if (!ctx.opts.ignoreEmpty)
            ctx.warn(`commits: ${plan.detail}; set ignore_empty: true to silence this`);
        return { status: 'skipped', detail: plan.detail };
    }
    ctx.release = await client.updateRelease(version, { commits: plan.commits });
    ctx.result.commits = plan.commits.length;
    return { status: 'ok', detail: plan.detail };
}
async function sendSourcemaps(ctx) {
    const { opts } = ctx;
    if (opts.sourcemaps.paths.length === 0)
        return { status: 'skipped', detail: 'no sourcemaps paths given' };
    const { paths, report } = ctx.sourcemapsChecked ?? { paths: presentSourcemapPaths(ctx) };
    if (paths.length === 0)
        return { status: 'skipped', detail: 'none of the sourcemaps paths exist' };
    const outcome = await ctx.sourcemaps({ ...sourcemapsRequest(ctx, paths), ...(report === undefined ? {} : { checked: report }) }, { client: ctx.client, log: ctx.log, warn: ctx.warn, ...(ctx.progress ? { progress: ctx.progress } : {}) });
    recordSourcemaps(ctx.result, outcome);
    return { status: 'ok', detail: outcome.detail };
}
/**
 * Checks the build before the release is created, so that a missing path, a build without maps or (strict) any
 * finding fails the run with nothing half-made in Sentry. A runner without a check is only checked for paths.
 */
async function checkSourcemapsFirst(ctx) {
    if (ctx.opts.sourcemaps.paths.length === 0)
        return;
    const paths = presentSourcemapPaths(ctx);
    const report = paths.length > 0 && ctx.sourcemaps.check
        ? await ctx.sourcemaps.check(sourcemapsRequest(ctx, paths), { client: ctx.client, log: ctx.log, warn: ctx.warn })
        : undefined;
    ctx.sourcemapsChecked = { paths, ...(report === undefined ? {} : { report }) };
}
function sourcemapsRequest({ opts }, paths) {
    return {
        paths,
        cwd: opts.cwd,
        projects: opts.projects,
        version: opts.version,
        options: opts.sourcemaps,
        dryRun: opts.dryRun,
    };
}
/**
 * The `sourcemaps` paths that exist. A missing one (usually a typo, or a build that did not run) fails the step;
 * with allow_missing_sourcemaps and without strict it is left out with a warning.
 */
function presentSourcemapPaths({ opts, warn }) {
    const missing = opts.sourcemaps.paths.filter((p) => !isGlob(p) && !(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(opts.cwd, p)) && !(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(opts.cwd, withoutProject(p))));
    if (missing.length > 0) {
        const message = `sourcemaps: ${missing.map((p) => `"${p}"`).join(', ')} not found in ${opts.cwd}`;
        if (opts.sourcemaps.strict || !opts.sourcemaps.allowMissing) {
            throw new errors/* ReleaseStepError */.KN('sourcemaps', message, 'Build before this step, or fix the `sourcemaps` input (paths are relative to working_directory); ' +
                'set allow_missing_sourcemaps: true if a build may have none');
        }
        warn(`${message}; skipping ${missing.length === 1 ? 'it' : 'them'} ` +
            '(allow_missing_sourcemaps is set; strict: true makes this an error)');
    }
    return opts.sourcemaps.paths.filter((p) => !missing.includes(p));
}
function recordSourcemaps(result, outcome) {
    Object.assign(result, {
        filesUploaded: outcome.filesUploaded,
        bytesUploaded: outcome.bytesUploaded,
        chunksSent: outcome.chunksSent,
        chunksSkipped: outcome.chunksSkipped,
        ...(outcome.bundleId ? { bundleId: outcome.bundleId } : {}),
        ...(outcome.injected !== undefined ? { debugIds: outcome.injected } : {}),
        ...(outcome.findings !== undefined ? { findings: outcome.findings } : {}),
        ...(outcome.findingsMarkdown ? { findingsMarkdown: outcome.findingsMarkdown } : {}),
    });
}
async function finalizeRelease(ctx) {
    const { opts, client } = ctx;
    if (!opts.finalize)
        return { status: 'skipped', detail: 'finalize: false' };
    if (!client)
        return { status: 'ok', detail: `dry run: would finalize ${opts.version}` };
    const current = await existingRelease(ctx, client, 'finalize');
    if (current.dateReleased)
        return { status: 'skipped', detail: `already finalized at ${current.dateReleased}` };
    ctx.release = await client.finalizeRelease(opts.version, ctx.now().toISOString());
    return { status: 'ok', detail: `finalized ${opts.version}` };
}
async function recordDeploy(ctx) {
    const { opts, client } = ctx;
    const deploy = opts.deploy;
    if (!deploy)
        return { status: 'skipped', detail: 'no environment given' };
    if (!client)
        return { status: 'ok', detail: `dry run: would record a deploy to ${deploy.environment}` };
    await existingRelease(ctx, client, 'deploy');
    const existing = await deployOfThisRun(client, opts.version, deploy);
    if (existing) {
        ctx.result.deployId = existing;
        return { status: 'skipped', detail: `deploy ${existing} to ${deploy.environment} already recorded for this run` };
    }
    const created = await client.createDeploy(opts.version, {
        environment: deploy.environment,
        ...(deploy.name ? { name: deploy.name } : {}),
        ...(deploy.url ? { url: deploy.url } : {}),
        ...(deploy.startedAt ? { dateStarted: deploy.startedAt } : {}),
        dateFinished: ctx.now().toISOString(),
        ...(opts.projects.length > 0 ? { projects: opts.projects } : {}),
    });
    ctx.result.deployId = String(created.id);
    return { status: 'ok', detail: `recorded deploy ${created.id} to ${deploy.environment}` };
}
/** A deploy URL (default: the workflow run) identifies the run; without one every run records a deploy. */
async function deployOfThisRun(client, version, deploy) {
    if (!deploy.url)
        return undefined;
    const found = (await client.listDeploys(version)).find((d) => d.environment === deploy.environment &&
        (d.name ?? undefined) === deploy.name &&
        (d.url ?? undefined) === deploy.url);
    return found ? String(found.id) : undefined;
}
/** The release as Sentry has it, for steps that need it to exist. */
async function existingRelease(ctx, client, step) {
    ctx.release ??= await client.getRelease(ctx.opts.version);
    if (!ctx.release) {
        throw new errors/* ReleaseStepError */.KN(step, `${step}: release "${ctx.opts.version}" does not exist in organization "${client.org}"`, 'Run the create step first (steps: all, or include "create")');
    }
    return ctx.release;
}
/** `dist:web` (a folder for one project) names the folder `dist`. */
function withoutProject(path) {
    return path.replace(/:[A-Za-z0-9][A-Za-z0-9_.-]*$/, '');
}
function isGlob(path) {
    return /[*?[\]{}]/.test(path);
}

;// CONCATENATED MODULE: ./.build/src/release/pipeline.js


/** A step failed; `result` holds what ran before it (for outputs and the job summary). */
class ReleaseFailedError extends Error {
    step;
    result;
    hint;
    constructor(step, result, cause) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.name = 'ReleaseFailedError';
        this.step = step;
        this.result = result;
        this.cause = cause;
        const hint = cause.hint;
        if (typeof hint === 'string')
            this.hint = hint;
    }
}
const STEP_TITLES = {
    create: 'Create release',
    commits: 'Associate commits',
    sourcemaps: 'Source maps',
    finalize: 'Finalize',
    deploy: 'Deploy',
};
async function runRelease(opts, deps) {
    if (!deps.client && !opts.dryRun)
        throw new TypeError('runRelease: a SentryClient is required unless dryRun is set');
    const ctx = stepContext(opts, deps);
    const group = deps.group ?? ((_name, fn) => fn());
    if (opts.steps.includes('sourcemaps') && opts.sourcemaps.paths.length > 0)
        await checkFirst(ctx, group);
    for (const name of opts.steps)
        await runStep(ctx, name, group);
    return ctx.result;
}
/** The source-map check runs before any step sends anything; its failure is the source-map step's. */
async function checkFirst(ctx, group) {
    const started = performance.now();
    try {
        await group('Check source maps', () => checkSourcemapsFirst(ctx));
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        ctx.result.steps.push({
            name: 'sourcemaps',
            status: 'failed',
            detail: message,
            ms: Math.round(performance.now() - started),
        });
        throw new ReleaseFailedError('sourcemaps', ctx.result, error);
    }
}
function stepContext(opts, deps) {
    const result = emptyResult(opts.version, opts.dryRun);
    if (deps.client)
        result.url = releasePageUrl(deps.client.baseUrl, deps.client.org, opts.version);
    const warn = deps.warn ?? ((line) => deps.log(`warning: ${line}`));
    return {
        opts,
        client: deps.client,
        history: deps.history,
        git: deps.git,
        sourcemaps: deps.sourcemaps ?? loadedSourcemapsStep,
        result,
        now: deps.now ?? (() => new Date()),
        log: deps.log,
        ...(deps.progress ? { progress: deps.progress } : {}),
        warn: (line) => {
            result.warnings.push(line);
            warn(line);
        },
    };
}
/** The source-map step and its check, loaded when they run: a release without maps never parses src/sourcemaps. */
const loadSourcemapsStep = async () => (await Promise.all(/* import() */[__nccwpck_require__.e(382), __nccwpck_require__.e(278)]).then(__nccwpck_require__.bind(__nccwpck_require__, 278))).sourcemapsStep;
const loadedSourcemapsStep = Object.assign(async (...args) => (await loadSourcemapsStep())(...args), {
    async check(...args) {
        const step = await loadSourcemapsStep();
        return step.check?.(...args);
    },
});
/** Runs one step in its log group and records it; a failure is recorded, then thrown with the result so far. */
async function runStep(ctx, name, group) {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
        const { status, detail } = await group(`${STEP_TITLES[name]}${ctx.opts.dryRun ? ' (dry run)' : ''}`, async () => {
            const outcome = await RELEASE_STEPS[name](ctx);
            ctx.log(`${name}: ${outcome.detail}`);
            return outcome;
        });
        ctx.result.steps.push({ name, status, detail, ms: ms() });
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        ctx.result.steps.push({ name, status: 'failed', detail: message, ms: ms() });
        throw new ReleaseFailedError(name, ctx.result, error);
    }
}
/** The release page; sentry.io redirects it to the organization's subdomain. */
function releasePageUrl(baseUrl, org, version) {
    return `${baseUrl.replace(/\/+$/, '')}/organizations/${encodeURIComponent(org)}/releases/${encodeURIComponent(version)}/`;
}

;// CONCATENATED MODULE: ./.build/src/release/summary.js
const STATUS_MARK = { ok: '✅ ok', skipped: '⏭️ skipped', failed: '❌ failed' };
function renderJobSummary(result, failure) {
    const lines = [];
    const name = result.url ? `[\`${result.release}\`](${result.url})` : `\`${result.release}\``;
    const heading = failure ? `❌ Sentry release ${name} failed` : `Sentry release ${name}`;
    lines.push(`### ${heading}${result.dryRun ? ' (dry run: nothing sent)' : ''}`, '');
    if (failure)
        lines.push(`**${failure.step}** failed: ${escapeCell(failure.message)}`, '');
    lines.push('| step | result | time | details |', '| --- | --- | ---: | --- |');
    for (const step of result.steps) {
        lines.push(`| ${step.name} | ${STATUS_MARK[step.status]} | ${formatMs(step.ms)} | ${escapeCell(step.detail)} |`);
    }
    lines.push('');
    const facts = [['commits', String(result.commits)]];
    if (result.commitSource)
        facts.push(['commit source', result.commitSource]);
    if (result.debugIds)
        facts.push(['files with a debug ID', String(result.debugIds)]);
    if (result.bundleId)
        facts.push(['artifact bundle', `\`${result.bundleId}\``]);
    if (result.filesUploaded || result.bundleId) {
        facts.push(['files uploaded', String(result.filesUploaded)]);
        facts.push(['bytes sent', formatBytes(result.bytesUploaded)]);
        facts.push(['chunks sent / skipped', `${result.chunksSent} / ${result.chunksSkipped} (already in Sentry)`]);
    }
    if (result.deployId)
        facts.push(['deploy', `\`${result.deployId}\``]);
    lines.push('| | |', '| --- | --- |');
    for (const [key, value] of facts)
        lines.push(`| ${key} | ${escapeCell(value)} |`);
    lines.push('');
    if (result.findingsMarkdown)
        lines.push(result.findingsMarkdown.trim(), '');
    if (result.warnings.length > 0) {
        lines.push('#### Warnings', '');
        for (const warning of result.warnings)
            lines.push(`- ${warning}`);
        lines.push('');
    }
    return `${lines.join('\n')}\n`;
}
/** Plain-text closing lines for the CLI. */
function renderTextSummary(result, opts = {}) {
    const lines = [`release ${result.release}${result.dryRun ? ' (dry run: nothing sent)' : ''}`];
    if (result.url)
        lines.push(`  ${result.url}`);
    const width = Math.max(...result.steps.map((s) => s.name.length), 4);
    for (const step of opts.steps === false ? [] : result.steps) {
        lines.push(`  ${step.name.padEnd(width)}  ${step.status.padEnd(7)}  ${formatMs(step.ms).padStart(7)}  ${step.detail}`);
    }
    lines.push(`  commits ${result.commits}, files ${result.filesUploaded}, ${formatBytes(result.bytesUploaded)} sent, ` +
        `chunks ${result.chunksSent} sent / ${result.chunksSkipped} skipped` +
        (result.bundleId ? `, bundle ${result.bundleId}` : '') +
        (result.deployId ? `, deploy ${result.deployId}` : ''));
    return lines;
}
function formatMs(ms) {
    return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
function escapeCell(text) {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

// EXTERNAL MODULE: ./.build/src/version.js
var version = __nccwpck_require__(7319);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./.build/src/action/runner.js
/**
 * How a JavaScript action talks to the GitHub Actions runner, as GitHub documents it (docs.github.com: "Workflow
 * commands for GitHub Actions" and its "Environment files" section): inputs arrive as `INPUT_<NAME>` variables,
 * log groups, annotations and secret masks are `::command::value` lines on stdout, outputs and the job summary are
 * appended to the files named by `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY`, and a failed step exits non-zero.
 * Our own few lines instead of @actions/core, whose HTTP client (a second copy of undici) the action would load
 * before its first request to Sentry.
 */




/** `%`, CR and LF would end or corrupt a command: the runner decodes these escapes. */
function escapeCommandValue(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** `INPUT_` + the name in capitals with spaces as underscores (hyphens stay), as the runner sets it. */
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
/**
 * A `name<<DELIMITER` block for an environment file: works for any value, the delimiter being random and checked
 * not to occur in it.
 */
function environmentFileEntry(name, value, makeDelimiter = () => `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`) {
    let delimiter = makeDelimiter();
    while (name.includes(delimiter) || value.includes(delimiter))
        delimiter = makeDelimiter();
    return `${name}<<${delimiter}${external_node_os_.EOL}${value}${external_node_os_.EOL}${delimiter}${external_node_os_.EOL}`;
}
function processRunner(env = process.env, write = (text) => process.stdout.write(text)) {
    const command = (name, value) => write(`::${name}::${escapeCommandValue(value)}${external_node_os_.EOL}`);
    return {
        input: (name) => (env[inputVariable(name)] ?? '').trim(),
        mask: (value) => command('add-mask', value),
        info: (line) => write(`${line}${external_node_os_.EOL}`),
        debug: (line) => command('debug', line),
        notice: (line) => command('notice', line),
        warning: (line) => command('warning', line),
        fail: (message) => {
            process.exitCode = 1;
            command('error', message);
        },
        isDebug: () => env.RUNNER_DEBUG === '1',
        group: async (name, fn) => {
            command('group', name);
            try {
                return await fn();
            }
            finally {
                command('endgroup', '');
            }
        },
        setOutput: (name, value) => {
            // Without an output file (a local run) there is nowhere to put it; the runner has had one since 2022.
            if (env.GITHUB_OUTPUT)
                (0,external_node_fs_.appendFileSync)(env.GITHUB_OUTPUT, environmentFileEntry(name, value), 'utf8');
        },
        appendSummary: async (markdown) => {
            if (!env.GITHUB_STEP_SUMMARY)
                return false;
            await (0,promises_.appendFile)(env.GITHUB_STEP_SUMMARY, markdown, 'utf8');
            return true;
        },
    };
}

;// CONCATENATED MODULE: ./.build/src/action/run.js
/**
 * The action: read the inputs, run the release pipeline in log groups, write outputs and the job summary.
 * Everything else lives in src/release; only this file talks to the runner (through runner.ts). What only some runs
 * need (the doctor, the GitHub API client) is loaded when it is used, so the first request goes out sooner.
 */








async function runAction(env = process.env, runner = processRunner(env)) {
    const writeSummary = (markdown) => appendSummary(runner, markdown);
    // Mask secrets before anything can print them, even when the inputs turn out to be invalid.
    for (const secret of [runner.input('auth_token'), runner.input('github_token'), env.SENTRY_AUTH_TOKEN]) {
        if (secret?.trim())
            runner.mask(secret.trim());
    }
    let result;
    try {
        const stepsInput = runner.input('steps');
        const releaseSteps = parseSteps(stepsInput); // an unknown step fails here, before the doctor runs
        if (wantsDoctor(stepsInput)) {
            if (!(await runDoctorStep(env, runner)))
                return;
            if (releaseSteps.length === 0 && !wantsAlerts(stepsInput))
                return; // `steps: doctor` alone
        }
        if (wantsAlerts(stepsInput)) {
            if (!(await runAlertsStep(env, runner)))
                return;
            if (releaseSteps.length === 0)
                return; // `steps: alerts` alone
        }
        const inputs = resolveInputs((name) => runner.input(name), env, {
            baseDir: env.GITHUB_WORKSPACE || process.cwd(),
        });
        const { release, sentry, github } = inputs;
        for (const notice of inputs.notices)
            runner.notice(notice);
        runner.info(`faultline ${version/* VERSION */.x}: release ${release.version} → ${sentry.url}` +
            (sentry.org ? ` (org ${sentry.org})` : '') +
            (release.dryRun ? ', dry run: nothing is sent' : ''));
        const client = releaseClient(inputs, `faultline-action/${version/* VERSION */.x}`, runner.isDebug() ? (line) => runner.debug(line) : undefined);
        const history = github.token && github.repository ? lazyGithubHistory(github.token, github.apiUrl, github.repository) : undefined;
        result = await runRelease(release, {
            client,
            log: (line) => runner.info(line),
            warn: (line) => runner.warning(line),
            group: (name, fn) => runner.group(name, fn),
            // Runner logs are not a terminal: a progress line every few seconds.
            progress: { line: (line) => runner.info(line) },
            ...(history ? { history } : {}),
        });
        writeOutputs(runner, result);
        await writeSummary(renderJobSummary(result));
    }
    catch (error) {
        if (error instanceof ReleaseFailedError) {
            writeOutputs(runner, error.result);
            await writeSummary(renderJobSummary(error.result, { step: error.step, message: error.message }));
            runner.fail(`${error.step} failed: ${error.message}`);
        }
        else if (error instanceof errors/* ReleaseInputError */.aQ) {
            await writeSummary(`### ❌ Sentry release not started\n\nInput \`${error.input}\`: ${error.message}\n`);
            runner.fail(`Invalid input ${error.message}`);
        }
        else {
            runner.fail(error instanceof Error ? error.message : String(error));
        }
    }
}
/** Commits from the GitHub API; its client is loaded on the first call (only shallow checkouts make one). */
function lazyGithubHistory(token, apiUrl, repository) {
    let loaded;
    const history = () => (loaded ??= __nccwpck_require__.e(/* import() */ 527).then(__nccwpck_require__.bind(__nccwpck_require__, 3527)).then(({ githubHistory, githubRequest }) => githubHistory(githubRequest(token, apiUrl, `faultline-action/${version/* VERSION */.x}`), repository)));
    return {
        compare: async (base, head) => (await history()).compare(base, head),
        recent: async (head, count) => {
            const h = await history();
            if (!h.recent)
                throw new TypeError('the GitHub history cannot list recent commits');
            return h.recent(head, count);
        },
    };
}
/** The doctor's Sentry checks with the action's inputs; false (and the run failed) when any check fails. */
async function runDoctorStep(env, runner) {
    const writeSummary = (markdown) => appendSummary(runner, markdown);
    const [{ renderDoctorMarkdown, renderDoctorReport, runDoctor, secretsIn }, { doctorFailureMessage, doctorSettingsFromInputs },] = await Promise.all([__nccwpck_require__.e(/* import() */ 546).then(__nccwpck_require__.bind(__nccwpck_require__, 8546)), __nccwpck_require__.e(/* import() */ 791).then(__nccwpck_require__.bind(__nccwpck_require__, 4791))]);
    const settings = doctorSettingsFromInputs({
        url: runner.input('url'),
        org: runner.input('org'),
        token: runner.input('auth_token'),
        projects: runner.input('projects'),
    }, env);
    const secrets = [...secretsIn(env), ...(settings.sentry.token ? [settings.sentry.token] : [])];
    const target = `${settings.sentry.url}${settings.sentry.org ? `, org ${settings.sentry.org}` : ''}`;
    const results = await runner.group('doctor', async () => {
        const cwd = (0,external_node_path_.resolve)(env.GITHUB_WORKSPACE || process.cwd(), runner.input('working_directory') || '.');
        const checks = await runDoctor(settings, { env: {}, cwd });
        runner.info(renderDoctorReport(checks, { header: { sentry: target }, secrets }));
        return checks;
    });
    await writeSummary(renderDoctorMarkdown(results, { target, secrets }));
    if (results.some((r) => r.status === 'fail')) {
        runner.fail(doctorFailureMessage(results, secrets));
        return false;
    }
    return true;
}
/**
 * `steps: alerts`: plan the alert rules on pull requests, apply them on pushes to the default branch. The alerts
 * code is loaded here only, so a release run does not parse it. False (and the run failed) when it fails.
 */
async function runAlertsStep(env, runner) {
    const writeSummary = (markdown) => appendSummary(runner, markdown);
    const alerts = await Promise.all(/* import() */[__nccwpck_require__.e(533), __nccwpck_require__.e(513), __nccwpck_require__.e(362)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5362));
    const workspace = env.GITHUB_WORKSPACE || process.cwd();
    const file = alerts.alertsConfigPath(workspace, runner.input('working_directory'));
    const githubToken = runner.input('github_token').trim();
    const userAgent = `faultline-action/${version/* VERSION */.x}`;
    const { githubRequest } = await __nccwpck_require__.e(/* import() */ 527).then(__nccwpck_require__.bind(__nccwpck_require__, 3527));
    try {
        const config = await alerts.readAlertsConfig(file.path, file.shownAs);
        const event = await alerts.readEventPayload(env.GITHUB_EVENT_PATH);
        const mode = alerts.alertsMode(env.GITHUB_EVENT_NAME ?? '', env.GITHUB_REF ?? '', event);
        const sentryInputs = { url: runner.input('url'), org: runner.input('org'), token: runner.input('auth_token') };
        const result = await runner.group(`alerts (${mode.kind}, ${file.shownAs})`, () => alerts.runAlertsStep({ config, mode, sha: env.GITHUB_SHA ?? '' }, {
            client: (c) => alerts.alertsSentryClient(sentryInputs, env, c, userAgent),
            github: githubToken && env.GITHUB_REPOSITORY
                ? {
                    request: githubRequest(githubToken, env.GITHUB_API_URL || 'https://api.github.com', userAgent),
                    repository: env.GITHUB_REPOSITORY,
                }
                : undefined,
            log: (line) => runner.info(line),
            warn: (line) => runner.warning(line),
            summary: writeSummary,
        }));
        const outputs = alerts.alertsOutputs(result.applied);
        runner.setOutput('alerts_created', outputs.alerts_created);
        runner.setOutput('alerts_updated', outputs.alerts_updated);
        runner.setOutput('alerts_deleted', outputs.alerts_deleted);
        return true;
    }
    catch (error) {
        // Config, plan and apply errors name the config key that caused them.
        const message = error instanceof Error ? error.message : String(error);
        await writeSummary(`### ❌ Alert rules\n\n\`\`\`\n${message}\n\`\`\`\n`);
        runner.fail(`alerts: ${message}`);
        return false;
    }
}
function writeOutputs(runner, result) {
    runner.setOutput('release', result.release);
    runner.setOutput('version', result.release);
    runner.setOutput('commits', String(result.commits));
    runner.setOutput('bundle_id', result.bundleId ?? '');
    runner.setOutput('files_uploaded', String(result.filesUploaded));
    runner.setOutput('bytes_uploaded', String(result.bytesUploaded));
    runner.setOutput('chunks_skipped', String(result.chunksSkipped));
    runner.setOutput('deploy_id', result.deployId ?? '');
}
/** The job summary, when the runner gives a summary file (not on old runners or local runs). */
async function appendSummary(runner, markdown) {
    try {
        await runner.appendSummary(markdown);
    }
    catch (error) {
        runner.warning(`could not write the job summary: ${error instanceof Error ? error.message : String(error)}`);
    }
}


/***/ }),

/***/ 1478:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KN: () => (/* binding */ ReleaseStepError),
/* harmony export */   _E: () => (/* binding */ MissingCommitError),
/* harmony export */   aQ: () => (/* binding */ ReleaseInputError)
/* harmony export */ });
/** Errors of the release pipeline. Messages name the input, the value, and what to do; never a token. */
/** An input (action input, CLI flag or environment variable) is missing or malformed; nothing was sent. */
class ReleaseInputError extends Error {
    /** The action input name (`set_commits`), as the user wrote it in the workflow. */
    input;
    constructor(input, message) {
        super(message);
        this.name = 'ReleaseInputError';
        this.input = input;
    }
}
/** A pipeline step could not do its job; `step` names it and `hint` says what to do. */
class ReleaseStepError extends Error {
    step;
    hint;
    constructor(step, message, hint, cause) {
        super(`${message}. ${hint}`);
        this.name = 'ReleaseStepError';
        this.step = step;
        this.hint = hint;
        if (cause !== undefined)
            this.cause = cause;
    }
}
/** A commit the range needs (usually the previous release's head) is unknown to git or to GitHub. */
class MissingCommitError extends Error {
    sha;
    constructor(sha, where) {
        super(`commit ${sha} was not found in ${where}`);
        this.name = 'MissingCommitError';
        this.sha = sha;
    }
}


/***/ }),

/***/ 3663:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ agentFetch)
/* harmony export */ });
/* harmony import */ var _agents_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1869);
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

/***/ 1869:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  c: () => (/* binding */ exchange),
  N: () => (/* binding */ sharedSentryAgents)
});

;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: ./.build/src/sentry/agents.js
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
        this.http = new external_node_http_namespaceObject.Agent(options);
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
        const req = (https ? nodeHttps().request : external_node_http_namespaceObject.request)(url, {
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

/***/ 9464:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ES: () => (/* binding */ SentryConfigError),
/* harmony export */   I9: () => (/* binding */ SentryAssembleError),
/* harmony export */   Oy: () => (/* binding */ SentryConnectionError),
/* harmony export */   bP: () => (/* binding */ SentryValidationError),
/* harmony export */   nP: () => (/* binding */ validationText),
/* harmony export */   qC: () => (/* binding */ SentryApiError)
/* harmony export */ });
/** Typed errors of the Sentry client. Messages name the endpoint and what to do; they never hold the token. */
/** Sentry answered with an error status (or, for the subclass below, could not be reached). */
class SentryApiError extends Error {
    /** HTTP status; 0 when no response arrived (see SentryConnectionError). */
    status;
    /** Method and path, e.g. `PUT /api/0/organizations/acme/releases/1.0/`. */
    endpoint;
    /** Sentry's own `detail` / `error` text, or a summary of its validation errors. */
    detail;
    /** What the user should do about it. */
    hint;
    /** How many attempts were made before giving up. */
    attempts;
    /** For 429: how long Sentry asked us to wait, when that was beyond our bound. */
    retryAfterMs;
    constructor(init, message) {
        super(message ?? describeApiError(init));
        this.name = 'SentryApiError';
        this.status = init.status;
        this.endpoint = init.endpoint;
        if (init.detail !== undefined)
            this.detail = init.detail;
        this.hint = init.hint;
        this.attempts = init.attempts ?? 1;
        if (init.retryAfterMs !== undefined)
            this.retryAfterMs = init.retryAfterMs;
    }
}
/** No HTTP response: connection refused/reset, DNS failure, or the per-request timeout. `status` is 0. */
class SentryConnectionError extends SentryApiError {
    /** `ECONNRESET`, `ECONNREFUSED`, `UND_ERR_SOCKET`, `TIMEOUT`, ... */
    code;
    constructor(init) {
        const attempts = init.attempts ?? 1;
        super({ ...init, status: 0 }, `Sentry API ${init.endpoint} failed: ${init.reason}` +
            (attempts > 1 ? ` (after ${attempts} attempts)` : '') +
            `. ${init.hint}`);
        this.name = 'SentryConnectionError';
        this.code = init.code;
        if (init.cause !== undefined)
            this.cause = init.cause;
    }
}
/** A client option is missing or malformed (checked before any request is made). */
class SentryConfigError extends Error {
    /** The option or environment variable at fault, e.g. `SENTRY_URL`. */
    setting;
    constructor(setting, message) {
        super(message);
        this.name = 'SentryConfigError';
        this.setting = setting;
    }
}
/** Sentry reported that an artifact bundle could not be assembled, or it did not finish in time. */
class SentryAssembleError extends Error {
    checksum;
    state;
    detail;
    constructor(init, message) {
        super(message);
        this.name = 'SentryAssembleError';
        this.checksum = init.checksum;
        this.state = init.state;
        this.detail = init.detail;
    }
}
function describeApiError(init) {
    const status = init.statusText ? `${init.status} ${init.statusText}` : String(init.status);
    const detail = init.detail ? `: ${init.detail}` : '';
    const attempts = (init.attempts ?? 1) > 1 ? ` (after ${init.attempts} attempts)` : '';
    return `Sentry API ${init.endpoint} failed with ${status}${detail}${attempts}. ${init.hint}`;
}
/**
 * Sentry refused a body with 400 and said which fields were wrong (Django REST framework's `{"field": [...]}`,
 * nested for list items). `fields` is that body as sent, for callers that map it back to their own keys.
 */
class SentryValidationError extends SentryApiError {
    fields;
    constructor(init) {
        const summary = Object.entries(init.fields)
            .map(([key, value]) => `${key}: ${validationText(value)}`)
            .join('; ');
        super({
            status: 400,
            endpoint: init.endpoint,
            detail: summary,
            hint: 'Fix the fields Sentry names and try again.',
        });
        this.name = 'SentryValidationError';
        this.fields = init.fields;
    }
}
/** The messages in a DRF error value (a string, a list of them, or nested objects for list items). */
function validationText(value) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.map(validationText).filter(Boolean).join(' ');
    if (value && typeof value === 'object') {
        return Object.entries(value)
            .map(([k, v]) => `${k}: ${validationText(v)}`)
            .join('; ');
    }
    return value === undefined || value === null ? '' : String(value);
}


/***/ }),

/***/ 5667:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  qC: () => (/* reexport */ errors/* SentryApiError */.qC),
  Bq: () => (/* reexport */ SentryClient),
  lN: () => (/* reexport */ scopesFor)
});

// UNUSED EXPORTS: SentryAnswerError, SentryAssembleError, SentryConfigError, SentryConnectionError, SentryValidationError, agentFetch, nextPageCursor, parseLinkHeader, sharedSentryAgents, signWebhookBody, verifyWebhookSignature

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./.build/src/version.js
var version = __nccwpck_require__(7319);
;// CONCATENATED MODULE: ./.build/src/sentry/answers.js
/** How much of an unexpected body is shown: enough to recognise a login page, not a whole document. */
const SHOWN_BYTES = 200;
const wrongBecause = (message) => ({ path: [], message });
const describeValue = (v) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
const string = (minLength = 0) => (v) => typeof v !== 'string'
    ? wrongBecause(`expected a string, got ${describeValue(v)}`)
    : v.length < minLength
        ? wrongBecause('expected a non-empty string')
        : undefined;
const number = (v) => typeof v === 'number' && Number.isFinite(v) ? undefined : wrongBecause(`expected a number, got ${describeValue(v)}`);
const positive = (v) => number(v) ?? (v > 0 ? undefined : wrongBecause('expected a number > 0'));
const oneOf = (values) => (v) => typeof v === 'string' && values.includes(v) ? undefined : wrongBecause(`expected one of ${values.join(', ')}`);
const nullish = (check) => (v) => v == null ? undefined : check(v);
const optional = (check) => (v) => v === undefined ? undefined : check(v);
const arrayOf = (check) => (v) => {
    if (!Array.isArray(v))
        return wrongBecause(`expected an array, got ${describeValue(v)}`);
    for (const [i, item] of v.entries()) {
        const p = check(item);
        if (p)
            return { path: [String(i), ...p.path], message: p.message };
    }
    return undefined;
};
/** An object with at least these fields (others pass through, as Sentry adds fields over time). */
const object = (fields) => (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        return wrongBecause(`expected an object, got ${describeValue(v)}`);
    for (const [key, check] of Object.entries(fields)) {
        const p = check(v[key]);
        if (p)
            return { path: [key, ...p.path], message: p.message };
    }
    return undefined;
};
const chunkUploadOptionsShape = object({
    url: string(1),
    chunkSize: positive,
    chunksPerRequest: positive,
    maxRequestSize: positive,
    concurrency: positive,
    hashAlgorithm: string(),
    compression: nullish(arrayOf(string())),
    accept: nullish(arrayOf(string())),
    maxFileSize: nullish(number),
    maxWait: nullish(number),
});
const assembleShape = object({
    state: oneOf(['created', 'assembling', 'ok', 'error', 'not_found']),
    missingChunks: nullish(arrayOf(string())),
    detail: nullish(string()),
});
const releaseShape = object({
    version: string(1),
    dateReleased: nullish(string()),
    commitCount: nullish(number),
    projects: optional(arrayOf(object({ slug: string() }))),
});
/** An answer with a 2xx status that is not what Sentry sends for this call. */
class SentryAnswerError extends Error {
    status;
    endpoint;
    contentType;
    /** The start of the body, redacted and truncated. */
    received;
    hint;
    constructor(init) {
        const hint = likelyCause(init.contentType, init.received);
        super(`Sentry API ${init.endpoint} answered ${init.status} (${init.contentType || 'no content type'}) with ` +
            `${init.problem}; received: ${init.received ? JSON.stringify(init.received) : '(empty body)'}. ${hint}`);
        this.name = 'SentryAnswerError';
        this.status = init.status;
        this.endpoint = init.endpoint;
        this.contentType = init.contentType;
        this.received = init.received;
        this.hint = hint;
    }
}
function checkChunkUploadOptions(answer) {
    const { compression, accept, maxFileSize, maxWait, ...rest } = expectShape(answer, chunkUploadOptionsShape, 'chunk-upload options');
    return {
        ...rest,
        compression: compression ?? [],
        accept: accept ?? [],
        ...(maxFileSize == null ? {} : { maxFileSize }),
        ...(maxWait == null ? {} : { maxWait }),
    };
}
function checkAssembleAnswer(answer) {
    const out = expectShape(answer, assembleShape, 'an assemble state (created, assembling, ok, error or not_found)');
    return { ...out, missingChunks: out.missingChunks ?? [] };
}
function checkReleaseAnswer(answer) {
    return expectShape(answer, releaseShape, 'a release');
}
function expectShape(answer, shape, expected) {
    const wrong = answer.json === undefined ? wrongBecause('not JSON') : shape(answer.json);
    if (!wrong)
        return answer.json;
    const contentType = headerValue(answer.headers['content-type']);
    const problem = answer.json === undefined
        ? `something that is not JSON where ${expected} was expected`
        : `JSON that is not ${expected} (${describeProblem(wrong)})`;
    throw new SentryAnswerError({
        status: answer.status,
        endpoint: answer.endpoint,
        contentType,
        received: firstBytes(answer.text),
        problem,
    });
}
function describeProblem(p) {
    return `${p.path.length ? p.path.join('.') : 'the body'}: ${p.message}`;
}
/** The start of a body on one line, without control characters, cut at SHOWN_BYTES. */
function firstBytes(text) {
    const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    return flat.length > SHOWN_BYTES ? `${flat.slice(0, SHOWN_BYTES)}…` : flat;
}
/** Why a server answers something that is not Sentry's JSON, judged from what it sent. */
function likelyCause(contentType, received) {
    const looksHtml = /html/i.test(contentType) || /^\s*<(!doctype|html|head|body)/i.test(received);
    if (looksHtml && /log ?in|sign ?in|sso|auth/i.test(received)) {
        return ('This looks like a login page: a proxy or single sign-on gateway stands between this job and Sentry; ' +
            'let the job reach Sentry directly (NO_PROXY) or use the gateway’s own access method.');
    }
    if (looksHtml) {
        return ('This is a web page, not the Sentry API: check SENTRY_URL points at the Sentry server root (not a page ' +
            'under it or another site), and that no proxy or captive portal answers in its place.');
    }
    return ('This is not what Sentry sends: check SENTRY_URL points at a Sentry server (self-hosted 23.7 or newer for ' +
        'artifact bundles) and that no proxy rewrites its answers.');
}
function headerValue(value) {
    return (Array.isArray(value) ? value[0] : value) ?? '';
}

// EXTERNAL MODULE: ./.build/src/sentry/errors.js
var errors = __nccwpck_require__(9464);
// EXTERNAL MODULE: ./.build/src/sentry/agents.js + 1 modules
var agents = __nccwpck_require__(1869);
;// CONCATENATED MODULE: ./.build/src/sentry/hints.js
/** What to tell the user for each kind of Sentry API failure. Pure: no I/O. */
function hintForStatus(ctx) {
    const { status, org, baseUrl } = ctx;
    if (status === 401) {
        return ('Check that SENTRY_AUTH_TOKEN holds a valid, unexpired Sentry auth token and that it has the scopes this call ' +
            'needs (project:releases or project:write for releases and uploads, org:read for organization and repository ' +
            `lookups, event:read/event:write for issues), and that it belongs to ${baseUrl}.`);
    }
    if (status === 403) {
        const scopes = scopesFor(ctx.endpoint);
        const needed = scopes
            ? `${ctx.endpoint} needs one of the scopes ${scopes.join(', ')}; `
            : 'the token lacks a scope or permission this call needs; ';
        return (`The token is valid but not allowed to do this in organization "${org}": ${needed}use a token that has ` +
            `${scopes ? scopes[0] : 'it'} (an organization token from Settings → Auth Tokens carries org:ci, enough for ` +
            'releases and uploads; a personal token needs the scope ticked), or ask an organization owner to grant it.');
    }
    if (status === 404) {
        return (`Check the organization slug (SENTRY_ORG="${org}"), the project slug(s) and the release version: ` +
            `one of them does not exist on ${baseUrl} or the token cannot see it.`);
    }
    if (status === 409) {
        return 'Sentry reports a conflict with existing data; it is usually safe to retry after the other operation finishes.';
    }
    if (status === 413) {
        return ('The request is larger than Sentry accepts: split the upload into smaller requests ' +
            '(see chunkSize, chunksPerRequest and maxRequestSize from the chunk-upload options) or raise the server limits.');
    }
    if (status === 429) {
        const wait = ctx.retryAfterMs !== undefined ? ` Sentry asked to wait ${Math.ceil(ctx.retryAfterMs / 1000)} s.` : '';
        return `Sentry rate-limited this token/organization.${wait} Run again later or spread the calls out.`;
    }
    if (status === 400) {
        return 'Sentry rejected the request as invalid; the detail above says which field.';
    }
    if (status >= 300 && status < 400) {
        return (`Sentry answered with a redirect: the organization or project may have been renamed, or SENTRY_URL (${baseUrl}) ` +
            'should point at the server root the redirect names.');
    }
    if (status >= 500) {
        return (`Sentry at ${baseUrl} had a server error; retries were used up. Try again later ` +
            '(check status.sentry.io, or the self-hosted server logs).');
    }
    return 'See the detail above.';
}
function hintForConnectionFailure(code, baseUrl, timeoutMs) {
    if (code === 'TIMEOUT') {
        return `No complete answer within ${timeoutMs} ms: check connectivity to ${baseUrl} or raise the timeout.`;
    }
    return (`Could not talk to Sentry at ${baseUrl}: check SENTRY_URL, the network, and HTTPS_PROXY/NO_PROXY if a proxy ` +
        'is needed.');
}
/** Sentry's permission classes by route, as `METHOD` → the scopes of which any one allows the call. */
const ROUTE_SCOPES = [
    {
        // OrganizationReleasePermission / ProjectReleasePermission: releases, files, deploys, chunk upload, assemble.
        path: /\/(releases|chunk-upload|artifactbundle)\//,
        scopes: {
            GET: ['project:releases', 'project:read', 'project:write', 'project:admin', 'org:ci'],
            POST: ['project:releases', 'project:write', 'project:admin', 'org:ci'],
            PUT: ['project:releases', 'project:write', 'project:admin', 'org:ci'],
            DELETE: ['project:releases', 'project:admin'],
        },
    },
    {
        // GroupPermission / ProjectEventPermission: issues and their events.
        path: /\/(issues|events)\//,
        scopes: {
            GET: ['event:read', 'event:write', 'event:admin'],
            POST: ['event:write', 'event:admin'],
            PUT: ['event:write', 'event:admin'],
            DELETE: ['event:admin'],
        },
    },
    {
        path: /\/(rules|alert-rules)\//,
        scopes: {
            GET: ['alerts:read', 'alerts:write', 'project:read'],
            POST: ['alerts:write', 'project:write'],
            PUT: ['alerts:write', 'project:write'],
            DELETE: ['alerts:write', 'project:write'],
        },
    },
    { path: /\/repos\//, scopes: { GET: ['org:read', 'org:write', 'org:admin'] } },
];
/** The scopes that allow `METHOD /path`, best first; undefined when the route is not one faultline knows. */
function scopesFor(endpoint) {
    const [method = '', path = ''] = endpoint.split(' ');
    return ROUTE_SCOPES.find((r) => r.path.test(path))?.scopes[method];
}

;// CONCATENATED MODULE: ./.build/src/sentry/redact.js
/** Removes secrets from text that may reach a log line or an error message. Pure: no I/O. */
const REDACTED = '[redacted]';
/** Replaces every occurrence of `secret`, any bearer credential, and Sentry-style tokens in `text`. */
function redactSecret(text, secret) {
    let out = secret ? text.split(secret).join(REDACTED) : text;
    out = out.replace(/(Bearer|Basic)\s+[^\s"',]+/gi, `$1 ${REDACTED}`);
    out = out.replace(/\bsntry[su]_[A-Za-z0-9+/=_-]+/g, REDACTED);
    return out;
}

;// CONCATENATED MODULE: ./.build/src/sentry/retry.js
/** Retry policy of the Sentry client: which failures are retried and how long to wait. Pure: no I/O. */
/** Statuses Sentry (and sentry-cli) treat as transient server trouble, plus 429 rate limiting. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504, 507, 524]);
/** Transport failures that are worth another attempt; refused connections and DNS misses fail fast. */
const RETRYABLE_CODES = new Set([
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'TIMEOUT',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
]);
function isRetryableStatus(status) {
    return RETRYABLE_STATUSES.has(status);
}
function isRetryableCode(code) {
    return RETRYABLE_CODES.has(code);
}
/**
 * Exponential backoff with full jitter: a uniform pick in [0, min(maxMs, baseMs * 2^(retry-1))].
 * `retry` counts from 1 (the wait before the second attempt).
 */
function backoffDelay(retry, baseMs, maxMs, random = Math.random) {
    const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
    return Math.floor(random() * ceiling);
}
function first(value) {
    return Array.isArray(value) ? value[0] : value;
}
/**
 * How long a 429 asks us to wait, in ms, from `Retry-After` (seconds or HTTP date) or Sentry's
 * `X-Sentry-Rate-Limit-Reset` (epoch seconds). Undefined when neither header is usable.
 */
function rateLimitWait(headers, nowMs) {
    const retryAfter = first(headers['retry-after'])?.trim();
    if (retryAfter) {
        if (/^\d+(\.\d+)?$/.test(retryAfter))
            return Math.max(0, Math.ceil(Number(retryAfter) * 1000));
        const date = Date.parse(retryAfter);
        if (!Number.isNaN(date))
            return Math.max(0, date - nowMs);
    }
    const reset = first(headers['x-sentry-rate-limit-reset'])?.trim();
    if (reset && /^\d+(\.\d+)?$/.test(reset))
        return Math.max(0, Math.ceil(Number(reset) * 1000 - nowMs));
    return undefined;
}

;// CONCATENATED MODULE: ./.build/src/sentry/http.js





class TransportFailure extends Error {
    code;
    constructor(code, message, cause) {
        super(message, { cause });
        this.code = code;
    }
}
const defaultSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class SentryTransport {
    #o;
    constructor(options) {
        this.#o = options;
    }
    /** Sends `req`, retrying transient failures; resolves with 2xx answers and `req.accept` statuses. */
    async send(req) {
        const o = this.#o;
        const endpoint = this.#redact(`${req.method} ${req.url.pathname}`);
        const sleep = o.sleep ?? defaultSleep;
        const now = o.now ?? Date.now;
        const payload = req.body ?? (req.json === undefined ? undefined : jsonBody(req.json));
        for (let attempt = 1;; attempt++) {
            const started = now();
            this.#debug(`→ ${req.method} ${req.url.href} (attempt ${attempt}/${o.maxAttempts})`);
            let res;
            try {
                res = await this.#once(req, payload);
            }
            catch (err) {
                const failure = toTransportFailure(err);
                this.#debug(`✗ ${endpoint} ${failure.code}: ${failure.message} after ${now() - started} ms`);
                if (isRetryableCode(failure.code) && attempt < o.maxAttempts) {
                    const delay = backoffDelay(attempt, o.retryBaseMs, o.retryMaxDelayMs, o.random);
                    this.#debug(`retrying ${endpoint} in ${delay} ms after ${failure.code}`);
                    await sleep(delay);
                    continue;
                }
                throw new errors/* SentryConnectionError */.Oy({
                    endpoint,
                    code: failure.code,
                    reason: this.#redact(failure.message),
                    hint: this.#redact(hintForConnectionFailure(failure.code, o.baseUrl, o.timeoutMs)),
                    attempts: attempt,
                    cause: failure,
                });
            }
            this.#debug(`← ${res.status} ${endpoint} in ${now() - started} ms`);
            if ((res.status >= 200 && res.status < 300) || req.accept?.includes(res.status))
                return res;
            let retryAfterMs;
            if (isRetryableStatus(res.status) && attempt < o.maxAttempts) {
                let delay = backoffDelay(attempt, o.retryBaseMs, o.retryMaxDelayMs, o.random);
                if (res.status === 429) {
                    const asked = rateLimitWait(res.headers, now());
                    if (asked !== undefined && asked > o.maxRateLimitWaitMs)
                        retryAfterMs = asked;
                    else if (asked !== undefined)
                        delay = asked;
                }
                if (retryAfterMs === undefined) {
                    this.#debug(`retrying ${endpoint} in ${delay} ms after ${res.status}`);
                    await sleep(delay);
                    continue;
                }
                this.#debug(`not retrying ${endpoint}: rate limit resets in ${retryAfterMs} ms`);
            }
            throw this.#apiError(res, endpoint, attempt, retryAfterMs);
        }
    }
    async #once(req, payload) {
        const o = this.#o;
        const headers = {
            authorization: `Bearer ${o.token}`,
            'user-agent': o.userAgent,
            accept: 'application/json',
        };
        if (payload)
            headers['content-type'] = payload.contentType;
        const controller = new AbortController();
        // One deadline for connect + headers + body, so a stalled body cannot hang a run.
        const timer = setTimeout(() => controller.abort(), o.timeoutMs);
        try {
            const answer = await (0,agents/* exchange */.c)(req.url, {
                method: req.method,
                headers,
                body: payload?.data,
                agents: o.agents,
                signal: controller.signal,
            });
            const text = answer.body.toString('utf8');
            return { ...answer, text, json: parseJson(answer.headers['content-type'], text) };
        }
        catch (err) {
            if (controller.signal.aborted) {
                throw new TransportFailure('TIMEOUT', `no complete response within ${o.timeoutMs} ms`, err);
            }
            throw err;
        }
        finally {
            clearTimeout(timer);
        }
    }
    #apiError(res, endpoint, attempts, retryAfterMs) {
        const o = this.#o;
        const rawDetail = errorDetail(res.json, res.text);
        const detail = rawDetail === undefined ? undefined : this.#redact(rawDetail);
        const hint = this.#redact(hintForStatus({
            status: res.status,
            endpoint,
            org: o.org,
            baseUrl: o.baseUrl,
            ...(detail === undefined ? {} : { detail }),
            ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        }));
        return new errors/* SentryApiError */.qC({
            status: res.status,
            statusText: res.statusText,
            endpoint,
            hint,
            attempts,
            ...(detail === undefined ? {} : { detail }),
            ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
        });
    }
    /** `text` without the token or any bearer credential. */
    redact(text) {
        return redactSecret(text, this.#o.token);
    }
    #redact(text) {
        return this.redact(text);
    }
    #debug(line) {
        this.#o.log?.(this.#redact(`sentry: ${line}`));
    }
}
function jsonBody(value) {
    return { data: Buffer.from(JSON.stringify(value)), contentType: 'application/json' };
}
function parseJson(contentType, text) {
    const type = (Array.isArray(contentType) ? contentType[0] : contentType)?.split(';')[0]?.trim().toLowerCase();
    if (!text || !type || !(type === 'application/json' || type.endsWith('+json')))
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/** Sentry's `{"detail"}` / `{"error"}` text, a summary of DRF field errors, or the start of a non-JSON body. */
function errorDetail(json, text) {
    if (json && typeof json === 'object' && !Array.isArray(json)) {
        const obj = json;
        for (const key of ['detail', 'error']) {
            const v = obj[key];
            if (typeof v === 'string')
                return v;
            if (v && typeof v === 'object' && typeof v.message === 'string') {
                return v.message;
            }
        }
        const fields = Object.entries(obj).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(' ') : JSON.stringify(v)}`);
        return fields.length ? truncate(fields.join('; ')) : undefined;
    }
    if (Array.isArray(json))
        return truncate(json.map(String).join(' '));
    const trimmed = text.trim();
    return trimmed ? truncate(trimmed.replace(/\s+/g, ' ')) : undefined;
}
function truncate(s, max = 300) {
    return s.length > max ? `${s.slice(0, max)}…` : s;
}
function toTransportFailure(err) {
    if (err instanceof TransportFailure)
        return err;
    const e = err;
    const code = (typeof e?.code === 'string' && e.code) || (typeof e?.cause?.code === 'string' && e.cause.code) || 'UNKNOWN';
    // undici reports a peer that hung up as UND_ERR_SOCKET; keep the underlying reason when there is one.
    const message = [e?.message, e?.cause?.message].filter((m) => typeof m === 'string' && m).join(': ');
    return new TransportFailure(code, message || String(err), err);
}

;// CONCATENATED MODULE: ./.build/src/sentry/multipart.js
/** multipart/form-data encoding for chunk and release-file uploads. Pure: no I/O. */

// WHATWG form-data escaping for names in the Content-Disposition header.
function escapeName(name) {
    return name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}
/** Encodes parts with a random boundary that is checked not to occur in any part. */
function encodeMultipart(parts, makeBoundary = randomBoundary) {
    let boundary = makeBoundary();
    while (parts.some((p) => Buffer.from('data' in p ? p.data : p.value).includes(boundary)))
        boundary = makeBoundary();
    const pieces = [];
    for (const part of parts) {
        let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(part.name)}"`;
        if ('data' in part) {
            head += `; filename="${escapeName(part.filename)}"\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}`;
        }
        pieces.push(Buffer.from(`${head}\r\n\r\n`));
        pieces.push('data' in part
            ? Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength)
            : Buffer.from(part.value));
        pieces.push(Buffer.from('\r\n'));
    }
    pieces.push(Buffer.from(`--${boundary}--\r\n`));
    return { body: Buffer.concat(pieces), contentType: `multipart/form-data; boundary=${boundary}` };
}
function randomBoundary() {
    return `----faultline${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
}

;// CONCATENATED MODULE: ./.build/src/sentry/pagination.js
/** Sentry's `Link` header pagination (`rel="next"; results="true"; cursor="..."`). Pure: no I/O. */
/** Parses an RFC 8288 `Link` header into its entries; tolerant of spacing and quoting. */
function parseLinkHeader(header) {
    const entries = [];
    let i = 0;
    while (i < header.length) {
        const open = header.indexOf('<', i);
        if (open < 0)
            break;
        const close = header.indexOf('>', open);
        if (close < 0)
            break;
        const url = header.slice(open + 1, close);
        const params = {};
        i = close + 1;
        // Parameters run until a comma that is outside quotes.
        while (i < header.length) {
            while (header[i] === ' ' || header[i] === '\t')
                i++;
            if (header[i] === ',') {
                i++;
                break;
            }
            if (header[i] !== ';')
                break;
            i++;
            const eq = header.indexOf('=', i);
            if (eq < 0)
                break;
            const name = header.slice(i, eq).trim().toLowerCase();
            i = eq + 1;
            while (header[i] === ' ')
                i++;
            let value;
            if (header[i] === '"') {
                const end = header.indexOf('"', i + 1);
                value = header.slice(i + 1, end < 0 ? header.length : end);
                i = end < 0 ? header.length : end + 1;
            }
            else {
                const m = /^[^;,]*/.exec(header.slice(i));
                value = (m?.[0] ?? '').trim();
                i += m?.[0].length ?? 0;
            }
            params[name] = value;
        }
        entries.push({ url, params });
    }
    return entries;
}
/** The cursor of the next page, or undefined when Sentry says there are no more results. */
function nextPageCursor(header) {
    if (!header)
        return undefined;
    const next = parseLinkHeader(header).find((e) => e.params.rel === 'next');
    if (next?.params.results !== 'true')
        return undefined;
    if (next.params.cursor)
        return next.params.cursor;
    try {
        return new URL(next.url, 'http://localhost').searchParams.get('cursor') ?? undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./.build/src/sentry/paths.js
/** Building Sentry API paths and URLs. Pure: no I/O. */

/**
 * Encodes one path segment the way sentry-cli does: `/` (and the whole of `.` / `..`) become U+FFFD first, so a
 * release containing `/` is a clean 404 rather than a different endpoint.
 */
function pathSegment(value) {
    const safe = value === '.' || value === '..' ? '\uFFFD' : value.replaceAll('/', '\uFFFD');
    return encodeURIComponent(safe);
}
/** Tagged template: `apiPath\`organizations/${org}/releases/\`` encodes each interpolated value as a segment. */
function apiPath(strings, ...values) {
    let out = '/api/0/';
    strings.forEach((s, i) => {
        out += s;
        if (i < values.length)
            out += pathSegment(values[i]);
    });
    return out;
}
/**
 * Normalises a Sentry base URL: http(s) only, no query, trailing slashes and a trailing `/api/0` removed, so
 * `https://sentry.example.com/`, `.../api/0/` and `...` all give `https://sentry.example.com`.
 */
function normaliseBaseUrl(raw) {
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        throw new errors/* SentryConfigError */.ES('SENTRY_URL', `SENTRY_URL "${raw}" is not a URL: set it to your Sentry server root, e.g. https://sentry.io or https://sentry.example.com`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new errors/* SentryConfigError */.ES('SENTRY_URL', `SENTRY_URL "${raw}" must use http or https, e.g. https://sentry.io (got ${url.protocol})`);
    }
    if (url.username || url.password) {
        throw new errors/* SentryConfigError */.ES('SENTRY_URL', 'SENTRY_URL must not carry credentials; put the token in SENTRY_AUTH_TOKEN instead');
    }
    const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/0$/, '');
    return `${url.protocol}//${url.host}${path}`;
}
/** Resolves a URL the server handed back (absolute, or relative to `{base}/api/0/`). */
function resolveServerUrl(baseUrl, serverUrl) {
    return new URL(serverUrl, `${baseUrl}/api/0/`);
}

;// CONCATENATED MODULE: ./.build/src/sentry/client.js
/** The Sentry Web API client: releases, commits, deploys, chunk upload, artifact bundles, issues, events. */









/**
 * Chunk gzip settings. memLevel 6 (zlib's default is 8) makes smaller deflate blocks, which adapt to the switches
 * between minified scripts and JSON maps in a bundle: 0.8 % fewer bytes on real npm builds and on the bench's corpus
 * for the same CPU (level 7 and up cost more CPU than they save bytes).
 */
const CHUNK_GZIP = { level: 6, memLevel: 6 };
/** Gzips `pieces` while hashing them; the gzip output and the SHA-1 hex of the input. */
async function gzipAndHash(pieces) {
    // Loaded here: only uploads gzip, and a release without source maps need not load zlib before its first request.
    const { pipeline } = process.getBuiltinModule('node:stream/promises');
    const { createGzip } = process.getBuiltinModule('node:zlib');
    const hash = (0,external_node_crypto_.createHash)('sha1');
    const out = [];
    await pipeline(async function* () {
        for await (const piece of pieces) {
            hash.update(piece);
            yield piece;
        }
    }, createGzip(CHUNK_GZIP), async (gzipped) => {
        for await (const b of gzipped)
            out.push(b);
    });
    return [Buffer.concat(out), hash.digest('hex')];
}
async function collectAndHash(pieces) {
    const hash = (0,external_node_crypto_.createHash)('sha1');
    const all = [];
    for await (const piece of pieces) {
        hash.update(piece);
        all.push(piece);
    }
    return [Buffer.concat(all), hash.digest('hex')];
}
class SentryClient {
    baseUrl;
    org;
    #http;
    #maxPages;
    #sleep;
    constructor(opts) {
        if (!opts.token?.trim()) {
            throw new errors/* SentryConfigError */.ES('SENTRY_AUTH_TOKEN', 'SENTRY_AUTH_TOKEN is empty: create an auth token in Sentry (Settings → Auth Tokens) and pass it as a secret');
        }
        if (!opts.org?.trim()) {
            throw new errors/* SentryConfigError */.ES('SENTRY_ORG', 'SENTRY_ORG is empty: set it to your organization slug, e.g. "acme"');
        }
        this.baseUrl = normaliseBaseUrl(opts.url ?? 'https://sentry.io');
        this.org = opts.org.trim();
        this.#maxPages = opts.maxPages ?? 1000;
        this.#sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
        this.#http = new SentryTransport({
            baseUrl: this.baseUrl,
            org: this.org,
            token: opts.token.trim(),
            userAgent: opts.userAgent ?? `faultline/${version/* VERSION */.x}`,
            maxAttempts: Math.max(1, opts.maxAttempts ?? 5),
            timeoutMs: opts.timeoutMs ?? 30_000,
            retryBaseMs: opts.retryBaseMs ?? 500,
            retryMaxDelayMs: opts.retryMaxDelayMs ?? 30_000,
            maxRateLimitWaitMs: opts.maxRateLimitWaitMs ?? 60_000,
            agents: opts.agents ?? (0,agents/* sharedSentryAgents */.N)(),
            ...(opts.log ? { log: opts.log } : {}),
            ...(opts.random ? { random: opts.random } : {}),
            ...(opts.sleep ? { sleep: opts.sleep } : {}),
        });
    }
    // ---- releases ----
    /** Creates the release or links new projects to it; `created` is false when Sentry answered 208 (nothing new). */
    async createRelease(body) {
        const path = apiPath `organizations/${this.org}/releases/`;
        const res = await this.#call('POST', path, {
            json: {
                ...body,
                projects: idOrSlugList(body.projects),
                ...(body.refs ? { refs: normaliseRefs(body.refs) } : {}),
            },
        });
        return { release: checkReleaseAnswer(this.#answer('POST', path, res)), created: res.status !== 208 };
    }
    /** The release, or undefined when Sentry does not know it. */
    async getRelease(version) {
        const path = apiPath `organizations/${this.org}/releases/${version}/`;
        const res = await this.#call('GET', path, { accept: [404] });
        return res.status === 404 ? undefined : checkReleaseAnswer(this.#answer('GET', path, res));
    }
    /** Updates a release; `refs: []` clears its commits, `commits` sets them explicitly (with patch sets). */
    async updateRelease(version, body) {
        const json = body.refs ? { ...body, refs: normaliseRefs(body.refs) } : body;
        const path = apiPath `organizations/${this.org}/releases/${version}/`;
        const res = await this.#call('PUT', path, { json });
        return checkReleaseAnswer(this.#answer('PUT', path, res));
    }
    /** Marks the release as released, now unless `dateReleased` is given. */
    finalizeRelease(version, dateReleased) {
        return this.updateRelease(version, { dateReleased: dateReleased ?? new Date().toISOString() });
    }
    listReleases(query = {}) {
        const params = {};
        if (query.project !== undefined)
            params.project = query.project;
        if (query.query !== undefined)
            params.query = query.query;
        if (query.perPage !== undefined)
            params.per_page = String(query.perPage);
        return this.#paginate(apiPath `organizations/${this.org}/releases/`, params);
    }
    /** The release before `version` that has commits (`{}` when none), or undefined when Sentry answers 404. */
    async previousReleaseWithCommits(version, project) {
        const path = apiPath `organizations/${this.org}/releases/${version}/previous-with-commits/`;
        const res = await this.#call('GET', path, { accept: [404], query: project ? { project } : {} });
        if (res.status === 404)
            return undefined;
        return (res.json ?? {});
    }
    /** Whether the organization has this project: false on 404, undefined when the token may not read projects. */
    async projectExists(slug) {
        const res = await this.#call('GET', apiPath `projects/${this.org}/${slug}/`, { accept: [403, 404] });
        return res.status === 404 ? false : res.status === 403 ? undefined : true;
    }
    listRepos() {
        return this.#paginate(apiPath `organizations/${this.org}/repos/`, {});
    }
    /** Records a deploy; unset name/url/dates are sent as null, `projects` only when given (as sentry-cli does). */
    async createDeploy(version, body) {
        const json = {
            environment: body.environment,
            name: body.name ?? null,
            url: body.url ?? null,
            dateStarted: body.dateStarted ?? null,
            dateFinished: body.dateFinished ?? null,
            ...(body.projects ? { projects: body.projects } : {}),
        };
        const res = await this.#call('POST', apiPath `organizations/${this.org}/releases/${version}/deploys/`, { json });
        return res.json;
    }
    listDeploys(version) {
        return this.#paginate(apiPath `organizations/${this.org}/releases/${version}/deploys/`, {});
    }
    // ---- chunk upload + artifact bundles ----
    async getChunkUploadOptions() {
        const path = apiPath `organizations/${this.org}/chunk-upload/`;
        const res = await this.#call('GET', path);
        const options = checkChunkUploadOptions(this.#answer('GET', path, res));
        if (options.hashAlgorithm !== 'sha1') {
            throw new errors/* SentryConfigError */.ES('SENTRY_URL', `Sentry at ${this.baseUrl} asks for chunk hash "${options.hashAlgorithm}"; only sha1 is supported`);
        }
        return options;
    }
    /**
     * Uploads chunks in ONE multipart request to exactly `options.url` (absolute, or relative to `{base}/api/0/`).
     * Each part is named `file_gzip` (gzipped on its own) when the server offers gzip, else `file`; the filename is
     * the SHA-1 hex of the raw chunk. Batching to chunksPerRequest/maxRequestSize is the caller's job.
     */
    async uploadChunks(options, chunks) {
        if (chunks.length === 0)
            return;
        const useGzip = options.compression?.includes('gzip') ?? false;
        const parts = await Promise.all(chunks.map(async ({ checksum, data }) => {
            const [body, actual] = useGzip
                ? await gzipAndHash(typeof data === 'function' ? data() : [data])
                : typeof data === 'function'
                    ? await collectAndHash(data())
                    : [data, (0,external_node_crypto_.createHash)('sha1').update(data).digest('hex')];
            if (actual !== checksum.toLowerCase()) {
                throw new TypeError(`uploadChunks: chunk checksum "${checksum}" does not match its data (sha1 ${actual}); ` +
                    'pass the SHA-1 hex of the raw, uncompressed chunk');
            }
            return { name: useGzip ? 'file_gzip' : 'file', filename: actual, data: body };
        }));
        const encoded = encodeMultipart(parts);
        await this.#http.send({
            method: 'POST',
            url: resolveServerUrl(this.baseUrl, options.url),
            body: { data: encoded.body, contentType: encoded.contentType },
        });
    }
    /** One call to the assemble endpoint: asks which chunks are missing, or starts/polls assembly. */
    async assembleArtifactBundle(body) {
        const json = { checksum: body.checksum, chunks: body.chunks, projects: body.projects };
        if (body.version)
            json.version = body.version;
        if (body.dist !== undefined)
            json.dist = body.dist;
        const path = apiPath `organizations/${this.org}/artifactbundle/assemble/`;
        const res = await this.#call('POST', path, { json });
        return checkAssembleAnswer(this.#answer('POST', path, res));
    }
    /**
     * Polls assemble until Sentry reports `ok`; throws SentryAssembleError on `error`, on `not_found` (chunks lost),
     * or when processing does not finish within `maxWaitMs`.
     */
    async waitForArtifactBundle(body, opts = {}) {
        const interval = opts.pollIntervalMs ?? 1000;
        const maxWait = opts.maxWaitMs ?? 300_000;
        const deadline = Date.now() + maxWait;
        for (;;) {
            const res = await this.assembleArtifactBundle(body);
            if (res.state === 'ok')
                return res;
            if (res.state === 'error' || res.state === 'not_found') {
                const why = res.detail || (res.state === 'not_found' ? `${res.missingChunks.length} chunk(s) missing` : 'unknown error');
                throw new errors/* SentryAssembleError */.I9({ checksum: body.checksum, state: res.state, detail: res.detail ?? null }, `Sentry could not process artifact bundle ${body.checksum}: ${why}. ` +
                    (res.state === 'not_found'
                        ? 'Upload the missing chunks before assembling.'
                        : 'Check the bundle (manifest.json, debug IDs or a release) and the size limits.'));
            }
            if (Date.now() + interval > deadline) {
                throw new errors/* SentryAssembleError */.I9({ checksum: body.checksum, state: res.state, detail: res.detail ?? null }, `Sentry did not finish processing artifact bundle ${body.checksum} within ${maxWait} ms ` +
                    `(state "${res.state}"); wait longer or check the server's workers.`);
            }
            await this.#sleep(interval);
        }
    }
    // ---- legacy release files ----
    listReleaseFiles(version) {
        return this.#paginate(apiPath `organizations/${this.org}/releases/${version}/files/`, {});
    }
    /** Legacy per-file upload: multipart `file` (named after the URL's basename), `name`, `dist`, `header` "K:V". */
    async uploadReleaseFile(version, file) {
        const basename = file.name.split('/').pop() || 'file';
        const parts = [
            { name: 'file', filename: basename, data: file.contents },
            { name: 'name', value: file.name },
        ];
        if (file.dist !== undefined)
            parts.push({ name: 'dist', value: file.dist });
        for (const [key, value] of Object.entries(file.headers ?? {}))
            parts.push({ name: 'header', value: `${key}:${value}` });
        const encoded = encodeMultipart(parts);
        const res = await this.#call('POST', apiPath `organizations/${this.org}/releases/${version}/files/`, {
            body: { data: encoded.body, contentType: encoded.contentType },
        });
        return res.json;
    }
    async deleteReleaseFile(version, id) {
        await this.#call('DELETE', apiPath `organizations/${this.org}/releases/${version}/files/${id}/`);
    }
    // ---- issues, events, integration platform ----
    async getIssue(issueId) {
        const res = await this.#call('GET', apiPath `organizations/${this.org}/issues/${issueId}/`);
        return res.json;
    }
    async updateIssue(issueId, body) {
        const res = await this.#call('PUT', apiPath `organizations/${this.org}/issues/${issueId}/`, { json: body });
        return res.json;
    }
    async getLatestEvent(issueId) {
        const res = await this.#call('GET', apiPath `organizations/${this.org}/issues/${issueId}/events/latest/`);
        return res.json;
    }
    async getEvent(project, eventId) {
        const res = await this.#call('GET', apiPath `projects/${this.org}/${project}/events/${eventId}/`);
        return res.json;
    }
    /** Links a Sentry issue to an external (GitHub) issue for an integration installation. */
    async createExternalIssue(installationUuid, body) {
        const path = apiPath `sentry-app-installations/${installationUuid}/external-issues/`;
        const res = await this.#call('POST', path, { json: body });
        const link = res.json;
        return { ...link, id: String(link.id) };
    }
    async deleteExternalIssue(installationUuid, externalIssueId) {
        await this.#call('DELETE', apiPath `sentry-app-installations/${installationUuid}/external-issues/${externalIssueId}/`);
    }
    // ---- alert rules ----
    listIssueAlertRules(project) {
        return this.#paginate(apiPath `projects/${this.org}/${project}/rules/`, {});
    }
    async createIssueAlertRule(project, body) {
        const res = await this.#write('POST', apiPath `projects/${this.org}/${project}/rules/`, body);
        return withStringId(res.json);
    }
    async updateIssueAlertRule(project, id, body) {
        const res = await this.#write('PUT', apiPath `projects/${this.org}/${project}/rules/${id}/`, body);
        return withStringId(res.json);
    }
    async deleteIssueAlertRule(project, id) {
        await this.#call('DELETE', apiPath `projects/${this.org}/${project}/rules/${id}/`);
    }
    listMetricAlertRules() {
        return this.#paginate(apiPath `organizations/${this.org}/alert-rules/`, {});
    }
    async createMetricAlertRule(body) {
        const res = await this.#write('POST', apiPath `organizations/${this.org}/alert-rules/`, body);
        return withStringId(res.json);
    }
    async updateMetricAlertRule(id, body) {
        const res = await this.#write('PUT', apiPath `organizations/${this.org}/alert-rules/${id}/`, body);
        return withStringId(res.json);
    }
    async deleteMetricAlertRule(id) {
        await this.#call('DELETE', apiPath `organizations/${this.org}/alert-rules/${id}/`);
    }
    /** The integrations (sentry apps) installed in the organization: where "notify faultline" points. */
    listSentryAppInstallations() {
        return this.#paginate(apiPath `organizations/${this.org}/sentry-app-installations/`, {});
    }
    /** The organization's other integrations (Slack, PagerDuty, ...), by name. */
    listOrganizationIntegrations() {
        return this.#paginate(apiPath `organizations/${this.org}/integrations/`, {});
    }
    /** What metric alert triggers can do here; sentry-app entries carry the `sentryAppId` their actions need. */
    async listAvailableMetricActions() {
        const res = await this.#call('GET', apiPath `organizations/${this.org}/alert-rules/available-actions/`);
        return Array.isArray(res.json) ? res.json : [];
    }
    listTeams() {
        return this.#paginate(apiPath `organizations/${this.org}/teams/`, {});
    }
    listMembers() {
        return this.#paginate(apiPath `organizations/${this.org}/members/`, {});
    }
    // ---- plumbing ----
    /** A response as the answer checks take it: endpoint named, body redacted. */
    #answer(method, path, res) {
        return {
            status: res.status,
            endpoint: this.#http.redact(`${method} ${path}`),
            headers: res.headers,
            json: res.json,
            text: this.#http.redact(res.text.slice(0, 4096)),
        };
    }
    #call(method, path, extra = {}) {
        const url = new URL(`${this.baseUrl}${path}`);
        for (const [k, v] of Object.entries(extra.query ?? {}))
            url.searchParams.set(k, v);
        return this.#http.send({
            method,
            url,
            ...(extra.json === undefined ? {} : { json: extra.json }),
            ...(extra.body ? { body: extra.body } : {}),
            ...(extra.accept ? { accept: extra.accept } : {}),
        });
    }
    /** A write whose 400 answer names fields: thrown as SentryValidationError so callers can map them back. */
    async #write(method, path, json) {
        const res = await this.#call(method, path, { json, accept: [400] });
        if (res.status !== 400)
            return res;
        const body = res.json;
        const fields = body && typeof body === 'object' && !Array.isArray(body)
            ? body
            : { nonFieldErrors: [typeof body === 'string' ? body : 'Sentry refused the request'] };
        throw new errors/* SentryValidationError */.bP({ endpoint: `${method} ${path}`, fields });
    }
    /** Follows `Link: <…>; rel="next"; results="true"; cursor="…"` on the same path; stops on a repeated cursor. */
    async #paginate(path, query) {
        const items = [];
        const seen = new Set();
        let cursor;
        for (let page = 0; page < this.#maxPages; page++) {
            const res = await this.#call('GET', path, { query: cursor === undefined ? query : { ...query, cursor } });
            if (Array.isArray(res.json))
                items.push(...res.json);
            const link = res.headers.link;
            cursor = nextPageCursor(Array.isArray(link) ? link.join(', ') : link);
            if (cursor === undefined || seen.has(cursor))
                break;
            seen.add(cursor);
        }
        return items;
    }
}
/** sentry-cli sends an all-digit project entry as a JSON number (an ID) and anything else as a slug. */
function idOrSlugList(projects) {
    return projects.map((p) => (/^\d+$/.test(p) && Number.isSafeInteger(Number(p)) ? Number(p) : p));
}
/** `previousCommit` is always present, null when unknown, as sentry-cli sends it. */
function normaliseRefs(refs) {
    return refs.map((r) => ({ repository: r.repository, commit: r.commit, previousCommit: r.previousCommit ?? null }));
}
/** Sentry serializes ids as strings; some servers send numbers. */
function withStringId(rule) {
    return { ...rule, id: String(rule.id) };
}

// EXTERNAL MODULE: ./.build/src/sentry/agent-fetch.js
var agent_fetch = __nccwpck_require__(3663);
;// CONCATENATED MODULE: ./.build/src/sentry/webhook-signature.js
/** HMAC-SHA256 signatures of Sentry integration-platform webhooks (`Sentry-Hook-Signature`). Pure: no I/O. */

/** Hex HMAC-SHA256 of the exact body bytes with the integration's client secret, as Sentry computes it. */
function signWebhookBody(body, secret) {
    return createHmac('sha256', secret).update(body).digest('hex');
}
/**
 * True when `signatureHeader` is the signature of `rawBody` under `secret`. Compares in constant time; a missing,
 * malformed or wrong-length header is simply false.
 */
function verifyWebhookSignature(rawBody, signatureHeader, secret) {
    const header = Array.isArray(signatureHeader) ? signatureHeader[0] : signatureHeader;
    if (typeof header !== 'string' || !secret)
        return false;
    const given = header.trim();
    if (!/^[0-9a-fA-F]+$/.test(given))
        return false;
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    const actual = Buffer.from(given, 'hex');
    if (actual.length !== expected.length)
        return false;
    return timingSafeEqual(actual, expected);
}

;// CONCATENATED MODULE: ./.build/src/sentry/index.js










/***/ }),

/***/ 7461:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   pF: () => (/* binding */ SentryTargetError),
/* harmony export */   rH: () => (/* binding */ resolveSentryTarget)
/* harmony export */ });
/* unused harmony exports ORG_TOKEN_PREFIX, DEFAULT_SENTRY_URL, orgTokenClaims */
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


/***/ }),

/***/ 7319:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The faultline version, sent as the User-Agent and shown by `faultline --version`. */
const VERSION = '0.1.0';


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9597);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
