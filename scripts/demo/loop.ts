// The demo's steps, in order, over one shared world: emulators, the app, the sample repository and what each step
// created. A step that cannot do its part throws, naming what is wrong and what to do; the demo stops there.
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type GitHubEmulator, startGitHubEmulator } from '../../emulators/github/server.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { DEFAULT_INSTALLATION_UUID } from '../../emulators/sentry/state.ts';
import { sendWebhookToApp, sentryWebhookUrl } from '../../emulators/sentry/webhook-client.ts';
import { buildWebApp } from '../../examples/web-app/build.ts';
import { runDoctorCommand } from '../../src/cli/doctor-command.ts';
import { runBundledAction } from './action-runner.ts';
import { type DemoApp, demoPrivateKey, startDemoApp } from './app.ts';
import { CRASH, type CrashEvent, crashEvent, type SentryFrame, symbolicatedFrames } from './crash.ts';
import { renderDemoPage, type RenderedPost } from './html-page.ts';
import { createSampleRepo, exportCommits, SAMPLE_RULES, type SampleCommit, type SampleRepo } from './sample-repo.ts';
import type { DemoSteps } from './steps.ts';

const execFileAsync = promisify(execFile);

export const ORG = 'acme';
export const PROJECT = 'web';
export const REPO = 'acme/shop';
/** The emulator's own installation of faultline on acme (one per organization, as in Sentry), given a grant code. */
const INSTALLATION_UUID = DEFAULT_INSTALLATION_UUID;
const GITHUB_INSTALLATION_ID = 31337;
const GITHUB_APP_ID = 4242;
const ACTIONS_TOKEN = 'ghs_demoActionsTokenForTheWorkflowRun0001';
const SENTRY_ISSUE_ID = '4711';
const PULL_NUMBER = 1;
const GRANT_CODE = 'demo-grant-code-0001';

export interface DemoWorld {
  root: string;
  dataDir: string;
  /** The bundled action both releases run: `<root>/dist/index.js` unless the caller names another. */
  actionEntry: string;
  print(line: string): void;
  cleanups: Array<() => Promise<void>>;
  repo?: SampleRepo;
  merge?: SampleCommit;
  sentry?: SentryEmulator;
  github?: GitHubEmulator;
  app?: DemoApp;
  frames?: SentryFrame[];
  /** The Sentry ids of the alert rules the action applied from the sample config, by config name. */
  alertRules?: Record<string, string>;
  issue?: { number: number; title: string; body: string; url: string };
  prComment?: { pr: number; body: string; url: string };
  htmlPath?: string;
}

/** The Sentry emulator by name, as a real Sentry is reached (an IP address in a link is scrubbed as personal data). */
const sentryUrl = (world: DemoWorld): string => world.sentry?.url.replace('//127.0.0.1:', '//localhost:') ?? '';

/** What an earlier step made. Steps run in order and stop at the first failure, so only a wrong order misses it. */
function made<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing: the step that makes it has not run`);
  return value;
}

async function until<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function prepareRepository(world: DemoWorld): Promise<string> {
  world.repo = await createSampleRepo({
    examplesDir: join(world.root, 'examples/web-app'),
    dir: join(world.dataDir, 'shop'),
    fullName: REPO,
    sentryOrg: ORG,
    sentryProject: PROJECT,
  });
  // The pull request that brings the bug back is merged now: the GitHub emulator is seeded with the whole history
  // once (re-seeding a repository would drop the issues the app opens); each release checks out its own commit.
  world.merge = await world.repo.mergePullRequest(PULL_NUMBER);
  const c = world.repo.commits;
  return `${REPO}, 5 commits: bug ${c.bug.sha.slice(0, 7)}, fix ${c.fix.sha.slice(0, 7)}, PR #${PULL_NUMBER} ${c.regression.sha.slice(0, 7)} brings it back (${world.repo.dir})`;
}

export async function startSentry(world: DemoWorld): Promise<string> {
  const sentry = await startSentryEmulator({
    seed: {
      // faultline as a public integration installed on acme: Sentry hands the app a one-time grant code.
      installations: [{ uuid: INSTALLATION_UUID, org: ORG, app: { slug: 'faultline' }, code: GRANT_CODE }],
      users: [{ id: 7, email: 'ben@shop.example', name: 'Ben Okafor', username: 'ben' }],
    },
  });
  world.sentry = sentry;
  world.cleanups.push(() => sentry.close());
  return `${sentryUrl(world)} (org ${ORG}, project ${PROJECT})`;
}

