export const id = 199;
export const ids = [199];
export const modules = {

/***/ 6199:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ALERTS_HELP: () => (/* binding */ ALERTS_HELP),
/* harmony export */   runAlertsCommand: () => (/* binding */ runAlertsCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7975);
/* harmony import */ var _alerts_index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1254);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7319);
/* harmony import */ var _connection_config_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5523);
// `faultline alerts <plan|apply>`: the alert rules in .github/faultline.yml, planned against Sentry and applied.






const ALERTS_HELP = `Usage: faultline alerts <plan|apply> [flags]

  plan    compares the alert rules in the config with the rules Sentry holds and prints what apply would do.
          Exit code: 0 nothing to change, 2 changes pending, 1 error (as terraform plan -detailed-exitcode).
  apply   makes the changes and prints what it did. A second plan after it is empty.

faultline changes only the rules it manages (their names end in " [faultline]"); a rule made by hand is left
alone unless a config rule adopts it by name (adopt: true). A managed rule that left the config is deleted only
with alerts.prune: true.

Flags:
  --config FILE       the config (default .github/faultline.yml)
  --json              plan: print the plan as JSON
  --markdown          plan: print the plan as markdown (for a job summary)
  --url URL           Sentry server root (SENTRY_URL; default https://sentry.io)
  -o, --org SLUG      must match sentry.org of the config when given (SENTRY_ORG)
  --auth-token T      SENTRY_AUTH_TOKEN; prefer the variable (needs alerts:write, org:read, project:read)

Examples:
  faultline alerts plan
  faultline alerts plan --config ci/faultline.yml --json
  faultline alerts apply
`;
const OPTIONS = {
    config: { type: 'string' },
    json: { type: 'boolean' },
    markdown: { type: 'boolean' },
    url: { type: 'string' },
    org: { type: 'string', short: 'o' },
    'auth-token': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
};
class UsageError extends Error {
}
const nonEmpty = (v) => (v?.trim() ? v.trim() : undefined);
async function readSettings(values, io) {
    const configPath = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(io.cwd, nonEmpty(values.config) ?? '.github/faultline.yml');
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(configPath, 'utf8');
    }
    catch {
        throw new UsageError(`cannot read ${configPath}: pass --config FILE or run from the repository's root`);
    }
    const config = (0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .parseAlertsConfig */ .XV)(text, configPath);
    const { url, org, token } = (0,_connection_config_js__WEBPACK_IMPORTED_MODULE_4__/* .cliConnection */ .H)({
        url: values.url,
        org: values.org,
        token: values['auth-token'],
    }, io.env);
    if (!token)
        throw new UsageError('no auth token: set SENTRY_AUTH_TOKEN (or pass --auth-token)');
    if (org && org !== config.org) {
        const source = values.org ? '--org' : io.env.SENTRY_ORG?.trim() ? 'SENTRY_ORG' : "the org auth token's org";
        throw new UsageError(`${source} is "${org}" but ${configPath} says sentry.org: ${config.org}: make them agree`);
    }
    const { SentryClient } = await Promise.all(/* import() */[__webpack_require__.e(321), __webpack_require__.e(663)]).then(__webpack_require__.bind(__webpack_require__, 6321));
    const client = new SentryClient({ token, org: config.org, url, userAgent: `faultline-cli/${_version_js__WEBPACK_IMPORTED_MODULE_5__/* .VERSION */ .x}` });
    return { configPath, config, client };
}
async function runPlan(settings, values, io) {
    const plan = await (0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .planAlertRules */ .Jd)(settings.client, settings.config);
    const changes = (0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .hasChanges */ .ik)(plan);
    if (values.json)
        io.stdout(JSON.stringify({ changes, ...plan }, null, 2));
    else if (values.markdown)
        io.stdout((0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPlanMarkdown */ .d$)(plan));
    else
        io.stdout((0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPlanText */ .$D)(plan));
    return changes ? 2 : 0;
}
async function runApply(settings, io) {
    const plan = await (0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .planAlertRules */ .Jd)(settings.client, settings.config);
    io.stdout((0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderPlanText */ .$D)(plan));
    io.stdout('');
    const applied = await (0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .applyAlertsPlan */ .jQ)(settings.client, plan);
    io.stdout((0,_alerts_index_js__WEBPACK_IMPORTED_MODULE_3__/* .renderApplied */ .Ch)(plan.org, applied));
    return 0;
}
async function runAlertsCommand(argv, io) {
    let values;
    let positionals;
    try {
        ({ values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_2__.parseArgs)({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
    }
    catch (error) {
        io.stderr(`faultline alerts: ${error instanceof Error ? error.message : String(error)}`);
        io.stderr('Run `faultline alerts --help` for the flags.');
        return 1;
    }
    const [sub, ...rest] = positionals;
    if (values.help || sub === 'help') {
        io.stdout(ALERTS_HELP);
        return 0;
    }
    if ((sub !== 'plan' && sub !== 'apply') || rest.length > 0) {
        io.stderr(sub ? `faultline alerts: unknown subcommand "${[sub, ...rest].join(' ')}"` : 'faultline alerts: plan or apply?');
        io.stderr(ALERTS_HELP);
        return 1;
    }
    try {
        const settings = await readSettings(values, io);
        return sub === 'plan' ? await runPlan(settings, values, io) : await runApply(settings, io);
    }
    catch (error) {
        // Config, plan and apply errors name the config key; Sentry API errors name the call and the fix.
        io.stderr(`faultline alerts ${sub}: ${error instanceof Error ? error.message : String(error)}`);
        return 1;
    }
}


/***/ }),

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
