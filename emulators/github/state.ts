/**
 * The GitHub emulator's in-memory world: the app, installations and their tokens, repositories (history, pull
 * requests, issues, comments, labels, collaborators), and a log of the requests received. Mutations are methods
 * here; HTTP shapes live in shapes.ts and routing in routes.ts.
 */
import { randomBytes } from 'node:crypto';
import { RepoGraph, SeedError } from './git.ts';
import { parseSeed, type GitHubSeed, type SeedRepo } from './seed.ts';

export interface AppInfo {
  id: number;
  slug: string;
  name: string;
  owner: string;
  /** When set, app JWT signatures are verified with it (and `iss` must be this app). */
  publicKey?: string;
}

export interface Installation {
  id: number;
  account: string;
  accountType: 'Organization' | 'User';
  /** Lower-case "owner/name". */
  repos: string[];
  createdAt: string;
}

/** Who a request acts as, from its Authorization header. */
export type Caller =
  | { kind: 'app' }
  | { kind: 'installation'; installationId: number; login: string; repos: Set<string> }
  | { kind: 'token'; login: string; repos: Set<string> | 'all' };

export interface IssuedToken {
  token: string;
  installationId?: number;
  login: string;
  /** Lower-case full names, or every repo. */
  repos: Set<string> | 'all';
  expiresAt: string;
}

export interface Label {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface Issue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  /** Label names as the repo spells them. */
  labels: string[];
  assignees: string[];
  user: string;
  /** Set when this issue number is a pull request. */
  isPull: boolean;
  locked: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  /** Created through an installation token: GitHub shows the app as `performed_via_github_app`. */
  viaApp: boolean;
}

export interface Comment {
  id: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
  viaApp: boolean;
}

export interface Pull {
  id: number;
  number: number;
  title: string;
  body: string | null;
  user: string;
  headSha: string;
  headRef: string;
  baseRef: string;
  mergeCommitSha: string | null;
  commits: string[];
  merged: boolean;
  state: 'open' | 'closed';
  createdAt: string;
  mergedAt: string | null;
}

export interface Repo {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  private: boolean;
  description: string | null;
  createdAt: string;
  graph: RepoGraph;
  branches: Map<string, string>;
  tags: Map<string, string>;
  pulls: Map<number, Pull>;
  issues: Map<number, Issue>;
  comments: Map<number, Comment>;
  /** Lower-case name → label. */
  labels: Map<string, Label>;
  /** Lower-case logins that may be assigned. */
  collaborators: Set<string>;
}

export interface RequestRecord {
  at: string;
  method: string;
  /** Path without the `/api/v3` prefix, with the query string. */
  path: string;
  status: number;
  /** The JSON (or text) body of writes; reads have none. */
  body?: unknown;
}

/** What an issue looked like before a change, to derive the webhook events GitHub would send. */
export interface IssueSnapshot {
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
}

/** A change GitHub would announce with a webhook (`issues` or `issue_comment`). */
export type WorldEvent =
  | {
      event: 'issues';
      action: 'opened' | 'edited' | 'closed' | 'reopened' | 'labeled' | 'unlabeled' | 'assigned' | 'unassigned';
      repo: Repo;
      issue: Issue;
      sender: string;
      label?: string;
      assignee?: string;
      changes?: Record<string, { from: string | null }>;
    }
  | {
      event: 'issue_comment';
      action: 'created' | 'edited' | 'deleted';
      repo: Repo;
      issue: Issue;
      comment: Comment;
      sender: string;
      changes?: { body: { from: string } };
    };

export interface DeliveryRecord {
  at: string;
  event: string;
  action: string;
  delivery: string;
  /** The app's HTTP status; 0 when it could not be reached. */
  status: number;
  error?: string;
}

export function issueSnapshot(issue: Issue): IssueSnapshot {
  return {
    title: issue.title,
    body: issue.body,
    state: issue.state,
    labels: [...issue.labels],
    assignees: [...issue.assignees],
  };
}

const MAX_RECORDED_REQUESTS = 10_000;
const TOKEN_LIFETIME_MS = 3_600_000;
const DEFAULT_APP: AppInfo = { id: 1, slug: 'faultline', name: 'faultline', owner: 'faultline-dev' };
const CREATED_AT = '2026-01-01T00:00:00Z';

