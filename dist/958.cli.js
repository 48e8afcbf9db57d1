export const id = 958;
export const ids = [958];
export const modules = {

/***/ 5523:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ cliConnection),
/* harmony export */   R: () => (/* binding */ ConnectionError)
/* harmony export */ });
/* harmony import */ var _sentry_org_token_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7461);
// The Sentry server, organization and token of a CLI command: flags win over SENTRY_* variables (which already
// hold what a .sentryclirc adds, see sentry-config-file.ts), and an org auth token fills in what both leave open.

class ConnectionError extends Error {
    name = 'ConnectionError';
}
const nonEmpty = (v) => (v?.trim() ? v.trim() : undefined);
/** Throws ConnectionError when an explicit URL is not the org token's server (naming both). */
function cliConnection(flags, env) {
    const token = nonEmpty(flags.token) ?? nonEmpty(env.SENTRY_AUTH_TOKEN);
    const urlFlag = nonEmpty(flags.url);
    const url = urlFlag ?? nonEmpty(env.SENTRY_URL);
    const org = nonEmpty(flags.org) ?? nonEmpty(env.SENTRY_ORG);
    try {
        const target = (0,_sentry_org_token_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveSentryTarget */ .rH)({
            ...(token ? { token } : {}),
            ...(url ? { url, urlSetting: urlFlag ? '--url' : 'SENTRY_URL' } : {}),
            ...(org ? { org } : {}),
        });
        return { url: target.url, ...(target.org ? { org: target.org } : {}), ...(token ? { token } : {}) };
    }
    catch (error) {
        if (error instanceof _sentry_org_token_js__WEBPACK_IMPORTED_MODULE_0__/* .SentryTargetError */ .pF)
            throw new ConnectionError(error.message);
        throw error;
    }
}


/***/ }),

/***/ 7958:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SOURCEMAPS_HELP: () => (/* binding */ SOURCEMAPS_HELP),
/* harmony export */   runSourcemapsCommand: () => (/* binding */ runSourcemapsCommand)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var _sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(35);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7319);
/* harmony import */ var _connection_config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5523);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3024);
// `faultline sourcemaps <check|inject|upload>`: flags parsed here, the work done in src/sourcemaps.





