#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 3339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

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

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 8253:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util/types");

/***/ }),

/***/ 7412:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ak: () => (/* binding */ runCli)
/* harmony export */ });
/* unused harmony exports USAGE, MIN_NODE_MAJOR, nodeTooOld */
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3024);
/* harmony import */ var _sentry_config_file_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7357);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7319);
// The faultline CLI's dispatcher: `faultline <command> [flags]`. A command's module is loaded only when it runs, so
// `--help` and `--version` work on any Node.js, while the commands (node:http's proxyEnv, node:sqlite) say in one line when the
// running Node.js is older than they need.



const USAGE = `faultline ${_version_js__WEBPACK_IMPORTED_MODULE_1__/* .VERSION */ .x}: Sentry releases and source maps from any CI or a laptop

Usage: faultline <command> [flags]

Commands:
  release      create the release, associate commits, upload source maps, finalize, record a deploy
  sourcemaps   check | inject | upload source maps on their own
  doctor       check the Sentry (and app) setup: ✓/✗ per check with the fix
  alerts       plan | apply the alert rules of .github/faultline.yml
  jobs         list | show | retry | discard the app's jobs (dead letters)

Examples:
  faultline release --projects web --sourcemaps ./dist --environment production
  faultline release --release 1.4.0 --projects web --steps deploy --environment staging
  faultline release --projects web --sourcemaps ./dist --dry-run
  faultline sourcemaps check ./dist
  faultline doctor
  faultline alerts plan
  faultline jobs list --state dead

Environment: SENTRY_AUTH_TOKEN, SENTRY_ORG, SENTRY_URL, SENTRY_PROJECT, SENTRY_RELEASE, SENTRY_ENVIRONMENT,
SENTRY_LOG_LEVEL, GITHUB_TOKEN. As sentry-cli, faultline reads .sentryclirc ([defaults] url, org, project; [auth]
token) from this directory upwards and from the home directory, and the file SENTRY_PROPERTIES names; flags win
over variables, which win over the files. An organization auth token names its server and organization.
--log-level trace|debug|info|warn|error (SENTRY_LOG_LEVEL) works with every command.
Run \`faultline <command> --help\` for a command's flags.`;
const DEFAULT_COMMANDS = {
    release: async (argv, io) => (await Promise.all(/* import() */[__nccwpck_require__.e(382), __nccwpck_require__.e(359), __nccwpck_require__.e(321), __nccwpck_require__.e(743), __nccwpck_require__.e(322)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9322))).runReleaseCommand(argv, io),
    sourcemaps: async (argv, io) => (await Promise.all(/* import() */[__nccwpck_require__.e(382), __nccwpck_require__.e(743), __nccwpck_require__.e(958)]).then(__nccwpck_require__.bind(__nccwpck_require__, 7958))).runSourcemapsCommand(argv, io),
    doctor: async (argv, io) => (await __nccwpck_require__.e(/* import() */ 239).then(__nccwpck_require__.bind(__nccwpck_require__, 9239))).runDoctorCommand(argv, io),
    alerts: async (argv, io) => (await Promise.all(/* import() */[__nccwpck_require__.e(533), __nccwpck_require__.e(254), __nccwpck_require__.e(199)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6199))).runAlertsCommand(argv, io),
    jobs: async (argv, io) => (await __nccwpck_require__.e(/* import() */ 240).then(__nccwpck_require__.bind(__nccwpck_require__, 2240))).runJobsCommand(argv, io),
};
/** The oldest Node.js major the commands run on, as package.json's `engines` says. */
const MIN_NODE_MAJOR = 24;
/** The one line a command prints on a Node.js older than MIN_NODE_MAJOR; undefined on a recent enough one. */
function nodeTooOld(command, nodeVersion) {
    const version = nodeVersion.replace(/^v/, '');
    if (Number(version.split('.')[0]) >= MIN_NODE_MAJOR)
        return undefined;
    return (`faultline ${command}: needs Node.js ${MIN_NODE_MAJOR} or newer (this is v${version}); ` +
        `install Node.js ${MIN_NODE_MAJOR} and run it again`);
}
function isCommand(name) {
    return name === 'release' || name === 'sourcemaps' || name === 'doctor' || name === 'alerts' || name === 'jobs';
}
async function runCli(argv, rawIo, commands = DEFAULT_COMMANDS, nodeVersion = process.versions.node) {
    // Every line any command prints goes through here: a server's error text that echoes the token prints masked.
    const io = (0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .maskedIo */ .WM)(rawIo, (0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .knownSecrets */ .xU)(argv, rawIo.env));
    const [command, ...rest] = argv;
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
        (command === undefined ? io.stderr : io.stdout)(USAGE);
        return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-v') {
        io.stdout(_version_js__WEBPACK_IMPORTED_MODULE_1__/* .VERSION */ .x);
        return 0;
    }
    if (!isCommand(command)) {
        io.stderr(`faultline: unknown command "${command}"`);
        io.stderr('');
        io.stderr(USAGE);
        return 2;
    }
    const tooOld = nodeTooOld(command, nodeVersion);
    if (tooOld) {
        io.stderr(tooOld);
        return 1;
    }
    try {
        const prepared = await (0,_sentry_config_file_js__WEBPACK_IMPORTED_MODULE_0__/* .withSentryCliConfig */ .qx)(rest, io);
        return await commands[command](prepared.argv, prepared.io);
    }
    catch (error) {
        if (!(error instanceof _sentry_config_file_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigFileError */ .x))
            throw error;
        io.stderr(`faultline ${command}: ${error.message}`);
        return 2;
    }
}


