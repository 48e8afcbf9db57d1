/**
 * In-memory state of the Sentry emulator: one organization with its projects, repos, releases (commits, deploys,
 * legacy files), uploaded chunks, assembled artifact bundles, issues, events, integration installations and
 * external-issue links, plus the request and webhook logs. `snapshot()` is what `GET /__emulator/state` answers.
 */
import { createHash } from 'node:crypto';
import type { ParsedBundleFile } from './bundle.ts';
import type { FaultSpec } from './faults.ts';

export interface CommitRecord {
  id: string;
  repository?: string;
  message?: string;
  author_name?: string;
  author_email?: string;
  timestamp?: string;
  patch_set?: Array<{ path: string; type: string }>;
}

export interface RefRecord {
  repository: string;
  commit: string;
  previousCommit?: string | null;
}

export interface DeployRecord {
  id: string;
  environment: string;
  name: string | null;
  url: string | null;
  dateStarted: string | null;
  dateFinished: string;
  projects: string[];
}

export interface ReleaseFileRecord {
  id: string;
  name: string;
  dist: string | null;
  headers: Record<string, string>;
  size: number;
  sha1: string;
  dateCreated: string;
}

export interface ReleaseRecord {
  id: string;
  version: string;
  /** Project slugs, in the order they were linked. */
  projects: string[];
  dateCreated: string;
  dateReleased: string | null;
  url: string | null;
  ref: string | null;
  status: 'open' | 'archived';
  commits: CommitRecord[];
  refs: RefRecord[];
  deploys: DeployRecord[];
  files: ReleaseFileRecord[];
}

/** One file of an assembled bundle, as the bundle reader found it. */
export type BundleFileRecord = ParsedBundleFile;

export interface BundleRecord {
  bundleId: string;
  checksum: string;
  projects: string[];
  release: string | null;
  dist: string | null;
  manifest: Record<string, unknown>;
  files: BundleFileRecord[];
  dateCreated: string;
}

export interface AssemblyRecord {
  checksum: string;
  chunks: string[];
  state: 'created' | 'assembling' | 'ok' | 'error';
  detail: string | null;
}

export interface ProjectRecord {
  id: string;
  slug: string;
  name: string;
  platform: string | null;
}

export interface RepoRecord {
  id: string;
  name: string;
  url: string | null;
  provider: { id: string; name: string };
  status: string;
  dateCreated: string;
}

export interface UserRecord {
  id: string;
  name: string;
  email: string;
  username: string;
}

/** A seeded issue: the fields below plus anything else Sentry serializes (`culprit`, `metadata`, `count`, ...). */
export interface IssueRecord {
  id: string;
  shortId: string;
  project: string;
  title: string;
  level: string;
  status: string;
  substatus: string | null;
  statusDetails: Record<string, unknown>;
  assignedTo: { type: string; id: string; name: string; email?: string } | null;
  [field: string]: unknown;
}

/** A seeded event: `entries` (REST shape) or `exception` (webhook shape, converted when served). */
export interface EventRecord {
  issueId: string;
  eventID: string;
  project?: string;
  release?: string | null;
  environment?: string | null;
  dateCreated: string;
  [field: string]: unknown;
}

export interface InstallationRecord {
  uuid: string;
  org: string;
  app: { uuid: string; slug: string };
  status: 'pending' | 'installed';
  /** The one-time grant code a public integration exchanges for a token; null once used. */
  code: string | null;
  /** The installation's current API token and refresh token (public integrations: from the exchange). */
  token: string | null;
  refreshToken: string | null;
  tokenExpiresAt: string | null;
  /** Where the emulator delivers the webhooks API changes cause; null: none are sent. */
  webhookUrl: string | null;
}

export interface ExternalIssueRecord {
  id: string;
  installationUuid: string;
  issueId: string;
  serviceType: string;
  displayName: string;
  webUrl: string;
  project: string;
  identifier: string;
}

export interface CommentRecord {
  id: string;
  issueId: string;
  text: string;
  dateCreated: string;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  userAgent?: string;
  /** The JSON body, for JSON requests. */
  json?: unknown;
  fault?: boolean;
}

