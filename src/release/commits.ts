/**
 * Which commits a release gets. With a repository integration in Sentry, refs (head + previous head) and Sentry
 * fetches the commits itself; otherwise explicit commits with patch sets, read from local git when its history
 * reaches the previous release's head, and from the GitHub API when the checkout is shallow.
 */
import type { Commit, Ref, Repo } from '../sentry/index.ts';
import { MissingCommitError, ReleaseStepError } from './errors.ts';
import type { LocalGit } from './git.ts';
import type { SetCommits } from './options.ts';

/** sentry-cli's default depth when there is no previous release (or it cannot be found with ignore_missing). */
export const DEFAULT_COMMIT_DEPTH = 20;
/** Upper bound of one range; older commits are left out with a warning. */
export const MAX_RANGE_COMMITS = 1000;

export type LocalHistory = Pick<
  LocalGit,
  'head' | 'isShallow' | 'hasCommit' | 'isAncestor' | 'log' | 'originRepository'
>;

/** Commit history from the GitHub API (for shallow clones). */
export interface RemoteHistory {
  /** Commits in base..head, newest first. Throws MissingCommitError when GitHub does not know base or head. */
  compare(base: string, head: string): Promise<Commit[]>;
  /** The last `count` commits up to head, newest first. */
  recent?(head: string, count: number): Promise<Commit[]>;
}

export interface CommitSelection {
  version: string;
  setCommits: Exclude<SetCommits, { mode: 'skip' }>;
  /** `owner/repo` (GITHUB_REPOSITORY); else read from the git remote. */
  repository?: string;
  /** GITHUB_SHA, used when there is no local git. */
  headSha?: string;
  ignoreMissing: boolean;
  git?: LocalHistory;
  sentry: { listRepos(): Promise<Repo[]>; previousHead(): Promise<string | undefined> };
  github?: RemoteHistory;
  warn(line: string): void;
}

export type CommitPlan =
  | { kind: 'refs'; refs: Ref[]; repository: string; detail: string }
  | { kind: 'commits'; commits: Commit[]; detail: string };

export async function planCommits(sel: CommitSelection): Promise<CommitPlan> {
  const manual = sel.setCommits.mode === 'manual' ? sel.setCommits : undefined;
  const repository = manual?.repo ?? sel.repository ?? (await sel.git?.originRepository());
  if (!repository) {
    throw new ReleaseStepError(
      'commits',
      'commits: cannot tell which repository the commits belong to (no GITHUB_REPOSITORY and no git remote "origin")',
      'Set the `repo` input with set_commits: manual, run inside a git checkout, or use set_commits: skip',
    );
  }
  const head = manual?.commit ?? (sel.git ? await sel.git.head() : sel.headSha);
  if (!head) {
    throw new ReleaseStepError(
      'commits',
      `commits: no commit to release (no git checkout in the working directory and no GITHUB_SHA)`,
      'Run after actions/checkout, set working_directory to the checkout, or use set_commits: skip',
    );
  }

  const repos = await sel.sentry.listRepos();
  const integrated = repos.find((r) => sameRepository(r, repository));
  const previous = manual ? manual.previousCommit : await sel.sentry.previousHead();

  if (integrated) {
    return {
      kind: 'refs',
      repository: integrated.name,
      refs: [{ repository: integrated.name, commit: head, previousCommit: previous ?? null }],
      detail: `refs ${integrated.name}@${short(previous)}..${short(head)} (Sentry reads the commits through its ${integrated.provider.name} integration)`,
    };
  }
  return explicitCommits(sel, repository, head, previous);
}

