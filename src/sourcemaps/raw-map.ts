/**
 * Source maps read and written exactly as sentry-cli 3.8 does it (rust-sourcemap 9.3): which JSON counts as a map,
 * how mappings decode into tokens, and the compact re-serialisation (fixed key order, unknown keys dropped,
 * duplicate tokens folded). Byte parity matters because an embedded map is re-encoded into the JavaScript file.
 *
 * Tokens live in flat typed arrays (one entry per mapping segment): corpora of hundreds of megabytes must not
 * become millions of small objects. That and the exact error rules are why the VLQ codec is written here.
 */
import { normalizeDebugId } from './debug-id.ts';

export const NONE = 0xffffffff;

/** Mapping segments, sorted by generated position. A field without a value holds NONE. */
export interface Tokens {
  length: number;
  /** False once a token was pushed before its predecessor's position (kept up to date by pushToken). */
  sorted: boolean;
  dstLine: Uint32Array;
  dstCol: Uint32Array;
  srcId: Uint32Array;
  srcLine: Uint32Array;
  srcCol: Uint32Array;
  nameId: Uint32Array;
}

export interface RegularMap {
  kind: 'regular';
  file?: string;
  sources: string[];
  sourceRoot?: string;
  sourcesContent?: Array<string | null>;
  names: string[];
  tokens: Tokens;
  ignoreList: number[];
  /** Hermes function maps, carried through as sentry-cli does. */
  facebookSources?: unknown;
  debugId?: string;
}

export interface IndexSection {
  line: number;
  column: number;
  url: string | null;
  map: DecodedMap | null;
}

export interface IndexMap {
  kind: 'index';
  file?: string;
  sections: IndexSection[];
  debugId?: string;
}

export type DecodedMap = RegularMap | IndexMap;

export class SourceMapParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceMapParseError';
  }
}

const JUNK = new Set([0x29, 0x5d, 0x7d, 0x27]); // ) ] } '

/** Drops an XSSI prefix such as `)]}'\n` (rust-sourcemap `strip_junk_header`). */
export function stripJunkHeader(bytes: Uint8Array): Uint8Array {
  if (bytes.length === 0 || !JUNK.has(bytes[0]!)) return bytes;
  let needNewline = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (needNewline && b !== 0x0a) throw new SourceMapParseError('expected newline after the junk header');
    if (JUNK.has(b)) continue;
    if (b === 0x0d) needNewline = true;
    else if (b === 0x0a) return bytes.subarray(i);
  }
  return bytes.subarray(bytes.length);
}

