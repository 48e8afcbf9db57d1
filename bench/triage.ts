// `npm run bench -- triage [--alerts 100] [--latency-ms 100] [--before DIR]`
// A burst of distinct Sentry alerts against the real app (app/main.ts in its own process, SQLite), the Sentry
// emulator and the GitHub emulator answering every call `--latency-ms` late. While the burst drains, one issue opened
// before it is resolved in Sentry (and its webhook sent): how long until its GitHub issue is closed. Prints issues/s,
// GitHub requests per new issue and that close latency. With `--before DIR` (a checkout of an earlier faultline with
// its node_modules, e.g. `git worktree add ../faultline-main main`), the same burst runs against that app first and
// the ratios are printed.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type GitHubEmulator, type GitHubSeed, startGitHubEmulator } from '../emulators/github/server.ts';
import { type SentryEmulator, startSentryEmulator } from '../emulators/sentry/server.ts';
import type { EmulatorSeed } from '../emulators/sentry/state.ts';
import { sendWebhookToApp } from '../emulators/sentry/webhook-client.ts';

const REPO = 'acme/web';
const SHA = 'c0ffee'.padEnd(40, '0');
const RELEASE = 'web@1.0.0';
const FILES = [
  'src/billing/invoice.ts',
  'src/billing/tax.ts',
  'src/cart/cart.ts',
  'src/api/client.ts',
  'src/ui/form.ts',
];
const EARLIER = '990000';

interface Result {
  label: string;
  seconds: number;
  issuesPerSecond: number;
  requestsPerIssue: number;
  closeSeconds: number | undefined;
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      alerts: { type: 'string', default: '100' },
      'latency-ms': { type: 'string', default: '100' },
      before: { type: 'string' },
    },
  });
  const alerts = Number(values.alerts);
  const latencyMs = Number(values['latency-ms']);
  console.log(
    `triage benchmark: ${alerts} distinct alerts at once, GitHub emulator +${latencyMs} ms per call, ` +
      `one close during the burst; node ${process.version}`,
  );
  const results: Result[] = [];
  if (values.before) results.push(await runOne(`before (${values.before})`, resolve(values.before), alerts, latencyMs));
  results.push(await runOne('this checkout', resolve(import.meta.dirname, '..'), alerts, latencyMs));

  console.log('');
  console.log('app             | burst s | issues/s | GitHub requests / new issue | close during burst s');
  for (const r of results) {
    console.log(
      [
        r.label.slice(0, 15).padEnd(15),
        r.seconds.toFixed(1).padStart(7),
        r.issuesPerSecond.toFixed(2).padStart(8),
        r.requestsPerIssue.toFixed(2).padStart(27),
        (r.closeSeconds === undefined ? 'not closed' : r.closeSeconds.toFixed(2)).padStart(20),
      ].join(' | '),
    );
  }
  const [before, after] = results;
  if (before && after) {
    console.log('');
    console.log(
      `after / before: issues/s ×${(after.issuesPerSecond / before.issuesPerSecond).toFixed(2)}, ` +
        `requests per issue ×${(after.requestsPerIssue / before.requestsPerIssue).toFixed(2)}, ` +
        `close latency ×${before.closeSeconds && after.closeSeconds ? (after.closeSeconds / before.closeSeconds).toFixed(3) : 'n/a'}`,
    );
  }
}

