// A world for the sync's end-to-end tests: the Sentry emulator, the GitHub emulator, and the app (SQLite) wired to
// both, with a linked issue. Webhooks arrive as in production: Sentry's signed by the Sentry emulator's sender,
// GitHub's signed with the app's WEBHOOK_SECRET.
import type { RunningApp } from '../../app/server.ts';
import { createBackend } from '../app/backends.ts';
import { INSTALLATION_UUID, ISSUE_ID, ORG, REPO, sha, WEB_SENTRY_CONFIG_YAML } from '../app-world/fixtures.ts';
import { startAppWorld } from '../app-world/world.ts';
import type { GitHubEmulator, GitHubSeed } from '../../emulators/github/server.ts';
import type { SentryEmulator } from '../../emulators/sentry/server.ts';
import type { EmulatorSeed } from '../../emulators/sentry/state.ts';

export { INSTALLATION_UUID, ISSUE_ID, ORG, REPO, sha };
export const SENTRY_APP_UUID = '5d9c3f44-0000-4a3b-9c1e-faul71ine000';
export const GH_SECRET = 'gh-webhook-secret';

export const CONFIG_YAML = `${WEB_SENTRY_CONFIG_YAML}people:
  ana@example.com: ana-gh
  bo@example.com: bo-gh
metricAlerts:
  rules: ["Checkout error rate"]
scrub:
  patterns: ["ORDER-[0-9]+"]
`;

export interface World {
  sentry: SentryEmulator;
  github: GitHubEmulator;
  app: RunningApp;
  /** The app's info, warn and error lines. */
  logs: string[];
  /** Sends a Sentry webhook through the emulator's sender; answers the app's status. */
  sentryWebhook(
    resource: string,
    action: string,
    data: Record<string, unknown>,
    actor?: Record<string, unknown>,
  ): Promise<number>;
  /**
   * A change a person makes in Sentry: the emulator's issue takes the webhook issue's status, substatus, status
   * details and assignee first (what Sentry's API then shows), then the webhook is sent.
   */
  sentryIssueChange(action: string, data: Record<string, unknown>, actor?: Record<string, unknown>): Promise<number>;
  githubWebhook(event: string, payload: Record<string, unknown>): Promise<number>;
  /** Waits until no job is queued or running. */
  settle(): Promise<void>;
  issue(repo?: string, number?: number): ReturnType<typeof findIssue>;
  sentryIssue(id?: string): Record<string, unknown> | undefined;
  sentryWrites(): Array<{ method: string; path: string; json?: unknown }>;
  close(): Promise<void>;
}

function findIssue(github: GitHubEmulator, repo: string, number: number) {
  const r = github.state().repos.find((x) => x.full_name === repo);
  const issue = r?.issues.find((i) => i.number === number);
  if (!issue) throw new Error(`no issue ${repo}#${number} in the GitHub emulator`);
  return issue;
}

export const sentryUsers = [
  { id: 42, email: 'ana@example.com', name: 'Ana Lead', username: 'ana' },
  { id: 43, email: 'bo@example.com', name: 'Bo Dev', username: 'bo' },
];

export function baseSentrySeed(extra: EmulatorSeed = {}): EmulatorSeed {
  return {
    projects: [{ slug: 'web', id: 1, platform: 'javascript' }],
    installations: [{ uuid: INSTALLATION_UUID, org: ORG, app: { uuid: SENTRY_APP_UUID, slug: 'faultline' } }],
    users: sentryUsers,
    issues: [
      {
        id: ISSUE_ID,
        project: 'web',
        shortId: 'WEB-9',
        title: 'RangeError: Invalid time value',
        level: 'error',
        status: 'unresolved',
        metadata: { type: 'RangeError', value: 'Invalid time value' },
        count: '312',
        userCount: 40,
      },
    ],
    ...extra,
  };
}