/***/ }),

/***/ 3024:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FL: () => (/* binding */ progressOutput),
/* harmony export */   WM: () => (/* binding */ maskedIo),
/* harmony export */   Wr: () => (/* binding */ processIo),
/* harmony export */   xU: () => (/* binding */ knownSecrets)
/* harmony export */ });
/* harmony import */ var _sentry_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1042);
/** What a CLI command gets from the process: the environment, the directory, and two line printers. */

function processIo() {
    return {
        env: process.env,
        cwd: process.cwd(),
        stdout: (line) => process.stdout.write(`${line}\n`),
        stderr: (line) => process.stderr.write(`${line}\n`),
        ...(process.stderr.isTTY ? { redraw: (text) => process.stderr.write(`\r\x1b[2K${text}`) } : {}),
    };
}
/** Where upload progress goes: a redrawn line on a terminal, else a line on stderr every few seconds. */
function progressOutput(io) {
    return { line: (text) => io.stderr(text), ...(io.redraw ? { redraw: (text) => io.redraw(text) } : {}) };
}
/** Environment variables that hold credentials. */
const SECRET_VARIABLES = ['SENTRY_AUTH_TOKEN', 'GITHUB_TOKEN', 'SENTRY_CLIENT_SECRET'];
/** Flags that take a credential as their value. */
const SECRET_FLAGS = ['--auth-token', '--github-token'];
/** Shorter values would blank out ordinary words; no real credential is that short. */
const MIN_SECRET_LENGTH = 6;
/** The credentials a run knows from its flags and environment, with the secret part of an org token on its own. */
function knownSecrets(argv, env) {
    const values = SECRET_VARIABLES.map((name) => env[name] ?? '');
    argv.forEach((arg, i) => {
        for (const flag of SECRET_FLAGS) {
            if (arg === flag)
                values.push(argv[i + 1] ?? '');
            else if (arg.startsWith(`${flag}=`))
                values.push(arg.slice(flag.length + 1));
        }
    });
    return values.flatMap(secretParts);
}
/** A token, and for `sntrys_<claims>_<secret>` the secret on its own (the claims are not secret). */
function secretParts(value) {
    const token = value.trim();
    if (token.length < MIN_SECRET_LENGTH)
        return [];
    const orgSecret = token.startsWith('sntrys_') ? token.split('_')[2] : undefined;
    return orgSecret && orgSecret.length >= MIN_SECRET_LENGTH ? [token, orgSecret] : [token];
}
/** `io` whose every line has each known credential (and any bearer or Sentry token) replaced by [redacted]. */
function maskedIo(io, secrets) {
    // Longest first, so a whole token is masked before a part of it.
    const masked = [...new Set(secrets)].sort((a, b) => b.length - a.length);
    const clean = (line) => masked.reduce((out, secret) => (0,_sentry_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactSecret */ .Y)(out, secret), (0,_sentry_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redactSecret */ .Y)(line, ''));
    return {
        ...io,
        stdout: (line) => io.stdout(clean(line)),
        stderr: (line) => io.stderr(clean(line)),
        ...(io.redraw ? { redraw: (text) => io.redraw(clean(text)) } : {}),
        mask: (secret) => {
            for (const part of secretParts(secret))
                if (!masked.includes(part))
                    masked.push(part);
            masked.sort((a, b) => b.length - a.length);
        },
    };
}


