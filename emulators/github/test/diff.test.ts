import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../diff.ts';

/** Applies a GitHub-style patch (hunks only) to `before`; throws when a context or removed line does not match. */
function applyPatch(before: string, patch: string): string {
  const old = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const oldEndsWithNewline = before.endsWith('\n') || before === '';
  const out: string[] = [];
  let cursor = 0;
  let newEndsWithNewline = true;
  const lines = patch.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/.exec(lines[i]!);
    if (!header) throw new Error(`expected a hunk header, got ${JSON.stringify(lines[i])}`);
    const start = Number(header[1]);
    const count = header[2] === undefined ? 1 : Number(header[2]);
    const from = count === 0 ? start : start - 1;
    out.push(...old.slice(cursor, from));
    cursor = from;
    for (i++; i < lines.length && !lines[i]!.startsWith('@@'); i++) {
      const line = lines[i]!;
      if (line === '\\ No newline at end of file') {
        if (lines[i - 1]!.startsWith('+') || lines[i - 1]!.startsWith(' ')) newEndsWithNewline = false;
        continue;
      }
      const text = line.slice(1);
      if (line[0] === ' ' || line[0] === '-') {
        if (old[cursor] !== text)
          throw new Error(`line ${cursor + 1} is ${JSON.stringify(old[cursor])}, patch says ${JSON.stringify(text)}`);
        cursor++;
      }
      if (line[0] === ' ' || line[0] === '+') out.push(text);
    }
    i--;
  }
  out.push(...old.slice(cursor));
  if (cursor < old.length && !oldEndsWithNewline) newEndsWithNewline = false;
  return out.length ? out.join('\n') + (newEndsWithNewline ? '\n' : '') : '';
}

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('unified diff', () => {
  it('turns the old text into the new one for 300 random edits, and counts lines right', () => {
    const next = random(42);
    const words = ['a', 'b', 'c', 'function x() {', '}', '  return 1;', ''];
    const text = () => {
      const n = Math.floor(next() * 30);
      const lines = Array.from({ length: n }, () => words[Math.floor(next() * words.length)]!);
      return lines.join('\n') + (n > 0 && next() < 0.8 ? '\n' : '');
    };
    for (let k = 0; k < 300; k++) {
      const before = text();
      const after = text();
      const d = unifiedDiff(before, after);
      if (before === after) {
        expect(d.patch).toBe('');
        continue;
      }
      expect(applyPatch(before, d.patch), JSON.stringify({ before, after, patch: d.patch })).toBe(after);
      expect(d.additions).toBe(d.patch.split('\n').filter((l) => l.startsWith('+')).length);
      expect(d.deletions).toBe(d.patch.split('\n').filter((l) => l.startsWith('-')).length);
    }
  });

  it('shows added and removed files as one hunk against nothing', () => {
    expect(unifiedDiff(undefined, 'a\nb\n')).toEqual({ patch: '@@ -0,0 +1,2 @@\n+a\n+b', additions: 2, deletions: 0 });
    expect(unifiedDiff('a\n', undefined)).toEqual({ patch: '@@ -1 +0,0 @@\n-a', additions: 0, deletions: 1 });
  });

  it("splits distant changes into hunks with git's heading", () => {
    const before = ['function a() {', ...Array.from({ length: 20 }, (_, i) => `  line ${i}`), '}', ''].join('\n');
    const after = before.replace('  line 1\n', '  LINE 1\n').replace('  line 18\n', '  LINE 18\n');
    const { patch } = unifiedDiff(before, after);
    expect(patch.split('\n').filter((l) => l.startsWith('@@'))).toEqual([
      // what `git diff` prints for the same change
      '@@ -1,6 +1,6 @@',
      '@@ -17,6 +17,6 @@ function a() {',
    ]);
  });
});