function parseJson(bytes: Uint8Array): unknown {
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(stripJunkHeader(bytes));
  return JSON.parse(text);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const present = (v: unknown) => v !== undefined && v !== null;

/** True when sentry-cli would type these bytes as a source map (`sourcemap::is_sourcemap_slice`). */
export function isSourceMapBytes(bytes: Uint8Array): boolean {
  return inspectSourceMapBytes(bytes).isMap;
}

/**
 * One parse for both questions a scan asks: is this a source map, and which debug ID does it carry as symbolic
 * reads it for the bundle manifest (`debug_id` preferred over `debugId`, unlike rust-sourcemap).
 */
export function inspectSourceMapBytes(bytes: Uint8Array): { isMap: boolean; debugId?: string } {
  // Cheap pre-check: JSON maps start with `{` (after whitespace) or a junk header.
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (i >= bytes.length || (bytes[i] !== 0x7b && !JUNK.has(bytes[i]!))) return { isMap: false };
  let raw: unknown;
  try {
    raw = parseJson(bytes);
  } catch {
    return { isMap: false };
  }
  if (!isObject(raw)) return { isMap: false };
  if (present(raw.version) && !(Number.isInteger(raw.version) && (raw.version as number) >= 0)) return { isMap: false };
  const isMap =
    ((present(raw.version) || present(raw.file)) &&
      (present(raw.sources) || present(raw.sourceRoot) || present(raw.sourcesContent) || present(raw.names)) &&
      present(raw.mappings)) ||
    present(raw.sections);
  if (!isMap) return { isMap: false };
  const pick = (v: unknown) => (typeof v === 'string' ? normalizeDebugId(v) : undefined);
  const debugId = pick(raw.debug_id) ?? pick(raw.debugId);
  return debugId ? { isMap: true, debugId } : { isMap: true };
}

/** Parses map bytes (external file or decoded data URL); throws SourceMapParseError as sentry-cli would fail. */
export function decodeMapBytes(bytes: Uint8Array): DecodedMap {
  let raw: unknown;
  try {
    raw = parseJson(bytes);
  } catch (e) {
    throw new SourceMapParseError(`not valid JSON: ${(e as Error).message}`);
  }
  return decodeRaw(raw);
}

export function decodeRaw(raw: unknown): DecodedMap {
  if (!isObject(raw)) throw new SourceMapParseError('a source map must be a JSON object');
  const debugId = readDebugId(raw);
  if (present(raw.sections)) {
    if (!Array.isArray(raw.sections)) throw new SourceMapParseError('"sections" must be an array');
    const sections: IndexSection[] = raw.sections.map((s, i) => {
      if (!isObject(s) || !isObject(s.offset)) throw new SourceMapParseError(`section ${i} has no offset`);
      const line = s.offset.line;
      const column = s.offset.column;
      if (!isU32(line) || !isU32(column)) throw new SourceMapParseError(`section ${i} has a bad offset`);
      return {
        line,
        column,
        url: typeof s.url === 'string' ? s.url : null,
        map: present(s.map) ? decodeRaw(s.map) : null,
      };
    });
    // Stable sort by offset, as decode_index does.
    sections.sort((a, b) => a.line - b.line || a.column - b.column);
    return { kind: 'index', ...fileField(raw.file), sections, ...(debugId ? { debugId } : {}) };
  }
  return decodeRegular(raw, debugId);
}

function isU32(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= NONE;
}

function fileField(file: unknown): { file?: string } {
  if (!present(file)) return {};
  return { file: typeof file === 'string' ? file : '<invalid>' };
}

function readDebugId(raw: Record<string, unknown>): string | undefined {
  // Both fields are parsed (a malformed one fails the whole map); `debugId` wins over the legacy `debug_id`.
  const read = (key: string): string | undefined => {
    const v = raw[key];
    if (!present(v)) return undefined;
    const id = typeof v === 'string' ? normalizeDebugId(v) : undefined;
    if (!id) throw new SourceMapParseError(`"${key}" is not a debug ID: ${JSON.stringify(v)}`);
    return id;
  };
  const camel = read('debugId');
  const legacy = read('debug_id');
  return camel ?? legacy;
}

function stringList(v: unknown, field: string): Array<string | null> {
  if (!present(v)) return [];
  if (!Array.isArray(v)) throw new SourceMapParseError(`"${field}" must be an array`);
  return v.map((x) => {
    if (x === null) return null;
    if (typeof x !== 'string') throw new SourceMapParseError(`"${field}" holds a non-string entry`);
    return x;
  });
}

function decodeRegular(raw: Record<string, unknown>, debugId: string | undefined): RegularMap {
  const sources = stringList(raw.sources, 'sources').map((s) => s ?? '');
  if (present(raw.names) && !Array.isArray(raw.names)) throw new SourceMapParseError('"names" must be an array');
  const names = ((raw.names as unknown[] | undefined) ?? []).map((n) =>
    typeof n === 'string' ? n : typeof n === 'number' ? String(n) : '',
  );
  if (present(raw.mappings) && typeof raw.mappings !== 'string')
    throw new SourceMapParseError('"mappings" must be a string');
  if (present(raw.sourceRoot) && typeof raw.sourceRoot !== 'string')
    throw new SourceMapParseError('"sourceRoot" must be a string');
  const tokens = decodeMappings((raw.mappings as string | undefined) ?? '', sources.length, names.length);
  const map: RegularMap = { kind: 'regular', ...fileField(raw.file), sources, names, tokens, ignoreList: [] };
  if (present(raw.sourceRoot)) map.sourceRoot = raw.sourceRoot as string;
  if (present(raw.sourcesContent)) map.sourcesContent = stringList(raw.sourcesContent, 'sourcesContent');
  if (present(raw.ignoreList)) {
    if (!Array.isArray(raw.ignoreList) || !raw.ignoreList.every(isU32))
      throw new SourceMapParseError('"ignoreList" must be an array of indexes');
    map.ignoreList = [...new Set(raw.ignoreList as number[])].sort((a, b) => a - b);
  }
  if (present(raw.x_facebook_sources)) map.facebookSources = raw.x_facebook_sources;
  if (debugId) map.debugId = debugId;
  return map;
}

const B64 = new Int8Array(128).fill(-1);
const B64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < 64; i++) B64[B64_CHARS.charCodeAt(i)] = i;

