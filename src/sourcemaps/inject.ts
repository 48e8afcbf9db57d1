/**
 * `faultline sourcemaps inject`: gives every built JavaScript file a debug ID exactly as
 * `sentry-cli sourcemaps inject` 3.8 does (same bytes, same IDs, maps fixed up the same way), and ties its
 * source map to it. Files are read twice (a light scan, then one file and its map at a time, the next pair read
 * ahead), so memory stays bounded by the largest files, not the build.
 */
import { debugIdFromBytes, debugIdFromScriptAndMap } from './debug-id.ts';
import { type BuildFiles, buildFiles } from './build-files.ts';
import type { DiscoveredFile } from './discover.ts';
import {
  adjustTokensForInsertion,
  injectAtEnd,
  injectAtStart,
  insertSnippetAfterPrologue,
  replaceSourcemapUrl,
} from './inject-text.ts';
import { shiftCanonicalMappings } from './mappings-shift.ts';
import { encodeMapBytes } from './map-writer.ts';
import { type DecodedMap, decodeKeptMappings, decodeMapBytes, SourceMapParseError } from './raw-map.ts';
import {
  DEFAULT_JS_EXTENSIONS,
  resolveReferences,
  type ScannedBuild,
  scanBuild,
  type ScannedFile,
  type ScanOptions,
} from './scan.ts';
import { findMatchingPaths, normalizeSourcemapUrl } from './url-paths.ts';

export const DATA_PREAMBLE = 'data:application/json;base64,';
export { DEFAULT_JS_EXTENSIONS };

export interface InjectOptions extends Omit<ScanOptions, 'trustMapNames'> {
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

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Adds the snippet and re-maps a regular map, or shifts an indexed map's sections by one line. */
function injectWithMap(text: string, map: DecodedMap, debugId: string): string {
  if (map.kind === 'index') {
    for (const s of map.sections) s.line += 1;
    return injectAtStart(text, debugId);
  }
  const ins = insertSnippetAfterPrologue(text, debugId);
  const shifted =
    map.mappings !== undefined && text.length > 0
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
function lastLineWithCharacters(text: string): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) line++;
  return text.endsWith('\n') ? line - 1 : line;
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
  const build = await scanBuild(dirs, { ...opts, trustMapNames: true });
  const result: InjectResult = {
    filesFound: build.files.length,
    injected: [],
    previouslyInjected: [],
    sourcemaps: [],
    skippedSourcemaps: [],
    warnings: [],
    mapDebugIds: new Map(),
  };
  const warn = (line: string) => result.warnings.push(line);
  const run: InjectRun = { build, refs: resolveReferences(build.files, warn), result, warn, ...buildFiles(opts) };
  const scripts = build.files.filter((f) => !f.isMap && matchesExtension(f.path, build.jsExtensions));
  try {
    for (const [i, file] of scripts.entries()) {
      if (file.debugId) {
        result.previouslyInjected.push({ path: file.path, debugId: file.debugId });
        continue;
      }
      // The next script and its map are read while this one is computed.
      const next = scripts.slice(i + 1).find((f) => !f.debugId);
      if (next) prefetchScript(run, next);
      const debugId = await injectScript(run, file);
      if (debugId !== undefined) result.injected.push({ path: file.path, debugId });
    }
  } catch (error) {
    await run.flush().catch(() => {}); // the first failure is the one to report
    throw error;
  }
  await run.flush();
  return result;
}

interface InjectRun extends BuildFiles {
  build: ScannedBuild;
  /** Each script's map reference (see resolveReferences). */
  refs: Map<string, string | undefined>;
  result: InjectResult;
  warn(line: string): void;
}

/** Starts reading a script and the map file it names, for the loop to find them read when it gets there. */
function prefetchScript(run: InjectRun, file: ScannedFile): void {
  run.prefetch(file);
  const reference = run.refs.get(file.path);
  if (reference === undefined || reference.startsWith(DATA_PREAMBLE)) return;
  const mapFile = findMapFile(run, file, reference).file;
  if (mapFile) run.prefetch(mapFile);
}

/** The build's map file a script's reference names, and every candidate when it is ambiguous. */
function findMapFile(
  run: InjectRun,
  file: ScannedFile,
  reference: string,
): { file: DiscoveredFile | undefined; normalized: string; matches: string[] } {
  const normalized = normalizeSourcemapUrl(file.path, reference);
  const matches = findMatchingPaths(run.build.mapPaths, normalized);
  const found = run.build.byPath.get(matches.length === 1 ? matches[0]! : normalized);
  return { file: found, normalized, matches };
}

/** Gives one script its debug ID (and its map, when it has one); the ID, or undefined when the script is skipped. */
async function injectScript(run: InjectRun, file: ScannedFile): Promise<string | undefined> {
  const bytes = await run.read(file);
  const text = decodeUtf8(bytes);
  if (text === undefined)
    throw new InjectError(file.path, `${file.path} is not valid UTF-8; exclude it with --ignore or fix its encoding`);
  const reference = run.refs.get(file.path);
  const injected =
    reference === undefined
      ? withoutMap(bytes, text)
      : reference.startsWith(DATA_PREAMBLE)
        ? withEmbeddedMap(run, file, bytes, text, reference.slice(DATA_PREAMBLE.length))
        : await withMapFile(run, file, bytes, text, reference);
  if (!injected) return undefined;
  await run.write(file, injected.output);
  return injected.debugId;
}

interface Injected {
  debugId: string;
  output: string;
}

/** No map: hash the script, append the snippet at the end so no mapping moves. */
function withoutMap(bytes: Uint8Array, text: string): Injected {
  const debugId = debugIdFromBytes(bytes);
  return { debugId, output: injectAtEnd(text, debugId) };
}

/** A `data:` URL map: re-mapped and written back into the script's own comment. */
function withEmbeddedMap(
  run: InjectRun,
  file: ScannedFile,
  bytes: Uint8Array,
  text: string,
  encoded: string,
): Injected | undefined {
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
async function withMapFile(
  run: InjectRun,
  file: ScannedFile,
  bytes: Uint8Array,
  text: string,
  reference: string,
): Promise<Injected> {
  const { file: mapFile, normalized, matches } = findMapFile(run, file, reference);
  if (matches.length > 1) run.warn(`Ambiguous matches for sourcemap path ${normalized}: ${matches.join(', ')}`);
  if (!mapFile) return withoutMap(bytes, text);
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
function matchesExtension(path: string, exts: readonly string[]): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return exts.length === 0 || exts.some((e) => name.endsWith(`.${e}`));
}

function parseMapOrThrow(bytes: Uint8Array, path: string, what: string): DecodedMap {
  try {
    return decodeMapBytes(bytes, { keepCanonicalMappings: true, keepSourcesContentText: true });
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
