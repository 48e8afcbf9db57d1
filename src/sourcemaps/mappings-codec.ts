/**
 * The `mappings` VLQ codec with rust-sourcemap's rules (sentry-cli 3.8). Tokens live in flat typed arrays (one entry
 * per mapping segment): corpora of hundreds of megabytes must not become millions of small objects. That and the
 * exact error rules are why the codec is written here rather than taken from a library.
 */

export const NONE = 0xffffffff;

/** Mapping segments, sorted by generated position. A field without a value holds NONE. */
export interface Tokens {
  length: number;
  /** False once a token was pushed before its predecessor's position (kept up to date by pushToken). */
  sorted: boolean;
  dstLine: Uint32Array;
  dstCol: Uint32Array;
  srcId: Uint32Array;
  srcLine: Uint32Array;
  srcCol: Uint32Array;
  nameId: Uint32Array;
}

export class SourceMapParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceMapParseError';
  }
}

const B64 = new Int8Array(128).fill(-1);
const B64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < 64; i++) B64[B64_CHARS.charCodeAt(i)] = i;

export function emptyTokens(capacity: number): Tokens {
  return {
    length: 0,
    sorted: true,
    dstLine: new Uint32Array(capacity),
    dstCol: new Uint32Array(capacity),
    srcId: new Uint32Array(capacity),
    srcLine: new Uint32Array(capacity),
    srcCol: new Uint32Array(capacity),
    nameId: new Uint32Array(capacity),
  };
}

export function pushToken(t: Tokens, dl: number, dc: number, sid: number, sl: number, sc: number, nid: number): void {
  if (t.length === t.dstLine.length) {
    const cap = Math.max(16, t.length * 2);
    for (const k of ['dstLine', 'dstCol', 'srcId', 'srcLine', 'srcCol', 'nameId'] as const) {
      const next = new Uint32Array(cap);
      next.set(t[k]);
      t[k] = next;
    }
  }
  const i = t.length++;
  if (i > 0 && t.sorted) {
    const pl = t.dstLine[i - 1]!;
    if (dl < pl || (dl === pl && dc < t.dstCol[i - 1]!)) t.sorted = false;
  }
  t.dstLine[i] = dl;
  t.dstCol[i] = dc;
  t.srcId[i] = sid;
  t.srcLine[i] = sl;
  t.srcCol[i] = sc;
  t.nameId[i] = nid;
}

/** Decodes `mappings` with rust-sourcemap's rules: 1, 4 or 5 fields per segment, running values wrap as u32. */
export function decodeMappings(mappings: string, sourceCount: number, nameCount: number): Tokens {
  let estimate = 10;
  for (let i = 0; i < mappings.length; i++) {
    const c = mappings.charCodeAt(i);
    if (c === 44 || c === 59) estimate++;
  }
  const t = emptyTokens(estimate);
  let line = 0;
  let srcId = 0;
  let srcLine = 0;
  let srcCol = 0;
  let nameId = 0;
  let col = 0;
  const nums = [0, 0, 0, 0, 0, 0];
  let n = 0;
  let i = 0;
  const len = mappings.length;
  while (i <= len) {
    const c = i < len ? mappings.charCodeAt(i) : 59;
    if (c === 44 || c === 59) {
      if (n > 0) {
        if (n !== 1 && n !== 4 && n !== 5) throw new SourceMapParseError(`bad segment size ${n} on line ${line}`);
        col = (col + nums[0]!) >>> 0;
        let sid = NONE;
        let sl = NONE;
        let sc = NONE;
        let nid = NONE;
        if (n > 1) {
          srcId = (srcId + nums[1]!) >>> 0;
          if (srcId >= sourceCount) throw new SourceMapParseError(`bad source reference ${srcId}`);
          srcLine = (srcLine + nums[2]!) >>> 0;
          srcCol = (srcCol + nums[3]!) >>> 0;
          sid = srcId;
          sl = srcLine;
          sc = srcCol;
          if (n > 4) {
            nameId = (nameId + nums[4]!) >>> 0;
            if (nameId >= nameCount) throw new SourceMapParseError(`bad name reference ${nameId}`);
            nid = nameId;
          }
        }
        pushToken(t, line, col, sid, sl, sc, nid);
        n = 0;
      }
      if (c === 59) {
        line++;
        col = 0;
      }
      i++;
      continue;
    }
    // One VLQ value.
    let value = 0;
    let scale = 1; // 2 ** (5 × digits read), as a running product (cheaper than `**` per digit)
    for (;;) {
      if (i >= len) throw new SourceMapParseError('VLQ value runs past the end of the mappings');
      const code = mappings.charCodeAt(i++);
      const digit = code < 128 ? B64[code]! : -1;
      if (digit < 0) throw new SourceMapParseError(`invalid base64 character ${JSON.stringify(mappings[i - 1])}`);
      value += (digit & 31) * scale;
      scale *= 32;
      if ((digit & 32) === 0) break;
      if (scale > 2 ** 60) throw new SourceMapParseError('VLQ value overflows');
    }
    const negative = value % 2 === 1;
    const magnitude = Math.floor(value / 2);
    if (n >= 6) throw new SourceMapParseError(`bad segment size on line ${line}`);
    nums[n++] = negative ? -magnitude : magnitude;
  }
  sortTokens(t);
  return t;
}

