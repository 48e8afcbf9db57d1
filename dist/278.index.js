export const id = 278;
export const ids = [278];
export const modules = {

/***/ 278:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkBuild: () => (/* binding */ checkBuild),
  createSourcemapsRunner: () => (/* binding */ createSourcemapsRunner),
  sourcemapsStep: () => (/* binding */ sourcemapsStep),
  targetPath: () => (/* binding */ targetPath),
  uploadToSentry: () => (/* binding */ uploadToSentry)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./.build/src/sourcemaps/debug-id.js
/** Debug IDs as sentry-cli computes and reads them (protocol notes §5.1). */

/**
 * SHA-1 of the bytes, first 16 bytes, RFC-4122 version 5 and variant bits set, lowercase hyphenated
 * (`uuid::Builder::from_sha1_bytes`, as `sentry-cli sourcemaps inject` does).
 */
function debugIdFromBytes(bytes) {
    return uuidFromDigest((0,external_node_crypto_.createHash)('sha1').update(bytes).digest());
}
/**
 * sentry-cli 3.7+ for a script with a map: SHA-1 over `"js"`, the script's length (u64 little-endian), the
 * script, `"sourcemap"`, the map's length, the map (so scripts sharing a byte-identical map get distinct IDs).
 * Read from the 3.8.0 binary's `debug_id_from_js_and_sourcemap_bytes_hashed`.
 */
function debugIdFromScriptAndMap(script, map) {
    const len = (n) => {
        const b = Buffer.alloc(8);
        b.writeBigUInt64LE(BigInt(n));
        return b;
    };
    const hash = (0,external_node_crypto_.createHash)('sha1');
    hash.update('js').update(len(script.length)).update(script);
    hash.update('sourcemap').update(len(map.length)).update(map);
    return uuidFromDigest(hash.digest());
}
/** The same bit fixes on the first 16 bytes of any digest. */
function uuidFromDigest(digest) {
    const b = Buffer.from(digest.subarray(0, 16));
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    const hex = b.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
const DEBUG_ID_RE = /^(?:\{)?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})(?:\})?(?:-?([0-9a-f]{1,8}))?$/i;
/**
 * Parses a debug ID in the forms the `debugid` crate accepts (hyphenated or plain UUID, optional braces and
 * appendix) and returns it as sentry-cli prints it; undefined when it is not one.
 */
function normalizeDebugId(value) {
    const m = DEBUG_ID_RE.exec(value);
    if (!m)
        return undefined;
    const uuid = `${m[1]}-${m[2]}-${m[3]}-${m[4]}-${m[5]}`.toLowerCase();
    const appendix = m[6] ? parseInt(m[6], 16) : 0;
    return appendix ? `${uuid}-${appendix.toString(16)}` : uuid;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./.build/src/sourcemaps/discover.js
/**
 * Finding built JavaScript and source maps: files, directories and globs (newline- or comma-separated lists),
 * filtered by extension and ignore globs. `node_modules` is skipped unless asked for (hidden files are walked, as
 * sentry-cli does, unless `includeHidden: false`);
 * symbolic links are followed, each real directory once. Results are sorted, so runs are reproducible.
 */





const DEFAULT_EXTENSIONS = ['js', 'cjs', 'mjs', 'map'];
class DiscoverError extends Error {
    path;
    constructor(path, message) {
        super(message);
        this.name = 'DiscoverError';
        this.path = path;
    }
}
/** `"dist, build\nout"` → `['dist', 'build', 'out']`. */
function splitPathList(input) {
    const items = typeof input === 'string' ? [input] : input;
    return items
        .flatMap((s) => s.split(/[\n,]/))
        .map((s) => s.trim())
        .filter((s) => s !== '');
}
const toPosix = (p) => (external_node_path_.sep === '/' ? p : p.split(external_node_path_.sep).join('/'));
/** A path, glob or ignore pattern with Windows' `\` turned into `/` (globs treat `\` as an escape). */
function forwardSlashes(path, windows) {
    return windows ? path.replace(/\\/g, '/') : path;
}
function joinArg(root, rel) {
    // sentry-cli keeps the argument as written (`dist/` + `a.js` → `dist/a.js`).
    return `${root.replace(/[\\/]+$/, '')}/${rel}`;
}
function ignoreMatcher(patterns, windows) {
    if (patterns.length === 0)
        return () => false;
    const matchers = patterns.map((p) => {
        const pattern = forwardSlashes(p, windows).replace(/^\/+/, '').replace(/\/+$/, '');
        const m = picomatch(pattern, { dot: true });
        return pattern.includes('/') ? (rel) => m(rel) : (rel) => m((0,external_node_path_.basename)(rel)) || m(rel);
    });
    return (rel) => matchers.some((m) => m(rel));
}
/** Walks the given paths and returns the matching files, sorted by path. */
async function discoverFiles(paths, opts = {}) {
    const cwd = opts.cwd ?? process.cwd();
    const extensions = (opts.extensions ?? DEFAULT_EXTENSIONS).map((e) => e.replace(/^\./, ''));
    const matchesExt = (name) => extensions.some((e) => name.endsWith(`.${e}`));
    const windows = opts.windowsPaths ?? process.platform === 'win32';
    const isIgnored = ignoreMatcher(opts.ignore ?? [], windows);
    const skipDir = (name) => (opts.includeHidden === false && name.startsWith('.')) || (!opts.includeNodeModules && name === 'node_modules');
    const out = [];
    const seen = new Set();
    const add = (found) => {
        const file = { ...found, path: forwardSlashes(found.path, windows) };
        if (seen.has(file.path))
            return;
        seen.add(file.path);
        out.push(file);
    };
    const walk = async (root, absDir, relDir, visited) => {
        const real = await (0,promises_.realpath)(absDir);
        if (visited.has(real))
            return; // a link back up the tree: each real directory once
        visited.add(real);
        const entries = await (0,promises_.readdir)(absDir, { withFileTypes: true });
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
            const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
            const abs = (0,external_node_path_.join)(absDir, entry.name);
            let isDir = entry.isDirectory();
            let isFile = entry.isFile();
            if (entry.isSymbolicLink()) {
                const target = await (0,promises_.stat)(abs).catch(() => undefined);
                if (!target)
                    continue; // dangling link
                isDir = target.isDirectory();
                isFile = target.isFile();
            }
            if (isDir) {
                if (skipDir(entry.name) || isIgnored(rel))
                    continue;
                await walk(root, abs, rel, visited);
            }
            else if (isFile) {
                if (opts.includeHidden === false && entry.name.startsWith('.'))
                    continue;
                if (!matchesExt(entry.name) || isIgnored(rel))
                    continue;
                add({ path: joinArg(root, rel), absolutePath: abs, root, relative: rel });
            }
        }
    };
    for (const arg of splitPathList(paths)) {
        const pattern = forwardSlashes(arg, windows);
        // A path that exists is taken literally even when it has glob characters (`dist (old)`, `[id]`).
        if ((0,dist/* isDynamicPattern */.ey)(pattern) && !(0,external_node_fs_.existsSync)((0,external_node_path_.resolve)(cwd, arg))) {
            const matches = await (0,dist/* glob */.TI)(pattern, {
                cwd,
                dot: opts.includeHidden !== false,
                onlyFiles: true,
                absolute: false,
            });
            const base = staticBase(pattern);
            for (const m of matches.sort()) {
                if (!opts.includeNodeModules && m.split('/').includes('node_modules'))
                    continue;
                const abs = (0,external_node_path_.resolve)(cwd, m);
                const rel = toPosix((0,external_node_path_.relative)((0,external_node_path_.resolve)(cwd, base), abs));
                if (isIgnored(rel))
                    continue;
                add({ path: (0,external_node_path_.isAbsolute)(arg) ? abs : toPosix(m), absolutePath: abs, root: base, relative: rel });
            }
            continue;
        }
        const abs = (0,external_node_path_.resolve)(cwd, arg);
        const info = await (0,promises_.stat)(abs).catch(() => undefined);
        if (!info) {
            throw new DiscoverError(arg, `source-map path "${arg}" does not exist (looked in ${cwd}); check the path or the working directory`);
        }
        if (info.isDirectory())
            await walk(arg, abs, '', new Set());
        else
            add({ path: arg, absolutePath: abs, root: arg, relative: (0,external_node_path_.basename)(arg) });
    }
    out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return out;
}
/** The directory part of a glob before its first magic segment (`dist/**\/*.js` → `dist`). */
function staticBase(pattern) {
    const parts = pattern.split('/');
    const fixed = [];
    for (const part of parts) {
        if ((0,dist/* isDynamicPattern */.ey)(part))
            break;
        fixed.push(part);
    }
    if (fixed.length === parts.length)
        fixed.pop();
    return fixed.join('/') || '.';
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/mappings-codec.js
/**
 * The `mappings` VLQ codec with rust-sourcemap's rules (sentry-cli 3.8). Tokens live in flat typed arrays (one entry
 * per mapping segment): corpora of hundreds of megabytes must not become millions of small objects. That and the
 * exact error rules are why the codec is written here rather than taken from a library.
 */
const NONE = 0xffffffff;
class SourceMapParseError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SourceMapParseError';
    }
}
const B64 = new Int8Array(128).fill(-1);
const B64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < 64; i++)
    B64[B64_CHARS.charCodeAt(i)] = i;
function emptyTokens(capacity) {
    return {
        length: 0,
        sorted: true,
        dstLine: new Uint32Array(capacity),
        dstCol: new Uint32Array(capacity),
        srcId: new Uint32Array(capacity),
        srcLine: new Uint32Array(capacity),
        srcCol: new Uint32Array(capacity),
        nameId: new Uint32Array(capacity),
    };
}
function pushToken(t, dl, dc, sid, sl, sc, nid) {
    if (t.length === t.dstLine.length) {
        const cap = Math.max(16, t.length * 2);
        for (const k of ['dstLine', 'dstCol', 'srcId', 'srcLine', 'srcCol', 'nameId']) {
            const next = new Uint32Array(cap);
            next.set(t[k]);
            t[k] = next;
        }
    }
    const i = t.length++;
    if (i > 0 && t.sorted) {
        const pl = t.dstLine[i - 1];
        if (dl < pl || (dl === pl && dc < t.dstCol[i - 1]))
            t.sorted = false;
    }
    t.dstLine[i] = dl;
    t.dstCol[i] = dc;
    t.srcId[i] = sid;
    t.srcLine[i] = sl;
    t.srcCol[i] = sc;
    t.nameId[i] = nid;
}
/** Decodes `mappings` with rust-sourcemap's rules: 1, 4 or 5 fields per segment, running values wrap as u32. */
function decodeMappings(mappings, sourceCount, nameCount) {
    let estimate = 10;
    for (let i = 0; i < mappings.length; i++) {
        const c = mappings.charCodeAt(i);
        if (c === 44 || c === 59)
            estimate++;
    }
    const t = emptyTokens(estimate);
    let line = 0;
    let srcId = 0;
    let srcLine = 0;
    let srcCol = 0;
    let nameId = 0;
    let col = 0;
    const nums = [0, 0, 0, 0, 0, 0];
    let n = 0;
    let i = 0;
    const len = mappings.length;
    while (i <= len) {
        const c = i < len ? mappings.charCodeAt(i) : 59;
        if (c === 44 || c === 59) {
            if (n > 0) {
                if (n !== 1 && n !== 4 && n !== 5)
                    throw new SourceMapParseError(`bad segment size ${n} on line ${line}`);
                col = (col + nums[0]) >>> 0;
                let sid = NONE;
                let sl = NONE;
                let sc = NONE;
                let nid = NONE;
                if (n > 1) {
                    srcId = (srcId + nums[1]) >>> 0;
                    if (srcId >= sourceCount)
                        throw new SourceMapParseError(`bad source reference ${srcId}`);
                    srcLine = (srcLine + nums[2]) >>> 0;
                    srcCol = (srcCol + nums[3]) >>> 0;
                    sid = srcId;
                    sl = srcLine;
                    sc = srcCol;
                    if (n > 4) {
                        nameId = (nameId + nums[4]) >>> 0;
                        if (nameId >= nameCount)
                            throw new SourceMapParseError(`bad name reference ${nameId}`);
                        nid = nameId;
                    }
                }
                pushToken(t, line, col, sid, sl, sc, nid);
                n = 0;
            }
            if (c === 59) {
                line++;
                col = 0;
            }
            i++;
            continue;
        }
        // One VLQ value.
        let value = 0;
        let scale = 1; // 2 ** (5 × digits read), as a running product (cheaper than `**` per digit)
        for (;;) {
            if (i >= len)
                throw new SourceMapParseError('VLQ value runs past the end of the mappings');
            const code = mappings.charCodeAt(i++);
            const digit = code < 128 ? B64[code] : -1;
            if (digit < 0)
                throw new SourceMapParseError(`invalid base64 character ${JSON.stringify(mappings[i - 1])}`);
            value += (digit & 31) * scale;
            scale *= 32;
            if ((digit & 32) === 0)
                break;
            if (scale > 2 ** 60)
                throw new SourceMapParseError('VLQ value overflows');
        }
        const negative = value % 2 === 1;
        const magnitude = Math.floor(value / 2);
        if (n >= 6)
            throw new SourceMapParseError(`bad segment size on line ${line}`);
        nums[n++] = negative ? -magnitude : magnitude;
    }
    sortTokens(t);
    return t;
}
function isSorted(t) {
    for (let i = 1; i < t.length; i++) {
        if (t.dstLine[i] < t.dstLine[i - 1] || (t.dstLine[i] === t.dstLine[i - 1] && t.dstCol[i] < t.dstCol[i - 1]))
            return false;
    }
    return true;
}
/** Orders tokens by generated position (stable; sentry-cli's unstable sort leaves sorted input as it is). */
function sortTokens(t) {
    if (t.sorted)
        return;
    const order = Array.from({ length: t.length }, (_, i) => i);
    order.sort((a, b) => t.dstLine[a] - t.dstLine[b] || t.dstCol[a] - t.dstCol[b] || a - b);
    for (const k of ['dstLine', 'dstCol', 'srcId', 'srcLine', 'srcCol', 'nameId']) {
        const src = t[k];
        const next = new Uint32Array(src.length);
        for (let i = 0; i < order.length; i++)
            next[i] = src[order[i]];
        t[k] = next;
    }
    t.sorted = true;
}
const B64_CODES = Uint8Array.from(B64_CHARS, (c) => c.charCodeAt(0));
/** A growable byte buffer for the mappings string (ASCII only), far cheaper than joining small strings. */
class AsciiWriter {
    buf;
    len = 0;
    constructor(capacity) {
        this.buf = new Uint8Array(Math.max(64, capacity));
    }
    byte(b) {
        if (this.len === this.buf.length) {
            const next = new Uint8Array(this.buf.length * 2);
            next.set(this.buf);
            this.buf = next;
        }
        this.buf[this.len++] = b;
    }
    vlq(value) {
        let v = value < 0 ? -value * 2 + 1 : value * 2;
        do {
            let digit = v % 32;
            v = Math.floor(v / 32);
            if (v > 0)
                digit |= 32;
            this.byte(B64_CODES[digit]);
        } while (v > 0);
    }
    toString() {
        return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.len).toString('latin1');
    }
}
/** rust-sourcemap's `serialize_mappings`: identical consecutive tokens on a line are written once. */
function encodeMappings(t) {
    const out = new AsciiWriter(t.length * 6 + 16);
    let prevLine = 0;
    let prevCol = 0;
    let prevSrcId = 0;
    let prevSrcLine = 0;
    let prevSrcCol = 0;
    let prevName = 0;
    const { dstLine, dstCol, srcId, srcLine, srcCol, nameId } = t;
    for (let i = 0; i < t.length; i++) {
        const line = dstLine[i];
        if (line !== prevLine) {
            prevCol = 0;
            while (line !== prevLine) {
                out.byte(59); // ;
                prevLine++;
            }
        }
        else if (i > 0) {
            if (dstLine[i - 1] === line &&
                dstCol[i - 1] === dstCol[i] &&
                srcId[i - 1] === srcId[i] &&
                srcLine[i - 1] === srcLine[i] &&
                srcCol[i - 1] === srcCol[i] &&
                nameId[i - 1] === nameId[i])
                continue;
            out.byte(44); // ,
        }
        out.vlq(dstCol[i] - prevCol);
        prevCol = dstCol[i];
        if (srcId[i] !== NONE) {
            out.vlq(srcId[i] - prevSrcId);
            prevSrcId = srcId[i];
            out.vlq(srcLine[i] - prevSrcLine);
            prevSrcLine = srcLine[i];
            out.vlq(srcCol[i] - prevSrcCol);
            prevSrcCol = srcCol[i];
            if (nameId[i] !== NONE) {
                out.vlq(nameId[i] - prevName);
                prevName = nameId[i];
            }
        }
    }
    return out.toString();
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/inject-text.js
/**
 * The text edits of `sentry-cli sourcemaps inject` (3.8), byte for byte, and the matching source-map fix-ups.
 * Pure: strings and token arrays in, strings and token arrays out.
 */

const SNIPPET_TEMPLATE = '!function(){try{var e="undefined"!=typeof window?window:"undefined"!=typeof global?global:"undefined"!=typeof globalThis?globalThis:"undefined"!=typeof self?self:{},n=(new e.Error).stack;n&&(e._sentryDebugIds=e._sentryDebugIds||{},e._sentryDebugIds[n]="__SENTRY_DEBUG_ID__")}catch(e){}}();';
const snippetFor = (debugId) => SNIPPET_TEMPLATE.replace('__SENTRY_DEBUG_ID__', debugId);
// Rust's `\s` is Unicode White_Space (no BOM, unlike JavaScript's); Rust's `.` stops only at `\n`.
const WS = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
/** Optional hashbang, then whitespace and comments, then one optional string statement (`PRE_INJECT_RE`). */
const PRE_INJECT_RE = new RegExp(`^(?:#![^\\n]*[\\n\\r])?(?:${WS}+|/\\*[\\s\\S]*?\\*/|//[^\\n]*[\\n\\r])*(?:"[^"]*";|'[^']*';[\\n\\r]?)?`);
/** A leading `"use …"` directive after comments (`USE_DIRECTIVE_REGEX`). */
const USE_DIRECTIVE_RE = new RegExp(`^(?:${WS}+|/\\*[\\s\\S]*?\\*/|//[^\\n]*[\\n\\r])*(?:("use [^"]*"|'use [^']*');?[\\n\\r]?)`);
const SOURCEMAP_LINE = (line) => line.startsWith('//# sourceMappingURL=') || line.startsWith('//@ sourceMappingURL=');
/** Rust `BufRead::lines`: split on `\n`, drop one `\r` before it, no empty last line after a final newline. */
function rustLines(text) {
    if (text === '')
        return [];
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    for (let i = 0; i < lines.length; i++) {
        const isTerminated = i < lines.length - 1 || text.endsWith('\n');
        if (isTerminated && lines[i].endsWith('\r'))
            lines[i] = lines[i].slice(0, -1);
    }
    return lines;
}
/** Index of the last `//# sourceMappingURL=` line, or -1. */
function lastSourcemapLine(lines) {
    for (let i = lines.length - 1; i >= 0; i--)
        if (SOURCEMAP_LINE(lines[i]))
            return i;
    return -1;
}
/** Snippet appended at the end, the last sourceMappingURL line moved after it, then the debugId comment. */
function injectAtEnd(text, debugId) {
    const lines = rustLines(text);
    const idx = lastSourcemapLine(lines);
    const moved = idx >= 0 ? lines.splice(idx, 1)[0] : undefined;
    let out = lines.map((l) => `${l}\n`).join('');
    out += `${snippetFor(debugId)}\n`;
    if (moved !== undefined)
        out += `${moved}\n`;
    return `${out}//# debugId=${debugId}\n`;
}
/** For indexed maps: `[#! line][use directive;]snippet\n` + original + `\n//# debugId=…\n`. */
function injectAtStart(text, debugId) {
    let hashbang = '';
    let rest = text;
    if (text.startsWith('#!')) {
        const nl = text.indexOf('\n');
        const cut = nl >= 0 ? nl + 1 : text.length;
        hashbang = text.slice(0, cut);
        rest = text.slice(cut);
    }
    const m = USE_DIRECTIVE_RE.exec(rest);
    const directive = m ? `${m[1]};` : '';
    return `${hashbang}${directive}${snippetFor(debugId)}\n${rest}\n//# debugId=${debugId}\n`;
}
/** Replaces the last `//# sourceMappingURL=` line (a no-op when there is none). */
function replaceSourcemapUrl(text, newUrl) {
    const lines = rustLines(text);
    const idx = lastSourcemapLine(lines);
    if (idx < 0)
        return text;
    lines[idx] = `//# sourceMappingURL=${newUrl}`;
    return lines.map((l) => `${l}\n`).join('');
}
/** `fixup_js_file`: snippet on its own line after the prologue, debugId comment at the end. */
function insertSnippetAfterPrologue(text, debugId) {
    const prologue = PRE_INJECT_RE.exec(text)[0].length;
    // A script that is all prologue (only comments or whitespace) gets the snippet at the very top, as sentry-cli does.
    const offset = prologue === text.length ? 0 : prologue;
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    let line = 0;
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1))
        line++;
    return {
        text: `${before}\n${snippetFor(debugId)}\n${text.slice(offset)}\n//# debugId=${debugId}\n`,
        line,
        byteColumn: Buffer.byteLength(before.slice(lineStart)),
        offset,
    };
}
/**
 * The token fix-up sentry-cli gets from composing the map with magic-string's map of the edit
 * (`SourceMap::adjust_mappings`), reproduced directly: the edit map has a token at every line start of the
 * original text (plus the insertion point), each covering its line up to the next token.
 */
