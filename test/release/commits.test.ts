import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commit, Repo } from '../../src/sentry/index.ts';
import { type CommitSelection, planCommits, sameRepository } from '../../src/release/commits.ts';
import { MissingCommitError, ReleaseStepError } from '../../src/release/errors.ts';
import { LocalGit } from '../../src/release/git.ts';
import { type GitFixture, makeRepo, shallowClone } from './git-fixture.ts';

let repo: GitFixture;
let shallow: GitFixture;
let full: LocalGit;
let shallowGit: LocalGit;
beforeAll(async () => {
  repo = await makeRepo();
  shallow = await shallowClone(repo.dir);
  full = (await LocalGit.open(repo.dir))!;
  shallowGit = (await LocalGit.open(shallow.dir))!;
});
afterAll(async () => {
  await repo.cleanup();
  await shallow.cleanup();
});

const githubRepo: Repo = {
  id: '1',
  name: 'acme/web',
  url: 'https://github.com/acme/web',
  provider: { id: 'integrations:github', name: 'GitHub' },
  status: 'active',
  dateCreated: '2026-01-01T00:00:00Z',
};

function selection(over: Partial<CommitSelection> & { repos?: Repo[]; previous?: string }): {
  sel: CommitSelection;
  warnings: string[];
} {
  const warnings: string[] = [];
  const { repos = [], previous, ...rest } = over;
  return {
    warnings,
    sel: {
      version: '1.0',
      setCommits: { mode: 'auto' },
      repository: 'acme/web',
      ignoreMissing: false,
      sentry: { listRepos: async () => repos, previousHead: async () => previous },
      warn: (line) => warnings.push(line),
      ...rest,
    },
  };
}

