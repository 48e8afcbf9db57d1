// GitHub or Sentry answering 5xx in the middle of a sync: the job is retried and nothing is written twice.
import { afterEach, describe, expect, it } from 'vitest';
import { baseGitHubSeed, ISSUE_ID, issuesPayload, startWorld, type World } from './harness.ts';
import { pullComments, regressed, regressionRepo, sentryItself, sentrySeed } from './regression-world.ts';

const ana = { type: 'user', id: '42', name: 'Ana Lead' };
const resolved = {
  issue: {
    id: ISSUE_ID,
    shortId: 'WEB-9',
    title: 'RangeError: Invalid time value',
    status: 'resolved',
    statusDetails: {},
  },
};
const unresolved = { issue: { ...resolved.issue, status: 'unresolved', substatus: 'ongoing' } };

/** The world's linked GitHub issue starts closed (resolved earlier). */
function closedIssueSeed() {
  const seed = baseGitHubSeed();
  for (const issue of seed.repos?.[0]?.issues ?? []) issue.state = 'closed';
  return seed;
}

describe('5xx mid-sync', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('Sentry failing the resolve: the job retries and resolves once', async () => {
    world = await startWorld();
    // More failures than the client's own attempts (3): the job itself must fail and run again.
    world.sentry.inject({ method: 'PUT', path: `/issues/${ISSUE_ID}/$`, times: 4, status: 503 });
    await world.githubWebhook('issues', issuesPayload('closed', { login: 'ana-gh' }));
    await world.settle();
    expect(world.sentryIssue()?.status).toBe('resolved');
    const puts = world.sentry.state().requests.filter((r) => r.method === 'PUT');
    expect(puts.filter((r) => !r.fault).map((r) => r.status)).toEqual([200]);
    const [job] = await world.app.deps.store.listJobs({ type: 'sync.github-issue' });
    expect(job).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('GitHub failing the close after the comment: the retry closes without a second comment', async () => {
    world = await startWorld();
    world.github.inject({ method: 'PATCH', path: '^/repos/acme/web/issues/1$', times: 4, status: 502 });
    await world.sentryIssueChange('resolved', resolved, ana);
    await world.settle();
    const issue = world.issue();
    expect(issue.state).toBe('closed');
    expect(issue.comments).toHaveLength(1);
    const jobs = await world.app.deps.store.listJobs({ type: 'sentry.webhook' });
    expect(jobs.map((j) => j.attempts).sort()).toEqual([1, 2]); // installation, then this one retried once
  });

  it('GitHub failing the reopen after the comment: the retry reopens without a second comment', async () => {
    world = await startWorld({ githubSeed: closedIssueSeed() });
    world.github.inject({ method: 'PATCH', path: '^/repos/acme/web/issues/1$', times: 4, status: 502 });
    await world.sentryIssueChange('unresolved', unresolved, ana);
    await world.settle();
    const issue = world.issue();
    expect(issue.state).toBe('open');
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]?.body).toMatch(/^Marked unresolved in Sentry by Ana Lead/);
  });

  it('GitHub failing the comment of a reopen: the retry writes it, then reopens (a reopen is never left without it)', async () => {
    world = await startWorld({ githubSeed: closedIssueSeed() });
    world.github.inject({ method: 'POST', path: '^/repos/acme/web/issues/1/comments$', times: 4, status: 502 });
    await world.sentryIssueChange('unresolved', unresolved, ana);
    await world.settle();
    const issue = world.issue();
    expect(issue.state).toBe('open');
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]?.body).toMatch(/^Marked unresolved in Sentry by Ana Lead/);
    const jobs = await world.app.deps.store.listJobs({ type: 'sentry.webhook' });
    expect(jobs.map((j) => j.attempts).sort()).toEqual([1, 2]); // installation, then this one retried once
  });

  it('GitHub failing one PR comment: the retry edits the comments already made and creates the missing one', async () => {
    world = await startWorld({ sentrySeed: sentrySeed(), githubSeed: regressionRepo() });
    world.github.inject({ method: 'POST', path: '^/repos/acme/web/issues/15/comments$', times: 4, status: 500 });
    await world.sentryIssueChange('unresolved', regressed('312'), sentryItself);
    await world.settle();
    const comments = pullComments(world);
    expect(comments.map((p) => [p.number, p.comments.length])).toEqual([
      [13, 1],
      [14, 1],
      [15, 1],
    ]);
    expect(world.issue().comments).toHaveLength(1);
    expect(world.issue().state).toBe('open');
  });
});
