// The GitHub calls triage makes for one repository, through the GitHub App's installation Octokit (Probot's).
// Immutable answers (trees and files at a commit) are cached per process.
import type { Probot } from 'probot';
import { CONFIG_FILE } from '../services/repo-config.ts';
import { findIssueMarker } from '../services/markers.ts';
import { CODEOWNERS_PATHS } from './owners.ts';
import type { CommitSummary } from './render.ts';

export type InstallationOctokit = Awaited<ReturnType<Probot['auth']>>;

export interface RepoInfo {
  fullName: string;
  owner: string;
  name: string;
  htmlUrl: string;
  defaultBranch: string;
}

export interface IssueSummary {
  number: number;
  htmlUrl: string;
  body: string;
  state: string;
}

/** What triage needs from GitHub for one repository; the orchestrator depends on this, tests may fake it. */
export interface RepoApi {
  readonly fullName: string;
  info(): Promise<RepoInfo>;
  /** The repo's own `.github/faultline.yml` merged with what it `_extends` (Probot's conventions); undefined when the repo has none. */
  config(): Promise<unknown>;
  /** Full SHA of a ref or short SHA; undefined when GitHub does not know it. */
  commitSha(ref: string): Promise<string | undefined>;
  tree(sha: string): Promise<ReadonlySet<string>>;
  file(path: string, sha: string): Promise<string | undefined>;
  codeowners(sha: string): Promise<string | undefined>;
  /** Commits reachable from `sha` that touch `path`, newest first. */
  commitsTouching(path: string, sha: string, limit: number): Promise<CommitSummary[]>;
  /** SHAs in `base...head` (what the release added), or undefined when GitHub cannot compare them. */
  commitsBetween(base: string, head: string): Promise<Set<string> | undefined>;
  pullsOf(sha: string): Promise<Array<{ number: number; title: string; url: string }>>;
  assignable(logins: readonly string[]): Promise<string[]>;
  /** Our issue for a Sentry issue, found by GitHub search (the database lost it, or never recorded it). */
  findIssueBySentryId(sentryIssueId: string): Promise<IssueSummary | undefined>;
  getIssue(number: number): Promise<IssueSummary | undefined>;
  createIssue(issue: { title: string; body: string; labels: string[]; assignees: string[] }): Promise<IssueSummary>;
  updateIssueBody(number: number, body: string): Promise<void>;
  comment(number: number, body: string): Promise<void>;
  closeIssue(number: number, comment: string): Promise<void>;
}

const status = (error: unknown): number | undefined => (error as { status?: number }).status;
async function orUndefined<T>(call: Promise<T>, missing = [404, 409, 422]): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (missing.includes(status(error) ?? 0)) return undefined;
    throw error;
  }
}

/** Bounded per-process cache of immutable answers (keyed by SHA). */
class Lru<V> {
  readonly #max: number;
  readonly #map = new Map<string, V>();
  constructor(max: number) {
    this.#max = max;
  }
  get(key: string): V | undefined {
    const v = this.#map.get(key);
    if (v !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, v);
    }
    return v;
  }
  delete(key: string): void {
    this.#map.delete(key);
  }
  set(key: string, v: V): void {
    this.#map.delete(key);
    this.#map.set(key, v);
    if (this.#map.size > this.#max) this.#map.delete(this.#map.keys().next().value!);
  }
}

const trees = new Lru<Promise<ReadonlySet<string>>>(50);
const files = new Lru<Promise<string | undefined>>(500);

