// The demo's steps, in order, over one shared world: emulators, the app, the sample repository and what each step
// created. A step whose piece is missing from the tree throws StepUnavailable (skipped); any other error fails it.
import { existsSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { buildWebApp } from '../../examples/web-app/build.ts';
import { runDoctorCommand } from '../../src/cli/doctor-command.ts';
import { runBundledAction } from './action-runner.ts';
import { type DemoApp, demoPrivateKey, startDemoApp } from './app.ts';
import { CRASH, crashEvent, type SentryFrame, symbolicatedFrames } from './crash.ts';
import { renderDemoPage, type RenderedPost } from './html-page.ts';
import { createSampleRepo, exportCommits, type SampleCommit, type SampleRepo } from './sample-repo.ts';
import { type DemoSteps, StepUnavailable } from './steps.ts';

const execFileAsync = promisify(execFile);

export const ORG = 'acme';
export const PROJECT = 'web';
export const REPO = 'acme/shop';
const INSTALLATION_UUID = '5a2f0c8e-7d41-4b6a-9f3e-1c2d3e4f5a6b';
const GITHUB_INSTALLATION_ID = 31337;
const GITHUB_APP_ID = 4242;
const ACTIONS_TOKEN = 'ghs_demoActionsTokenForTheWorkflowRun0001';
const SENTRY_ISSUE_ID = '4711';
const PULL_NUMBER = 1;
const GRANT_CODE = 'demo-grant-code-0001';

/** What the demo needs of the Sentry emulator (emulators/sentry/server.ts). */
interface SentryEmulator {
  url: string;
  token: string;
  clientId: string;
  clientSecret: string;
  state(): {
    releases: Array<{ version: string; commits: unknown[]; deploys: Array<{ id: string; environment: string }> }>;
    bundles: Array<{ bundleId: string; release: string | null; files: Array<{ size: number }> }>;
    issues: Array<{ id: string; status: string }>;
    externalIssues: Array<{ issueId: string; webUrl: string }>;
  };
  seed(seed: Record<string, unknown>): void;
  inject(fault: { method?: string; path: string; times?: number; status?: number; body?: unknown }): void;
  close(): Promise<void>;
}

/** What the demo needs of the GitHub emulator (emulators/github/server.ts). */
interface GitHubEmulator {
  url: string;
  apiUrl: string;
  state(): {
    repos: Array<{
      full_name: string;
      issues: Array<{
        number: number;
        title: string;
        body: string | null;
        state: string;
        comments: Array<{ id: number; body: string }>;
      }>;
      pull_comments: Array<{ number: number; comments: Array<{ id: number; body: string }> }>;
    }>;
  };
  seed(seed: Record<string, unknown>): void;
  close(): Promise<void>;
}

export interface DemoWorld {
  root: string;
  dataDir: string;
  print(line: string): void;
  cleanups: Array<() => Promise<void>>;
  repo?: SampleRepo;
  merge?: SampleCommit;
  sentry?: SentryEmulator;
  github?: GitHubEmulator;
  app?: DemoApp;
  frames?: SentryFrame[];
  issue?: { number: number; title: string; body: string; url: string };
  prComment?: { pr: number; body: string; url: string };
  htmlPath?: string;
}

/** The Sentry emulator by name, as a real Sentry is reached (an IP address in a link is scrubbed as personal data). */
const sentryUrl = (world: DemoWorld): string => world.sentry?.url.replace('//127.0.0.1:', '//localhost:') ?? '';

const need = (world: DemoWorld, path: string, what: string): string => {
  const full = join(world.root, path);
  if (!existsSync(full)) throw new StepUnavailable(`${what} is not in this tree yet (${path})`);
  return full;
};

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

/** The app registers the handlers of a piece in app/index.ts; until then its steps cannot work. */
function appHandles(world: DemoWorld, piece: 'triage' | 'sync'): boolean {
  return readFileSync(join(world.root, 'app/index.ts'), 'utf8').includes(`./${piece}/`);
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
  const path = need(world, 'emulators/sentry/server.ts', 'the Sentry emulator');
  const mod = (await import(pathToFileURL(path).href)) as {
    startSentryEmulator(opts: { seed?: Record<string, unknown> }): Promise<SentryEmulator>;
  };
  const sentry = await mod.startSentryEmulator({
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
  const { repo, github, merge } = world;
  if (!repo || !github || !merge) throw new Error('the sample repository is missing');
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
  const path = need(world, 'emulators/github/server.ts', 'the GitHub emulator');
  const mod = (await import(pathToFileURL(path).href)) as {
    startGitHubEmulator(opts?: Record<string, unknown>): Promise<GitHubEmulator>;
  };
  const github = await mod.startGitHubEmulator();
  world.github = github;
  world.cleanups.push(() => github.close());
  await seedGitHub(world);
  return `${github.apiUrl} (app ${GITHUB_APP_ID} installed on ${REPO})`;
}

export async function startTheApp(world: DemoWorld): Promise<string> {
  if (!world.sentry || !world.github) throw new StepUnavailable('needs both emulators');
  const app = await startDemoApp({
    dataDir: join(world.dataDir, 'app'),
    appId: GITHUB_APP_ID,
    privateKey: demoPrivateKey(),
    githubRestUrl: world.github.apiUrl,
    sentryUrl: sentryUrl(world),
    sentryClientId: world.sentry.clientId,
    sentryClientSecret: world.sentry.clientSecret,
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

async function sendSentryWebhook(
  world: DemoWorld,
  resource: string,
  action: string,
  data: Record<string, unknown>,
): Promise<void> {
  const { sentry, app } = world;
  if (!sentry || !app) throw new Error('the Sentry emulator and the app must run');
  const res = await fetch(`${sentry.url}/__emulator/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      url: `${app.url}/sentry/webhook`,
      resource,
      action,
      data,
      installation: { uuid: INSTALLATION_UUID },
    }),
  });
  const result = (await res.json()) as { status?: number; body?: string; error?: string };
  if (!res.ok || result.status !== 202) {
    throw new Error(
      `the app answered the ${resource}.${action} webhook with ${result.status ?? res.status}: ${result.error ?? result.body ?? ''}`,
    );
  }
}

/** `dist/index.js` as committed is a placeholder until the action is bundled (npm run package). */
function bundledAction(world: DemoWorld): { entry: string; sourcemaps: boolean } {
  const entry = join(world.root, 'dist/index.js');
  const text = existsSync(entry) ? readFileSync(entry, 'utf8') : '';
  if (!text.includes('files_uploaded')) {
    throw new StepUnavailable('dist/index.js is not the bundled action yet (npm run package builds it)');
  }
  // Built before src/sourcemaps landed, the bundle refuses the sourcemaps input.
  return { entry, sourcemaps: text.includes('injectDebugIds') };
}

/**
 * Builds the sample app at `sha` and runs the bundled action on it. `shallow` checks out one commit only, as
 * actions/checkout does by default: the action then reads the commits since the last release from GitHub.
 */
async function release(world: DemoWorld, version: string, sha: string, opts: { shallow?: boolean } = {}) {
  const { repo, sentry } = world;
  if (!repo) throw new Error('the sample repository is missing');
  if (!sentry) throw new StepUnavailable('needs the Sentry emulator');
  const { entry, sourcemaps } = bundledAction(world);
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
      ...(sourcemaps ? { sourcemaps: 'dist', url_prefix: '~/' } : {}),
      url: sentryUrl(world),
      org: ORG,
      auth_token: sentry.token,
      github_token: ACTIONS_TOKEN,
    },
    github: {
      repository: REPO,
      sha,
      ref: 'refs/heads/main',
      apiUrl: world.github?.apiUrl ?? 'http://127.0.0.1:9',
      serverUrl: world.github?.url ?? 'https://github.com',
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
  const deploy = rel.deploys.find((d) => d.environment === 'production');
  if (run.outputs.release !== version)
    throw new Error(`output release is "${run.outputs.release}", expected ${version}`);
  const bytes = bundle?.files.reduce((n, f) => n + f.size, 0) ?? 0;
  return [
    `release ${version}: ${rel.commits.length} commits${opts.shallow ? ' (shallow clone: from the GitHub API)' : ''}`,
    deploy ? `deploy #${deploy.id} production` : 'no deploy',
    bundle
      ? `bundle ${bundle.bundleId.slice(0, 8)} (${bundle.files.length} files, ${(bytes / 1024).toFixed(1)} KB, ` +
        `${run.outputs.bytes_uploaded ?? '?'} B sent, ${run.outputs.chunks_skipped ?? '?'} chunks held)`
      : sourcemaps
        ? 'no bundle'
        : 'no source maps (this dist/ predates src/sourcemaps)',
    `action ${run.ms} ms`,
  ].join(', ');
}

export async function releaseOne(world: DemoWorld): Promise<string> {
  if (!world.repo) throw new Error('the sample repository is missing');
  return release(world, 'shop@1.0.0', world.repo.commits.bug.sha);
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
): ReturnType<typeof crashEvent> {
  if (!world.sentry || !world.frames) throw new Error('the Sentry emulator and release 1 are needed');
  const event = crashEvent({
    sentryUrl: sentryUrl(world),
    org: ORG,
    project: { id: '1', slug: PROJECT },
    issueId: SENTRY_ISSUE_ID,
    eventId,
    release,
    frames: world.frames,
    at: new Date(),
  });
  world.sentry.seed({
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

export async function alertToIssue(world: DemoWorld): Promise<string> {
  if (!world.app || !world.sentry || !world.github) throw new StepUnavailable('needs the app and both emulators');
  if (!appHandles(world, 'triage')) throw new StepUnavailable('triage is not registered in app/index.ts yet');
  if (!world.frames) throw new StepUnavailable('needs release 1 (its source maps symbolicate the crash)');
  const event = seedCrash(world, 'shop@1.0.0', 'c0ffee00c0ffee00c0ffee00c0ffee01', {
    count: '23',
    userCount: 9,
    firstRelease: { version: 'shop@1.0.0' },
  });
  await sendSentryWebhook(world, 'event_alert', 'triggered', {
    event,
    triggered_rule: 'New issue in web',
    issue_alert: { title: 'New issue in web', settings: [] },
  });
  const issue = await until('the GitHub issue', () => gitHubIssue(world, (i) => i.title.includes(CRASH.type)));
  world.issue = {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    url: `${world.github.url}/${REPO}/issues/${issue.number}`,
  };
  world.print(`    ── GitHub issue ${REPO}#${issue.number}: ${issue.title}`);
  for (const line of (issue.body ?? '').split('\n').slice(0, 40)) world.print(`    │ ${line}`);
  // The Sentry-side link is made right after the issue is opened.
  const link = await until(
    'the Sentry link',
    () => world.sentry?.state().externalIssues.find((e) => e.issueId === SENTRY_ISSUE_ID),
    5_000,
  ).catch(() => undefined);
  return `issue ${REPO}#${issue.number}${link ? `, linked back in Sentry (${link.webUrl})` : ''}`;
}

export async function resolveIssue(world: DemoWorld): Promise<string> {
  if (!world.issue || !world.sentry || !world.github) throw new StepUnavailable('needs the GitHub issue of the alert');
  if (!appHandles(world, 'sync')) throw new StepUnavailable('sync is not registered in app/index.ts yet');
  // The fix (commit C) ships; someone resolves the issue in Sentry, which tells the app.
  const res = await fetch(`${world.sentry.url}/api/0/organizations/${ORG}/issues/${SENTRY_ISSUE_ID}/`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${world.sentry.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'resolved' }),
  });
  if (!res.ok) throw new Error(`resolving Sentry issue ${SENTRY_ISSUE_ID} answered ${res.status}`);
  const issue = (await res.json()) as Record<string, unknown>;
  await sendSentryWebhook(world, 'issue', 'resolved', { issue: { ...issue, status: 'resolved' } });
  const number = world.issue.number;
  await until('the GitHub issue closing', () =>
    gitHubIssue(world, () => true) &&
    world.github?.state().repos[0]?.issues.find((i) => i.number === number)?.state === 'closed'
      ? true
      : undefined,
  );
  return `Sentry ${SENTRY_ISSUE_ID} resolved → ${REPO}#${number} closed`;
}

export async function releaseTwo(world: DemoWorld): Promise<string> {
  if (!world.repo || !world.merge) throw new Error('the sample repository is missing');
  const detail = await release(world, 'shop@1.1.0', world.merge.sha, { shallow: true });
  return `${detail} (merge of PR #${PULL_NUMBER} "${world.repo.commits.regression.message}")`;
}

export async function regressionToComment(world: DemoWorld): Promise<string> {
  if (!world.issue || !world.sentry || !world.github) throw new StepUnavailable('needs the GitHub issue of the alert');
  if (!appHandles(world, 'sync')) throw new StepUnavailable('sync is not registered in app/index.ts yet');
  if (!world.frames || !world.sentry.state().releases.some((r) => r.version === 'shop@1.1.0')) {
    throw new StepUnavailable('needs release 2');
  }
  seedCrash(world, 'shop@1.1.0', 'c0ffee00c0ffee00c0ffee00c0ffee02', {
    substatus: 'regressed',
    count: '31',
    userCount: 12,
    lastRelease: { version: 'shop@1.1.0' },
  });
  const issue = await (
    await fetch(`${world.sentry.url}/api/0/organizations/${ORG}/issues/${SENTRY_ISSUE_ID}/`, {
      headers: { authorization: `Bearer ${world.sentry.token}` },
    })
  ).json();
  await sendSentryWebhook(world, 'issue', 'unresolved', { issue });
  const comment = await until('the pull request comment', () => {
    const repo = world.github?.state().repos.find((r) => r.full_name === REPO);
    return repo?.pull_comments.find((p) => p.number === PULL_NUMBER)?.comments.at(-1);
  });
  const url = `${world.github.url}/${REPO}/pull/${PULL_NUMBER}#issuecomment-${comment.id}`;
  world.prComment = { pr: PULL_NUMBER, body: comment.body, url };
  world.print(`    ── comment on pull request ${REPO}#${PULL_NUMBER}`);
  for (const line of comment.body.split('\n').slice(0, 30)) world.print(`    │ ${line}`);
  const number = world.issue.number;
  const reopened = await until('the GitHub issue reopening', () =>
    gitHubIssue(world, (i) => i.number === number && i.state === 'open'),
  ).then(
    () => true,
    () => false,
  );
  return `comment on PR ${REPO}#${PULL_NUMBER}${reopened ? `; ${REPO}#${number} reopened` : ''}`;
}

export async function writeHtmlPage(world: DemoWorld): Promise<string> {
  const posts: RenderedPost[] = [];
  if (world.issue) {
    posts.push({
      heading: `Issue ${REPO}#${world.issue.number}`,
      url: world.issue.url,
      title: world.issue.title,
      markdown: world.issue.body,
    });
  }
  if (world.prComment) {
    posts.push({
      heading: `Comment on ${REPO}#${world.prComment.pr}`,
      url: world.prComment.url,
      markdown: world.prComment.body,
    });
  }
  if (posts.length === 0) throw new StepUnavailable('nothing was written to GitHub in this run');
  world.htmlPath = join(world.dataDir, 'faultline-demo.html');
  await writeFile(world.htmlPath, renderDemoPage(posts, { generatedAt: new Date().toISOString() }));
  return world.htmlPath;
}

/** `faultline doctor` against the demo's own setup: every check a team would run, green. */
export async function runDoctor(world: DemoWorld): Promise<string> {
  if (!world.app || !world.sentry || !world.github) throw new StepUnavailable('needs the app and both emulators');
  const lines: string[] = [];
  const host = new URL(world.github.url).host;
  const code = await runDoctorCommand([], {
    env: {
      SENTRY_URL: sentryUrl(world),
      SENTRY_AUTH_TOKEN: world.sentry.token,
      SENTRY_ORG: ORG,
      SENTRY_PROJECT: PROJECT,
      APP_ID: String(world.app.appId),
      PRIVATE_KEY: world.app.privateKey,
      WEBHOOK_SECRET: world.app.webhookSecret,
      SENTRY_CLIENT_ID: world.sentry.clientId,
      SENTRY_CLIENT_SECRET: world.sentry.clientSecret,
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