export function isSorted(t: Tokens): boolean {
  for (let i = 1; i < t.length; i++) {
    if (t.dstLine[i]! < t.dstLine[i - 1]! || (t.dstLine[i] === t.dstLine[i - 1] && t.dstCol[i]! < t.dstCol[i - 1]!))
      return false;
  }
  return true;
}

/** Orders tokens by generated position (stable; sentry-cli's unstable sort leaves sorted input as it is). */
export function sortTokens(t: Tokens): void {
  if (t.sorted) return;
  const order = Array.from({ length: t.length }, (_, i) => i);
  order.sort((a, b) => t.dstLine[a]! - t.dstLine[b]! || t.dstCol[a]! - t.dstCol[b]! || a - b);
  for (const k of ['dstLine', 'dstCol', 'srcId', 'srcLine', 'srcCol', 'nameId'] as const) {
    const src = t[k];
    const next = new Uint32Array(src.length);
    for (let i = 0; i < order.length; i++) next[i] = src[order[i]!]!;
    t[k] = next;
  }
  t.sorted = true;
}

const B64_CODES = Uint8Array.from(B64_CHARS, (c) => c.charCodeAt(0));

/** A growable byte buffer for the mappings string (ASCII only), far cheaper than joining small strings. */
class AsciiWriter {
  buf: Uint8Array;
  len = 0;
  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(64, capacity));
  }
  byte(b: number): void {
    if (this.len === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = b;
  }
  vlq(value: number): void {
    let v = value < 0 ? -value * 2 + 1 : value * 2;
    do {
      let digit = v % 32;
      v = Math.floor(v / 32);
      if (v > 0) digit |= 32;
      this.byte(B64_CODES[digit]!);
    } while (v > 0);
  }
  toString(): string {
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.len).toString('latin1');
  }
}

/** rust-sourcemap's `serialize_mappings`: identical consecutive tokens on a line are written once. */
export function encodeMappings(t: Tokens): string {
  const out = new AsciiWriter(t.length * 6 + 16);
  let prevLine = 0;
  let prevCol = 0;
  let prevSrcId = 0;
  let prevSrcLine = 0;
  let prevSrcCol = 0;
  let prevName = 0;
  const { dstLine, dstCol, srcId, srcLine, srcCol, nameId } = t;
  for (let i = 0; i < t.length; i++) {
    const line = dstLine[i]!;
    if (line !== prevLine) {
      prevCol = 0;
      while (line !== prevLine) {
        out.byte(59); // ;
        prevLine++;
      }
    } else if (i > 0) {
      if (
        dstLine[i - 1] === line &&
        dstCol[i - 1] === dstCol[i] &&
        srcId[i - 1] === srcId[i] &&
        srcLine[i - 1] === srcLine[i] &&
        srcCol[i - 1] === srcCol[i] &&
        nameId[i - 1] === nameId[i]
      )
        continue;
      out.byte(44); // ,
    }
    out.vlq(dstCol[i]! - prevCol);
    prevCol = dstCol[i]!;
    if (srcId[i] !== NONE) {
      out.vlq(srcId[i]! - prevSrcId);
      prevSrcId = srcId[i]!;
      out.vlq(srcLine[i]! - prevSrcLine);
      prevSrcLine = srcLine[i]!;
      out.vlq(srcCol[i]! - prevSrcCol);
      prevSrcCol = srcCol[i]!;
      if (nameId[i] !== NONE) {
        out.vlq(nameId[i]! - prevName);
        prevName = nameId[i]!;
      }
    }
  }
  return out.toString();
}
