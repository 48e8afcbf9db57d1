// Wires triage into the app: the Sentry alert webhooks it handles, with the app's shared services behind them.
import type { AppDeps } from '../deps.ts';
import type { AppServices } from '../services/index.ts';
import { GitHubRepoDirectory } from './directory.ts';
import { type TriageDeps, triageHandler } from './triage.ts';

export { createScrubber, type Scrubber, type ScrubOptions } from '../scrub/index.ts';
export { type TriageDeps, triageHandler } from './triage.ts';

/** The alert webhooks that open GitHub issues (`error.created` only when a repo's config asks for it). */
export const TRIAGE_EVENTS = ['issue.created', 'event_alert.triggered', 'error.created'] as const;

export function createTriageDeps(deps: AppDeps, services: AppServices, opts: { now?: () => number } = {}): TriageDeps {
  const now = opts.now ?? Date.now;
  return {
    store: deps.store,
    log: deps.log,
    now,
    directory: new GitHubRepoDirectory({ services, store: deps.store, log: deps.log, now }),
    sentryFor: services.sentryFor,
    sentryIssueUrl: services.sentryIssueUrl,
  };
}

/** Registers the triage handlers on the app's Sentry webhooks. */
export function registerTriage(deps: AppDeps, triage: TriageDeps): void {
  const handler = triageHandler(triage);
  for (const event of TRIAGE_EVENTS) deps.sentry.on(event, handler);
}