/** The GitHub emulator's view of the sample repository: its whole history and the merged pull request. */
async function seedGitHub(world: DemoWorld): Promise<void> {
  const repo = made(world.repo, 'the sample repository');
  const merge = made(world.merge, 'the merge of the pull request');
  const github = made(world.github, 'the GitHub emulator');
  const c = repo.commits;
  const commits = await exportCommits(repo, [c.initial.sha, c.bug.sha, c.fix.sha, c.regression.sha, merge.sha]);
  github.seed({
    app: { id: GITHUB_APP_ID, slug: 'faultline', name: 'faultline' },
    installations: [{ id: GITHUB_INSTALLATION_ID, account: 'acme', repos: [REPO] }],
    tokens: [{ token: ACTIONS_TOKEN, login: 'github-actions[bot]', repos: [REPO] }],
    repos: [
      {
        full_name: REPO,
        default_branch: 'main',
        collaborators: ['ana-lima', 'ben-okafor'],
        commits,
        branches: { main: merge.sha, [repo.prBranch]: c.regression.sha },
        pulls: [
          {
            number: PULL_NUMBER,
            title: 'cart: simplify line totals',
            body: 'Prices are always loaded before checkout now, so the guard is not needed.',
            user: 'ben-okafor',
            head_sha: c.regression.sha,
            head_ref: repo.prBranch,
            base_ref: 'main',
            commits: [c.regression.sha],
            merged: true,
            state: 'closed',
            merge_commit_sha: merge.sha,
            created_at: commits.at(-2)?.date,
            merged_at: commits.at(-1)?.date,
          },
        ],
      },
    ],
  });
}

export async function startGitHub(world: DemoWorld): Promise<string> {
  const github = await startGitHubEmulator();
  world.github = github;
  world.cleanups.push(() => github.close());
  await seedGitHub(world);
  return `${github.apiUrl} (app ${GITHUB_APP_ID} installed on ${REPO})`;
}

export async function startTheApp(world: DemoWorld): Promise<string> {
  const sentry = made(world.sentry, 'the Sentry emulator');
  const github = made(world.github, 'the GitHub emulator');
  const app = await startDemoApp({
    dataDir: join(world.dataDir, 'app'),
    appId: GITHUB_APP_ID,
    privateKey: demoPrivateKey(),
    githubRestUrl: github.apiUrl,
    sentryUrl: sentryUrl(world),
    sentryClientId: sentry.clientId,
    sentryClientSecret: sentry.clientSecret,
  });
  world.app = app;
  world.cleanups.push(() => app.close());
  const ready = await fetch(`${app.url}/readyz`);
  if (!ready.ok) throw new Error(`the app is not ready: GET /readyz answered ${ready.status}`);
  // Installing the integration in Sentry: the app records the organization and exchanges the grant code for the
  // installation's own token, which it uses for every Sentry call it makes for acme.
  await sendSentryWebhook(world, 'installation', 'created', {
    installation: {
      uuid: INSTALLATION_UUID,
      status: 'installed',
      organization: { slug: ORG },
      app: { uuid: '0d3e8a4f-1b2c-4d5e-8f90-a1b2c3d4e5f6', slug: 'faultline' },
      code: GRANT_CODE,
    },
  });
  const store = app.running.deps.store;
  const installation = await until('the grant code exchange', async () => {
    const recorded = await store.getInstallation(INSTALLATION_UUID);
    return recorded?.token ? recorded : undefined;
  });
  return `${app.url} (SQLite in ${join(world.dataDir, 'app')}; /readyz ok; installed for Sentry org ${installation.orgSlug})`;
}

/** Sends the app a Sentry webhook, signed and delivered by the Sentry emulator as Sentry does; the app answers 202. */
async function sendSentryWebhook(
  world: DemoWorld,
  resource: string,
  action: string,
  data: Record<string, unknown>,
): Promise<void> {
  const sentry = made(world.sentry, 'the Sentry emulator');
  const app = made(world.app, 'the app');
  const answer = await sendWebhookToApp(sentry, app, { resource, action, data, installation: INSTALLATION_UUID });
  if (answer.status !== 202) {
    throw new Error(
      `the app answered the ${resource}.${action} webhook with ${answer.status}: ${answer.error ?? answer.body}`,
    );
  }
}

