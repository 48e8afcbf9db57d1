// A resolved Sentry issue came back: find the merged pull requests that most likely caused it, comment on each
// (one comment per PR per Sentry issue, edited in place), and reopen the linked GitHub issue naming them.
import type { SentryWebhook } from '../intake/schema.ts';
import type { SentryWebhookContext } from '../intake/sentry-webhook-job.ts';
import { regressionMarker } from '../services/markers.ts';
import { ClaimBusyError, claimOnce } from '../sync/claims.ts';
import { findLinkedIssue, issueRef, type LinkedIssue, type WebhookIssue } from '../sync/context.ts';
import { setIssueState } from '../sync/issue-state.ts';
import type { RecordedWrites } from '../sync/recorded-writes.ts';
import type { SentryHandler } from '../sync/sentry-to-github.ts';
import type { GitHub, SentryApi, SyncServices } from '../sync/services.ts';
import { eventFacts } from './event-frames.ts';
import { renderRegressionPrComment, renderRegressionReopenComment } from './render.ts';
import { type CandidatePull, rankSuspectPulls, type SuspectPull } from './suspects.ts';

/** How many commits between two releases are looked at, at most. */
const MAX_COMMITS = 100;
/** GitHub lookups in flight at once (commit → pulls, PR files). */
const LOOKUPS_AT_ONCE = 4;
const PR_COMMENT_MARK = 'sync-pr-comment';
const REGRESSION_MARK = 'sync-regression';
/** `issue.unresolved` with `substatus: regressed`. */
export function regressionHandler(services: SyncServices, writes: RecordedWrites): SentryHandler {
  return async (webhook, ctx) => {
    const issue = (webhook.data as { issue: WebhookIssue }).issue;
    if (issue.substatus !== 'regressed') return;
    await handleRegression(services, writes, webhook, ctx, String(issue.id));
  };
}

/**
 * `event_alert.triggered`: for an issue whose regression we handled, the PR comments' counts are brought up to date;
 * for a linked issue Sentry shows as regressed that we have not handled (the integration may not receive issue
 * webhooks), the regression is handled now.
 */
export function regressionCountsRefresher(services: SyncServices, writes: RecordedWrites): SentryHandler {
  return async (webhook, ctx) => {
    const issueId = (webhook.data as { event?: { issue_id?: string | number } }).event?.issue_id;
    if (issueId === undefined) return;
    const id = String(issueId);
    if (await services.store.getMark(REGRESSION_MARK, id)) {
      await handleRegression(services, writes, webhook, ctx, id, { reopen: false });
      return;
    }
    const link = await services.store.getLink(id);
    if (!link || link.githubIssueNumber <= 0) return;
    const sentry = await services.sentryFor(webhook.installation.uuid);
    const issue = await sentry.getIssue(id).catch((error: unknown) => {
      if ((error as { status?: number }).status === 404) return undefined; // gone (merged, deleted): nothing to do
      throw error;
    });
    if (issue?.substatus === 'regressed') await handleRegression(services, writes, webhook, ctx, id);
  };
}

export interface RegressionOutcome {
  release: string | undefined;
  suspects: SuspectPull[];
  commented: Array<{ pr: number; commentId: number; created: boolean }>;
}

