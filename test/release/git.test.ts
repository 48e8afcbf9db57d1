import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalGit, parseGitLog, repositoryFromRemote } from '../../src/release/git.ts';
import { type GitFixture, makeRepo, shallowClone } from './git-fixture.ts';

let repo: GitFixture;
let shallow: GitFixture;
beforeAll(async () => {
  repo = await makeRepo();
  shallow = await shallowClone(repo.dir);
});
afterAll(async () => {
  await repo.cleanup();
  await shallow.cleanup();
});

describe('LocalGit', () => {
  it('reads a range newest first with messages, authors, offsets and patch sets (renames as delete + add)', async () => {
    const git = (await LocalGit.open(repo.dir))!;
    const commits = await git.log({ head: repo.shas[4]!, base: repo.shas[1]!, max: 100, repository: 'acme/web' });
    expect(commits.map((c) => c.id)).toEqual([repo.shas[4], repo.shas[3], repo.shas[2]]);
    expect(commits[0]).toEqual({
      patch_set: [
        { path: 'src/app.js', type: 'D' },
        { path: 'src/main.js', type: 'A' },
      ],
      repository: 'acme/web',
      author_name: 'Ada Lovelace',
      author_email: 'ada@example.com',
      timestamp: '2026-01-05T10:00:00+01:00',
      message: 'move app\n',
      id: repo.shas[4],
    });
    expect(commits[1]!.message).toBe('fix: guard null user\n\nLonger body.\n');
    expect(commits[2]!.patch_set).toEqual([{ path: 'README.md', type: 'D' }]);
  });

  it('lists the newest commits up to head, the root commit with its added files', async () => {
    const git = (await LocalGit.open(repo.dir))!;
    const commits = await git.log({ head: repo.shas[4]!, max: 20 });
    expect(commits).toHaveLength(5);
    expect(commits[4]!.patch_set).toEqual([
      { path: 'README.md', type: 'A' },
      { path: 'src/app.js', type: 'A' },
    ]);
    expect(await git.log({ head: repo.shas[4]!, max: 2 })).toHaveLength(2);
  });

  it('knows shallow clones, and gives their boundary commit no patch set', async () => {
    const full = (await LocalGit.open(repo.dir))!;
    const git = (await LocalGit.open(shallow.dir))!;
    expect(await full.isShallow()).toBe(false);
    expect(await git.isShallow()).toBe(true);
    expect(await git.hasCommit(repo.shas[3]!)).toBe(false);
    const [only, ...rest] = await git.log({ head: await git.head(), max: 20 });
    expect(rest).toEqual([]);
    expect(only!.id).toBe(repo.shas[4]);
    expect(only!.patch_set).toBeUndefined();
  });

  it('answers ancestry and the origin repository', async () => {
    const git = (await LocalGit.open(repo.dir))!;
    expect(await git.isAncestor(repo.shas[0]!, repo.shas[4]!)).toBe(true);
    expect(await git.isAncestor(repo.shas[4]!, repo.shas[0]!)).toBe(false);
    expect(await git.originRepository()).toBe('acme/web');
  });

  it('is undefined outside a work tree', async () => {
    expect(await LocalGit.open('/')).toBeUndefined();
  });
});

describe('parseGitLog', () => {
  it('parses merge commits without files and empty output', () => {
    const out = '\x1eabc\x1fA\x1fa@x\x1f2026-01-01T00:00:00+00:00\x1fMerge\n\x1f\0';
    expect(parseGitLog(out)).toEqual([
      {
        patch_set: [],
        author_name: 'A',
        author_email: 'a@x',
        timestamp: '2026-01-01T00:00:00+00:00',
        message: 'Merge\n',
        id: 'abc',
      },
    ]);
    expect(parseGitLog('')).toEqual([]);
  });
});

describe('repositoryFromRemote', () => {
  it.each([
    ['git@github.com:acme/web.git', 'acme/web'],
    ['https://github.com/acme/web', 'acme/web'],
    ['https://x-access-token:t@github.example.com/acme/web.git/', 'acme/web'],
    ['ssh://git@github.com/acme/web.git', 'acme/web'],
  ])('%s → %s', (remote, expected) => {
    expect(repositoryFromRemote(remote)).toBe(expected);
  });
});

describe('checkouts owned by another user (container jobs)', () => {
  const asRoot = process.getuid?.() === 0;
  it.runIf(asRoot)('are read with safe.directory=*, and refused without it (disable_safe_mode)', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'faultline-owner-')), 'repo');
    await cp(repo.dir, dir, { recursive: true });
    execFileSync('chown', ['-R', 'nobody', dir]);
    try {
      expect(await (await LocalGit.open(dir, { safeDirectory: true }))?.head()).toBe(repo.shas[4]);
      expect(await LocalGit.open(dir, { safeDirectory: false })).toBeUndefined();
    } finally {
      await rm(join(dir, '..'), { recursive: true, force: true });
    }
  });
});