export class GitHubWorld {
  app: AppInfo = { ...DEFAULT_APP };
  installations = new Map<number, Installation>();
  tokens = new Map<string, IssuedToken>();
  /** Lower-case full name → repo. */
  repos = new Map<string, Repo>();
  requests: RequestRecord[] = [];
  deliveries: DeliveryRecord[] = [];
  /** Called for every change GitHub would send a webhook for. */
  onEvent: ((event: WorldEvent) => void) | undefined;
  private nextId = 1000;

  emit(event: WorldEvent): void {
    this.onEvent?.(event);
  }

  /**
   * The `issues` events for a change from `before` (undefined = just created) to the issue now, in GitHub's order:
   * opened/edited, closed/reopened, then one labeled/unlabeled/assigned/unassigned per label or user. Pull requests
   * get `pull_request` events on GitHub, which the emulator does not send.
   */
  emitIssueChanges(repo: Repo, before: IssueSnapshot | undefined, issue: Issue, sender: string): void {
    if (issue.isPull) return;
    const base = { event: 'issues' as const, repo, issue, sender };
    const lower = (list: string[]) => list.map((x) => x.toLowerCase());
    if (!before) this.emit({ ...base, action: 'opened' });
    else {
      const changes: Record<string, { from: string | null }> = {};
      if (before.title !== issue.title) changes.title = { from: before.title };
      if (before.body !== issue.body) changes.body = { from: before.body };
      if (Object.keys(changes).length) this.emit({ ...base, action: 'edited', changes });
      if (before.state !== issue.state)
        this.emit({ ...base, action: issue.state === 'closed' ? 'closed' : 'reopened' });
    }
    const labelsBefore = lower(before?.labels ?? []);
    const labelsAfter = lower(issue.labels);
    for (const l of issue.labels)
      if (!labelsBefore.includes(l.toLowerCase())) this.emit({ ...base, action: 'labeled', label: l });
    for (const l of before?.labels ?? []) {
      if (!labelsAfter.includes(l.toLowerCase())) this.emit({ ...base, action: 'unlabeled', label: l });
    }
    const assigneesBefore = lower(before?.assignees ?? []);
    const assigneesAfter = lower(issue.assignees);
    for (const a of issue.assignees) {
      if (!assigneesBefore.includes(a.toLowerCase())) this.emit({ ...base, action: 'assigned', assignee: a });
    }
    for (const a of before?.assignees ?? []) {
      if (!assigneesAfter.includes(a.toLowerCase())) this.emit({ ...base, action: 'unassigned', assignee: a });
    }
  }

  reset(): void {
    this.app = { ...DEFAULT_APP };
    this.installations.clear();
    this.tokens.clear();
    this.repos.clear();
    this.requests = [];
    this.deliveries = [];
    this.nextId = 1000;
  }

  newId(): number {
    return this.nextId++;
  }

  botLogin(): string {
    return `${this.app.slug}[bot]`;
  }

  /** Merges a seed into the world: repos and installations with the same name/id are replaced. */
  seed(input: GitHubSeed | unknown): void {
    const seed = parseSeed(input);
    if (seed.app) {
      const { public_key: publicKey, ...rest } = seed.app;
      this.app = { ...this.app, ...definedOnly(rest), ...(publicKey ? { publicKey } : {}) };
    }
    for (const r of seed.repos) this.repos.set(r.full_name.toLowerCase(), this.buildRepo(r));
    for (const i of seed.installations) {
      this.installations.set(i.id, {
        id: i.id,
        account: i.account,
        accountType: i.account_type,
        repos: i.repos.map((r) => r.toLowerCase()),
        createdAt: CREATED_AT,
      });
    }
    for (const t of seed.tokens) {
      this.tokens.set(t.token, {
        token: t.token,
        login: t.login,
        repos: t.repos ? new Set(t.repos.map((r) => r.toLowerCase())) : 'all',
        expiresAt: new Date(Date.now() + 365 * 24 * TOKEN_LIFETIME_MS).toISOString(),
      });
    }
  }

