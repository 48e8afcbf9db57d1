/**
 * The first, light pass over a build: which files are source maps, and for each script its `//# debugId=` and where
 * its `sourceMappingURL` points. Validate, inject and upload all start here, so the three agree on which map belongs
 * to which script (sentry-cli's rules: the comment, else an unambiguous sibling `.map`).
 */
import { isUtf8 } from 'node:buffer';
import { existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { type DiscoveredFile, discoverFiles, type DiscoverOptions } from './discover.ts';
import { findDebugIdComment, findSourceMappingUrl, isRemoteUrl } from './js-comments.ts';
import { mapLimited } from './limit.ts';
import { inspectSourceMapBytes } from './raw-map.ts';
import { guessSourcemapReference } from './url-paths.ts';

export const DEFAULT_JS_EXTENSIONS = ['js', 'cjs', 'mjs'] as const;

/** Files read at once by a scan: enough to keep the disk busy, few enough to bound memory. */
const SCAN_CONCURRENCY = 8;

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

export interface ScannedBuild {
  /** Every script and map found, sorted by path. */
  files: ScannedFile[];
  byPath: Map<string, ScannedFile>;
  /** The maps' paths, sorted: the candidates a sourceMappingURL is matched against. */
  mapPaths: string[];
  /** Script extensions without the dot (the option's, or js cjs mjs). */
  jsExtensions: string[];
}

export interface ScanOptions extends Omit<DiscoverOptions, 'extensions'> {
  /** Script extensions; `.map` files are always collected. Default js cjs mjs. */
  extensions?: readonly string[];
  /** Take a JSON-looking `.map` file for a map without parsing it (inject parses every map it uses anyway). */
  trustMapNames?: boolean;
}

/** Discovers the scripts and maps under `paths` and scans each (see the module comment). */
export async function scanBuild(paths: string | readonly string[], opts: ScanOptions = {}): Promise<ScannedBuild> {
  const jsExtensions = (opts.extensions ?? DEFAULT_JS_EXTENSIONS).map((e) => e.replace(/^\./, ''));
  const discovered = await discoverFiles(paths, { ...opts, extensions: [...jsExtensions, 'map'] });
  const scanOpts = opts.trustMapNames ? { trustMapNames: true } : {};
  const files = await mapLimited(discovered, SCAN_CONCURRENCY, (f) => scanFile(f, scanOpts));
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
