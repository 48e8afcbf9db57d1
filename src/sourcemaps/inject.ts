/**
 * `faultline sourcemaps inject`: gives every built JavaScript file a debug ID exactly as
 * `sentry-cli sourcemaps inject` 3.8 does (same bytes, same IDs, maps fixed up the same way), and ties its
 * source map to it. Files are read twice (a light scan, then one file and its map at a time), so memory stays
 * bounded by the largest file, not the build.
 */
import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { open, readFile, writeFile } from 'node:fs/promises';
import { debugIdFromBytes, debugIdFromScriptAndMap } from './debug-id.ts';
import { type DiscoveredFile, discoverFiles, type DiscoverOptions } from './discover.ts';
import {
  adjustTokensForInsertion,
  injectAtEnd,
  injectAtStart,
  insertSnippetAfterPrologue,
  replaceSourcemapUrl,
} from './inject-text.ts';
import { findDebugIdComment, findSourceMappingUrl, isRemoteUrl } from './js-comments.ts';
import { type DecodedMap, decodeMapBytes, encodeMap, inspectSourceMapBytes, SourceMapParseError } from './raw-map.ts';
import { findMatchingPaths, guessSourcemapReference, normalizeSourcemapUrl } from './url-paths.ts';

export const DATA_PREAMBLE = 'data:application/json;base64,';
export const DEFAULT_JS_EXTENSIONS = ['js', 'cjs', 'mjs'] as const;

export interface InjectOptions extends Omit<DiscoverOptions, 'extensions'> {
  /** JavaScript extensions considered for injection; `.map` files are always collected. Default js cjs mjs. */
  extensions?: readonly string[];
  /** Compute everything, write nothing. */
  dryRun?: boolean;
}

export interface InjectedItem {
  path: string;
  debugId: string;
}

export interface InjectResult {
  filesFound: number;
  /** JavaScript files that got a debug ID. */
  injected: InjectedItem[];
  /** JavaScript files that already had one (left alone). */
  previouslyInjected: InjectedItem[];
  /** Source maps that got a debug ID. */
  sourcemaps: InjectedItem[];
  /** Source maps that already carried one (it was reused). */
  skippedSourcemaps: InjectedItem[];
  warnings: string[];
  /** Absolute path → debug ID of every map written or read here, so an upload right after need not parse them. */
  mapDebugIds: Map<string, string>;
}

export class InjectError extends Error {
  readonly path: string;
  constructor(path: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InjectError';
    this.path = path;
  }
}

