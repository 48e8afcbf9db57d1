/**
 * Planning a chunk upload (pure): which chunks to send, grouped into requests that respect the server's
 * `chunksPerRequest` and `maxRequestSize`, spread so that `concurrency` requests can run side by side, with the
 * number in flight bounded by a memory budget.
 */
import type { ChunkUploadOptions } from '../sentry/index.ts';
import type { ChunkRef } from './bundle.ts';

export interface ChunkPlan {
  /** Requests to make, each a list of chunks (in bundle order). */
  batches: ChunkRef[][];
  chunksToSend: number;
  chunksSkipped: number;
  bytesToSend: number;
  /** Requests to run at once. */
  concurrency: number;
}

/**
 * Default cap on raw chunk bytes in flight. Gzipped chunks are read in pieces and only their compressed copies are
 * held (upload-bundle.ts); a server without gzip gets raw chunks, held whole while they are sent.
 */
export const DEFAULT_IN_FLIGHT_BYTES = 64 * 1024 * 1024;

export function planChunkUpload(
  chunks: readonly ChunkRef[],
  missing: readonly string[],
  options: Pick<ChunkUploadOptions, 'chunksPerRequest' | 'maxRequestSize' | 'concurrency'>,
  inFlightBytes = DEFAULT_IN_FLIGHT_BYTES,
): ChunkPlan {
  const wanted = new Set(missing.map((c) => c.toLowerCase()));
  const seen = new Set<string>();
  const toSend: ChunkRef[] = [];
  for (const c of chunks) {
    // The same bytes twice in one bundle need sending once.
    if (wanted.has(c.checksum) && !seen.has(c.checksum)) {
      seen.add(c.checksum);
      toSend.push(c);
    }
  }
  const perRequest = Math.max(1, options.chunksPerRequest || 1);
  const maxBytes = Math.max(1, options.maxRequestSize || Number.MAX_SAFE_INTEGER);
  const serverConcurrency = Math.max(1, Math.min(255, options.concurrency || 1));
  const bytesToSend = toSend.reduce((n, c) => n + c.size, 0);
  // Enough requests to keep every allowed connection busy, but never more chunks or bytes per request than allowed.
  const targetBatches = Math.min(serverConcurrency, toSend.length);
  const perBatchByCount = Math.max(1, Math.ceil(toSend.length / Math.max(1, targetBatches)));
  const countLimit = Math.min(perRequest, perBatchByCount);
  const batches: ChunkRef[][] = [];
  let current: ChunkRef[] = [];
  let currentBytes = 0;
  for (const c of toSend) {
    if (current.length > 0 && (current.length >= countLimit || currentBytes + c.size > maxBytes)) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(c);
    currentBytes += c.size;
  }
  if (current.length > 0) batches.push(current);
  const largest = batches.reduce(
    (m, b) =>
      Math.max(
        m,
        b.reduce((n, c) => n + c.size, 0),
      ),
    0,
  );
  const byMemory = largest > 0 ? Math.max(1, Math.floor(inFlightBytes / largest)) : serverConcurrency;
  return {
    batches,
    chunksToSend: toSend.length,
    chunksSkipped: chunks.length - toSend.length,
    bytesToSend,
    concurrency: Math.max(1, Math.min(serverConcurrency, byMemory, batches.length || 1)),
  };
}
