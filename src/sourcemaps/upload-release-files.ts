/** The per-file release upload, for Sentry servers that take no artifact bundles (older self-hosted ones). */
import { readFile } from 'node:fs/promises';
import type { ChunkUploadOptions, SentryClient } from '../sentry/index.ts';
import { mapLimited } from './limit.ts';
import type { CollectedFile } from './upload-files.ts';
import { UploadError, type UploadOptions } from './upload-options.ts';

/** Legacy per-file upload for servers without artifact bundles: needs a release and one project. */
export async function uploadReleaseFiles(
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
  await mapLimited(files, Math.max(1, Math.min(options.concurrency || 4, 8)), async (f) => {
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
  });
  return { files: files.length, bytes };
}
