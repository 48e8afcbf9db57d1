// Shared steps of the sync handlers: find the linked GitHub issue and the repo's settings, know our own ids.
import { SentryApiError } from '../../src/sentry/errors.ts';
import type { SentryIssue } from '../../src/sentry/index.ts';
import type { SentryWebhook } from '../intake/schema.ts';
import { CONFIG_PATH } from '../services/repo-config.ts';
import type { Link } from '../store/index.ts';
import { createScrubber } from '../scrub/index.ts';
import type { Scrub } from './render.ts';
import { isOwnSentryActor, type SentryActor } from './loop-guard.ts';
import type { GitHub, SentryApi, SyncServices } from './services.ts';
import { parseSyncSettings, SyncConfigError, type SyncSettings } from './sync-config.ts';

export interface LinkedIssue {
  link: Link;
  repo: string;
  owner: string;
  name: string;
  number: number;
  github: GitHub;
  settings: SyncSettings;
  /** The app's scrubber plus this repo's extra keys and patterns. */
  scrub: Scrub;
}

/** The scrubber for a repo: the default one, or one with the config's extra keys and patterns. */
export function scrubFor(services: SyncServices, settings: SyncSettings): Scrub {
  if (!settings.scrub.keys.length && !settings.scrub.patterns.length) return services.scrub;
  const extra = createScrubber(settings.scrub);
  return (text) => extra.text(services.scrub(text));
}

/** Retried with the job's growing backoff, which outlasts a slow GitHub issue creation. */
export class LinkPendingError extends Error {
  override name = 'LinkPendingError';
}

/** Marks where we remember the Sentry app uuid an installation belongs to (from `installation.created`). */
export const SENTRY_APP_MARK = 'sync-sentry-app';

/** The GitHub issue linked to a Sentry issue, when the link is complete and belongs to this installation. */
export async function findLinkedIssue(
  services: SyncServices,
  sentryIssueId: string,
  installationUuid: string | undefined,
): Promise<LinkedIssue | undefined> {
  const link = await services.store.getLink(sentryIssueId);
  if (!link) return undefined;
  if (link.githubIssueNumber <= 0) {
    // Triage is creating the GitHub issue right now (webhooks arrive in any order): try again shortly.
    throw new LinkPendingError(`Sentry issue ${sentryIssueId} is being linked to a GitHub issue; retrying`);
  }
  if (installationUuid && link.installationUuid && link.installationUuid !== installationUuid) {
    services.log.warn(
      { sentryIssueId, installationUuid },
      'sync: webhook from another Sentry installation than the link; ignored',
    );
    return undefined;
  }
  return withRepo(services, link);
}

export async function withRepo(services: SyncServices, link: Link): Promise<LinkedIssue | undefined> {
  const github = await services.githubForRepo(link.githubRepo);
  if (!github) {
    services.log.warn({ repo: link.githubRepo }, 'sync: the GitHub App is not installed on the linked repository');
    return undefined;
  }
  const settings = await settingsFor(services, github, link.githubRepo);
  if (!settings) return undefined;
  if (link.installationUuid) {
    // Never act for a Sentry org the repository's config does not name (the config may have changed since linking).
    const installation = await services.store.getInstallation(link.installationUuid);
    if (installation && settings.sentryOrg !== installation.orgSlug) {
      services.log.warn(
        { repo: link.githubRepo, org: installation.orgSlug },
        'sync: the repository config does not name the Sentry org of the link; nothing synced',
      );
      return undefined;
    }
  }
  const [owner = '', name = ''] = link.githubRepo.split('/');
  return {
    link,
    repo: link.githubRepo,
    owner,
    name,
    number: link.githubIssueNumber,
    github,
    settings,
    scrub: scrubFor(services, settings),
  };
}

/**
 * The repo's sync settings (every default when it has no config); undefined (logged) when its sync sections are
 * invalid or the file is not YAML — triage reports that in the repo.
 */
export async function settingsFor(
  services: SyncServices,
  github: GitHub,
  repo: string,
): Promise<SyncSettings | undefined> {
  const file = await services.repoConfig(github, repo);
  try {
    if (file && !file.yaml) throw new SyncConfigError(file.parsed.problems.join('; '));
    return parseSyncSettings(file?.raw, `${repo}: ${CONFIG_PATH}`);
  } catch (error) {
    if (!(error instanceof SyncConfigError)) throw error;
    services.log.warn({ repo, error: String(error) }, 'sync: repository config invalid; nothing synced');
    return undefined;
  }
}

/** The ids Sentry uses for us as an actor: the installation's uuid and the Sentry app's. */
export async function ourSentryIds(services: SyncServices, installationUuid: string): Promise<string[]> {
  const app = await services.store.getMark(SENTRY_APP_MARK, installationUuid);
  return [installationUuid, ...(app?.value ? [app.value] : [])];
}

export async function actedByUs(services: SyncServices, webhook: SentryWebhook): Promise<boolean> {
  return isOwnSentryActor(
    webhook.actor as SentryActor | undefined,
    await ourSentryIds(services, webhook.installation.uuid),
  );
}

export interface WebhookIssue {
  id: string;
  shortId?: string;
  title?: string;
  status?: string;
  substatus?: string | null;
  statusDetails?: { inRelease?: string; inNextRelease?: boolean } & Record<string, unknown>;
  assignedTo?: { type?: string; id?: string; name?: string; email?: string; username?: string } | null;
  web_url?: string;
  count?: string | number;
  userCount?: number;
  metadata?: { type?: string; value?: string; filename?: string; function?: string };
  project?: { slug?: string };
}

export const webhookIssue = (webhook: SentryWebhook): WebhookIssue => (webhook.data as { issue: WebhookIssue }).issue;

export function issueRef(
  services: SyncServices,
  org: string,
  issue: WebhookIssue,
): { id: string; shortId: string | undefined; title: string; sentryUrl: string } {
  const id = String(issue.id);
  return {
    id,
    shortId: issue.shortId,
    title: issue.title ?? id,
    sentryUrl: issue.web_url ?? services.sentryIssueUrl(org, id),
  };
}

export const actorName = (webhook: SentryWebhook): string | undefined => {
  const name = (webhook.actor as SentryActor | undefined)?.name;
  return typeof name === 'string' && name && webhook.actor?.id !== 'sentry' ? name : undefined;
};

/**
 * The Sentry issue as Sentry shows it now: the truth the mirror converges to (a webhook only says that something
 * changed). Undefined when Sentry no longer has it.
 */
export async function currentSentryIssue(sentry: SentryApi, issueId: string): Promise<SentryIssue | undefined> {
  try {
    return await sentry.getIssue(issueId);
  } catch (error) {
    if (error instanceof SentryApiError && error.status === 404) return undefined;
    throw error;
  }
}
