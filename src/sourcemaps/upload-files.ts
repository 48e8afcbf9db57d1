/** Which files an upload sends, and under which URL and headers (sentry-cli's rules for both). */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { BundleEntry } from './bundle.ts';
import { type DiscoveredFile, discoverFiles } from './discover.ts';
import { mapLimited } from './limit.ts';
import { resolveReferences, type ScannedFile, scanBytes } from './scan.ts';
import type { UploadOptions } from './upload-options.ts';

export const DEFAULT_UPLOAD_EXTENSIONS = ['js', 'cjs', 'mjs', 'map', 'jsbundle', 'bundle'] as const;

/** Files read and hashed at once. */
const READ_CONCURRENCY = 8;

export interface CollectedFile extends ScannedFile {
  url: string;
  bytes: number;
  sha1: string;
  type: BundleEntry['type'];
  headers: Record<string, string>;
}

function joinUrl(prefix: string, relative: string, suffix: string): string {
  const p = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return `${p}/${relative.replace(/^\/+/, '')}${suffix}`;
}

/** Scans a group's files: type, URL, debug ID and source-map reference headers (sentry-cli's rules). */
export async function collectUploadFiles(paths: readonly string[], opts: UploadOptions): Promise<CollectedFile[]> {
  const extensions = (opts.extensions ?? DEFAULT_UPLOAD_EXTENSIONS).map((e) => e.replace(/^\./, ''));
  const discovered = await discoverFiles(paths, { ...opts, extensions });
  const out = await mapLimited(discovered, READ_CONCURRENCY, (f) => collectFile(f, opts));
  const refs = resolveReferences(out, (line) => opts.log?.(`warning: ${line}`));
  for (const f of out) {
    const ref = refs.get(f.path) ?? f.remoteLocation;
    if (!f.isMap && ref !== undefined) f.headers.sourcemap = ref;
  }
  return out;
}

/** One file read once: scanned (unless inject already knows the map's debug ID), hashed and named. */
async function collectFile(f: DiscoveredFile, opts: UploadOptions): Promise<CollectedFile> {
  const bytes = await readFile(f.absolutePath);
  const knownId = opts.knownMapDebugIds?.get(f.absolutePath);
  const scanned: ScannedFile = knownId !== undefined ? { ...f, isMap: true, mapDebugId: knownId } : scanBytes(f, bytes);
  const headers: Record<string, string> = {};
  if (scanned.isMap) {
    if (scanned.mapDebugId) headers['debug-id'] = scanned.mapDebugId;
  } else if (scanned.debugId) headers['debug-id'] = scanned.debugId;
  return {
    ...scanned,
    url: joinUrl(opts.urlPrefix ?? '~', f.relative, opts.urlSuffix ?? ''),
    bytes: bytes.length,
    sha1: createHash('sha1').update(bytes).digest('hex'),
    type: scanned.isMap ? 'source_map' : 'minified_source',
    headers,
  };
}