/** The bundled action, as `npm run package` builds it: without it there is nothing to release with. */
function bundledAction(world: DemoWorld): string {
  const entry = world.actionEntry;
  if (!existsSync(entry)) {
    const shown = relative(world.root, entry);
    const path = shown.startsWith('..') || isAbsolute(shown) ? entry : shown;
    throw new Error(`${path} is missing; run npm run package`);
  }
  return entry;
}

/**
 * Builds the sample app at `sha` and runs the bundled action on it. `shallow` checks out one commit only, as
 * actions/checkout does by default: the action then reads the commits since the last release from GitHub.
 */
async function release(world: DemoWorld, version: string, sha: string, opts: { shallow?: boolean } = {}) {
  const entry = bundledAction(world);
  const repo = made(world.repo, 'the sample repository');
  const sentry = made(world.sentry, 'the Sentry emulator');
  const github = made(world.github, 'the GitHub emulator');
  let workspace = repo.dir;
  if (opts.shallow) {
    workspace = join(world.dataDir, `checkout-${version.replace(/[^\w.-]/g, '_')}`);
    await repo.git('clone', '-q', '--depth', '1', '--branch', 'main', `file://${repo.dir}`, workspace);
    const head = (await execFileAsync('git', ['-C', workspace, 'rev-parse', 'HEAD'])).stdout.trim();
    if (head !== sha) throw new Error(`the shallow clone of main is at ${head}, expected ${sha}`);
    await execFileAsync('git', ['-C', workspace, 'remote', 'set-url', 'origin', `https://github.com/${REPO}.git`]);
  } else {
    await repo.git('checkout', '-q', sha);
  }
  const buildDir = join(workspace, 'dist');
  await rm(buildDir, { recursive: true, force: true });
  await buildWebApp(join(workspace, 'src'), buildDir);
  world.frames = await symbolicatedFrames(buildDir, workspace);
  const run = await runBundledAction({
    node: process.execPath,
    entry,
    workspace,
    inputs: {
      release: version,
      projects: PROJECT,
      environment: 'production',
      sourcemaps: 'dist',
      url_prefix: '~/',
      url: sentryUrl(world),
      org: ORG,
      auth_token: sentry.token,
      github_token: ACTIONS_TOKEN,
    },
    github: {
      repository: REPO,
      sha,
      ref: 'refs/heads/main',
      apiUrl: github.apiUrl,
      serverUrl: github.url,
    },
  });
  if (run.exitCode !== 0) {
    const tail = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-8).join('\n    ');
    throw new Error(`node dist/index.js exited ${run.exitCode}:\n    ${tail}`);
  }
  const state = sentry.state();
  const rel = state.releases.find((r) => r.version === version);
  if (!rel) throw new Error(`the action succeeded but Sentry has no release ${version}`);
  const bundle = state.bundles.find((b) => b.release === version);
  if (!bundle) throw new Error(`the action succeeded but Sentry has no artifact bundle for ${version}`);
  const deploy = rel.deploys.find((d) => d.environment === 'production');
  if (!deploy) throw new Error(`the action succeeded but Sentry has no production deploy of ${version}`);
  if (run.outputs.release !== version)
    throw new Error(`output release is "${run.outputs.release}", expected ${version}`);
  const bytes = bundle.files.reduce((n, f) => n + f.size, 0);
  return [
    `release ${version}: ${rel.commits.length} commits${opts.shallow ? ' (shallow clone: from the GitHub API)' : ''}`,
    `deploy #${deploy.id} production`,
    `bundle ${bundle.bundleId.slice(0, 8)} (${bundle.files.length} files, ${(bytes / 1024).toFixed(1)} KB, ` +
      `${run.outputs.bytes_uploaded ?? '?'} B sent, ${run.outputs.chunks_skipped ?? '?'} chunks held)`,
    `action ${run.ms} ms`,
  ].join(', ');
}

