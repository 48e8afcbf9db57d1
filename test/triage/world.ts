// A world for triage's end-to-end tests: the Sentry emulator (alerts signed and sent by its webhook sender), the
// GitHub emulator (a repository with history, a release, a pull request, CODEOWNERS), and the app on SQLite between.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningApp } from '../../app/server.ts';
import { sqliteFileIn, type StorageConfig } from '../../app/store/index.ts';
import { INSTALLATION_UUID, ISSUE_ID, ORG, REPO, sha, WEB_SENTRY_CONFIG_YAML } from '../app-world/fixtures.ts';
import { startAppWorld } from '../app-world/world.ts';
import type { GitHubEmulator, GitHubSeed } from '../../emulators/github/server.ts';
import type { SentryEmulator } from '../../emulators/sentry/server.ts';
import type { EmulatorSeed } from '../../emulators/sentry/state.ts';

export { ISSUE_ID, ORG, REPO };
export const INSTALLATION = INSTALLATION_UUID;
export const FOREIGN_INSTALLATION = '0f0f0f0f-1111-4222-8333-944444444444';
export const FETCHED_ISSUE_ID = '1170820300';
/** c1 initial, c2 the suspect (PR #5), c3 docs only = release web@2.4.0, c4 after the release. */
export const SHA = { c1: sha(0xa1), c2: sha(0xb2), c3: sha(0xc3), c4: sha(0xd4), api: sha(0x7e) } as const;
export const RELEASE = 'web@2.4.0';

export const CONFIG_YAML = `${WEB_SENTRY_CONFIG_YAML}labels:
  always: [sentry]
  level: {error: [bug]}
  environment: {production: [prod]}
  project: {web: [frontend]}
ignore:
  - environment: staging
assign:
  fallback: [carol]
`;

/** A monorepo service fed by Sentry project `api`: stack paths under a prefix, errors wanted, one new issue an hour. */
export const API_REPO = 'acme/api';
export const API_CONFIG_YAML = `sentry: {org: acme, projects: [api]}
paths:
  - {from: "app:///", to: "services/api/"}
alerts: {errors: true}
limits: {newIssuesPerHour: 1}
`;
const API_HANDLER = `${Array.from({ length: 20 }, (_, i) => (i === 11 ? "  throw new Error('quota');" : `// handler ${i + 1}`)).join('\n')}\n`;

export const CODEOWNERS = `*               @acme/everyone
/src/billing/   @alice @acme/payments
`;

/** src/billing/invoice.ts with line 88 as given. */
export function invoiceSource(line88: string): string {
  const lines = Array.from({ length: 100 }, (_, i) => `// invoice helper line ${i + 1}`);
  lines[84] = 'export function renderInvoice(invoice: Invoice, terms: number) {';
  lines[85] = '  const due = addDays(invoice.issuedAt, terms);';
  lines[86] = '  const lines = invoice.items.map(toLine);';
  lines[87] = line88;
  lines[88] = '  return { lines, label };';
  lines[89] = '}';
  return `${lines.join('\n')}\n`;
}

const ROUTES_SOURCE = `${Array.from({ length: 40 }, (_, i) => (i === 30 ? '    return renderInvoice(invoice, 30);' : `// route ${i + 1}`)).join('\n')}\n`;

const ANA = { name: 'Ana', email: 'ana@example.com', login: 'ana' };

