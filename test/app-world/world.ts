// The world the app's end-to-end tests run in: the Sentry emulator, the GitHub emulator, and the app (real HTTP, real
// store) wired to both. Sentry webhooks arrive signed by the Sentry emulator's sender, as in production. Triage's and
// the sync's worlds add their seeds and helpers on top.
import { ProbotOctokit } from 'probot';
import type { AppConfig } from '../../app/config.ts';
import { type RunningApp, startApp } from '../../app/server.ts';
import type { StorageConfig } from '../../app/store/index.ts';
import { testConfig, until } from '../app/helpers.ts';
import { type GitHubEmulator, type GitHubSeed, startGitHubEmulator } from '../../emulators/github/server.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import type { EmulatorSeed } from '../../emulators/sentry/state.ts';
import { sendWebhookToApp } from '../../emulators/sentry/webhook-client.ts';

export interface AppWorld {
  sentry: SentryEmulator;
  github: GitHubEmulator;
  app: RunningApp;
  /** The app's info, warn and error lines. */
  logs: string[];
  /** Sends a Sentry webhook through the emulator's sender; answers the app's status. */
  sendSentry(
    resource: string,
    action: string,
    data: Record<string, unknown>,
    opts: { installation: string; actor?: Record<string, unknown> | undefined },
  ): Promise<number>;
  /** Tells the app about a Sentry installation (its org), as Sentry's `installation.created` does. */
  install(installation: { uuid: string; org: string; appUuid: string }): Promise<void>;
  /** Waits until no job is queued or running. */
  settle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface AppWorldOptions {
  sentrySeed: EmulatorSeed;
  githubSeed: GitHubSeed;
  storage: StorageConfig;
  /** Called after the app closed (e.g. drops the test database). */
  disposeStorage(): Promise<void> | void;
  /** Config changes on top of the test config (GitHub's URL is set already). */
  configure?(config: AppConfig): void;
  /** Probot's own 5xx retries: off when the job runner's retries are under test; on, in milliseconds, otherwise. */
  octokitRetry?: boolean;
  /** The job runner's lease (default 60 s): short when stuck workers are under test. */
  leaseMs?: number;
  /** Keep the app's GitHub pacing and rate-limit retries on (GitHub's retry-after seconds count as milliseconds). */
  githubPacing?: boolean;
}

export async function startAppWorld(opts: AppWorldOptions): Promise<AppWorld> {
  const sentry = await startSentryEmulator({ seed: opts.sentrySeed });
  const github = await startGitHubEmulator({ seed: opts.githubSeed });
  const config = testConfig(opts.storage, {
    url: sentry.url,
    clientSecret: sentry.clientSecret,
    authToken: sentry.token,
  });
  config.github.baseUrl = github.apiUrl;
  opts.configure?.(config);
  const logs: string[] = [];
  const line = (level: string) => (fields: object, message?: string) => {
    logs.push(`${level} ${message ?? ''} ${JSON.stringify(fields)}`);
  };
  const app = await startApp(config, {
    runner: { pollMs: 20, ...(opts.leaseMs ? { leaseMs: opts.leaseMs } : {}) },
    // The app paces GitHub writes (app/github-pacing.ts) and Probot retries 5xx after 1, 4, 9 s: right in production,
    // slow in tests. The same behaviour here in milliseconds, or none when the job runner's retries are under test.
    octokit: ProbotOctokit.defaults((o: { throttle?: object }) => ({
      ...o,
      throttle: opts.githubPacing ? { ...o.throttle, retryAfterBaseValue: 1 } : { ...o.throttle, enabled: false },
      retry: opts.octokitRetry === false ? { enabled: false } : { retryAfterBaseValue: 10 },
    })),
    log: { debug: () => {}, info: line('info'), warn: line('warn'), error: line('error') },
  });
  const world: AppWorld = {
    sentry,
    github,
    app,
    logs,
    async sendSentry(resource, action, data, { installation, actor }) {
      return (await sendWebhookToApp(sentry, app, { resource, action, data, installation, actor })).status;
    },
    async install({ uuid, org, appUuid }) {
      const data = {
        installation: {
          uuid,
          organization: { slug: org },
          app: { uuid: appUuid, slug: 'faultline' },
          status: 'installed',
        },
      };
      const status = await world.sendSentry('installation', 'created', data, { installation: uuid });
      if (status !== 202) throw new Error(`installation webhook for ${uuid} answered ${status}`);
    },
    async settle(timeoutMs = 20_000) {
      await until(async () => {
        const counts = await app.deps.store.countJobs();
        return counts.queued === 0 && counts.running === 0;
      }, timeoutMs);
    },
    async close() {
      await app.close(1_000);
      await Promise.all([sentry.close(), github.close()]);
      await opts.disposeStorage();
    },
  };
  return world;
}
