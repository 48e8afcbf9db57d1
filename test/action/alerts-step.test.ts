// `steps: alerts` without a runner: which events plan and which apply, the sticky comment (found by its marker,
// edited in place, a 403 only warns), the outputs, and the settings' errors. Sentry and GitHub are in-memory fakes.
import { describe, expect, it } from 'vitest';
import {
  alertsConfigPath,
  alertsMode,
  alertsOutputs,
  alertsSentryClient,
  PLAN_COMMENT_MARKER,
  runAlertsStep,
  type AlertsStepDeps,
} from '../../src/action/alerts.ts';
import { type OctokitRequest, upsertStickyComment } from '../../src/action/sticky-comment.ts';
import { type AlertsClient, parseAlertsConfig } from '../../src/alerts/index.ts';
import type { IssueAlertRule, IssueAlertRuleBody } from '../../src/sentry/index.ts';

const CONFIG = parseAlertsConfig(`sentry:
  org: acme
  projects: [web]
alerts:
  issue:
    - name: New issue in production
      when: [new-issue]
      environment: production
      notify: [faultline]
    - name: Regression
      when: [regression]
      notify: [faultline]
`);

/** Sentry holding issue rules in memory, with faultline installed on the organization. */
function fakeSentry() {
  const rules: Array<IssueAlertRule & { project: string }> = [];
  let next = 100;
  const client = {
    org: 'acme',
    listSentryAppInstallations: async () => [
      { uuid: 'inst-1', status: 'installed', app: { uuid: 'app-1', slug: 'faultline' } },
    ],
    listOrganizationIntegrations: async () => [],
    listAvailableMetricActions: async () => [],
    listTeams: async () => [],
    listMembers: async () => [],
    listIssueAlertRules: async (project: string) => rules.filter((r) => r.project === project).map((r) => ({ ...r })),
    createIssueAlertRule: async (project: string, body: IssueAlertRuleBody) => {
      const rule = { ...body, id: String(next++), project } as IssueAlertRule & { project: string };
      rules.push(rule);
      return rule;
    },
    updateIssueAlertRule: async (project: string, id: string, body: IssueAlertRuleBody) => {
      const rule = rules.find((r) => r.id === id)!;
      Object.assign(rule, body);
      return rule;
    },
    deleteIssueAlertRule: async (_project: string, id: string) => {
      rules.splice(
        rules.findIndex((r) => r.id === id),
        1,
      );
    },
    listMetricAlertRules: async () => [],
    createMetricAlertRule: async () => {
      throw new Error('no metric rules here');
    },
    updateMetricAlertRule: async () => {
      throw new Error('no metric rules here');
    },
    deleteMetricAlertRule: async () => {},
  } as unknown as AlertsClient;
  return { client, rules };
}

interface Comment {
  id: number;
  body: string;
}

/** GitHub's issue comments API for one pull request; `refuse` answers every call with that status. */
function fakeGitHub(opts: { comments?: Comment[]; refuse?: number } = {}) {
  const comments = opts.comments ?? [];
  const calls: string[] = [];
  const request: OctokitRequest = async (route, params) => {
    calls.push(route);
    if (opts.refuse) throw Object.assign(new Error(`HTTP ${opts.refuse}`), { status: opts.refuse });
    if (route === 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments') {
      const page = Number(params.page ?? 1);
      const size = Number(params.per_page ?? 30);
      return { data: comments.slice((page - 1) * size, page * size) };
    }
    if (route === 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments') {
      const comment = { id: 9000 + comments.length, body: String(params.body) };
      comments.push(comment);
      return { data: comment };
    }
    if (route === 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}') {
      const comment = comments.find((c) => c.id === params.comment_id)!;
      comment.body = String(params.body);
      return { data: comment };
    }
    throw new Error(`unexpected ${route}`);
  };
  return { request, comments, calls };
}

function deps(client: AlertsClient, github?: ReturnType<typeof fakeGitHub>) {
  const log: string[] = [];
  const warnings: string[] = [];
  const summaries: string[] = [];
  const d: AlertsStepDeps = {
    client: () => client,
    github: github ? { request: github.request, repository: 'acme/web' } : undefined,
    log: (line) => log.push(line),
    warn: (line) => warnings.push(line),
    summary: async (markdown) => {
      summaries.push(markdown);
    },
  };
  return { deps: d, log, warnings, summaries };
}

