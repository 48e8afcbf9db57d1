/** Debug IDs as sentry-cli computes and reads them (protocol notes §5.1). */
import { createHash } from 'node:crypto';

/**
 * SHA-1 of the bytes, first 16 bytes, RFC-4122 version 5 and variant bits set, lowercase hyphenated
 * (`uuid::Builder::from_sha1_bytes`, as `sentry-cli sourcemaps inject` does).
 */
export function debugIdFromBytes(bytes: Uint8Array | string): string {
  return uuidFromDigest(createHash('sha1').update(bytes).digest());
}

/**
 * sentry-cli 3.7+ for a script with a map: SHA-1 over `"js"`, the script's length (u64 little-endian), the
 * script, `"sourcemap"`, the map's length, the map (so scripts sharing a byte-identical map get distinct IDs).
 * Read from the 3.8.0 binary's `debug_id_from_js_and_sourcemap_bytes_hashed`.
 */
export function debugIdFromScriptAndMap(script: Uint8Array, map: Uint8Array): string {
  const len = (n: number) => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    return b;
  };
  const hash = createHash('sha1');
  hash.update('js').update(len(script.length)).update(script);
  hash.update('sourcemap').update(len(map.length)).update(map);
  return uuidFromDigest(hash.digest());
}

/** The same bit fixes on the first 16 bytes of any digest. */
export function uuidFromDigest(digest: Uint8Array): string {
  const b = Buffer.from(digest.subarray(0, 16));
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const DEBUG_ID_RE =
  /^(?:\{)?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})(?:\})?(?:-?([0-9a-f]{1,8}))?$/i;

/**
 * Parses a debug ID in the forms the `debugid` crate accepts (hyphenated or plain UUID, optional braces and
 * appendix) and returns it as sentry-cli prints it; undefined when it is not one.
 */
export function normalizeDebugId(value: string): string | undefined {
  const m = DEBUG_ID_RE.exec(value);
  if (!m) return undefined;
  const uuid = `${m[1]}-${m[2]}-${m[3]}-${m[4]}-${m[5]}`.toLowerCase();
  const appendix = m[6] ? parseInt(m[6], 16) : 0;
  return appendix ? `${uuid}-${appendix.toString(16)}` : uuid;
}
