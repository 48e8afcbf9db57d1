import type { ApplicationFunctionOptions, Probot } from 'probot';
import { loadConfig } from './config.ts';
import { type AppDeps, createAppDeps } from './deps.ts';
import { createHealthRoutes } from './health.ts';
import { installationWebhookHandler } from './installations/webhook.ts';
import { sentryWebhookJob } from './intake/sentry-webhook-job.ts';
import { createSentryWebhookRoute, SENTRY_WEBHOOK_JOB } from './intake/webhook-route.ts';
import { countWebhookAnswer, sentryCallLog } from './metrics/index.ts';
import { createAppServices, forgetOnGitHubChanges } from './services/index.ts';
import { createSyncServices, registerSync } from './sync/register.ts';
import { createTriageDeps, registerTriage } from './triage/index.ts';

/**
 * The Probot app function: the shared services, then the Sentry webhook handlers (installations, triage, sync), the
 * GitHub event handlers (config pushes and installation changes for the caches, issue events for the sync) and our
 * routes. With `deps` (main.ts, tests) it uses them; without (e.g. `probot run`), it builds them from the environment
 * and starts the workers itself.
 */
export default async function faultline(
  app: Probot,
  { addHandler }: ApplicationFunctionOptions,
  deps?: AppDeps,
): Promise<void> {
  const startWorkers = !deps;
  const d = deps ?? (await createAppDeps(loadConfig(process.env), app.log));

  app.onAny(async (context) => {
    app.log.debug({ event: context.name, id: context.id }, 'github event received');
  });
  const services = createAppServices(app, {
    installations: d.installations,
    sentryUrl: d.sentryApi.url,
    log: d.log,
    sentryCallLog: sentryCallLog(d.metrics),
  });
  forgetOnGitHubChanges(app, services);
  d.sentry.on('installation', installationWebhookHandler(d.tokens, d.store));
  registerTriage(d, createTriageDeps(d, services));
  // The sync also acts on GitHub's issue events (closed, reopened, assigned) and enqueues the Sentry side as a job.
  registerSync(app, d, createSyncServices(app, d, services));
  if (!d.runner.hasHandler(SENTRY_WEBHOOK_JOB))
    d.runner.register(SENTRY_WEBHOOK_JOB, sentryWebhookJob(d.store, d.sentry));

  addHandler(createHealthRoutes(d.store, d.runner));
  addHandler(
    createSentryWebhookRoute({
      store: d.store,
      clientSecret: d.clientSecret,
      log: d.log,
      maxAttempts: d.maxAttempts,
      onEnqueued: () => d.runner.nudge(),
      onAnswered: (fields) => countWebhookAnswer(d.metrics, fields),
    }),
  );
  if (startWorkers) d.runner.start();
}