export async function releaseOne(world: DemoWorld): Promise<string> {
  return release(world, 'shop@1.0.0', made(world.repo, 'the sample repository').commits.bug.sha);
}

type EmulatedIssue = ReturnType<GitHubEmulator['state']>['repos'][number]['issues'][number];

function gitHubIssue(world: DemoWorld, predicate: (i: EmulatedIssue) => boolean): EmulatedIssue | undefined {
  return world.github
    ?.state()
    .repos.find((r) => r.full_name === REPO)
    ?.issues.find(predicate);
}

/** Seeds the Sentry emulator with the sample crash in `release` (its issue and one event) and returns the event. */
function seedCrash(
  world: DemoWorld,
  release: string,
  eventId: string,
  issueFields: Record<string, unknown>,
): CrashEvent {
  const sentry = made(world.sentry, 'the Sentry emulator');
  const frames = made(world.frames, 'the frames of release 1 (its source maps symbolicate the crash)');
  const event = crashEvent({
    sentryUrl: sentryUrl(world),
    org: ORG,
    project: { id: '1', slug: PROJECT },
    issueId: SENTRY_ISSUE_ID,
    eventId,
    release,
    frames,
    at: new Date(),
  });
  sentry.seed({
    issues: [
      {
        id: SENTRY_ISSUE_ID,
        project: PROJECT,
        shortId: 'WEB-1',
        title: event.title,
        culprit: event.culprit,
        level: 'error',
        status: 'unresolved',
        metadata: event.metadata,
        ...issueFields,
      },
    ],
    events: [{ ...event, issueId: SENTRY_ISSUE_ID, eventID: eventId, release }],
  });
  return event;
}

/**
 * The action with `steps: alerts` on a push to main: the alert rules of the sample's `.github/faultline.yml` are
 * created in Sentry, notifying faultline through its installation (no id copied anywhere).
 */