/***/ }),

/***/ 8613:
/***/ ((__webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7412);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
// The CLI's entry (bundled to dist/cli.js, the package's `bin`). No logic here: see cli.ts.


process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), (0,_io_js__WEBPACK_IMPORTED_MODULE_1__/* .processIo */ .Wr)());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7357:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ML: () => (/* binding */ parseLogLevel),
/* harmony export */   qx: () => (/* binding */ withSentryCliConfig),
/* harmony export */   x: () => (/* binding */ ConfigFileError)
/* harmony export */ });
/* unused harmony exports LOG_LEVELS, parseIni, parseProperties, settingsFrom, loadSentryCliConfig, takeLogLevel */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
// sentry-cli's configuration files, read as sentry-cli reads them (src/config.rs in getsentry/sentry-cli): the
// global ~/.sentryclirc (else <config dir>/sentry/sentrycli.ini), overlaid by the nearest .sentryclirc (or
// sentrycli.ini) from the current directory upwards, overlaid by the Java-style properties file that
// SENTRY_PROPERTIES names (sentry.properties, keys like `defaults.url`). Their values are defaults: the SENTRY_*
// variables win over them, and flags win over both.


/** The settings faultline takes from the files, under the variable each one stands in for. */
const SETTINGS = [
    { section: 'defaults', key: 'url', variable: 'SENTRY_URL' },
    { section: 'defaults', key: 'org', variable: 'SENTRY_ORG' },
    { section: 'defaults', key: 'project', variable: 'SENTRY_PROJECT' },
    { section: 'auth', key: 'token', variable: 'SENTRY_AUTH_TOKEN' },
    { section: 'log', key: 'level', variable: 'SENTRY_LOG_LEVEL' },
];
const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'];
class ConfigFileError extends Error {
    name = 'ConfigFileError';
}
function set(values, section, key, value) {
    let keys = values.get(section);
    if (!keys)
        values.set(section, (keys = new Map()));
    keys.set(key, value);
}
const unquote = (v) => (/^"(.*)"$/.test(v) || /^'(.*)'$/.test(v) ? v.slice(1, -1) : v);
/** An INI file (.sentryclirc): `[section]`, `key = value` (or `key: value`), `;` and `#` comments, CRLF or LF. */
function parseIni(text) {
    const values = new Map();
    let section = '';
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (!line || line.startsWith(';') || line.startsWith('#'))
            continue;
        const header = /^\[([^\]]*)\]$/.exec(line);
        if (header) {
            section = header[1].trim();
            continue;
        }
        const sep = line.search(/[=:]/);
        if (sep <= 0)
            continue;
        set(values, section, line.slice(0, sep).trim(), unquote(line.slice(sep + 1).trim()));
    }
    return values;
}
/**
 * A Java properties file (sentry.properties): `section.key=value` (also `:` or a space), `#` and `!` comments, a
 * trailing backslash continues the line. The key's last dot splits section from key, as sentry-cli splits it.
 */
