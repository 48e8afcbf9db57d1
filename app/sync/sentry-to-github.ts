// Sentry → GitHub: status, assignee and comments of a linked issue, mirrored unless we caused the change.
import type { SentryWebhookContext } from '../intake/sentry-webhook-job.ts';
import type { SentryWebhook } from '../intake/schema.ts';
import { carriesMarker } from '../services/markers.ts';
import { githubLoginFor, planGitHubAssignees } from './assignees.ts';
import { ClaimBusyError, claimOnce } from './claims.ts';
import {
  actedByUs,
  actorName,
  currentSentryIssue,
  findLinkedIssue,
  issueRef,
  type LinkedIssue,
  webhookIssue,
} from './context.ts';
import { findComment, issueParams, setIssueState, type StateChange } from './issue-state.ts';
import { writeKey } from './loop-guard.ts';
import type { RecordedWrites } from './recorded-writes.ts';
import { renderMirroredComment, renderStatusComment, renderUnresolvedComment } from './render.ts';
import type { SyncServices } from './services.ts';

export type SentryHandler = (webhook: SentryWebhook, ctx: SentryWebhookContext) => Promise<void>;

/** A Sentry issue status as the mirror sees it: resolved and ignored close, unresolved opens. */
export type MirroredStatus = 'resolved' | 'ignored' | 'unresolved';

/** The status a webhook reports (`archived` is what older apps call ignored); none for `created`. */
export function reportedStatus(action: string): MirroredStatus | undefined {
  if (action === 'resolved' || action === 'unresolved') return action;
  if (action === 'ignored' || action === 'archived') return 'ignored';
  return undefined;
}

/** The status Sentry's API shows (`ignored` covers every archived substatus; anything unknown counts as open). */
export function currentStatus(status: string | undefined): MirroredStatus {
  return status === 'resolved' || status === 'ignored' ? status : 'unresolved';
}

/**
 * `issue.created/resolved/ignored/archived/unresolved` → the linked GitHub issue set to the state Sentry shows *now*
 * (read from Sentry's API), with one comment. A webhook is a trigger: a repeat, a replay or one that overtook
 * another converges to Sentry's state, never rolls it back. A regression (`unresolved` with `substatus: regressed`)
 * is the regression handler's.
 */
export function mirrorStatus(services: SyncServices, writes: RecordedWrites): SentryHandler {
  return async (webhook, ctx) => {
    const issue = webhookIssue(webhook);
    if (webhook.action === 'unresolved' && issue.substatus === 'regressed') return;
    const reported = reportedStatus(webhook.action);
    if (reported && (await echo(services, writes, webhook, writeKey.sentryStatus(String(issue.id), reported)))) return;
    const linked = await findLinkedIssue(services, String(issue.id), webhook.installation.uuid);
    if (!linked?.settings.status) return;
    const sentry = await services.sentryFor(webhook.installation.uuid);
    const current = await currentSentryIssue(sentry, String(issue.id));
    if (!current) return; // deleted in Sentry: nothing to converge to
    const status = currentStatus(current.status);
    // A new issue is opened by triage; only one that Sentry already closed again needs the mirror.
    if (!reported && status === 'unresolved') return;
    // The webhook's actor made the change only when Sentry still shows what the webhook reports.
    const actor = reported === status ? actorName(webhook) : undefined;
    const ref = issueRef(services, sentry.org, issue);
    const key = `status=${status}@${ctx.job.id}`;
    const details = (current.statusDetails ?? {}) as { inRelease?: unknown; inNextRelease?: unknown };
    const change: StateChange =
      status === 'unresolved'
        ? {
            state: 'open',
            key,
            comment: () => renderUnresolvedComment({ actorName: actor, issue: ref, scrub: linked.scrub, key }),
          }
        : {
            state: 'closed',
            stateReason: status === 'resolved' ? 'completed' : 'not_planned',
            key,
            comment: () =>
              renderStatusComment({
                action: status,
                actorName: actor,
                issue: ref,
                inRelease: typeof details.inRelease === 'string' ? details.inRelease : undefined,
                inNextRelease: details.inNextRelease === true,
                scrub: linked.scrub,
                key,
              }),
          };
    await setIssueState(linked, change, writes);
  };
}

/**
 * `issue.assigned` and the status webhooks → the linked GitHub issue's mapped assignee set to the one Sentry's API
 * shows now. Sentry sends no webhook when an issue is unassigned, so an unassignment is seen on the next trigger
 * (or when an `issue.assigned` is handled after it). Teams and people the map does not know are left alone.
 */
