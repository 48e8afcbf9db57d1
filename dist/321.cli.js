export const id = 321;
export const ids = [321];
export const modules = {

/***/ 6321:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qC: () => (/* reexport */ errors/* SentryApiError */.qC),
  SentryClient: () => (/* reexport */ SentryClient),
  lN: () => (/* reexport */ scopesFor)
});

// UNUSED EXPORTS: SentryAnswerError, SentryAssembleError, SentryConfigError, SentryConnectionError, SentryValidationError, agentFetch, nextPageCursor, parseLinkHeader, sharedSentryAgents, signWebhookBody, verifyWebhookSignature

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./.build/src/version.js
var version = __webpack_require__(7319);
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
var errors = __webpack_require__(9464);
// EXTERNAL MODULE: ./.build/src/sentry/agents.js
var agents = __webpack_require__(3213);
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

// EXTERNAL MODULE: ./.build/src/sentry/redact.js
var redact = __webpack_require__(1042);
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
        return (0,redact/* redactSecret */.Y)(text, this.#o.token);
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
var agent_fetch = __webpack_require__(3663);
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










/***/ })

};
