/**
 * The text edits of `sentry-cli sourcemaps inject` (3.8), byte for byte, and the matching source-map fix-ups.
 * Pure: strings and token arrays in, strings and token arrays out.
 */
import { emptyTokens, NONE, pushToken, sortTokens, type Tokens } from './mappings-codec.ts';

export const SNIPPET_TEMPLATE =
  '!function(){try{var e="undefined"!=typeof window?window:"undefined"!=typeof global?global:"undefined"!=typeof globalThis?globalThis:"undefined"!=typeof self?self:{},n=(new e.Error).stack;n&&(e._sentryDebugIds=e._sentryDebugIds||{},e._sentryDebugIds[n]="__SENTRY_DEBUG_ID__")}catch(e){}}();';

export const snippetFor = (debugId: string) => SNIPPET_TEMPLATE.replace('__SENTRY_DEBUG_ID__', debugId);

// Rust's `\s` is Unicode White_Space (no BOM, unlike JavaScript's); Rust's `.` stops only at `\n`.
const WS = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

/** Optional hashbang, then whitespace and comments, then one optional string statement (`PRE_INJECT_RE`). */
const PRE_INJECT_RE = new RegExp(
  `^(?:#![^\\n]*[\\n\\r])?(?:${WS}+|/\\*[\\s\\S]*?\\*/|//[^\\n]*[\\n\\r])*(?:"[^"]*";|'[^']*';[\\n\\r]?)?`,
);

/** A leading `"use …"` directive after comments (`USE_DIRECTIVE_REGEX`). */
const USE_DIRECTIVE_RE = new RegExp(
  `^(?:${WS}+|/\\*[\\s\\S]*?\\*/|//[^\\n]*[\\n\\r])*(?:("use [^"]*"|'use [^']*');?[\\n\\r]?)`,
);

const SOURCEMAP_LINE = (line: string) =>
  line.startsWith('//# sourceMappingURL=') || line.startsWith('//@ sourceMappingURL=');

/** Rust `BufRead::lines`: split on `\n`, drop one `\r` before it, no empty last line after a final newline. */
function rustLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const isTerminated = i < lines.length - 1 || text.endsWith('\n');
    if (isTerminated && lines[i]!.endsWith('\r')) lines[i] = lines[i]!.slice(0, -1);
  }
  return lines;
}

/** Index of the last `//# sourceMappingURL=` line, or -1. */
function lastSourcemapLine(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (SOURCEMAP_LINE(lines[i]!)) return i;
  return -1;
}

/** Snippet appended at the end, the last sourceMappingURL line moved after it, then the debugId comment. */
export function injectAtEnd(text: string, debugId: string): string {
  const lines = rustLines(text);
  const idx = lastSourcemapLine(lines);
  const moved = idx >= 0 ? lines.splice(idx, 1)[0] : undefined;
  let out = lines.map((l) => `${l}\n`).join('');
  out += `${snippetFor(debugId)}\n`;
  if (moved !== undefined) out += `${moved}\n`;
  return `${out}//# debugId=${debugId}\n`;
}

/** For indexed maps: `[#! line][use directive;]snippet\n` + original + `\n//# debugId=…\n`. */
export function injectAtStart(text: string, debugId: string): string {
  let hashbang = '';
  let rest = text;
  if (text.startsWith('#!')) {
    const nl = text.indexOf('\n');
    const cut = nl >= 0 ? nl + 1 : text.length;
    hashbang = text.slice(0, cut);
    rest = text.slice(cut);
  }
  const m = USE_DIRECTIVE_RE.exec(rest);
  const directive = m ? `${m[1]};` : '';
  return `${hashbang}${directive}${snippetFor(debugId)}\n${rest}\n//# debugId=${debugId}\n`;
}

/** Replaces the last `//# sourceMappingURL=` line (a no-op when there is none). */
export function replaceSourcemapUrl(text: string, newUrl: string): string {
  const lines = rustLines(text);
  const idx = lastSourcemapLine(lines);
  if (idx < 0) return text;
  lines[idx] = `//# sourceMappingURL=${newUrl}`;
  return lines.map((l) => `${l}\n`).join('');
}