export function baseGitHubSeed(extra: Partial<GitHubSeed> = {}): GitHubSeed {
  return {
    installations: [{ id: 1, account: 'acme', repos: [REPO, 'acme/other'] }],
    repos: [
      {
        full_name: REPO,
        commits: [
          {
            sha: sha(1),
            message: 'initial',
            author: { name: 'Ana', email: 'ana@example.com', login: 'ana-gh' },
            files: { '.github/faultline.yml': CONFIG_YAML, 'README.md': '# web\n' },
          },
        ],
        issues: [{ number: 1, title: '[error] RangeError: Invalid time value', body: 'triaged', state: 'open' }],
        collaborators: ['ana-gh', 'bo-gh', 'carol'],
      },
      {
        full_name: 'acme/other',
        commits: [
          {
            sha: sha(200),
            message: 'initial',
            author: { name: 'Ana', email: 'ana@example.com', login: 'ana-gh' },
            files: { 'README.md': '# other\n' },
          },
        ],
      },
    ],
    ...extra,
  };
}

export async function startWorld(
  opts: { sentrySeed?: EmulatorSeed; githubSeed?: GitHubSeed; link?: boolean; backend?: 'sqlite' | 'postgres' } = {},
): Promise<World> {
  const backend = await createBackend(opts.backend ?? 'sqlite');
  const base = await startAppWorld({
    sentrySeed: opts.sentrySeed ?? baseSentrySeed(),
    githubSeed: opts.githubSeed ?? baseGitHubSeed(),
    storage: backend.config,
    disposeStorage: () => backend.dispose(),
    configure: (config) => {
      config.github.webhookSecret = GH_SECRET;
    },
  });
  const { sentry, github, app } = base;
  const world: World = {
    ...base,
    sentryWebhook: (resource, action, data, actor) =>
      base.sendSentry(resource, action, data, { installation: INSTALLATION_UUID, actor }),
    async sentryIssueChange(action, data, actor) {
      const changed = data['issue'] as Record<string, unknown>;
      const id = String(changed['id']);
      const issue = sentry.state().issues.find((i) => i.id === id) ?? { id, project: 'web' };
      const fields = ['status', 'substatus', 'statusDetails', 'assignedTo'].filter((f) => f in changed);
      sentry.seed({ issues: [{ ...issue, ...Object.fromEntries(fields.map((f) => [f, changed[f]])) }] as never });
      return world.sentryWebhook('issue', action, data, actor);
    },
    async githubWebhook(event, payload) {
      const result = await github.deliverWebhook({
        url: `${app.url}/api/github/webhooks`,
        secret: GH_SECRET,
        event,
        payload: { installation: { id: 1 }, ...payload },
      });
      return result.status;
    },
    settle: () => base.settle(15_000),
    issue: (repo = REPO, number = 1) => findIssue(github, repo, number),
    sentryIssue: (id = ISSUE_ID) =>
      sentry.state().issues.find((i) => i.id === id) as Record<string, unknown> | undefined,
    sentryWrites: () =>
      sentry
        .state()
        .requests.filter((r) => r.method !== 'GET' && !r.path.startsWith('/__emulator'))
        .map((r) => ({ method: r.method, path: r.path, json: r.json })),
  };

  // The integration is installed (Sentry tells the app its org and app uuid), and triage linked issue 1.
  await base.install({ uuid: INSTALLATION_UUID, org: ORG, appUuid: SENTRY_APP_UUID });
  await world.settle();
  if (opts.link !== false) {
    await app.deps.store.linkIssue(
      {
        sentryIssueId: ISSUE_ID,
        installationUuid: INSTALLATION_UUID,
        githubRepo: REPO,
        githubIssueNumber: 1,
        externalIssueId: null,
      },
      Date.now(),
    );
  }
  return world;
}

/** A GitHub `issues` webhook payload for issue 1 of acme/web. */
export function issuesPayload(
  action: string,
  sender: { login: string; type?: string },
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    action,
    issue: { number: 1, title: 'x', state: action === 'closed' ? 'closed' : 'open', user: { login: 'ana-gh' } },
    repository: { full_name: REPO, name: 'web', owner: { login: 'acme' } },
    sender: { type: 'User', ...sender },
    ...extra,
  };
}
