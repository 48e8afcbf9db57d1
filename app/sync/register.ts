// Wires the sync into the app: Sentry webhook handlers, the GitHub → Sentry job, and Probot's issue events.
import type { Probot } from 'probot';
import { SentryClient } from '../../src/sentry/index.ts';
import type { AppDeps } from '../deps.ts';
import { incidentHandler } from '../incidents/incidents.ts';
import type { SentryWebhook } from '../intake/schema.ts';
import { PermanentJobError } from '../jobs/index.ts';
import { regressionCountsRefresher, regressionHandler } from '../regressions/regressions.ts';
import { InstalledRepos } from '../triage/installed-repos.ts';
import { createScrubber } from '../triage/scrub.ts';
import { SENTRY_APP_MARK } from './context.ts';
import { GITHUB_SYNC_JOB, type GitHubIssueEvent, githubChangeToMirror, githubSyncJob } from './github-to-sentry.ts';
import { RecordedWrites } from './recorded-writes.ts';
import { assignOnAssign, closeOnResolve, mirrorComment, reopenOnUnresolve } from './sentry-to-github.ts';
import { CONFIG_PATH, type GitHub, type SentryApi, splitRepo, type SyncServices } from './services.ts';

/** How long a repo → GitHub App installation lookup is trusted. */
const INSTALLATION_CACHE_MS = 5 * 60_000;
/** How long a repo's config is trusted (a push that changes it is forgotten at once in this process). */
const CONFIG_CACHE_MS = 60_000;

export function createSyncServices(app: Probot, deps: AppDeps, opts: { now?: () => number } = {}): SyncServices {
  const now = opts.now ?? Date.now;
  const scrubber = createScrubber();
  const installationOf = new Map<string, { id: number | undefined; at: number }>();
  const configs = new Map<string, { value: Promise<unknown>; at: number }>();
  const installed = new InstalledRepos({ app, now });
  let slug: Promise<string | undefined> | undefined;

  const services: SyncServices = {
    // Installation lookups (the tenant checks in context.ts and incidents.ts) go through the resolver.
    store: deps.installations.view(deps.store),
    log: deps.log,
    now,
    scrub: (text) => scrubber.text(text),
    async sentryFor(uuid): Promise<SentryApi> {
      const installation = await deps.installations.getInstallation(uuid);
      if (!installation) {
        throw new PermanentJobError(
          `Sentry installation ${uuid} is not known to faultline: for an internal integration set SENTRY_AUTH_TOKEN and SENTRY_ORG; for a public one, reinstall it in Sentry so the app receives its installation webhook`,
        );
      }
      const token = await deps.installations.tokenFor(uuid);
      if (!token) {
        throw new PermanentJobError(
          `no Sentry token for installation ${uuid} (org ${installation.orgSlug}): set SENTRY_AUTH_TOKEN and SENTRY_ORG for an internal integration`,
        );
      }
      return new SentryClient({ url: deps.sentryApi.url, token, org: installation.orgSlug, maxAttempts: 3 });
    },
    sentryIssueUrl: (org, issueId) =>
      `${deps.sentryApi.url.replace(/\/+$/, '')}/organizations/${encodeURIComponent(org)}/issues/${encodeURIComponent(issueId)}/`,
    async githubForRepo(repo): Promise<GitHub | undefined> {
      const cached = installationOf.get(repo);
      let id = cached && now() - cached.at < INSTALLATION_CACHE_MS ? cached.id : undefined;
      if (!cached || id === undefined) {
        const jwt = await app.auth();
        try {
          id = (await jwt.rest.apps.getRepoInstallation(splitRepo(repo))).data.id;
        } catch (error) {
          if ((error as { status?: number }).status !== 404) throw error;
          id = undefined;
        }
        installationOf.set(repo, { id, at: now() });
      }
      return id === undefined ? undefined : ((await app.auth(id)) as GitHub);
    },
    async listRepos(): Promise<string[]> {
      const repos = await installed.destinations();
      for (const r of repos) installationOf.set(r.fullName, { id: r.installationId, at: now() });
      return repos.map((r) => r.fullName);
    },
    repoConfig(github, repo): Promise<unknown> {
      const cached = configs.get(repo);
      if (cached && now() - cached.at < CONFIG_CACHE_MS) return cached.value;
      const value = github.config.get({ ...splitRepo(repo), path: CONFIG_PATH }).then(
        // The repository's own file is required, as for triage: an owner-wide default alone would route the same
        // alert rule into every repository of the owner.
        ({ config, files }) => (files[0]?.config ? config : undefined),
        (error: unknown) => {
          configs.delete(repo); // do not keep a failure
          throw error;
        },
      );
      configs.set(repo, { value, at: now() });
      return value;
    },
    forgetConfig(repo) {
      if (repo) configs.delete(repo);
      else {
        configs.clear();
        installed.forget();
      }
    },
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
  return services;
}

/** Registers every sync handler; `services` defaults to the real ones built from the app and its deps. */
export function registerSync(app: Probot, deps: AppDeps, services = createSyncServices(app, deps)): void {
  const writes = new RecordedWrites(services.store, services.now);

  deps.sentry.on('installation.created', rememberSentryApp(services));
  for (const action of ['resolved', 'ignored', 'archived'])
    deps.sentry.on(`issue.${action}`, closeOnResolve(services, writes));
  deps.sentry.on('issue.unresolved', reopenOnUnresolve(services, writes));
  deps.sentry.on('issue.unresolved', regressionHandler(services, writes));
  deps.sentry.on('issue.assigned', assignOnAssign(services, writes));
  for (const action of ['created', 'updated', 'deleted']) deps.sentry.on(`comment.${action}`, mirrorComment(services));
  for (const action of ['critical', 'warning', 'resolved'])
    deps.sentry.on(`metric_alert.${action}`, incidentHandler(services, writes));
  deps.sentry.on('event_alert.triggered', regressionCountsRefresher(services, writes));

  if (!deps.runner.hasHandler(GITHUB_SYNC_JOB)) deps.runner.register(GITHUB_SYNC_JOB, githubSyncJob(services, writes));
  app.on('push', async (context) => {
    const touched = (context.payload.commits ?? []).flatMap((c) => [...(c.added ?? []), ...(c.modified ?? [])]);
    if (touched.includes(CONFIG_PATH)) services.forgetConfig?.(context.payload.repository.full_name);
  });
  app.on(['issues.closed', 'issues.reopened', 'issues.assigned', 'issues.unassigned'], async (context) => {
    const change = await githubChangeToMirror(services, writes, context.payload as unknown as GitHubIssueEvent);
    if (change) await deps.runner.enqueue({ type: GITHUB_SYNC_JOB, payload: change, maxAttempts: deps.maxAttempts });
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