export interface ScannedFile extends DiscoveredFile {
  isMap: boolean;
  /** Map only: its debug ID as the bundle manifest records it. */
  mapDebugId?: string;
  /** JS only: a `//# debugId=` already present. */
  debugId?: string;
  /** JS only: the sourceMappingURL comment's value when it names a local or embedded map. */
  location?: string;
  /** JS only: a sourceMappingURL that points elsewhere (a remote URL, or an absolute path not on disk). */
  remoteLocation?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

async function readHead(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function mayBeJsonObject(head: Uint8Array): boolean {
  for (const b of head) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b || b === 0x29 || b === 0x5d || b === 0x7d || b === 0x27;
  }
  return false;
}

/** First pass: which files are maps, and each script's debug ID comment and map location. */
export async function scanFile(file: DiscoveredFile, opts: { trustMapNames?: boolean } = {}): Promise<ScannedFile> {
  const head = await readHead(file.absolutePath, 64);
  // Injecting parses every referenced map anyway; a JSON-looking `.map` file is taken for a map until then.
  if (opts.trustMapNames && file.path.endsWith('.map') && mayBeJsonObject(head)) return { ...file, isMap: true };
  if (mayBeJsonObject(head)) return scanBytes(file, await readFile(file.absolutePath));
  if (file.path.endsWith('.map')) return { ...file, isMap: false };
  return scanScript(file, await readFile(file.absolutePath));
}

/** The same scan on bytes already read. */
export function scanBytes(file: DiscoveredFile, bytes: Uint8Array): ScannedFile {
  if (mayBeJsonObject(bytes.subarray(0, 64))) {
    const inspected = inspectSourceMapBytes(bytes);
    if (inspected.isMap)
      return { ...file, isMap: true, ...(inspected.debugId ? { mapDebugId: inspected.debugId } : {}) };
    return scanScript(file, bytes);
  }
  if (file.path.endsWith('.map')) return { ...file, isMap: false };
  return scanScript(file, bytes);
}

function scanScript(file: DiscoveredFile, bytes: Uint8Array): ScannedFile {
  // Read on the bytes (no decoding of the whole file); sentry-cli ignores the comments of non-UTF-8 files.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buf)) return { ...file, isMap: false };
  const scanned: ScannedFile = { ...file, isMap: false };
  const debugId = findDebugIdComment(buf);
  if (debugId) scanned.debugId = debugId;
  const location = findSourceMappingUrl(buf);
  // Remote URLs and absolute URL paths that do not exist here are not local maps (sentry-cli's filter).
  if (location !== undefined) {
    if (isRemoteUrl(location) || (location.startsWith('/') && !existsSync(location))) scanned.remoteLocation = location;
    else scanned.location = location;
  }
  return scanned;
}

function parentJoin(path: string, location: string): string {
  if (location.startsWith('/')) return location;
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? `${path.slice(0, slash)}/${location}` : location;
}

/** Which map each script refers to: its comment, or sentry-cli's unambiguous sibling-name guess. */
export function resolveReferences(
  files: readonly ScannedFile[],
  warn: (line: string) => void,
): Map<string, string | undefined> {
  const refs = new Map<string, string | undefined>();
  const mapUrls = new Set(files.filter((f) => f.isMap).map((f) => f.path));
  const explicit = new Map<string, string>();
  const withoutLocation: ScannedFile[] = [];
  for (const f of files) {
    if (f.isMap) continue;
    if (f.location !== undefined) {
      refs.set(f.path, f.location);
      explicit.set(parentJoin(f.path, f.location), f.path);
    } else withoutLocation.push(f);
  }
  const guessedBy = new Map<string, { reference: string; sources: string[] }>();
  for (const f of withoutLocation) {
    const guess = guessSourcemapReference(mapUrls, f.path);
    const owner = guess ? explicit.get(guess.url) : undefined;
    if (!guess || owner !== undefined) {
      if (owner !== undefined)
        warn(
          `${f.path}: the guessed source map ${guess!.reference} belongs to ${owner}; add a sourceMappingURL comment`,
        );
      refs.set(f.path, undefined);
      continue;
    }
    const entry = guessedBy.get(guess.url) ?? { reference: guess.reference, sources: [] };
    entry.sources.push(f.path);
    guessedBy.set(guess.url, entry);
  }
  for (const { reference, sources } of guessedBy.values()) {
    if (sources.length === 1) refs.set(sources[0]!, reference);
    else
      for (const s of sources) {
        warn(`${s}: source map ${reference} fits several files; add a sourceMappingURL comment to say which`);
        refs.set(s, undefined);
      }
  }
  return refs;
}

const matchesExtension = (path: string, exts: readonly string[]) => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return exts.length === 0 || exts.some((e) => name.endsWith(`.${e}`));
};

/** Adds the snippet and re-maps a regular map, or shifts an indexed map's sections by one line. */
function injectWithMap(text: string, map: DecodedMap, debugId: string): string {
  if (map.kind === 'index') {
    for (const s of map.sections) s.line += 1;
    return injectAtStart(text, debugId);
  }
  const ins = insertSnippetAfterPrologue(text, debugId);
  map.tokens = adjustTokensForInsertion(map.tokens, text, ins);
  return ins.text;
}

function isCanonicalBase64(s: string): boolean {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return false;
  return Buffer.from(s, 'base64').toString('base64') === s;
}

