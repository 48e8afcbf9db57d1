// Unified-diff hunks as GitHub returns them in a pull request's `files[].patch`, addressed by new-file line.

export interface DiffHunk {
  /** The `@@ -a,b +c,d @@ …` line. */
  header: string;
  /** First and last line of the new file the hunk covers (inclusive); `newEnd < newStart` for a pure deletion. */
  newStart: number;
  newEnd: number;
  /** The hunk's lines, header included, as in the patch. */
  lines: string[];
  /** New-file line numbers the hunk adds or changes (`+` lines). */
  changedLines: number[];
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

export function parseHunks(patch: string | null | undefined): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let current: DiffHunk | undefined;
  let line = 0;
  for (const text of (patch ?? '').split('\n')) {
    const header = HUNK_HEADER.exec(text);
    if (header) {
      const start = Number(header[1]);
      const count = header[2] === undefined ? 1 : Number(header[2]);
      current = { header: text, newStart: start, newEnd: start + count - 1, lines: [text], changedLines: [] };
      hunks.push(current);
      line = start;
      continue;
    }
    if (!current) continue;
    if (text.startsWith('\\')) {
      current.lines.push(text); // "\ No newline at end of file"
      continue;
    }
    if (text.startsWith('-')) {
      current.lines.push(text);
      continue;
    }
    if (text.startsWith('+')) {
      current.changedLines.push(line);
      current.lines.push(text);
      line++;
      continue;
    }
    if (text === '' && line > current.newEnd) continue; // trailing newline of the patch
    current.lines.push(text);
    line++;
  }
  return hunks;
}

export interface HunkMatch {
  hunk: DiffHunk;
  /** The hunk added or changed exactly this line. */
  changesLine: boolean;
  /** The line lies within the hunk's new-file range (context included). */
  containsLine: boolean;
  /** Lines between the hunk's range and the line (0 when contained). */
  distance: number;
}

/**
 * The hunk of `patch` that best explains a crash at new-file `line`: one changing the line, else one containing
 * it, else the nearest within `maxDistance` lines (a neighbouring change); undefined when none is that close.
 */
export function hunkForLine(patch: string | null | undefined, line: number, maxDistance = 20): HunkMatch | undefined {
  let best: HunkMatch | undefined;
  for (const hunk of parseHunks(patch)) {
    const containsLine = line >= hunk.newStart && line <= Math.max(hunk.newStart, hunk.newEnd);
    const distance = containsLine
      ? 0
      : line < hunk.newStart
        ? hunk.newStart - line
        : line - Math.max(hunk.newStart, hunk.newEnd);
    const match: HunkMatch = { hunk, changesLine: hunk.changedLines.includes(line), containsLine, distance };
    if (distance > maxDistance) continue;
    if (!best || rank(match) < rank(best)) best = match;
  }
  return best;
}

const rank = (m: HunkMatch): number => (m.changesLine ? 0 : m.containsLine ? 1 : 2) * 1_000_000 + m.distance;
