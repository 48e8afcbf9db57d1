/**
 * `faultline sourcemaps upload`: one artifact bundle per group of paths (a `dir:project` pair, or all paths for the
 * given projects), chunked by the server's `chunkSize`; assemble is asked first which chunks it lacks, only those are
 * sent (gzip per chunk, batched, in parallel), then the bundle is assembled and optionally waited for. Servers
 * whose chunk-upload `accept` has no artifact bundles get the legacy per-file release upload instead.
 * Every failure carries the server's own detail; a failed upload never reports success.
 */
import { createHash } from 'node:crypto';
import { open, readFile, rm } from 'node:fs/promises';
import type { AssembleResponse, ChunkUploadOptions, SentryClient } from '../sentry/index.ts';
import { SentryAssembleError } from '../sentry/errors.ts';
import {
  type BundleAttributes,
  type BundleEntry,
  buildArtifactBundle,
  type BuiltBundle,
  type ChunkRef,
} from './bundle.ts';
import {
  type BundlePlan,
  bundlePlanKey,
  forgetBundlePlan,
  readBundlePlan,
  writeBundlePlan,
} from './bundle-plan-cache.ts';
import { planChunkUpload } from './chunk-plan.ts';
import { type DiscoverOptions, discoverFiles, splitPathList } from './discover.ts';
import { mapLimited, resolveReferences, type ScannedFile, scanBytes } from './inject.ts';
import { formatBytes } from './report.ts';

export const DEFAULT_UPLOAD_EXTENSIONS = ['js', 'cjs', 'mjs', 'map', 'jsbundle', 'bundle'] as const;

export interface UploadGroup {
  /** Directories, files or globs (newline/comma lists allowed). */
  paths: string[];
  projects: string[];
}

export interface UploadOptions extends Omit<DiscoverOptions, 'extensions'> {
  groups: UploadGroup[];
  release?: string;
  dist?: string;
  /** Default `~`; one trailing `/` is dropped. */
  urlPrefix?: string;
  urlSuffix?: string;
  extensions?: readonly string[];
  note?: string;
  /** Poll assemble until `ok`/`error`. */
  wait?: boolean;
  /** Upper bound for `wait` (ms); the server's `maxWait` lowers it. Default 300000. */
  waitTimeoutMs?: number;
  /** Remove the uploaded `.map` files afterwards, so they are not deployed. */
  deleteAfterUpload?: boolean;
  /** Fail when there is nothing to upload. */
  strict?: boolean;
  /** zlib level for bundle entries. Default 1: fast, and the chunks are gzipped again on the wire. */
  compressionLevel?: number;
  /** Maps already read by an inject in this process (absolute path → debug ID): not parsed again. */
  knownMapDebugIds?: ReadonlyMap<string, string>;
  log?: (line: string) => void;
  /** Tests: pause between assemble polls. */
  sleep?: (ms: number) => Promise<void>;
}

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

export class UploadError extends Error {
  readonly detail?: string | null;
  constructor(message: string, options?: { cause?: unknown; detail?: string | null }) {
    super(message, options?.cause ? { cause: options.cause } : undefined);
    this.name = 'UploadError';
    if (options && 'detail' in options) this.detail = options.detail ?? null;
  }
}

/** `dist:web` → `{paths: ['dist'], projects: ['web']}`; a plain path goes to `defaultProjects`. */
export function parseUploadTargets(args: readonly string[], defaultProjects: readonly string[]): UploadGroup[] {
  const plain: string[] = [];
  const byProject = new Map<string, string[]>();
  for (const arg of splitPathList(args)) {
    // `C:\x` (a drive letter) and URLs are paths, not pairs.
    const m = /^(.+):([A-Za-z0-9][A-Za-z0-9_.-]*)$/.exec(arg);
    if (m && !/^[A-Za-z]$/.test(m[1]!)) byProject.set(m[2]!, [...(byProject.get(m[2]!) ?? []), m[1]!]);
    else plain.push(arg);
  }
  const groups: UploadGroup[] = [];
  if (plain.length) groups.push({ paths: plain, projects: [...defaultProjects] });
  for (const [project, paths] of byProject) groups.push({ paths, projects: [project] });
  return groups;
}