/** Injects debug IDs into the files under `dirs` (see module comment). */
export async function injectDebugIds(
  dirs: string | readonly string[],
  opts: InjectOptions = {},
): Promise<InjectResult> {
  const jsExtensions = (opts.extensions ?? DEFAULT_JS_EXTENSIONS).map((e) => e.replace(/^\./, ''));
  const discovered = await discoverFiles(dirs, { ...opts, extensions: [...jsExtensions, 'map'] });
  const result: InjectResult = {
    filesFound: discovered.length,
    injected: [],
    previouslyInjected: [],
    sourcemaps: [],
    skippedSourcemaps: [],
    warnings: [],
    mapDebugIds: new Map(),
  };
  const warn = (line: string) => result.warnings.push(line);
  const scanned = await mapLimited(discovered, 8, (f) => scanFile(f, { trustMapNames: true }));
  const byPath = new Map(scanned.map((f) => [f.path, f]));
  const mapUrls = scanned
    .filter((f) => f.isMap)
    .map((f) => f.path)
    .sort();
  const refs = resolveReferences(scanned, warn);

  // Dry runs keep what would have been written here, so later files see it as sentry-cli's in-memory copy does.
  const overlay = new Map<string, Buffer>();
  const read = async (f: DiscoveredFile) => overlay.get(f.absolutePath) ?? (await readFile(f.absolutePath));
  const write = async (f: DiscoveredFile, data: string) => {
    if (opts.dryRun) overlay.set(f.absolutePath, Buffer.from(data));
    else await writeFile(f.absolutePath, data);
  };

  for (const file of scanned) {
    if (file.isMap || !matchesExtension(file.path, jsExtensions)) continue;
    if (file.debugId) {
      result.previouslyInjected.push({ path: file.path, debugId: file.debugId });
      continue;
    }
    const bytes = await read(file);
    const text = decodeUtf8(bytes);
    if (text === undefined)
      throw new InjectError(file.path, `${file.path} is not valid UTF-8; exclude it with --ignore or fix its encoding`);
    const reference = refs.get(file.path);
    let debugId: string;
    let output: string;
    if (reference === undefined) {
      // No map: hash the script, append the snippet at the end so no mapping moves.
      debugId = debugIdFromBytes(bytes);
      output = injectAtEnd(text, debugId);
    } else if (reference.startsWith(DATA_PREAMBLE)) {
      const encoded = reference.slice(DATA_PREAMBLE.length);
      if (!isCanonicalBase64(encoded)) {
        warn(`Skipping ${file.path}: embedded sourcemap is not valid base64`);
        continue;
      }
      const decoded = Buffer.from(encoded, 'base64');
      const map = parseMapOrThrow(decoded, file.path, `the embedded source map in ${file.path}`);
      debugId = map.debugId ?? debugIdFromScriptAndMap(bytes, decoded);
      output = injectWithMap(text, map, debugId);
      map.debugId = debugId;
      output = replaceSourcemapUrl(output, DATA_PREAMBLE + Buffer.from(encodeMap(map)).toString('base64'));
    } else {
      const normalized = normalizeSourcemapUrl(file.path, reference);
      const matches = findMatchingPaths(mapUrls, normalized);
      if (matches.length > 1) warn(`Ambiguous matches for sourcemap path ${normalized}: ${matches.join(', ')}`);
      const mapPath = matches.length === 1 ? matches[0]! : normalized;
      const mapFile = byPath.get(mapPath);
      if (!mapFile) {
        debugId = debugIdFromBytes(bytes);
        output = injectAtEnd(text, debugId);
      } else {
        const mapBytes = await read(mapFile);
        const map = parseMapOrThrow(mapBytes, mapFile.path, `source map ${mapFile.path}`);
        const fresh = map.debugId === undefined;
        debugId = map.debugId ?? debugIdFromScriptAndMap(bytes, mapBytes);
        output = injectWithMap(text, map, debugId);
        map.debugId = debugId;
        await write(mapFile, encodeMap(map));
        (fresh ? result.sourcemaps : result.skippedSourcemaps).push({ path: mapFile.path, debugId });
        result.mapDebugIds.set(mapFile.absolutePath, debugId);
      }
    }
    await write(file, output);
    result.injected.push({ path: file.path, debugId });
  }
  return result;
}

/** `fn` over `items` with at most `limit` running at once, results in input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function parseMapOrThrow(bytes: Uint8Array, path: string, what: string): DecodedMap {
  try {
    return decodeMapBytes(bytes);
  } catch (e) {
    if (e instanceof SourceMapParseError)
      throw new InjectError(path, `Invalid ${what}: ${e.message}; fix or remove the map, or --ignore the file`, {
        cause: e,
      });
    throw e;
  }
}

/** The report sentry-cli prints after injecting, as plain lines. */
export function renderInjectReport(r: InjectResult): string[] {
  const lines: string[] = [];
  const section = (title: string, items: InjectedItem[]) => {
    if (items.length === 0) return;
    lines.push(`  ${title}`);
    for (const i of [...items].sort((a, b) => (a.path < b.path ? -1 : 1))) lines.push(`    ${i.debugId} - ${i.path}`);
  };
  lines.push('Source Map Debug ID Injection Report');
  section('Modified: The following source files have been modified to have debug ids', r.injected);
  section('Modified: The following sourcemap files have been modified to have debug ids', r.sourcemaps);
  section('Ignored: The following source files already have debug ids', r.previouslyInjected);
  section('Ignored: The following sourcemap files already have debug ids', r.skippedSourcemaps);
  if (lines.length === 1) return ['> Nothing to inject'];
  return lines;
}
