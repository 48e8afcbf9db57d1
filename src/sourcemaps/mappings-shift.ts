/**
 * Moving a map's mappings for the inject snippet without decoding them. When a `mappings` string is already in the
 * form rust-sourcemap writes (sorted, minimal VLQs, no folded duplicates, no empty segments), decoding it and
 * encoding it again gives the same string, so the insertion's fix-up can be made on the text itself: whole lines
 * move by a prefix of `;`, and on the insertion line only the first segment at or after the insertion column
 * changes (plus a copy of the segment that spans the insertion point). Anything else is left to the full codec.
 */
import { NONE } from './mappings-codec.ts';

const B64 = new Int8Array(128).fill(-1);
const B64_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
for (let i = 0; i < 64; i++) B64[B64_CHARS.charCodeAt(i)] = i;

const COMMA = 44;
const SEMICOLON = 59;

/**
 * True when decoding `mappings` (with rust-sourcemap's rules) and encoding the tokens again gives `mappings` back,
 * and the insertion fix-up would keep every token (no two segments at column 0 of one line). False for anything the
 * decoder would reject, too: the full codec then reports it.
 */
export function isCanonicalMappings(mappings: string, sourceCount: number, nameCount: number): boolean {
  const len = mappings.length;
  let col = 0;
  let srcId = 0;
  let srcLine = 0;
  let srcCol = 0;
  let nameId = 0;
  let segmentsOnLine = 0;
  let prevFields = 0;
  let n = 0;
  const d = [0, 0, 0, 0, 0];
  let i = 0;
  while (i <= len) {
    const c = i < len ? mappings.charCodeAt(i) : SEMICOLON;
    if (c === COMMA || c === SEMICOLON) {
      if (n === 0) {
        // An empty segment (`,,`, `,;`, a leading `,`) or a last line without segments is dropped by the encoder.
        if (c === COMMA || segmentsOnLine > 0 || (i === len && len > 0)) return false;
      } else {
        if (n !== 1 && n !== 4 && n !== 5) return false;
        if (d[0]! < 0) return false; // unsorted: the decoder re-sorts
        col += d[0]!;
        if (col > NONE) return false;
        if (segmentsOnLine > 0 && col === 0) return false; // two segments at column 0
        const same = d[0] === 0 && n === prevFields && (n === 1 || (d[1] === 0 && d[2] === 0 && d[3] === 0));
        if (segmentsOnLine > 0 && same && (n !== 5 || d[4] === 0)) return false; // folded by the encoder
        if (n > 1) {
          srcId += d[1]!;
          srcLine += d[2]!;
          srcCol += d[3]!;
          if (srcId < 0 || srcId >= sourceCount) return false;
          if (srcLine < 0 || srcLine > NONE || srcCol < 0 || srcCol > NONE) return false; // would wrap as u32
          if (n === 5) {
            nameId += d[4]!;
            if (nameId < 0 || nameId >= nameCount) return false;
          }
        }
        prevFields = n;
        segmentsOnLine++;
        n = 0;
      }
      if (c === SEMICOLON) {
        col = 0;
        segmentsOnLine = 0;
      }
      i++;
      continue;
    }
    if (n >= 5) return false;
    let value = 0;
    // 32 ** digits so far, kept as a product: `2 ** shift` in this loop costs more than the rest of the scan.
    let scale = 1;
    let digit: number;
    for (;;) {
      if (i >= len) return false;
      const code = mappings.charCodeAt(i++);
      digit = code < 128 ? B64[code]! : -1;
      if (digit < 0) return false;
      value += (digit & 31) * scale;
      scale *= 32;
      if ((digit & 32) === 0) break;
      if (scale > 2 ** 60) return false;
    }
    if (scale > 32 && digit === 0) return false; // a needless continuation digit
    if (value === 1) return false; // "-0"
    d[n++] = value % 2 === 1 ? -Math.floor(value / 2) : Math.floor(value / 2);
  }
  return true;
}

/** Start index of line `line` in `mappings`, or -1 when the string has fewer lines. */
function lineStart(mappings: string, line: number): number {
  let at = 0;
  for (let l = 0; l < line; l++) {
    const next = mappings.indexOf(';', at);
    if (next < 0) return -1;
    at = next + 1;
  }
  return at;
}

function vlq(value: number): string {
  let v = value < 0 ? -value * 2 + 1 : value * 2;
  let out = '';
  do {
    let digit = v % 32;
    v = Math.floor(v / 32);
    if (v > 0) digit |= 32;
    out += B64_CHARS[digit];
  } while (v > 0);
  return out;
}

/** One segment of a line: where it starts and ends in the string, its column, its field count. */
interface Segment {
  start: number;
  end: number;
  col: number;
  fields: number;
  /** Where its first (column) value ends. */
  colEnd: number;
}

/** Reads the segment at `start` (column value only decoded). */
function readSegment(mappings: string, start: number, prevCol: number): Segment {
  let i = start;
  let fields = 0;
  let col = prevCol;
  let colEnd = start;
  while (i < mappings.length) {
    const c = mappings.charCodeAt(i);
    if (c === COMMA || c === SEMICOLON) break;
    let value = 0;
    let scale = 1;
    for (;;) {
      const digit = B64[mappings.charCodeAt(i++)]!;
      value += (digit & 31) * scale;
      scale *= 32;
      if ((digit & 32) === 0) break;
    }
    if (fields === 0) {
      col += value % 2 === 1 ? -Math.floor(value / 2) : Math.floor(value / 2);
      colEnd = i;
    }
    fields++;
  }
  return { start, end: i, col, fields, colEnd };
}

/**
 * The mappings after two lines are inserted at (`line`, `byteColumn`) of a script whose last line holding characters
 * is `lastLine`, as sentry-cli's fix-up writes them; undefined when a token lies past `lastLine` (the fix-up drops
 * it, which the full codec reproduces). `mappings` must pass isCanonicalMappings.
 */
export function shiftCanonicalMappings(
  mappings: string,
  line: number,
  byteColumn: number,
  lastLine: number,
): string | undefined {
  let lines = 1;
  for (let i = mappings.indexOf(';'); i >= 0; i = mappings.indexOf(';', i + 1)) lines++;
  if (mappings.length > 0 && lines - 1 > lastLine) return undefined;
  const start = lineStart(mappings, line);
  if (start < 0) return mappings; // no token at or after the insertion line
  let end = mappings.indexOf(';', start);
  if (end < 0) end = mappings.length;
  // Segments of the insertion line before the insertion column stay; the first one at or after it opens the new line.
  let before: Segment | undefined;
  let at = start;
  let col = 0;
  while (at < end) {
    const seg = readSegment(mappings, at, col);
    if (seg.col >= byteColumn) {
      // Two segments at the insertion column: the fix-up drops the first, which the full codec reproduces.
      if (seg.col === byteColumn && seg.end < end && readSegment(mappings, seg.end + 1, seg.col).col === byteColumn)
        return undefined;
      const copy = before && seg.col > byteColumn ? `${'A'.repeat(before.fields)},` : '';
      const head = mappings.slice(0, before ? before.end : start);
      const moved = vlq(seg.col - byteColumn) + mappings.slice(seg.colEnd);
      return `${head};;${copy}${moved}`;
    }
    before = seg;
    col = seg.col;
    at = seg.end + 1;
  }
  // Every segment of the line lies before the insertion column: the last one also spans the new line's start.
  const copy = before ? 'A'.repeat(before.fields) : '';
  const rest = mappings.slice(end);
  if (copy === '' && rest === '') return mappings;
  return `${mappings.slice(0, end)};;${copy}${rest}`;
}
