import { dirname } from 'node:path';
import type { AppConfig } from './config.ts';
import { InstallationResolver } from './installations/resolver.ts';
import { prepareTokenCipher } from './installations/token-crypto.ts';
import { InstallationTokens } from './installations/tokens.ts';
import { SentryWebhookHandlers } from './intake/sentry-webhook-job.ts';
import { JobRunner } from './jobs/index.ts';
import type { Log } from './log.ts';
import { type AppMetrics, createMetrics } from './metrics/index.ts';
import { noOwnErrors, type OwnErrors } from './own-errors.ts';
import { openStore, type SqlStore } from './store/index.ts';

/** What the app function works with; built from the config by `createAppDeps`, or handed in by tests. */
export interface AppDeps {
  store: SqlStore;
  runner: JobRunner;
  /** Register Sentry webhook handlers here: `deps.sentry.on('issue.created', handler)`. */
  sentry: SentryWebhookHandlers;
  tokens: InstallationTokens;
  /** Installation uuid → org and token (stored installations; in internal mode, SENTRY_ORG for unknown ones). */
  installations: InstallationResolver;
  clientSecret: string;
  /** Where the Sentry API is and the internal-integration token (public installations keep their own in `tokens`). */
  sentryApi: { url: string; authToken: string | undefined; org?: string | undefined };
  maxAttempts: number;
  log: Log;
  metrics: AppMetrics;
  ownErrors: OwnErrors;
}

export async function createAppDeps(
  config: Pick<AppConfig, 'storage' | 'sentry' | 'workers' | 'encryption'>,
  log: Log,
  runnerOptions: { pollMs?: number; leaseMs?: number } = {},
  { metrics = createMetrics(), ownErrors = noOwnErrors }: { metrics?: AppMetrics; ownErrors?: OwnErrors } = {},
): Promise<AppDeps> {
  const store = await openStore(config.storage);
  const dataDir = config.storage.kind === 'sqlite' ? dirname(config.storage.file) : undefined;
  const cipher = await prepareTokenCipher(store, config.encryption ?? {}, dataDir, log).catch(async (error) => {
    await store.close();
    throw error;
  });
  metrics.collectJobsFrom(() => store.countJobsByType());
  const runner = new JobRunner({
    store,
    log,
    concurrency: config.workers.concurrency,
    ...runnerOptions,
    onAttempt(job, result, seconds, error) {
      metrics.jobAttempt(job.type, result, seconds);
      if (result === 'dead') ownErrors.deadLetter(job, error);
    },
  });
  const tokens = new InstallationTokens({
    store,
    log,
    sentryUrl: config.sentry.url,
    clientId: config.sentry.clientId,
    clientSecret: config.sentry.clientSecret,
    cipher,
  });
  return {
    store,
    runner,
    sentry: new SentryWebhookHandlers(),
    tokens,
    installations: new InstallationResolver({
      store,
      tokens,
      authToken: config.sentry.authToken,
      org: config.sentry.org,
    }),
    clientSecret: config.sentry.clientSecret,
    sentryApi: { url: config.sentry.url, authToken: config.sentry.authToken, org: config.sentry.org },
    maxAttempts: config.workers.maxAttempts,
    log,
    metrics,
    ownErrors,
  };
}
