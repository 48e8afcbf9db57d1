/**
 * What an unchanged build's bundle looks like — its checksum, size and chunks — remembered across runs, so a
 * re-upload only hashes the files and asks assemble instead of writing (and deflating) the bundle again. The key
 * covers everything the bundle's bytes depend on: the manifest (URLs, headers, attributes and, through the bundle
 * ID, every file's SHA-1), chunk size, zlib level and version, and this writer's format. A lost or unreadable entry
 * only costs the bundle being written.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type BuildBundleOptions,
  type BundleAttributes,
  type BundleEntry,
  bundleDebugId,
  buildManifest,
  type ChunkRef,
  DEFAULT_COMPRESSION_LEVEL,
} from './bundle.ts';

/** Bump when the bundle writer's output changes for the same inputs. */
const WRITER_FORMAT = 2;

export interface BundlePlan {
  bundleId: string;
  checksum: string;
  size: number;
  chunks: ChunkRef[];
}

const planDir = () => join(tmpdir(), 'faultline-bundle-plans');

export function bundlePlanKey(
  entries: readonly BundleEntry[],
  attrs: BundleAttributes,
  opts: BuildBundleOptions,
): string {
  const manifest = buildManifest(entries, bundleDebugId(entries), attrs);
  return createHash('sha1')
    .update(
      JSON.stringify({
        format: WRITER_FORMAT,
        zlib: process.versions.zlib,
        level: opts.compressionLevel ?? DEFAULT_COMPRESSION_LEVEL,
        chunkSize: opts.chunkSize,
        manifest,
      }),
    )
    .digest('hex');
}

function isPlan(v: unknown): v is BundlePlan {
  if (!v || typeof v !== 'object') return false;
  const p = v as Partial<BundlePlan>;
  return (
    typeof p.bundleId === 'string' &&
    typeof p.checksum === 'string' &&
    typeof p.size === 'number' &&
    Array.isArray(p.chunks) &&
    p.chunks.every(
      (c: Partial<ChunkRef>) =>
        typeof c.checksum === 'string' && typeof c.offset === 'number' && typeof c.size === 'number',
    )
  );
}

export async function readBundlePlan(key: string): Promise<BundlePlan | undefined> {
  try {
    const v: unknown = JSON.parse(await readFile(join(planDir(), `${key}.json`), 'utf8'));
    return isPlan(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only or full temp folder just means no shortcut next time. */
export async function writeBundlePlan(key: string, plan: BundlePlan): Promise<void> {
  const { bundleId, checksum, size, chunks } = plan;
  try {
    await mkdir(planDir(), { recursive: true });
    const tmp = join(planDir(), `${key}.${process.pid}.tmp`);
    await writeFile(tmp, JSON.stringify({ bundleId, checksum, size, chunks }));
    await rename(tmp, join(planDir(), `${key}.json`));
  } catch {
    // ignored on purpose, see above
  }
}

export async function forgetBundlePlan(key: string): Promise<void> {
  await rm(join(planDir(), `${key}.json`), { force: true });
}