export function githubSeed(): GitHubSeed {
  return {
    installations: [{ id: 1, account: 'acme', repos: [REPO, API_REPO, 'acme/other', 'acme/broken', 'acme/.github'] }],
    repos: [
      {
        full_name: REPO,
        default_branch: 'main',
        commits: [
          {
            sha: SHA.c1,
            message: 'shop: invoices',
            author: { name: 'Ana', email: 'ana@example.com', login: 'ana' },
            date: '2026-09-01T10:00:00Z',
            files: {
              '.github/faultline.yml': CONFIG_YAML,
              '.github/CODEOWNERS': CODEOWNERS,
              'src/billing/invoice.ts': invoiceSource('  const label = due.toISOString();'),
              'src/routes/invoices.ts': ROUTES_SOURCE,
              'README.md': '# web\n',
            },
          },
          {
            sha: SHA.c2,
            message: 'billing: format due dates with date-fns',
            author: { name: 'Bob', email: 'bob@example.com', login: 'bob' },
            date: '2026-09-20T10:00:00Z',
            files: { 'src/billing/invoice.ts': invoiceSource("  const label = format(due, 'PPP');") },
          },
          {
            sha: SHA.c3,
            message: 'docs: readme',
            author: { name: 'Carol', email: 'carol@example.com', login: 'carol' },
            date: '2026-09-25T10:00:00Z',
            files: { 'README.md': '# web shop\n' },
          },
          {
            sha: SHA.c4,
            message: 'billing: safe format',
            author: { name: 'Ana', email: 'ana@example.com', login: 'ana' },
            date: '2026-10-02T10:00:00Z',
            files: { 'src/billing/invoice.ts': invoiceSource('  const label = safeFormat(due);') },
          },
        ],
        pulls: [
          {
            number: 5,
            title: 'Due dates with date-fns',
            user: 'bob',
            head_sha: SHA.c2,
            merge_commit_sha: SHA.c2,
            commits: [SHA.c2],
            merged: true,
          },
        ],
        collaborators: ['alice', 'bob', 'carol'],
      },
      {
        full_name: API_REPO,
        default_branch: 'main',
        commits: [
          {
            sha: SHA.api,
            message: 'api: handler',
            author: ANA,
            files: { '.github/faultline.yml': API_CONFIG_YAML, 'services/api/src/handler.ts': API_HANDLER },
          },
        ],
      },
      {
        // The owner's shared config names the same project: neither it nor repos without their own file take alerts.
        full_name: 'acme/.github',
        commits: [{ sha: sha(0x9e), message: 'init', author: ANA, files: { '.github/faultline.yml': CONFIG_YAML } }],
      },
      {
        full_name: 'acme/other',
        commits: [{ sha: sha(0xe5), message: 'init', author: ANA, files: { 'README.md': '# other\n' } }],
      },
      {
        full_name: 'acme/broken',
        commits: [
          {
            sha: sha(0xf6),
            message: 'init',
            author: ANA,
            files: { '.github/faultline.yml': 'sentry:\n  org: acme\n  projects: []\npath: []\n' },
          },
        ],
      },
    ],
  };
}

export function sentrySeed(): EmulatorSeed {
  return {
    projects: [{ slug: 'web', id: 1, platform: 'node' }],
    installations: [{ uuid: INSTALLATION, org: ORG, app: { uuid: 'app-uuid', slug: 'faultline' } }],
    releases: [
      {
        version: 'web@2.3.0',
        projects: ['web'],
        dateCreated: '2026-09-02T00:00:00Z',
        commits: [{ id: SHA.c1, repository: REPO }],
      },
      {
        version: RELEASE,
        projects: ['web'],
        dateCreated: '2026-09-26T00:00:00Z',
        commits: [
          { id: SHA.c3, repository: REPO },
          { id: SHA.c2, repository: REPO },
        ],
      },
    ],
    issues: [
      {
        id: ISSUE_ID,
        project: 'web',
        shortId: 'WEB-9',
        title: 'RangeError: Invalid time value',
        culprit: 'renderInvoice(src/billing/invoice.ts)',
        level: 'error',
        status: 'unresolved',
        metadata: { type: 'RangeError', value: 'Invalid time value' },
        count: '312',
        userCount: 40,
        firstSeen: '2026-10-01T08:12:37Z',
        lastSeen: '2026-10-01T09:30:00Z',
      },
      {
        id: FETCHED_ISSUE_ID,
        project: 'web',
        shortId: 'WEB-10',
        title: 'TypeError: items is not iterable',
        level: 'error',
        status: 'unresolved',
        count: '3',
        userCount: 2,
      },
    ],
    events: [
      {
        issueId: ISSUE_ID,
        eventID: 'e'.repeat(32),
        release: RELEASE,
        environment: 'production',
        dateCreated: '2026-10-01T09:30:00Z',
        exception: { values: [{ type: 'RangeError', value: 'Invalid time value' }] },
      },
      {
        issueId: FETCHED_ISSUE_ID,
        eventID: 'f'.repeat(32),
        release: RELEASE,
        environment: 'production',
        dateCreated: '2026-10-01T10:00:00Z',
        exception: {
          values: [
            {
              type: 'TypeError',
              value: 'items is not iterable',
              stacktrace: {
                frames: [
                  { abs_path: 'app:///src/routes/invoices.ts', function: 'getInvoice', lineno: 31, in_app: true },
                  {
                    abs_path: 'webpack://web/./src/billing/invoice.ts',
                    function: 'renderInvoice',
                    lineno: 87,
                    in_app: true,
                  },
                ],
              },
            },
          ],
        },
      },
    ],
  };
}

