/**
 * Source maps read exactly as sentry-cli 3.8 reads them (rust-sourcemap 9.3): which JSON counts as a map, and how
 * its fields and mappings decode (duplicate tokens folded). map-writer.ts writes them back; the `mappings` string
 * itself is decoded and encoded in mappings-codec.ts.
 */
import { normalizeDebugId } from './debug-id.ts';
import { decodeMappings, emptyTokens, NONE, SourceMapParseError, type Tokens } from './mappings-codec.ts';
import { isCanonicalMappings } from './mappings-shift.ts';
import { sourcesContentLiterals } from './json-literals.ts';

export { NONE, SourceMapParseError, type Tokens } from './mappings-codec.ts';

export interface RegularMap {
  kind: 'regular';
  file?: string;
  sources: string[];
  sourceRoot?: string;
  sourcesContent?: Array<string | null>;
  names: string[];
  tokens: Tokens;
  /**
   * The `mappings` text, kept instead of decoded `tokens` (which are then empty) when decoding and re-encoding would
   * give it back unchanged (see mappings-shift.ts). Only with `keepCanonicalMappings`.
   */
  mappings?: string;
  /**
   * The map text's own literal for each `sourcesContent` entry that `JSON.stringify` would write the same (undefined
   * for the others), copied when the map is written. Only with `keepSourcesContentText`; `sourcesContent` must not
   * change while it is set.
   */
  sourcesContentText?: Array<Uint8Array | undefined>;
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

export interface DecodeOptions {
  /** Keep a `mappings` string that re-encodes to itself as text instead of decoding it (see RegularMap.mappings). */
  keepCanonicalMappings?: boolean;
  /** Keep the JSON text of the `sourcesContent` entries, to copy when writing (see RegularMap.sourcesContentText). */
  keepSourcesContentText?: boolean;
}

/** Parses map bytes (external file or decoded data URL); throws SourceMapParseError as sentry-cli would fail. */
export function decodeMapBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedMap {
  let raw: unknown;
  try {
    raw = parseJson(bytes);
  } catch (e) {
    throw new SourceMapParseError(`not valid JSON: ${(e as Error).message}`);
  }
  const map = decodeRaw(raw, opts);
  if (opts.keepSourcesContentText && map.kind === 'regular' && map.sourcesContent) {
    const literals = sourcesContentLiterals(stripJunkHeader(bytes));
    if (literals?.length === map.sourcesContent.length) map.sourcesContentText = literals;
  }
  return map;
}

export function decodeRaw(raw: unknown, opts: DecodeOptions = {}): DecodedMap {
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
        map: present(s.map) ? decodeRaw(s.map, opts) : null,
      };
    });
    // Stable sort by offset, as decode_index does.
    sections.sort((a, b) => a.line - b.line || a.column - b.column);
    return { kind: 'index', ...fileField(raw.file), sections, ...(debugId ? { debugId } : {}) };
  }
  return decodeRegular(raw, debugId, opts);
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

function decodeRegular(raw: Record<string, unknown>, debugId: string | undefined, opts: DecodeOptions): RegularMap {
  const sources = stringList(raw.sources, 'sources').map((s) => s ?? '');
  if (present(raw.names) && !Array.isArray(raw.names)) throw new SourceMapParseError('"names" must be an array');
  const names = ((raw.names as unknown[] | undefined) ?? []).map((n) =>
    typeof n === 'string' ? n : typeof n === 'number' ? String(n) : '',
  );
  if (present(raw.mappings) && typeof raw.mappings !== 'string')
    throw new SourceMapParseError('"mappings" must be a string');
  if (present(raw.sourceRoot) && typeof raw.sourceRoot !== 'string')
    throw new SourceMapParseError('"sourceRoot" must be a string');
  const mappings = (raw.mappings as string | undefined) ?? '';
  const keep = opts.keepCanonicalMappings && isCanonicalMappings(mappings, sources.length, names.length);
  const tokens = keep ? emptyTokens(0) : decodeMappings(mappings, sources.length, names.length);
  const map: RegularMap = { kind: 'regular', ...fileField(raw.file), sources, names, tokens, ignoreList: [] };
  if (keep) map.mappings = mappings;
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

/** Decodes the tokens of a map read with `keepCanonicalMappings`, for edits made on tokens. */
export function decodeKeptMappings(map: RegularMap): void {
  if (map.mappings === undefined) return;
  map.tokens = decodeMappings(map.mappings, map.sources.length, map.names.length);
  delete map.mappings;
}
