// Setting a GitHub issue's state with its comment, in the one order that survives a crash at any step: read the
// current state, write the keyed comment (a retry finds it by its key and does not write it again), record the
// write (so the webhook it causes is not mirrored back), change the state. The close, reopen, regression and
// incident handlers each fill in only what differs.
import { readMarker } from '../services/markers.ts';
import { writeKey } from './loop-guard.ts';
import type { RecordedWrites } from './recorded-writes.ts';
import type { GitHub } from './services.ts';

/** One GitHub issue: where it is and the client that may write to it. */
export interface IssueTarget {
  github: GitHub;
  repo: string;
  owner: string;
  name: string;
  number: number;
}

export interface StateChange {
  state: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | undefined;
  /** The comment's marker key: names the change and the job, so a retry of the same job finds its comment. */
  key: string;
  /** The comment, carrying `syncCommentMarker(key)`; rendered only when it is not on the issue yet. */
  comment(): string | Promise<string>;
}

/** What happened: the issue was already in the state (nothing written), or it was changed. */
export type StateOutcome = 'unchanged' | 'changed';

export async function setIssueState(
  issue: IssueTarget,
  change: StateChange,
  writes: RecordedWrites,
): Promise<StateOutcome> {
  const current = await issue.github.rest.issues.get(issueParams(issue));
  if (current.data.state === change.state) return 'unchanged'; // by a person, or by an earlier run of this job
  if (!(await findComment(issue, change.key))) {
    await issue.github.rest.issues.createComment({ ...issueParams(issue), body: await change.comment() });
  }
  await writes.record(writeKey.githubState(issue.repo, issue.number, change.state), issue.repo);
  await issue.github.rest.issues.update({
    ...issueParams(issue),
    state: change.state,
    ...(change.stateReason ? { state_reason: change.stateReason } : {}),
  });
  return 'changed';
}

/** The id of our comment on the issue whose marker (of `kind`, `sync` by default) carries `key`, if there is one. */
export async function findComment(
  issue: IssueTarget,
  key: string,
  kind: 'sync' | 'sentry-comment' = 'sync',
): Promise<number | undefined> {
  const comments = await issue.github.paginate(issue.github.rest.issues.listComments, {
    ...issueParams(issue),
    per_page: 100,
  });
  return comments.find((c) => readMarker(c.body, kind)?.key === key)?.id;
}

export const issueParams = (issue: IssueTarget) => ({
  owner: issue.owner,
  repo: issue.name,
  issue_number: issue.number,
});
