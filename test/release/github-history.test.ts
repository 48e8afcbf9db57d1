import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MissingCommitError, ReleaseStepError } from '../../src/release/errors.ts';
import { githubHistory, githubRequest, patchSet } from '../../src/release/github-history.ts';
import { type GitFixture, makeRepo } from './git-fixture.ts';
import { type GitHubStub, startGitHubStub } from './github-stub.ts';

let repo: GitFixture;
let github: GitHubStub;
beforeAll(async () => {
  repo = await makeRepo();
  github = await startGitHubStub(repo.dir);
});
afterAll(async () => {
  await github.close();
  await repo.cleanup();
});

const history = (token = 'ghs_test') => githubHistory(githubRequest(token, github.url, 'faultline-test'), 'acme/web');

describe('githubHistory', () => {
  it('compare: the range newest first, each commit with its patch set', async () => {
    const commits = await history().compare(repo.shas[1]!, repo.shas[4]!);
    expect(commits.map((c) => c.id)).toEqual([repo.shas[4], repo.shas[3], repo.shas[2]]);
    expect(commits[0]).toEqual({
      author_name: 'Ada Lovelace',
      author_email: 'ada@example.com',
      timestamp: '2026-01-05T10:00:00+01:00',
      message: 'move app',
      id: repo.shas[4],
      patch_set: [
        { path: 'src/app.js', type: 'D' },
        { path: 'src/main.js', type: 'A' },
      ],
    });
  });

  it('recent: the newest commits up to head', async () => {
    const commits = await history().recent!(repo.shas[3]!, 2);
    expect(commits.map((c) => c.id)).toEqual([repo.shas[3], repo.shas[2]]);
    expect(commits[1]!.patch_set).toEqual([{ path: 'README.md', type: 'D' }]);
  });

  it('an unknown base is a MissingCommitError (ignore_missing can fall back)', async () => {
    const error = await history()
      .compare('f'.repeat(40), repo.shas[4]!)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingCommitError);
    expect((error as MissingCommitError).sha).toBe('f'.repeat(40));
  });

  it('a refused token names github_token and never shows the token', async () => {
    const error = await history('ghs_wrong')
      .compare(repo.shas[1]!, repo.shas[4]!)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReleaseStepError);
    expect((error as Error).message).toMatch(/refused to read acme\/web \(401\).*`github_token`/);
    expect((error as Error).message).not.toContain('ghs_wrong');
  });
});

describe('patchSet', () => {
  it('maps GitHub file statuses to name-status letters, renames as delete + add', () => {
    expect(
      patchSet([
        { filename: 'a', status: 'added' },
        { filename: 'b', status: 'modified' },
        { filename: 'c', status: 'removed' },
        { filename: 'd', status: 'renamed', previous_filename: 'old-d' },
        { filename: 'e', status: 'changed' },
        { filename: 'f', status: 'unchanged' },
      ]),
    ).toEqual([
      { path: 'a', type: 'A' },
      { path: 'b', type: 'M' },
      { path: 'c', type: 'D' },
      { path: 'old-d', type: 'D' },
      { path: 'd', type: 'A' },
      { path: 'e', type: 'M' },
    ]);
  });
});