function adjustTokensForInsertion(tokens, original, ins) {
    // Edit-map tokens: src (line, col) -> dst (line, col), sorted by src.
    const adj = [];
    const hasHead = ins.offset > 0;
    const hasTail = ins.offset < original.length;
    if (hasHead) {
        for (let l = 0; l < ins.line; l++)
            adj.push(l, 0, l, 0);
        if (ins.byteColumn > 0)
            adj.push(ins.line, 0, ins.line, 0);
    }
    if (hasTail) {
        adj.push(ins.line, ins.byteColumn, ins.line + 2, 0);
        let lastLine = 0;
        for (let i = original.indexOf('\n'); i >= 0; i = original.indexOf('\n', i + 1))
            lastLine++;
        if (original.endsWith('\n'))
            lastLine--; // the empty last line has no character, so no token
        for (let l = ins.line + 1; l <= lastLine; l++)
            adj.push(l, 0, l + 2, 0);
    }
    const out = emptyTokens(tokens.length + 8);
    const n = tokens.length;
    if (n === 0)
        return out;
    const adjCount = adj.length / 4;
    // (a, b) < (c, d) on (line, col) pairs.
    const lt = (a, b, c, d) => a < c || (a === c && b < d);
    const le = (a, b, c, d) => a < c || (a === c && b <= d);
    let oi = 0;
    const { dstLine, dstCol } = tokens;
    // End of token i's range: the next token on its line, else the end of the line.
    const endCol = (i) => (i + 1 < n && dstLine[i + 1] === dstLine[i] ? dstCol[i + 1] : NONE);
    outer: for (let a = 0; a < adjCount; a++) {
        const aSL = adj[a * 4];
        const aSC = adj[a * 4 + 1];
        const lineDiff = adj[a * 4 + 2] - aSL;
        const colDiff = adj[a * 4 + 3] - aSC;
        const aEL = aSL;
        let aEC = NONE;
        if (a + 1 < adjCount && adj[(a + 1) * 4] === aSL)
            aEC = adj[(a + 1) * 4 + 1];
        for (;;) {
            if (!le(dstLine[oi], endCol(oi), aSL, aSC))
                break;
            if (++oi >= n)
                break outer;
        }
        while (lt(tokens.dstLine[oi], tokens.dstCol[oi], aEL, aEC)) {
            let dl = tokens.dstLine[oi];
            let dc = tokens.dstCol[oi];
            if (lt(dl, dc, aSL, aSC)) {
                dl = aSL;
                dc = aSC;
            }
            pushToken(out, (dl + lineDiff) >>> 0, (dc + colDiff) >>> 0, tokens.srcId[oi], tokens.srcLine[oi], tokens.srcCol[oi], tokens.nameId[oi]);
            if (le(aEL, aEC, dstLine[oi], endCol(oi)))
                break;
            if (++oi >= n)
                break outer;
        }
    }
    sortTokens(out);
    return out;
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/build-files.js
/**
 * The build's files as inject reads and writes them: reads may start before they are asked for and writes finish
 * behind the work, so the disk and the CPU work at once, with at most a few files held in memory.
 */

/** Writes that may be in flight at once: the next file is computed meanwhile, and memory stays bounded. */
const WRITES_IN_FLIGHT = 2;
/**
 * The build's files on disk. Reads may start before they are asked for and writes finish behind the work, so the
 * disk and the CPU work at once; a read waits for a write of the same file, and a write drops a read of it started
 * earlier. Dry runs keep what would have been written in memory, so later files see it as sentry-cli's in-memory copy
 * does.
 */
function buildFiles(opts) {
    const overlay = new Map();
    const early = new Map();
    const writing = new Map();
    let failed;
    return {
        read: async (f) => {
            const path = f.absolutePath;
            const kept = overlay.get(path);
            if (kept)
                return kept;
            await writing.get(path);
            const started = early.get(path);
            early.delete(path);
            return (await started) ?? (await (0,promises_.readFile)(path));
        },
        prefetch: (f) => {
            const path = f.absolutePath;
            if (opts.dryRun || early.has(path) || writing.has(path))
                return;
            const reading = (0,promises_.readFile)(path);
            reading.catch(() => { }); // a failed read is reported when the file is read for real
            early.set(path, reading);
        },
        write: async (f, data) => {
            const path = f.absolutePath;
            early.delete(path);
            if (opts.dryRun) {
                overlay.set(path, Buffer.from(data));
                return;
            }
            if (failed)
                throw failed.error;
            while (writing.size >= WRITES_IN_FLIGHT)
                await Promise.race(writing.values());
            const done = (0,promises_.writeFile)(path, data).then(() => {
                writing.delete(path);
            }, (error) => {
                writing.delete(path);
                failed ??= { error };
            });
            writing.set(path, done);
        },
        flush: async () => {
            await Promise.all(writing.values());
            if (failed)
                throw failed.error;
        },
    };
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/mappings-shift.js
/**
 * Moving a map's mappings for the inject snippet without decoding them. When a `mappings` string is already in the
 * form rust-sourcemap writes (sorted, minimal VLQs, no folded duplicates, no empty segments), decoding it and
 * encoding it again gives the same string, so the insertion's fix-up can be made on the text itself: whole lines
 * move by a prefix of `;`, and on the insertion line only the first segment at or after the insertion column
 * changes (plus a copy of the segment that spans the insertion point). Anything else is left to the full codec.
 */

const mappings_shift_B64 = new Int8Array(128).fill(-1);
const mappings_shift_B64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < 64; i++)
    mappings_shift_B64[mappings_shift_B64_CHARS.charCodeAt(i)] = i;
const COMMA = 44;
const SEMICOLON = 59;
/**
 * True when decoding `mappings` (with rust-sourcemap's rules) and encoding the tokens again gives `mappings` back,
 * and the insertion fix-up would keep every token (no two segments at column 0 of one line). False for anything the
 * decoder would reject, too: the full codec then reports it.
 */
function isCanonicalMappings(mappings, sourceCount, nameCount) {
    const len = mappings.length;
    let col = 0;
    let srcId = 0;
    let srcLine = 0;
    let srcCol = 0;
    let nameId = 0;
    let segmentsOnLine = 0;
    let prevFields = 0;
    let n = 0;
    const d = [0, 0, 0, 0, 0];
    let i = 0;
    while (i <= len) {
        const c = i < len ? mappings.charCodeAt(i) : SEMICOLON;
        if (c === COMMA || c === SEMICOLON) {
            if (n === 0) {
                // An empty segment (`,,`, `,;`, a leading `,`) or a last line without segments is dropped by the encoder.
                if (c === COMMA || segmentsOnLine > 0 || (i === len && len > 0))
                    return false;
            }
            else {
                if (n !== 1 && n !== 4 && n !== 5)
                    return false;
                if (d[0] < 0)
                    return false; // unsorted: the decoder re-sorts
                col += d[0];
                if (col > NONE)
                    return false;
                if (segmentsOnLine > 0 && col === 0)
                    return false; // two segments at column 0
                const same = d[0] === 0 && n === prevFields && (n === 1 || (d[1] === 0 && d[2] === 0 && d[3] === 0));
                if (segmentsOnLine > 0 && same && (n !== 5 || d[4] === 0))
                    return false; // folded by the encoder
                if (n > 1) {
                    srcId += d[1];
                    srcLine += d[2];
                    srcCol += d[3];
                    if (srcId < 0 || srcId >= sourceCount)
                        return false;
                    if (srcLine < 0 || srcLine > NONE || srcCol < 0 || srcCol > NONE)
                        return false; // would wrap as u32
                    if (n === 5) {
                        nameId += d[4];
                        if (nameId < 0 || nameId >= nameCount)
                            return false;
                    }
                }
                prevFields = n;
                segmentsOnLine++;
                n = 0;
            }
            if (c === SEMICOLON) {
                col = 0;
                segmentsOnLine = 0;
            }
            i++;
            continue;
        }
        if (n >= 5)
            return false;
        let value = 0;
        // 32 ** digits so far, kept as a product: `2 ** shift` in this loop costs more than the rest of the scan.
        let scale = 1;
        let digit;
        for (;;) {
            if (i >= len)
                return false;
            const code = mappings.charCodeAt(i++);
            digit = code < 128 ? mappings_shift_B64[code] : -1;
            if (digit < 0)
                return false;
            value += (digit & 31) * scale;
            scale *= 32;
            if ((digit & 32) === 0)
                break;
            if (scale > 2 ** 60)
                return false;
        }
        if (scale > 32 && digit === 0)
            return false; // a needless continuation digit
        if (value === 1)
            return false; // "-0"
        d[n++] = value % 2 === 1 ? -Math.floor(value / 2) : Math.floor(value / 2);
    }
    return true;
}
/** Start index of line `line` in `mappings`, or -1 when the string has fewer lines. */
function lineStart(mappings, line) {
    let at = 0;
    for (let l = 0; l < line; l++) {
        const next = mappings.indexOf(';', at);
        if (next < 0)
            return -1;
        at = next + 1;
    }
    return at;
}
function vlq(value) {
    let v = value < 0 ? -value * 2 + 1 : value * 2;
    let out = '';
    do {
        let digit = v % 32;
        v = Math.floor(v / 32);
        if (v > 0)
            digit |= 32;
        out += mappings_shift_B64_CHARS[digit];
    } while (v > 0);
    return out;
}
/** Reads the segment at `start` (column value only decoded). */
function readSegment(mappings, start, prevCol) {
    let i = start;
    let fields = 0;
    let col = prevCol;
    let colEnd = start;
    while (i < mappings.length) {
        const c = mappings.charCodeAt(i);
        if (c === COMMA || c === SEMICOLON)
            break;
        let value = 0;
        let scale = 1;
        for (;;) {
            const digit = mappings_shift_B64[mappings.charCodeAt(i++)];
            value += (digit & 31) * scale;
            scale *= 32;
            if ((digit & 32) === 0)
                break;
        }
        if (fields === 0) {
            col += value % 2 === 1 ? -Math.floor(value / 2) : Math.floor(value / 2);
            colEnd = i;
        }
        fields++;
    }
    return { start, end: i, col, fields, colEnd };
}
/**
 * The mappings after two lines are inserted at (`line`, `byteColumn`) of a script whose last line holding characters
 * is `lastLine`, as sentry-cli's fix-up writes them; undefined when a token lies past `lastLine` (the fix-up drops
 * it, which the full codec reproduces). `mappings` must pass isCanonicalMappings.
 */
function shiftCanonicalMappings(mappings, line, byteColumn, lastLine) {
    let lines = 1;
    for (let i = mappings.indexOf(';'); i >= 0; i = mappings.indexOf(';', i + 1))
        lines++;
    if (mappings.length > 0 && lines - 1 > lastLine)
        return undefined;
    const start = lineStart(mappings, line);
    if (start < 0)
        return mappings; // no token at or after the insertion line
    let end = mappings.indexOf(';', start);
    if (end < 0)
        end = mappings.length;
    // Segments of the insertion line before the insertion column stay; the first one at or after it opens the new line.
    let before;
    let at = start;
    let col = 0;
    while (at < end) {
        const seg = readSegment(mappings, at, col);
        if (seg.col >= byteColumn) {
            // Two segments at the insertion column: the fix-up drops the first, which the full codec reproduces.
            if (seg.col === byteColumn && seg.end < end && readSegment(mappings, seg.end + 1, seg.col).col === byteColumn)
                return undefined;
            const copy = before && seg.col > byteColumn ? `${'A'.repeat(before.fields)},` : '';
            const head = mappings.slice(0, before ? before.end : start);
            const moved = vlq(seg.col - byteColumn) + mappings.slice(seg.colEnd);
            return `${head};;${copy}${moved}`;
        }
        before = seg;
        col = seg.col;
        at = seg.end + 1;
    }
    // Every segment of the line lies before the insertion column: the last one also spans the new line's start.
    const copy = before ? 'A'.repeat(before.fields) : '';
    const rest = mappings.slice(end);
    if (copy === '' && rest === '')
        return mappings;
    return `${mappings.slice(0, end)};;${copy}${rest}`;
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/map-writer.js
/**
 * Source maps written exactly as sentry-cli 3.8 writes them (rust-sourcemap 9.3 `DecodedMap::to_writer`): compact
 * serde JSON, RawSourceMap key order, unknown keys dropped. Byte parity matters because inject rewrites every map
 * and re-encodes embedded ones into the JavaScript file.
 */

const str = (s) => JSON.stringify(s);
function facebookSourcesJson(v) {
    // serde re-serialises Vec<Option<Vec<{names, mappings}>>>, dropping unknown keys.
    if (!Array.isArray(v))
        return 'null';
    return `[${v
        .map((entry) => Array.isArray(entry)
        ? `[${entry
            .map((m) => `{"names":${JSON.stringify(m.names ?? [])},"mappings":${str(String(m.mappings ?? ''))}}`)
            .join(',')}]`
        : 'null')
        .join(',')}]`;
}
/** Serialises like `sourcemap::DecodedMap::to_writer` (compact serde JSON, RawSourceMap key order). */
function encodeMap(map) {
    const pieces = encodePieces(map);
    if (pieces.length === 1)
        return pieces[0];
    const utf8 = new TextDecoder();
    return pieces.map((p) => (typeof p === 'string' ? p : utf8.decode(p))).join('');
}
/** `encodeMap` as UTF-8 bytes; the `sourcesContent` literals kept from the map's own text are copied, not re-encoded. */
function encodeMapBytes(map) {
    return Buffer.concat(encodePieces(map).map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}
/** The serialised map as text, with kept `sourcesContent` literals as bytes between the pieces of text. */
function encodePieces(map) {
    const pieces = [];
    let text = '{"version":3';
    if (map.file !== undefined)
        text += `,"file":${str(map.file)}`;
    if (map.kind === 'index') {
        const sections = map.sections.map((s) => `{"offset":{"line":${s.line},"column":${s.column}},"url":${s.url === null ? 'null' : str(s.url)},"map":${s.map ? encodeMap(s.map) : 'null'}}`);
        // `sources` has no skip-if-none in RawSourceMap, so an index map says `"sources":null`.
        text += `,"sources":null,"sections":[${sections.join(',')}]`;
    }
    else {
        text += `,"sources":[${map.sources.map(str).join(',')}]`;
        if (map.sourceRoot !== undefined)
            text += `,"sourceRoot":${str(map.sourceRoot)}`;
        const contents = map.sourcesContent ?? [];
        if (contents.some((c) => c !== null && c !== undefined)) {
            text += ',"sourcesContent":[';
            for (let i = 0; i < map.sources.length; i++) {
                if (i > 0)
                    text += ',';
                const c = contents[i];
                const literal = c === null || c === undefined ? undefined : map.sourcesContentText?.[i];
                if (literal) {
                    pieces.push(text, literal);
                    text = '';
                }
                else
                    text += c === null || c === undefined ? 'null' : str(c);
            }
            text += ']';
        }
        text += `,"names":[${map.names.map(str).join(',')}]`;
        text += `,"mappings":${str(map.mappings ?? encodeMappings(map.tokens))}`;
        if (map.ignoreList.length > 0)
            text += `,"ignoreList":[${map.ignoreList.join(',')}]`;
        if (map.facebookSources !== undefined)
            text += `,"x_facebook_sources":${facebookSourcesJson(map.facebookSources)}`;
    }
    if (map.debugId)
        text += `,"debugId":${str(map.debugId)}`;
    pieces.push(`${text}}`);
    return pieces;
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/json-literals.js
/**
 * The JSON text of a map's top-level `sourcesContent` strings, found in the map's bytes, so inject can copy them into
 * the map it writes instead of serialising them again (they are most of a map's bytes). A literal is kept only when
 * it is byte for byte what `JSON.stringify` writes for its value, so copying it changes nothing; for any other entry,
 * and for anything unusual in the text, the caller serialises as before.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const json_literals_COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const KEY = Buffer.from('"sourcesContent"');
/** Escapes `JSON.stringify` writes as two characters (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`). */
const SHORT_ESCAPES = new Set([0x22, 0x5c, 0x62, 0x66, 0x6e, 0x72, 0x74]);
/** Control characters `JSON.stringify` writes as `\b`, `\t`, `\n`, `\f`, `\r`, never as `\u00XX`. */
const SHORT_CONTROLS = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d]);
/**
 * One entry per `sourcesContent` element of the map JSON in `bytes` (the last `sourcesContent` key, as JSON.parse
 * keeps): the element's literal, quotes included, when copying it gives `JSON.stringify` of its value; undefined for
 * `null` and for a literal that does not. Undefined as a whole when the key is absent or not an array, or when the
 * text is not a plain JSON object this scanner follows (the caller then serialises everything).
 */
function sourcesContentLiterals(bytes) {
    const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let found;
    let i = skipSpace(b, 0);
    if (b[i] !== OPEN_BRACE)
        return undefined;
    i = skipSpace(b, i + 1);
    if (b[i] === CLOSE_BRACE)
        return undefined;
    for (;;) {
        if (b[i] !== QUOTE)
            return undefined;
        const keyEnd = stringEnd(b, i);
        // An escaped key could still mean "sourcesContent" to JSON.parse: give up rather than guess.
        if (keyEnd < 0 || b.subarray(i, keyEnd).includes(BACKSLASH))
            return undefined;
        const isContent = keyEnd - i === KEY.length && b.subarray(i, keyEnd).equals(KEY);
        i = skipSpace(b, keyEnd);
        if (b[i] !== COLON)
            return undefined;
        i = skipSpace(b, i + 1);
        if (isContent) {
            const array = readLiterals(b, i);
            found = array?.literals;
            if (!array)
                return undefined;
            i = array.end;
        }
        else {
            i = skipValue(b, i);
            if (i < 0)
                return undefined;
        }
        i = skipSpace(b, i);
        if (b[i] === CLOSE_BRACE)
            return found;
        if (b[i] !== json_literals_COMMA)
            return undefined;
        i = skipSpace(b, i + 1);
    }
}
/** The elements of the array at `i` (strings and nulls only), and the index after it. */
function readLiterals(b, i) {
    if (b[i] !== OPEN_BRACKET)
        return undefined;
    const literals = [];
    i = skipSpace(b, i + 1);
    if (b[i] === CLOSE_BRACKET)
        return { literals, end: i + 1 };
    for (;;) {
        if (b[i] === QUOTE) {
            const end = stringEnd(b, i);
            if (end < 0)
                return undefined;
            literals.push(isStringifyLiteral(b, i, end) ? b.subarray(i, end) : undefined);
            i = end;
        }
        else {
            const end = skipValue(b, i);
            if (end < 0)
                return undefined;
            literals.push(undefined);
            i = end;
        }
        i = skipSpace(b, i);
        if (b[i] === CLOSE_BRACKET)
            return { literals, end: i + 1 };
        if (b[i] !== json_literals_COMMA)
            return undefined;
        i = skipSpace(b, i + 1);
    }
}
/**
 * Whether the literal `b[start, end)` is what `JSON.stringify` writes for its value: its only escapes are `\"`, `\\`,
 * `\b`, `\f`, `\n`, `\r`, `\t` and `\u00xx` (lowercase) for the other control characters. Raw bytes need no check:
 * JSON forbids raw control characters, and every other character `JSON.stringify` leaves as it is.
 */
function isStringifyLiteral(b, start, end) {
    const last = end - 1; // the closing quote
    for (let at = b.indexOf(BACKSLASH, start + 1); at >= 0 && at < last; at = b.indexOf(BACKSLASH, at)) {
        const c = b[at + 1];
        if (SHORT_ESCAPES.has(c)) {
            at += 2;
            continue;
        }
        if (c !== 0x75 || b[at + 2] !== 0x30 || b[at + 3] !== 0x30)
            return false; // `\u00`
        const hi = hexDigit(b[at + 4]);
        const lo = hexDigit(b[at + 5]);
        if (hi < 0 || hi > 1 || lo < 0)
            return false;
        if (SHORT_CONTROLS.has(hi * 16 + lo))
            return false;
        at += 6;
    }
    return true;
}
/** 0–15 for a lowercase hex digit, else -1 (`JSON.stringify` writes lowercase). */
function hexDigit(c) {
    if (c >= 0x30 && c <= 0x39)
        return c - 0x30;
    if (c >= 0x61 && c <= 0x66)
        return c - 0x61 + 10;
    return -1;
}
function skipSpace(b, i) {
    while (i < b.length) {
        const c = b[i];
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09)
            break;
        i++;
    }
    return i;
}
/** The index after the string literal opening at `i`, or -1 when it does not close. */
function stringEnd(b, i) {
    let from = i + 1;
    for (;;) {
        const quote = b.indexOf(QUOTE, from);
        if (quote < 0)
            return -1;
        let slashes = 0;
        while (b[quote - 1 - slashes] === BACKSLASH)
            slashes++;
        if (slashes % 2 === 0)
            return quote + 1;
        from = quote + 1;
    }
}
/** The index after the JSON value at `i` (the text already parsed as JSON, so only its extent is found), or -1. */
function skipValue(b, i) {
    const first = b[i];
    if (first === QUOTE)
        return stringEnd(b, i);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
        while (i < b.length) {
            const c = b[i];
            if (c === json_literals_COMMA ||
                c === CLOSE_BRACE ||
                c === CLOSE_BRACKET ||
                c === 0x20 ||
                c === 0x0a ||
                c === 0x0d ||
                c === 0x09)
                break;
            i++;
        }
        return i;
    }
    let depth = 0;
    while (i < b.length) {
        const c = b[i];
        if (c === QUOTE) {
            i = stringEnd(b, i);
            if (i < 0)
                return -1;
            continue;
        }
        if (c === OPEN_BRACE || c === OPEN_BRACKET)
            depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            depth--;
            if (depth === 0)
                return i + 1;
        }
        i++;
    }
    return -1;
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/raw-map.js
/**
 * Source maps read exactly as sentry-cli 3.8 reads them (rust-sourcemap 9.3): which JSON counts as a map, and how
 * its fields and mappings decode (duplicate tokens folded). map-writer.ts writes them back; the `mappings` string
 * itself is decoded and encoded in mappings-codec.ts.
 */