export function repoApi(octokit: InstallationOctokit, fullName: string): RepoApi {
  const [owner = '', repo = ''] = fullName.split('/');
  const r = { owner, repo };
  let info: Promise<RepoInfo> | undefined;

  const api: RepoApi = {
    fullName,
    info() {
      info ??= octokit.rest.repos.get(r).then(({ data }) => ({
        fullName: data.full_name,
        owner,
        name: repo,
        htmlUrl: data.html_url,
        defaultBranch: data.default_branch,
      }));
      return info;
    },
    async config() {
      const { config, files: found } = await octokit.config.get({ ...r, path: `.github/${CONFIG_FILE}` });
      // The repository's own file is required (it may `_extends` a shared one): the owner's `.github` fallback
      // alone would make every repository of the owner claim the same Sentry projects.
      return found[0]?.config ? config : undefined;
    },
    async commitSha(ref) {
      const commit = await orUndefined(octokit.rest.repos.getCommit({ ...r, ref, per_page: 1 }));
      return commit?.data.sha;
    },
    tree(sha) {
      const key = `${fullName}@${sha}`;
      let tree = trees.get(key);
      if (!tree) {
        tree = octokit.rest.git
          .getTree({ ...r, tree_sha: sha, recursive: 'true' })
          .then(({ data }) => new Set(data.tree.filter((e) => e.type === 'blob' && e.path).map((e) => e.path!)));
        tree.catch(() => trees.delete(key)); // a failure is not cached
        trees.set(key, tree);
      }
      return tree;
    },
    file(path, sha) {
      const key = `${fullName}@${sha}:${path}`;
      let text = files.get(key);
      if (text === undefined) {
        text = orUndefined(
          octokit.rest.repos.getContent({ ...r, path, ref: sha, mediaType: { format: 'raw' } }),
          [404],
        ).then((res) => (res === undefined ? undefined : String(res.data as unknown)));
        text.catch(() => files.delete(key));
        files.set(key, text);
      }
      return text;
    },
    async codeowners(sha) {
      for (const path of CODEOWNERS_PATHS) {
        const text = await api.file(path, sha);
        if (text !== undefined) return text;
      }
      return undefined;
    },
    async commitsTouching(path, sha, limit) {
      const res = await orUndefined(octokit.rest.repos.listCommits({ ...r, sha, path, per_page: limit }));
      return (res?.data ?? []).map((c) => ({
        sha: c.sha,
        message: c.commit.message,
        author: c.commit.author?.name ?? undefined,
        login: c.author?.login ?? undefined,
        date: c.commit.author?.date ?? c.commit.committer?.date ?? undefined,
        url: c.html_url,
      }));
    },
    async commitsBetween(base, head) {
      const res = await orUndefined(
        octokit.rest.repos.compareCommitsWithBasehead({ ...r, basehead: `${base}...${head}` }),
      );
      return res ? new Set(res.data.commits.map((c) => c.sha)) : undefined;
    },
    async pullsOf(sha) {
      const res = await orUndefined(octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...r, commit_sha: sha }));
      return (res?.data ?? []).map((p) => ({ number: p.number, title: p.title, url: p.html_url }));
    },
    async assignable(logins) {
      const ok: string[] = [];
      for (const login of logins) {
        const res = await orUndefined(octokit.rest.issues.checkUserCanBeAssigned({ ...r, assignee: login }), [404]);
        if (res) ok.push(login);
      }
      return ok;
    },
    async findIssueBySentryId(sentryIssueId) {
      // Visible words of our footer; the hidden marker then tells ours from look-alikes.
      const q = `faultline ${sentryIssueId} repo:${fullName} is:issue in:body`;
      const res = await octokit.rest.search.issuesAndPullRequests({ q, per_page: 50 });
      const hit = res.data.items.find((i) => findIssueMarker(i.body) === sentryIssueId);
      return hit && { number: hit.number, htmlUrl: hit.html_url, body: hit.body ?? '', state: hit.state };
    },
    async getIssue(number) {
      const res = await orUndefined(octokit.rest.issues.get({ ...r, issue_number: number }), [404, 410]);
      return res && { number, htmlUrl: res.data.html_url, body: res.data.body ?? '', state: res.data.state };
    },
    async createIssue(issue) {
      const { data } = await octokit.rest.issues.create({ ...r, ...issue });
      return { number: data.number, htmlUrl: data.html_url, body: data.body ?? '', state: data.state };
    },
    async updateIssueBody(number, body) {
      await octokit.rest.issues.update({ ...r, issue_number: number, body });
    },
    async comment(number, body) {
      await octokit.rest.issues.createComment({ ...r, issue_number: number, body });
    },
    async closeIssue(number, comment) {
      await octokit.rest.issues.createComment({ ...r, issue_number: number, body: comment });
      await octokit.rest.issues.update({ ...r, issue_number: number, state: 'closed', state_reason: 'completed' });
    },
  };
  return api;
}