  private buildRepo(seed: SeedRepo): Repo {
    const [owner, name] = seed.full_name.split('/') as [string, string];
    const graph = new RepoGraph();
    try {
      graph.addCommits(seed.commits);
    } catch (err) {
      if (err instanceof SeedError) throw new SeedError(`repo ${seed.full_name}: ${err.message}`);
      throw err;
    }
    const branches = new Map<string, string>();
    const last = graph.order[graph.order.length - 1];
    if (last) branches.set(seed.default_branch, last);
    for (const [branch, sha] of Object.entries(seed.branches)) branches.set(branch, sha.toLowerCase());
    const repo: Repo = {
      id: this.newId(),
      owner,
      name,
      fullName: seed.full_name,
      defaultBranch: seed.default_branch,
      private: seed.private,
      description: seed.description,
      createdAt: CREATED_AT,
      graph,
      branches,
      tags: new Map(Object.entries(seed.tags).map(([tag, sha]) => [tag, sha.toLowerCase()])),
      pulls: new Map(),
      issues: new Map(),
      comments: new Map(),
      labels: new Map(),
      collaborators: new Set([owner.toLowerCase(), ...seed.collaborators.map((c) => c.toLowerCase())]),
    };
    for (const c of graph.commits.values()) if (c.author.login) repo.collaborators.add(c.author.login.toLowerCase());
    for (const l of seed.labels) {
      repo.labels.set(l.name.toLowerCase(), {
        id: this.newId(),
        name: l.name,
        color: l.color,
        description: l.description,
      });
    }
    for (const p of seed.pulls) {
      const headSha = p.head_sha.toLowerCase();
      const createdAt = p.created_at ?? graph.commits.get(headSha)?.date ?? CREATED_AT;
      const mergedAt = p.merged
        ? (p.merged_at ?? graph.commits.get(p.merge_commit_sha ?? '')?.date ?? createdAt)
        : null;
      const pull: Pull = {
        id: this.newId(),
        number: p.number,
        title: p.title,
        body: p.body ?? null,
        user: p.user,
        headSha,
        headRef: p.head_ref ?? `pr-${p.number}`,
        baseRef: p.base_ref ?? seed.default_branch,
        mergeCommitSha: p.merge_commit_sha?.toLowerCase() ?? null,
        commits: p.commits.map((c) => c.toLowerCase()),
        merged: p.merged,
        state: p.state ?? (p.merged ? 'closed' : 'open'),
        createdAt,
        mergedAt,
      };
      repo.pulls.set(p.number, pull);
      repo.collaborators.add(p.user.toLowerCase());
      this.ensureLabels(repo, p.labels ?? []);
      repo.issues.set(p.number, {
        id: this.newId(),
        number: p.number,
        title: p.title,
        body: pull.body,
        state: pull.state,
        stateReason: pull.state === 'closed' ? 'completed' : null,
        labels: this.labelNames(repo, p.labels ?? []),
        assignees: [],
        user: p.user,
        isPull: true,
        locked: false,
        createdAt,
        updatedAt: mergedAt ?? createdAt,
        closedAt: pull.state === 'closed' ? (mergedAt ?? createdAt) : null,
        closedBy: null,
        viaApp: false,
      });
    }
    for (const i of seed.issues) {
      const number = i.number ?? nextIssueNumber(repo);
      const at = new Date().toISOString();
      this.ensureLabels(repo, i.labels);
      repo.issues.set(number, {
        id: this.newId(),
        number,
        title: i.title,
        body: i.body ?? null,
        state: i.state,
        stateReason: i.state === 'closed' ? 'completed' : null,
        labels: this.labelNames(repo, i.labels),
        assignees: i.assignees,
        user: i.user ?? owner,
        isPull: false,
        locked: false,
        createdAt: at,
        updatedAt: at,
        closedAt: i.state === 'closed' ? at : null,
        closedBy: null,
        viaApp: false,
      });
      for (const c of i.comments) {
        const id = this.newId();
        repo.comments.set(id, {
          id,
          issueNumber: number,
          body: c.body,
          user: c.user ?? owner,
          createdAt: at,
          updatedAt: at,
          viaApp: false,
        });
      }
    }
    return repo;
  }

  /** Creates the labels GitHub would auto-create when an issue names them. */
  ensureLabels(repo: Repo, names: string[]): void {
    for (const name of names) {
      if (!repo.labels.has(name.toLowerCase())) {
        repo.labels.set(name.toLowerCase(), { id: this.newId(), name, color: 'ededed', description: null });
      }
    }
  }