const SOURCEMAPS_HELP = `Usage: faultline sourcemaps <check|inject|upload> PATH... [flags]

  check PATH...     is there a source map for every script, does it parse, do its sources resolve, do its
                    mappings land inside? Prints a report; --strict makes any problem fail the run (exit 1).
  inject PATH...    gives every script a debug ID and ties its map to it, byte for byte as
                    \`sentry-cli sourcemaps inject\` 3.8 does. A second run changes nothing.
  upload PATH...    uploads scripts and maps as one artifact bundle (only the chunks Sentry lacks).
                    PATH may be DIR:PROJECT to send that directory to that project.

Paths are directories, files or globs (comma- or newline-separated lists work too).

Common flags:
  --ext EXT                 repeatable; replaces the default extensions (js cjs mjs, plus map)
  --ignore GLOB             repeatable; files and folders to skip
  --include-node-modules    node_modules is skipped unless this is given
  --json                    print the result as JSON

check:    --strict  --require-debug-ids  --markdown (print the markdown report instead of text)
inject:   --dry-run (compute, write nothing)
upload:   --dry-run (inject in memory, list what would be sent, send nothing)  --release R (SENTRY_RELEASE)  -p, --project P (repeatable; SENTRY_PROJECT)  --dist D  --url-prefix ~/static
          --url-suffix S  --wait  --wait-timeout SECONDS  --delete-after-upload  --strict  --inject (inject first)
          --url URL (SENTRY_URL)  -o, --org SLUG (SENTRY_ORG)  --auth-token T (SENTRY_AUTH_TOKEN; prefer the variable)

Examples:
  faultline sourcemaps check ./dist --strict
  faultline sourcemaps inject ./dist
  faultline sourcemaps upload ./dist --release 1.4.0 --project web --url-prefix '~/static' --wait
  faultline sourcemaps upload apps/web/dist:web apps/admin/dist:admin --release 1.4.0 --delete-after-upload
`;
const OPTIONS = {
    ext: { type: 'string', multiple: true },
    ignore: { type: 'string', multiple: true },
    'include-node-modules': { type: 'boolean' },
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
    'require-debug-ids': { type: 'boolean' },
    markdown: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    release: { type: 'string' },
    project: { type: 'string', short: 'p', multiple: true },
    dist: { type: 'string' },
    'url-prefix': { type: 'string' },
    'url-suffix': { type: 'string' },
    wait: { type: 'boolean' },
    'wait-timeout': { type: 'string' },
    'delete-after-upload': { type: 'boolean' },
    inject: { type: 'boolean' },
    url: { type: 'string' },
    org: { type: 'string', short: 'o' },
    'auth-token': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
class UsageError extends Error {
}
const list = (v) => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);
const nonEmpty = (v) => (v?.trim() ? v.trim() : undefined);
function discoverOpts(values, io) {
    return {
        cwd: io.cwd,
        ...(values.ext
            ? {
                extensions: list(values.ext)
                    .flatMap((e) => e.split(','))
                    .filter(Boolean),
            }
            : {}),
        ...(values.ignore ? { ignore: list(values.ignore) } : {}),
        includeNodeModules: values['include-node-modules'] === true,
    };
}
async function runCheck(paths, values, io) {
    const report = await (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__/* .validateSourcemaps */ .Dj)(paths, {
        ...discoverOpts(values, io),
        requireDebugIds: values['require-debug-ids'] === true,
    });
    if (values.json)
        io.stdout(JSON.stringify(report, null, 2));
    else if (values.markdown)
        io.stdout((0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderReportMarkdown */ .Ay)(report));
    else
        for (const line of (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderReportText */ .Uv)(report))
            io.stdout(line);
    if (!report.ok && values.strict) {
        io.stderr(`faultline sourcemaps check: ${report.findings.length} problem(s) found (strict mode)`);
        return 1;
    }
    return 0;
}
async function runInject(paths, values, io) {
    const { extensions, ...rest } = discoverOpts(values, io);
    const result = await (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__/* .injectDebugIds */ .LW)(paths, {
        ...rest,
        ...(extensions ? { extensions: extensions.filter((e) => e !== 'map') } : {}),
        dryRun: values['dry-run'] === true,
    });
    for (const w of result.warnings)
        io.stderr(`warning: ${w}`);
    if (values.json)
        io.stdout(JSON.stringify(result, null, 2));
    else {
        io.stdout(`> Found ${result.filesFound} file(s)`);
        io.stdout(`> Injected ${result.injected.length} script(s) and ${result.sourcemaps.length} map(s); ` +
            `${result.previouslyInjected.length} already had a debug ID${values['dry-run'] ? ' (dry run: nothing written)' : ''}`);
        for (const line of (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__/* .renderInjectReport */ .S9)(result))
            io.stdout(line);
    }
    return 0;
}
async function runUpload(paths, values, io) {
    const env = io.env;
    const connection = sentryConnection(values, env);
    const { token, org } = connection;
    if (!token)
        throw new UsageError('no auth token: set SENTRY_AUTH_TOKEN (or pass --auth-token)');
    if (!org)
        throw new UsageError('no organization: set SENTRY_ORG (or pass --org), or use an org auth token');
    const projects = [
        ...list(values.project),
        ...(values.project ? [] : (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__/* .splitPathList */ .IB)(env.SENTRY_PROJECT ?? '').flatMap((p) => p.split(/\s+/))),
    ].filter(Boolean);
    const groups = (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__/* .parseUploadTargets */ .VQ)(paths, projects);
    if (groups.some((g) => g.projects.length === 0))
        throw new UsageError('no project: pass --project (or set SENTRY_PROJECT), or give paths as DIR:PROJECT');
    const release = nonEmpty(values.release) ?? nonEmpty(env.SENTRY_RELEASE);
    const dist = nonEmpty(values.dist) ?? nonEmpty(env.SENTRY_DIST);
    const waitTimeout = values['wait-timeout'] === undefined ? undefined : Number(values['wait-timeout']);
    if (waitTimeout !== undefined && !(waitTimeout > 0))
        throw new UsageError(`--wait-timeout must be a number of seconds > 0, got "${String(values['wait-timeout'])}"`);
    const log = values.json ? () => { } : (line) => io.stdout(line);
    const opts = discoverOpts(values, io);
    const dryRun = values['dry-run'] === true;
    let knownMapDebugIds;
    if (values.inject) {
        const injected = await (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__/* .injectDebugIds */ .LW)(groups.flatMap((g) => g.paths), { ...opts, ...(opts.extensions ? { extensions: opts.extensions.filter((e) => e !== 'map') } : {}), dryRun });
        for (const w of injected.warnings)
            io.stderr(`warning: ${w}`);
        log(`> Injected ${injected.injected.length} script(s), ${injected.previouslyInjected.length} already had a debug ID`);
        knownMapDebugIds = injected.mapDebugIds;
    }
    if (dryRun)
        return planUpload(groups, opts, values, io);
    // Loaded here so that check and inject start without the HTTP stack.
    const { SentryClient } = await Promise.all(/* import() */[__webpack_require__.e(321), __webpack_require__.e(663)]).then(__webpack_require__.bind(__webpack_require__, 6321));
    const client = new SentryClient({ token, org, url: connection.url, userAgent: `faultline-cli/${_version_js__WEBPACK_IMPORTED_MODULE_2__/* .VERSION */ .x}` });
    const summary = await (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__/* .uploadSourcemaps */ .Eu)(client, {
        ...opts,
        groups,
        ...(release ? { release } : {}),
        ...(dist ? { dist } : {}),
        ...(values['url-prefix'] !== undefined ? { urlPrefix: String(values['url-prefix']) } : {}),
        ...(values['url-suffix'] !== undefined ? { urlSuffix: String(values['url-suffix']) } : {}),
        wait: values.wait === true,
        ...(waitTimeout !== undefined ? { waitTimeoutMs: waitTimeout * 1000 } : {}),
        deleteAfterUpload: values['delete-after-upload'] === true,
        strict: values.strict === true,
        ...(knownMapDebugIds ? { knownMapDebugIds } : {}),
        log,
        ...(values.json ? {} : { progress: (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__/* .uploadProgress */ .f)((0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .progressOutput */ .FL)(io)) }),
    });
    if (values.json)
        io.stdout(JSON.stringify(summary, null, 2));
    else
        io.stdout(`> Uploaded ${summary.filesUploaded} file(s): ${summary.chunksSent} chunk(s) sent, ${summary.chunksSkipped} ` +
            `skipped, state ${summary.state}${summary.bundleId ? `, bundle ${summary.bundleId}` : ''}`);
    return 0;
}
/** `upload --dry-run`: what would be sent, with nothing sent (no client is even made). */
async function planUpload(groups, opts, values, io) {
    const planned = [];
    for (const group of groups) {
        const files = await (0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__/* .collectUploadFiles */ .Nv)(group.paths, { ...opts, groups });
        planned.push({ projects: group.projects, files: files.length, bytes: files.reduce((n, f) => n + f.bytes, 0) });
    }
    if (values.json)
        io.stdout(JSON.stringify({ dryRun: true, bundles: planned }, null, 2));
    else
        for (const p of planned)
            io.stdout(`> Dry run: would upload ${p.files} file(s) (${(0,_sourcemaps_index_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(p.bytes)}) to ${p.projects.join(', ')}; nothing sent`);
    return 0;
}
/** Flags > SENTRY_* > what an org auth token names. */
function sentryConnection(values, env) {
    const flag = (name) => values[name];
    try {
        return (0,_connection_config_js__WEBPACK_IMPORTED_MODULE_4__/* .cliConnection */ .H)({ url: flag('url'), org: flag('org'), token: flag('auth-token') }, env);
    }
    catch (error) {
        if (error instanceof _connection_config_js__WEBPACK_IMPORTED_MODULE_4__/* .ConnectionError */ .R)
            throw new UsageError(error.message);
        throw error;
    }
}
async function runSourcemapsCommand(argv, io) {
    let values;
    let positionals;
    try {
        ({ values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
    }
    catch (error) {
        io.stderr(`faultline sourcemaps: ${error instanceof Error ? error.message : String(error)}`);
        io.stderr('Run `faultline sourcemaps --help` for the flags.');
        return 2;
    }
    const [sub, ...paths] = positionals;
    if (values.help || sub === 'help') {
        io.stdout(SOURCEMAPS_HELP);
        return 0;
    }
    if (sub !== 'check' && sub !== 'inject' && sub !== 'upload') {
        io.stderr(sub ? `faultline sourcemaps: unknown subcommand "${sub}"` : 'faultline sourcemaps: a subcommand is needed');
        io.stderr(SOURCEMAPS_HELP);
        return 2;
    }
    if (paths.length === 0) {
        io.stderr(`faultline sourcemaps ${sub}: give at least one path, e.g. \`faultline sourcemaps ${sub} ./dist\``);
        return 2;
    }
    try {
        if (sub === 'check')
            return await runCheck(paths, values, io);
        if (sub === 'inject')
            return await runInject(paths, values, io);
        return await runUpload(paths, values, io);
    }
    catch (error) {
        if (error instanceof UsageError) {
            io.stderr(`faultline sourcemaps ${sub}: ${error.message}`);
            return 2;
        }
        io.stderr(`faultline sourcemaps ${sub}: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
    }
}


/***/ })

};