/** The event_alert webhook data for ISSUE_ID: frames oldest first, the crash in date-fns called from line 88. */
export function alertData(
  overrides: {
    eventId?: string;
    release?: string | null;
    environment?: string;
    issueId?: string;
    project?: string;
    frames?: object[];
    extra?: object;
  } = {},
): Record<string, unknown> {
  const eventId = overrides.eventId ?? 'e4874d664c3540c1a32eab185f12c5ab';
  const issueId = overrides.issueId ?? ISSUE_ID;
  return {
    event: {
      event_id: eventId,
      issue_id: issueId,
      project: 1,
      platform: 'node',
      level: 'error',
      release: overrides.release === undefined ? RELEASE : overrides.release,
      environment: overrides.environment ?? 'production',
      datetime: '2026-10-01T08:12:37.677000Z',
      title: 'RangeError: Invalid time value',
      culprit: 'renderInvoice(src/billing/invoice.ts)',
      exception: {
        values: [
          {
            type: 'RangeError',
            value: 'Invalid time value',
            stacktrace: {
              frames: overrides.frames ?? [
                {
                  abs_path: 'https://cdn.example.com/static/js/main.3f2a.js',
                  filename: 'main.3f2a.js',
                  function: 'n',
                  lineno: 1,
                  colno: 48211,
                  in_app: true,
                  context_line: '{snip} function n(e){return o(e)} {snip}',
                },
                {
                  abs_path: 'app:///src/routes/invoices.ts',
                  function: 'getInvoice',
                  lineno: 31,
                  colno: 5,
                  in_app: true,
                },
                {
                  abs_path: 'webpack://web/./src/billing/invoice.ts',
                  function: 'renderInvoice',
                  lineno: 88,
                  colno: 17,
                  in_app: true,
                  pre_context: [
                    '  const due = addDays(invoice.issuedAt, terms);',
                    '  const lines = invoice.items.map(toLine);',
                  ],
                  context_line: "  const label = format(due, 'PPP');",
                  post_context: ['  return { lines, label };', '}'],
                },
                {
                  abs_path: 'app:///node_modules/date-fns/format.js',
                  function: 'format',
                  lineno: 370,
                  colno: 11,
                  in_app: false,
                },
              ],
            },
          },
        ],
      },
      tags: [
        ['environment', overrides.environment ?? 'production'],
        ['level', 'error'],
        ...(overrides.release === null ? [] : [['release', overrides.release ?? RELEASE]]),
      ],
      breadcrumbs: {
        values: [
          {
            category: 'http',
            level: 'info',
            timestamp: 1790842357.1,
            data: { url: '/invoices/991', status_code: 500 },
          },
        ],
      },
      url: `https://sentry.io/api/0/projects/acme/${overrides.project ?? 'web'}/events/${eventId}/`,
      web_url: `https://sentry.io/organizations/acme/issues/${issueId}/events/${eventId}/`,
      ...overrides.extra,
    },
    triggered_rule: 'New issue in web',
    issue_alert: { title: 'New issue in web', settings: [] },
  };
}

export interface World {
  sentry: SentryEmulator;
  github: GitHubEmulator;
  app: RunningApp;
  logs: string[];
  send(resource: string, action: string, data: Record<string, unknown>, installation?: string): Promise<number>;
  settle(timeoutMs?: number): Promise<void>;
  issues(repo?: string): ReturnType<GitHubEmulator['state']>['repos'][number]['issues'];
  /** Every write request the app made to GitHub, with its body. */
  githubWrites(): Array<{ method: string; path: string; body?: unknown }>;
  close(): Promise<void>;
}

export async function startWorld(opts: { storage?: StorageConfig; githubPacing?: boolean } = {}): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-triage-'));
  const base = await startAppWorld({
    sentrySeed: sentrySeed(),
    githubSeed: githubSeed(),
    storage: opts.storage ?? { kind: 'sqlite', file: sqliteFileIn(dir) },
    disposeStorage: () => rmSync(dir, { recursive: true, force: true }),
    configure: (config) => {
      config.workers.concurrency = 8;
    },
    // The job runner's own retries are what is under test.
    octokitRetry: false,
    githubPacing: opts.githubPacing,
  });
  const { github } = base;
  const world: World = {
    ...base,
    send: (resource, action, data, installation = INSTALLATION) =>
      base.sendSentry(resource, action, data, { installation }),
    issues: (repo = REPO) => github.state().repos.find((r) => r.full_name === repo)?.issues ?? [],
    githubWrites: () =>
      github
        .state()
        .requests.filter((r) => r.method !== 'GET')
        .map((r) => ({ method: r.method, path: r.path, body: r.body })),
  };
  // The app learns each Sentry installation's org from its installation webhook, as in production.
  await base.install({ uuid: INSTALLATION, org: ORG, appUuid: 'app-uuid' });
  await base.install({ uuid: FOREIGN_INSTALLATION, org: 'globex', appUuid: 'app-uuid' });
  await world.settle();
  return world;
}