export async function applyAlertRules(world: DemoWorld): Promise<string> {
  const entry = bundledAction(world);
  const repo = made(world.repo, 'the sample repository');
  const sentry = made(world.sentry, 'the Sentry emulator');
  const github = made(world.github, 'the GitHub emulator');
  const merge = made(world.merge, 'the merge of the pull request');
  const run = await runBundledAction({
    node: process.execPath,
    entry,
    workspace: repo.dir,
    inputs: { steps: 'alerts', url: sentryUrl(world), auth_token: sentry.token, github_token: ACTIONS_TOKEN },
    github: {
      repository: REPO,
      sha: merge.sha,
      ref: 'refs/heads/main',
      apiUrl: github.apiUrl,
      serverUrl: github.url,
      event: { repository: { full_name: REPO, default_branch: 'main' } },
    },
  });
  if (run.exitCode !== 0) {
    const tail = `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-8).join('\n    ');
    throw new Error(`node dist/index.js (steps: alerts) exited ${run.exitCode}:\n    ${tail}`);
  }
  const held = sentry.state().issueAlertRules.filter((r) => r.project === PROJECT);
  const rules: Record<string, string> = {};
  for (const name of Object.values(SAMPLE_RULES)) {
    const rule = held.find((r) => r.name === `${name} [faultline]`);
    if (!rule) throw new Error(`the action succeeded but Sentry has no rule "${name} [faultline]" in ${PROJECT}`);
    if (!JSON.stringify(rule.actions).includes('"faultline"'))
      throw new Error(`the rule "${name}" does not notify faultline: ${JSON.stringify(rule.actions)}`);
    rules[name] = rule.id;
  }
  world.alertRules = rules;
  const names = Object.keys(rules).map((n) => `"${n}"`);
  return `${run.outputs.alerts_created ?? '?'} rules created in ${PROJECT} (${names.join(', ')}), notifying faultline; action ${run.ms} ms`;
}

/** Makes a rule the action applied fire for the Sentry issue: Sentry sends the app `event_alert.triggered`. */
async function fireRule(world: DemoWorld, name: string, issueId: string): Promise<void> {
  const sentry = made(world.sentry, 'the Sentry emulator');
  const app = made(world.app, 'the app');
  const id = made(world.alertRules, 'the alert rules the action applied')[name];
  if (!id) throw new Error(`no alert rule "${name}" was applied`);
  const res = await fetch(`${sentry.url}/__emulator/rules/${id}/fire`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ issueId, url: sentryWebhookUrl(app.url) }),
  });
  const answer = (await res.json()) as { deliveries?: Array<{ status: number }>; error?: string };
  const statuses = (answer.deliveries ?? []).map((d) => d.status);
  if (!res.ok || statuses.length === 0 || statuses.some((s) => s !== 202)) {
    throw new Error(
      `firing the rule "${name}" answered ${res.status} (${answer.error ?? `app answered ${statuses.join(', ') || 'nothing'}`})`,
    );
  }
}

export async function alertToIssue(world: DemoWorld): Promise<string> {
  const github = made(world.github, 'the GitHub emulator');
  seedCrash(world, 'shop@1.0.0', 'c0ffee00c0ffee00c0ffee00c0ffee01', {
    count: '23',
    userCount: 9,
    firstRelease: { version: 'shop@1.0.0' },
  });
  await fireRule(world, SAMPLE_RULES.newIssue, SENTRY_ISSUE_ID);
  const issue = await until('the GitHub issue', () => gitHubIssue(world, (i) => i.title.includes(CRASH.type)));
  world.issue = {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    url: `${github.url}/${REPO}/issues/${issue.number}`,
  };
  world.print(`    ── GitHub issue ${REPO}#${issue.number}: ${issue.title}`);
  for (const line of (issue.body ?? '').split('\n').slice(0, 40)) world.print(`    │ ${line}`);
  // The Sentry-side link is made right after the issue is opened.
  const link = await until(
    'the link back in Sentry',
    () => world.sentry?.state().externalIssues.find((e) => e.issueId === SENTRY_ISSUE_ID),
    5_000,
  );
  return `rule "${SAMPLE_RULES.newIssue}" fired → issue ${REPO}#${issue.number}, linked back in Sentry (${link.webUrl})`;
}

export async function resolveIssue(world: DemoWorld): Promise<string> {
  const sentry = made(world.sentry, 'the Sentry emulator');
  const number = made(world.issue, 'the GitHub issue of the alert').number;
  // The fix (commit C) ships; someone resolves the issue in Sentry, which tells the app.
  const res = await fetch(`${sentry.url}/api/0/organizations/${ORG}/issues/${SENTRY_ISSUE_ID}/`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${sentry.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'resolved' }),
  });
  if (!res.ok) throw new Error(`resolving Sentry issue ${SENTRY_ISSUE_ID} answered ${res.status}`);
  const issue = (await res.json()) as Record<string, unknown>;
  await sendSentryWebhook(world, 'issue', 'resolved', { issue: { ...issue, status: 'resolved' } });
  await until('the GitHub issue closing', () => gitHubIssue(world, (i) => i.number === number && i.state === 'closed'));
  return `Sentry ${SENTRY_ISSUE_ID} resolved → ${REPO}#${number} closed`;
}

export async function releaseTwo(world: DemoWorld): Promise<string> {
  const repo = made(world.repo, 'the sample repository');
  const merge = made(world.merge, 'the merge of the pull request');
  const detail = await release(world, 'shop@1.1.0', merge.sha, { shallow: true });
  return `${detail} (merge of PR #${PULL_NUMBER} "${repo.commits.regression.message}")`;
}

export async function regressionToComment(world: DemoWorld): Promise<string> {
  const sentry = made(world.sentry, 'the Sentry emulator');
  const github = made(world.github, 'the GitHub emulator');
  const number = made(world.issue, 'the GitHub issue of the alert').number;
  seedCrash(world, 'shop@1.1.0', 'c0ffee00c0ffee00c0ffee00c0ffee02', {
    substatus: 'regressed',
    count: '31',
    userCount: 12,
    lastRelease: { version: 'shop@1.1.0' },
  });
  const issue = await (
    await fetch(`${sentry.url}/api/0/organizations/${ORG}/issues/${SENTRY_ISSUE_ID}/`, {
      headers: { authorization: `Bearer ${sentry.token}` },
    })
  ).json();
  await sendSentryWebhook(world, 'issue', 'unresolved', { issue });
  const comment = await until('the pull request comment', () => {
    const repo = world.github?.state().repos.find((r) => r.full_name === REPO);
    return repo?.pull_comments.find((p) => p.number === PULL_NUMBER)?.comments.at(-1);
  });
  const url = `${github.url}/${REPO}/pull/${PULL_NUMBER}#issuecomment-${comment.id}`;
  world.prComment = { pr: PULL_NUMBER, body: comment.body, url };
  world.print(`    ── comment on pull request ${REPO}#${PULL_NUMBER}`);
  for (const line of comment.body.split('\n').slice(0, 30)) world.print(`    │ ${line}`);
  await until('the GitHub issue reopening', () => gitHubIssue(world, (i) => i.number === number && i.state === 'open'));
  return `comment on PR ${REPO}#${PULL_NUMBER}; ${REPO}#${number} reopened`;
}