export interface WebhookDelivery {
  url: string;
  resource: string;
  action: string;
  requestId: string;
  status: number;
  /** 1 for the first try, 2-4 for Sentry's retries of the same body. */
  attempt: number;
  error?: string;
}

export interface EmulatorSeed {
  projects?: Array<{ slug: string; id?: string | number; name?: string; platform?: string | null }>;
  repos?: Array<{ name: string; id?: string | number; url?: string | null; provider?: string }>;
  releases?: Array<{
    version: string;
    projects?: string[];
    commits?: CommitRecord[];
    dateCreated?: string;
    dateReleased?: string | null;
    url?: string | null;
  }>;
  issues?: Array<
    {
      id: string | number;
      project: string;
      title?: string;
      shortId?: string;
      level?: string;
      status?: string;
    } & Record<string, unknown>
  >;
  events?: Array<{ issueId: string | number; eventID: string; dateCreated?: string } & Record<string, unknown>>;
  /**
   * `code`: a pending grant code to exchange at `authorizations/`; `token`: a fixed token (internal integration),
   * accepted as a bearer token at once.
   */
  installations?: Array<{
    uuid: string;
    org?: string;
    app?: { uuid?: string; slug?: string };
    status?: 'pending' | 'installed';
    code?: string;
    token?: string;
    webhookUrl?: string;
  }>;
  users?: Array<{ id: string | number; email: string; name?: string; username?: string }>;
  teams?: Array<{ slug: string; id?: string | number; name?: string }>;
  /** Extra accepted bearer tokens with the scopes `GET /api/0/` reports for them. */
  tokens?: Array<{ token: string; scopes?: string[] }>;
}

export interface EmulatorState {
  org: { id: string; slug: string; name: string };
  projects: ProjectRecord[];
  repos: RepoRecord[];
  releases: ReleaseRecord[];
  chunks: Array<{ checksum: string; size: number; field: 'file' | 'file_gzip' }>;
  assemblies: AssemblyRecord[];
  bundles: BundleRecord[];
  issues: IssueRecord[];
  events: EventRecord[];
  comments: CommentRecord[];
  installations: InstallationRecord[];
  externalIssues: ExternalIssueRecord[];
  users: UserRecord[];
  teams: TeamRecord[];
  /** Issue alert rules of every project and the organization's metric alert rules (alert-rules.ts). */
  issueAlertRules: IssueAlertRuleRecord[];
  metricAlertRules: MetricAlertRuleRecord[];
  webhooks: WebhookDelivery[];
  /** Injected faults still waiting for requests. */
  faults: Array<FaultSpec & { remaining: number }>;
  requests: RequestLogEntry[];
}

export const DEFAULT_SCOPES = [
  'org:read',
  'org:ci',
  'project:read',
  'project:releases',
  'event:read',
  'event:write',
  'event:admin',
];

/** What an integration with Issue & Event read/write and Release admin may do. */
export const INTEGRATION_SCOPES = [
  'org:read',
  'project:read',
  'project:releases',
  'event:read',
  'event:write',
  'event:admin',
];

const MAX_LOGGED_REQUESTS = 2000;

/** The emulator's mutable store. Pure data: no I/O, no timers. */
export class EmulatorStore {
  readonly orgSlug: string;
  projects: ProjectRecord[] = [];
  repos: RepoRecord[] = [];
  releases = new Map<string, ReleaseRecord>();
  /** Uploaded blobs by SHA-1 (the raw, uncompressed chunk). */
  blobs = new Map<string, Buffer>();
  /** The multipart field each blob last came in: `file_gzip` (gzipped on the wire) or `file`. */
  blobFields = new Map<string, 'file' | 'file_gzip'>();
  assemblies = new Map<string, AssemblyRecord>();
  bundles = new Map<string, BundleRecord>();
  /** Bytes of each bundle's files by URL; kept out of the state snapshot. */
  bundleContents = new Map<string, Map<string, Buffer>>();
  issues = new Map<string, IssueRecord>();
  events: EventRecord[] = [];
  comments: CommentRecord[] = [];
  installations = new Map<string, InstallationRecord>();
  externalIssues: ExternalIssueRecord[] = [];
  users: UserRecord[] = [];
  teams: TeamRecord[] = [];
  issueAlertRules: IssueAlertRuleRecord[] = [];
  metricAlertRules: MetricAlertRuleRecord[] = [];
  tokens = new Map<string, string[]>();
  webhooks: WebhookDelivery[] = [];
  requests: RequestLogEntry[] = [];
  #nextId = 100;