export function emptyTokens(capacity: number): Tokens {
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

export function pushToken(t: Tokens, dl: number, dc: number, sid: number, sl: number, sc: number, nid: number): void {
  if (t.length === t.dstLine.length) {
    const cap = Math.max(16, t.length * 2);
    for (const k of ['dstLine', 'dstCol', 'srcId', 'srcLine', 'srcCol', 'nameId'] as const) {
      const next = new Uint32Array(cap);
      next.set(t[k]);
      t[k] = next;
    }
  }
  const i = t.length++;
  if (i > 0 && t.sorted) {
    const pl = t.dstLine[i - 1]!;
    if (dl < pl || (dl === pl && dc < t.dstCol[i - 1]!)) t.sorted = false;
  }
  t.dstLine[i] = dl;
  t.dstCol[i] = dc;
  t.srcId[i] = sid;
  t.srcLine[i] = sl;
  t.srcCol[i] = sc;
  t.nameId[i] = nid;
}

/** Decodes `mappings` with rust-sourcemap's rules: 1, 4 or 5 fields per segment, running values wrap as u32. */
export function decodeMappings(mappings: string, sourceCount: number, nameCount: number): Tokens {
  let estimate = 10;
  for (let i = 0; i < mappings.length; i++) {
    const c = mappings.charCodeAt(i);
    if (c === 44 || c === 59) estimate++;
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
        if (n !== 1 && n !== 4 && n !== 5) throw new SourceMapParseError(`bad segment size ${n} on line ${line}`);
        col = (col + nums[0]!) >>> 0;
        let sid = NONE;
        let sl = NONE;
        let sc = NONE;
        let nid = NONE;
        if (n > 1) {
          srcId = (srcId + nums[1]!) >>> 0;
          if (srcId >= sourceCount) throw new SourceMapParseError(`bad source reference ${srcId}`);
          srcLine = (srcLine + nums[2]!) >>> 0;
          srcCol = (srcCol + nums[3]!) >>> 0;
          sid = srcId;
          sl = srcLine;
          sc = srcCol;
          if (n > 4) {
            nameId = (nameId + nums[4]!) >>> 0;
            if (nameId >= nameCount) throw new SourceMapParseError(`bad name reference ${nameId}`);
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
    let shift = 0;
    for (;;) {
      if (i >= len) throw new SourceMapParseError('VLQ value runs past the end of the mappings');
      const code = mappings.charCodeAt(i++);
      const digit = code < 128 ? B64[code]! : -1;
      if (digit < 0) throw new SourceMapParseError(`invalid base64 character ${JSON.stringify(mappings[i - 1])}`);
      value += (digit & 31) * 2 ** shift;
      shift += 5;
      if ((digit & 32) === 0) break;
      if (shift > 60) throw new SourceMapParseError('VLQ value overflows');
    }
    const negative = value % 2 === 1;
    const magnitude = Math.floor(value / 2);
    if (n >= 6) throw new SourceMapParseError(`bad segment size on line ${line}`);
    nums[n++] = negative ? -magnitude : magnitude;
  }
  sortTokens(t);
  return t;
}

export function isSorted(t: Tokens): boolean {
  for (let i = 1; i < t.length; i++) {
    if (t.dstLine[i]! < t.dstLine[i - 1]! || (t.dstLine[i] === t.dstLine[i - 1] && t.dstCol[i]! < t.dstCol[i - 1]!))
      return false;
  }
  return true;
}

/** Orders tokens by generated position (stable; sentry-cli's unstable sort leaves sorted input as it is). */
export function sortTokens(t: Tokens): void {
  if (t.sorted) return;
  const order = Array.from({ length: t.length }, (_, i) => i);
  order.sort((a, b) => t.dstLine[a]! - t.dstLine[b]! || t.dstCol[a]! - t.dstCol[b]! || a - b);
  for (const k of ['dstLine', 'dstCol', 'srcId', 'srcLine', 'srcCol', 'nameId'] as const) {
    const src = t[k];
    const next = new Uint32Array(src.length);
    for (let i = 0; i < order.length; i++) next[i] = src[order[i]!]!;
    t[k] = next;
  }
  t.sorted = true;
}

const B64_CODES = Uint8Array.from(B64_CHARS, (c) => c.charCodeAt(0));

/** A growable byte buffer for the mappings string (ASCII only), far cheaper than joining small strings. */
class AsciiWriter {
  buf: Uint8Array;
  len = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(64, capacity));
  }
  byte(b: number): void {
    if (this.len === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = b;
  }
  vlq(value: number): void {
    let v = value < 0 ? -value * 2 + 1 : value * 2;
    do {
      let digit = v % 32;
      v = Math.floor(v / 32);
      if (v > 0) digit |= 32;
      this.byte(B64_CODES[digit]!);
    } while (v > 0);
  }
  toString(): string {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.len).toString('latin1');
  }
}

/** rust-sourcemap's `serialize_mappings`: identical consecutive tokens on a line are written once. */
export function encodeMappings(t: Tokens): string {
  const out = new AsciiWriter(t.length * 6 + 16);
  let prevLine = 0;
  let prevCol = 0;
  let prevSrcId = 0;
  let prevSrcLine = 0;
  let prevSrcCol = 0;
  let prevName = 0;
  const { dstLine, dstCol, srcId, srcLine, srcCol, nameId } = t;
  for (let i = 0; i < t.length; i++) {
    const line = dstLine[i]!;
    if (line !== prevLine) {
      prevCol = 0;
      while (line !== prevLine) {
        out.byte(59); // ;
        prevLine++;
      }
    } else if (i > 0) {
      if (
        dstLine[i - 1] === line &&
        dstCol[i - 1] === dstCol[i] &&
        srcId[i - 1] === srcId[i] &&
        srcLine[i - 1] === srcLine[i] &&
        srcCol[i - 1] === srcCol[i] &&
        nameId[i - 1] === nameId[i]
      )
        continue;
      out.byte(44); // ,
    }
    out.vlq(dstCol[i]! - prevCol);
    prevCol = dstCol[i]!;
    if (srcId[i] !== NONE) {
      out.vlq(srcId[i]! - prevSrcId);
      prevSrcId = srcId[i]!;
      out.vlq(srcLine[i]! - prevSrcLine);
      prevSrcLine = srcLine[i]!;
      out.vlq(srcCol[i]! - prevSrcCol);
      prevSrcCol = srcCol[i]!;
      if (nameId[i] !== NONE) {
        out.vlq(nameId[i]! - prevName);
        prevName = nameId[i]!;
      }
    }
  }
  return out.toString();
}

const str = (s: string) => JSON.stringify(s);

function facebookSourcesJson(v: unknown): string {
  // serde re-serialises Vec<Option<Vec<{names, mappings}>>>, dropping unknown keys.
  if (!Array.isArray(v)) return 'null';
  return `[${v
    .map((entry) =>
      Array.isArray(entry)
        ? `[${entry
            .map(
              (m: Record<string, unknown>) =>
                `{"names":${JSON.stringify(m.names ?? [])},"mappings":${str(String(m.mappings ?? ''))}}`,
            )
            .join(',')}]`
        : 'null',
    )
    .join(',')}]`;
}

/** Serialises like `sourcemap::DecodedMap::to_writer` (compact serde JSON, RawSourceMap key order). */
export function encodeMap(map: DecodedMap): string {
  const parts: string[] = ['"version":3'];
  if (map.file !== undefined) parts.push(`"file":${str(map.file)}`);
  if (map.kind === 'index') {
    const sections = map.sections.map(
      (s) =>
        `{"offset":{"line":${s.line},"column":${s.column}},"url":${s.url === null ? 'null' : str(s.url)},"map":${
          s.map ? encodeMap(s.map) : 'null'
        }}`,
    );
    // `sources` has no skip-if-none in RawSourceMap, so an index map says `"sources":null`.
    parts.push('"sources":null', `"sections":[${sections.join(',')}]`);
  } else {
    parts.push(`"sources":[${map.sources.map(str).join(',')}]`);
    if (map.sourceRoot !== undefined) parts.push(`"sourceRoot":${str(map.sourceRoot)}`);
    const contents = map.sourcesContent ?? [];
    if (contents.some((c) => c !== null && c !== undefined)) {
      const padded = map.sources.map((_, i) => {
        const c = contents[i];
        return c === null || c === undefined ? 'null' : str(c);
      });
      parts.push(`"sourcesContent":[${padded.join(',')}]`);
    }
    parts.push(`"names":[${map.names.map(str).join(',')}]`);
    parts.push(`"mappings":${str(encodeMappings(map.tokens))}`);
    if (map.ignoreList.length > 0) parts.push(`"ignoreList":[${map.ignoreList.join(',')}]`);
    if (map.facebookSources !== undefined)
      parts.push(`"x_facebook_sources":${facebookSourcesJson(map.facebookSources)}`);
  }
  if (map.debugId) parts.push(`"debugId":${str(map.debugId)}`);
  return `{${parts.join(',')}}`;
}