async function explicitCommits(
  sel: CommitSelection,
  repository: string,
  head: string,
  previous: string | undefined,
): Promise<CommitPlan> {
  if (previous === head) {
    return { kind: 'commits', commits: [], detail: `no new commits: the previous release is at ${short(head)} too` };
  }
  const git = sel.git && (await sel.git.hasCommit(head)) ? sel.git : undefined;
  const shallow = git ? await git.isShallow() : true;

  if (previous) {
    if (git && (await git.hasCommit(previous)) && (await git.isAncestor(previous, head))) {
      const commits = await git.log({ head, base: previous, max: MAX_RANGE_COMMITS + 1, repository });
      return range(sel, commits, `${commits.length} commits ${short(previous)}..${short(head)} from local git`);
    }
    if (git && !shallow) {
      return missingPrevious(sel, repository, head, previous, 'the local git history');
    }
    if (sel.github) {
      try {
        const commits = await sel.github.compare(previous, head);
        return range(
          sel,
          commits.map((c) => ({ ...c, repository })),
          `${commits.length} commits ${short(previous)}..${short(head)} from the GitHub compare API (shallow clone)`,
        );
      } catch (error) {
        if (error instanceof MissingCommitError) return missingPrevious(sel, repository, head, previous, 'GitHub');
        throw error;
      }
    }
    if (!sel.ignoreMissing) {
      throw new ReleaseStepError(
        'commits',
        `commits: the checkout is shallow and does not reach the previous release's commit ${short(previous)}`,
        'Pass `github_token` (the default `${{ github.token }}` works) so the commits come from the GitHub API, ' +
          'or set ignore_missing: true to send only the commits present locally',
      );
    }
    sel.warn(
      `commits: shallow checkout without github_token; sending only the ${DEFAULT_COMMIT_DEPTH} newest local commits`,
    );
  }
  return recent(sel, repository, head, shallow);
}

/** The previous release's head is unknown: fail, or with ignore_missing fall back to the newest commits. */
async function missingPrevious(
  sel: CommitSelection,
  repository: string,
  head: string,
  previous: string,
  where: string,
): Promise<CommitPlan> {
  if (!sel.ignoreMissing) {
    throw new ReleaseStepError(
      'commits',
      `commits: the previous release's commit ${previous} was not found in ${where} (rewritten history?)`,
      `Set ignore_missing: true to send the ${DEFAULT_COMMIT_DEPTH} newest commits instead`,
    );
  }
  sel.warn(`commits: previous release commit ${short(previous)} not found in ${where}; sending the newest commits`);
  return recent(sel, repository, head, sel.git ? await sel.git.isShallow() : true);
}

async function recent(sel: CommitSelection, repository: string, head: string, shallow: boolean): Promise<CommitPlan> {
  const git = sel.git && (await sel.git.hasCommit(head)) ? sel.git : undefined;
  if (shallow && sel.github?.recent) {
    const commits = await sel.github.recent(head, DEFAULT_COMMIT_DEPTH);
    return {
      kind: 'commits',
      commits: commits.map((c) => ({ ...c, repository })),
      detail: `${commits.length} newest commits up to ${short(head)} from the GitHub API (first release, shallow clone)`,
    };
  }
  if (git) {
    const commits = await git.log({ head, max: DEFAULT_COMMIT_DEPTH, repository });
    return {
      kind: 'commits',
      commits,
      detail: `${commits.length} newest commits up to ${short(head)} from local git (no previous release)`,
    };
  }
  return {
    kind: 'commits',
    commits: [{ id: head, repository }],
    detail: `only ${short(head)}: no local git history and no GitHub API`,
  };
}

function range(sel: CommitSelection, commits: Commit[], detail: string): CommitPlan {
  if (commits.length > MAX_RANGE_COMMITS) {
    sel.warn(
      `commits: the range holds more than ${MAX_RANGE_COMMITS} commits; sending the newest ${MAX_RANGE_COMMITS}`,
    );
    return { kind: 'commits', commits: commits.slice(0, MAX_RANGE_COMMITS), detail };
  }
  return { kind: 'commits', commits, detail };
}

/** Sentry names GitHub repositories `owner/repo`; some providers only fill the URL. */
export function sameRepository(repo: Repo, repository: string): boolean {
  const wanted = repository.toLowerCase();
  if (repo.name.toLowerCase() === wanted) return true;
  if (repo.externalSlug?.toLowerCase() === wanted) return true;
  const url = repo.url
    ?.toLowerCase()
    .replace(/\.git$/, '')
    .replace(/\/+$/, '');
  return url !== undefined && url.endsWith(`/${wanted}`);
}

function short(sha: string | undefined): string {
  return sha ? sha.slice(0, 7) : '(none)';
}
