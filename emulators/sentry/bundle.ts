/**
 * Reads an uploaded artifact bundle the way Sentry's ArtifactBundleArchive does: an optional 8-byte `SYSB` header,
 * then a zip holding `manifest.json` and the `files/...` it lists (protocol notes §4).
 */
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';

const SYSB_MAGIC = Buffer.from('SYSB');
const SYSB_HEADER_LENGTH = 8;

export interface ParsedBundleFile {
  /** Zip path, e.g. `files/_/_/app.js`. */
  path: string;
  url: string;
  type: string;
  /** Header keys lowercased, as Sentry reads them. */
  headers: Record<string, string>;
  debugId: string | null;
  size: number;
  sha1: string;
}

export interface ParsedBundle {
  manifest: Record<string, unknown>;
  files: ParsedBundleFile[];
  /** File bytes by bundle URL (`~/app.js`). */
  contents: Map<string, Buffer>;
}

/** The bundle is not a zip, or has no readable `manifest.json`: Sentry reports "the bundle is invalid". */
export class InvalidBundleError extends Error {
  override name = 'InvalidBundleError';
}

function readZipEntries(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (openErr, zip) => {
      if (openErr || !zip) return reject(openErr ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamErr, stream) => {
          if (streamErr || !stream) return reject(streamErr ?? new Error('no stream'));
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/**
 * Zip entries of a bundle. symbolic writes zip offsets counted from the start of the file (header included);
 * a zip merely appended to the header counts from its own start. Python's zipfile reads both, so do we.
 */
async function readBundleZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const hasHeader = bytes.subarray(0, 4).equals(SYSB_MAGIC);
  try {
    return await readZipEntries(bytes);
  } catch (err) {
    if (!hasHeader) throw err;
    return readZipEntries(bytes.subarray(SYSB_HEADER_LENGTH));
  }
}

function lowercaseKeys(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers && typeof headers === 'object') {
    for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
      if (typeof v === 'string') out[k.toLowerCase()] = v;
    }
  }
  return out;
}

export async function parseArtifactBundle(bytes: Buffer): Promise<ParsedBundle> {
  let entries: Map<string, Buffer>;
  try {
    entries = await readBundleZip(bytes);
  } catch (err) {
    throw new InvalidBundleError(`not a zip: ${(err as Error).message}`);
  }
  const manifestBytes = entries.get('manifest.json');
  if (!manifestBytes) throw new InvalidBundleError('no manifest.json');
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new InvalidBundleError(`manifest.json is not JSON: ${(err as Error).message}`);
  }
  if (!manifest || typeof manifest !== 'object' || Array.isArray(manifest)) {
    throw new InvalidBundleError('manifest.json is not an object');
  }
  const listed = (manifest.files ?? {}) as Record<string, Record<string, unknown>>;
  const files: ParsedBundleFile[] = [];
  const byUrl = new Map<string, Buffer>();
  for (const [path, info] of Object.entries(listed)) {
    const contents = entries.get(path);
    if (!contents) throw new InvalidBundleError(`manifest lists ${path}, which is not in the zip`);
    const headers = lowercaseKeys(info?.headers);
    byUrl.set(String(info?.url ?? ''), contents);
    files.push({
      path,
      url: String(info?.url ?? ''),
      type: String(info?.type ?? ''),
      headers,
      debugId: headers['debug-id']?.toLowerCase() ?? null,
      size: contents.length,
      sha1: createHash('sha1').update(contents).digest('hex'),
    });
  }
  return { manifest, files, contents: byUrl };
}
