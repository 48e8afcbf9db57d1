// Wires the sync into the app: Sentry webhook handlers, the GitHub → Sentry job, and Probot's issue events.
import type { Probot } from 'probot';
import type { AppDeps } from '../deps.ts';
import { incidentHandler } from '../incidents/incidents.ts';
import type { SentryWebhook } from '../intake/schema.ts';
import { JOB_PRIORITY } from '../jobs/priority.ts';
import { regressionCountsRefresher, regressionHandler } from '../regressions/regressions.ts';
import type { AppServices } from '../services/index.ts';
import { createScrubber } from '../scrub/index.ts';
import { SENTRY_APP_MARK } from './context.ts';
import { GITHUB_SYNC_JOB, type GitHubIssueEvent, githubChangeToMirror, githubSyncJob } from './github-to-sentry.ts';
import { RecordedWrites } from './recorded-writes.ts';
import { mirrorAssignee, mirrorComment, mirrorStatus } from './sentry-to-github.ts';
import type { GitHub, SyncServices } from './services.ts';

export function createSyncServices(
  app: Probot,
  deps: AppDeps,
  services: AppServices,
  opts: { now?: () => number } = {},
): SyncServices {
  const scrubber = createScrubber();
  let slug: Promise<string | undefined> | undefined;
  return {
    // Installation lookups (the tenant checks in context.ts and incidents.ts) go through the resolver.
    store: deps.installations.view(deps.store),
    log: deps.log,
    now: opts.now ?? Date.now,
    scrub: (text) => scrubber.text(text),
    sentryFor: services.sentryFor,
    sentryIssueUrl: services.sentryIssueUrl,
    githubForRepo: async (repo) => (await services.installedRepos.octokitFor(repo)) as GitHub | undefined,
    listRepos: async () => (await services.installedRepos.destinations()).map((r) => r.fullName),
    repoConfig: (github, repo) => services.repoConfigs.get(github, repo),
    appSlug() {
      slug ??= app
        .auth()
        .then((jwt) => jwt.rest.apps.getAuthenticated())
        .then((r) => r.data?.slug)
        .catch(() => {
          slug = undefined; // try again next time
          return undefined;
        });
      return slug;
    },
  };
}

/** Registers every sync handler over the given services (`createSyncServices` in the app; tests may pass their own). */
export function registerSync(app: Probot, deps: AppDeps, services: SyncServices): void {
  const writes = new RecordedWrites(services.store, services.now);

  deps.sentry.on('installation.created', rememberSentryApp(services));
  // After triage's `issue.created` handler: an issue Sentry resolved before it was created here is closed.
  for (const action of ['created', 'resolved', 'ignored', 'archived', 'unresolved'])
    deps.sentry.on(`issue.${action}`, mirrorStatus(services, writes));
  deps.sentry.on('issue.unresolved', regressionHandler(services, writes));
  for (const action of ['assigned', 'resolved', 'ignored', 'archived', 'unresolved'])
    deps.sentry.on(`issue.${action}`, mirrorAssignee(services, writes));
  for (const action of ['created', 'updated', 'deleted']) deps.sentry.on(`comment.${action}`, mirrorComment(services));
  for (const action of ['critical', 'warning', 'resolved'])
    deps.sentry.on(`metric_alert.${action}`, incidentHandler(services, writes));
  deps.sentry.on('event_alert.triggered', regressionCountsRefresher(services, writes));

  if (!deps.runner.hasHandler(GITHUB_SYNC_JOB)) deps.runner.register(GITHUB_SYNC_JOB, githubSyncJob(services, writes));
  app.on(['issues.closed', 'issues.reopened', 'issues.assigned', 'issues.unassigned'], async (context) => {
    const change = await githubChangeToMirror(services, writes, context.payload as unknown as GitHubIssueEvent);
    if (change) {
      await deps.runner.enqueue({
        type: GITHUB_SYNC_JOB,
        payload: change,
        maxAttempts: deps.maxAttempts,
        priority: JOB_PRIORITY.status,
      });
    }
  });
}

/** Sentry names our integration by its app uuid when we act: remember it per installation. */
function rememberSentryApp(services: SyncServices) {
  return async (webhook: SentryWebhook): Promise<void> => {
    const appUuid = (webhook.data as { installation?: { app?: { uuid?: string } } }).installation?.app?.uuid;
    if (!appUuid) return;
    const { created } = await services.store.putMarkOnce(
      { kind: SENTRY_APP_MARK, key: webhook.installation.uuid, repo: '', value: appUuid },
      services.now(),
    );
    if (!created) await services.store.setMarkValue(SENTRY_APP_MARK, webhook.installation.uuid, appUuid);
  };
}
