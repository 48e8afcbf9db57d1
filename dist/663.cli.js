export const id = 663;
export const ids = [663];
export const modules = {

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