export interface Insertion {
  /** The edited JavaScript. */
  text: string;
  /** Where the two new lines went in the original text: line, and UTF-8 byte column (as sentry-cli counts). */
  line: number;
  byteColumn: number;
  /** UTF-16 offset of the insertion point in the original text. */
  offset: number;
}

/** `fixup_js_file`: snippet on its own line after the prologue, debugId comment at the end. */
export function insertSnippetAfterPrologue(text: string, debugId: string): Insertion {
  const prologue = PRE_INJECT_RE.exec(text)![0].length;
  // A script that is all prologue (only comments or whitespace) gets the snippet at the very top, as sentry-cli does.
  const offset = prologue === text.length ? 0 : prologue;
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  let line = 0;
  for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
  return {
    text: `${before}\n${snippetFor(debugId)}\n${text.slice(offset)}\n//# debugId=${debugId}\n`,
    line,
    byteColumn: Buffer.byteLength(before.slice(lineStart)),
    offset,
  };
}

/**
 * The token fix-up sentry-cli gets from composing the map with magic-string's map of the edit
 * (`SourceMap::adjust_mappings`), reproduced directly: the edit map has a token at every line start of the
 * original text (plus the insertion point), each covering its line up to the next token.
 */
export function adjustTokensForInsertion(tokens: Tokens, original: string, ins: Insertion): Tokens {
  // Edit-map tokens: src (line, col) -> dst (line, col), sorted by src.
  const adj: number[] = [];
  const hasHead = ins.offset > 0;
  const hasTail = ins.offset < original.length;
  if (hasHead) {
    for (let l = 0; l < ins.line; l++) adj.push(l, 0, l, 0);
    if (ins.byteColumn > 0) adj.push(ins.line, 0, ins.line, 0);
  }
  if (hasTail) {
    adj.push(ins.line, ins.byteColumn, ins.line + 2, 0);
    let lastLine = 0;
    for (let i = original.indexOf('\n'); i >= 0; i = original.indexOf('\n', i + 1)) lastLine++;
    if (original.endsWith('\n')) lastLine--; // the empty last line has no character, so no token
    for (let l = ins.line + 1; l <= lastLine; l++) adj.push(l, 0, l + 2, 0);
  }
  const out = emptyTokens(tokens.length + 8);
  const n = tokens.length;
  if (n === 0) return out;
  const adjCount = adj.length / 4;
  // (a, b) < (c, d) on (line, col) pairs.
  const lt = (a: number, b: number, c: number, d: number) => a < c || (a === c && b < d);
  const le = (a: number, b: number, c: number, d: number) => a < c || (a === c && b <= d);
  let oi = 0;
  const { dstLine, dstCol } = tokens;
  // End of token i's range: the next token on its line, else the end of the line.
  const endCol = (i: number): number => (i + 1 < n && dstLine[i + 1] === dstLine[i] ? dstCol[i + 1]! : NONE);
  outer: for (let a = 0; a < adjCount; a++) {
    const aSL = adj[a * 4]!;
    const aSC = adj[a * 4 + 1]!;
    const lineDiff = adj[a * 4 + 2]! - aSL;
    const colDiff = adj[a * 4 + 3]! - aSC;
    const aEL = aSL;
    let aEC = NONE;
    if (a + 1 < adjCount && adj[(a + 1) * 4] === aSL) aEC = adj[(a + 1) * 4 + 1]!;
    for (;;) {
      if (!le(dstLine[oi]!, endCol(oi), aSL, aSC)) break;
      if (++oi >= n) break outer;
    }
    while (lt(tokens.dstLine[oi]!, tokens.dstCol[oi]!, aEL, aEC)) {
      let dl = tokens.dstLine[oi]!;
      let dc = tokens.dstCol[oi]!;
      if (lt(dl, dc, aSL, aSC)) {
        dl = aSL;
        dc = aSC;
      }
      pushToken(
        out,
        (dl + lineDiff) >>> 0,
        (dc + colDiff) >>> 0,
        tokens.srcId[oi]!,
        tokens.srcLine[oi]!,
        tokens.srcCol[oi]!,
        tokens.nameId[oi]!,
      );
      if (le(aEL, aEC, dstLine[oi]!, endCol(oi))) break;
      if (++oi >= n) break outer;
    }
  }
  sortTokens(out);
  return out;
}