const SHA = 'abc1234def5678abc1234def5678abc1234def56';
const PR = { kind: 'plan', pullRequest: 7, reason: 'pull request #7: planned, applied when merged' } as const;

describe('alertsMode', () => {
  const repository = { default_branch: 'main' };
  it('plans on pull requests, naming the number', () => {
    expect(alertsMode('pull_request', 'refs/pull/7/merge', { pull_request: { number: 7 }, repository })).toEqual(PR);
    expect(alertsMode('pull_request_target', 'refs/heads/main', { pull_request: { number: 3 } })).toMatchObject({
      kind: 'plan',
      pullRequest: 3,
    });
  });

  it('applies on a push to the default branch only', () => {
    expect(alertsMode('push', 'refs/heads/main', { repository })).toEqual({ kind: 'apply', branch: 'main' });
    expect(alertsMode('push', 'refs/heads/feature', { repository })).toEqual({
      kind: 'plan',
      pullRequest: undefined,
      reason: 'a push to feature: planned only (rules are applied on pushes to the default branch main)',
    });
    expect(alertsMode('push', 'refs/tags/v1.0.0', { repository })).toMatchObject({ kind: 'plan' });
  });

  it('plans on other events, and on a push whose payload names no default branch', () => {
    expect(alertsMode('workflow_dispatch', 'refs/heads/main', { repository })).toMatchObject({
      kind: 'plan',
      reason: expect.stringMatching(/^a workflow_dispatch event: planned only/),
    });
    expect(alertsMode('push', 'refs/heads/main', {})).toMatchObject({ kind: 'plan' });
  });
});

