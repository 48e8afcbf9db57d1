/**
 * The JSON text of a map's top-level `sourcesContent` strings, found in the map's bytes, so inject can copy them into
 * the map it writes instead of serialising them again (they are most of a map's bytes). A literal is kept only when
 * it is byte for byte what `JSON.stringify` writes for its value, so copying it changes nothing; for any other entry,
 * and for anything unusual in the text, the caller serialises as before.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const KEY = Buffer.from('"sourcesContent"');
/** Escapes `JSON.stringify` writes as two characters (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`). */
const SHORT_ESCAPES = new Set([0x22, 0x5c, 0x62, 0x66, 0x6e, 0x72, 0x74]);
/** Control characters `JSON.stringify` writes as `\b`, `\t`, `\n`, `\f`, `\r`, never as `\u00XX`. */
const SHORT_CONTROLS = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d]);

/**
 * One entry per `sourcesContent` element of the map JSON in `bytes` (the last `sourcesContent` key, as JSON.parse
 * keeps): the element's literal, quotes included, when copying it gives `JSON.stringify` of its value; undefined for
 * `null` and for a literal that does not. Undefined as a whole when the key is absent or not an array, or when the
 * text is not a plain JSON object this scanner follows (the caller then serialises everything).
 */
export function sourcesContentLiterals(bytes: Uint8Array): Array<Uint8Array | undefined> | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let found: Array<Uint8Array | undefined> | undefined;
  let i = skipSpace(b, 0);
  if (b[i] !== OPEN_BRACE) return undefined;
  i = skipSpace(b, i + 1);
  if (b[i] === CLOSE_BRACE) return undefined;
  for (;;) {
    if (b[i] !== QUOTE) return undefined;
    const keyEnd = stringEnd(b, i);
    // An escaped key could still mean "sourcesContent" to JSON.parse: give up rather than guess.
    if (keyEnd < 0 || b.subarray(i, keyEnd).includes(BACKSLASH)) return undefined;
    const isContent = keyEnd - i === KEY.length && b.subarray(i, keyEnd).equals(KEY);
    i = skipSpace(b, keyEnd);
    if (b[i] !== COLON) return undefined;
    i = skipSpace(b, i + 1);
    if (isContent) {
      const array = readLiterals(b, i);
      found = array?.literals;
      if (!array) return undefined;
      i = array.end;
    } else {
      i = skipValue(b, i);
      if (i < 0) return undefined;
    }
    i = skipSpace(b, i);
    if (b[i] === CLOSE_BRACE) return found;
    if (b[i] !== COMMA) return undefined;
    i = skipSpace(b, i + 1);
  }
}

/** The elements of the array at `i` (strings and nulls only), and the index after it. */
function readLiterals(b: Buffer, i: number): { literals: Array<Uint8Array | undefined>; end: number } | undefined {
  if (b[i] !== OPEN_BRACKET) return undefined;
  const literals: Array<Uint8Array | undefined> = [];
  i = skipSpace(b, i + 1);
  if (b[i] === CLOSE_BRACKET) return { literals, end: i + 1 };
  for (;;) {
    if (b[i] === QUOTE) {
      const end = stringEnd(b, i);
      if (end < 0) return undefined;
      literals.push(isStringifyLiteral(b, i, end) ? b.subarray(i, end) : undefined);
      i = end;
    } else {
      const end = skipValue(b, i);
      if (end < 0) return undefined;
      literals.push(undefined);
      i = end;
    }
    i = skipSpace(b, i);
    if (b[i] === CLOSE_BRACKET) return { literals, end: i + 1 };
    if (b[i] !== COMMA) return undefined;
    i = skipSpace(b, i + 1);
  }
}

/**
 * Whether the literal `b[start, end)` is what `JSON.stringify` writes for its value: its only escapes are `\"`, `\\`,
 * `\b`, `\f`, `\n`, `\r`, `\t` and `\u00xx` (lowercase) for the other control characters. Raw bytes need no check:
 * JSON forbids raw control characters, and every other character `JSON.stringify` leaves as it is.
 */
function isStringifyLiteral(b: Buffer, start: number, end: number): boolean {
  const last = end - 1; // the closing quote
  for (let at = b.indexOf(BACKSLASH, start + 1); at >= 0 && at < last; at = b.indexOf(BACKSLASH, at)) {
    const c = b[at + 1]!;
    if (SHORT_ESCAPES.has(c)) {
      at += 2;
      continue;
    }
    if (c !== 0x75 || b[at + 2] !== 0x30 || b[at + 3] !== 0x30) return false; // `\u00`
    const hi = hexDigit(b[at + 4]!);
    const lo = hexDigit(b[at + 5]!);
    if (hi < 0 || hi > 1 || lo < 0) return false;
    if (SHORT_CONTROLS.has(hi * 16 + lo)) return false;
    at += 6;
  }
  return true;
}

/** 0–15 for a lowercase hex digit, else -1 (`JSON.stringify` writes lowercase). */
function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

function skipSpace(b: Buffer, i: number): number {
  while (i < b.length) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

/** The index after the string literal opening at `i`, or -1 when it does not close. */
function stringEnd(b: Buffer, i: number): number {
  let from = i + 1;
  for (;;) {
    const quote = b.indexOf(QUOTE, from);
    if (quote < 0) return -1;
    let slashes = 0;
    while (b[quote - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

/** The index after the JSON value at `i` (the text already parsed as JSON, so only its extent is found), or -1. */
function skipValue(b: Buffer, i: number): number {
  const first = b[i];
  if (first === QUOTE) return stringEnd(b, i);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    while (i < b.length) {
      const c = b[i]!;
      if (
        c === COMMA ||
        c === CLOSE_BRACE ||
        c === CLOSE_BRACKET ||
        c === 0x20 ||
        c === 0x0a ||
        c === 0x0d ||
        c === 0x09
      )
        break;
      i++;
    }
    return i;
  }
  let depth = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c === QUOTE) {
      i = stringEnd(b, i);
      if (i < 0) return -1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}
