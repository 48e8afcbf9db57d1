import { describe, expect, it } from 'vitest';
import type { Frame } from '../../app/triage/event.ts';
import { cleanStackPath, mapFrameToRepoPath, mapFrames, permalink } from '../../app/triage/paths.ts';

const frame = (absPath: string, extra: Partial<Frame> = {}): Frame => ({ absPath, lineno: 7, inApp: true, ...extra });
const tree = new Set(['src/billing/invoice.ts', 'packages/web/src/app.tsx', 'lib/util.ts', 'a/util.ts', 'README.md']);

describe('cleanStackPath', () => {
  it.each([
    ['webpack://app/./src/a.ts', 'src/a.ts'],
    ['webpack:///src/a.ts', 'src/a.ts'],
    ['app:///src/a.ts?v=3#x', 'src/a.ts'],
    ['file:///home/ci/work/src/a.ts', 'home/ci/work/src/a.ts'],
    ['~/src/a.ts', 'src/a.ts'],
    ['https://cdn.example.com/assets/main.js?v=1', 'assets/main.js'],
    ['./src/../src/a.ts', 'src/a.ts'],
    ['../../src/a.ts', 'src/a.ts'],
    ['C:\\build\\src\\a.ts', 'C:/build/src/a.ts'],
  ])('%s → %s', (raw, cleaned) => {
    expect(cleanStackPath(raw)).toBe(cleaned);
  });
});

describe('mapFrameToRepoPath', () => {
  it('applies a configured mapping to the raw path', () => {
    const m = mapFrameToRepoPath(
      frame('webpack://app/./src/app.tsx'),
      [{ from: 'webpack://app/./', to: 'packages/web/' }],
      tree,
    );
    expect(m).toMatchObject({ path: 'packages/web/src/app.tsx', line: 7, via: 'mapping' });
  });

  it('maps "from: webpack://app/./, to: empty" without a tree', () => {
    const m = mapFrameToRepoPath(frame('webpack://app/./src/x.ts'), [{ from: 'webpack://app/./', to: '' }]);
    expect(m).toMatchObject({ path: 'src/x.ts', via: 'mapping' });
  });

  it('skips a mapping whose result is not in the tree and falls back to the cleaned path', () => {
    const m = mapFrameToRepoPath(frame('app:///src/billing/invoice.ts'), [{ from: 'app:///', to: 'nope/' }], tree);
    expect(m).toMatchObject({ path: 'src/billing/invoice.ts', via: 'direct' });
  });

  it('finds a unique path suffix in the tree (deployed absolute paths)', () => {
    const m = mapFrameToRepoPath(frame('/var/task/dist/../src/billing/invoice.ts'), [], tree);
    expect(m).toMatchObject({ path: 'src/billing/invoice.ts', via: 'suffix' });
    expect(mapFrameToRepoPath(frame('/srv/app/packages/web/src/app.tsx'), [], tree)?.path).toBe(
      'packages/web/src/app.tsx',
    );
  });

  it('refuses an ambiguous suffix rather than guessing', () => {
    expect(mapFrameToRepoPath(frame('/srv/x/util.ts'), [], tree)).toBeUndefined();
    expect(mapFrameToRepoPath(frame('/srv/lib/util.ts'), [], tree)?.path).toBe('lib/util.ts');
  });

  it('skips frames that are not in-app, vendored, or without a line', () => {
    expect(mapFrameToRepoPath(frame('app:///src/billing/invoice.ts', { inApp: false }), [], tree)).toBeUndefined();
    expect(mapFrameToRepoPath(frame('app:///node_modules/x/src/billing/invoice.ts'), [], tree)).toBeUndefined();
    expect(mapFrameToRepoPath(frame('app:///src/billing/invoice.ts', { lineno: undefined }), [], tree)).toBeUndefined();
  });

  it('maps minified bundle frames only when their path exists in the repository', () => {
    const frames = [
      frame('https://cdn.example.com/static/js/main.3f2a.js'),
      frame('app:///src/billing/invoice.ts', { lineno: 88 }),
    ];
    expect(mapFrames(frames, [], tree).map((m) => `${m.path}:${m.line}`)).toEqual(['src/billing/invoice.ts:88']);
  });
});

describe('permalink', () => {
  it('points at the exact commit and line, path segments encoded', () => {
    const repo = { htmlUrl: 'https://github.com/acme/web', sha: 'a'.repeat(40) };
    expect(permalink(repo, 'src/my file.ts', 12)).toBe(
      `https://github.com/acme/web/blob/${'a'.repeat(40)}/src/my%20file.ts#L12`,
    );
    expect(permalink(repo, 'src/a.ts', 3, 5)).toBe(`https://github.com/acme/web/blob/${'a'.repeat(40)}/src/a.ts#L3-L5`);
  });
});
