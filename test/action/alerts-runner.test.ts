// `steps: alerts` in dist/index.js under the runner's conditions: on a pull request the plan goes to the job summary
// and one sticky comment (GitHub emulator), nothing is applied; on a push to the default branch the rules are
// applied in the Sentry emulator and counted in the outputs; a bad config fails naming its key.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GitHubEmulator, startGitHubEmulator } from '../../emulators/github/server.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { DEFAULT_INSTALLATION_UUID } from '../../emulators/sentry/state.ts';
import { type ActionRun, runBundledAction } from '../../scripts/demo/action-runner.ts';
import { PLAN_COMMENT_MARKER } from '../../src/action/alerts.ts';
import { CONTRACT_YAML } from '../alerts/fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = join(root, 'dist/index.js');
const REPO = 'acme/web';
const TOKEN = 'ghs_alertsRunnerTestToken0001';
const SHA = 'b'.repeat(40);

let sentry: SentryEmulator;
let github: GitHubEmulator;
let workspace: string;
beforeAll(async () => {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run package\` first`);
  sentry = await startSentryEmulator({
    seed: { installations: [{ uuid: DEFAULT_INSTALLATION_UUID, app: { slug: 'faultline' } }] },
  });
  github = await startGitHubEmulator({
    seed: {
      tokens: [{ token: TOKEN, login: 'github-actions[bot]', repos: [REPO] }],
      repos: [
        {
          full_name: REPO,
          commits: [{ sha: SHA, message: 'alerts', author: { name: 'Ana', email: 'ana@acme.example' } }],
          pulls: [{ number: 5, title: 'alerts: page on new issues', user: 'ana', head_sha: SHA }],
        },
      ],
    },
  });
  workspace = await mkdtemp(join(tmpdir(), 'faultline-alerts-runner-'));
  await mkdir(join(workspace, '.github'));
  await writeFile(join(workspace, '.github', 'faultline.yml'), CONTRACT_YAML);
});
afterAll(async () => {
  await Promise.all([sentry.close(), github.close(), rm(workspace, { recursive: true, force: true })]);
});

const visible = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

function run(event: { name: string; ref: string; payload: Record<string, unknown> }, inputs = {}): Promise<ActionRun> {
  return runBundledAction({
    node: process.execPath,
    entry,
    workspace,
    inputs: { steps: 'alerts', url: sentry.url, auth_token: sentry.token, github_token: TOKEN, ...inputs },
    github: {
      repository: REPO,
      sha: SHA,
      ref: event.ref,
      apiUrl: github.apiUrl,
      serverUrl: github.url,
      eventName: event.name,
      event: { repository: { full_name: REPO, default_branch: 'main' }, ...event.payload },
    },
    env: {},
  });
}

const pullRequest = { name: 'pull_request', ref: 'refs/pull/5/merge', payload: { pull_request: { number: 5 } } };
const pushToMain = { name: 'push', ref: 'refs/heads/main', payload: {} };
const planComments = () =>
  github
    .state()
    .repos.find((r) => r.full_name === REPO)
    ?.pull_comments.find((p) => p.number === 5)
    ?.comments.filter((c) => c.body.includes(PLAN_COMMENT_MARKER)) ?? [];

describe('dist/index.js with steps: alerts', () => {
  it('on a pull request: the plan in the job summary and one PR comment, nothing applied, no release', async () => {
    const result = await run(pullRequest);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('::group::alerts (plan, .github/faultline.yml)');
    expect(result.stdout).toContain('Alert rules (acme): 4 to create, 0 to update, 0 to delete, 0 unchanged');
    expect(result.summary).toContain('### Alert rules · acme');
    expect(result.summary).toContain('| + | create | metric | web | High error rate |');
    expect(result.outputs).toMatchObject({ alerts_created: '0', alerts_updated: '0', alerts_deleted: '0' });
    expect(sentry.state().issueAlertRules).toEqual([]);
    expect(sentry.state().releases).toEqual([]);
    expect(planComments()).toHaveLength(1);
    expect(planComments()[0]?.body).toContain('| + | create | issue | web | New issue in production |');
    expect(visible(result.stdout + result.stderr + result.summary)).not.toContain(sentry.token);
    expect(visible(result.stdout + result.stderr)).not.toContain(TOKEN);
  });

  it('on a push to the default branch: applies, prints what it did, and counts it in the outputs', async () => {
    const result = await run(pushToMain);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Alert rules (acme): 4 created, 0 updated, 0 deleted');
    expect(result.outputs).toMatchObject({ alerts_created: '4', alerts_updated: '0', alerts_deleted: '0' });
    expect(result.summary).toContain('**Applied:** 4 created, 0 updated, 0 deleted');
    const held = sentry.state();
    expect(held.issueAlertRules.map((r) => r.name).sort()).toEqual([
      'Error burst [faultline]',
      'New issue in production [faultline]',
      'Regression [faultline]',
    ]);
    expect(held.metricAlertRules.map((r) => r.name)).toEqual(['High error rate [faultline]']);
    expect(planComments()).toHaveLength(1); // a push writes no comment
  });

  it('the pull request pushed again: the same comment now says nothing changes; a re-run on main changes nothing', async () => {
    const result = await run(pullRequest);
    expect(result.exitCode).toBe(0);
    const comments = planComments();
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('0 to create, 0 to update, 0 to delete, 4 unchanged');
    const again = await run(pushToMain);
    expect(again.outputs).toMatchObject({ alerts_created: '0', alerts_updated: '0', alerts_deleted: '0' });
  });

  it('a token that may not comment (403) only warns', async () => {
    github.inject({ method: 'GET', path: '/issues/\\d+/comments$', status: 403, times: 1 });
    const result = await run(pullRequest);
    github.clearFaults();
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/::warning::github_token may not comment on pull request #5 \(403\)/);
    expect(result.summary).toContain('### Alert rules · acme');
  });

  it('a config Sentry would refuse (in working_directory) fails the run naming the key, before anything is sent', async () => {
    const other = await mkdtemp(join(tmpdir(), 'faultline-alerts-bad-'));
    await mkdir(join(other, 'site', '.github'), { recursive: true });
    await writeFile(
      join(other, 'site', '.github', 'faultline.yml'),
      'sentry: {org: acme, projects: [web]}\nalerts:\n  issue:\n    - name: Burst\n      when: [{events: 10, per: 7m}]\n      notify: [faultline]\n',
    );
    const result = await runBundledAction({
      node: process.execPath,
      entry,
      workspace: other,
      inputs: { steps: 'alerts', url: sentry.url, auth_token: sentry.token, working_directory: 'site' },
      github: { repository: REPO, sha: SHA, ref: 'refs/heads/main', apiUrl: github.apiUrl, serverUrl: github.url },
      env: {},
    });
    await rm(other, { recursive: true, force: true });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /::error::alerts: \.github\/faultline\.yml has a problem:.*alerts\.issue\[0\]\.when\[0\]/,
    );
    expect(result.summary).toContain('### ❌ Alert rules');
  });
});