export async function handleRegression(
  services: SyncServices,
  writes: RecordedWrites,
  webhook: SentryWebhook,
  ctx: Pick<SentryWebhookContext, 'job'>,
  issueId: string,
  opts: { reopen?: boolean } = {},
): Promise<RegressionOutcome | undefined> {
  const linked = await findLinkedIssue(services, issueId, webhook.installation.uuid);
  if (!linked) {
    services.log.info({ issueId }, 'sync: regression of an issue with no linked GitHub issue; nothing to do');
    return undefined;
  }
  const sentry = await services.sentryFor(webhook.installation.uuid);
  const issue = await sentry.getIssue(issueId);
  const event = await latestEvent(sentry, issueId);
  const facts = event === undefined ? undefined : eventFacts(event, linked.settings.paths);
  const release = facts?.release ?? issue.lastRelease?.version ?? webhookRelease(webhook);
  const frames = facts?.frames ?? [];
  // Without in-app frames there is nothing to rank PRs by: the issue is still reopened, naming the release.
  const unranked = frames.length ? undefined : 'Sentry has no event with a stack trace for this issue';
  if (unranked)
    services.log.info(
      { issueId, release: release ?? null, event: event === undefined ? 'none' : 'no in-app frames' },
      'sync: regression without an event stack trace; suspect ranking skipped',
    );
  const range = release && !unranked ? await releaseRange(sentry, release) : undefined;
  const pulls = range?.head ? await candidatePulls(linked, range.base, range.head) : [];
  const suspects = rankSuspectPulls(pulls, frames, {
    repo: linked.repo,
    max: linked.settings.regressions.maxPullRequests,
  });
  const ref = { ...issueRef(services, sentry.org, { ...issue, id: issueId }) };
  const metadata = (issue.metadata ?? {}) as { type?: string; value?: string };
  const errorType = facts?.exceptionType ?? metadata.type;
  const errorValue = facts?.exceptionValue ?? metadata.value;
  const commented: RegressionOutcome['commented'] = [];
  await services.store.putMarkOnce(
    { kind: REGRESSION_MARK, key: issueId, repo: linked.repo, value: release ?? null },
    services.now(),
  );
  if (linked.settings.regressions.comment) {
    for (const suspect of suspects) {
      const body = renderRegressionPrComment(suspect, {
        issue: { ...ref, type: errorType, value: errorValue },
        release,
        previousRelease: range?.previousVersion,
        events: issue.count === undefined ? undefined : Number(issue.count),
        users: issue.userCount,
        framePermalink: range?.head
          ? `${suspect.pull.htmlUrl.replace(/\/pull\/\d+$/, '')}/blob/${range.head}/${suspect.frame.path}#L${suspect.frame.line}`
          : undefined,
        githubIssue: { repo: linked.repo, number: linked.number },
        scrub: linked.scrub,
      });
      commented.push({
        pr: suspect.pull.number,
        ...(await upsertPrComment(services, linked, suspect.pull.number, issueId, body, ctx.job.id)),
      });
    }
  }
  if (opts.reopen !== false && linked.settings.regressions.reopen) {
    const key = `regression=${issueId}@${release ?? 'unknown'}`;
    await setIssueState(
      linked,
      {
        state: 'open',
        key,
        comment: () => renderRegressionReopenComment({ issue: ref, release, suspects, key, unranked }),
      },
      writes,
    );
  }
  return { release, suspects, commented };
}

