// Sentry → GitHub: status, assignee and comments of a linked issue, mirrored unless we caused the change.
import type { SentryWebhookContext } from '../intake/sentry-webhook-job.ts';
import type { SentryWebhook } from '../intake/schema.ts';
import { githubLoginFor, planGitHubAssignees } from './assignees.ts';
import { actedByUs, actorName, findLinkedIssue, issueRef, type LinkedIssue, webhookIssue } from './context.ts';
import { ClaimBusyError, claimOnce } from './claims.ts';
import { carriesSyncMarker, type MarkerKind, syncMarker, writeKey } from './loop-guard.ts';
import type { RecordedWrites } from './recorded-writes.ts';
import { renderMirroredComment, renderStatusComment, renderUnresolvedComment } from './render.ts';
import type { SyncServices } from './services.ts';

export type SentryHandler = (webhook: SentryWebhook, ctx: SentryWebhookContext) => Promise<void>;

/** `issue.resolved`, `issue.ignored`, `issue.archived` → close the linked GitHub issue with one comment. */
export function closeOnResolve(services: SyncServices, writes: RecordedWrites): SentryHandler {
  return async (webhook, ctx) => {
    const issue = webhookIssue(webhook);
    const status = webhook.action === 'resolved' ? 'resolved' : 'ignored';
    if (await echo(services, writes, webhook, writeKey.sentryStatus(String(issue.id), status))) return;
    const linked = await findLinkedIssue(services, String(issue.id), webhook.installation.uuid);
    if (!linked?.settings.status) return;
    const current = await linked.github.rest.issues.get(target(linked));
    if (current.data.state === 'closed') return; // closed already (by a person, or by an earlier run of this job)
    const { org } = await services.sentryFor(webhook.installation.uuid);
    // Comment first, then close: a retry after a failure in between finds its comment by the key and only closes.
    const key = `status=${status}@${ctx.delivery.id}`;
    if (!(await findComment(linked, key))) {
      await linked.github.rest.issues.createComment({
        ...target(linked),
        body: renderStatusComment({
          action: status,
          actorName: actorName(webhook),
          issue: issueRef(services, org, issue),
          inRelease: issue.statusDetails?.inRelease,
          inNextRelease: issue.statusDetails?.inNextRelease,
          scrub: linked.scrub,
          key,
        }),
      });
    }
    await writes.record(writeKey.githubState(linked.repo, linked.number, 'closed'), linked.repo);
    await linked.github.rest.issues.update({
      ...target(linked),
      state: 'closed',
      state_reason: status === 'resolved' ? 'completed' : 'not_planned',
    });
  };
}

/** `issue.unresolved` (not a regression: that is the regression handler's) → reopen with one comment. */
export function reopenOnUnresolve(services: SyncServices, writes: RecordedWrites): SentryHandler {
  return async (webhook, ctx) => {
    const issue = webhookIssue(webhook);
    if (issue.substatus === 'regressed') return;
    if (await echo(services, writes, webhook, writeKey.sentryStatus(String(issue.id), 'unresolved'))) return;
    const linked = await findLinkedIssue(services, String(issue.id), webhook.installation.uuid);
    if (!linked?.settings.status) return;
    const current = await linked.github.rest.issues.get(target(linked));
    if (current.data.state === 'open') return;
    const { org } = await services.sentryFor(webhook.installation.uuid);
    await writes.record(writeKey.githubState(linked.repo, linked.number, 'open'), linked.repo);
    await linked.github.rest.issues.update({ ...target(linked), state: 'open' });
    const key = `status=unresolved@${ctx.delivery.id}`;
    if (await findComment(linked, key)) return;
    await linked.github.rest.issues.createComment({
      ...target(linked),
      body: renderUnresolvedComment({
        actorName: actorName(webhook),
        issue: issueRef(services, org, issue),
        scrub: linked.scrub,
        key,
      }),
    });
  };
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
    const current = await linked.github.rest.issues.get(target(linked));
    const plan = planGitHubAssignees(
      (current.data.assignees ?? []).map((a) => a.login),
      login,
      linked.settings.people,
    );
    if (plan.add.length) {
      await writes.record(writeKey.githubAssignee(linked.repo, linked.number, login), linked.repo);
      await linked.github.rest.issues.addAssignees({ ...target(linked), assignees: plan.add });
    }
    if (plan.remove.length) {
      for (const login of plan.remove) {
        await writes.record(writeKey.githubUnassignee(linked.repo, linked.number, login), linked.repo);
      }
      await linked.github.rest.issues.removeAssignees({ ...target(linked), assignees: plan.remove });
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
    if (webhook.action !== 'deleted' && carriesSyncMarker(data.comment)) return; // a comment we wrote in Sentry
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
      const created = await linked.github.rest.issues.createComment({ ...target(linked), body });
      await services.store.setMarkValue(COMMENT_MARK, commentId, String(created.data.id));
    }
  };
}

/** After a crash between creating a GitHub comment and storing its id, the marker finds it again. */
const findMirror = (linked: LinkedIssue, commentId: string) => findComment(linked, `id=${commentId}`, 'sentry-comment');

/** The id of our comment on the linked issue whose marker carries `key`, if there is one. */
export async function findComment(
  linked: LinkedIssue,
  key: string,
  kind: MarkerKind = 'sync',
): Promise<number | undefined> {
  const comments = await linked.github.paginate(linked.github.rest.issues.listComments, {
    ...target(linked),
    per_page: 100,
  });
  const marker = syncMarker(kind, key);
  return comments.find((c) => c.body?.includes(marker))?.id;
}

async function deleteIfPresent(linked: LinkedIssue, commentId: number): Promise<void> {
  try {
    await linked.github.rest.issues.deleteComment({ owner: linked.owner, repo: linked.name, comment_id: commentId });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error; // already gone: done
  }
}

export const target = (linked: LinkedIssue) => ({
  owner: linked.owner,
  repo: linked.name,
  issue_number: linked.number,
});

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
