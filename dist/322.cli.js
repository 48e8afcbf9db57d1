export const id = 322;
export const ids = [322,663];
export const modules = {

/***/ 9322:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RELEASE_HELP: () => (/* binding */ RELEASE_HELP),
  flagName: () => (/* binding */ flagName),
  runReleaseCommand: () => (/* binding */ runReleaseCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./.build/src/sentry/index.js + 9 modules
var sentry = __webpack_require__(6321);
;// CONCATENATED MODULE: ./.build/src/release/client.js

/** The Sentry client for a resolved run; none in a dry run, where nothing may be sent. */
function releaseClient(inputs, userAgent, log) {
    if (inputs.release.dryRun)
        return null;
    const { url, token, org } = inputs.sentry;
    return new sentry.SentryClient({ url, token, org, userAgent, ...(log ? { log } : {}) });
}

// EXTERNAL MODULE: ./.build/src/release/errors.js
var errors = __webpack_require__(1478);
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
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
            (0,external_node_child_process_.execFile)('git', [...this.#prefix, ...args], { cwd: this.cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, (error, stdout, stderr) => {
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

// EXTERNAL MODULE: ./node_modules/@octokit/request/dist-bundle/index.js + 5 modules
var dist_bundle = __webpack_require__(7359);
// EXTERNAL MODULE: ./.build/src/sentry/agent-fetch.js
var agent_fetch = __webpack_require__(3663);
// EXTERNAL MODULE: ./.build/src/sourcemaps/limit.js
var limit = __webpack_require__(8293);
;// CONCATENATED MODULE: ./.build/src/release/github-history.js
/**
 * Commit history from the GitHub REST API, for shallow checkouts: compare base...head for the range and one
 * `GET commits/{sha}` per commit for its patch set. Works with any Octokit's `request`; the action and the CLI use
 * githubRequest below (@octokit/request alone: a full Octokit would add a megabyte to the action's start-up).
 */




/** Patch sets are fetched for at most this many commits of a range (newest first); older ones go without. */
const MAX_PATCH_SET_LOOKUPS = 100;
const PAGE_SIZE = 100;
const MAX_PAGES = 10;
const LOOKUP_CONCURRENCY = 8;
/**
 * An authenticated GitHub `request` for `apiUrl` (GITHUB_API_URL: github.com or GitHub Enterprise), sent through the
 * same keep-alive, HTTP(S)_PROXY-aware agents as the Sentry client.
 */
function githubRequest(token, apiUrl, userAgent) {
    const request = dist_bundle/* request */.E.defaults({
        baseUrl: apiUrl.replace(/\/+$/, ''),
        headers: { authorization: `token ${token}`, 'user-agent': userAgent },
        request: { fetch: (0,agent_fetch/* agentFetch */.e)() },
    });
    return (route, params) => request(route, params);
}
function githubHistory(request, repository) {
    const [owner, repo] = repository.split('/');
    if (!owner || !repo)
        throw new TypeError(`githubHistory: repository "${repository}" is not owner/repo`);
    const call = async (route, params, missingSha) => {
        try {
            return (await request(route, { owner, repo, ...params })).data;
        }
        catch (error) {
            throw githubError(error, repository, missingSha);
        }
    };
    const withPatchSets = async (commits) => {
        const newestFirst = [...commits].reverse().map(toSentryCommit);
        const looked = await (0,limit/* mapLimited */.b)(newestFirst.slice(0, MAX_PATCH_SET_LOOKUPS), LOOKUP_CONCURRENCY, async (c) => {
            const full = await call('GET /repos/{owner}/{repo}/commits/{ref}', { ref: c.id });
            return { ...c, patch_set: patchSet(full.files ?? []) };
        });
        return [...looked, ...newestFirst.slice(MAX_PATCH_SET_LOOKUPS)];
    };
    return {
        async compare(base, head) {
            const commits = [];
            for (let page = 1; page <= MAX_PAGES; page++) {
                const data = await call('GET /repos/{owner}/{repo}/compare/{basehead}', { basehead: `${base}...${head}`, per_page: PAGE_SIZE, page }, base);
                commits.push(...data.commits);
                if (data.commits.length < PAGE_SIZE || commits.length >= (data.total_commits ?? commits.length))
                    break;
            }
            return withPatchSets(commits);
        },
        async recent(head, count) {
            const data = await call('GET /repos/{owner}/{repo}/commits', { sha: head, per_page: count }, head);
            return withPatchSets([...data].reverse());
        },
    };
}
function toSentryCommit(c) {
    const author = c.commit.author ?? {};
    return {
        ...(author.name ? { author_name: author.name } : {}),
        ...(author.email ? { author_email: author.email } : {}),
        ...(author.date ? { timestamp: author.date } : {}),
        message: c.commit.message,
        id: c.sha,
    };
}
/** GitHub file statuses as git name-status letters; a rename is a delete plus an add (as `--no-renames`). */
function patchSet(files) {
    const out = [];
    for (const f of files) {
        if (f.status === 'added' || f.status === 'copied')
            out.push({ path: f.filename, type: 'A' });
        else if (f.status === 'removed')
            out.push({ path: f.filename, type: 'D' });
        else if (f.status === 'renamed') {
            if (f.previous_filename)
                out.push({ path: f.previous_filename, type: 'D' });
            out.push({ path: f.filename, type: 'A' });
        }
        else if (f.status !== 'unchanged')
            out.push({ path: f.filename, type: 'M' });
    }
    return out;
}
function githubError(error, repository, missingSha) {
    const status = error.status;
    if ((status === 404 || status === 422) && missingSha)
        return new errors/* MissingCommitError */._E(missingSha, `GitHub (${repository})`);
    if (status === 401 || status === 403 || status === 404) {
        return new errors/* ReleaseStepError */.KN('commits', `commits: the GitHub API refused to read ${repository} (${status})`, 'Check `github_token`: the workflow token needs `contents: read` on this repository', error);
    }
    const message = error instanceof Error ? error.message : String(error);
    return new errors/* ReleaseStepError */.KN('commits', `commits: the GitHub API failed for ${repository}: ${message}`, 'Re-run the job, or set ignore_missing: true', error);
}

;// CONCATENATED MODULE: ./.build/src/release/options.js
/** The pipeline's one typed settings object, and the step and commit-mode vocabularies. */
const STEP_NAMES = ['create', 'commits', 'sourcemaps', 'finalize', 'deploy'];

;// CONCATENATED MODULE: ./.build/src/release/input-values.js
/** The action's input names, and the parsers of single input values; each error names its input. */


/** Every input the action declares in action.yml (and the CLI mirrors as --flags with dashes). */
const INPUT_NAMES = [
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
];
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
var org_token = __webpack_require__(7461);
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
var external_node_fs_ = __webpack_require__(643);
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
const loadSourcemapsStep = async () => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1538))).sourcemapsStep;
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

// EXTERNAL MODULE: ./.build/src/release/sourcemaps-step.js
var sourcemaps_step = __webpack_require__(1538);
;// CONCATENATED MODULE: ./.build/src/release/index.js
/** The release pipeline: the action and the CLI are two thin front doors onto this. */












// EXTERNAL MODULE: ./.build/src/version.js
var version = __webpack_require__(7319);
;// CONCATENATED MODULE: ./.build/src/cli/ci-env.js
const tagRef = (tag) => (tag ? `refs/tags/${tag}` : undefined);
/** The CI system this process runs in, when it is one faultline knows besides GitHub Actions. */
function detectCi(env) {
    if (env.GITLAB_CI) {
        return {
            name: 'GitLab CI',
            ref: tagRef(env.CI_COMMIT_TAG),
            sha: env.CI_COMMIT_SHA,
            repository: env.CI_PROJECT_PATH,
            runUrl: env.CI_PIPELINE_URL,
        };
    }
    if (env.CIRCLECI) {
        const owner = env.CIRCLE_PROJECT_USERNAME;
        const repo = env.CIRCLE_PROJECT_REPONAME;
        return {
            name: 'CircleCI',
            ref: tagRef(env.CIRCLE_TAG),
            sha: env.CIRCLE_SHA1,
            repository: owner && repo ? `${owner}/${repo}` : undefined,
            runUrl: env.CIRCLE_BUILD_URL,
        };
    }
    if (env.BITBUCKET_BUILD_NUMBER) {
        return {
            name: 'Bitbucket Pipelines',
            ref: tagRef(env.BITBUCKET_TAG),
            sha: env.BITBUCKET_COMMIT,
            repository: env.BITBUCKET_REPO_FULL_NAME,
            runUrl: env.BITBUCKET_GIT_HTTP_ORIGIN && env.BITBUCKET_BUILD_NUMBER
                ? `${env.BITBUCKET_GIT_HTTP_ORIGIN}/pipelines/results/${env.BITBUCKET_BUILD_NUMBER}`
                : undefined,
        };
    }
    if (env.JENKINS_URL) {
        return { name: 'Jenkins', ref: tagRef(env.TAG_NAME), sha: env.GIT_COMMIT, runUrl: env.BUILD_URL };
    }
    return undefined;
}
/** `env` with the CI's values filled in where the GitHub names are absent; GitHub Actions' own values win. */
function withCiDefaults(env) {
    if (env.GITHUB_ACTIONS)
        return { env };
    const ci = detectCi(env);
    if (!ci)
        return { env };
    const out = { ...env };
    if (!out.GITHUB_REF && ci.ref)
        out.GITHUB_REF = ci.ref;
    if (!out.GITHUB_SHA && ci.sha)
        out.GITHUB_SHA = ci.sha;
    if (!out.GITHUB_REPOSITORY && ci.repository)
        out.GITHUB_REPOSITORY = ci.repository;
    return { env: out, ci };
}

// EXTERNAL MODULE: ./.build/src/cli/io.js
var cli_io = __webpack_require__(3024);
// EXTERNAL MODULE: ./.build/src/cli/sentry-config-file.js
var sentry_config_file = __webpack_require__(7357);
;// CONCATENATED MODULE: ./.build/src/cli/release-command.js
// `faultline release`: the action's inputs as --flags (dashes for underscores), SENTRY_* variables as fallbacks.








const list = (v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
/** Inputs that are switches on the command line: `--dry-run`, `--no-inject`. */
const BOOLEAN_INPUTS = new Set([
    'inject',
    'strip_common_prefix',
    'finalize',
    'ignore_missing',
    'ignore_empty',
    'disable_safe_mode',
    'disable_safe_directory',
    'disable_telemetry',
    'wait',
    'strict',
    'allow_missing_sourcemaps',
    'delete_after_upload',
    'dry_run',
]);
/** Inputs given as repeatable flags: `--sourcemaps dist --sourcemaps public`. */
const REPEATABLE_INPUTS = new Set(['projects', 'sourcemaps', 'ignore']);
/** sentry-cli's short flags. */
const SHORT_FLAGS = { org: 'o', projects: 'p' };
const flagName = (input) => input.replace(/_/g, '-');
const OPTIONS = Object.fromEntries([
    ...INPUT_NAMES.map((input) => [
        flagName(input),
        BOOLEAN_INPUTS.has(input)
            ? { type: 'boolean' }
            : {
                type: 'string',
                multiple: REPEATABLE_INPUTS.has(input),
                ...(SHORT_FLAGS[input] ? { short: SHORT_FLAGS[input] } : {}),
            },
    ]),
    // `sourcemaps upload` and sentry-cli name it --project: the same list as --projects.
    ['project', { type: 'string', multiple: true }],
    ['json', { type: 'boolean' }],
    ['help', { type: 'boolean', short: 'h' }],
]);
const RELEASE_HELP = `Usage: faultline release [flags]

Creates the Sentry release, associates commits, checks, injects and uploads source maps, finalizes the release
and records a deploy: the same pipeline and the same options as the GitHub Action (inputs become --flags).

Connection (flags win over the environment):
  --url URL               Sentry server root (SENTRY_URL; default the org auth token's server, else https://sentry.io)
  -o, --org SLUG          organization (SENTRY_ORG; an organization auth token names its own)
  --auth-token TOKEN      auth token (SENTRY_AUTH_TOKEN; prefer the variable, flags show up in process lists)
  --github-token TOKEN    reads commits from the GitHub API on shallow clones (GITHUB_TOKEN)

Release:
  --release VERSION       default SENTRY_RELEASE, else GITHUB_SHA (the CI's commit), else git HEAD
  --release-prefix P      prepended to the version
  -p, --projects SLUG     repeatable, or "web api" (SENTRY_PROJECT); --project is the same
  --steps LIST            all (default) or create,commits,sourcemaps,finalize,deploy
  --no-finalize           leave the release unfinalized
  --dry-run               validate and plan locally, send nothing
  --json                  print the result as JSON

Commits:
  --set-commits MODE      auto (default), manual or skip
  --repo R --commit SHA --previous-commit SHA   for manual mode
  --ignore-missing        send the newest commits when the previous release's commit is unknown
  --ignore-empty          no warning when there are no new commits
  --working-directory D   the git checkout and the base of relative paths (default: current directory)

Source maps:
  --sourcemaps PATH       repeatable; directories, files or globs
  --no-inject             do not inject debug IDs
  --dist D --url-prefix P --url-suffix S --ext "js mjs" --ignore GLOB (repeatable)
  --strip-common-prefix --strict --wait --delete-after-upload
  --allow-missing-sourcemaps  a missing path, no JavaScript or no map is a warning, not a failure
  a path may name its project: --sourcemaps apps/web/dist:web --sourcemaps apps/admin/dist:admin

Deploy:
  --environment ENV       records a deploy (SENTRY_ENVIRONMENT)
  --deploy-name N --deploy-url URL --started-at (Unix seconds or ISO 8601)

In GitLab CI, CircleCI, Bitbucket Pipelines and Jenkins, the tag, commit, repository and build page (the default
--deploy-url) come from their own variables.

Examples:
  SENTRY_ORG=acme SENTRY_AUTH_TOKEN=… faultline release --projects web --sourcemaps ./dist --environment production
  faultline release --release 1.4.0 --projects web --steps deploy --environment staging
  faultline release --projects web --sourcemaps ./dist --dry-run
`;
async function runReleaseCommand(argv, io) {
    let values;
    try {
        ({ values } = (0,external_node_util_.parseArgs)({ args: argv, options: OPTIONS, allowNegative: true, strict: true }));
    }
    catch (error) {
        io.stderr(`faultline release: ${error instanceof Error ? error.message : String(error)}`);
        io.stderr('Run `faultline release --help` for the flags.');
        return 2;
    }
    if (values.help) {
        io.stdout(RELEASE_HELP);
        return 0;
    }
    const read = (input) => {
        const value = input === 'projects' && values.project
            ? [...list(values.projects), ...list(values.project)]
            : values[flagName(input)];
        if (value === undefined)
            return undefined;
        if (Array.isArray(value))
            return value.map(String).join('\n');
        return String(value);
    };
    try {
        const baseDir = io.cwd;
        const workingDirectory = read('working_directory');
        const gitDir = workingDirectory ? (0,external_node_path_.resolve)(baseDir, workingDirectory) : baseDir;
        const git = await LocalGit.open(gitDir, {
            safeDirectory: !values['disable-safe-mode'] && !values['disable-safe-directory'],
        });
        const localHead = git ? await git.head().catch(() => undefined) : undefined;
        const { env, ci } = withCiDefaults(io.env);
        const readWithCi = (input) => (input === 'deploy_url' ? (read(input) ?? ci?.runUrl) : read(input));
        const { release, sentry, github, notices } = resolveInputs(readWithCi, env, {
            baseDir,
            ...(localHead ? { localHead } : {}),
        });
        for (const notice of notices)
            io.stderr(`notice: ${notice}`);
        const repository = github.repository ?? (await git?.originRepository());
        const level = (0,sentry_config_file/* parseLogLevel */.ML)(env.SENTRY_LOG_LEVEL, 'SENTRY_LOG_LEVEL') ?? 'info';
        const debug = level === 'debug' || level === 'trace' ? (line) => io.stderr(`debug: ${line}`) : undefined;
        const client = releaseClient({ release, sentry }, `faultline-cli/${version/* VERSION */.x}`, debug);
        const history = github.token && repository
            ? githubHistory(githubRequest(github.token, github.apiUrl, `faultline-cli/${version/* VERSION */.x}`), repository)
            : undefined;
        const json = values.json === true;
        const quiet = json || level === 'warn' || level === 'error';
        const log = quiet ? () => { } : (line) => io.stdout(line);
        try {
            const result = await runRelease(release, {
                client,
                log,
                warn: (line) => io.stderr(`warning: ${line}`),
                ...(json ? {} : { progress: (0,cli_io/* progressOutput */.FL)(io) }),
                ...(history ? { history } : {}),
                ...(git ? { git } : { git: null }),
            });
            if (json)
                io.stdout(JSON.stringify(result, null, 2));
            else
                for (const line of renderTextSummary(result, { steps: false }))
                    io.stdout(line);
            return 0;
        }
        catch (error) {
            if (!(error instanceof ReleaseFailedError))
                throw error;
            if (json)
                io.stdout(JSON.stringify({ ...error.result, error: { step: error.step, message: error.message } }, null, 2));
            else
                for (const line of renderTextSummary(error.result))
                    io.stdout(line);
            io.stderr(`faultline release: ${error.step} failed: ${error.message}`);
            return 1;
        }
    }
    catch (error) {
        if (error instanceof errors/* ReleaseInputError */.aQ) {
            io.stderr(`faultline release: --${flagName(error.input)}: ${error.message}`);
            return 2;
        }
        io.stderr(`faultline release: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
    }
}


/***/ }),

/***/ 1478:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 1538:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkBuild: () => (/* binding */ checkBuild),
/* harmony export */   createSourcemapsRunner: () => (/* binding */ createSourcemapsRunner),
/* harmony export */   sourcemapsStep: () => (/* binding */ sourcemapsStep),
/* harmony export */   targetPath: () => (/* binding */ targetPath),
/* harmony export */   uploadToSentry: () => (/* binding */ uploadToSentry)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(35);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1478);
/**
 * The source-map step on top of src/sourcemaps: check the build (before touching it), inject debug IDs, upload the
 * artifact bundle, and optionally delete the maps. A dry run injects into a temporary copy and sends nothing.
 */




/** Findings listed one by one as warnings; the rest are counted. */
const WARNINGS_LISTED = 5;
/** `dist:web` names the project of a folder (monorepos); a trailing `:slug` is not part of the path. */
function targetPath(entry) {
    return (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parseUploadTargets */ .VQ)([entry], [])[0]?.paths[0] ?? entry;
}
/** The step as the action and the CLI run it; tests pass their own upload to see what would be sent. */
function createSourcemapsRunner(upload) {
    const run = async (request, ctx) => {
        const req = { ...request, paths: request.paths.map(targetPath) };
        const workspace = await dryRunWorkspace(req);
        try {
            const cwd = workspace?.cwd ?? req.cwd;
            const paths = workspace?.paths ?? req.paths;
            const report = request.checked ?? (await checkBuild(request, ctx));
            const injected = req.options.inject ? await inject(req, paths, cwd, !workspace, ctx) : undefined;
            // Upload groups keep `dir:project` pairs; their paths follow the copy in a dry run.
            const copiedPaths = new Map(req.paths.map((p, i) => [p, paths[i]]));
            const targets = request.paths.map((entry) => entry.replace(targetPath(entry), copiedPaths.get(targetPath(entry))));
            const sent = await upload(req, targets, cwd, ctx);
            const checked = `${report.scripts} script(s), ${report.scriptsWithMap} with a map, ${report.findings.length} finding(s)`;
            return {
                ...sent,
                injected: injected ? injected.injected.length + injected.previouslyInjected.length : 0,
                findings: report,
                findingsMarkdown: (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__/* .renderReportMarkdown */ .Ay)(report),
                detail: `${checked}; ${sent.detail}`,
            };
        }
        finally {
            if (workspace)
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(workspace.cwd, { recursive: true, force: true });
        }
    };
    run.check = checkBuild;
    return run;
}
/**
 * The check before anything is modified or sent: a build with no JavaScript or no map at all fails (unless
 * allow_missing_sourcemaps), and under strict any finding fails. It reads the build where it is (relative
 * `sources` may point outside the folders a dry run copies).
 */
async function checkBuild(request, ctx) {
    const req = { ...request, paths: request.paths.map(targetPath) };
    const report = await (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__/* .validateSourcemaps */ .Dj)(req.paths, { cwd: req.cwd, ...discovery(req) });
    requireMaps(report, req, ctx.warn);
    reportFindings(report, req, ctx.warn);
    return report;
}
/** No JavaScript, or no map for any script: the upload would leave stack traces unreadable. */
function requireMaps(report, req, warn) {
    const where = `${req.paths.map((p) => `"${p}"`).join(', ')} (in ${req.cwd})`;
    const extensions = (req.options.extensions ?? ['js', 'cjs', 'mjs']).map((e) => `.${e}`).join(' ');
    const problem = report.scripts === 0
        ? {
            message: `sourcemaps: no JavaScript (${extensions}) found under ${where}`,
            fix: 'Build before this step and point the `sourcemaps` input at the build output (relative to ' +
                'working_directory; `ext` names other extensions)',
        }
        : report.scriptsWithMap === 0
            ? {
                message: `sourcemaps: none of the ${report.scripts} script(s) under ${where} has a source map`,
                fix: "Turn source maps on in the bundler (Vite build.sourcemap: true, webpack devtool: 'source-map', " +
                    'esbuild --sourcemap) and build before this step',
            }
            : undefined;
    if (!problem)
        return;
    if (req.options.allowMissing && !req.options.strict) {
        warn(`${problem.message} (allow_missing_sourcemaps is set)`);
        return;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ReleaseStepError */ .KN('sourcemaps', problem.message, `${problem.fix}; set allow_missing_sourcemaps: true if a build may have none`);
}
/**
 * A dry run injects into a temporary copy of the build. Globs cannot be copied as such: with one, there is no copy
 * and inject only computes (writes nothing).
 */
async function dryRunWorkspace(req) {
    const hasGlob = req.paths.some((p) => /[*?[\]{}]/.test(p));
    return req.dryRun && req.options.inject && !hasGlob ? temporaryCopy(req.paths, req.cwd) : undefined;
}
/** Injects debug IDs into `paths`: the build itself (`inBuild`, where a dry run writes nothing) or its copy. */
async function inject(req, paths, cwd, inBuild, ctx) {
    const injected = await (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__/* .injectDebugIds */ .LW)(paths, { cwd, dryRun: req.dryRun && inBuild, ...discovery(req) });
    for (const warning of injected.warnings)
        ctx.warn(`sourcemaps: ${warning}`);
    ctx.log(`sourcemaps: debug IDs injected into ${injected.injected.length} file(s)` +
        (injected.previouslyInjected.length ? `, ${injected.previouslyInjected.length} already had one` : '') +
        (req.dryRun ? ' (dry run: the build is not modified)' : ''));
    return injected;
}
/** The `ext` and `ignore` inputs, as the check and the injection take them. */
function discovery(req) {
    return { ignore: req.options.ignore, ...(req.options.extensions ? { extensions: req.options.extensions } : {}) };
}
/** Strict: any finding fails the step (nothing was modified or sent yet). Otherwise: warnings. */
function reportFindings(report, req, warn) {
    if (report.findings.length === 0)
        return;
    if (req.options.strict) {
        const first = report.findings[0];
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ReleaseStepError */ .KN('sourcemaps', `sourcemaps: ${report.findings.length} problem(s) in ${req.paths.join(', ')}, e.g. ${first.file}: ${first.message}`, `${first.fix} (strict: true stops before anything is modified or uploaded; the job summary lists every problem)`);
    }
    for (const finding of report.findings.slice(0, WARNINGS_LISTED))
        warn(describe(finding));
    if (report.findings.length > WARNINGS_LISTED) {
        warn(`sourcemaps: ${report.findings.length - WARNINGS_LISTED} more finding(s); see the job summary`);
    }
}
function describe(f) {
    return `sourcemaps: ${f.file}: ${f.message} (${f.fix})`;
}
/**
 * Copies the named directories and files (not globs, which stay where they are) into a temporary directory with
 * the same layout relative to cwd, so a dry run can inject without touching the build.
 */
async function temporaryCopy(paths, cwd) {
    const dir = await (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__/* .makeTempDir */ .mk)('faultline-dry-run-');
    const copied = [];
    for (const [i, path] of paths.entries()) {
        const source = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, path);
        const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(cwd, source);
        const inside = rel && !rel.startsWith('..') && !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel) ? rel : `outside-${i}`;
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.cp)(source, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, inside), { recursive: true, dereference: true });
        copied.push(inside);
    }
    return { cwd: dir, paths: copied };
}
/** Sends the checked, injected build as artifact bundles (one per project group), or plans it in a dry run. */
const uploadToSentry = async (req, targets, cwd, ctx) => {
    const groups = await stripCommonPrefixes((0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__/* .parseUploadTargets */ .VQ)(targets, req.projects), cwd, {
        enabled: req.options.stripCommonPrefix,
        ignore: req.options.ignore,
    });
    const opts = {
        cwd,
        groups,
        release: req.version,
        ...(req.options.dist ? { dist: req.options.dist } : {}),
        ...(req.options.urlPrefix ? { urlPrefix: req.options.urlPrefix } : {}),
        ...(req.options.urlSuffix ? { urlSuffix: req.options.urlSuffix } : {}),
        ...(req.options.extensions ? { extensions: [...req.options.extensions, 'map'] } : {}),
        ignore: req.options.ignore,
        wait: req.options.wait,
        deleteAfterUpload: req.options.deleteAfterUpload && !req.dryRun,
        strict: req.options.strict,
        log: ctx.log,
        ...(ctx.progress ? { progress: (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__/* .uploadProgress */ .f)(ctx.progress) } : {}),
    };
    return ctx.client ? upload(ctx.client, opts) : planUpload(opts);
};
/** The step as the action and the CLI run it: check, inject, upload to Sentry. */
const sourcemapsStep = createSourcemapsRunner(uploadToSentry);
async function upload(client, opts) {
    const summary = await (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__/* .uploadSourcemaps */ .Eu)(client, opts);
    return {
        ...(summary.bundleId ? { bundleId: summary.bundleId } : {}),
        filesUploaded: summary.filesUploaded,
        bytesUploaded: summary.bytesUploaded,
        chunksSent: summary.chunksSent,
        chunksSkipped: summary.chunksSkipped,
        detail: `uploaded ${summary.filesUploaded} file(s) as ${summary.mode === 'release-files' ? 'release files' : 'artifact bundle'}` +
            (summary.bundleId ? ` ${summary.bundleId}` : '') +
            `, ${(0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z3)(summary.bytesUploaded)} sent, ${summary.chunksSkipped} chunk(s) already in Sentry, state ${summary.state}` +
            (summary.deletedMaps.length ? `, ${summary.deletedMaps.length} map(s) deleted` : ''),
    };
}
/** A dry run: what would be uploaded, nothing sent. */
async function planUpload(opts) {
    let files = 0;
    let bytes = 0;
    for (const group of opts.groups) {
        const collected = await (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__/* .collectUploadFiles */ .Nv)(group.paths, opts);
        files += collected.length;
        bytes += collected.reduce((n, f) => n + f.bytes, 0);
    }
    return {
        filesUploaded: 0,
        bytesUploaded: 0,
        chunksSent: 0,
        chunksSkipped: 0,
        detail: `dry run: would upload ${files} file(s) (${(0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z3)(bytes)}) in ${opts.groups.length} artifact bundle(s)`,
    };
}
/**
 * strip_common_prefix: a directory whose files all sit below one common subfolder is uploaded from that subfolder,
 * so `build/static/js/app.js` becomes `~/app.js` rather than `~/static/js/app.js`.
 */
async function stripCommonPrefixes(groups, cwd, opts) {
    if (!opts.enabled)
        return groups;
    const out = [];
    for (const group of groups) {
        const paths = [];
        for (const path of group.paths) {
            const files = /[*?[\]{}]/.test(path) ? [] : await (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_2__/* .discoverFiles */ .ZO)([path], { cwd, ignore: opts.ignore });
            const dirs = files.map((f) => f.relative.split('/').slice(0, -1));
            let common = dirs[0] ?? [];
            for (const d of dirs) {
                let i = 0;
                while (i < common.length && common[i] === d[i])
                    i++;
                common = common.slice(0, i);
            }
            paths.push(common.length ? `${path.replace(/[\\/]+$/, '')}/${common.join('/')}` : path);
        }
        out.push({ ...group, paths });
    }
    return out;
}


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


/***/ })

};