async function runOne(label: string, appDir: string, alerts: number, latencyMs: number): Promise<Result> {
  const ids = Array.from({ length: alerts }, (_, i) => String(1_000_000 + i));
  const sentry = await startSentryEmulator({ seed: sentrySeed([EARLIER, ...ids]) });
  const github = await startGitHubEmulator({ seed: githubSeed(), latencyMs });
  const dataDir = mkdtempSync(join(tmpdir(), 'faultline-bench-triage-'));
  const app = await startApp(appDir, dataDir, sentry, github);
  try {
    const send = (resource: string, action: string, data: Record<string, unknown>) =>
      sendWebhookToApp(sentry, app, { resource, action, data, installation: INSTALLATION });

    // One issue opened before the burst: the one a person resolves while the burst drains.
    await send('issue', 'created', issueCreated(EARLIER));
    const earlier = await until(() => issueFor(github, EARLIER), 60_000);

    const before = github.state().requests.length;
    const started = performance.now();
    await Promise.all(ids.map((id) => send('issue', 'created', issueCreated(id))));
    process.stdout.write(`${label}: ${alerts} alerts accepted; `);

    // A few issues in, Sentry resolves the earlier one.
    await until(() => (countOpened(github, ids) >= Math.min(5, alerts) ? true : undefined), 600_000);
    const issue = sentry.state().issues.find((i) => i.id === EARLIER)!;
    sentry.seed({ issues: [{ ...issue, status: 'resolved' }] as never });
    const resolvedAt = performance.now();
    await send('issue', 'resolved', { issue: { ...issueCreated(EARLIER).issue, status: 'resolved' } });
    let closeSeconds: number | undefined;
    const closed = until(() => (issueState(github, earlier) === 'closed' ? true : undefined), 600_000).then(() => {
      closeSeconds = (performance.now() - resolvedAt) / 1000;
      process.stdout.write(`closed after ${closeSeconds.toFixed(2)} s (${countOpened(github, ids)} issues open); `);
    });

    await until(() => (countOpened(github, ids) >= alerts ? true : undefined), 1_800_000, 100);
    const seconds = (performance.now() - started) / 1000;
    const requests = github.state().requests.length - before;
    await Promise.race([closed, new Promise((r) => setTimeout(r, 30_000))]);
    console.log(`${alerts} issues in ${seconds.toFixed(1)} s`);
    return {
      label,
      seconds,
      issuesPerSecond: alerts / seconds,
      requestsPerIssue: requests / alerts,
      closeSeconds,
    };
  } finally {
    await app.stop();
    await Promise.all([sentry.close(), github.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function until<T>(check: () => T | undefined, timeoutMs: number, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('the benchmark timed out waiting for the app');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

const issuesOf = (github: GitHubEmulator) => github.state().repos.find((r) => r.full_name === REPO)?.issues ?? [];
const marker = (id: string) => `faultline:sentry-issue:${id} `;
function issueFor(github: GitHubEmulator, id: string): number | undefined {
  return issuesOf(github).find((i) => (i.body ?? '').includes(marker(id)))?.number;
}
function issueState(github: GitHubEmulator, number: number): string | undefined {
  return issuesOf(github).find((i) => i.number === number)?.state;
}
function countOpened(github: GitHubEmulator, ids: string[]): number {
  const wanted = new Set(ids);
  let n = 0;
  for (const i of issuesOf(github)) {
    const id = /faultline:sentry-issue:(\S+) /.exec(i.body ?? '')?.[1];
    if (id && wanted.has(id)) n++;
  }
  return n;
}

const INSTALLATION = '5b2d1e7a-0c4f-4e7e-9a61-3f1c2b4d5e6f';

function issueCreated(id: string) {
  return {
    issue: {
      id,
      shortId: `WEB-${id}`,
      title: `TypeError: burst ${id}`,
      culprit: `handler(${FILES[Number(id) % FILES.length]})`,
      level: 'error',
      status: 'unresolved',
      project: { id: '1', slug: 'web', name: 'web' },
      count: '1',
      userCount: 1,
    },
  };
}

function source(path: string): string {
  return `${Array.from({ length: 60 }, (_, i) => `// ${path} line ${i + 1}`).join('\n')}\n`;
}

function githubSeed(): GitHubSeed {
  const author = { name: 'Ana', email: 'ana@example.com', login: 'ana' };
  return {
    installations: [{ id: 1, account: 'acme', repos: [REPO] }],
    repos: [
      {
        full_name: REPO,
        default_branch: 'main',
        commits: [
          {
            sha: SHA,
            message: 'web: release 1.0.0',
            author,
            date: '2026-10-01T10:00:00Z',
            files: {
              '.github/faultline.yml':
                'sentry: {org: acme, projects: [web]}\nlimits: {newIssuesPerHour: 1000}\nassign: {fallback: [ana]}\n',
              '.github/CODEOWNERS': '*  @ana\n/src/billing/  @bob\n',
              ...Object.fromEntries(FILES.map((f) => [f, source(f)])),
            },
          },
        ],
        collaborators: ['ana', 'bob'],
      },
    ],
  };
}

function sentrySeed(ids: string[]): EmulatorSeed {
  return {
    projects: [{ slug: 'web', id: 1, platform: 'node' }],
    installations: [{ uuid: INSTALLATION, org: 'acme', app: { uuid: 'app-uuid', slug: 'faultline' } }],
    releases: [
      {
        version: RELEASE,
        projects: ['web'],
        dateCreated: '2026-10-01T11:00:00Z',
        commits: [{ id: SHA, repository: REPO }],
      },
    ],
    issues: ids.map((id) => ({
      id,
      project: 'web',
      shortId: `WEB-${id}`,
      title: `TypeError: burst ${id}`,
      level: 'error',
      status: 'unresolved',
      count: '1',
      userCount: 1,
    })),
    events: ids.map((id, n) => ({
      issueId: id,
      eventID: n.toString(16).padStart(32, '0'),
      release: RELEASE,
      environment: 'production',
      dateCreated: '2026-10-01T12:00:00Z',
      exception: {
        values: [
          {
            type: 'TypeError',
            value: `burst ${id}`,
            stacktrace: {
              // Oldest first: the crash is in the last frame; alerts spread over the release's files.
              frames: [0, 1, 2].map((k) => ({
                abs_path: `app:///${FILES[(Number(id) + k) % FILES.length]}`,
                function: `f${k}`,
                lineno: 10 + k * 7,
                in_app: true,
              })),
            },
          },
        ],
      },
    })),
  } as EmulatorSeed;
}

async function startApp(
  appDir: string,
  dataDir: string,
  sentry: SentryEmulator,
  github: GitHubEmulator,
): Promise<{ child: ChildProcess; url: string; stop(): Promise<void> }> {
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs1',
    format: 'pem',
  });
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', 'app/main.ts'], {
    cwd: appDir,
    env: {
      PATH: process.env.PATH,
      APP_ID: '1',
      PRIVATE_KEY: String(privateKey),
      WEBHOOK_SECRET: 'bench-github-secret',
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
      SENTRY_URL: sentry.url,
      SENTRY_CLIENT_SECRET: sentry.clientSecret,
      SENTRY_AUTH_TOKEN: sentry.token,
      SENTRY_ORG: 'acme',
      FAULTLINE_DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk;
      const match = /faultline listening on (http:\/\/[^\s"]+)/.exec(out);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`app exited with ${code} before listening:\n${out.slice(-2000)}`)));
  });
  return {
    child,
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
