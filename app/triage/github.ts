// The GitHub calls triage makes for one repository, through the GitHub App's installation Octokit (Probot's).
// Answers are cached per app (`RepoCaches`): what a commit holds for good, the rest for a while.
import type { Probot } from 'probot';
import { CONFIG_FILE } from '../services/repo-config.ts';
import { TtlCache } from '../services/ttl-cache.ts';
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

/**
 * What triage remembers of GitHub, per app: what a commit holds never changes (trees, files, CODEOWNERS, the history
 * behind it), so it is kept until the bound pushes it out; repository facts, pull requests and assignability are
 * trusted for ten minutes, a branch head for thirty seconds. A failed read is not kept.
 */
export interface RepoCaches {
  trees: TtlCache<string, ReadonlySet<string>>;
  files: TtlCache<string, string | undefined>;
  atCommit: TtlCache<string, unknown>;
  recent: TtlCache<string, unknown>;
  heads: TtlCache<string, string | undefined>;
}

export function createRepoCaches(now?: () => number): RepoCaches {
  const forever = Number.POSITIVE_INFINITY;
  return {
    trees: new TtlCache({ ttlMs: forever, maxEntries: 50, now }),
    files: new TtlCache({ ttlMs: forever, maxEntries: 500, now }),
    atCommit: new TtlCache({ ttlMs: forever, maxEntries: 2_000, now }),
    recent: new TtlCache({ ttlMs: 10 * 60_000, maxEntries: 1_000, now }),
    heads: new TtlCache({ ttlMs: 30_000, maxEntries: 200, now }),
  };
}

const FULL_SHA = /^[0-9a-f]{40}$/i;

/** `load` through `cache`; an undefined answer (GitHub does not know it yet) is not kept unless `keepMissing`. */
function cached<T>(cache: TtlCache<string, unknown>, key: string, load: () => Promise<T>, keepMissing = false) {
  const value = cache.get(key, load) as Promise<T>;
  if (!keepMissing)
    void value.then(
      (v) => v === undefined && cache.delete(key),
      () => {},
    );
  return value;
}

export function repoApi(octokit: InstallationOctokit, fullName: string, caches: RepoCaches): RepoApi {
  const [owner = '', repo = ''] = fullName.split('/');
  const r = { owner, repo };

  const api: RepoApi = {
    fullName,
    info() {
      return cached(caches.recent, `info:${fullName}`, () =>
        octokit.rest.repos.get(r).then(({ data }) => ({
          fullName: data.full_name,
          owner,
          name: repo,
          htmlUrl: data.html_url,
          defaultBranch: data.default_branch,
        })),
      );
    },
    async config() {
      const { config, files: found } = await octokit.config.get({ ...r, path: `.github/${CONFIG_FILE}` });
      // The repository's own file is required (it may `_extends` a shared one): the owner's `.github` fallback
      // alone would make every repository of the owner claim the same Sentry projects.
      return found[0]?.config ? config : undefined;
    },
    commitSha(ref) {
      const read = () =>
        orUndefined(octokit.rest.repos.getCommit({ ...r, ref, per_page: 1 })).then((commit) => commit?.data.sha);
      // A full SHA names one commit for good; a branch moves.
      return FULL_SHA.test(ref)
        ? cached(caches.atCommit, `sha:${fullName}@${ref}`, read)
        : cached(caches.heads, `${fullName}@${ref}`, read);
    },
    tree(sha) {
      return caches.trees.get(`${fullName}@${sha}`, () =>
        octokit.rest.git
          .getTree({ ...r, tree_sha: sha, recursive: 'true' })
          .then(({ data }) => new Set(data.tree.filter((e) => e.type === 'blob' && e.path).map((e) => e.path!))),
      );
    },
    file(path, sha) {
      // A file missing at a commit stays missing there: that answer is kept too (CODEOWNERS is looked for in three places).
      return caches.files.get(`${fullName}@${sha}:${path}`, () =>
        orUndefined(octokit.rest.repos.getContent({ ...r, path, ref: sha, mediaType: { format: 'raw' } }), [404]).then(
          (res) => (res === undefined ? undefined : String(res.data as unknown)),
        ),
      );
    },
    async codeowners(sha) {
      for (const path of CODEOWNERS_PATHS) {
        const text = await api.file(path, sha);
        if (text !== undefined) return text;
      }
      return undefined;
    },
    commitsTouching(path, sha, limit) {
      const read = async () => {
        const res = await orUndefined(octokit.rest.repos.listCommits({ ...r, sha, path, per_page: limit }));
        return (res?.data ?? []).map((c) => ({
          sha: c.sha,
          message: c.commit.message,
          author: c.commit.author?.name ?? undefined,
          login: c.author?.login ?? undefined,
          date: c.commit.author?.date ?? c.commit.committer?.date ?? undefined,
          url: c.html_url,
        }));
      };
      // The history behind a full SHA never changes.
      return FULL_SHA.test(sha) ? cached(caches.atCommit, `log:${fullName}@${sha}:${limit}:${path}`, read) : read();
    },
    commitsBetween(base, head) {
      const read = async () => {
        const res = await orUndefined(
          octokit.rest.repos.compareCommitsWithBasehead({ ...r, basehead: `${base}...${head}` }),
        );
        return res ? new Set(res.data.commits.map((c) => c.sha)) : undefined;
      };
      return FULL_SHA.test(base) && FULL_SHA.test(head)
        ? cached(caches.atCommit, `compare:${fullName}@${base}...${head}`, read)
        : read();
    },
    pullsOf(sha) {
      return cached(caches.recent, `pulls:${fullName}@${sha}`, async () => {
        const res = await orUndefined(
          octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...r, commit_sha: sha }),
        );
        return (res?.data ?? []).map((p) => ({ number: p.number, title: p.title, url: p.html_url }));
      });
    },
    async assignable(logins) {
      const ok: string[] = [];
      for (const login of logins) {
        const can = await cached(caches.recent, `assignable:${fullName}:${login}`, async () =>
          Boolean(await orUndefined(octokit.rest.issues.checkUserCanBeAssigned({ ...r, assignee: login }), [404])),
        );
        if (can) ok.push(login);
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