export async function writeHtmlPage(world: DemoWorld): Promise<string> {
  const issue = made(world.issue, 'the GitHub issue of the alert');
  const prComment = made(world.prComment, 'the comment on the pull request');
  const posts: RenderedPost[] = [
    { heading: `Issue ${REPO}#${issue.number}`, url: issue.url, title: issue.title, markdown: issue.body },
    { heading: `Comment on ${REPO}#${prComment.pr}`, url: prComment.url, markdown: prComment.body },
  ];
  world.htmlPath = join(world.dataDir, 'faultline-demo.html');
  await writeFile(world.htmlPath, renderDemoPage(posts, { generatedAt: new Date().toISOString() }));
  return world.htmlPath;
}

/** `faultline doctor` against the demo's own setup: every check a team would run, green. */
export async function runDoctor(world: DemoWorld): Promise<string> {
  const app = made(world.app, 'the app');
  const sentry = made(world.sentry, 'the Sentry emulator');
  const github = made(world.github, 'the GitHub emulator');
  const lines: string[] = [];
  const host = new URL(github.url).host;
  const code = await runDoctorCommand([], {
    env: {
      SENTRY_URL: sentryUrl(world),
      SENTRY_AUTH_TOKEN: sentry.token,
      SENTRY_ORG: ORG,
      SENTRY_PROJECT: PROJECT,
      APP_ID: String(app.appId),
      PRIVATE_KEY: app.privateKey,
      WEBHOOK_SECRET: app.webhookSecret,
      SENTRY_CLIENT_ID: sentry.clientId,
      SENTRY_CLIENT_SECRET: sentry.clientSecret,
      FAULTLINE_DATA_DIR: join(world.dataDir, 'app'),
      GHE_HOST: host,
      GHE_PROTOCOL: 'http',
    },
    cwd: world.dataDir,
    stdout: (line) => lines.push(...line.split('\n')),
    stderr: (line) => lines.push(line),
  });
  for (const line of lines) world.print(`    │ ${line}`);
  if (code !== 0)
    throw new Error(`faultline doctor exited ${code}: ${lines.filter((l) => l.includes('✗')).join('; ')}`);
  return lines.find((l) => /passed, \d+ failed/.test(l)) ?? 'all checks passed';
}

/** Every step in order, by name. */
export const DEMO_STEPS: ReadonlyArray<readonly [string, (world: DemoWorld) => Promise<string>]> = [
  ['prepare the sample repository', prepareRepository],
  ['start the Sentry emulator', startSentry],
  ['start the GitHub emulator', startGitHub],
  ['start the app', startTheApp],
  ['release 1 with the bundled action', releaseOne],
  ['alert rules from the repository, applied by the bundled action', applyAlertRules],
  ['alert → GitHub issue', alertToIssue],
  ['resolve', resolveIssue],
  ['release 2 from a PR that brings the error back', releaseTwo],
  ['regression → PR comment', regressionToComment],
  ['faultline doctor on this setup', runDoctor],
  ['write the HTML page', writeHtmlPage],
];

/** Runs the steps through DemoSteps; `beforeStep` lets tests break a step on purpose (a fault in an emulator). */
export async function runLoop(
  world: DemoWorld,
  steps: DemoSteps,
  beforeStep?: (name: string, world: DemoWorld) => void | Promise<void>,
): Promise<void> {
  for (const [name, step] of DEMO_STEPS) {
    await steps.run(name, async () => {
      await beforeStep?.(name, world);
      return step(world);
    });
  }
}
