// Three real app processes (`npm start`'s app/main.ts) on one PostgreSQL, 200 concurrent alerts for one Sentry issue
// spread round-robin over them: exactly one GitHub issue. Runs when DATABASE_URL is set (CI starts PostgreSQL).
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import type { SqlStore } from '../../app/store/index.ts';
import { createBackend, type TestBackend } from '../app/backends.ts';
import { testPrivateKey, until } from '../app/helpers.ts';
import { type GitHubEmulator, startGitHubEmulator } from '../../emulators/github/server.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { sendWebhookToApp } from '../../emulators/sentry/webhook-client.ts';
import { alertData, githubSeed, INSTALLATION, ISSUE_ID, ORG, REPO, sentrySeed } from './world.ts';

function startAppProcess(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', 'app/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /faultline listening on (http:\/\/[^\s"]+)/.exec(out);
      if (match) {
        clearInterval(timer);
        resolve({ child, url: match[1]!, output: () => out });
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`app process exited with ${code} before listening:\n${out.slice(-2000)}`));
    });
  });
}

describe.runIf(Boolean(process.env.DATABASE_URL))('triage with 3 app processes on PostgreSQL', () => {
  let backend: TestBackend | undefined;
  let store: SqlStore | undefined;
  let sentry: SentryEmulator | undefined;
  let github: GitHubEmulator | undefined;
  const apps: ChildProcess[] = [];
  afterAll(async () => {
    await Promise.all(
      apps.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await store?.close();
    await backend?.dispose();
    await Promise.all([sentry?.close(), github?.close()]);
  });

  it('200 concurrent alerts for one Sentry issue, round-robin over 3 processes → one GitHub issue', async () => {
    backend = await createBackend('postgres');
    store = await backend.open();
    sentry = await startSentryEmulator({ seed: sentrySeed() });
    github = await startGitHubEmulator({ seed: githubSeed() });
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      APP_ID: '1',
      PRIVATE_KEY: testPrivateKey(),
      WEBHOOK_SECRET: 'gh-webhook-secret',
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
      SENTRY_URL: sentry.url,
      SENTRY_CLIENT_SECRET: sentry.clientSecret,
      SENTRY_AUTH_TOKEN: sentry.token,
      SENTRY_ORG: sentry.org,
      DATABASE_URL: backend.env.DATABASE_URL,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      FAULTLINE_WORKER_CONCURRENCY: '4',
    };
    const running = await Promise.all([0, 1, 2].map(() => startAppProcess(env)));
    apps.push(...running.map((r) => r.child));

    const send = async (url: string, resource: string, action: string, data: Record<string, unknown>) =>
      (await sendWebhookToApp(sentry!, { url }, { resource, action, data, installation: INSTALLATION })).status;
    const installation = {
      uuid: INSTALLATION,
      organization: { slug: ORG },
      app: { uuid: 'app-uuid', slug: 'faultline' },
    };
    expect(await send(running[0]!.url, 'installation', 'created', { installation })).toBe(202);
    await until(async () => Boolean(await store!.getInstallation(INSTALLATION)), 10_000);

    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        send(running[n % 3]!.url, 'event_alert', 'triggered', alertData({ eventId: n.toString(16).padStart(32, '0') })),
      ),
    );
    expect(statuses.filter((s) => s !== 202)).toEqual([]);
    await until(async () => {
      const counts = await store!.countJobs();
      return counts.queued === 0 && counts.running === 0;
    }, 60_000);

    const issues = github.state().repos.find((r) => r.full_name === REPO)!.issues;
    const ours = issues.filter((i) => (i.body ?? '').includes(`faultline:sentry-issue:${ISSUE_ID} `));
    expect(ours).toHaveLength(1);
    const created = github.state().requests.filter((r) => r.method === 'POST' && r.path === `/repos/${REPO}/issues`);
    expect(created).toHaveLength(1);
    expect((await store.getLink(ISSUE_ID))?.githubIssueNumber).toBe(ours[0]!.number);
    expect((await store.countJobs()).dead).toBe(0);
  }, 90_000);
});