describe('planCommits', () => {
  it('sends refs when Sentry has a repository integration for this repo', async () => {
    const { sel } = selection({ git: full, repos: [githubRepo], previous: repo.shas[1] });
    const plan = await planCommits(sel);
    expect(plan).toMatchObject({
      kind: 'refs',
      refs: [{ repository: 'acme/web', commit: repo.shas[4], previousCommit: repo.shas[1] }],
    });
  });

  it('sends previousCommit null with refs on a first release', async () => {
    const { sel } = selection({ git: full, repos: [{ ...githubRepo, name: 'ACME/Web' }] });
    expect(await planCommits(sel)).toMatchObject({
      kind: 'refs',
      refs: [{ repository: 'ACME/Web', previousCommit: null }],
    });
  });

  it('reads the range from local git when its history reaches the previous release', async () => {
    const { sel } = selection({ git: full, previous: repo.shas[2] });
    const plan = await planCommits(sel);
    if (plan.kind !== 'commits') throw new Error(plan.kind);
    expect(plan.commits.map((c) => c.id)).toEqual([repo.shas[4], repo.shas[3]]);
    expect(plan.commits.every((c) => c.repository === 'acme/web' && c.patch_set!.length > 0)).toBe(true);
    expect(plan.detail).toMatch(/2 commits .* from local git/);
  });

  it('sends the newest commits of local history on a first release', async () => {
    const { sel } = selection({ git: full });
    const plan = await planCommits(sel);
    expect(plan.kind === 'commits' && plan.commits).toHaveLength(5);
  });

  it('uses the GitHub compare API on a shallow clone', async () => {
    const calls: string[] = [];
    const remote: Commit[] = [
      { id: repo.shas[4]!, message: 'move app\n', patch_set: [{ path: 'src/main.js', type: 'A' }] },
    ];
    const { sel } = selection({
      git: shallowGit,
      previous: repo.shas[2],
      github: {
        compare: async (base, head) => {
          calls.push(`${base}...${head}`);
          return remote;
        },
      },
    });
    const plan = await planCommits(sel);
    expect(calls).toEqual([`${repo.shas[2]}...${repo.shas[4]}`]);
    expect(plan).toMatchObject({ kind: 'commits', commits: [{ id: repo.shas[4], repository: 'acme/web' }] });
    expect(plan.detail).toMatch(/GitHub compare API \(shallow clone\)/);
  });

  it('fails on a shallow clone without GitHub access, naming github_token and ignore_missing', async () => {
    const { sel } = selection({ git: shallowGit, previous: repo.shas[2] });
    const error = await planCommits(sel).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReleaseStepError);
    expect((error as Error).message).toMatch(/shallow.*`github_token`.*ignore_missing/s);
  });

  it('with ignore_missing sends what the shallow clone has, and warns', async () => {
    const { sel, warnings } = selection({ git: shallowGit, previous: repo.shas[2], ignoreMissing: true });
    const plan = await planCommits(sel);
    expect(plan).toMatchObject({ kind: 'commits', commits: [{ id: repo.shas[4] }] });
    expect(warnings[0]).toMatch(/shallow checkout without github_token/);
  });

  it('fails when the previous release commit is not in full history, unless ignore_missing', async () => {
    const ghost = 'f'.repeat(40);
    const error = await planCommits(selection({ git: full, previous: ghost }).sel).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      new RegExp(`${ghost} was not found in the local git history.*ignore_missing`),
    );
    const { sel, warnings } = selection({ git: full, previous: ghost, ignoreMissing: true });
    const plan = await planCommits(sel);
    expect(plan.kind === 'commits' && plan.commits).toHaveLength(5);
    expect(warnings).toHaveLength(1);
  });

  it('falls back to the GitHub history when GitHub does not know the previous commit (ignore_missing)', async () => {
    const { sel } = selection({
      git: shallowGit,
      previous: 'f'.repeat(40),
      ignoreMissing: true,
      github: {
        compare: async (base) => {
          throw new MissingCommitError(base, 'GitHub');
        },
        recent: async (head, count) => [{ id: head, message: `recent ${count}` }],
      },
    });
    expect(await planCommits(sel)).toMatchObject({
      kind: 'commits',
      commits: [{ id: repo.shas[4], message: 'recent 20' }],
    });
  });

  it('sends nothing when the previous release is at the same commit', async () => {
    const plan = await planCommits(selection({ git: full, previous: repo.shas[4] }).sel);
    expect(plan).toMatchObject({ kind: 'commits', commits: [] });
  });

  it('manual mode uses repo, commit and previous_commit, not the previous release', async () => {
    const { sel } = selection({
      git: full,
      repository: undefined,
      setCommits: { mode: 'manual', repo: 'acme/web', commit: repo.shas[3]!, previousCommit: repo.shas[1]! },
      previous: repo.shas[0],
    });
    const plan = await planCommits(sel);
    expect(plan.kind === 'commits' && plan.commits.map((c) => c.id)).toEqual([repo.shas[3], repo.shas[2]]);
  });

  it('without git uses GITHUB_SHA and the GitHub history, and fails with neither', async () => {
    const { sel } = selection({
      headSha: 'abc123',
      github: { compare: async () => [], recent: async (h) => [{ id: h }] },
    });
    expect(await planCommits(sel)).toMatchObject({
      kind: 'commits',
      commits: [{ id: 'abc123', repository: 'acme/web' }],
    });
    const error = await planCommits(selection({}).sel).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/no commit to release/);
  });

  it('reads the repository from the git remote when GITHUB_REPOSITORY is absent', async () => {
    const { sel } = selection({ git: full, repository: undefined, repos: [githubRepo] });
    expect(await planCommits(sel)).toMatchObject({ kind: 'refs', repository: 'acme/web' });
  });
});

describe('sameRepository', () => {
  it('matches by name, external slug or URL, case-insensitively', () => {
    expect(sameRepository(githubRepo, 'Acme/Web')).toBe(true);
    expect(sameRepository({ ...githubRepo, name: 'web' }, 'acme/web')).toBe(true);
    expect(sameRepository({ ...githubRepo, name: 'x', url: null, externalSlug: 'acme/web' }, 'acme/web')).toBe(true);
    expect(sameRepository(githubRepo, 'acme/api')).toBe(false);
  });
});