interface CollectedFile extends ScannedFile {
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
  const known = opts.knownMapDebugIds;
  const out = await mapLimited(discovered, 8, async (f): Promise<CollectedFile> => {
    const bytes = await readFile(f.absolutePath);
    const knownId = known?.get(f.absolutePath);
    const scanned: ScannedFile =
      knownId !== undefined ? { ...f, isMap: true, mapDebugId: knownId } : scanBytes(f, bytes);
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
  });
  const refs = resolveReferences(out, (line) => opts.log?.(`warning: ${line}`));
  for (const f of out) {
    const ref = refs.get(f.path) ?? f.remoteLocation;
    if (!f.isMap && ref !== undefined) f.headers.sourcemap = ref;
  }
  return out;
}

async function readChunk(fd: Awaited<ReturnType<typeof open>>, c: ChunkRef): Promise<Buffer> {
  const buf = Buffer.alloc(c.size);
  const { bytesRead } = await fd.read(buf, 0, c.size, c.offset);
  if (bytesRead !== c.size) throw new UploadError(`bundle file ended early at chunk ${c.checksum}`);
  return buf;
}

/** Runs `tasks` with at most `limit` at once; the first failure stops new ones and is thrown. */
async function runLimited(tasks: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (failed === undefined && next < tasks.length) {
      const task = tasks[next++]!;
      try {
        await task();
      } catch (e) {
        failed ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  if (failed !== undefined) throw failed;
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function uploadBundle(
  client: SentryClient,
  options: ChunkUploadOptions,
  bundle: BundlePlan,
  bundleFile: () => Promise<string>,
  projects: string[],
  opts: UploadOptions,
  log: (line: string) => void,
): Promise<{ state: AssembleResponse['state']; chunksSent: number; chunksSkipped: number; bytesUploaded: number }> {
  const body = {
    checksum: bundle.checksum,
    chunks: bundle.chunks.map((c) => c.checksum),
    projects,
    ...(opts.release ? { version: opts.release } : {}),
    ...(opts.dist !== undefined ? { dist: opts.dist } : {}),
  };
  const first = await client.assembleArtifactBundle(body);
  let plan = planChunkUpload(bundle.chunks, first.state === 'not_found' ? first.missingChunks : [], options);
  if (first.state === 'error') throw assembleFailure(bundle, first);
  log(
    `> Chunks: ${bundle.chunks.length} (${formatBytes(bundle.size)}), ${plan.chunksSkipped} already on the server, ` +
      `sending ${plan.chunksToSend} (${formatBytes(plan.bytesToSend)}) in ${plan.batches.length} request(s), ` +
      `${plan.concurrency} at a time`,
  );
  let sent = 0;
  if (plan.chunksToSend > 0) {
    const fd = await open(await bundleFile(), 'r');
    try {
      await runLimited(
        plan.batches.map((batch) => async () => {
          const data = await Promise.all(
            batch.map(async (c) => ({ checksum: c.checksum, data: await readChunk(fd, c) })),
          );
          await client.uploadChunks(options, data);
          sent += batch.length;
        }),
        plan.concurrency,
      );
    } catch (e) {
      throw new UploadError(`uploading chunks of bundle ${bundle.bundleId} failed: ${describeError(e)}`, {
        cause: e,
        ...(e && typeof e === 'object' && 'detail' in e ? { detail: (e as { detail?: string }).detail ?? null } : {}),
      });
    } finally {
      await fd.close();
    }
    log(`> Uploaded ${sent} chunk(s) (${formatBytes(plan.bytesToSend)})`);
  } else log('> Nothing to upload, all chunks are on the server');

  let res = await client.assembleArtifactBundle(body);
  if (res.state === 'not_found' && res.missingChunks.length > 0) {
    // The server lost (or refused) chunks between the two calls: send them once more, then give up.
    plan = planChunkUpload(bundle.chunks, res.missingChunks, options);
    log(`> The server still misses ${plan.chunksToSend} chunk(s); sending them again`);
    const fd = await open(await bundleFile(), 'r');
    try {
      for (const batch of plan.batches) {
        const data = await Promise.all(
          batch.map(async (c) => ({ checksum: c.checksum, data: await readChunk(fd, c) })),
        );
        await client.uploadChunks(options, data);
      }
    } finally {
      await fd.close();
    }
    res = await client.assembleArtifactBundle(body);
  }
  if (res.state === 'error' || res.state === 'not_found') throw assembleFailure(bundle, res);
  if (opts.wait && res.state !== 'ok') {
    const serverMax = (options.maxWait ?? 0) > 0 ? options.maxWait! * 1000 : Infinity;
    const maxWait = Math.min(opts.waitTimeoutMs ?? 300_000, serverMax);
    const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const deadline = Date.now() + maxWait;
    let pause = 25;
    while (res.state !== 'ok') {
      if (Date.now() + pause > deadline)
        throw new UploadError(
          `Sentry did not finish processing bundle ${bundle.bundleId} within ${Math.round(maxWait / 1000)} s ` +
            `(state "${res.state}"); raise --wait-timeout or check the server's workers`,
        );
      log(`> Waiting for Sentry to process bundle ${bundle.bundleId} (${res.state})`);
      await sleep(pause);
      pause = Math.min(1000, pause * 2);
      res = await client.assembleArtifactBundle(body);
      if (res.state === 'error' || res.state === 'not_found') throw assembleFailure(bundle, res);
    }
  }
  log(res.state === 'ok' ? '> File processing complete' : '> File upload complete (processing pending on server)');
  return {
    state: res.state,
    chunksSent: plan.chunksToSend === 0 ? 0 : sent,
    chunksSkipped: bundle.chunks.length - (plan.chunksToSend === 0 ? 0 : sent),
    bytesUploaded: plan.chunksToSend === 0 ? 0 : plan.bytesToSend,
  };
}

/** The state of the least finished bundle: created < assembling < ok. */
function leastFinished(states: Array<BundleSummary['state']>): BundleSummary['state'] {
  for (const s of ['created', 'assembling'] as const) if (states.includes(s)) return s;
  return 'ok';
}

function assembleFailure(bundle: BundlePlan, res: AssembleResponse): UploadError {
  const why =
    res.detail ||
    (res.state === 'not_found' ? `${res.missingChunks.length} chunk(s) missing on the server` : 'unknown error');
  return new UploadError(`Sentry failed to process bundle ${bundle.bundleId}: ${why}`, {
    detail: res.detail ?? null,
    cause: new SentryAssembleError({ checksum: bundle.checksum, state: res.state, detail: res.detail ?? null }, why),
  });
}

/** Legacy per-file upload for servers without artifact bundles: needs a release and one project. */
async function uploadReleaseFiles(
  client: SentryClient,
  options: ChunkUploadOptions,
  files: CollectedFile[],
  opts: UploadOptions,
  log: (line: string) => void,
): Promise<{ files: number; bytes: number }> {
  if (!opts.release)
    throw new UploadError(
      'this Sentry server has no artifact bundles (chunk-upload accept lacks "artifact_bundles"), so source maps ' +
        'must go to a release: pass --release',
    );
  log(`> Legacy upload: ${files.length} release file(s) to ${opts.release}`);
  const existing = await client.listReleaseFiles(opts.release);
  const dist = opts.dist ?? null;
  const byName = new Map(existing.filter((f) => (f.dist ?? null) === dist).map((f) => [f.name, f.id]));
  let bytes = 0;
  await runLimited(
    files.map((f) => async () => {
      const old = byName.get(f.url);
      if (old !== undefined) await client.deleteReleaseFile(opts.release!, String(old));
      const contents = await readFile(f.absolutePath);
      const headers: Record<string, string> = {};
      if (f.headers.sourcemap) headers.Sourcemap = f.headers.sourcemap;
      await client.uploadReleaseFile(opts.release!, {
        name: f.url,
        contents,
        headers,
        ...(opts.dist !== undefined ? { dist: opts.dist } : {}),
      });
      bytes += contents.length;
    }),
    Math.max(1, Math.min(options.concurrency || 4, 8)),
  );
  return { files: files.length, bytes };
}

/** Uploads every group (see module comment) and returns what happened. */
export async function uploadSourcemaps(client: SentryClient, opts: UploadOptions): Promise<UploadSummary> {
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
  if (opts.groups.length === 0) throw new UploadError('no paths to upload: pass at least one directory');
  for (const g of opts.groups)
    if (g.projects.length === 0)
      throw new UploadError(`no project for ${g.paths.join(', ')}: pass --project or use DIR:PROJECT`);

  const [options, ...collected] = await Promise.all([
    client.getChunkUploadOptions(),
    ...opts.groups.map((g) => collectUploadFiles(g.paths, opts)),
  ]);
  const legacy = !(options.accept ?? []).some((a) => a === 'artifact_bundles' || a === 'artifact_bundles_v2');
  const uploadedMaps: string[] = [];
  for (const [i, group] of opts.groups.entries()) {
    const files = collected[i]!;
    const bytes = files.reduce((n, f) => n + f.bytes, 0);
    log(
      `> Found ${files.length} file(s) (${formatBytes(bytes)}) in ${group.paths.join(', ')} for ${group.projects.join(', ')}`,
    );
    if (files.length === 0) {
      if (opts.strict) throw new UploadError(`no files to upload in ${group.paths.join(', ')} (strict mode)`);
      continue;
    }
    if (!opts.release && files.every((f) => !f.headers['debug-id']))
      throw new UploadError(
        `none of the ${files.length} files in ${group.paths.join(', ')} has a debug ID and no release was given: ` +
          'run `faultline sourcemaps inject` first or pass --release',
      );
    if (legacy) {
      if (group.projects.length !== 1)
        throw new UploadError(
          'the legacy release-file upload takes exactly one project; upload each project on its own',
        );
      const r = await uploadReleaseFiles(client, options, files, opts, log);
      summary.mode = 'release-files';
      summary.filesUploaded += r.files;
      summary.bytesUploaded += r.bytes;
      summary.state = 'ok';
    } else {
      const entries: BundleEntry[] = files.map((f) => ({
        url: f.url,
        type: f.type,
        headers: f.headers,
        absolutePath: f.absolutePath,
        sha1: f.sha1,
        size: f.bytes,
      }));
      const attrs: BundleAttributes = {
        org: client.org,
        projects: group.projects,
        ...(opts.release ? { release: opts.release } : {}),
        ...(opts.dist !== undefined ? { dist: opts.dist } : {}),
        ...(opts.note ? { note: opts.note } : {}),
      };
      const buildOpts = {
        chunkSize: options.chunkSize,
        ...(opts.compressionLevel !== undefined ? { compressionLevel: opts.compressionLevel } : {}),
      };
      const planKey = bundlePlanKey(entries, attrs, buildOpts);
      const cached = await readBundlePlan(planKey);
      let built: BuiltBundle | undefined;
      const build = async (): Promise<BuiltBundle> => {
        built ??= await buildArtifactBundle(entries, attrs, buildOpts);
        return built;
      };
      // An unchanged build: the bundle's checksum and chunks are known, so it is only written if chunks must go.
      const bundle: BundlePlan = cached ?? (await build());
      if (!cached) await writeBundlePlan(planKey, bundle);
      const bundleFile = async () => {
        const b = await build();
        if (b.checksum !== bundle.checksum) {
          await forgetBundlePlan(planKey);
          throw new UploadError(
            `the remembered layout of bundle ${bundle.bundleId} does not match the bundle written now ` +
              `(${b.checksum} instead of ${bundle.checksum}); run the upload again`,
          );
        }
        return b.path;
      };
      try {
        log(`> Bundled ${files.length} file(s) for upload (${formatBytes(bundle.size)}), bundle ID ${bundle.bundleId}`);
        const r = await uploadBundle(client, options, bundle, bundleFile, group.projects, opts, log);
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
        await built?.dispose();
      }
    }
    for (const f of files) if (f.isMap) uploadedMaps.push(f.absolutePath);
  }
  summary.bundleId = summary.bundles[0]?.bundleId;
  if (summary.bundleId === undefined) delete summary.bundleId;
  if (opts.deleteAfterUpload) {
    for (const path of uploadedMaps) await rm(path, { force: true });
    summary.deletedMaps = uploadedMaps;
    if (uploadedMaps.length) log(`> Deleted ${uploadedMaps.length} source map(s) after the upload`);
  }
  return summary;
}