export function mirrorAssignee(services: SyncServices, writes: RecordedWrites): SentryHandler {
  return async (webhook) => {
    const issue = webhookIssue(webhook);
    if (webhook.action === 'assigned') {
      const assignee = issue.assignedTo;
      const key = writeKey.sentryAssignee(String(issue.id), assignee?.email ?? assignee?.username ?? '');
      if (await echo(services, writes, webhook, key)) return;
    }
    const linked = await findLinkedIssue(services, String(issue.id), webhook.installation.uuid);
    if (!linked?.settings.assignees) return;
    const current = await currentSentryIssue(await services.sentryFor(webhook.installation.uuid), String(issue.id));
    if (!current) return;
    const login = githubLoginFor(current.assignedTo, linked.settings.people);
    if (current.assignedTo && !login) return; // a team or someone the map does not name
    const onGitHub = await linked.github.rest.issues.get(issueParams(linked));
    const plan = planGitHubAssignees(
      (onGitHub.data.assignees ?? []).map((a) => a.login),
      login,
      linked.settings.people,
    );
    if (plan.add.length) {
      for (const added of plan.add) {
        await writes.record(writeKey.githubAssignee(linked.repo, linked.number, added), linked.repo);
      }
      await linked.github.rest.issues.addAssignees({ ...issueParams(linked), assignees: plan.add });
    }
    if (plan.remove.length) {
      for (const removed of plan.remove) {
        await writes.record(writeKey.githubUnassignee(linked.repo, linked.number, removed), linked.repo);
      }
      await linked.github.rest.issues.removeAssignees({ ...issueParams(linked), assignees: plan.remove });
    }
  };
}

const COMMENT_MARK = 'sync-comment';
const DELETED = 'deleted';

interface CommentData {
  comment?: string;
  comment_id?: string | number;
  issue_id: string | number;
  timestamp?: string;
}

/** `comment.created/updated/deleted` → one GitHub comment per Sentry comment, updated and deleted in place. */
export function mirrorComment(services: SyncServices): SentryHandler {
  return async (webhook, ctx) => {
    const data = webhook.data as unknown as CommentData;
    if (data.comment_id === undefined) return;
    const commentId = String(data.comment_id);
    if (await actedByUs(services, webhook)) return;
    if (webhook.action !== 'deleted' && carriesMarker(data.comment)) return; // a comment we wrote in Sentry
    const linked = await findLinkedIssue(services, String(data.issue_id), webhook.installation.uuid);
    if (!linked?.settings.comments) return;
    const { org } = await services.sentryFor(webhook.installation.uuid);
    const ref = issueRef(services, org, { id: String(data.issue_id) });
    const claim = await claimOnce(
      services.store,
      { kind: COMMENT_MARK, key: commentId, repo: linked.repo },
      ctx.job.id,
      services.now(),
    );
    if (claim.state === 'busy') {
      throw new ClaimBusyError(`the GitHub comment for Sentry comment ${commentId} is being created by another job`);
    }
    if (claim.state === 'done' && claim.value === DELETED) return; // a late create or update must not bring it back
    const githubCommentId =
      claim.state === 'done' ? Number(claim.value) : claim.fresh ? undefined : await findMirror(linked, commentId); // an earlier attempt of this job may have created it
    if (webhook.action === 'deleted') {
      if (githubCommentId) await deleteIfPresent(linked, githubCommentId);
      await services.store.setMarkValue(COMMENT_MARK, commentId, DELETED);
      return;
    }
    const body = renderMirroredComment({
      commentId,
      author: actorName(webhook),
      text: data.comment ?? '',
      issue: ref,
      timestamp: data.timestamp,
      scrub: linked.scrub,
    });
    if (githubCommentId) {
      await linked.github.rest.issues.updateComment({
        owner: linked.owner,
        repo: linked.name,
        comment_id: githubCommentId,
        body,
      });
    } else {
      const created = await linked.github.rest.issues.createComment({ ...issueParams(linked), body });
      await services.store.setMarkValue(COMMENT_MARK, commentId, String(created.data.id));
    }
  };
}

/** After a crash between creating a GitHub comment and storing its id, the marker finds it again. */
const findMirror = (linked: LinkedIssue, commentId: string) => findComment(linked, `id=${commentId}`, 'sentry-comment');

async function deleteIfPresent(linked: LinkedIssue, commentId: number): Promise<void> {
  try {
    await linked.github.rest.issues.deleteComment({ owner: linked.owner, repo: linked.name, comment_id: commentId });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error; // already gone: done
  }
}

/** Our own change coming back: recorded before we made it, or Sentry names our integration as the actor. */
async function echo(
  services: SyncServices,
  writes: RecordedWrites,
  webhook: SentryWebhook,
  key: string,
): Promise<boolean> {
  // A Sentry user's action, or Sentry's own (auto-resolve, regression), is never an echo of ours.
  const recorded = await writes.take(key);
  const actor = webhook.actor as { type?: string; id?: unknown } | undefined;
  const byPersonOrSentry = actor?.type === 'user' || actor?.id === 'sentry';
  if ((await actedByUs(services, webhook)) || (recorded && !byPersonOrSentry)) {
    services.log.debug({ key, action: webhook.action }, 'sync: our own change came back; not mirrored');
    return true;
  }
  return false;
}
