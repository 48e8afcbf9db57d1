export const id = 387;
export const ids = [387];
export const modules = {

/***/ 1271:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  JobsAdminError: () => (/* binding */ JobsAdminError),
  openJobsAdmin: () => (/* binding */ openJobsAdmin)
});

// UNUSED EXPORTS: storageFromEnv

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(643);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./.build/app/config.js
var config = __webpack_require__(5062);
;// CONCATENATED MODULE: ./.build/app/log.js
const silentLog = { debug() { }, info() { }, warn() { }, error() { } };
/** A Log that keeps its lines, for tests and for a one-line check of what a request left behind. */
function memoryLog() {
    const lines = [];
    const at = (level) => (fields, message) => {
        lines.push({ level, fields, message });
    };
    return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
/** A Log whose every line carries `fields` (a request id, the Sentry issue id): one delivery, one thread to follow. */
function withFields(log, fields) {
    const at = (level) => (more, message) => {
        log[level]({ ...fields, ...more }, message);
    };
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
/**
 * Re-serializes one JSON log line so each key appears once: pino appends a child's bindings after its parent's, so
 * Probot's `name: "probot"` and a child's `name: "octokit"` both reach the line; the child's (the later, more
 * specific) value is kept. A line that is not JSON passes unchanged.
 */
function dedupeLogLine(line) {
    try {
        return JSON.stringify(JSON.parse(line));
    }
    catch {
        return line;
    }
}
/** The Sentry issue a webhook body is about: `data.issue.id` (issue webhooks) or `data.event.issue_id` (alerts). */
function sentryIssueIdIn(body) {
    const data = body?.data;
    const id = data?.issue?.id ?? data?.event?.issue_id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

;// CONCATENATED MODULE: ./.build/app/scrub/detectors.js
// What counts as a secret or as personal data in event text, as detectors that return the spans to remove.
// Event text is written by whoever can make the monitored app throw, so every detector runs in time linear in the
// text: regular expressions have only bounded quantifiers and no nested or overlapping ones (from any position the
// engine looks at a bounded number of characters), and the few that need more (a private key block, key=value) are
// found with a literal search and examined in a bounded window. The kinds follow what gitleaks and secretlint
// cover (cloud keys, VCS tokens, chat and mail service keys, payment keys, private keys, JWTs, connection strings)
// plus Sentry's own tokens and DSN keys, and PII (e-mail, IP addresses, phone numbers, card numbers, IBAN, SSN).
// Not a letter or digit before the token: `\b` would fail after an underscore (`x_ghp_…`).
const B = '(?<![A-Za-z0-9])';
// Not a token character after it.
const E = '(?![A-Za-z0-9_-])';
/** Provider token formats whose shape alone says "secret". Bounded lengths keep each attempt short. */
const TOKEN_FORMATS = [
    // VCS and registries
    'gh[pousr]_[A-Za-z0-9]{30,255}',
    'github_pat_[A-Za-z0-9_]{22,255}',
    'glpat-[A-Za-z0-9_-]{20,64}',
    'gl(?:dt|rt|ptt|ft|imt|agent|oas|cbt|soat)-[A-Za-z0-9_-]{20,64}',
    'GR1348941[A-Za-z0-9_-]{20,64}',
    'npm_[A-Za-z0-9]{36}',
    'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300}',
    'dckr_pat_[A-Za-z0-9_-]{27,64}',
    'rubygems_[a-f0-9]{48}',
    'oy2[a-z0-9]{43}', // NuGet
    // Sentry
    'sntry[su]_[A-Za-z0-9+/=_-]{20,400}',
    // Cloud
    '(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[0-9A-Z]{16}',
    'AIza[0-9A-Za-z_-]{35}',
    'GOCSPX-[A-Za-z0-9_-]{28}',
    'ya29\\.[A-Za-z0-9_-]{20,400}',
    'dop_v1_[a-f0-9]{64}',
    'do[or]_v1_[a-f0-9]{64}',
    'hvs\\.[A-Za-z0-9_-]{24,200}',
    '[a-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,120}',
    'AccountKey=[A-Za-z0-9+/=]{40,100}',
    'SharedAccessSignature=[^\\s;"\']{10,300}',
    'dapi[a-f0-9]{32}', // Databricks
    'hf_[A-Za-z]{34}', // Hugging Face
    'NRAK-[A-Z0-9]{27}', // New Relic
    'PMAK-[a-f0-9]{24}-[a-f0-9]{34}', // Postman
    'dp\\.(?:pt|st|sa|ct)\\.[A-Za-z0-9]{40,44}', // Doppler
    'lin_api_[A-Za-z0-9]{40}', // Linear
    'gl(?:c|sa)_[A-Za-z0-9+/_=-]{32,200}', // Grafana
    'AGE-SECRET-KEY-1[0-9A-Z]{58}',
    // Chat and mail
    'xox[abposre]-[A-Za-z0-9-]{10,250}',
    'xapp-\\d-[A-Z0-9]{9,12}-\\d{10,14}-[a-f0-9]{40,80}',
    'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}', // SendGrid
    'key-[0-9a-f]{32}', // Mailgun
    '[0-9a-f]{32}-us\\d{1,2}', // Mailchimp
    'SK[0-9a-f]{32}', // Twilio API key
    'AC[0-9a-f]{32}', // Twilio account SID
    '\\d{8,10}:AA[A-Za-z0-9_-]{33}', // Telegram bot
    // AI services
    'sk-ant-(?:api|admin)\\d\\d-[A-Za-z0-9_-]{80,120}',
    'sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,200}',
    'sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}',
    'sk-[A-Za-z0-9]{40,64}',
    // Payments and commerce
    '(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,255}', // Stripe
    'whsec_[A-Za-z0-9+/=]{20,100}',
    'sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}', // Square
    'EAAA[A-Za-z0-9_-]{60}', // Square access token
    'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}', // Shopify
    'access_token\\$production\\$[a-z0-9]{16}\\$[a-f0-9]{32}', // PayPal Braintree
    // JWT (three base64url parts, the first two JSON objects)
    'eyJ[A-Za-z0-9_-]{5,2000}\\.eyJ[A-Za-z0-9_-]{5,4000}\\.[A-Za-z0-9_-]{0,1000}',
    'eyJ[A-Za-z0-9_-]{5,2000}\\.[A-Za-z0-9_-]{5,4000}\\.[A-Za-z0-9_-]{10,1000}',
];
const TOKENS = new RegExp(`${B}(?:${TOKEN_FORMATS.join('|')})${E}`, 'g');
// Webhook URLs carry their secret in the path.
const SECRET_URLS = new RegExp([
    'hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]{20,200}',
    '(?:discord(?:app)?\\.com)/api/webhooks/\\d{5,30}/[A-Za-z0-9_-]{20,200}',
    '\\.webhook\\.office\\.com/webhookb2/[A-Za-z0-9@/_-]{20,400}',
    'outlook\\.office\\.com/webhook/[A-Za-z0-9@/_-]{20,400}',
].join('|'), 'gi');
// scheme://user:password@host (connection strings) and scheme://publickey@host (Sentry DSNs): the userinfo goes.
const URL_USERINFO = /(?<=[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/)(?:[^\s/:@"'<>]{1,256}(?::[^\s/@"'<>]{0,256})?|:[^\s/@"'<>]{1,256})(?=@)/g;
// Authorization schemes: the word stays, the credential goes.
const AUTH_SCHEME = /(?<![A-Za-z0-9])(?:Bearer|Basic|Token|Digest|Negotiate)\s{1,4}([A-Za-z0-9._~+/=-]{8,4096})/gi;
// E-mail: found from each "@" (a literal search), the local part read backwards at most 64 characters.
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])/y;
const IPV4 = /(?<![0-9.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![0-9]|\.\d)/g;
// IPv6: eight groups, or a compressed form with "::"; at least one digit and three colons (not a clock time).
const IPV6 = /(?<![0-9A-Fa-f:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){0,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?)(?![0-9A-Fa-f:])/g;
// A card number: 13 to 19 digits, optionally grouped by spaces or dashes, that passes the Luhn check.
const CARD = /(?<![0-9])\d(?:[ -]?\d){12,18}(?![0-9])/g;
// IBAN: country, check digits, then 11 to 30 alphanumerics, written solid or in groups of four; checked with mod 97.
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![A-Za-z0-9])/g;
// US social security number (not 000, 666 or 9xx areas; not 00 group; not 0000 serial).
const SSN = /(?<![0-9-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![0-9-])/g;
// Phone numbers: international (+CC …) with 8 to 15 digits, and the North American (555) 123-4567 / 555-123-4567.
const PHONE_INTL = /(?<![A-Za-z0-9+])\+\d[\d .()-]{6,22}\d(?![0-9])/g;
const PHONE_NANP = /(?<![0-9])(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![0-9])/g;
// Key names whose value is a secret. Used for key=value in text and for object keys.
const SECRET_KEY_WORDS = 'pass(?:word|wd|phrase)?|pwd|secret|token|api[-_]?key|apikey|authori[sz]ation|credential|cookie|session|signature|access[-_]?key|private[-_]?key|account[-_]?key|client[-_]?secret|x[-_]api[-_]key';
const KEY_WORD = new RegExp(SECRET_KEY_WORDS, 'gi');
const KEY_CHAR = /[A-Za-z0-9_.-]/;
const WORD_AFTER_PASSWORD = /^(?:pass(?:word|wd|phrase)?|pwd)$/i;
// Words that follow "password" in ordinary error text and are not the password.
const PROSE_AFTER_PASSWORD = new Set('is was for of the a an and or to in on with must cannot can not did does do expired missing mismatch too reset changed required invalid incorrect wrong empty length policy field hash hashing check reset change update updated provided given entered attempt attempts failed rejected should will has have had be been'.split(' '));
function* matches(pattern, text, group = 0) {
    for (const m of text.matchAll(pattern)) {
        const value = m[group];
        if (value === undefined)
            continue;
        const start = m.index + (group === 0 ? 0 : m[0].indexOf(value));
        yield { start, end: start + value.length };
    }
}
function* emails(text) {
    for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
        let start = at;
        while (start > 0 && at - start < 64 && EMAIL_LOCAL.test(text[start - 1]))
            start--;
        if (start === at)
            continue;
        EMAIL_DOMAIN.lastIndex = at + 1;
        const domain = EMAIL_DOMAIN.exec(text);
        if (!domain)
            continue;
        yield { start, end: at + 1 + domain[0].length };
        at += domain[0].length;
    }
}
function* checked(pattern, text, accept) {
    for (const m of text.matchAll(pattern))
        if (accept(m[0]))
            yield { start: m.index, end: m.index + m[0].length };
}
function luhn(digits) {
    if (digits.length < 13 || digits.length > 19)
        return false;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
        let d = digits.charCodeAt(digits.length - 1 - i) - 48;
        if (i % 2 === 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return sum % 10 === 0;
}
/** ISO 13616: move the first four characters to the end, letters to numbers, the whole mod 97 is 1. */
function ibanChecksumOk(candidate) {
    const iban = candidate.replace(/ /g, '');
    if (iban.length < 15 || iban.length > 34)
        return false;
    const moved = iban.slice(4) + iban.slice(0, 4);
    let rest = 0;
    for (const ch of moved) {
        const code = ch.charCodeAt(0);
        const value = code >= 65 ? code - 55 : code - 48;
        rest = (value > 9 ? rest * 100 + value : rest * 10 + value) % 97;
    }
    return rest === 1;
}
function digitCount(s) {
    let n = 0;
    for (let i = 0; i < s.length; i++)
        if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57)
            n++;
    return n;
}
/** PEM private key blocks, found by literal search: BEGIN … END, or to the end of the text when END is missing. */
function* privateKeys(text) {
    let from = 0;
    for (;;) {
        const begin = text.indexOf('-----BEGIN ', from);
        if (begin < 0)
            return;
        const head = text.slice(begin, begin + 80);
        if (!/^-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/.test(head)) {
            from = begin + 11;
            continue;
        }
        const endMark = text.indexOf('-----END ', begin + 11);
        const close = endMark < 0 ? -1 : text.indexOf('-----', endMark + 9);
        const end = close < 0 ? text.length : close + 5;
        yield { start: begin, end };
        from = end;
    }
}
/** `key=value`, `key: value`, `"key": "value"`, and `password <value>`, where the key names a secret. */
function* keyValues(text) {
    let skipUntil = 0;
    for (const m of text.matchAll(KEY_WORD)) {
        if (m.index < skipUntil)
            continue;
        let keyStart = m.index;
        while (keyStart > 0 && m.index - keyStart < 40 && KEY_CHAR.test(text[keyStart - 1]))
            keyStart--;
        let keyEnd = m.index + m[0].length;
        while (keyEnd < text.length && keyEnd - m.index < 60 && KEY_CHAR.test(text[keyEnd]))
            keyEnd++;
        const value = valueAfterKey(text, keyEnd, WORD_AFTER_PASSWORD.test(text.slice(keyStart, keyEnd)));
        if (!value)
            continue;
        skipUntil = value.end;
        yield value;
    }
}
const SEPARATOR = /^["']?[ \t]{0,8}(?::|=>?|:=)[ \t]{0,8}(["']?)/;
const SCHEME_WORD = /^(?:Bearer|Basic|Token|Digest|Negotiate)[ \t]{1,4}/i;
const MAX_VALUE = 4096;
function valueAfterKey(text, keyEnd, isPasswordWord) {
    const window = text.slice(keyEnd, keyEnd + 24);
    const sep = SEPARATOR.exec(window);
    if (sep) {
        let start = keyEnd + sep[0].length;
        const quote = sep[1];
        if (quote) {
            const close = text.indexOf(quote, start);
            const end = close < 0 || close - start > MAX_VALUE ? Math.min(text.length, start + MAX_VALUE) : close;
            return end > start ? { start, end } : undefined;
        }
        const scheme = SCHEME_WORD.exec(text.slice(start, start + 16));
        if (scheme)
            start += scheme[0].length;
        const end = runEnd(text, start, /[\s"'&,;}\]<>]/);
        return end > start ? { start, end } : undefined;
    }
    if (!isPasswordWord)
        return undefined;
    // "passwd hunter2": a password word, a space, then a value that is not the next word of a sentence.
    const gap = /^[ \t]{1,3}/.exec(window);
    if (!gap)
        return undefined;
    const start = keyEnd + gap[0].length;
    const end = runEnd(text, start, /[\s"'&,;}\]<>]/);
    const word = text.slice(start, end);
    if (!word || PROSE_AFTER_PASSWORD.has(word.toLowerCase().replace(/[.:!?]+$/, '')))
        return undefined;
    return { start, end };
}
function runEnd(text, start, stop) {
    let end = start;
    while (end < text.length && end - start < MAX_VALUE && !stop.test(text[end]))
        end++;
    return end;
}
const DETECTORS = [
    privateKeys,
    (t) => matches(TOKENS, t),
    (t) => matches(SECRET_URLS, t),
    (t) => matches(URL_USERINFO, t),
    (t) => matches(AUTH_SCHEME, t, 1),
    keyValues,
    emails,
    (t) => matches(IPV4, t),
    (t) => checked(IPV6, t, (m) => /\d/.test(m) && m.split(':').length > 3),
    (t) => checked(CARD, t, (m) => luhn(m.replace(/\D/g, ''))),
    (t) => checked(IBAN, t, ibanChecksumOk),
    (t) => matches(SSN, t),
    (t) => checked(PHONE_INTL, t, (m) => digitCount(m) >= 8 && digitCount(m) <= 15 && !/[ .()-]{3}/.test(m)),
    (t) => matches(PHONE_NANP, t),
];
/** Whether an object key names a secret or personal data, so its whole value goes. */
const SENSITIVE_KEY = new RegExp(`${SECRET_KEY_WORDS}|authenticat|(?:^|[-_.])auth(?:[-_.]|$)|csrf|xsrf|bearer|credit|card[-_]?number|cvv|cvc|ssn|social[-_]?security|iban|dsn`, 'i');

;// CONCATENATED MODULE: ./.build/app/scrub/index.js
// Removes personal data and secrets from event data before it reaches GitHub (assume the issue is public).
// Pure and bounded: a text is cut to `maxText` characters before any pattern runs, every detector is linear in
// the text (see detectors.ts), and a value is walked to a fixed depth and node count, so a hostile event can
// neither stall the event loop nor overflow the stack.

const FILTERED = '[Filtered]';
const TRUNCATED = '[Truncated]';
const DEFAULT_LIMITS = { maxText: 65_536, maxDepth: 24, maxNodes: 20_000 };
// A secret cut in half by the length limit would no longer match its pattern: scrub a little past the cut.
const CUT_MARGIN = 512;
function createScrubber(opts = {}, limits = DEFAULT_LIMITS) {
    const extraKeys = (opts.keys ?? []).map((k) => k.toLowerCase());
    const extraPatterns = (opts.patterns ?? []).map((p) => new RegExp(p, 'gu'));
    const isSensitiveKey = (key) => SENSITIVE_KEY.test(key) || extraKeys.some((k) => key.toLowerCase().includes(k));
    const text = (value) => {
        const cut = value.length > limits.maxText;
        const scrubbed = scrubText(cut ? value.slice(0, limits.maxText + CUT_MARGIN) : value, extraPatterns);
        return cut ? `${scrubbed.slice(0, limits.maxText)}…` : scrubbed;
    };
    return {
        text,
        value: (v) => walk(v, { text, isSensitiveKey, limits }),
        isSensitiveKey,
    };
}
function scrubText(text, extraPatterns) {
    const spans = [];
    for (const detect of DETECTORS)
        for (const span of detect(text))
            spans.push(span);
    for (const pattern of extraPatterns)
        for (const m of text.matchAll(pattern))
            if (m[0])
                spans.push({ start: m.index, end: m.index + m[0].length });
    return replaceSpans(text, spans);
}
let filteredTotal = 0;
/** Values replaced by FILTERED in this process so far (the metrics read it at scrape time). */
const filteredValues = () => filteredTotal;
/** Replaces each run of overlapping spans with one FILTERED, in one pass over the text. */
function replaceSpans(text, spans) {
    if (!spans.length)
        return text;
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    let out = '';
    let at = 0;
    let open;
    for (const span of spans) {
        if (open && span.start < open.end) {
            open.end = Math.max(open.end, span.end);
            continue;
        }
        if (open) {
            out += FILTERED;
            filteredTotal++;
        }
        out += text.slice(at, span.start);
        open = { ...span };
        at = span.end;
    }
    if (open) {
        out += FILTERED;
        filteredTotal++;
        at = open.end;
    }
    return out + text.slice(at);
}
function filtered() {
    filteredTotal++;
    return FILTERED;
}
/** A bounded deep copy: recursion stops at maxDepth, so the stack never holds more than maxDepth frames. */
function walk(root, ctx) {
    let nodes = 0;
    const visit = (v, depth, key) => {
        if (key !== undefined && ctx.isSensitiveKey(key) && v !== null && typeof v !== 'boolean')
            return filtered();
        if (v === null || typeof v === 'boolean' || typeof v === 'undefined')
            return v;
        if (++nodes > ctx.limits.maxNodes)
            return TRUNCATED;
        if (typeof v === 'string')
            return ctx.text(v);
        if (typeof v !== 'object')
            return v;
        if (depth >= ctx.limits.maxDepth)
            return TRUNCATED;
        if (Array.isArray(v)) {
            // Header and tag pairs: ["Authorization", "…"]: the first element names the second.
            // The name is text from the event too: scrubbed like any other.
            if (v.length === 2 && typeof v[0] === 'string' && ctx.isSensitiveKey(v[0]))
                return [ctx.text(v[0]), filtered()];
            const out = [];
            for (const item of v) {
                if (nodes >= ctx.limits.maxNodes)
                    break;
                out.push(visit(item, depth + 1));
            }
            return out;
        }
        const out = {};
        for (const [k, x] of Object.entries(v)) {
            if (nodes >= ctx.limits.maxNodes)
                break;
            out[ctx.text(k)] = visit(x, depth + 1, k);
        }
        return out;
    };
    return visit(root, 0);
}

// EXTERNAL MODULE: ./.build/app/store/index.js + 1 modules
var app_store = __webpack_require__(4494);
;// CONCATENATED MODULE: ./.build/app/jobs/admin.js
// The app's failed work, for `faultline jobs`: list, show (no payload: it may hold event data), retry, discard.
// Each change is one conditional row update, so it is safe beside running app processes: a worker's claim only
// takes queued rows, and retry/discard only touch dead (or, for discard, queued) ones.






class JobsAdminError extends Error {
}
/** The app's database as the app finds it: DATABASE_URL, else FAULTLINE_DATA_DIR (default .faultline), `.env` read. */
function storageFromEnv(env, cwd) {
    const merged = (0,config/* withDotEnv */.LE)(env, cwd);
    const url = merged.DATABASE_URL?.trim();
    if (url)
        return { kind: 'postgres', databaseUrl: url, poolSize: 2 };
    const file = (0,app_store/* sqliteFileIn */.mE)((0,external_node_path_.resolve)(cwd, merged.FAULTLINE_DATA_DIR?.trim() || '.faultline'));
    if (!(0,external_node_fs_.existsSync)(file)) {
        throw new JobsAdminError(`no app database at ${file}: set FAULTLINE_DATA_DIR (or DATABASE_URL) as the app has it, or run from its directory`);
    }
    return { kind: 'sqlite', file };
}
async function openJobsAdmin(env, cwd) {
    const store = await (0,app_store/* openStore */.Ch)(storageFromEnv(env, cwd));
    const scrub = createScrubber();
    return {
        list: (state) => store.listJobs(state ? { state } : {}).then((jobs) => jobs.map(brief)),
        async show(id) {
            const job = await store.getJob(id);
            if (!job)
                return undefined;
            return {
                ...brief(job),
                sentryIssueId: await sentryIssueOf(store, job),
                lastError: job.lastError === null ? null : scrub.text(job.lastError),
            };
        },
        retry: (id) => store.retryDeadJob(id, Date.now()),
        async retryAllDead() {
            const retried = [];
            for (const job of await store.listJobs({ state: 'dead' })) {
                if (await store.retryDeadJob(job.id, Date.now()))
                    retried.push(job.id);
            }
            return retried;
        },
        discard: (id) => store.discardJob(id),
        close: () => store.close(),
    };
}
function brief(job) {
    return {
        id: job.id,
        type: job.type,
        state: job.state,
        attempts: job.attempts,
        maxAttempts: job.maxAttempts,
        runAt: new Date(job.runAt).toISOString(),
        lastError: job.lastError === null ? null : (job.lastError.split('\n')[0] ?? '').slice(0, 120),
    };
}
/** The Sentry issue a job was for: named in its payload, or in the webhook delivery it processes. */
async function sentryIssueOf(store, job) {
    const payload = (job.payload ?? {});
    if (typeof payload.sentryIssueId === 'string')
        return payload.sentryIssueId;
    if (typeof payload.deliveryId !== 'number')
        return null;
    const delivery = await store.getDelivery(payload.deliveryId);
    if (!delivery)
        return null;
    try {
        return sentryIssueIdIn(JSON.parse(delivery.body));
    }
    catch {
        return null;
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