describe('runAlertsStep on a pull request', () => {
  it('writes the plan to the job summary and one sticky comment, edited in place on the next run', async () => {
    const sentry = fakeSentry();
    const github = fakeGitHub({ comments: [{ id: 1, body: 'LGTM' }] });
    const first = deps(sentry.client, github);
    const result = await runAlertsStep({ config: CONFIG, mode: PR, sha: SHA }, first.deps);
    expect(result.plan.counts).toMatchObject({ create: 2, update: 0, delete: 0 });
    expect(result.applied).toEqual([]);
    expect(sentry.rules).toEqual([]); // planned, not applied
    expect(first.summaries).toHaveLength(1);
    expect(first.summaries[0]).toContain('### Alert rules · acme');
    expect(first.summaries[0]).toContain('| + | create | issue | web | New issue in production |');
    expect(first.log.join('\n')).toContain('pull request #7: planned, applied when merged');
    expect(result.comment).toEqual({ action: 'created', id: 9001 });
    const comment = github.comments[1]!;
    expect(comment.body.startsWith(PLAN_COMMENT_MARKER)).toBe(true);
    expect(comment.body).toContain('| + | create | issue | web | Regression |');
    expect(comment.body).toContain('applies these changes when this pull request is merged (planned at abc1234)');

    // the pull request is pushed again after the rules were applied: the same comment now says nothing changes
    await runAlertsStep(
      { config: CONFIG, mode: { kind: 'apply', branch: 'main' }, sha: SHA },
      deps(sentry.client).deps,
    );
    const second = await runAlertsStep({ config: CONFIG, mode: PR, sha: SHA }, deps(sentry.client, github).deps);
    expect(second.comment).toEqual({ action: 'updated', id: 9001 });
    expect(github.comments).toHaveLength(2);
    expect(github.comments[1]!.body).toContain('0 to create, 0 to update, 0 to delete, 2 unchanged');
    expect(github.calls.filter((c) => c.startsWith('PATCH'))).toHaveLength(1);
  });

  it('warns, without failing, when the token may not comment (403)', async () => {
    const github = fakeGitHub({ refuse: 403 });
    const run = deps(fakeSentry().client, github);
    const result = await runAlertsStep({ config: CONFIG, mode: PR, sha: SHA }, run.deps);
    expect(result.comment).toBeUndefined();
    expect(run.summaries[0]).toContain('2 to create');
    expect(run.warnings).toEqual([
      expect.stringMatching(/github_token may not comment on pull request #7 \(403\).*pull-requests: write/),
    ]);
  });

  it('fails on other GitHub errors, and plans into the summary alone without a token', async () => {
    await expect(
      runAlertsStep(
        { config: CONFIG, mode: PR, sha: SHA },
        deps(fakeSentry().client, fakeGitHub({ refuse: 500 })).deps,
      ),
    ).rejects.toMatchObject({ status: 500 });
    const run = deps(fakeSentry().client);
    await runAlertsStep({ config: CONFIG, mode: PR, sha: SHA }, run.deps);
    expect(run.log).toContain('no github_token: the plan is in the job summary only');
    expect(run.summaries).toHaveLength(1);
  });
});

describe('runAlertsStep on the default branch', () => {
  it('applies, prints what it did, and counts it in the outputs; a second run changes nothing', async () => {
    const sentry = fakeSentry();
    const github = fakeGitHub();
    const run = deps(sentry.client, github);
    const mode = { kind: 'apply', branch: 'main' } as const;
    const result = await runAlertsStep({ config: CONFIG, mode, sha: SHA }, run.deps);
    expect(sentry.rules.map((r) => r.name)).toEqual(['New issue in production [faultline]', 'Regression [faultline]']);
    expect(alertsOutputs(result.applied)).toEqual({ alerts_created: '2', alerts_updated: '0', alerts_deleted: '0' });
    expect(run.log.join('\n')).toMatch(/Alert rules \(acme\): 2 created, 0 updated, 0 deleted/);
    expect(run.summaries[0]).toContain('**Applied:** 2 created, 0 updated, 0 deleted');
    expect(github.calls).toEqual([]); // no comment on a push

    const again = await runAlertsStep({ config: CONFIG, mode, sha: SHA }, deps(sentry.client).deps);
    expect(alertsOutputs(again.applied)).toEqual({ alerts_created: '0', alerts_updated: '0', alerts_deleted: '0' });
  });
});

describe('upsertStickyComment', () => {
  it('finds its comment on a later page', async () => {
    const comments = Array.from({ length: 130 }, (_, i) => ({ id: i + 1, body: `comment ${i + 1}` }));
    comments[120]!.body = `${PLAN_COMMENT_MARKER}\nold plan`;
    const github = fakeGitHub({ comments });
    const done = await upsertStickyComment(
      github.request,
      'acme/web',
      7,
      PLAN_COMMENT_MARKER,
      `${PLAN_COMMENT_MARKER}\nnew`,
    );
    expect(done).toEqual({ action: 'updated', id: 121 });
    expect(comments[120]!.body).toBe(`${PLAN_COMMENT_MARKER}\nnew`);
    expect(comments).toHaveLength(130);
  });
});

describe('settings', () => {
  it('reads .github/faultline.yml in the working directory', () => {
    expect(alertsConfigPath('/ws', '')).toEqual({
      path: '/ws/.github/faultline.yml',
      shownAs: '.github/faultline.yml',
    });
    expect(alertsConfigPath('/ws', 'site')).toEqual({
      path: '/ws/site/.github/faultline.yml',
      shownAs: '.github/faultline.yml',
    });
  });

  it("refuses an org input that disagrees with the config's, and a missing token", () => {
    expect(() => alertsSentryClient({ url: '', org: 'other', token: 't' }, {}, CONFIG, 'ua')).toThrow(
      /org input \(or SENTRY_ORG\) is "other" but the config says sentry.org: acme/,
    );
    expect(() => alertsSentryClient({ url: '', org: '', token: '' }, {}, CONFIG, 'ua')).toThrow(/no Sentry auth token/);
    const client = alertsSentryClient(
      { url: '', org: '', token: '' },
      { SENTRY_AUTH_TOKEN: 'env-token', SENTRY_URL: 'https://s.example' },
      CONFIG,
      'ua',
    );
    expect(client.org).toBe('acme');
    expect(client.baseUrl).toMatch(/^https:\/\/s\.example/);
  });
});
