// What triage and the sync share, built once per app: a Sentry client per installation, Sentry issue links, the
// repositories the GitHub App is installed on, and each repository's own config (one cache, one invalidation).
import type { Probot } from 'probot';
import type { InstallationResolver } from '../installations/resolver.ts';
import type { Log } from '../log.ts';
import { InstalledRepos } from './installed-repos.ts';
import { pushTouchesConfig, RepoConfigs } from './repo-configs.ts';
import { type SentryFor, sentryClientFactory, sentryIssueUrlOf } from './sentry.ts';

export { type InstallationOctokit, type InstalledRepo, InstalledRepos, splitRepo } from './installed-repos.ts';
export { type RepoConfigFile, RepoConfigs } from './repo-configs.ts';
export { type SentryFor, UnknownInstallationError } from './sentry.ts';

export interface AppServices {
  /** A Sentry client acting for the installation (its org, its token); throws `UnknownInstallationError`. */
  sentryFor: SentryFor;
  /** The Sentry UI link of an issue. */
  sentryIssueUrl(org: string, issueId: string): string;
  installedRepos: InstalledRepos;
  repoConfigs: RepoConfigs;
}

export interface AppServicesOptions {
  installations: Pick<InstallationResolver, 'getInstallation' | 'tokenFor'>;
  /** The Sentry server (SENTRY_URL). */
  sentryUrl: string;
  log: Log;
  now?: () => number;
  /** The Sentry clients' debug lines (metrics). */
  sentryCallLog?: (line: string) => void;
}

export function createAppServices(app: Probot, opts: AppServicesOptions): AppServices {
  const { installations, sentryUrl, log, now } = opts;
  return {
    sentryFor: sentryClientFactory({ installations, url: sentryUrl, log: opts.sentryCallLog }),
    sentryIssueUrl: sentryIssueUrlOf(sentryUrl),
    installedRepos: new InstalledRepos({ app, now }),
    repoConfigs: new RepoConfigs({ log, now }),
  };
}

/**
 * Keeps the caches true to GitHub: a push that adds, changes or deletes a repository's config forgets it at once in
 * this process (other processes within the cache's minute); an installation change forgets every list and config.
 */
export function forgetOnGitHubChanges(
  app: Probot,
  services: Pick<AppServices, 'installedRepos' | 'repoConfigs'>,
): void {
  app.on('push', async (context) => {
    if (pushTouchesConfig(context.payload)) services.repoConfigs.forget(context.payload.repository.full_name);
  });
  app.on(['installation', 'installation_repositories'], async () => {
    services.repoConfigs.forget();
    services.installedRepos.forget();
  });
}
