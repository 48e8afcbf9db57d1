// Wires triage into the app: the Sentry alert webhooks it handles, with the real GitHub and Sentry behind them.
import type { Probot } from 'probot';
import { SentryClient } from '../../src/sentry/index.ts';
import type { AppDeps } from '../deps.ts';
import { PermanentJobError } from '../jobs/index.ts';
import { CONFIG_PATH } from './config.ts';
import { GitHubRepoDirectory } from './directory.ts';
import { type TriageDeps, triageHandler } from './triage.ts';

export { CONFIG_PATH, parseTriageConfig, type TriageConfig, triageConfigSchema } from './config.ts';
export { createScrubber, type Scrubber, type ScrubOptions } from './scrub.ts';
export { type TriageDeps, triageHandler } from './triage.ts';

/** The alert webhooks that open GitHub issues (`error.created` only when a repo's config asks for it). */
export const TRIAGE_EVENTS = ['issue.created', 'event_alert.triggered', 'error.created'] as const;

export function createTriageDeps(app: Probot, deps: AppDeps, opts: { now?: () => number } = {}): TriageDeps {
  const now = opts.now ?? Date.now;
  const sentryUrl = deps.sentryApi.url.replace(/\/+$/, '');
  return {
    store: deps.store,
    log: deps.log,
    now,
    directory: new GitHubRepoDirectory({ app, store: deps.store, log: deps.log, now }),
    async sentryFor(uuid) {
      const installation = await deps.installations.getInstallation(uuid);
      if (!installation) return undefined;
      const token = await deps.installations.tokenFor(uuid);
      if (!token) {
        throw new PermanentJobError(
          `no Sentry token for installation ${uuid} (org ${installation.orgSlug}): set SENTRY_AUTH_TOKEN and SENTRY_ORG for an internal integration, or reinstall the public integration`,
        );
      }
      const api = new SentryClient({ url: sentryUrl, token, org: installation.orgSlug, maxAttempts: 3 });
      return { org: installation.orgSlug, api };
    },
    sentryIssueUrl: (org, issueId) =>
      `${sentryUrl}/organizations/${encodeURIComponent(org)}/issues/${encodeURIComponent(issueId)}/`,
  };
}

/** Registers the triage handlers; `triage` defaults to the real services built from the app and its deps. */
export function registerTriage(app: Probot, deps: AppDeps, triage: TriageDeps = createTriageDeps(app, deps)): void {
  const handler = triageHandler(triage);
  for (const event of TRIAGE_EVENTS) deps.sentry.on(event, handler);
  // Config changes take effect at once in the process that hears of them (others within the cache's minute).
  app.on('push', async (context) => {
    const { repository, commits } = context.payload;
    const touched = (commits ?? []).flatMap((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])]);
    if (touched.includes(CONFIG_PATH)) triage.directory.invalidate?.(repository.full_name);
  });
  app.on(['installation', 'installation_repositories'], async () => triage.directory.invalidate?.());
}