const JUNK = new Set([0x29, 0x5d, 0x7d, 0x27]); // ) ] } '
/** Drops an XSSI prefix such as `)]}'\n` (rust-sourcemap `strip_junk_header`). */
function stripJunkHeader(bytes) {
    if (bytes.length === 0 || !JUNK.has(bytes[0]))
        return bytes;
    let needNewline = false;
    for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i];
        if (needNewline && b !== 0x0a)
            throw new SourceMapParseError('expected newline after the junk header');
        if (JUNK.has(b))
            continue;
        if (b === 0x0d)
            needNewline = true;
        else if (b === 0x0a)
            return bytes.subarray(i);
    }
    return bytes.subarray(bytes.length);
}
function parseJson(bytes) {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(stripJunkHeader(bytes));
    return JSON.parse(text);
}
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const present = (v) => v !== undefined && v !== null;
/** True when sentry-cli would type these bytes as a source map (`sourcemap::is_sourcemap_slice`). */
function isSourceMapBytes(bytes) {
    return inspectSourceMapBytes(bytes).isMap;
}
/**
 * One parse for both questions a scan asks: is this a source map, and which debug ID does it carry as symbolic
 * reads it for the bundle manifest (`debug_id` preferred over `debugId`, unlike rust-sourcemap).
 */
