// What the sync handlers need from the outside world, as one injected object: the store, a Sentry client per
// installation, a GitHub client per repository, the repo config and the scrubber. `createSyncServices` builds it
// from the app's shared services (app/services/) and deps; tests may pass their own.
import type { ProbotOctokit } from 'probot';
import type { SentryClient } from '../../src/sentry/index.ts';
import type { Log } from '../log.ts';
import type { RepoConfigFile } from '../services/index.ts';
import type { Store } from '../store/index.ts';
import type { Scrub } from './render.ts';

export type GitHub = InstanceType<typeof ProbotOctokit>;

export type SyncStore = Pick<
  Store,
  | 'getLink'
  | 'getLinkByGitHubIssue'
  | 'recordPrComment'
  | 'getPrComment'
  | 'putMarkOnce'
  | 'getMark'
  | 'setMarkValue'
  | 'deleteMark'
  | 'getInstallation'
>;

export type SentryApi = Pick<
  SentryClient,
  'getIssue' | 'updateIssue' | 'getLatestEvent' | 'getRelease' | 'previousReleaseWithCommits' | 'org'
>;

export interface SyncServices {
  store: SyncStore;
  log: Log;
  now(): number;
  scrub: Scrub;
  /** A Sentry client acting for the installation (its org, its token); throws `UnknownInstallationError`. */
  sentryFor(installationUuid: string): Promise<SentryApi>;
  /** The Sentry UI link of an issue. */
  sentryIssueUrl(org: string, issueId: string): string;
  /** The installation's Octokit for `owner/name`, or undefined when the app is not installed there. */
  githubForRepo(repo: string): Promise<GitHub | undefined>;
  /** Every repository the GitHub App is installed on. */
  listRepos(): Promise<string[]>;
  /** The repo's own `.github/faultline.yml` (undefined when it has none). */
  repoConfig(github: GitHub, repo: string): Promise<RepoConfigFile | undefined>;
  /** The app's slug (its bot is `<slug>[bot]`), when known. */
  appSlug(): Promise<string | undefined>;
}

export { splitRepo } from '../services/index.ts';
