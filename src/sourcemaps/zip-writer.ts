/**
 * A plain, reproducible zip writer: entries in the order given, every one dated 1980-01-01, no extra fields, so the
 * same input gives the same bytes (the artifact bundle's ID and chunk checksums depend on it).
 */
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);
/** DOS date of 1980-01-01 (day 1, month 1, year 0); the time is 00:00. */
const DOS_DATE = (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const ZIP32_LIMIT = 0xffffffff;
/** Files deflated ahead of the one being written: zlib runs them on its thread pool while this one is written. */
const DEFLATE_AHEAD = 4;
/** …but no more than this many raw bytes at once, so memory stays bounded by the largest file, not the build. */
const DEFLATE_AHEAD_BYTES = 16 * 1024 * 1024;

interface PackedEntry {
  name: Buffer;
  crc: number;
  method: number;
  rawSize: number;
  data: Uint8Array;
}

async function packEntry(name: string, raw: Uint8Array, level: number): Promise<PackedEntry> {
  const data = level > 0 ? await deflate(raw, { level }) : raw;
  return { name: Buffer.from(name), crc: crc32(raw), method: level > 0 ? 8 : 0, rawSize: raw.length, data };
}

function localHeader(e: PackedEntry): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(UTF8_NAMES, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(0, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.data.length, 18);
  h.writeUInt32LE(e.rawSize, 22);
  h.writeUInt16LE(e.name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, e.name]);
}

function centralHeader(e: PackedEntry, offset: number): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(UTF8_NAMES, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(0, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(e.data.length, 20);
  h.writeUInt32LE(e.rawSize, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, e.name]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const h = Buffer.alloc(22);
  h.writeUInt32LE(0x06054b50, 0);
  h.writeUInt16LE(count, 8);
  h.writeUInt16LE(count, 10);
  h.writeUInt32LE(size, 12);
  h.writeUInt32LE(offset, 16);
  return h;
}

/** Where the zip goes: `size` is the bytes written so far. */
export interface ZipSink {
  readonly size: number;
  write(data: Uint8Array): Promise<void>;
}

export interface ZipSource {
  name: string;
  size?: number;
  read(): Promise<Uint8Array>;
}

/**
 * Writes a plain zip (no data descriptors, no zip64) of `sources` in order to `out`, deflating a few files ahead on
 * zlib's thread pool while the current one is written. Offsets count from the zip's first byte (the SYSB header before it is not counted).
 */
export async function writeZip(sources: readonly ZipSource[], level: number, out: ZipSink): Promise<void> {
  if (sources.length > 0xffff)
    throw new RangeError(`buildArtifactBundle: ${sources.length} files exceed a zip's 65535 entries; split the upload`);
  const base = out.size;
  const central: Buffer[] = [];
  const pending: Array<{ size: number; packed: Promise<PackedEntry> }> = [];
  let pendingBytes = 0;
  let next = 0;
  const refill = () => {
    while (next < sources.length && pending.length < DEFLATE_AHEAD) {
      const source = sources[next]!;
      const size = source.size ?? DEFLATE_AHEAD_BYTES;
      if (pending.length > 0 && pendingBytes + size > DEFLATE_AHEAD_BYTES) break;
      const packed = source.read().then((raw) => packEntry(source.name, raw, level));
      packed.catch(() => {}); // awaited in order below; this keeps an early failure from going unhandled
      pending.push({ size, packed });
      pendingBytes += size;
      next++;
    }
  };
  refill();
  while (pending.length > 0) {
    const head = pending.shift()!;
    const entry = await head.packed;
    pendingBytes -= head.size;
    refill();
    const offset = out.size - base;
    if (offset + entry.data.length > ZIP32_LIMIT || entry.rawSize > ZIP32_LIMIT)
      throw new RangeError(
        `buildArtifactBundle: ${entry.name.toString()} pushes the bundle past 4 GiB; split the upload`,
      );
    central.push(centralHeader(entry, offset));
    await out.write(localHeader(entry));
    await out.write(entry.data);
  }
  const cdOffset = out.size - base;
  const cd = Buffer.concat(central);
  await out.write(cd);
  await out.write(endOfCentralDirectory(central.length, cd.length, cdOffset));
}
