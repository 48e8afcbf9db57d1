// GitHub → Sentry: closing, reopening and assigning a linked GitHub issue changes the Sentry issue. The Probot
// handler only checks and enqueues; the durable job makes the Sentry call (retried on 5xx, idempotent).
import { SentryApiError } from '../../src/sentry/errors.ts';
import type { JobHandler } from '../jobs/index.ts';
import { sentryAssigneeFor } from './assignees.ts';
import { type LinkedIssue, withRepo } from './context.ts';
import { findComment, issueParams } from './issue-state.ts';
import { isOwnGitHubSender, writeKey } from './loop-guard.ts';
import type { RecordedWrites } from './recorded-writes.ts';
import { renderResolvedNowComment } from './render.ts';
import type { SentryApi, SyncServices } from './services.ts';

export const GITHUB_SYNC_JOB = 'sync.github-issue';

export interface GitHubIssueChange {
  repo: string;
  number: number;
  change: 'closed' | 'reopened' | 'assigned' | 'unassigned';
  /** For `closed`: GitHub's state reason (`completed`, `not_planned`). */
  reason?: string;
  /** For `assigned` and `unassigned`: the GitHub login. */
  login?: string;
}

export interface GitHubIssueEvent {
  action: string;
  issue: { number: number; state?: string; state_reason?: string | null };
  repository: { full_name: string };
  assignee?: { login: string } | null;
  sender?: { type?: string; login?: string };
}

/**
 * Decides whether a GitHub `issues.*` event is one to mirror; returns the change to enqueue, or undefined (not
 * linked, our own write coming back, an action we do not sync).
 */
export async function githubChangeToMirror(
  services: SyncServices,
  writes: RecordedWrites,
  event: GitHubIssueEvent,
): Promise<GitHubIssueChange | undefined> {
  const repo = event.repository.full_name;
  const number = event.issue.number;
  let change: GitHubIssueChange;
  let key: string;
  if (event.action === 'closed' || event.action === 'reopened') {
    change = { repo, number, change: event.action };
    if (event.action === 'closed' && event.issue.state_reason) change.reason = event.issue.state_reason;
    key = writeKey.githubState(repo, number, event.action === 'closed' ? 'closed' : 'open');
  } else if ((event.action === 'assigned' || event.action === 'unassigned') && event.assignee?.login) {
    change = { repo, number, change: event.action, login: event.assignee.login };
    key =
      event.action === 'assigned'
        ? writeKey.githubAssignee(repo, number, event.assignee.login)
        : writeKey.githubUnassignee(repo, number, event.assignee.login);
  } else {
    return undefined;
  }
  // A person's action is never an echo; a recorded write counts only when GitHub does not name a person.
  const recorded = await writes.take(key);
  if (isOwnGitHubSender(event.sender, await services.appSlug())) return undefined;
  if (recorded && event.sender?.type !== 'User') return undefined;
  const link = await services.store.getLinkByGitHubIssue(repo, number);
  if (!link) return undefined;
  return change;
}

/** The job: applies the GitHub change to the linked Sentry issue, unless Sentry already shows it. */
export function githubSyncJob(services: SyncServices, writes: RecordedWrites): JobHandler {
  return async (payload, ctx) => {
    const change = payload as GitHubIssueChange;
    const link = await services.store.getLinkByGitHubIssue(change.repo, change.number);
    if (!link?.installationUuid) return;
    const linked = await withRepo(services, link);
    if (!linked) return;
    const sentry = await services.sentryFor(link.installationUuid);
    const issueId = link.sentryIssueId;
    if (change.change === 'assigned' || change.change === 'unassigned') {
      if (!linked.settings.assignees || !change.login) return;
      const assignee = sentryAssigneeFor(change.login, linked.settings.people);
      if (!assignee) return; // unknown people are left alone
      const current = (await sentry.getIssue(issueId)).assignedTo;
      const isAssignee =
        !!current &&
        [current.email, (current as { username?: string }).username].some((v) => v?.toLowerCase() === assignee);
      if (change.change === 'assigned' ? isAssignee : !isAssignee) return; // Sentry shows it already
      const target = change.change === 'assigned' ? assignee : '';
      await writes.record(writeKey.sentryAssignee(issueId, target), link.githubRepo);
      await sentry.updateIssue(issueId, { assignedTo: target });
      return;
    }
    if (!linked.settings.status) return;
    const current = await sentry.getIssue(issueId);
    if (change.change === 'closed' && change.reason === 'not_planned') {
      // "Close as not planned" is Sentry's ignore (archive), not a fix.
      if (current.status === 'ignored') return;
      await writes.record(writeKey.sentryStatus(issueId, 'ignored'), link.githubRepo);
      await sentry.updateIssue(issueId, { status: 'ignored' });
    } else if (change.change === 'closed') {
      if (current.status === 'resolved') return;
      await writes.record(writeKey.sentryStatus(issueId, 'resolved'), link.githubRepo);
      if (linked.settings.resolveAs !== 'resolvedInNextRelease') {
        await sentry.updateIssue(issueId, { status: 'resolved' });
      } else if (!(await resolveInNextRelease(sentry, issueId))) {
        await sentry.updateIssue(issueId, { status: 'resolved' });
        await noteResolvedNow(linked, services, `resolved-now@${ctx.job.id}`);
      }
    } else {
      if (current.status === 'unresolved') return;
      await writes.record(writeKey.sentryStatus(issueId, 'unresolved'), link.githubRepo);
      await sentry.updateIssue(issueId, { status: 'unresolved' });
    }
  };
}

/**
 * Resolves in the next release; false when Sentry refuses because the project has no release to base it on
 * (400 on `statusDetails.inNextRelease`), so the caller resolves now instead.
 */
async function resolveInNextRelease(sentry: SentryApi, issueId: string): Promise<boolean> {
  try {
    await sentry.updateIssue(issueId, { status: 'resolved', statusDetails: { inNextRelease: true } });
    return true;
  } catch (error) {
    if (
      error instanceof SentryApiError &&
      error.status === 400 &&
      /next release/i.test(error.detail ?? error.message)
    ) {
      return false;
    }
    throw error;
  }
}

/** Says on the GitHub issue why it was resolved now (once, also when the job is retried). */
async function noteResolvedNow(linked: LinkedIssue, services: SyncServices, key: string): Promise<void> {
  if (await findComment(linked, key)) return;
  const { org } = await services.sentryFor(linked.link.installationUuid ?? '');
  const url = services.sentryIssueUrl(org, linked.link.sentryIssueId);
  await linked.github.rest.issues.createComment({ ...issueParams(linked), body: renderResolvedNowComment(url, key) });
}
