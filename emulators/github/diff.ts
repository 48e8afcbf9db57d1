/**
 * Unified diffs the way GitHub shows them in `patch` fields (compare, commit and pull-request files): hunks with
 * three lines of context, `@@ -a,b +c,d @@ heading` headers (git's default function-name heading), no `---`/`+++`
 * file header, and `\ No newline at end of file`
 * where a side lacks the final newline. Pure: text in, text and counts out.
 */

export interface FileDiff {
  /** The hunks only, as GitHub's `patch` field; empty when the texts are equal. */
  patch: string;
  additions: number;
  deletions: number;
}

const CONTEXT = 3;
/** Above this many line pairs the diff is one replace hunk: an emulator has no need for an LCS over huge files. */
const MAX_LCS_CELLS = 4_000_000;

interface Line {
  text: string;
  /** Only the last line of a text can lack its newline. */
  noNewline: boolean;
}

function splitLines(text: string): Line[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const endsWithNewline = parts[parts.length - 1] === '';
  if (endsWithNewline) parts.pop();
  return parts.map((line, i) => ({ text: line, noNewline: !endsWithNewline && i === parts.length - 1 }));
}

type Op = { kind: ' ' | '-' | '+'; line: Line; oldIndex: number; newIndex: number };

function sameLine(a: Line, b: Line): boolean {
  return a.text === b.text && a.noNewline === b.noNewline;
}

/** The edit script from a longest-common-subsequence table (old lines first within a change, like git). */
function editScript(a: Line[], b: Line[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_LCS_CELLS) {
    return [
      ...a.map((line, i) => ({ kind: '-' as const, line, oldIndex: i, newIndex: 0 })),
      ...b.map((line, j) => ({ kind: '+' as const, line, oldIndex: n, newIndex: j })),
    ];
  }
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = sameLine(a[i]!, b[j]!)
        ? table[(i + 1) * width + j + 1]! + 1
        : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && sameLine(a[i]!, b[j]!)) {
      ops.push({ kind: ' ', line: a[i]!, oldIndex: i, newIndex: j });
      i++;
      j++;
    } else if (j >= m || (i < n && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
      ops.push({ kind: '-', line: a[i]!, oldIndex: i, newIndex: j });
      i++;
    } else {
      ops.push({ kind: '+', line: b[j]!, oldIndex: i, newIndex: j });
      j++;
    }
  }
  return ops;
}

/** The unified diff of two file texts; `undefined` stands for an absent file (added or removed). */
export function unifiedDiff(before: string | undefined, after: string | undefined): FileDiff {
  const oldLines = splitLines(before ?? '');
  const ops = editScript(oldLines, splitLines(after ?? ''));
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return { patch: '', additions: 0, deletions: 0 };

  // Group changes whose context windows touch into hunks.
  const ranges: Array<[number, number]> = [];
  for (const index of changed) {
    const last = ranges[ranges.length - 1];
    if (last && index - last[1] <= 2 * CONTEXT + 1) last[1] = index;
    else ranges.push([index, index]);
  }

  const out: string[] = [];
  let additions = 0;
  let deletions = 0;
  for (const [first, last] of ranges) {
    const start = Math.max(0, first - CONTEXT);
    const end = Math.min(ops.length - 1, last + CONTEXT);
    const slice = ops.slice(start, end + 1);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    const oldStart = oldCount === 0 ? slice[0]!.oldIndex : slice.find((op) => op.kind !== '+')!.oldIndex + 1;
    const newStart = newCount === 0 ? slice[0]!.newIndex : slice.find((op) => op.kind !== '-')!.newIndex + 1;
    const heading = hunkHeading(oldLines, slice[0]!.oldIndex);
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@${heading ? ` ${heading}` : ''}`);
    for (const op of slice) {
      out.push(op.kind + op.line.text);
      if (op.line.noNewline) out.push('\\ No newline at end of file');
      if (op.kind === '+') additions++;
      if (op.kind === '-') deletions++;
    }
  }
  return { patch: out.join('\n'), additions, deletions };
}

/**
 * git's default hunk heading (what GitHub shows after `@@`): the nearest line above the hunk in the old file that
 * starts with a letter, `_` or `$`, cut to 80 bytes, trailing whitespace removed.
 */
function hunkHeading(oldLines: Line[], firstOldIndex: number): string {
  for (let i = firstOldIndex - 1; i >= 0; i--) {
    const text = oldLines[i]!.text;
    if (/^[A-Za-z_$]/.test(text)) return Buffer.from(text).subarray(0, 80).toString('utf8').replace(/\s+$/, '');
  }
  return '';
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}