function inspectSourceMapBytes(bytes) {
    // Cheap pre-check: JSON maps start with `{` (after whitespace) or a junk header.
    let i = 0;
    while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09))
        i++;
    if (i >= bytes.length || (bytes[i] !== 0x7b && !JUNK.has(bytes[i])))
        return { isMap: false };
    let raw;
    try {
        raw = parseJson(bytes);
    }
    catch {
        return { isMap: false };
    }
    if (!isObject(raw))
        return { isMap: false };
    if (present(raw.version) && !(Number.isInteger(raw.version) && raw.version >= 0))
        return { isMap: false };
    const isMap = ((present(raw.version) || present(raw.file)) &&
        (present(raw.sources) || present(raw.sourceRoot) || present(raw.sourcesContent) || present(raw.names)) &&
        present(raw.mappings)) ||
        present(raw.sections);
    if (!isMap)
        return { isMap: false };
    const pick = (v) => (typeof v === 'string' ? normalizeDebugId(v) : undefined);
    const debugId = pick(raw.debug_id) ?? pick(raw.debugId);
    return debugId ? { isMap: true, debugId } : { isMap: true };
}
/** Parses map bytes (external file or decoded data URL); throws SourceMapParseError as sentry-cli would fail. */
function decodeMapBytes(bytes, opts = {}) {
    let raw;
    try {
        raw = parseJson(bytes);
    }
    catch (e) {
        throw new SourceMapParseError(`not valid JSON: ${e.message}`);
    }
    const map = decodeRaw(raw, opts);
    if (opts.keepSourcesContentText && map.kind === 'regular' && map.sourcesContent) {
        const literals = sourcesContentLiterals(stripJunkHeader(bytes));
        if (literals?.length === map.sourcesContent.length)
            map.sourcesContentText = literals;
    }
    return map;
}
function decodeRaw(raw, opts = {}) {
    if (!isObject(raw))
        throw new SourceMapParseError('a source map must be a JSON object');
    const debugId = readDebugId(raw);
    if (present(raw.sections)) {
        if (!Array.isArray(raw.sections))
            throw new SourceMapParseError('"sections" must be an array');
        const sections = raw.sections.map((s, i) => {
            if (!isObject(s) || !isObject(s.offset))
                throw new SourceMapParseError(`section ${i} has no offset`);
            const line = s.offset.line;
            const column = s.offset.column;
            if (!isU32(line) || !isU32(column))
                throw new SourceMapParseError(`section ${i} has a bad offset`);
            return {
                line,
                column,
                url: typeof s.url === 'string' ? s.url : null,
                map: present(s.map) ? decodeRaw(s.map, opts) : null,
            };
        });
        // Stable sort by offset, as decode_index does.
        sections.sort((a, b) => a.line - b.line || a.column - b.column);
        return { kind: 'index', ...fileField(raw.file), sections, ...(debugId ? { debugId } : {}) };
    }
    return decodeRegular(raw, debugId, opts);
}
function isU32(v) {
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= NONE;
}
function fileField(file) {
    if (!present(file))
        return {};
    return { file: typeof file === 'string' ? file : '<invalid>' };
}
function readDebugId(raw) {
    // Both fields are parsed (a malformed one fails the whole map); `debugId` wins over the legacy `debug_id`.
    const read = (key) => {
        const v = raw[key];
        if (!present(v))
            return undefined;
        const id = typeof v === 'string' ? normalizeDebugId(v) : undefined;
        if (!id)
            throw new SourceMapParseError(`"${key}" is not a debug ID: ${JSON.stringify(v)}`);
        return id;
    };
    const camel = read('debugId');
    const legacy = read('debug_id');
    return camel ?? legacy;
}
function stringList(v, field) {
    if (!present(v))
        return [];
    if (!Array.isArray(v))
        throw new SourceMapParseError(`"${field}" must be an array`);
    return v.map((x) => {
        if (x === null)
            return null;
        if (typeof x !== 'string')
            throw new SourceMapParseError(`"${field}" holds a non-string entry`);
        return x;
    });
}
function decodeRegular(raw, debugId, opts) {
    const sources = stringList(raw.sources, 'sources').map((s) => s ?? '');
    if (present(raw.names) && !Array.isArray(raw.names))
        throw new SourceMapParseError('"names" must be an array');
    const names = (raw.names ?? []).map((n) => typeof n === 'string' ? n : typeof n === 'number' ? String(n) : '');
    if (present(raw.mappings) && typeof raw.mappings !== 'string')
        throw new SourceMapParseError('"mappings" must be a string');
    if (present(raw.sourceRoot) && typeof raw.sourceRoot !== 'string')
        throw new SourceMapParseError('"sourceRoot" must be a string');
    const mappings = raw.mappings ?? '';
    const keep = opts.keepCanonicalMappings && isCanonicalMappings(mappings, sources.length, names.length);
    const tokens = keep ? emptyTokens(0) : decodeMappings(mappings, sources.length, names.length);
    const map = { kind: 'regular', ...fileField(raw.file), sources, names, tokens, ignoreList: [] };
    if (keep)
        map.mappings = mappings;
    if (present(raw.sourceRoot))
        map.sourceRoot = raw.sourceRoot;
    if (present(raw.sourcesContent))
        map.sourcesContent = stringList(raw.sourcesContent, 'sourcesContent');
    if (present(raw.ignoreList)) {
        if (!Array.isArray(raw.ignoreList) || !raw.ignoreList.every(isU32))
            throw new SourceMapParseError('"ignoreList" must be an array of indexes');
        map.ignoreList = [...new Set(raw.ignoreList)].sort((a, b) => a - b);
    }
    if (present(raw.x_facebook_sources))
        map.facebookSources = raw.x_facebook_sources;
    if (debugId)
        map.debugId = debugId;
    return map;
}
/** Decodes the tokens of a map read with `keepCanonicalMappings`, for edits made on tokens. */
function decodeKeptMappings(map) {
    if (map.mappings === undefined)
        return;
    map.tokens = decodeMappings(map.mappings, map.sources.length, map.names.length);
    delete map.mappings;
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
;// CONCATENATED MODULE: ./.build/src/sourcemaps/js-comments.js
/**
 * Magic comments in built JavaScript, read the way symbolic's `js.rs` reads them: the LAST `sourceMappingURL=`
 * or `debugId=` whose four preceding characters are `//# ` (or `//@ ` for source maps), value up to whitespace.
 */

function findMagicComment(text, needle, allowAt) {
    let pos = text.lastIndexOf(needle);
    while (pos >= 0) {
        const prefix = pos >= 4 ? text.slice(pos - 4, pos) : '';
        if (prefix === '//# ' || (allowAt && prefix === '//@ ')) {
            const rest = text.slice(pos + needle.length).replace(/^[\t\n\f\r ]+/, '');
            return /^[^\t\n\f\r ]*/.exec(rest)[0];
        }
        pos = pos === 0 ? -1 : text.lastIndexOf(needle, pos - 1);
    }
    return undefined;
}
const isAsciiSpace = (b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d;
/** The same search on bytes (as symbolic does it), so a scan need not decode whole files. */
function findMagicCommentInBytes(bytes, needle, allowAt) {
    const n = Buffer.from(needle);
    let pos = bytes.lastIndexOf(n);
    while (pos >= 0) {
        if (pos >= 4) {
            const prefix = bytes.toString('latin1', pos - 4, pos);
            if (prefix === '//# ' || (allowAt && prefix === '//@ ')) {
                let start = pos + n.length;
                while (start < bytes.length && isAsciiSpace(bytes[start]))
                    start++;
                let end = start;
                while (end < bytes.length && !isAsciiSpace(bytes[end]))
                    end++;
                return bytes.toString('utf8', start, end);
            }
        }
        pos = pos === 0 ? -1 : bytes.lastIndexOf(n, pos - 1);
    }
    return undefined;
}
const stripQueryAndFragment = (url) => url.split('?')[0].split('#')[0];
/** The source map location named in the file (query and fragment removed), or undefined. */
function findSourceMappingUrl(text) {
    if (typeof text !== 'string') {
        const found = findMagicCommentInBytes(text, 'sourceMappingURL=', true);
        return found === undefined ? undefined : stripQueryAndFragment(found);
    }
    const url = findMagicComment(text, 'sourceMappingURL=', true);
    if (url === undefined)
        return undefined;
    return url.split('?')[0].split('#')[0];
}
/** The debug ID of an already injected file (`//# debugId=`), normalised, or undefined. */
function findDebugIdComment(text) {
    const value = typeof text === 'string'
        ? findMagicComment(text, 'debugId=', false)
        : findMagicCommentInBytes(text, 'debugId=', false);
    return value === undefined ? undefined : normalizeDebugId(value);
}
/** True for a location sentry-cli does not look for on disk: a URL with a scheme other than `data`. */
function isRemoteUrl(location) {
    const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(location);
    return m !== null && m[1].toLowerCase() !== 'data';
}

// EXTERNAL MODULE: ./.build/src/sourcemaps/limit.js
var limit = __webpack_require__(8293);
;// CONCATENATED MODULE: ./.build/src/sourcemaps/url-paths.js
/**
 * Path arithmetic on the `/`-separated file URLs sentry-cli uses while injecting: symbolic's `join_path` and
 * `clean_path`, sentry-cli's `normalize_sourcemap_url`, `find_matching_paths` and the sibling-name guesses.
 * Pure string functions; nothing here touches the disk.
 */
const isSep = (c) => c === '/' || c === '\\';
function isAbsolute(p) {
    return p.startsWith('/') || p.startsWith('\\\\') || /^[A-Za-z]:(?:[\\/]|$)/.test(p);
}
/** symbolic `join_path` (unix flavour; Windows-style inputs keep their backslashes). */
function joinPath(base, other) {
    if (other.startsWith('<') && other.endsWith('>'))
        return other;
    if (base === '' || isAbsolute(other))
        return other;
    if (other === '')
        return base;
    if (isSep(other[0]))
        return other;
    const windows = base.includes('\\') || other.includes('\\') || /^[A-Za-z]:/.test(base);
    return `${base.replace(/[\\/]+$/, '')}${windows ? '\\' : '/'}${other.replace(/^[\\/]+/, '')}`;
}
/** symbolic `clean_path`: drops `.` segments and folds `..` (its known quirks included). */
function cleanPath(path) {
    const sep = path.includes('\\') || /^[A-Za-z]:/.test(path) ? '\\' : '/';
    let rv = '';
    let needsSeparator = false;
    let isPastRoot = false;
    const segments = path.split(/[\\/]/);
    if (segments.length > 0 && segments[segments.length - 1] === '')
        segments.pop(); // split_terminator
    const pop = () => {
        const idx = Math.max(rv.lastIndexOf('/'), rv.lastIndexOf('\\'));
        if (idx >= 0) {
            rv = rv.slice(0, idx);
            return true;
        }
        if (rv !== '') {
            rv = '';
            return true;
        }
        return false;
    };
    for (const segment of segments) {
        if (segment === '.')
            continue;
        if (segment === '..') {
            if (!isPastRoot && pop()) {
                if (rv === '')
                    needsSeparator = false;
            }
            else {
                if (!isPastRoot) {
                    needsSeparator = false;
                    isPastRoot = true;
                }
                if (needsSeparator)
                    rv += sep;
                rv += '..';
                needsSeparator = true;
            }
            continue;
        }
        if (needsSeparator)
            rv += sep;
        else
            needsSeparator = true;
        rv += segment;
    }
    return rv;
}
/** `some/dir/app.js` + `../maps/app.js.map` → `some/maps/app.js.map`; leading `./` segments are kept. */
function normalizeSourcemapUrl(sourceUrl, sourcemapUrl) {
    const slash = sourceUrl.lastIndexOf('/');
    const base = slash >= 0 ? sourceUrl.slice(0, slash) : '';
    const joined = joinPath(base, sourcemapUrl);
    let cutoff = 0;
    while (joined.startsWith('./', cutoff))
        cutoff += 2;
    return joined.slice(0, cutoff) + cleanPath(joined.slice(cutoff));
}
/**
 * Candidates equal to `expected` (then only that one), else those differing from it in exactly one directory
 * segment (never the file name): split code/maps trees. `\` separates as `/` does: the URL of a map next to a
 * Windows path (`D:\a\dist\app.js.map`, as cleanPath spells it) matches the discovered `D:/a/dist/app.js.map`.
 */
function findMatchingPaths(candidates, expected) {
    const segments = (path) => path.split(/[\\/]/).filter((s) => s !== '.');
    const exp = segments(expected);
    const matches = [];
    for (const candidate of candidates) {
        const cand = segments(candidate);
        if (cand.length === exp.length && cand.every((s, i) => s === exp[i]))
            return [candidate];
        let i = 0;
        while (i < cand.length && i < exp.length && cand[i] === exp[i])
            i++;
        const restC = cand.slice(i + 1);
        const restE = exp.slice(i + 1);
        if (restC.length > 0 && restC.length === restE.length && restC.every((s, k) => s === restE[k]))
            matches.push(candidate);
    }
    return matches;
}
function splitUrl(url) {
    const slash = url.lastIndexOf('/');
    const filename = slash >= 0 ? url.slice(slash + 1) : url;
    const dot = filename.indexOf('.');
    return {
        ...(slash >= 0 ? { path: url.slice(0, slash) } : {}),
        basename: dot >= 0 ? filename.slice(0, dot) : filename,
        ...(dot >= 0 ? { ext: filename.slice(dot + 1) } : {}),
    };
}
const unsplit = (path, basename, ext) => `${path === undefined ? '' : `${path}/`}${basename}.${ext}`;
/**
 * sentry-cli's guess for a file without a `sourceMappingURL`: `foo.map`, `foo.min.js.map`, `foo.js.map`
 * (dropping `min.`), `foo.min.map`, among the known map URLs. Returns the relative reference and the full URL.
 */
function guessSourcemapReference(sourcemaps, minUrl) {
    const { path, basename, ext } = splitUrl(minUrl);
    const candidates = ['map'];
    if (ext !== undefined) {
        candidates.push(`${ext}.map`);
        if (ext.startsWith('min.'))
            candidates.push(`${ext.slice(4)}.map`);
        const parts = ext.split('.');
        if (parts.length > 1) {
            parts[parts.length - 1] = 'map';
            candidates.push(parts.join('.'));
        }
    }
    for (const e of candidates) {
        const url = unsplit(path, basename, e);
        if (sourcemaps.has(url))
            return { reference: unsplit(undefined, basename, e), url };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/scan.js
/**
 * The first, light pass over a build: which files are source maps, and for each script its `//# debugId=` and where
 * its `sourceMappingURL` points. Validate, inject and upload all start here, so the three agree on which map belongs
 * to which script (sentry-cli's rules: the comment, else an unambiguous sibling `.map`).
 */








const DEFAULT_JS_EXTENSIONS = ['js', 'cjs', 'mjs'];
/** Files read at once by a scan: enough to keep the disk busy, few enough to bound memory. */
const SCAN_CONCURRENCY = 8;
async function readHead(path, n) {
    const fh = await (0,promises_.open)(path, 'r');
    try {
        const buf = Buffer.alloc(n);
        const { bytesRead } = await fh.read(buf, 0, n, 0);
        return buf.subarray(0, bytesRead);
    }
    finally {
        await fh.close();
    }
}
function mayBeJsonObject(head) {
    for (const b of head) {
        if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)
            continue;
        return b === 0x7b || b === 0x29 || b === 0x5d || b === 0x7d || b === 0x27;
    }
    return false;
}
/** First pass: which files are maps, and each script's debug ID comment and map location. */
async function scanFile(file, opts = {}) {
    const head = await readHead(file.absolutePath, 64);
    // Injecting parses every referenced map anyway; a JSON-looking `.map` file is taken for a map until then.
    if (opts.trustMapNames && file.path.endsWith('.map') && mayBeJsonObject(head))
        return { ...file, isMap: true };
    if (mayBeJsonObject(head))
        return scanBytes(file, await (0,promises_.readFile)(file.absolutePath));
    if (file.path.endsWith('.map'))
        return { ...file, isMap: false };
    return scanScript(file, await (0,promises_.readFile)(file.absolutePath));
}
/** The same scan on bytes already read. */
function scanBytes(file, bytes) {
    if (mayBeJsonObject(bytes.subarray(0, 64))) {
        const inspected = inspectSourceMapBytes(bytes);
        if (inspected.isMap)
            return { ...file, isMap: true, ...(inspected.debugId ? { mapDebugId: inspected.debugId } : {}) };
        return scanScript(file, bytes);
    }
    if (file.path.endsWith('.map'))
        return { ...file, isMap: false };
    return scanScript(file, bytes);
}
function scanScript(file, bytes) {
    // Read on the bytes (no decoding of the whole file); sentry-cli ignores the comments of non-UTF-8 files.
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!(0,external_node_buffer_.isUtf8)(buf))
        return { ...file, isMap: false };
    const scanned = { ...file, isMap: false };
    const debugId = findDebugIdComment(buf);
    if (debugId)
        scanned.debugId = debugId;
    const location = findSourceMappingUrl(buf);
    // Remote URLs and absolute URL paths that do not exist here are not local maps (sentry-cli's filter).
    if (location !== undefined) {
        if (isRemoteUrl(location) || (location.startsWith('/') && !(0,external_node_fs_.existsSync)(location)))
            scanned.remoteLocation = location;
        else
            scanned.location = location;
    }
    return scanned;
}
function parentJoin(path, location) {
    if (location.startsWith('/'))
        return location;
    const slash = path.lastIndexOf('/');
    return slash >= 0 ? `${path.slice(0, slash)}/${location}` : location;
}
/** Discovers the scripts and maps under `paths` and scans each (see the module comment). */
async function scanBuild(paths, opts = {}) {
    const jsExtensions = (opts.extensions ?? DEFAULT_JS_EXTENSIONS).map((e) => e.replace(/^\./, ''));
    const discovered = await discoverFiles(paths, { ...opts, extensions: [...jsExtensions, 'map'] });
    const scanOpts = opts.trustMapNames ? { trustMapNames: true } : {};
    const files = await (0,limit/* mapLimited */.b)(discovered, SCAN_CONCURRENCY, (f) => scanFile(f, scanOpts));
    return {
        files,
        byPath: new Map(files.map((f) => [f.path, f])),
        mapPaths: files
            .filter((f) => f.isMap)
            .map((f) => f.path)
            .sort(),
        jsExtensions,
    };
}
/** Which map each script refers to: its comment, or sentry-cli's unambiguous sibling-name guess. */
function resolveReferences(files, warn) {
    const refs = new Map();
    const mapUrls = new Set(files.filter((f) => f.isMap).map((f) => f.path));
    const explicit = new Map();
    const withoutLocation = [];
    for (const f of files) {
        if (f.isMap)
            continue;
        if (f.location !== undefined) {
            refs.set(f.path, f.location);
            explicit.set(parentJoin(f.path, f.location), f.path);
        }
        else
            withoutLocation.push(f);
    }
    const guessedBy = new Map();
    for (const f of withoutLocation) {
        const guess = guessSourcemapReference(mapUrls, f.path);
        const owner = guess ? explicit.get(guess.url) : undefined;
        if (!guess || owner !== undefined) {
            if (owner !== undefined)
                warn(`${f.path}: the guessed source map ${guess.reference} belongs to ${owner}; add a sourceMappingURL comment`);
            refs.set(f.path, undefined);
            continue;
        }
        const entry = guessedBy.get(guess.url) ?? { reference: guess.reference, sources: [] };
        entry.sources.push(f.path);
        guessedBy.set(guess.url, entry);
    }
    for (const { reference, sources } of guessedBy.values()) {
        if (sources.length === 1)
            refs.set(sources[0], reference);
        else
            for (const s of sources) {
                warn(`${s}: source map ${reference} fits several files; add a sourceMappingURL comment to say which`);
                refs.set(s, undefined);
            }
    }
    return refs;
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/inject.js
/**
 * `faultline sourcemaps inject`: gives every built JavaScript file a debug ID exactly as
 * `sentry-cli sourcemaps inject` 3.8 does (same bytes, same IDs, maps fixed up the same way), and ties its
 * source map to it. Files are read twice (a light scan, then one file and its map at a time, the next pair read
 * ahead), so memory stays bounded by the largest files, not the build.
 */








const DATA_PREAMBLE = 'data:application/json;base64,';

class InjectError extends Error {
    path;
    constructor(path, message, options) {
        super(message, options);
        this.name = 'InjectError';
        this.path = path;
    }
}
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function decodeUtf8(bytes) {
    try {
        return utf8.decode(bytes);
    }
    catch {
        return undefined;
    }
}
/** Adds the snippet and re-maps a regular map, or shifts an indexed map's sections by one line. */
function injectWithMap(text, map, debugId) {
    if (map.kind === 'index') {
        for (const s of map.sections)
            s.line += 1;
        return injectAtStart(text, debugId);
    }
    const ins = insertSnippetAfterPrologue(text, debugId);
    const shifted = map.mappings !== undefined && text.length > 0
        ? shiftCanonicalMappings(map.mappings, ins.line, ins.byteColumn, lastLineWithCharacters(text))
        : undefined;
    if (shifted !== undefined) {
        map.mappings = shifted;
        return ins.text;
    }
    decodeKeptMappings(map);
    map.tokens = adjustTokensForInsertion(map.tokens, text, ins);
    return ins.text;
}
/** Index of the script's last line that holds a character (an empty last line after a final newline has none). */
function lastLineWithCharacters(text) {
    let line = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        line++;
    return text.endsWith('\n') ? line - 1 : line;
}
function isCanonicalBase64(s) {
    if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s))
        return false;
    return Buffer.from(s, 'base64').toString('base64') === s;
}
/** Injects debug IDs into the files under `dirs` (see module comment). */
async function injectDebugIds(dirs, opts = {}) {
    const build = await scanBuild(dirs, { ...opts, trustMapNames: true });
    const result = {
        filesFound: build.files.length,
        injected: [],
        previouslyInjected: [],
        sourcemaps: [],
        skippedSourcemaps: [],
        warnings: [],
        mapDebugIds: new Map(),
    };
    const warn = (line) => result.warnings.push(line);
    const run = { build, refs: resolveReferences(build.files, warn), result, warn, ...buildFiles(opts) };
    const scripts = build.files.filter((f) => !f.isMap && matchesExtension(f.path, build.jsExtensions));
    try {
        for (const [i, file] of scripts.entries()) {
            if (file.debugId) {
                result.previouslyInjected.push({ path: file.path, debugId: file.debugId });
                continue;
            }
            // The next script and its map are read while this one is computed.
            const next = scripts.slice(i + 1).find((f) => !f.debugId);
            if (next)
                prefetchScript(run, next);
            const debugId = await injectScript(run, file);
            if (debugId !== undefined)
                result.injected.push({ path: file.path, debugId });
        }
    }
    catch (error) {
        await run.flush().catch(() => { }); // the first failure is the one to report
        throw error;
    }
    await run.flush();
    return result;
}
/** Starts reading a script and the map file it names, for the loop to find them read when it gets there. */
function prefetchScript(run, file) {
    run.prefetch(file);
    const reference = run.refs.get(file.path);
    if (reference === undefined || reference.startsWith(DATA_PREAMBLE))
        return;
    const mapFile = findMapFile(run, file, reference).file;
    if (mapFile)
        run.prefetch(mapFile);
}
/** The build's map file a script's reference names, and every candidate when it is ambiguous. */
function findMapFile(run, file, reference) {
    const normalized = normalizeSourcemapUrl(file.path, reference);
    const matches = findMatchingPaths(run.build.mapPaths, normalized);
    const found = run.build.byPath.get(matches.length === 1 ? matches[0] : normalized);
    return { file: found, normalized, matches };
}
/** Gives one script its debug ID (and its map, when it has one); the ID, or undefined when the script is skipped. */
async function injectScript(run, file) {
    const bytes = await run.read(file);
    const text = decodeUtf8(bytes);
    if (text === undefined)
        throw new InjectError(file.path, `${file.path} is not valid UTF-8; exclude it with --ignore or fix its encoding`);
    const reference = run.refs.get(file.path);
    const injected = reference === undefined
        ? withoutMap(bytes, text)
        : reference.startsWith(DATA_PREAMBLE)
            ? withEmbeddedMap(run, file, bytes, text, reference.slice(DATA_PREAMBLE.length))
            : await withMapFile(run, file, bytes, text, reference);
    if (!injected)
        return undefined;
    await run.write(file, injected.output);
    return injected.debugId;
}
/** No map: hash the script, append the snippet at the end so no mapping moves. */
function withoutMap(bytes, text) {
    const debugId = debugIdFromBytes(bytes);
    return { debugId, output: injectAtEnd(text, debugId) };
}
/** A `data:` URL map: re-mapped and written back into the script's own comment. */
function withEmbeddedMap(run, file, bytes, text, encoded) {
    if (!isCanonicalBase64(encoded)) {
        run.warn(`Skipping ${file.path}: embedded sourcemap is not valid base64`);
        return undefined;
    }
    const decoded = Buffer.from(encoded, 'base64');
    const map = parseMapOrThrow(decoded, file.path, `the embedded source map in ${file.path}`);
    const debugId = map.debugId ?? debugIdFromScriptAndMap(bytes, decoded);
    const output = injectWithMap(text, map, debugId);
    map.debugId = debugId;
    return {
        debugId,
        output: replaceSourcemapUrl(output, DATA_PREAMBLE + encodeMapBytes(map).toString('base64')),
    };
}
/** A map file: it gets the same debug ID and its mappings move with the snippet; a map not in the build is as none. */
async function withMapFile(run, file, bytes, text, reference) {
    const { file: mapFile, normalized, matches } = findMapFile(run, file, reference);
    if (matches.length > 1)
        run.warn(`Ambiguous matches for sourcemap path ${normalized}: ${matches.join(', ')}`);
    if (!mapFile)
        return withoutMap(bytes, text);
    const mapBytes = await run.read(mapFile);
    const map = parseMapOrThrow(mapBytes, mapFile.path, `source map ${mapFile.path}`);
    const fresh = map.debugId === undefined;
    const debugId = map.debugId ?? debugIdFromScriptAndMap(bytes, mapBytes);
    const output = injectWithMap(text, map, debugId);
    map.debugId = debugId;
    await run.write(mapFile, encodeMapBytes(map));
    (fresh ? run.result.sourcemaps : run.result.skippedSourcemaps).push({ path: mapFile.path, debugId });
    run.result.mapDebugIds.set(mapFile.absolutePath, debugId);
    return { debugId, output };
}
/** With an empty extension list every file that is not a map is a script. */
function matchesExtension(path, exts) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    return exts.length === 0 || exts.some((e) => name.endsWith(`.${e}`));
}
function parseMapOrThrow(bytes, path, what) {
    try {
        return decodeMapBytes(bytes, { keepCanonicalMappings: true, keepSourcesContentText: true });
    }
    catch (e) {
        if (e instanceof SourceMapParseError)
            throw new InjectError(path, `Invalid ${what}: ${e.message}; fix or remove the map, or --ignore the file`, {
                cause: e,
            });
        throw e;
    }
}
/** The report sentry-cli prints after injecting, as plain lines. */
function renderInjectReport(r) {
    const lines = [];
    const section = (title, items) => {
        if (items.length === 0)
            return;
        lines.push(`  ${title}`);
        for (const i of [...items].sort((a, b) => (a.path < b.path ? -1 : 1)))
            lines.push(`    ${i.debugId} - ${i.path}`);
    };
    lines.push('Source Map Debug ID Injection Report');
    section('Modified: The following source files have been modified to have debug ids', r.injected);
    section('Modified: The following sourcemap files have been modified to have debug ids', r.sourcemaps);
    section('Ignored: The following source files already have debug ids', r.previouslyInjected);
    section('Ignored: The following sourcemap files already have debug ids', r.skippedSourcemaps);
    if (lines.length === 1)
        return ['> Nothing to inject'];
    return lines;
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/report.js
const TITLES = {
    'no-files': 'No files',
    'missing-map': 'No source map',
    'remote-map': 'Map not in the build',
    'map-not-found': 'Map file missing',
    'invalid-map': 'Map does not parse',
    'unresolved-sources': 'Sources without content',
    'mapping-outside-script': 'Mappings outside the script',
    'mapping-outside-source': 'Mappings outside the source',
    'no-debug-id': 'No debug ID',
};
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    if (n < 1024 * 1024)
        return `${(n / 1024).toFixed(1)} KiB`;
    return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
function counts(report) {
    const byKind = new Map();
    for (const f of report.findings)
        byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
    return byKind;
}
function summaryLine(report) {
    return (`${report.scripts} script${report.scripts === 1 ? '' : 's'} (${formatBytes(report.bytes)}), ` +
        `${report.scriptsWithMap} with a source map, ${report.maps} map file${report.maps === 1 ? '' : 's'}, ` +
        `${report.scriptsWithDebugId} with a debug ID`);
}
/** Terminal lines; `limit` caps the findings listed per kind. */
function renderReportText(report, limit = 20) {
    const lines = [`Source map check: ${summaryLine(report)}`];
    if (report.ok) {
        lines.push('✓ no problems found');
        return lines;
    }
    for (const [kind, findings] of counts(report)) {
        lines.push(`✗ ${TITLES[kind]} (${findings.length})`);
        for (const f of findings.slice(0, limit))
            lines.push(`    ${f.file}: ${f.message}`);
        if (findings.length > limit)
            lines.push(`    … and ${findings.length - limit} more`);
        lines.push(`    fix: ${findings[0].fix}`);
    }
    return lines;
}
const cell = (s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** Markdown for `$GITHUB_STEP_SUMMARY`: a summary table, then each kind of problem in a collapsed list. */
function renderReportMarkdown(report, limit = 50) {
    const byKind = counts(report);
    const out = [];
    out.push(`### Source maps ${report.ok ? '✅' : '⚠️'}`, '');
    out.push('| scripts | size | with a map | map files | with a debug ID | problems |');
    out.push('|---:|---:|---:|---:|---:|---:|');
    out.push(`| ${report.scripts} | ${formatBytes(report.bytes)} | ${report.scriptsWithMap} | ${report.maps} | ` +
        `${report.scriptsWithDebugId} | ${report.findings.length} |`);
    out.push('');
    if (report.ok) {
        out.push('Every script has a source map that parses, its sources resolve, and the sampled mappings land inside.');
        return `${out.join('\n')}\n`;
    }
    for (const [kind, findings] of byKind) {
        out.push(`<details><summary><b>${TITLES[kind]}</b> (${findings.length}) — ${cell(findings[0].fix)}</summary>`, '');
        out.push('| file | problem |', '|---|---|');
        for (const f of findings.slice(0, limit))
            out.push(`| \`${cell(f.file)}\` | ${cell(f.message)} |`);
        if (findings.length > limit)
            out.push(`| … | ${findings.length - limit} more |`);
        out.push('', '</details>', '');
    }
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/progress.js
/**
 * Progress of a long chunk upload: bytes and chunks sent, rate and ETA. On a terminal one line is redrawn (at most a
 * few times a second); in CI logs a line is written every few seconds. Throttled here, so the upload loop only adds
 * numbers; the clock and the output are injected so that tests drive both.
 */

function uploadProgress(out, opts = out) {
    const now = opts.now ?? Date.now;
    const interval = out.redraw ? (opts.redrawIntervalMs ?? 200) : (opts.logIntervalMs ?? 5000);
    let total = { bytes: 0, chunks: 0 };
    let sent = { bytes: 0, chunks: 0 };
    let started = 0;
    let shownAt = 0;
    let shown = false;
    const show = (at) => {
        const text = progressLine(total, sent, at - started);
        if (out.redraw)
            out.redraw(text);
        else
            out.line(text);
        shownAt = at;
        shown = true;
    };
    return {
        start(t) {
            total = t;
            sent = { bytes: 0, chunks: 0 };
            started = shownAt = now();
            shown = false;
        },
        advance(bytes, chunks) {
            sent = { bytes: sent.bytes + bytes, chunks: sent.chunks + chunks };
            const at = now();
            if (at - shownAt >= interval)
                show(at);
        },
        done() {
            // A terminal line that was drawn is finished with its final numbers; CI logs get the summary line elsewhere.
            if (!out.redraw || !shown)
                return;
            show(now());
            out.line('');
        },
    };
}
/** `> Uploading 3.2 MiB of 6.5 MiB (12/25 chunks), 1.1 MiB/s, ETA 3 s`. */
function progressLine(total, sent, elapsedMs) {
    const rate = elapsedMs > 0 ? (sent.bytes * 1000) / elapsedMs : 0;
    const left = total.bytes - sent.bytes;
    const eta = rate > 0 && left > 0 ? `, ETA ${formatDuration((left / rate) * 1000)}` : '';
    return (`> Uploading ${formatBytes(sent.bytes)} of ${formatBytes(total.bytes)} (${sent.chunks}/${total.chunks} chunks)` +
        `, ${formatBytes(Math.round(rate))}/s${eta}`);
}
function formatDuration(ms) {
    const s = Math.ceil(ms / 1000);
    return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./.build/src/sourcemaps/temp-dir.js
/**
 * A private temporary folder that works when `$TMPDIR` names a folder that does not exist (a stale CI setting):
 * the folder is created, and when that is not possible the system's default temporary folder is used instead.
 */



/** The system's temporary folder when `$TMPDIR`, `$TMP` and `$TEMP` are all ignored. */
function systemTempDir() {
    if (process.platform !== 'win32')
        return '/tmp';
    return (0,external_node_path_.join)(process.env.SystemRoot ?? process.env.windir ?? 'C:\\Windows', 'Temp');
}
function isMissingFolder(e) {
    return e?.code === 'ENOENT';
}
/** `mkdtemp` under `os.tmpdir()`, creating that folder first or falling back to the system's one. */
async function makeTempDir(prefix) {
    const base = (0,external_node_os_.tmpdir)();
    try {
        return await (0,promises_.mkdtemp)((0,external_node_path_.join)(base, prefix));
    }
    catch (e) {
        if (!isMissingFolder(e))
            throw e;
    }
    try {
        await (0,promises_.mkdir)(base, { recursive: true });
        return await (0,promises_.mkdtemp)((0,external_node_path_.join)(base, prefix));
    }
    catch {
        return await (0,promises_.mkdtemp)((0,external_node_path_.join)(systemTempDir(), prefix));
    }
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/mapping-check.js
/**
 * Do a map's mappings fit the script and its original sources? A sample of each map's tokens is held against the
 * line lengths of both: a map from another build of the file points past the ends of lines.
 */




/** Line lengths in UTF-16 units (the unit of source-map columns). */
function lineLengths(text) {
    return text.split('\n').map((l) => l.length);
}
/** Evenly spaced token indexes, at most `n`. */
function sampleIndexes(count, n) {
    if (count <= n)
        return Array.from({ length: count }, (_, i) => i);
    return Array.from({ length: n }, (_, i) => Math.floor((i * count) / n));
}
/**
 * Pure: checks a sample of a regular map's tokens against the script's and sources' line lengths
 * (`sourceLines[i]` undefined when that source's text is unknown, which skips the source-side check).
 */
function checkMappings(map, scriptLines, sourceLines, sampleSize) {
    const t = map.tokens;
    const result = { checked: 0, outsideScript: 0, outsideSource: 0 };
    for (const i of sampleIndexes(t.length, sampleSize)) {
        result.checked++;
        const line = t.dstLine[i];
        const col = t.dstCol[i];
        if (line >= scriptLines.length || col > scriptLines[line]) {
            result.outsideScript++;
            result.firstBad ??= `generated ${line + 1}:${col} is past the end of the script`;
            continue;
        }
        if (t.srcId[i] === NONE)
            continue;
        const lines = sourceLines[t.srcId[i]];
        if (!lines)
            continue;
        const sl = t.srcLine[i];
        const sc = t.srcCol[i];
        if (sl >= lines.length || sc > lines[sl]) {
            result.outsideSource++;
            result.firstBad ??= `${map.sources[t.srcId[i]]} ${sl + 1}:${sc} is past the end of that source`;
        }
    }
    return result;
}
/** The regular maps inside a map, each with the line its section starts at in the script. */
function regularMaps(map, lineOffset = 0) {
    if (map.kind === 'regular')
        return [{ map, lineOffset }];
    return map.sections.flatMap((s) => (s.map ? regularMaps(s.map, lineOffset + s.line) : []));
}
async function loadSources(map, mapDir) {
    let resolved = 0;
    const lines = [];
    for (let i = 0; i < map.sources.length; i++) {
        const content = map.sourcesContent?.[i];
        if (typeof content === 'string') {
            resolved++;
            lines.push(lineLengths(content));
            continue;
        }
        const source = map.sources[i];
        const root = map.sourceRoot ?? '';
        const rel = `${root}${root && !root.endsWith('/') ? '/' : ''}${source}`.replace(/^file:\/\//, '');
        const candidate = mapDir === undefined ? undefined : (0,external_node_path_.isAbsolute)(rel) ? rel : (0,external_node_path_.join)(mapDir, rel);
        if (candidate && (0,external_node_fs_.existsSync)(candidate)) {
            resolved++;
            lines.push(lineLengths(await (0,promises_.readFile)(candidate, 'utf8')));
        }
        else
            lines.push(undefined);
    }
    return { resolved, lines };
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/validate.js
/**
 * `faultline sourcemaps check`: before anything is uploaded, does every built script have a source map (comment,
 * data URL, or sentry-cli's sibling-name rules), does the map parse, can its sources be resolved, and do a sample
 * of its mappings land inside the script and inside the original sources? The result is a plain report object;
 * `report.ts` renders it for a terminal and for a job summary.
 */







const validate_utf8 = new TextDecoder('utf-8', { fatal: false });
const DATA_URL = /^data:application\/json(?:;charset=[\w-]+)?;base64,/i;
/** Validates the scripts and maps under `paths`. */
async function validateSourcemaps(paths, opts = {}) {
    const build = await scanBuild(paths, opts);
    const report = {
        paths: typeof paths === 'string' ? [paths] : [...paths],
        scripts: 0,
        maps: build.mapPaths.length,
        scriptsWithMap: 0,
        scriptsWithDebugId: 0,
        bytes: 0,
        files: [],
        findings: [],
        ok: true,
    };
    const run = {
        build,
        // A script whose sibling map is ambiguous gets no reference and is reported below as missing-map; inject and
        // upload warn about the ambiguity itself.
        refs: resolveReferences(build.files, () => { }),
        report,
        sampleSize: opts.sampleSize ?? 200,
        requireDebugIds: opts.requireDebugIds === true,
        find: (kind, file, message, fix) => report.findings.push({ kind, file, message, fix }),
    };
    for (const file of build.files)
        if (isScript(file, build.jsExtensions))
            await checkScript(run, file);
    if (report.scripts === 0)
        run.find('no-files', report.paths.join(', '), `no ${build.jsExtensions.join('/')} files found`, 'check the paths (they are relative to the working directory) and that the build ran first');
    report.ok = report.findings.length === 0;
    return report;
}
function isScript(file, jsExtensions) {
    if (file.isMap)
        return false;
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    return jsExtensions.some((e) => name.endsWith(`.${e}`));
}
/** One script: its debug ID, its map, and whether the map fits it. */
async function checkScript(run, file) {
    const bytes = await (0,promises_.readFile)(file.absolutePath);
    run.report.scripts++;
    run.report.bytes += bytes.length;
    const check = {
        path: file.path,
        bytes: bytes.length,
        mapKind: 'none',
        sources: 0,
        sourcesResolved: 0,
        mappingsChecked: 0,
        mappingsBad: 0,
    };
    if (file.debugId) {
        check.debugId = file.debugId;
        run.report.scriptsWithDebugId++;
    }
    else if (run.requireDebugIds) {
        run.find('no-debug-id', file.path, 'has no //# debugId comment', 'run `faultline sourcemaps inject` on the build first');
    }
    run.report.files.push(check);
    const found = await readScriptMap(run, file, check);
    if (!found)
        return;
    let map;
    try {
        map = decodeMapBytes(found.bytes);
    }
    catch (e) {
        run.find('invalid-map', file.path, `map ${check.map} does not parse: ${e.message}`, 'regenerate the map');
        return;
    }
    run.report.scriptsWithMap++;
    await checkMapFits(run, file, check, map, found.dir, validate_utf8.decode(bytes));
}
/** The script's map bytes and the folder its relative sources start from; a finding when there is none to read. */
async function readScriptMap(run, file, check) {
    const reference = run.refs.get(file.path);
    if (reference === undefined) {
        reportNoMap(run, file);
        return undefined;
    }
    const dataUrl = DATA_URL.exec(reference);
    if (dataUrl) {
        check.mapKind = 'embedded';
        check.map = 'data: URL';
        return { bytes: Buffer.from(reference.slice(dataUrl[0].length), 'base64'), dir: (0,external_node_path_.dirname)(file.absolutePath) };
    }
    const normalized = normalizeSourcemapUrl(file.path, reference);
    const matches = findMatchingPaths(run.build.mapPaths, normalized);
    const mapPath = matches.length === 1 ? matches[0] : normalized;
    const mapFile = run.build.byPath.get(mapPath);
    check.mapKind = file.location !== undefined ? 'external' : 'guessed';
    check.map = mapPath;
    if (!mapFile) {
        run.find('map-not-found', file.path, `names ${reference.length > 120 ? `${reference.slice(0, 117)}...` : reference}, which is not in the build`, 'upload the directory that holds the maps too, or fix the sourceMappingURL');
        return undefined;
    }
    return { bytes: await (0,promises_.readFile)(mapFile.absolutePath), dir: (0,external_node_path_.dirname)(mapFile.absolutePath) };
}
/** A script without a map reference: a remote map, or none at all. */
function reportNoMap(run, file) {
    if (file.remoteLocation !== undefined)
        run.find('remote-map', file.path, `names a map that is not in the build (${file.remoteLocation.slice(0, 120)})`, 'emit the map next to the script (a relative sourceMappingURL) so it can be uploaded');
    else if (file.location === undefined)
        run.find('missing-map', file.path, 'has no source map (no sourceMappingURL comment and no sibling .map file)', 'turn on source maps in the bundler (e.g. `build.sourcemap: true` / `devtool: "source-map"`)');
}
/** Samples each regular map inside `map` against the script's lines and its sources' lines. */
async function checkMapFits(run, file, check, map, mapDir, scriptText) {
    const scriptLines = lineLengths(scriptText);
    for (const { map: part, lineOffset } of regularMaps(map)) {
        const sources = await loadSources(part, mapDir);
        check.sources += part.sources.length;
        check.sourcesResolved += sources.resolved;
        // A section's lines count from its offset (its first line's column offset is ignored: a loose check).
        const m = checkMappings(part, scriptLines.slice(lineOffset), sources.lines, run.sampleSize);
        check.mappingsChecked += m.checked;
        check.mappingsBad += m.outsideScript + m.outsideSource;
        if (m.outsideScript > 0)
            run.find('mapping-outside-script', file.path, `${m.outsideScript} of ${m.checked} sampled mappings point outside the script (${m.firstBad})`, 'the map belongs to another build of this file: rebuild both together');
        else if (m.outsideSource > 0)
            run.find('mapping-outside-source', file.path, `${m.outsideSource} of ${m.checked} sampled mappings point outside their original source (${m.firstBad})`, 'the sources changed after the build, or sourcesContent is stale: rebuild');
    }
    if (check.sourcesResolved < check.sources)
        run.find('unresolved-sources', file.path, `${check.sources - check.sourcesResolved} of ${check.sources} sources have no sourcesContent and are not on disk`, 'enable sourcesContent in the bundler so Sentry can show the original code');
}

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./.build/src/sourcemaps/zip-writer.js
/**
 * A plain, reproducible zip writer: entries in the order given, every one dated 1980-01-01, no extra fields, so the
 * same input gives the same bytes (the artifact bundle's ID and chunk checksums depend on it).
 */


const deflate = (0,external_node_util_.promisify)(external_node_zlib_.deflateRaw);
/** DOS date of 1980-01-01 (day 1, month 1, year 0); the time is 00:00. */
const DOS_DATE = (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const ZIP32_LIMIT = 0xffffffff;
/** Files deflated ahead of the one being written: zlib runs them on its thread pool while this one is written. */
const DEFLATE_AHEAD = 4;
/** …but no more than this many raw bytes at once, so memory stays bounded by the largest file, not the build. */
const DEFLATE_AHEAD_BYTES = 16 * 1024 * 1024;
async function packEntry(name, raw, level) {
    const data = level > 0 ? await deflate(raw, { level }) : raw;
    return { name: Buffer.from(name), crc: (0,external_node_zlib_.crc32)(raw), method: level > 0 ? 8 : 0, rawSize: raw.length, data };
}
function localHeader(e) {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(UTF8_NAMES, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(0, 10);
    h.writeUInt16LE(DOS_DATE, 12);
    h.writeUInt32LE(e.crc, 14);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.rawSize, 22);
    h.writeUInt16LE(e.name.length, 26);
    h.writeUInt16LE(0, 28);
    return Buffer.concat([h, e.name]);
}
function centralHeader(e, offset) {
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(20, 6);
    h.writeUInt16LE(UTF8_NAMES, 8);
    h.writeUInt16LE(e.method, 10);
    h.writeUInt16LE(0, 12);
    h.writeUInt16LE(DOS_DATE, 14);
    h.writeUInt32LE(e.crc, 16);
    h.writeUInt32LE(e.data.length, 20);
    h.writeUInt32LE(e.rawSize, 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt32LE(offset, 42);
    return Buffer.concat([h, e.name]);
}
function endOfCentralDirectory(count, size, offset) {
    const h = Buffer.alloc(22);
    h.writeUInt32LE(0x06054b50, 0);
    h.writeUInt16LE(count, 8);
    h.writeUInt16LE(count, 10);
    h.writeUInt32LE(size, 12);
    h.writeUInt32LE(offset, 16);
    return h;
}
/**
 * Writes a plain zip (no data descriptors, no zip64) of `sources` in order to `out`, deflating a few files ahead on
 * zlib's thread pool while the current one is written. Offsets count from the zip's first byte (the SYSB header before it is not counted).
 */
async function writeZip(sources, level, out) {
    if (sources.length > 0xffff)
        throw new RangeError(`buildArtifactBundle: ${sources.length} files exceed a zip's 65535 entries; split the upload`);
    const base = out.size;
    const central = [];
    const pending = [];
    let pendingBytes = 0;
    let next = 0;
    const refill = () => {
        while (next < sources.length && pending.length < DEFLATE_AHEAD) {
            const source = sources[next];
            const size = source.size ?? DEFLATE_AHEAD_BYTES;
            if (pending.length > 0 && pendingBytes + size > DEFLATE_AHEAD_BYTES)
                break;
            const packed = source.read().then((raw) => packEntry(source.name, raw, level));
            packed.catch(() => { }); // awaited in order below; this keeps an early failure from going unhandled
            pending.push({ size, packed });
            pendingBytes += size;
            next++;
        }
    };
    refill();
    while (pending.length > 0) {
        const head = pending.shift();
        const entry = await head.packed;
        pendingBytes -= head.size;
        refill();
        const offset = out.size - base;
        if (offset + entry.data.length > ZIP32_LIMIT || entry.rawSize > ZIP32_LIMIT)
            throw new RangeError(`buildArtifactBundle: ${entry.name.toString()} pushes the bundle past 4 GiB; split the upload`);
        central.push(centralHeader(entry, offset));
        await out.write(localHeader(entry));
        await out.write(entry.data);
    }
    const cdOffset = out.size - base;
    const cd = Buffer.concat(central);
    await out.write(cd);
    await out.write(endOfCentralDirectory(central.length, cd.length, cdOffset));
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/bundle.js
/**
 * Artifact bundles as Sentry reads them (protocol notes §4): an 8-byte `SYSB` v2 header, then a zip of
 * `files/<bundle path>` entries in URL order and `manifest.json` last, every entry dated 1980-01-01, so the same
 * input gives the same bytes. The bundle is streamed to a temporary file while its SHA-1 and the SHA-1 of every
 * `chunkSize` slice are computed on the way: nothing holds the whole build in memory.
 */






const SYSB_HEADER = Buffer.from([0x53, 0x59, 0x53, 0x42, 0x02, 0x00, 0x00, 0x00]);
/** `~/a/b.js` → `_/_/a/b.js`; `https://host/p` → `https/host/p`; characters a URL path cannot hold are %-encoded. */
function bundlePath(url) {
    const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/]*)(\/.*)?$/.exec(url);
    let path;
    if (url.startsWith('~/'))
        path = `_/_/${url.slice(2)}`;
    else if (m)
        path = `${m[1]}/${m[2] || '_'}${m[3] ?? '/'}`;
    else
        path = `_/_/${url.replace(/^\/+/, '')}`;
    return path
        .split('/')
        .map((segment) => segment.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@#%]/g, (c) => encodeURIComponent(c)))
        .join('/');
}
const TYPE_NAMES = {
    minified_source: 'MinifiedSource',
    source_map: 'SourceMap',
    source: 'Source',
};
/**
 * The bundle's debug ID, derived from what it holds (sentry-cli's scheme, with each file's content digest in place
 * of its bytes): every file in URL order contributes URL, content SHA-1, type and headers.
 */
function bundleDebugId(entries) {
    const hash = (0,external_node_crypto_.createHash)('sha1');
    for (const e of [...entries].sort((a, b) => compare(a.url, b.url))) {
        hash.update(e.url).update(Buffer.from(e.sha1, 'hex')).update(TYPE_NAMES[e.type]);
        for (const key of Object.keys(e.headers).sort())
            hash.update(key).update(e.headers[key]);
    }
    return uuidFromDigest(hash.digest());
}
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** manifest.json: files by zip path, then the attributes in sorted order (`project` only for exactly one). */
function buildManifest(entries, bundleId, attrs) {
    const files = {};
    const paths = new Map();
    for (const e of [...entries].sort((a, b) => compare(a.url, b.url))) {
        let path = `files/${bundlePath(e.url)}`;
        const seen = paths.get(path) ?? 0;
        paths.set(path, seen + 1);
        if (seen > 0)
            path = `${path}.${seen}`;
        const headers = Object.fromEntries(Object.keys(e.headers)
            .sort()
            .map((k) => [k, e.headers[k]]));
        files[path] = { type: e.type, url: e.url, ...(Object.keys(headers).length ? { headers } : {}) };
    }
    const attributes = { debug_id: bundleId, org: attrs.org };
    if (attrs.projects.length === 1)
        attributes.project = attrs.projects[0];
    if (attrs.release)
        attributes.release = attrs.release;
    if (attrs.dist)
        attributes.dist = attrs.dist;
    if (attrs.note)
        attributes.note = attrs.note;
    const sorted = Object.fromEntries(Object.keys(attributes)
        .sort()
        .map((k) => [k, attributes[k]]));
    return { files, ...sorted };
}
/** Hashes the bytes as a whole and in `chunkSize` slices while appending them to a file (when there is one). */
class ChunkingFile {
    chunks = [];
    #whole = (0,external_node_crypto_.createHash)('sha1');
    #file;
    #chunkSize;
    #current = (0,external_node_crypto_.createHash)('sha1');
    #currentSize = 0;
    size = 0;
    constructor(file, chunkSize) {
        this.#file = file;
        this.#chunkSize = chunkSize;
    }
    async write(data) {
        this.#whole.update(data);
        let rest = data;
        while (rest.length > 0) {
            const take = Math.min(rest.length, this.#chunkSize - this.#currentSize);
            this.#current.update(rest.subarray(0, take));
            this.#currentSize += take;
            rest = rest.subarray(take);
            if (this.#currentSize === this.#chunkSize)
                this.#closeChunk();
        }
        this.size += data.length;
        if (!this.#file)
            return;
        let written = 0;
        while (written < data.length)
            written += (await this.#file.write(data, written)).bytesWritten;
    }
    finish() {
        if (this.#currentSize > 0)
            this.#closeChunk();
        return this.#whole.digest('hex');
    }
    #closeChunk() {
        const last = this.chunks.at(-1);
        const offset = last ? last.offset + last.size : 0;
        this.chunks.push({ checksum: this.#current.digest('hex'), offset, size: this.#currentSize });
        this.#current = (0,external_node_crypto_.createHash)('sha1');
        this.#currentSize = 0;
    }
}
const DEFAULT_COMPRESSION_LEVEL = 0;
/** The zip's sources: every file in manifest order, then manifest.json. */
function zipSources(entries, manifest) {
    const byUrl = new Map(entries.map((e) => [e.url, e]));
    const sources = Object.entries(manifest.files).map(([name, info]) => {
        const entry = byUrl.get(info.url);
        return {
            name,
            ...(entry.size !== undefined ? { size: entry.size } : {}),
            read: () => (0,promises_.readFile)(entry.absolutePath),
        };
    });
    const manifestBytes = Buffer.from(JSON.stringify(manifest));
    sources.push({ name: 'manifest.json', size: manifestBytes.length, read: async () => manifestBytes });
    return sources;
}
/** Streams the bundle through `sink`; its SHA-1. */
async function streamBundle(sources, sink, level) {
    await sink.write(SYSB_HEADER);
    await writeZip(sources, level, sink);
    return sink.finish();
}
function checkChunkSize(chunkSize) {
    if (!(chunkSize > 0))
        throw new RangeError(`buildArtifactBundle: chunkSize must be > 0, got ${chunkSize}`);
}
/**
 * The bundle's layout (checksum, size, chunks) without writing it anywhere: enough to ask the server which chunks it
 * lacks. Writing it (buildArtifactBundle) gives the same bytes.
 */
async function planArtifactBundle(entries, attrs, opts) {
    checkChunkSize(opts.chunkSize);
    const bundleId = bundleDebugId(entries);
    const manifest = buildManifest(entries, bundleId, attrs);
    const sink = new ChunkingFile(undefined, opts.chunkSize);
    const checksum = await streamBundle(zipSources(entries, manifest), sink, opts.compressionLevel ?? DEFAULT_COMPRESSION_LEVEL);
    return { bundleId, checksum, size: sink.size, chunks: sink.chunks };
}
/** Writes the bundle for `entries` to a temporary file and returns its hashes and chunk list. */
async function buildArtifactBundle(entries, attrs, opts) {
    checkChunkSize(opts.chunkSize);
    const bundleId = bundleDebugId(entries);
    const manifest = buildManifest(entries, bundleId, attrs);
    const dir = await makeTempDir('faultline-bundle-');
    const path = (0,external_node_path_.join)(dir, 'bundle.zip');
    const dispose = () => (0,promises_.rm)(dir, { recursive: true, force: true });
    try {
        const file = await (0,promises_.open)(path, 'w');
        try {
            const sink = new ChunkingFile(file, opts.chunkSize);
            const level = opts.compressionLevel ?? DEFAULT_COMPRESSION_LEVEL;
            const checksum = await streamBundle(zipSources(entries, manifest), sink, level);
            return { path, size: sink.size, checksum, bundleId, chunks: sink.chunks, manifest, dispose };
        }
        finally {
            await file.close();
        }
    }
    catch (e) {
        await dispose();
        throw e;
    }
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/bundle-plan-cache.js
/**
 * What an unchanged build's bundle looks like — its checksum, size and chunks — remembered across runs, so a
 * re-upload only hashes the files and asks assemble instead of writing (and deflating) the bundle again. The key
 * covers everything the bundle's bytes depend on: the manifest (URLs, headers, attributes and, through the bundle
 * ID, every file's SHA-1), chunk size, zlib level and version, and this writer's format. A lost or unreadable entry
 * only costs the bundle being written.
 */





/** Bump when the bundle writer's output changes for the same inputs. */
const WRITER_FORMAT = 2;
const planDir = () => (0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'faultline-bundle-plans');
function bundlePlanKey(entries, attrs, opts) {
    const manifest = buildManifest(entries, bundleDebugId(entries), attrs);
    return (0,external_node_crypto_.createHash)('sha1')
        .update(JSON.stringify({
        format: WRITER_FORMAT,
        zlib: process.versions.zlib,
        level: opts.compressionLevel ?? DEFAULT_COMPRESSION_LEVEL,
        chunkSize: opts.chunkSize,
        manifest,
    }))
        .digest('hex');
}
function isPlan(v) {
    if (!v || typeof v !== 'object')
        return false;
    const p = v;
    return (typeof p.bundleId === 'string' &&
        typeof p.checksum === 'string' &&
        typeof p.size === 'number' &&
        Array.isArray(p.chunks) &&
        p.chunks.every((c) => typeof c.checksum === 'string' && typeof c.offset === 'number' && typeof c.size === 'number'));
}
async function readBundlePlan(key) {
    try {
        const v = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(planDir(), `${key}.json`), 'utf8'));
        return isPlan(v) ? v : undefined;
    }
    catch {
        return undefined;
    }
}
/** Best effort: a read-only or full temp folder just means no shortcut next time. */
async function writeBundlePlan(key, plan) {
    const { bundleId, checksum, size, chunks } = plan;
    try {
        await (0,promises_.mkdir)(planDir(), { recursive: true });
        const tmp = (0,external_node_path_.join)(planDir(), `${key}.${process.pid}.tmp`);
        await (0,promises_.writeFile)(tmp, JSON.stringify({ bundleId, checksum, size, chunks }));
        await (0,promises_.rename)(tmp, (0,external_node_path_.join)(planDir(), `${key}.json`));
    }
    catch {
        // ignored on purpose, see above
    }
}
async function forgetBundlePlan(key) {
    await (0,promises_.rm)((0,external_node_path_.join)(planDir(), `${key}.json`), { force: true });
}

// EXTERNAL MODULE: ./.build/src/sentry/errors.js
var errors = __webpack_require__(9464);
;// CONCATENATED MODULE: ./.build/src/sourcemaps/chunk-plan.js
/**
 * Default cap on raw chunk bytes in flight. Gzipped chunks are read in pieces and only their compressed copies are
 * held (upload-bundle.ts); a server without gzip gets raw chunks, held whole while they are sent.
 */
const DEFAULT_IN_FLIGHT_BYTES = 64 * 1024 * 1024;
function planChunkUpload(chunks, missing, options, inFlightBytes = DEFAULT_IN_FLIGHT_BYTES) {
    const wanted = new Set(missing.map((c) => c.toLowerCase()));
    const seen = new Set();
    const toSend = [];
    for (const c of chunks) {
        // The same bytes twice in one bundle need sending once.
        if (wanted.has(c.checksum) && !seen.has(c.checksum)) {
            seen.add(c.checksum);
            toSend.push(c);
        }
    }
    const perRequest = Math.max(1, options.chunksPerRequest || 1);
    const maxBytes = Math.max(1, options.maxRequestSize || Number.MAX_SAFE_INTEGER);
    const serverConcurrency = Math.max(1, Math.min(255, options.concurrency || 1));
    const bytesToSend = toSend.reduce((n, c) => n + c.size, 0);
    // Enough requests to keep every allowed connection busy, but never more chunks or bytes per request than allowed.
    const targetBatches = Math.min(serverConcurrency, toSend.length);
    const perBatchByCount = Math.max(1, Math.ceil(toSend.length / Math.max(1, targetBatches)));
    const countLimit = Math.min(perRequest, perBatchByCount);
    const batches = [];
    let current = [];
    let currentBytes = 0;
    for (const c of toSend) {
        if (current.length > 0 && (current.length >= countLimit || currentBytes + c.size > maxBytes)) {
            batches.push(current);
            current = [];
            currentBytes = 0;
        }
        current.push(c);
        currentBytes += c.size;
    }
    if (current.length > 0)
        batches.push(current);
    const largest = batches.reduce((m, b) => Math.max(m, b.reduce((n, c) => n + c.size, 0)), 0);
    const byMemory = largest > 0 ? Math.max(1, Math.floor(inFlightBytes / largest)) : serverConcurrency;
    return {
        batches,
        chunksToSend: toSend.length,
        chunksSkipped: chunks.length - toSend.length,
        bytesToSend,
        concurrency: Math.max(1, Math.min(serverConcurrency, byMemory, batches.length || 1)),
    };
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/upload-options.js

class UploadError extends Error {
    detail;
    constructor(message, options) {
        super(message, options?.cause ? { cause: options.cause } : undefined);
        this.name = 'UploadError';
        if (options && 'detail' in options)
            this.detail = options.detail ?? null;
    }
}
/** `dist:web` → `{paths: ['dist'], projects: ['web']}`; a plain path goes to `defaultProjects`. */
function parseUploadTargets(args, defaultProjects) {
    const plain = [];
    const byProject = new Map();
    for (const arg of splitPathList(args)) {
        // `C:\x` (a drive letter) and URLs are paths, not pairs.
        const m = /^(.+):([A-Za-z0-9][A-Za-z0-9_.-]*)$/.exec(arg);
        if (m && !/^[A-Za-z]$/.test(m[1]))
            byProject.set(m[2], [...(byProject.get(m[2]) ?? []), m[1]]);
        else
            plain.push(arg);
    }
    const groups = [];
    if (plain.length)
        groups.push({ paths: plain, projects: [...defaultProjects] });
    for (const [project, paths] of byProject)
        groups.push({ paths, projects: [project] });
    return groups;
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/upload-bundle.js
/**
 * One artifact bundle to Sentry: ask assemble which chunks it lacks, send only those (batched, in parallel), assemble,
 * and optionally wait until Sentry has processed it. The bundle file is opened only when chunks must go, so an
 * unchanged build whose layout is remembered is never written.
 */






async function uploadBundle(client, options, bundle, bundleFile, projects, opts, log) {
    const body = {
        checksum: bundle.checksum,
        chunks: bundle.chunks.map((c) => c.checksum),
        projects,
        ...(opts.release ? { version: opts.release } : {}),
        ...(opts.dist !== undefined ? { dist: opts.dist } : {}),
    };
    const first = await client.assembleArtifactBundle(body);
    if (first.state === 'error')
        throw assembleFailure(bundle, first);
    let plan = planChunkUpload(bundle.chunks, first.state === 'not_found' ? first.missingChunks : [], options);
    log(`> Chunks: ${bundle.chunks.length} (${formatBytes(bundle.size)}), ${plan.chunksSkipped} already on the server, ` +
        `sending ${plan.chunksToSend} (${formatBytes(plan.bytesToSend)}) in ${plan.batches.length} request(s), ` +
        `${plan.concurrency} at a time`);
    const sent = await sendChunks(client, options, bundle, bundleFile, plan, log, opts.progress);
    let res = await client.assembleArtifactBundle(body);
    if (res.state === 'not_found' && res.missingChunks.length > 0) {
        plan = await resendMissing(client, options, bundle, bundleFile, res.missingChunks, log);
        res = await client.assembleArtifactBundle(body);
    }
    if (res.state === 'error' || res.state === 'not_found')
        throw assembleFailure(bundle, res);
    if (opts.wait && res.state !== 'ok')
        res = await waitUntilProcessed(client, body, bundle, options, opts, log, res);
    log(res.state === 'ok' ? '> File processing complete' : '> File upload complete (processing pending on server)');
    return {
        state: res.state,
        chunksSent: plan.chunksToSend === 0 ? 0 : sent,
        chunksSkipped: bundle.chunks.length - (plan.chunksToSend === 0 ? 0 : sent),
        bytesUploaded: plan.chunksToSend === 0 ? 0 : plan.bytesToSend,
    };
}
/** Sends the planned batches, `plan.concurrency` at a time; the number of chunks sent. */
async function sendChunks(client, options, bundle, bundleFile, plan, log, progress) {
    if (plan.chunksToSend === 0) {
        log('> Nothing to upload, all chunks are on the server');
        return 0;
    }
    let sent = 0;
    progress?.start({ bytes: plan.bytesToSend, chunks: plan.chunksToSend });
    await withBundleFile(bundleFile, async (fd) => {
        try {
            await (0,limit/* mapLimited */.b)(plan.batches, plan.concurrency, async (batch) => {
                await client.uploadChunks(options, readChunks(fd, batch));
                sent += batch.length;
                progress?.advance(batch.reduce((n, c) => n + c.size, 0), batch.length);
            });
            progress?.done();
        }
        catch (e) {
            throw new UploadError(`uploading chunks of bundle ${bundle.bundleId} failed: ${describeError(e)}`, {
                cause: e,
                ...(e && typeof e === 'object' && 'detail' in e ? { detail: e.detail ?? null } : {}),
            });
        }
    });
    log(`> Uploaded ${sent} chunk(s) (${formatBytes(plan.bytesToSend)})`);
    return sent;
}
/** The server lost (or refused) chunks between the two assemble calls: send them once more, one batch at a time. */
async function resendMissing(client, options, bundle, bundleFile, missing, log) {
    const plan = planChunkUpload(bundle.chunks, missing, options);
    log(`> The server still misses ${plan.chunksToSend} chunk(s); sending them again`);
    await withBundleFile(bundleFile, async (fd) => {
        for (const batch of plan.batches)
            await client.uploadChunks(options, readChunks(fd, batch));
    });
    return plan;
}
/** Polls assemble until the bundle is processed, within the smaller of `waitTimeoutMs` and the server's maxWait. */
async function waitUntilProcessed(client, body, bundle, options, opts, log, assembled) {
    const serverMax = (options.maxWait ?? 0) > 0 ? options.maxWait * 1000 : Infinity;
    const maxWait = Math.min(opts.waitTimeoutMs ?? 300_000, serverMax);
    const sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    const deadline = Date.now() + maxWait;
    let pause = 25;
    let res = assembled;
    while (res.state !== 'ok') {
        if (Date.now() + pause > deadline)
            throw new UploadError(`Sentry did not finish processing bundle ${bundle.bundleId} within ${Math.round(maxWait / 1000)} s ` +
                `(state "${res.state}"); raise --wait-timeout or check the server's workers`);
        log(`> Waiting for Sentry to process bundle ${bundle.bundleId} (${res.state})`);
        await sleep(pause);
        pause = Math.min(1000, pause * 2);
        res = await client.assembleArtifactBundle(body);
        if (res.state === 'error' || res.state === 'not_found')
            throw assembleFailure(bundle, res);
    }
    return res;
}
async function withBundleFile(bundleFile, fn) {
    const fd = await (0,promises_.open)(await bundleFile(), 'r');
    try {
        return await fn(fd);
    }
    finally {
        await fd.close();
    }
}
/** Raw bytes read per piece of a chunk: a chunk (8 MiB on sentry.io) is gzipped as it is read, never held whole. */
const READ_PIECE_BYTES = 256 * 1024;
function readChunks(fd, batch) {
    return batch.map((c) => ({ checksum: c.checksum, data: () => readChunk(fd, c) }));
}
async function* readChunk(fd, c) {
    for (let at = 0; at < c.size;) {
        const want = Math.min(READ_PIECE_BYTES, c.size - at);
        const { bytesRead, buffer } = await fd.read(Buffer.alloc(want), 0, want, c.offset + at);
        if (bytesRead === 0)
            throw new UploadError(`bundle file ended early at chunk ${c.checksum}`);
        yield buffer.subarray(0, bytesRead);
        at += bytesRead;
    }
}
function assembleFailure(bundle, res) {
    const why = res.detail ||
        (res.state === 'not_found' ? `${res.missingChunks.length} chunk(s) missing on the server` : 'unknown error');
    return new UploadError(`Sentry failed to process bundle ${bundle.bundleId}: ${why}`, {
        detail: res.detail ?? null,
        cause: new errors/* SentryAssembleError */.I9({ checksum: bundle.checksum, state: res.state, detail: res.detail ?? null }, why),
    });
}
function describeError(e) {
    return e instanceof Error ? e.message : String(e);
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/upload-files.js
/** Which files an upload sends, and under which URL and headers (sentry-cli's rules for both). */





const DEFAULT_UPLOAD_EXTENSIONS = ['js', 'cjs', 'mjs', 'map', 'jsbundle', 'bundle'];
/** Files read and hashed at once. */
const READ_CONCURRENCY = 8;
function joinUrl(prefix, relative, suffix) {
    const p = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
    return `${p}/${relative.replace(/^\/+/, '')}${suffix}`;
}
/** Scans a group's files: type, URL, debug ID and source-map reference headers (sentry-cli's rules). */
async function collectUploadFiles(paths, opts) {
    const extensions = (opts.extensions ?? DEFAULT_UPLOAD_EXTENSIONS).map((e) => e.replace(/^\./, ''));
    const discovered = await discoverFiles(paths, { ...opts, extensions });
    const out = await (0,limit/* mapLimited */.b)(discovered, READ_CONCURRENCY, (f) => collectFile(f, opts));
    const refs = resolveReferences(out, (line) => opts.log?.(`warning: ${line}`));
    for (const f of out) {
        const ref = refs.get(f.path) ?? f.remoteLocation;
        if (!f.isMap && ref !== undefined)
            f.headers.sourcemap = ref;
    }
    return out;
}
/** One file read once: scanned (unless inject already knows the map's debug ID), hashed and named. */
async function collectFile(f, opts) {
    const bytes = await (0,promises_.readFile)(f.absolutePath);
    const knownId = opts.knownMapDebugIds?.get(f.absolutePath);
    const scanned = knownId !== undefined ? { ...f, isMap: true, mapDebugId: knownId } : scanBytes(f, bytes);
    const headers = {};
    if (scanned.isMap) {
        if (scanned.mapDebugId)
            headers['debug-id'] = scanned.mapDebugId;
    }
    else if (scanned.debugId)
        headers['debug-id'] = scanned.debugId;
    return {
        ...scanned,
        url: joinUrl(opts.urlPrefix ?? '~', f.relative, opts.urlSuffix ?? ''),
        bytes: bytes.length,
        sha1: (0,external_node_crypto_.createHash)('sha1').update(bytes).digest('hex'),
        type: scanned.isMap ? 'source_map' : 'minified_source',
        headers,
    };
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/upload-release-files.js
/** The per-file release upload, for Sentry servers that take no artifact bundles (older self-hosted ones). */



/** Legacy per-file upload for servers without artifact bundles: needs a release and one project. */
async function uploadReleaseFiles(client, options, files, opts, log) {
    if (!opts.release)
        throw new UploadError('this Sentry server has no artifact bundles (chunk-upload accept lacks "artifact_bundles"), so source maps ' +
            'must go to a release: pass --release');
    log(`> Legacy upload: ${files.length} release file(s) to ${opts.release}`);
    const existing = await client.listReleaseFiles(opts.release);
    const dist = opts.dist ?? null;
    const byName = new Map(existing.filter((f) => (f.dist ?? null) === dist).map((f) => [f.name, f.id]));
    let bytes = 0;
    await (0,limit/* mapLimited */.b)(files, Math.max(1, Math.min(options.concurrency || 4, 8)), async (f) => {
        const old = byName.get(f.url);
        if (old !== undefined)
            await client.deleteReleaseFile(opts.release, String(old));
        const contents = await (0,promises_.readFile)(f.absolutePath);
        const headers = {};
        if (f.headers.sourcemap)
            headers.Sourcemap = f.headers.sourcemap;
        await client.uploadReleaseFile(opts.release, {
            name: f.url,
            contents,
            headers,
            ...(opts.dist !== undefined ? { dist: opts.dist } : {}),
        });
        bytes += contents.length;
    });
    return { files: files.length, bytes };
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/upload.js
/**
 * `faultline sourcemaps upload`: one artifact bundle per group of paths (a `dir:project` pair, or all paths for the
 * given projects), chunked by the server's `chunkSize`; assemble is asked first which chunks it lacks, only those are
 * sent (gzip per chunk, batched, in parallel), then the bundle is assembled and optionally waited for. Servers
 * whose chunk-upload `accept` has no artifact bundles get the legacy per-file release upload instead.
 * Every failure carries the server's own detail; a failed upload never reports success.
 */










/** Uploads every group (see module comment) and returns what happened. */
async function uploadSourcemaps(client, opts) {
    checkGroups(opts.groups);
    const log = opts.log ?? (() => { });
    const summary = {
        bundles: [],
        mode: 'none',
        filesUploaded: 0,
        bytesUploaded: 0,
        chunksSent: 0,
        chunksSkipped: 0,
        state: 'skipped',
        deletedMaps: [],
        ...(opts.release ? { release: opts.release } : {}),
        ...(opts.dist !== undefined ? { dist: opts.dist } : {}),
    };
    const [options, ...collected] = await Promise.all([
        client.getChunkUploadOptions(),
        ...opts.groups.map((g) => collectUploadFiles(g.paths, opts)),
    ]);
    const legacy = !(options.accept ?? []).some((a) => a === 'artifact_bundles' || a === 'artifact_bundles_v2');
    const uploadedMaps = [];
    for (const [i, group] of opts.groups.entries()) {
        const files = collected[i];
        if (!hasFilesToUpload(group, files, opts, log))
            continue;
        if (legacy)
            await uploadGroupAsReleaseFiles(client, options, group, files, opts, log, summary);
        else
            await uploadGroupAsBundle(client, options, group, files, opts, log, summary);
        for (const f of files)
            if (f.isMap)
                uploadedMaps.push(f.absolutePath);
    }
    summary.bundleId = summary.bundles[0]?.bundleId;
    if (summary.bundleId === undefined)
        delete summary.bundleId;
    if (opts.deleteAfterUpload)
        summary.deletedMaps = await deleteMaps(uploadedMaps, log);
    return summary;
}
function checkGroups(groups) {
    if (groups.length === 0)
        throw new UploadError('no paths to upload: pass at least one directory');
    for (const g of groups)
        if (g.projects.length === 0)
            throw new UploadError(`no project for ${g.paths.join(', ')}: pass --project or use DIR:PROJECT`);
}
/** False for an empty group (an error under strict); an error when nothing ties the files to an event. */
function hasFilesToUpload(group, files, opts, log) {
    const bytes = files.reduce((n, f) => n + f.bytes, 0);
    log(`> Found ${files.length} file(s) (${formatBytes(bytes)}) in ${group.paths.join(', ')} for ${group.projects.join(', ')}`);
    if (files.length === 0) {
        if (opts.strict)
            throw new UploadError(`no files to upload in ${group.paths.join(', ')} (strict mode)`);
        return false;
    }
    if (!opts.release && files.every((f) => !f.headers['debug-id']))
        throw new UploadError(`none of the ${files.length} files in ${group.paths.join(', ')} has a debug ID and no release was given: ` +
            'run `faultline sourcemaps inject` first or pass --release');
    return true;
}
async function uploadGroupAsReleaseFiles(client, options, group, files, opts, log, summary) {
    if (group.projects.length !== 1)
        throw new UploadError('the legacy release-file upload takes exactly one project; upload each project on its own');
    const r = await uploadReleaseFiles(client, options, files, opts, log);
    summary.mode = 'release-files';
    summary.filesUploaded += r.files;
    summary.bytesUploaded += r.bytes;
    summary.state = 'ok';
}
async function uploadGroupAsBundle(client, options, group, files, opts, log, summary) {
    const prepared = await prepareBundle(client.org, options, group, files, opts);
    const { bundle } = prepared;
    try {
        log(`> Bundled ${files.length} file(s) for upload (${formatBytes(bundle.size)}), bundle ID ${bundle.bundleId}`);
        const r = await uploadBundle(client, options, bundle, prepared.file, group.projects, opts, log);
        summary.mode = 'artifact-bundle';
        summary.bundles.push({
            bundleId: bundle.bundleId,
            checksum: bundle.checksum,
            projects: group.projects,
            files: files.length,
            bundleBytes: bundle.size,
            chunks: bundle.chunks.length,
            chunksSent: r.chunksSent,
            chunksSkipped: r.chunksSkipped,
            bytesUploaded: r.bytesUploaded,
            state: r.state,
        });
        summary.filesUploaded += files.length;
        summary.bytesUploaded += r.bytesUploaded;
        summary.chunksSent += r.chunksSent;
        summary.chunksSkipped += r.chunksSkipped;
        summary.state = leastFinished(summary.bundles.map((b) => b.state));
    }
    finally {
        await prepared.dispose();
    }
}
/**
 * The group's bundle layout (checksum, size, chunks): remembered from an earlier run on this machine, else computed
 * by streaming the bundle through the hashes without writing it. So the server is asked what it already holds
 * before anything is written, and the bundle is only written (`file`) when chunks must go; a layout that no longer
 * matches the bytes written (files changed meanwhile) is forgotten and fails.
 */
async function prepareBundle(org, options, group, files, opts) {
    const entries = files.map((f) => ({
        url: f.url,
        type: f.type,
        headers: f.headers,
        absolutePath: f.absolutePath,
        sha1: f.sha1,
        size: f.bytes,
    }));
    const attrs = {
        org,
        projects: group.projects,
        ...(opts.release ? { release: opts.release } : {}),
        ...(opts.dist !== undefined ? { dist: opts.dist } : {}),
        ...(opts.note ? { note: opts.note } : {}),
    };
    const buildOpts = { chunkSize: options.chunkSize, compressionLevel: opts.compressionLevel ?? entryLevel(options) };
    const planKey = bundlePlanKey(entries, attrs, buildOpts);
    const cached = await readBundlePlan(planKey);
    let built;
    const build = async () => {
        built ??= await buildArtifactBundle(entries, attrs, buildOpts);
        return built;
    };
    const bundle = cached ?? (await planArtifactBundle(entries, attrs, buildOpts));
    if (!cached)
        await writeBundlePlan(planKey, bundle);
    const file = async () => {
        const b = await build();
        if (b.checksum !== bundle.checksum) {
            await forgetBundlePlan(planKey);
            throw new UploadError(`the layout of bundle ${bundle.bundleId} (remembered, or computed before) does not match the bundle written ` +
                `now (${b.checksum} instead of ${bundle.checksum}); did files change meanwhile? Run the upload again`);
        }
        return b.path;
    };
    return { bundle, file, dispose: async () => await built?.dispose() };
}
/**
 * Chunks go gzipped when the server takes that, so the entries are stored: one compression pass, only over what is
 * sent. A server without gzip gets deflated entries instead, as sentry-cli's bundles are.
 */
function entryLevel(options) {
    return options.compression?.includes('gzip') ? DEFAULT_COMPRESSION_LEVEL : 6;
}
/** The state of the least finished bundle: created < assembling < ok. */
function leastFinished(states) {
    for (const s of ['created', 'assembling'])
        if (states.includes(s))
            return s;
    return 'ok';
}
async function deleteMaps(paths, log) {
    for (const path of paths)
        await (0,promises_.rm)(path, { force: true });
    if (paths.length)
        log(`> Deleted ${paths.length} source map(s) after the upload`);
    return paths;
}

;// CONCATENATED MODULE: ./.build/src/sourcemaps/index.js
/** Source maps: discover, validate, inject debug IDs (as sentry-cli 3.8 does), bundle, and upload. */















// EXTERNAL MODULE: ./.build/src/release/errors.js
var release_errors = __webpack_require__(1478);
;// CONCATENATED MODULE: ./.build/src/release/sourcemaps-step.js
/**
 * The source-map step on top of src/sourcemaps: check the build (before touching it), inject debug IDs, upload the
 * artifact bundle, and optionally delete the maps. A dry run injects into a temporary copy and sends nothing.
 */




/** Findings listed one by one as warnings; the rest are counted. */
const WARNINGS_LISTED = 5;
/** `dist:web` names the project of a folder (monorepos); a trailing `:slug` is not part of the path. */
function targetPath(entry) {
    return parseUploadTargets([entry], [])[0]?.paths[0] ?? entry;
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
                findingsMarkdown: renderReportMarkdown(report),
                detail: `${checked}; ${sent.detail}`,
            };
        }
        finally {
            if (workspace)
                await (0,promises_.rm)(workspace.cwd, { recursive: true, force: true });
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
    const report = await validateSourcemaps(req.paths, { cwd: req.cwd, ...discovery(req) });
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
    throw new release_errors/* ReleaseStepError */.KN('sourcemaps', problem.message, `${problem.fix}; set allow_missing_sourcemaps: true if a build may have none`);
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
    const injected = await injectDebugIds(paths, { cwd, dryRun: req.dryRun && inBuild, ...discovery(req) });
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
        throw new release_errors/* ReleaseStepError */.KN('sourcemaps', `sourcemaps: ${report.findings.length} problem(s) in ${req.paths.join(', ')}, e.g. ${first.file}: ${first.message}`, `${first.fix} (strict: true stops before anything is modified or uploaded; the job summary lists every problem)`);
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
    const dir = await makeTempDir('faultline-dry-run-');
    const copied = [];
    for (const [i, path] of paths.entries()) {
        const source = (0,external_node_path_.resolve)(cwd, path);
        const rel = (0,external_node_path_.relative)(cwd, source);
        const inside = rel && !rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel) ? rel : `outside-${i}`;
        await (0,promises_.cp)(source, (0,external_node_path_.join)(dir, inside), { recursive: true, dereference: true });
        copied.push(inside);
    }
    return { cwd: dir, paths: copied };
}
/** Sends the checked, injected build as artifact bundles (one per project group), or plans it in a dry run. */
const uploadToSentry = async (req, targets, cwd, ctx) => {
    const groups = await stripCommonPrefixes(parseUploadTargets(targets, req.projects), cwd, {
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
        ...(ctx.progress ? { progress: uploadProgress(ctx.progress) } : {}),
    };
    return ctx.client ? upload(ctx.client, opts) : planUpload(opts);
};
/** The step as the action and the CLI run it: check, inject, upload to Sentry. */
const sourcemapsStep = createSourcemapsRunner(uploadToSentry);
async function upload(client, opts) {
    const summary = await uploadSourcemaps(client, opts);
    return {
        ...(summary.bundleId ? { bundleId: summary.bundleId } : {}),
        filesUploaded: summary.filesUploaded,
        bytesUploaded: summary.bytesUploaded,
        chunksSent: summary.chunksSent,
        chunksSkipped: summary.chunksSkipped,
        detail: `uploaded ${summary.filesUploaded} file(s) as ${summary.mode === 'release-files' ? 'release files' : 'artifact bundle'}` +
            (summary.bundleId ? ` ${summary.bundleId}` : '') +
            `, ${formatBytes(summary.bytesUploaded)} sent, ${summary.chunksSkipped} chunk(s) already in Sentry, state ${summary.state}` +
            (summary.deletedMaps.length ? `, ${summary.deletedMaps.length} map(s) deleted` : ''),
    };
}
/** A dry run: what would be uploaded, nothing sent. */
async function planUpload(opts) {
    let files = 0;
    let bytes = 0;
    for (const group of opts.groups) {
        const collected = await collectUploadFiles(group.paths, opts);
        files += collected.length;
        bytes += collected.reduce((n, f) => n + f.bytes, 0);
    }
    return {
        filesUploaded: 0,
        bytesUploaded: 0,
        chunksSent: 0,
        chunksSkipped: 0,
        detail: `dry run: would upload ${files} file(s) (${formatBytes(bytes)}) in ${opts.groups.length} artifact bundle(s)`,
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
            const files = /[*?[\]{}]/.test(path) ? [] : await discoverFiles([path], { cwd, ignore: opts.ignore });
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

/***/ 8293:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ mapLimited)
/* harmony export */ });
/**
 * `fn` over `items` with at most `limit` calls running at once; results in input order. After the first failure no
 * new call starts; the calls already running are let finish (so nothing still reads a file the caller closes next),
 * then that first failure is thrown.
 */
async function mapLimited(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    let failure;
    const worker = async () => {
        while (failure === undefined && next < items.length) {
            const i = next++;
            try {
                out[i] = await fn(items[i], i);
            }
            catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
    if (failure)
        throw failure.error;
    return out;
}


/***/ })

};
