/**
 * Commit history from the GitHub REST API, for shallow checkouts: compare base...head for the range and one
 * `GET commits/{sha}` per commit for its patch set. Works with any Octokit's `request`; the action and the CLI use
 * githubRequest below (@octokit/request alone: a full Octokit would add a megabyte to the action's start-up).
 */
import { request as octokitRequest } from '@octokit/request';
import type { Commit, CommitFileChange } from '../sentry/index.ts';
import { agentFetch } from '../sentry/agent-fetch.ts';
import { mapLimited } from '../sourcemaps/limit.ts';
import { MissingCommitError, ReleaseStepError } from './errors.ts';
import type { RemoteHistory } from './commits.ts';

export type OctokitRequest = (route: string, params: Record<string, unknown>) => Promise<{ data: unknown }>;

/** Patch sets are fetched for at most this many commits of a range (newest first); older ones go without. */
export const MAX_PATCH_SET_LOOKUPS = 100;
const PAGE_SIZE = 100;
const MAX_PAGES = 10;
const LOOKUP_CONCURRENCY = 8;

interface GitHubCommit {
  sha: string;
  commit: { message: string; author?: { name?: string; email?: string; date?: string } | null };
  files?: Array<{ filename: string; status: string; previous_filename?: string }>;
}

/**
 * An authenticated GitHub `request` for `apiUrl` (GITHUB_API_URL: github.com or GitHub Enterprise), sent through the
 * same keep-alive, HTTP(S)_PROXY-aware agents as the Sentry client.
 */
export function githubRequest(token: string, apiUrl: string, userAgent: string): OctokitRequest {
  const request = octokitRequest.defaults({
    baseUrl: apiUrl.replace(/\/+$/, ''),
    headers: { authorization: `token ${token}`, 'user-agent': userAgent },
    request: { fetch: agentFetch() },
  });
  return (route, params) => request(route, params);
}

export function githubHistory(request: OctokitRequest, repository: string): RemoteHistory {
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new TypeError(`githubHistory: repository "${repository}" is not owner/repo`);

  const call = async <T>(route: string, params: Record<string, unknown>, missingSha?: string): Promise<T> => {
    try {
      return (await request(route, { owner, repo, ...params })).data as T;
    } catch (error) {
      throw githubError(error, repository, missingSha);
    }
  };

  const withPatchSets = async (commits: GitHubCommit[]): Promise<Commit[]> => {
    const newestFirst = [...commits].reverse().map(toSentryCommit);
    const looked = await mapLimited(newestFirst.slice(0, MAX_PATCH_SET_LOOKUPS), LOOKUP_CONCURRENCY, async (c) => {
      const full = await call<GitHubCommit>('GET /repos/{owner}/{repo}/commits/{ref}', { ref: c.id });
      return { ...c, patch_set: patchSet(full.files ?? []) };
    });
    return [...looked, ...newestFirst.slice(MAX_PATCH_SET_LOOKUPS)];
  };

  return {
    async compare(base, head) {
      const commits: GitHubCommit[] = [];
      for (let page = 1; page <= MAX_PAGES; page++) {
        const data = await call<{ commits: GitHubCommit[]; total_commits?: number }>(
          'GET /repos/{owner}/{repo}/compare/{basehead}',
          { basehead: `${base}...${head}`, per_page: PAGE_SIZE, page },
          base,
        );
        commits.push(...data.commits);
        if (data.commits.length < PAGE_SIZE || commits.length >= (data.total_commits ?? commits.length)) break;
      }
      return withPatchSets(commits);
    },
    async recent(head, count) {
      const data = await call<GitHubCommit[]>(
        'GET /repos/{owner}/{repo}/commits',
        { sha: head, per_page: count },
        head,
      );
      return withPatchSets([...data].reverse());
    },
  };
}

function toSentryCommit(c: GitHubCommit): Commit {
  const author = c.commit.author ?? {};
  return {
    ...(author.name ? { author_name: author.name } : {}),
    ...(author.email ? { author_email: author.email } : {}),
    ...(author.date ? { timestamp: author.date } : {}),
    message: c.commit.message,
    id: c.sha,
  };
}

/** GitHub file statuses as git name-status letters; a rename is a delete plus an add (as `--no-renames`). */
export function patchSet(
  files: Array<{ filename: string; status: string; previous_filename?: string }>,
): CommitFileChange[] {
  const out: CommitFileChange[] = [];
  for (const f of files) {
    if (f.status === 'added' || f.status === 'copied') out.push({ path: f.filename, type: 'A' });
    else if (f.status === 'removed') out.push({ path: f.filename, type: 'D' });
    else if (f.status === 'renamed') {
      if (f.previous_filename) out.push({ path: f.previous_filename, type: 'D' });
      out.push({ path: f.filename, type: 'A' });
    } else if (f.status !== 'unchanged') out.push({ path: f.filename, type: 'M' });
  }
  return out;
}

function githubError(error: unknown, repository: string, missingSha?: string): Error {
  const status = (error as { status?: number }).status;
  if ((status === 404 || status === 422) && missingSha)
    return new MissingCommitError(missingSha, `GitHub (${repository})`);
  if (status === 401 || status === 403 || status === 404) {
    return new ReleaseStepError(
      'commits',
      `commits: the GitHub API refused to read ${repository} (${status})`,
      'Check `github_token`: the workflow token needs `contents: read` on this repository',
      error,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ReleaseStepError(
    'commits',
    `commits: the GitHub API failed for ${repository}: ${message}`,
    'Re-run the job, or set ignore_missing: true',
    error,
  );
}
