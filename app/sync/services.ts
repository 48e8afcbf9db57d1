// What the sync handlers need from the outside world, as one injected object: the store, a Sentry client per
// installation, a GitHub client per repository, the repo config and the scrubber. `createSyncServices` builds it
// from the Probot app and the app's deps; tests may pass their own.
import type { ProbotOctokit } from 'probot';
import type { SentryClient } from '../../src/sentry/index.ts';
import type { Log } from '../log.ts';
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
  /** A Sentry client acting for the installation (its org, its token). */
  sentryFor(installationUuid: string): Promise<SentryApi>;
  /** The Sentry UI link of an issue. */
  sentryIssueUrl(org: string, issueId: string): string;
  /** The installation's Octokit for `owner/name`, or undefined when the app is not installed there. */
  githubForRepo(repo: string): Promise<GitHub | undefined>;
  /** Every repository the GitHub App is installed on. */
  listRepos(): Promise<string[]>;
  /** The parsed `.github/faultline.yml` of the repo (undefined when it has none). */
  repoConfig(github: GitHub, repo: string): Promise<unknown>;
  /** Forget a cached config (a push changed it), or every config and the repo list (installations changed). */
  forgetConfig?(repo?: string): void;
  /** The app's slug (its bot is `<slug>[bot]`), when known. */
  appSlug(): Promise<string | undefined>;
}

export const CONFIG_PATH = '.github/faultline.yml';

export function splitRepo(repo: string): { owner: string; repo: string } {
  const [owner, name, ...rest] = repo.split('/');
  if (!owner || !name || rest.length) throw new Error(`"${repo}" is not a repository name: expected owner/name`);
  return { owner, repo: name };
}