  /** Names as the repo spells them, deduplicated case-insensitively. */
  labelNames(repo: Repo, names: string[]): string[] {
    const out: string[] = [];
    for (const n of names) {
      const label = repo.labels.get(n.toLowerCase());
      const name = label?.name ?? n;
      if (!out.some((o) => o.toLowerCase() === name.toLowerCase())) out.push(name);
    }
    return out;
  }

  issueInstallationToken(installationId: number, repoNames?: string[]): IssuedToken {
    const installation = this.installations.get(installationId)!;
    const allowed = new Set(installation.repos);
    const repos = repoNames ? new Set(repoNames.map((r) => r.toLowerCase()).filter((r) => allowed.has(r))) : allowed;
    const token: IssuedToken = {
      token: `ghs_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`,
      installationId,
      login: this.botLogin(),
      repos,
      expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    this.tokens.set(token.token, token);
    return token;
  }

  issueUserToken(login: string): string {
    const token = `ghu_${randomBytes(27).toString('base64url').replace(/[-_]/g, 'x').slice(0, 36)}`;
    this.tokens.set(token, {
      token,
      login,
      repos: 'all',
      expiresAt: new Date(Date.now() + 8 * TOKEN_LIFETIME_MS).toISOString(),
    });
    return token;
  }

  record(entry: RequestRecord): void {
    this.requests.push(entry);
    if (this.requests.length > MAX_RECORDED_REQUESTS)
      this.requests.splice(0, this.requests.length - MAX_RECORDED_REQUESTS);
  }

  /** JSON of everything, as `GET /__emulator/state` answers. Tokens are counted, never listed. */
  snapshot(): EmulatorStateJson {
    return {
      app: this.app,
      installations: [...this.installations.values()],
      tokensIssued: [...this.tokens.values()].filter((t) => t.installationId !== undefined).length,
      repos: [...this.repos.values()].map((r) => ({
        full_name: r.fullName,
        default_branch: r.defaultBranch,
        branches: Object.fromEntries(r.branches),
        commits: r.graph.order.length,
        pulls: [...r.pulls.values()].map((p) => ({
          number: p.number,
          title: p.title,
          merged: p.merged,
          state: p.state,
        })),
        issues: [...r.issues.values()]
          .filter((i) => !i.isPull)
          .map((i) => ({
            number: i.number,
            title: i.title,
            body: i.body,
            state: i.state,
            state_reason: i.stateReason,
            labels: i.labels,
            assignees: i.assignees,
            user: i.user,
            created_at: i.createdAt,
            updated_at: i.updatedAt,
            comments: commentsOf(r, i.number),
          })),
        pull_comments: [...r.pulls.keys()]
          .map((number) => ({ number, comments: commentsOf(r, number) }))
          .filter((p) => p.comments.length > 0),
        labels: [...r.labels.values()].map((l) => ({ name: l.name, color: l.color, description: l.description })),
      })),
      requests: this.requests,
      deliveries: this.deliveries,
    };
  }
}

function commentsOf(repo: Repo, issueNumber: number) {
  return [...repo.comments.values()]
    .filter((c) => c.issueNumber === issueNumber)
    .map((c) => ({ id: c.id, body: c.body, user: c.user, created_at: c.createdAt, updated_at: c.updatedAt }));
}

export function nextIssueNumber(repo: Repo): number {
  return Math.max(0, ...repo.issues.keys(), ...repo.pulls.keys()) + 1;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export interface EmulatorStateJson {
  app: AppInfo;
  installations: Installation[];
  tokensIssued: number;
  repos: Array<{
    full_name: string;
    default_branch: string;
    branches: Record<string, string>;
    commits: number;
    pulls: Array<{ number: number; title: string; merged: boolean; state: string }>;
    issues: Array<{
      number: number;
      title: string;
      body: string | null;
      state: string;
      state_reason: string | null;
      labels: string[];
      assignees: string[];
      user: string;
      created_at: string;
      updated_at: string;
      comments: Array<{ id: number; body: string; user: string; created_at: string; updated_at: string }>;
    }>;
    pull_comments: Array<{ number: number; comments: Array<{ id: number; body: string; user: string }> }>;
    labels: Array<{ name: string; color: string; description: string | null }>;
  }>;
  requests: RequestRecord[];
  /** Webhooks sent to the app (see `webhooks` in README.md). */
  deliveries: DeliveryRecord[];
}
