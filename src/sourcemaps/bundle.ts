/**
 * Artifact bundles as Sentry reads them (protocol notes §4): an 8-byte `SYSB` v2 header, then a zip of
 * `files/<bundle path>` entries in URL order and `manifest.json` last, every entry dated 1980-01-01, so the same
 * input gives the same bytes. The bundle is streamed to a temporary file while its SHA-1 and the SHA-1 of every
 * `chunkSize` slice are computed on the way: nothing holds the whole build in memory.
 */
import { createHash, type Hash } from 'node:crypto';
import { type FileHandle, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { uuidFromDigest } from './debug-id.ts';
import { makeTempDir } from './temp-dir.ts';
import { writeZip, type ZipSource } from './zip-writer.ts';

export const SYSB_HEADER = Buffer.from([0x53, 0x59, 0x53, 0x42, 0x02, 0x00, 0x00, 0x00]);

export type BundleFileType = 'minified_source' | 'source_map' | 'source';

export interface BundleEntry {
  /** `~/static/app.js` */
  url: string;
  type: BundleFileType;
  /** Lowercased keys: `debug-id`, `sourcemap`. */
  headers: Record<string, string>;
  /** Where to read the bytes from. */
  absolutePath: string;
  /** SHA-1 of the contents (hex), known from the scan; feeds the bundle ID. */
  sha1: string;
  /** Size in bytes when known: bounds how much is deflated ahead. */
  size?: number;
}

export interface BundleAttributes {
  org: string;
  projects: string[];
  release?: string;
  dist?: string;
  note?: string;
}

export interface ChunkRef {
  checksum: string;
  offset: number;
  size: number;
}

export interface BuiltBundle {
  /** Temporary file holding the bundle; `dispose()` removes it. */
  path: string;
  size: number;
  /** SHA-1 of the whole file. */
  checksum: string;
  bundleId: string;
  chunks: ChunkRef[];
  manifest: BundleManifest;
  dispose(): Promise<void>;
}

export interface BundleManifest {
  files: Record<string, { type: BundleFileType; url: string; headers?: Record<string, string> }>;
  [attribute: string]: unknown;
}

/** `~/a/b.js` → `_/_/a/b.js`; `https://host/p` → `https/host/p`; characters a URL path cannot hold are %-encoded. */
export function bundlePath(url: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/]*)(\/.*)?$/.exec(url);
  let path: string;
  if (url.startsWith('~/')) path = `_/_/${url.slice(2)}`;
  else if (m) path = `${m[1]}/${m[2] || '_'}${m[3] ?? '/'}`;
  else path = `_/_/${url.replace(/^\/+/, '')}`;
  return path
    .split('/')
    .map((segment) => segment.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@#%]/g, (c) => encodeURIComponent(c)))
    .join('/');
}

const TYPE_NAMES: Record<BundleFileType, string> = {
  minified_source: 'MinifiedSource',
  source_map: 'SourceMap',
  source: 'Source',
};

/**
 * The bundle's debug ID, derived from what it holds (sentry-cli's scheme, with each file's content digest in place
 * of its bytes): every file in URL order contributes URL, content SHA-1, type and headers.
 */
