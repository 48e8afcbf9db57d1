// Sentry → GitHub: status, assignee and comments of a linked issue, mirrored unless we caused the change.
import type { SentryWebhookContext } from '../intake/sentry-webhook-job.ts';
import type { SentryWebhook } from '../intake/schema.ts';
import { carriesMarker } from '../services/markers.ts';
import { githubLoginFor, planGitHubAssignees } from './assignees.ts';
import { ClaimBusyError, claimOnce } from './claims.ts';
import {
  actedByUs,
  actorName,
  findLinkedIssue,
  issueRef,
  type LinkedIssue,
  webhookIssue,
  type WebhookIssue,
} from './context.ts';
import { findComment, issueParams, setIssueState, type StateChange } from './issue-state.ts';
import { writeKey } from './loop-guard.ts';
import type { RecordedWrites } from './recorded-writes.ts';
import { renderMirroredComment, renderStatusComment, renderUnresolvedComment } from './render.ts';
import type { SyncServices } from './services.ts';

export type SentryHandler = (webhook: SentryWebhook, ctx: SentryWebhookContext) => Promise<void>;

/** What a Sentry status webhook asks of the linked GitHub issue. */
interface LinkedStateSpec {
  /** False for the webhooks another handler owns. */
  applies?(issue: WebhookIssue): boolean;
  /** The Sentry status this webhook reports: our own recorded change to it is an echo, not mirrored. */
  sentryStatus(webhook: SentryWebhook): string;
  change(webhook: SentryWebhook, ctx: SentryWebhookContext, linked: LinkedIssue): StateChange;
}

/** Find the linked issue, skip our own echo, then set its state with its keyed comment (`setIssueState`). */
function linkedStateHandler(services: SyncServices, writes: RecordedWrites, spec: LinkedStateSpec): SentryHandler {
  return async (webhook, ctx) => {
    const issue = webhookIssue(webhook);
    if (spec.applies && !spec.applies(issue)) return;
    const echoKey = writeKey.sentryStatus(String(issue.id), spec.sentryStatus(webhook));
    if (await echo(services, writes, webhook, echoKey)) return;
    const linked = await findLinkedIssue(services, String(issue.id), webhook.installation.uuid);
    if (!linked?.settings.status) return;
    await setIssueState(linked, spec.change(webhook, ctx, linked), writes);
  };
}

const closedStatus = (webhook: SentryWebhook) => (webhook.action === 'resolved' ? 'resolved' : 'ignored');

/** `issue.resolved`, `issue.ignored`, `issue.archived` → close the linked GitHub issue with one comment. */
export function closeOnResolve(services: SyncServices, writes: RecordedWrites): SentryHandler {
  return linkedStateHandler(services, writes, {
    sentryStatus: closedStatus,
    change(webhook, ctx, linked) {
      const status = closedStatus(webhook);
      const key = `status=${status}@${ctx.job.id}`;
      return {
        state: 'closed',
        stateReason: status === 'resolved' ? 'completed' : 'not_planned',
        key,
        async comment() {
          const issue = webhookIssue(webhook);
          const { org } = await services.sentryFor(webhook.installation.uuid);
          return renderStatusComment({
            action: status,
            actorName: actorName(webhook),
            issue: issueRef(services, org, issue),
            inRelease: issue.statusDetails?.inRelease,
            inNextRelease: issue.statusDetails?.inNextRelease,
            scrub: linked.scrub,
            key,
          });
        },
      };
    },
  });
}

/** `issue.unresolved` (not a regression: that is the regression handler's) → reopen with one comment. */
export function reopenOnUnresolve(services: SyncServices, writes: RecordedWrites): SentryHandler {
  return linkedStateHandler(services, writes, {
    applies: (issue) => issue.substatus !== 'regressed',
    sentryStatus: () => 'unresolved',
    change(webhook, ctx, linked) {
      const key = `status=unresolved@${ctx.job.id}`;
      return {
        state: 'open',
        key,
        async comment() {
          const { org } = await services.sentryFor(webhook.installation.uuid);
          return renderUnresolvedComment({
            actorName: actorName(webhook),
            issue: issueRef(services, org, webhookIssue(webhook)),
            scrub: linked.scrub,
            key,
          });
        },
      };
    },
  });
}

/** `issue.assigned` → the mapped GitHub login becomes the assignee; people the map does not know are left alone. */
export function assignOnAssign(services: SyncServices, writes: RecordedWrites): SentryHandler {
  return async (webhook) => {
    const issue = webhookIssue(webhook);
    const assignee = issue.assignedTo;
    const key = writeKey.sentryAssignee(String(issue.id), assignee?.email ?? assignee?.username ?? '');
    if (await echo(services, writes, webhook, key)) return;
    const linked = await findLinkedIssue(services, String(issue.id), webhook.installation.uuid);
    if (!linked?.settings.assignees) return;
    const login = githubLoginFor(assignee, linked.settings.people);
    if (!login) return;
    const current = await linked.github.rest.issues.get(issueParams(linked));
    const plan = planGitHubAssignees(
      (current.data.assignees ?? []).map((a) => a.login),
      login,
      linked.settings.people,
    );
    if (plan.add.length) {
      await writes.record(writeKey.githubAssignee(linked.repo, linked.number, login), linked.repo);
      await linked.github.rest.issues.addAssignees({ ...issueParams(linked), assignees: plan.add });
    }
    if (plan.remove.length) {
      for (const login of plan.remove) {
        await writes.record(writeKey.githubUnassignee(linked.repo, linked.number, login), linked.repo);
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
