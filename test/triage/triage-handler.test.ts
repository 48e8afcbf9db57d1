// The triage handler against in-memory GitHub and Sentry ports and a real SQLite store: the claim protocol's edges.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SentryWebhookContext } from '../../app/intake/sentry-webhook-job.ts';
import { memoryLog } from '../../app/log.ts';
import { openStore, type SqlStore, sqliteFileIn } from '../../app/store/index.ts';
import { parseRepoConfig } from '../../app/services/repo-config.ts';
import { UnknownInstallationError } from '../../app/services/sentry.ts';
import type { RepoApi } from '../../app/triage/github.ts';
import { findIssueMarker } from '../../app/services/markers.ts';
import { LinkPendingError, type SentryApi, type TriageDeps, triageHandler } from '../../app/triage/triage.ts';
import { alertData, INSTALLATION, ISSUE_ID } from './world.ts';

const SHA = '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39';

function fakeRepo(opts: { failCreate?: number; loseCreateAnswer?: number } = {}) {
  const issues: Array<{ number: number; title: string; body: string; labels: string[]; assignees: string[] }> = [];
  let failures = opts.failCreate ?? 0;
  let lostAnswers = opts.loseCreateAnswer ?? 0;
  const repo: RepoApi = {
    fullName: 'acme/web',
    info: async () => ({
      fullName: 'acme/web',
      owner: 'acme',
      name: 'web',
      htmlUrl: 'https://github.com/acme/web',
      defaultBranch: 'main',
    }),
    config: async () => undefined,
    commitSha: async (ref) => (ref === 'main' ? SHA : undefined),
    tree: async () => new Set(['src/billing/invoice.ts', 'src/routes/invoices.ts']),
    file: async () => undefined,
    codeowners: async () => undefined,
    commitsTouching: async () => [],
    commitsBetween: async () => undefined,
    pullsOf: async () => [],
    assignable: async (logins) => [...logins],
    findIssueBySentryId: async (id) => {
      const hit = issues.find((i) => findIssueMarker(i.body) === id);
      return (
        hit && {
          number: hit.number,
          htmlUrl: `https://github.com/acme/web/issues/${hit.number}`,
          body: hit.body,
          state: 'open',
        }
      );
    },
    getIssue: async (n) => {
      const hit = issues.find((i) => i.number === n);
      return hit && { number: n, htmlUrl: `https://github.com/acme/web/issues/${n}`, body: hit.body, state: 'open' };
    },
    createIssue: async (issue) => {
      if (failures > 0) {
        failures--;
        throw Object.assign(new Error('Server Error'), { status: 502 });
      }
      const number = issues.length + 1;
      issues.push({ number, ...issue });
      if (lostAnswers > 0) {
        lostAnswers--;
        throw new Error('GitHub did not answer within 10000 ms'); // opened, but nobody heard back
      }
      return { number, htmlUrl: `https://github.com/acme/web/issues/${number}`, body: issue.body, state: 'open' };
    },
    updateIssueBody: async (n, body) => {
      issues.find((i) => i.number === n)!.body = body;
    },
    comment: async () => {},
    closeIssue: async () => {},
  };
  return { repo, issues };
}

const sentryApi = (): SentryApi & { links: number } => ({
  org: 'acme',
  links: 0,
  getIssue: async () => ({
    id: ISSUE_ID,
    shortId: 'WEB-9',
    title: 'x',
    status: 'unresolved',
    project: { id: '1', slug: 'web' },
    count: '3',
  }),
  getLatestEvent: async () => {
    throw Object.assign(new Error('not found'), { status: 404 });
  },
  getRelease: async () => undefined,
  previousReleaseWithCommits: async () => undefined,
  async createExternalIssue() {
    this.links++;
    return { id: `ext-${this.links}` };
  },
});

function parseConfigOrThrow() {
  const parsed = parseRepoConfig({ sentry: { org: 'acme', projects: ['web'] }, paths: [] });
  if (!parsed.ok) throw new Error('config');
  return parsed.config;
}