export function bundleDebugId(entries: readonly BundleEntry[]): string {
  const hash = createHash('sha1');
  for (const e of [...entries].sort((a, b) => compare(a.url, b.url))) {
    hash.update(e.url).update(Buffer.from(e.sha1, 'hex')).update(TYPE_NAMES[e.type]);
    for (const key of Object.keys(e.headers).sort()) hash.update(key).update(e.headers[key]!);
  }
  return uuidFromDigest(hash.digest());
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** manifest.json: files by zip path, then the attributes in sorted order (`project` only for exactly one). */
export function buildManifest(
  entries: readonly BundleEntry[],
  bundleId: string,
  attrs: BundleAttributes,
): BundleManifest {
  const files: BundleManifest['files'] = {};
  const paths = new Map<string, number>();
  for (const e of [...entries].sort((a, b) => compare(a.url, b.url))) {
    let path = `files/${bundlePath(e.url)}`;
    const seen = paths.get(path) ?? 0;
    paths.set(path, seen + 1);
    if (seen > 0) path = `${path}.${seen}`;
    const headers = Object.fromEntries(
      Object.keys(e.headers)
        .sort()
        .map((k) => [k, e.headers[k]!]),
    );
    files[path] = { type: e.type, url: e.url, ...(Object.keys(headers).length ? { headers } : {}) };
  }
  const attributes: Record<string, string> = { debug_id: bundleId, org: attrs.org };
  if (attrs.projects.length === 1) attributes.project = attrs.projects[0]!;
  if (attrs.release) attributes.release = attrs.release;
  if (attrs.dist) attributes.dist = attrs.dist;
  if (attrs.note) attributes.note = attrs.note;
  const sorted = Object.fromEntries(
    Object.keys(attributes)
      .sort()
      .map((k) => [k, attributes[k]!]),
  );
  return { files, ...sorted };
}

/** Hashes the bytes as a whole and in `chunkSize` slices while appending them to a file (when there is one). */
class ChunkingFile {
  readonly chunks: ChunkRef[] = [];
  readonly #whole = createHash('sha1');
  readonly #file: FileHandle | undefined;
  readonly #chunkSize: number;
  #current: Hash = createHash('sha1');
  #currentSize = 0;
  size = 0;

  constructor(file: FileHandle | undefined, chunkSize: number) {
    this.#file = file;
    this.#chunkSize = chunkSize;
  }

  async write(data: Uint8Array): Promise<void> {
    this.#whole.update(data);
    let rest = data;
    while (rest.length > 0) {
      const take = Math.min(rest.length, this.#chunkSize - this.#currentSize);
      this.#current.update(rest.subarray(0, take));
      this.#currentSize += take;
      rest = rest.subarray(take);
      if (this.#currentSize === this.#chunkSize) this.#closeChunk();
    }
    this.size += data.length;
    if (!this.#file) return;
    let written = 0;
    while (written < data.length) written += (await this.#file.write(data, written)).bytesWritten;
  }

  finish(): string {
    if (this.#currentSize > 0) this.#closeChunk();
    return this.#whole.digest('hex');
  }

  #closeChunk(): void {
    const last = this.chunks.at(-1);
    const offset = last ? last.offset + last.size : 0;
    this.chunks.push({ checksum: this.#current.digest('hex'), offset, size: this.#currentSize });
    this.#current = createHash('sha1');
    this.#currentSize = 0;
  }
}

export const DEFAULT_COMPRESSION_LEVEL = 0;

export interface BuildBundleOptions {
  /** Slice size for chunk hashes; the server's `chunkSize`. */
  chunkSize: number;
  /**
   * zlib level for the zip entries. Default 0 (stored): each chunk is gzipped on its way to the server anyway, so
   * deflating the entries first costs a second compression pass, and a build the server already holds is then
   * bundled without compressing anything.
   */
  compressionLevel?: number;
}

/** The zip's sources: every file in manifest order, then manifest.json. */
function zipSources(entries: readonly BundleEntry[], manifest: BundleManifest): ZipSource[] {
  const byUrl = new Map(entries.map((e) => [e.url, e]));
  const sources: ZipSource[] = Object.entries(manifest.files).map(([name, info]) => {
    const entry = byUrl.get(info.url)!;
    return {
      name,
      ...(entry.size !== undefined ? { size: entry.size } : {}),
      read: () => readFile(entry.absolutePath),
    };
  });
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  sources.push({ name: 'manifest.json', size: manifestBytes.length, read: async () => manifestBytes });
  return sources;
}

/** Streams the bundle through `sink`; its SHA-1. */
async function streamBundle(sources: ZipSource[], sink: ChunkingFile, level: number): Promise<string> {
  await sink.write(SYSB_HEADER);
  await writeZip(sources, level, sink);
  return sink.finish();
}

function checkChunkSize(chunkSize: number): void {
  if (!(chunkSize > 0)) throw new RangeError(`buildArtifactBundle: chunkSize must be > 0, got ${chunkSize}`);
}

/**
 * The bundle's layout (checksum, size, chunks) without writing it anywhere: enough to ask the server which chunks it
 * lacks. Writing it (buildArtifactBundle) gives the same bytes.
 */
export async function planArtifactBundle(
  entries: readonly BundleEntry[],
  attrs: BundleAttributes,
  opts: BuildBundleOptions,
): Promise<{ bundleId: string; checksum: string; size: number; chunks: ChunkRef[] }> {
  checkChunkSize(opts.chunkSize);
  const bundleId = bundleDebugId(entries);
  const manifest = buildManifest(entries, bundleId, attrs);
  const sink = new ChunkingFile(undefined, opts.chunkSize);
  const checksum = await streamBundle(
    zipSources(entries, manifest),
    sink,
    opts.compressionLevel ?? DEFAULT_COMPRESSION_LEVEL,
  );
  return { bundleId, checksum, size: sink.size, chunks: sink.chunks };
}

/** Writes the bundle for `entries` to a temporary file and returns its hashes and chunk list. */
export async function buildArtifactBundle(
  entries: readonly BundleEntry[],
  attrs: BundleAttributes,
  opts: BuildBundleOptions,
): Promise<BuiltBundle> {
  checkChunkSize(opts.chunkSize);
  const bundleId = bundleDebugId(entries);
  const manifest = buildManifest(entries, bundleId, attrs);
  const dir = await makeTempDir('faultline-bundle-');
  const path = join(dir, 'bundle.zip');
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const file = await open(path, 'w');
    try {
      const sink = new ChunkingFile(file, opts.chunkSize);
      const level = opts.compressionLevel ?? DEFAULT_COMPRESSION_LEVEL;
      const checksum = await streamBundle(zipSources(entries, manifest), sink, level);
      return { path, size: sink.size, checksum, bundleId, chunks: sink.chunks, manifest, dispose };
    } finally {
      await file.close();
    }
  } catch (e) {
    await dispose();
    throw e;
  }
}