  constructor(orgSlug: string) {
    this.orgSlug = orgSlug;
  }

  /** A fresh numeric id as a string, as Sentry's ids are serialized. */
  nextId(): string {
    return String(this.#nextId++);
  }

  project(slugOrId: string | number): ProjectRecord | undefined {
    const key = String(slugOrId);
    return this.projects.find((p) => p.slug === key || p.id === key);
  }

  logRequest(entry: RequestLogEntry): void {
    this.requests.push(entry);
    if (this.requests.length > MAX_LOGGED_REQUESTS) this.requests.splice(0, this.requests.length - MAX_LOGGED_REQUESTS);
  }

  /** Adds or replaces what the seed names (projects by slug, releases by version, issues by id, ...). */
  applySeed(seed: EmulatorSeed): void {
    for (const p of seed.projects ?? []) {
      const existing = this.project(p.slug);
      const record: ProjectRecord = {
        id: p.id !== undefined ? String(p.id) : (existing?.id ?? this.nextId()),
        slug: p.slug,
        name: p.name ?? existing?.name ?? p.slug,
        platform: p.platform ?? existing?.platform ?? 'javascript',
      };
      this.projects = [...this.projects.filter((x) => x.slug !== p.slug), record];
    }
    for (const r of seed.repos ?? []) {
      const provider = r.provider ?? 'integrations:github';
      const record: RepoRecord = {
        id: r.id !== undefined ? String(r.id) : this.nextId(),
        name: r.name,
        url: r.url === undefined ? `https://github.com/${r.name}` : r.url,
        provider: { id: provider, name: provider.includes('github') ? 'GitHub' : provider },
        status: 'active',
        dateCreated: new Date().toISOString(),
      };
      this.repos = [...this.repos.filter((x) => x.name !== r.name), record];
    }
    for (const r of seed.releases ?? []) {
      const existing = this.releases.get(r.version);
      this.releases.set(r.version, {
        id: existing?.id ?? this.nextId(),
        version: r.version,
        projects: r.projects ?? existing?.projects ?? [],
        dateCreated: r.dateCreated ?? existing?.dateCreated ?? new Date().toISOString(),
        dateReleased: r.dateReleased ?? existing?.dateReleased ?? null,
        url: r.url ?? existing?.url ?? null,
        ref: existing?.ref ?? null,
        status: 'open',
        commits: r.commits ?? existing?.commits ?? [],
        refs: existing?.refs ?? [],
        deploys: existing?.deploys ?? [],
        files: existing?.files ?? [],
      });
    }
    for (const u of seed.users ?? []) {
      const record: UserRecord = {
        id: String(u.id),
        email: u.email,
        name: u.name ?? u.email,
        username: u.username ?? u.email,
      };
      this.users = [...this.users.filter((x) => x.id !== record.id), record];
    }
    for (const t of seed.teams ?? []) {
      const record: TeamRecord = {
        id: t.id !== undefined ? String(t.id) : this.nextId(),
        slug: t.slug,
        name: t.name ?? t.slug,
      };
      this.teams = [...this.teams.filter((x) => x.slug !== t.slug), record];
    }
    for (const i of seed.issues ?? []) this.seedIssue(i);
    for (const e of seed.events ?? []) {
      const { issueId, eventID, dateCreated, ...rest } = e;
      const record: EventRecord = {
        ...rest,
        issueId: String(issueId),
        eventID,
        dateCreated: dateCreated ?? new Date().toISOString(),
      };
      this.events = [...this.events.filter((x) => x.eventID !== eventID), record];
    }
    for (const inst of seed.installations ?? []) {
      this.installations.set(inst.uuid, {
        uuid: inst.uuid,
        org: inst.org ?? this.orgSlug,
        app: { uuid: inst.app?.uuid ?? derivedUuid(`app:${inst.uuid}`), slug: inst.app?.slug ?? 'faultline' },
        status: inst.status ?? 'installed',
        code: inst.code ?? null,
        token: inst.token ?? null,
        refreshToken: null,
        tokenExpiresAt: null,
        webhookUrl: inst.webhookUrl ?? null,
      });
      if (inst.token) this.tokens.set(inst.token, INTEGRATION_SCOPES);
    }
    for (const t of seed.tokens ?? []) this.tokens.set(t.token, t.scopes ?? DEFAULT_SCOPES);
  }

  private seedIssue(i: NonNullable<EmulatorSeed['issues']>[number]): void {
    const id = String(i.id);
    const existing = this.issues.get(id);
    const projectSlug = i.project;
    const base: IssueRecord = existing ?? {
      id,
      shortId: `${projectSlug.toUpperCase()}-${id}`,
      project: projectSlug,
      title: 'Error',
      level: 'error',
      status: 'unresolved',
      substatus: 'new',
      statusDetails: {},
      assignedTo: null,
    };
    const { id: _id, ...fields } = i;
    this.issues.set(id, { ...base, ...fields, id } as IssueRecord);
  }

  snapshot(): EmulatorState {
    return structuredClone({
      org: { id: '1', slug: this.orgSlug, name: this.orgSlug },
      projects: this.projects,
      repos: this.repos,
      releases: [...this.releases.values()],
      chunks: [...this.blobs].map(([checksum, data]) => ({
        checksum,
        size: data.length,
        field: this.blobFields.get(checksum) ?? 'file',
      })),
      assemblies: [...this.assemblies.values()],
      bundles: [...this.bundles.values()],
      issues: [...this.issues.values()],
      events: this.events,
      comments: this.comments,
      installations: [...this.installations.values()],
      externalIssues: this.externalIssues,
      users: this.users,
      teams: this.teams,
      issueAlertRules: this.issueAlertRules,
      metricAlertRules: this.metricAlertRules,
      webhooks: this.webhooks,
      faults: [],
      requests: this.requests,
    });
  }
}

export const DEFAULT_INSTALLATION_UUID = '7f1c9a52-5b7e-4c1d-9e3a-2d4b6f8a0c11';

/** The default world: organization `acme` with projects `web` and `api`, and one member. */
export const DEFAULT_SEED: EmulatorSeed = {
  projects: [
    { slug: 'web', id: 1, name: 'web', platform: 'javascript' },
    { slug: 'api', id: 2, name: 'api', platform: 'node' },
  ],
  users: [{ id: 1, email: 'ada@example.com', name: 'Ada Lovelace', username: 'ada' }],
  installations: [{ uuid: DEFAULT_INSTALLATION_UUID, org: 'acme', app: { slug: 'faultline' } }],
};

/** A stable UUID-shaped id derived from `seed`, so seeded worlds look the same on every start. */
function derivedUuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// Alert rules and teams, as the rule APIs (alert-rules.ts) keep them.
/** A rule part as Sentry stores it: its registry id and its fields. */
type RuleNode = Record<string, unknown> & { id: string };

export interface IssueAlertRuleRecord {
  id: string;
  project: string;
  name: string;
  actionMatch: string;
  filterMatch: string | null;
  frequency: number;
  environment: string | null;
  conditions: RuleNode[];
  filters: RuleNode[];
  actions: RuleNode[];
  owner: string | null;
  dateCreated: string;
}

export interface MetricAlertActionRecord {
  id: string;
  type: string;
  targetType: string;
  targetIdentifier: string | null;
  sentryAppId: number | null;
  sentryAppInstallationUuid: string | null;
  integrationId: number | null;
}

export interface MetricAlertRuleRecord {
  id: string;
  name: string;
  aggregate: string;
  dataset: string;
  queryType: number;
  eventTypes: string[];
  query: string;
  timeWindow: number;
  thresholdType: number;
  resolveThreshold: number | null;
  environment: string | null;
  projects: string[];
  owner: string | null;
  triggers: Array<{ id: string; label: string; alertThreshold: number; actions: MetricAlertActionRecord[] }>;
  dateCreated: string;
  dateModified: string;
}

export interface TeamRecord {
  id: string;
  slug: string;
  name: string;
}