describe('triageHandler (in-memory ports)', () => {
  let dir: string;
  let store: SqlStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faultline-triage-unit-'));
    store = await openStore({ kind: 'sqlite', file: sqliteFileIn(dir) });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function setup(repo: RepoApi, overrides: Partial<TriageDeps> = {}, extra: Record<string, unknown> = {}) {
    const parsed = parseRepoConfig({
      sentry: { org: 'acme', projects: ['web'] },
      paths: [{ from: 'webpack://web/./', to: '' }],
      ...extra,
    });
    if (!parsed.ok) throw new Error('config');
    const api = sentryApi();
    const log = memoryLog();
    const deps: TriageDeps = {
      store,
      log,
      now: Date.now,
      directory: {
        route: async (org, project) => (org === 'acme' && project === 'web' ? [{ repo, config: parsed.config }] : []),
      },
      sentryFor: async (uuid) => {
        if (uuid !== INSTALLATION) throw new UnknownInstallationError(uuid);
        return api;
      },
      sentryIssueUrl: (org, id) => `https://sentry.io/organizations/${org}/issues/${id}/`,
      waitForLinkMs: 300,
      ...overrides,
    };
    const handler = triageHandler(deps);
    const ctx = {
      log,
      delivery: { resource: 'event_alert' },
      signal: new AbortController().signal,
    } as unknown as SentryWebhookContext;
    const run = (installation = INSTALLATION, data = alertData()) =>
      handler({ action: 'triggered', installation: { uuid: installation }, data }, ctx);
    return { run, api, log };
  }

  it('drops an alert from an installation it never recorded, touching nothing', async () => {
    const { repo, issues } = fakeRepo();
    const { run, log } = setup(repo);
    await run('unknown-installation');
    expect(issues).toHaveLength(0);
    expect(await store.getLink(ISSUE_ID)).toBeUndefined();
    expect(log.lines.some((l) => l.message?.includes('no record of'))).toBe(true);
  });

  it('opens one issue, links back once, and only updates on the next alert', async () => {
    const { repo, issues } = fakeRepo();
    const { run, api } = setup(repo);
    await run();
    await run();
    expect(issues).toHaveLength(1);
    expect(issues[0]!.title).toBe('[error] RangeError: Invalid time value');
    expect(api.links).toBe(1);
    expect(await store.getLink(ISSUE_ID)).toMatchObject({ githubIssueNumber: 1, externalIssueId: 'ext-1' });
  });

  it('links again after a lost answer: Sentry updates the link it has (200), which counts as done', async () => {
    const { repo, issues } = fakeRepo();
    const { run, api } = setup(repo);
    const sent: Array<{ identifier: string }> = [];
    api.createExternalIssue = async (_uuid, body) => {
      sent.push(body);
      return { id: 'ext-1' } as never; // the same link, updated in place
    };
    await run();
    expect(issues).toHaveLength(1);
    expect(sent).toEqual([expect.objectContaining({ identifier: '1' })]); // Sentry shows `acme/web#1`
    expect(await store.getMark('triage-external-link', ISSUE_ID)).toBeDefined();
    expect(await store.getLink(ISSUE_ID)).toMatchObject({ externalIssueId: 'ext-1' });
  });

  it('judges ignore rules on the event as Sentry sent it, before scrubbing', async () => {
    const { repo, issues } = fakeRepo();
    const { run } = setup(repo, {}, { ignore: [{ message: 'for qa-bot@example\\.com$' }] });
    const data = alertData();
    const exception = (data.event as { exception: { values: Array<{ value: string }> } }).exception.values[0]!;
    exception.value = 'Invalid time value for qa-bot@example.com';
    await run(INSTALLATION, data);
    expect(issues).toHaveLength(0);
    expect(await store.getLink(ISSUE_ID)).toBeUndefined();
  });

  it('gives the claim back when GitHub fails, so the retry opens the issue', async () => {
    const { repo, issues } = fakeRepo({ failCreate: 1 });
    const { run } = setup(repo);
    await expect(run()).rejects.toMatchObject({ status: 502 });
    expect(await store.getLink(ISSUE_ID)).toBeUndefined();
    await run();
    expect(issues).toHaveLength(1);
  });

  it('after a lost answer to an issue creation, a later issue.created job finds the issue by its marker', async () => {
    const { repo, issues } = fakeRepo({ loseCreateAnswer: 1 });
    const { log } = setup(repo);
    const handler = triageHandler({
      store,
      log,
      now: Date.now,
      directory: { route: async () => [{ repo, config: parseConfigOrThrow() }] },
      sentryFor: async () => sentryApi(),
      sentryIssueUrl: (org, id) => `https://sentry.io/organizations/${org}/issues/${id}/`,
    });
    const created = {
      action: 'created',
      installation: { uuid: INSTALLATION },
      data: { issue: { id: ISSUE_ID, shortId: 'WEB-9', title: 'x', project: { id: '1', slug: 'web' } } },
    };
    // Two jobs, each on its first attempt: the repeat of issue.created re-armed after the first job had started.
    const ctx = {
      log,
      attempt: 1,
      delivery: { resource: 'issue' },
      signal: new AbortController().signal,
    } as unknown as SentryWebhookContext;
    await expect(handler(created, ctx)).rejects.toThrow(/did not answer/);
    await handler(created, ctx);
    expect(issues).toHaveLength(1);
    expect(await store.getLink(ISSUE_ID)).toMatchObject({ githubIssueNumber: issues[0]!.number });
  });

  it('waits for another worker creating the issue, then asks to be retried; a stale claim is taken over', async () => {
    const { repo, issues } = fakeRepo();
    const { run } = setup(repo, { staleLinkMs: 60_000 });
    const pending = {
      sentryIssueId: ISSUE_ID,
      installationUuid: INSTALLATION,
      githubRepo: 'acme/web',
      githubIssueNumber: 0,
      externalIssueId: null,
    };
    await store.linkIssue(pending, Date.now());
    const started = Date.now();
    await expect(run()).rejects.toBeInstanceOf(LinkPendingError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(issues).toHaveLength(0);

    await store.deleteLink(ISSUE_ID);
    await store.linkIssue(pending, Date.now() - 120_000);
    await run();
    expect(issues).toHaveLength(1);
    expect((await store.getLink(ISSUE_ID))?.githubIssueNumber).toBe(1);
  });
});