/** The issue's latest event; undefined when Sentry has none (404, or an empty answer). */
async function latestEvent(sentry: SentryApi, issueId: string): Promise<unknown> {
  try {
    const event: unknown = await sentry.getLatestEvent(issueId);
    return event && typeof event === 'object' && Object.keys(event).length ? event : undefined;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

/** The release an `event_alert` webhook's event names (the other regression webhooks carry none). */
function webhookRelease(webhook: SentryWebhook): string | undefined {
  const release = (webhook.data as { event?: { release?: unknown } }).event?.release;
  return typeof release === 'string' && release !== '' ? release : undefined;
}

/** The release's head commit and the previous release's (the range the regression came in with). */
async function releaseRange(
  sentry: SentryApi,
  version: string,
): Promise<{ head: string | undefined; base: string | undefined; previousVersion: string | undefined }> {
  const release = await sentry.getRelease(version);
  const head = release?.lastCommit?.id ?? (/^[0-9a-f]{40}$/i.test(version) ? version : undefined);
  const previous = (await sentry.previousReleaseWithCommits(version)) as
    { lastCommit?: { id?: string } | null; version?: string } | undefined;
  return { head, base: previous?.lastCommit?.id, previousVersion: previous?.version };
}

/** Merged PRs of the linked repo behind the commits between two releases, with their files and patches. */
async function candidatePulls(linked: LinkedIssue, base: string | undefined, head: string): Promise<CandidatePull[]> {
  const gh = linked.github;
  const repo = { owner: linked.owner, repo: linked.name };
  const shas = base
    ? (await gh.rest.repos.compareCommits({ ...repo, base, head })).data.commits.slice(-MAX_COMMITS).map((c) => c.sha)
    : [head];
  const associated = await mapLimit(
    shas,
    LOOKUPS_AT_ONCE,
    async (sha) => (await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha })).data,
  );
  const merged = new Map<number, (typeof associated)[number][number]>();
  for (const pr of associated.flat()) {
    // Only PRs merged into this repository: a fork's or another repo's PR never gets a comment.
    if (!pr.merged_at || pr.base.repo.full_name.toLowerCase() !== linked.repo.toLowerCase()) continue;
    if (!merged.has(pr.number)) merged.set(pr.number, pr);
  }
  return mapLimit([...merged.values()], LOOKUPS_AT_ONCE, async (pr) => ({
    number: pr.number,
    title: pr.title,
    htmlUrl: pr.html_url,
    baseRepo: pr.base.repo.full_name,
    author: pr.user?.login,
    mergedAt: pr.merged_at,
    files: await pullFiles(gh, linked, pr.number),
  }));
}

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function pullFiles(gh: GitHub, linked: LinkedIssue, pull: number): Promise<CandidatePull['files']> {
  const files = await gh.paginate(gh.rest.pulls.listFiles, {
    owner: linked.owner,
    repo: linked.name,
    pull_number: pull,
    per_page: 100,
  });
  return files.map((f) => ({ filename: f.filename, patch: f.patch }));
}

/**
 * One comment per (PR, Sentry issue): the first run claims it (pr_comments row + a mark that will hold the comment
 * id), creates it and stores the id; later runs edit it in place. A retry of the claiming job first looks for the
 * comment by its marker (the failed attempt may have created it); another job waits until the id is stored.
 */
async function upsertPrComment(
  services: SyncServices,
  linked: LinkedIssue,
  pr: number,
  issueId: string,
  body: string,
  claimant: number,
): Promise<{ commentId: number; created: boolean }> {
  const now = services.now();
  const key = `${linked.repo}#${pr}:${issueId}`;
  await services.store.recordPrComment(
    { githubRepo: linked.repo, prNumber: pr, sentryIssueId: issueId, commentId: null },
    now,
  );
  const claim = await claimOnce(services.store, { kind: PR_COMMENT_MARK, key, repo: linked.repo }, claimant, now);
  if (claim.state === 'busy')
    throw new ClaimBusyError(`the regression comment on ${key} is being created by another job`);
  const gh = linked.github;
  const target = { owner: linked.owner, repo: linked.name };
  let commentId = claim.state === 'done' ? Number(claim.value) : undefined;
  if (claim.state === 'ours' && !claim.fresh) {
    const comments = await gh.paginate(gh.rest.issues.listComments, { ...target, issue_number: pr, per_page: 100 });
    commentId = comments.find((c) => c.body?.includes(regressionMarker(issueId)))?.id;
  }
  if (commentId) {
    try {
      await gh.rest.issues.updateComment({ ...target, comment_id: commentId, body });
      if (claim.state !== 'done') await services.store.setMarkValue(PR_COMMENT_MARK, key, String(commentId));
      return { commentId, created: false };
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error; // deleted by someone: write a new one
    }
  }
  const created = await gh.rest.issues.createComment({ ...target, issue_number: pr, body });
  await services.store.setMarkValue(PR_COMMENT_MARK, key, String(created.data.id));
  return { commentId: created.data.id, created: true };
}
