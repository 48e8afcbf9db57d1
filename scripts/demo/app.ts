// Starts the faultline app in-process for the demo: SQLite in the data dir, GitHub calls to the GitHub emulator,
// Sentry calls to the Sentry emulator, its log kept in memory (printed only when a step fails).
import { generateKeyPairSync } from 'node:crypto';
import type { AppConfig } from '../../app/config.ts';
import { memoryLog, type LogLine } from '../../app/log.ts';
import { type RunningApp, startApp } from '../../app/server.ts';
import { sqliteFileIn } from '../../app/store/index.ts';

export interface DemoApp {
  running: RunningApp;
  url: string;
  appId: number;
  privateKey: string;
  webhookSecret: string;
  /** The app's warnings and errors so far, one line each. */
  problems(): string[];
  close(): Promise<void>;
}

export function demoPrivateKey(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs1',
    format: 'pem',
  }) as string;
}

export async function startDemoApp(opts: {
  dataDir: string;
  appId: number;
  privateKey: string;
  githubRestUrl: string;
  sentryUrl: string;
  /** The public integration's Client ID and Secret: the app exchanges installation grant codes with them. */
  sentryClientId: string;
  sentryClientSecret: string;
}): Promise<DemoApp> {
  const webhookSecret = 'demo-github-webhook-secret';
  const config: AppConfig = {
    github: {
      appId: opts.appId,
      privateKey: opts.privateKey,
      webhookSecret,
      baseUrl: opts.githubRestUrl,
    },
    sentry: {
      url: opts.sentryUrl,
      clientSecret: opts.sentryClientSecret,
      clientId: opts.sentryClientId,
      authToken: undefined,
    },
    storage: { kind: 'sqlite', file: sqliteFileIn(opts.dataDir) },
    logLevel: 'warn',
    logFormat: 'json',
    host: '127.0.0.1',
    port: 0,
    workers: { concurrency: 4, maxAttempts: 3 },
  };
  const log = memoryLog();
  const running = await startApp(config, { log, runner: { pollMs: 20 } });
  return {
    running,
    url: running.url,
    appId: opts.appId,
    privateKey: opts.privateKey,
    webhookSecret,
    problems: () =>
      log.lines
        .filter((l: LogLine) => l.level === 'warn' || l.level === 'error')
        .map((l) => `${l.level}: ${l.message ?? ''} ${JSON.stringify(l.fields)}`),
    close: () => running.close(2_000),
  };
}
