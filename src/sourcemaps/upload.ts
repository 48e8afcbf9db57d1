/**
 * `faultline sourcemaps upload`: one artifact bundle per group of paths (a `dir:project` pair, or all paths for the
 * given projects), chunked by the server's `chunkSize`; assemble is asked first which chunks it lacks, only those are
 * sent (gzip per chunk, batched, in parallel), then the bundle is assembled and optionally waited for. Servers
 * whose chunk-upload `accept` has no artifact bundles get the legacy per-file release upload instead.
 * Every failure carries the server's own detail; a failed upload never reports success.
 */
import { rm } from 'node:fs/promises';
import type { AssembleResponse, ChunkUploadOptions, SentryClient } from '../sentry/index.ts';
import {
  type BundleAttributes,
  type BundleEntry,
  buildArtifactBundle,
  type BuiltBundle,
  DEFAULT_COMPRESSION_LEVEL,
  planArtifactBundle,
} from './bundle.ts';
import {
  type BundlePlan,
  bundlePlanKey,
  forgetBundlePlan,
  readBundlePlan,
  writeBundlePlan,
} from './bundle-plan-cache.ts';
import { formatBytes } from './report.ts';
import { type BundleFile, uploadBundle } from './upload-bundle.ts';
import { type CollectedFile, collectUploadFiles } from './upload-files.ts';
import { UploadError, type UploadGroup, type UploadOptions } from './upload-options.ts';
import { uploadReleaseFiles } from './upload-release-files.ts';

export { collectUploadFiles, DEFAULT_UPLOAD_EXTENSIONS } from './upload-files.ts';
export { parseUploadTargets, UploadError, type UploadGroup, type UploadOptions } from './upload-options.ts';

export interface BundleSummary {
  bundleId: string;
  checksum: string;
  projects: string[];
  files: number;
  bundleBytes: number;
  chunks: number;
  chunksSent: number;
  chunksSkipped: number;
  bytesUploaded: number;
  state: AssembleResponse['state'] | 'skipped';
}

export interface UploadSummary {
  /** The first bundle's ID (the only one unless `dir:project` pairs were given). */
  bundleId?: string;
  bundles: BundleSummary[];
  mode: 'artifact-bundle' | 'release-files' | 'none';
  filesUploaded: number;
  /** Raw bytes of the chunks (or release files) sent; 0 on an unchanged re-upload. */
  bytesUploaded: number;
  chunksSent: number;
  chunksSkipped: number;
  /** `ok` once processed, `created`/`assembling` when not waited for, `skipped` when nothing was uploaded. */
  state: AssembleResponse['state'] | 'skipped';
  deletedMaps: string[];
  release?: string;
  dist?: string;
}

/** Uploads every group (see module comment) and returns what happened. */
export async function uploadSourcemaps(client: SentryClient, opts: UploadOptions): Promise<UploadSummary> {
  checkGroups(opts.groups);
  const log = opts.log ?? (() => {});
  const summary: UploadSummary = {
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
  const uploadedMaps: string[] = [];
  for (const [i, group] of opts.groups.entries()) {
    const files = collected[i]!;
    if (!hasFilesToUpload(group, files, opts, log)) continue;
    if (legacy) await uploadGroupAsReleaseFiles(client, options, group, files, opts, log, summary);
    else await uploadGroupAsBundle(client, options, group, files, opts, log, summary);
    for (const f of files) if (f.isMap) uploadedMaps.push(f.absolutePath);
  }
  summary.bundleId = summary.bundles[0]?.bundleId;
  if (summary.bundleId === undefined) delete summary.bundleId;
  if (opts.deleteAfterUpload) summary.deletedMaps = await deleteMaps(uploadedMaps, log);
  return summary;
}

function checkGroups(groups: readonly UploadGroup[]): void {
  if (groups.length === 0) throw new UploadError('no paths to upload: pass at least one directory');
  for (const g of groups)
    if (g.projects.length === 0)
      throw new UploadError(`no project for ${g.paths.join(', ')}: pass --project or use DIR:PROJECT`);
}

/** False for an empty group (an error under strict); an error when nothing ties the files to an event. */
function hasFilesToUpload(
  group: UploadGroup,
  files: CollectedFile[],
  opts: UploadOptions,
  log: (line: string) => void,
): boolean {
  const bytes = files.reduce((n, f) => n + f.bytes, 0);
  log(
    `> Found ${files.length} file(s) (${formatBytes(bytes)}) in ${group.paths.join(', ')} for ${group.projects.join(', ')}`,
  );
  if (files.length === 0) {
    if (opts.strict) throw new UploadError(`no files to upload in ${group.paths.join(', ')} (strict mode)`);
    return false;
  }
  if (!opts.release && files.every((f) => !f.headers['debug-id']))
    throw new UploadError(
      `none of the ${files.length} files in ${group.paths.join(', ')} has a debug ID and no release was given: ` +
        'run `faultline sourcemaps inject` first or pass --release',
    );
  return true;
}

async function uploadGroupAsReleaseFiles(
  client: SentryClient,
  options: ChunkUploadOptions,
  group: UploadGroup,
  files: CollectedFile[],
  opts: UploadOptions,
  log: (line: string) => void,
  summary: UploadSummary,
): Promise<void> {
  if (group.projects.length !== 1)
    throw new UploadError('the legacy release-file upload takes exactly one project; upload each project on its own');
  const r = await uploadReleaseFiles(client, options, files, opts, log);
  summary.mode = 'release-files';
  summary.filesUploaded += r.files;
  summary.bytesUploaded += r.bytes;
  summary.state = 'ok';
}

async function uploadGroupAsBundle(
  client: SentryClient,
  options: ChunkUploadOptions,
  group: UploadGroup,
  files: CollectedFile[],
  opts: UploadOptions,
  log: (line: string) => void,
  summary: UploadSummary,
): Promise<void> {
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
  } finally {
    await prepared.dispose();
  }
}

