/** Builds a small artifact bundle for tests: `SYSB` v2 header + zip of `files/...` and `manifest.json` (§4). */
import { createHash } from 'node:crypto';
import yazl from 'yazl';

export interface BundleFile {
  url: string;
  type: 'minified_source' | 'source_map' | 'source';
  contents: string;
  headers?: Record<string, string>;
}

export interface BuiltBundle {
  bytes: Buffer;
  bundleId: string;
  manifest: { files: Record<string, { type: string; url: string; headers?: Record<string, string> }> };
}

const SYSB_HEADER = Buffer.from([0x53, 0x59, 0x53, 0x42, 0x02, 0x00, 0x00, 0x00]);

export async function buildArtifactBundle(
  files: BundleFile[],
  attrs: { bundleId: string; org: string; project?: string; release?: string; dist?: string },
): Promise<BuiltBundle> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(1980, 0, 1);
  const manifestFiles: BuiltBundle['manifest']['files'] = {};
  for (const f of [...files].sort((a, b) => a.url.localeCompare(b.url))) {
    const zipPath = `files/${f.url.replace(/^~\//, '_/_/')}`;
    zip.addBuffer(Buffer.from(f.contents), zipPath, { mtime });
    manifestFiles[zipPath] = { type: f.type, url: f.url, ...(f.headers ? { headers: f.headers } : {}) };
  }
  const { bundleId, ...rest } = attrs;
  const manifest = { files: manifestFiles, debug_id: bundleId, ...rest };
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json', { mtime });
  zip.end();
  const parts: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) parts.push(chunk);
  return { bytes: Buffer.concat([SYSB_HEADER, ...parts]), bundleId, manifest };
}

export function sha1Hex(data: Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

/** Splits `bytes` into `chunkSize` slices with their SHA-1s, as sentry-cli does before assembling. */
export function splitIntoChunks(bytes: Buffer, chunkSize: number): Array<{ checksum: string; data: Buffer }> {
  const chunks: Array<{ checksum: string; data: Buffer }> = [];
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    const data = bytes.subarray(offset, offset + chunkSize);
    chunks.push({ checksum: sha1Hex(data), data });
  }
  return chunks;
}
