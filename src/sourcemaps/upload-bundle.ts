/**
 * One artifact bundle to Sentry: ask assemble which chunks it lacks, send only those (batched, in parallel), assemble,
 * and optionally wait until Sentry has processed it. The bundle file is opened only when chunks must go, so an
 * unchanged build whose layout is remembered is never written.
 */
import { open } from 'node:fs/promises';
import type { AssembleResponse, ChunkData, ChunkUploadOptions, SentryClient } from '../sentry/index.ts';
import { SentryAssembleError } from '../sentry/errors.ts';
import type { ChunkRef } from './bundle.ts';
import type { BundlePlan } from './bundle-plan-cache.ts';
import { type ChunkPlan, planChunkUpload } from './chunk-plan.ts';
import { mapLimited } from './limit.ts';
import type { UploadProgress } from './progress.ts';
import { formatBytes } from './report.ts';
import { UploadError, type UploadOptions } from './upload-options.ts';

type AssembleRequest = Parameters<SentryClient['assembleArtifactBundle']>[0];
type FileHandle = Awaited<ReturnType<typeof open>>;

export interface SentBundle {
  state: AssembleResponse['state'];
  chunksSent: number;
  chunksSkipped: number;
  bytesUploaded: number;
}

/** Where the bundle is on disk; writes it first when it is not written yet. */
export type BundleFile = () => Promise<string>;

export async function uploadBundle(
  client: SentryClient,
  options: ChunkUploadOptions,
  bundle: BundlePlan,
  bundleFile: BundleFile,
  projects: string[],
  opts: UploadOptions,
  log: (line: string) => void,
): Promise<SentBundle> {
  const body: AssembleRequest = {
    checksum: bundle.checksum,
    chunks: bundle.chunks.map((c) => c.checksum),
    projects,
    ...(opts.release ? { version: opts.release } : {}),
    ...(opts.dist !== undefined ? { dist: opts.dist } : {}),
  };
  const first = await client.assembleArtifactBundle(body);
  if (first.state === 'error') throw assembleFailure(bundle, first);
  let plan = planChunkUpload(bundle.chunks, first.state === 'not_found' ? first.missingChunks : [], options);
  log(
    `> Chunks: ${bundle.chunks.length} (${formatBytes(bundle.size)}), ${plan.chunksSkipped} already on the server, ` +
      `sending ${plan.chunksToSend} (${formatBytes(plan.bytesToSend)}) in ${plan.batches.length} request(s), ` +
      `${plan.concurrency} at a time`,
  );
  const sent = await sendChunks(client, options, bundle, bundleFile, plan, log, opts.progress);

  let res = await client.assembleArtifactBundle(body);
  if (res.state === 'not_found' && res.missingChunks.length > 0) {
    plan = await resendMissing(client, options, bundle, bundleFile, res.missingChunks, log);
    res = await client.assembleArtifactBundle(body);
  }
  if (res.state === 'error' || res.state === 'not_found') throw assembleFailure(bundle, res);
  if (opts.wait && res.state !== 'ok') res = await waitUntilProcessed(client, body, bundle, options, opts, log, res);
  log(res.state === 'ok' ? '> File processing complete' : '> File upload complete (processing pending on server)');
  return {
    state: res.state,
    chunksSent: plan.chunksToSend === 0 ? 0 : sent,
    chunksSkipped: bundle.chunks.length - (plan.chunksToSend === 0 ? 0 : sent),
    bytesUploaded: plan.chunksToSend === 0 ? 0 : plan.bytesToSend,
  };
}

/** Sends the planned batches, `plan.concurrency` at a time; the number of chunks sent. */
async function sendChunks(
  client: SentryClient,
  options: ChunkUploadOptions,
  bundle: BundlePlan,
  bundleFile: BundleFile,
  plan: ChunkPlan,
  log: (line: string) => void,
  progress: UploadProgress | undefined,
): Promise<number> {
  if (plan.chunksToSend === 0) {
    log('> Nothing to upload, all chunks are on the server');
    return 0;
  }
  let sent = 0;
  progress?.start({ bytes: plan.bytesToSend, chunks: plan.chunksToSend });
  await withBundleFile(bundleFile, async (fd) => {
    try {
      await mapLimited(plan.batches, plan.concurrency, async (batch) => {
        await client.uploadChunks(options, readChunks(fd, batch));
        sent += batch.length;
        progress?.advance(
          batch.reduce((n, c) => n + c.size, 0),
          batch.length,
        );
      });
      progress?.done();
    } catch (e) {
      throw new UploadError(`uploading chunks of bundle ${bundle.bundleId} failed: ${describeError(e)}`, {
        cause: e,
        ...(e && typeof e === 'object' && 'detail' in e ? { detail: (e as { detail?: string }).detail ?? null } : {}),
      });
    }
  });
  log(`> Uploaded ${sent} chunk(s) (${formatBytes(plan.bytesToSend)})`);
  return sent;
}

/** The server lost (or refused) chunks between the two assemble calls: send them once more, one batch at a time. */
async function resendMissing(
  client: SentryClient,
  options: ChunkUploadOptions,
  bundle: BundlePlan,
  bundleFile: BundleFile,
  missing: string[],
  log: (line: string) => void,
): Promise<ChunkPlan> {
  const plan = planChunkUpload(bundle.chunks, missing, options);
  log(`> The server still misses ${plan.chunksToSend} chunk(s); sending them again`);
  await withBundleFile(bundleFile, async (fd) => {
    for (const batch of plan.batches) await client.uploadChunks(options, readChunks(fd, batch));
  });
  return plan;
}

/** Polls assemble until the bundle is processed, within the smaller of `waitTimeoutMs` and the server's maxWait. */
async function waitUntilProcessed(
  client: SentryClient,
  body: AssembleRequest,
  bundle: BundlePlan,
  options: ChunkUploadOptions,
  opts: UploadOptions,
  log: (line: string) => void,
  assembled: AssembleResponse,
): Promise<AssembleResponse> {
  const serverMax = (options.maxWait ?? 0) > 0 ? options.maxWait! * 1000 : Infinity;
  const maxWait = Math.min(opts.waitTimeoutMs ?? 300_000, serverMax);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = Date.now() + maxWait;
  let pause = 25;
  let res = assembled;
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
  return res;
}

async function withBundleFile<T>(bundleFile: BundleFile, fn: (fd: FileHandle) => Promise<T>): Promise<T> {
  const fd = await open(await bundleFile(), 'r');
  try {
    return await fn(fd);
  } finally {
    await fd.close();
  }
}

/** Raw bytes read per piece of a chunk: a chunk (8 MiB on sentry.io) is gzipped as it is read, never held whole. */
const READ_PIECE_BYTES = 256 * 1024;

function readChunks(fd: FileHandle, batch: readonly ChunkRef[]): Array<{ checksum: string; data: ChunkData }> {
  return batch.map((c) => ({ checksum: c.checksum, data: () => readChunk(fd, c) }));
}

async function* readChunk(fd: FileHandle, c: ChunkRef): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < c.size;) {
    const want = Math.min(READ_PIECE_BYTES, c.size - at);
    const { bytesRead, buffer } = await fd.read(Buffer.alloc(want), 0, want, c.offset + at);
    if (bytesRead === 0) throw new UploadError(`bundle file ended early at chunk ${c.checksum}`);
    yield buffer.subarray(0, bytesRead);
    at += bytesRead;
  }
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

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
