/**
 * Chunk upload: `GET chunk-upload/` hands out the limits and the absolute upload URL; `POST chunk-upload/` takes
 * multipart `file` / `file_gzip` parts named by the SHA-1 of the raw chunk, checked as Sentry's ChunkUploadEndpoint
 * does (size, request size, count, checksum), all answered with `{"error": ...}` 400s (protocol notes §3.1, §3.2).
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { type EmulatorContext, requireOrg } from './context.ts';
import { badRequest, json, type RequestContext, type Route, route } from './http.ts';

export const ACCEPT = [
  'debug_files',
  'release_files',
  'pdbs',
  'sources',
  'bcsymbolmaps',
  'il2cpp',
  'portablepdbs',
  'artifact_bundles',
  'artifact_bundles_v2',
];

export function chunkUploadOptions(emu: EmulatorContext) {
  const { limits } = emu;
  return {
    url: `${emu.baseUrl()}/api/0/organizations/${emu.store.orgSlug}/chunk-upload/`,
    chunkSize: limits.chunkSize,
    chunksPerRequest: limits.chunksPerRequest,
    maxFileSize: limits.maxFileSize,
    maxRequestSize: limits.maxRequestSize,
    concurrency: limits.concurrency,
    hashAlgorithm: 'sha1',
    compression: ['gzip'],
    accept: ACCEPT,
    ...(limits.maxWait ? { maxWait: limits.maxWait } : {}),
  };
}

interface UploadedChunk {
  field: 'file' | 'file_gzip';
  name: string;
  data: Buffer;
}

async function readChunks(ctx: RequestContext): Promise<UploadedChunk[]> {
  const contentType = String(ctx.headers['content-type'] ?? '');
  if (!contentType.startsWith('multipart/form-data')) return [];
  let form: FormData;
  try {
    form = await new Response(ctx.raw, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw badRequest({ error: 'Invalid multipart body' });
  }
  const chunks: UploadedChunk[] = [];
  for (const field of ['file', 'file_gzip'] as const) {
    for (const value of form.getAll(field)) {
      if (typeof value === 'string') continue;
      const bytes = Buffer.from(await value.arrayBuffer());
      let data = bytes;
      if (field === 'file_gzip') {
        try {
          data = gunzipSync(bytes);
        } catch {
          throw badRequest({ error: 'Invalid gzip data' });
        }
      }
      chunks.push({ field, name: value.name, data });
    }
  }
  return chunks;
}

async function uploadChunks(emu: EmulatorContext, ctx: RequestContext) {
  const chunks = await readChunks(ctx);
  if (chunks.length === 0) return json(200, undefined);
  let size = 0;
  for (const chunk of chunks) {
    size += chunk.data.length;
    if (chunk.data.length > emu.limits.chunkSize) throw badRequest({ error: 'Chunk size too large' });
  }
  if (size > emu.limits.maxRequestSize) throw badRequest({ error: 'Request too large' });
  if (chunks.length > emu.limits.chunksPerRequest) throw badRequest({ error: 'Too many chunks' });
  for (const chunk of chunks) {
    if (createHash('sha1').update(chunk.data).digest('hex') !== chunk.name) {
      throw badRequest({ error: 'Checksum mismatch' });
    }
  }
  for (const chunk of chunks) {
    emu.store.blobs.set(chunk.name, chunk.data);
    emu.store.blobFields.set(chunk.name, chunk.field);
  }
  return json(200, undefined);
}

export function chunkRoutes(emu: EmulatorContext): Route[] {
  return [
    route('GET', '/api/0/organizations/{org}/chunk-upload/', (ctx) => {
      requireOrg(emu, ctx);
      return json(200, chunkUploadOptions(emu));
    }),
    route('POST', '/api/0/organizations/{org}/chunk-upload/', (ctx) => {
      requireOrg(emu, ctx);
      return uploadChunks(emu, ctx);
    }),
  ];
}
