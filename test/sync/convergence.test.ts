// A Sentry webhook is a trigger, not the truth: repeats, identical bodies, replays and deliveries out of order all
// end with the GitHub issue matching what Sentry's API shows.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ISSUE_ID, REPO, startWorld, type World } from './harness.ts';

const FIXTURES = new URL('../app/fixtures/sentry', import.meta.url).pathname;
const ana = { type: 'user', id: '42', name: 'Ana Lead' };

function issueData(fixture: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  const body = JSON.parse(readFileSync(`${FIXTURES}/${fixture}.json`, 'utf8')) as {
    data: { issue: Record<string, unknown> };
  };
  const issue = { ...body.data.issue, id: ISSUE_ID, shortId: 'WEB-9', project: { id: '1', slug: 'web', name: 'web' } };
  return { issue: { ...issue, ...patch } };
}

const resolved = () => issueData('issue.resolved', { statusDetails: {} });
const unresolved = () => issueData('issue.resolved', { status: 'unresolved', substatus: 'ongoing', statusDetails: {} });
const assigned = (assignedTo: Record<string, unknown> | null) =>
  issueData('issue.assigned', { status: 'unresolved', assignedTo });
const anaUser = { type: 'user', id: '42', name: 'Ana Lead', email: 'ana@example.com' };

describe('the mirror converges to Sentry’s state', () => {
  let world: World;
  afterEach(async () => {
    await world?.close();
  });

  it('resolve → unresolve → resolve (the same body twice) ends closed', async () => {
    world = await startWorld();
    expect(await world.sentryIssueChange('resolved', resolved(), ana)).toBe(202);
    await world.settle();
    expect(world.issue().state).toBe('closed');
    await world.sentryIssueChange('unresolved', unresolved(), ana);
    await world.settle();
    expect(world.issue().state).toBe('open');
    // Byte for byte the first resolve's body: a legitimate second change, not a duplicate to drop.
    expect(await world.sentryIssueChange('resolved', resolved(), ana)).toBe(202);
    await world.settle();
    expect(world.sentryIssue()?.status).toBe('resolved');
    expect(world.issue().state).toBe('closed');
    expect(world.issue().comments.map((c) => c.body.split(':')[0])).toEqual([
      'Resolved in Sentry by Ana Lead',
      'Marked unresolved in Sentry by Ana Lead',
      'Resolved in Sentry by Ana Lead',
    ]);
  });

  it('the same three changes arriving together also end closed', async () => {
    world = await startWorld();
    await world.sentryIssueChange('resolved', resolved(), ana);
    await world.sentryIssueChange('unresolved', unresolved(), ana);
    await world.sentryIssueChange('resolved', resolved(), ana);
    await world.settle();
    expect(world.sentryIssue()?.status).toBe('resolved');
    expect(world.issue().state).toBe('closed');
  });

  it('a webhook replayed after a later change rolls nothing back', async () => {
    world = await startWorld();
    await world.sentryIssueChange('resolved', resolved(), ana);
    await world.settle();
    await world.sentryIssueChange('unresolved', unresolved(), ana);
    await world.settle();
    const before = world.issue();
    // The old `resolved` delivered again (a replay, or Sentry's retry of it) while Sentry shows the issue open.
    expect(await world.sentryWebhook('issue', 'resolved', resolved(), ana)).toBe(202);
    await world.settle();
    expect(world.sentryIssue()?.status).toBe('unresolved');
    expect(world.issue().state).toBe('open');
    expect(world.issue().comments).toEqual(before.comments);
  });

  it('assign → unassign ends unassigned, though Sentry sends no webhook for an unassignment', async () => {
    world = await startWorld();
    await world.sentryIssueChange('assigned', assigned(anaUser), ana);
    await world.settle();
    expect(world.issue().assignees).toEqual(['ana-gh']);

    // Ana unassigns herself in Sentry (no webhook), then resolves: the next trigger mirrors both.
    world.sentry.seed({ issues: [{ ...world.sentryIssue(), assignedTo: null }] as never });
    await world.sentryIssueChange('resolved', resolved(), ana);
    await world.settle();
    expect(world.sentryIssue()?.assignedTo).toBeNull();
    expect(world.issue()).toMatchObject({ state: 'closed', assignees: [] });
  });

  it('an assignment delivered after the unassignment that followed it leaves the issue unassigned', async () => {
    world = await startWorld();
    world.sentry.inject({ webhook: 'delay', event: '^issue\\.assigned$', delayMs: 300 } as never);
    await world.sentryIssueChange('assigned', assigned(anaUser), ana);
    world.sentry.seed({ issues: [{ ...world.sentryIssue(), assignedTo: null }] as never });
    await new Promise((r) => setTimeout(r, 600));
    await world.settle();
    expect(world.issue().assignees).toEqual([]);
  });

  it('resolved delivered before created: the issue is created, then closed', async () => {
    world = await startWorld({ link: false });
    world.sentry.seed({ issues: [{ ...world.sentryIssue(), status: 'resolved' }] as never });
    // Sentry's resolved overtakes its created: nothing is linked yet, so nothing to close.
    expect(await world.sentryWebhook('issue', 'resolved', resolved(), ana)).toBe(202);
    await world.settle();
    expect(await world.app.deps.store.getLink(ISSUE_ID)).toBeUndefined();

    expect(await world.sentryWebhook('issue', 'created', issueData('issue.created', { status: 'unresolved' }))).toBe(
      202,
    );
    await world.settle();
    const link = await world.app.deps.store.getLink(ISSUE_ID);
    expect(link?.githubIssueNumber).toBeGreaterThan(0);
    const created = world.issue(REPO, link!.githubIssueNumber);
    expect(created.state).toBe('closed');
    expect(created.comments.at(-1)?.body).toMatch(/^Resolved in Sentry: /);
  });
});