function parseProperties(text) {
    const values = new Map();
    const lines = text.replace(/\\\r?\n[ \t\f]*/g, '').split(/\r?\n/);
    for (const raw of lines) {
        const line = raw.replace(/^[ \t\f]+/, '');
        if (!line || line.startsWith('#') || line.startsWith('!'))
            continue;
        const match = /^((?:\\.|[^=:\s\\])+)[ \t\f]*[=:\s]?[ \t\f]*(.*)$/.exec(line);
        if (!match)
            continue;
        const fullKey = match[1].replace(/\\(.)/g, '$1');
        const dot = fullKey.lastIndexOf('.');
        const section = dot < 0 ? '' : fullKey.slice(0, dot);
        set(values, section, fullKey.slice(dot + 1), match[2].replace(/\\(.)/g, '$1').trimEnd());
    }
    return values;
}
function overlay(base, top) {
    for (const [section, keys] of top)
        for (const [key, value] of keys)
            set(base, section, key, value);
    return base;
}
/** The settings in the merged files, under their variable names. */
function settingsFrom(values) {
    const out = {};
    for (const { section, key, variable } of SETTINGS) {
        const value = values.get(section)?.get(key)?.trim();
        if (value)
            out[variable] = value;
    }
    return out;
}
const readIfThere = async (path) => {
    try {
        return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT' || error.code === 'EISDIR')
            return undefined;
        throw new ConfigFileError(`cannot read ${path}: ${error.message}`);
    }
};
/** The user's config directory as sentry-cli's `dirs::config_dir` finds it. */
function configDir(env, home) {
    if (env.APPDATA)
        return env.APPDATA;
    if (env.XDG_CONFIG_HOME)
        return env.XDG_CONFIG_HOME;
    return home ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(home, '.config') : undefined;
}
/** Reads the files sentry-cli would read for a run in `cwd`. */
async function loadSentryCliConfig(cwd, env, read = readIfThere) {
    const values = new Map();
    const files = [];
    const apply = async (path, parse) => {
        const text = await read(path);
        if (text === undefined)
            return false;
        overlay(values, parse(text));
        files.push(path);
        return true;
    };
    const home = env.HOME || env.USERPROFILE || undefined;
    const globalDir = configDir(env, home);
    if (!(home && (await apply((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(home, '.sentryclirc'), parseIni))) && globalDir) {
        await apply((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(globalDir, 'sentry', 'sentrycli.ini'), parseIni);
    }
    for (let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd);; dir = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir)) {
        if (dir !== home && (await apply((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, '.sentryclirc'), parseIni)))
            break;
        if (dir !== home && (await apply((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'sentrycli.ini'), parseIni)))
            break;
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(dir) === dir)
            break;
    }
    const properties = env.SENTRY_PROPERTIES?.trim();
    if (properties && !(await apply((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, properties), parseProperties))) {
        throw new ConfigFileError(`SENTRY_PROPERTIES names ${properties}, which does not exist`);
    }
    return { settings: settingsFrom(values), files };
}
/** The global `--log-level LEVEL` flag (anywhere in argv, as sentry-cli takes it), taken out of argv. */
function takeLogLevel(argv) {
    const rest = [];
    let level;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--') {
            rest.push(...argv.slice(i));
            break;
        }
        if (arg === '--log-level')
            level = argv[++i] ?? '';
        else if (arg.startsWith('--log-level='))
            level = arg.slice('--log-level='.length);
        else
            rest.push(arg);
    }
    return { argv: rest, ...(level !== undefined ? { level } : {}) };
}
function parseLogLevel(value, setting) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const level = value.trim().toLowerCase();
    if (LOG_LEVELS.includes(level))
        return level;
    throw new ConfigFileError(`${setting} is "${value}": use one of ${LOG_LEVELS.join(', ')}`);
}
/**
 * The io a command runs with: the config files' values as SENTRY_* defaults (variables already set win) and
 * `--log-level` as SENTRY_LOG_LEVEL (the flag wins over both).
 */
async function withSentryCliConfig(argv, io) {
    const taken = takeLogLevel(argv);
    if (taken.level !== undefined)
        parseLogLevel(taken.level || 'missing', '--log-level');
    const { settings } = await loadSentryCliConfig(io.cwd, io.env);
    const env = { ...io.env };
    for (const [name, value] of Object.entries(settings))
        if (!env[name]?.trim())
            env[name] = value;
    if (taken.level)
        env.SENTRY_LOG_LEVEL = taken.level;
    const source = taken.level ? '--log-level' : io.env.SENTRY_LOG_LEVEL?.trim() ? 'SENTRY_LOG_LEVEL' : '[log] level';
    parseLogLevel(env.SENTRY_LOG_LEVEL, source);
    return { argv: taken.argv, io: { ...io, env } };
}


/***/ }),

/***/ 1042:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ redactSecret)
/* harmony export */ });
/** Removes secrets from text that may reach a log line or an error message. Pure: no I/O. */
const REDACTED = '[redacted]';
/** Replaces every occurrence of `secret`, any bearer credential, and Sentry-style tokens in `text`. */
function redactSecret(text, secret) {
    let out = secret ? text.split(secret).join(REDACTED) : text;
    out = out.replace(/(Bearer|Basic)\s+[^\s"',]+/gi, `$1 ${REDACTED}`);
    out = out.replace(/\bsntry[su]_[A-Za-z0-9+/=_-]+/g, REDACTED);
    return out;
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
/******/ 		return "" + chunkId + ".cli.js";
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
/******/ var __webpack_exports__ = __nccwpck_require__(8613);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