/**
 * The group's bundle layout (checksum, size, chunks): remembered from an earlier run on this machine, else computed
 * by streaming the bundle through the hashes without writing it. So the server is asked what it already holds
 * before anything is written, and the bundle is only written (`file`) when chunks must go; a layout that no longer
 * matches the bytes written (files changed meanwhile) is forgotten and fails.
 */
async function prepareBundle(
  org: string,
  options: ChunkUploadOptions,
  group: UploadGroup,
  files: CollectedFile[],
  opts: UploadOptions,
): Promise<{ bundle: BundlePlan; file: BundleFile; dispose(): Promise<void> }> {
  const entries: BundleEntry[] = files.map((f) => ({
    url: f.url,
    type: f.type,
    headers: f.headers,
    absolutePath: f.absolutePath,
    sha1: f.sha1,
    size: f.bytes,
  }));
  const attrs: BundleAttributes = {
    org,
    projects: group.projects,
    ...(opts.release ? { release: opts.release } : {}),
    ...(opts.dist !== undefined ? { dist: opts.dist } : {}),
    ...(opts.note ? { note: opts.note } : {}),
  };
  const buildOpts = { chunkSize: options.chunkSize, compressionLevel: opts.compressionLevel ?? entryLevel(options) };
  const planKey = bundlePlanKey(entries, attrs, buildOpts);
  const cached = await readBundlePlan(planKey);
  let built: BuiltBundle | undefined;
  const build = async (): Promise<BuiltBundle> => {
    built ??= await buildArtifactBundle(entries, attrs, buildOpts);
    return built;
  };
  const bundle: BundlePlan = cached ?? (await planArtifactBundle(entries, attrs, buildOpts));
  if (!cached) await writeBundlePlan(planKey, bundle);
  const file = async () => {
    const b = await build();
    if (b.checksum !== bundle.checksum) {
      await forgetBundlePlan(planKey);
      throw new UploadError(
        `the layout of bundle ${bundle.bundleId} (remembered, or computed before) does not match the bundle written ` +
          `now (${b.checksum} instead of ${bundle.checksum}); did files change meanwhile? Run the upload again`,
      );
    }
    return b.path;
  };
  return { bundle, file, dispose: async () => await built?.dispose() };
}

/**
 * Chunks go gzipped when the server takes that, so the entries are stored: one compression pass, only over what is
 * sent. A server without gzip gets deflated entries instead, as sentry-cli's bundles are.
 */
function entryLevel(options: ChunkUploadOptions): number {
  return options.compression?.includes('gzip') ? DEFAULT_COMPRESSION_LEVEL : 6;
}

/** The state of the least finished bundle: created < assembling < ok. */
function leastFinished(states: Array<BundleSummary['state']>): BundleSummary['state'] {
  for (const s of ['created', 'assembling'] as const) if (states.includes(s)) return s;
  return 'ok';
}

async function deleteMaps(paths: string[], log: (line: string) => void): Promise<string[]> {
  for (const path of paths) await rm(path, { force: true });
  if (paths.length) log(`> Deleted ${paths.length} source map(s) after the upload`);
  return paths;
}
