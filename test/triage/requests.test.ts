// How many GitHub requests a new issue costs: what is fixed at a commit (config, CODEOWNERS, files, history) is read
// once, and GitHub is searched for an issue's marker only when something may have opened it already.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertData, ISSUE_ID, startWorld, type World } from './world.ts';

const issueOf = (world: World, sentryIssueId: string) =>
  world.issues().filter((i) => (i.body ?? '').includes(`faultline:sentry-issue:${sentryIssueId} `));

/** `issue.created` as Sentry sends it for a brand-new issue (no event: triage fetches the latest one). */
function issueCreated(id: string) {
  return {
    issue: {
      id,
      shortId: `WEB-${id}`,
      title: 'RangeError: Invalid time value',
      culprit: 'renderInvoice(src/billing/invoice.ts)',
      level: 'error',
      status: 'unresolved',
      project: { id: '1', slug: 'web', name: 'web' },
      count: '1',
      userCount: 1,
    },
  };
}

describe('GitHub requests per new issue', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, 30_000);
  afterAll(() => world?.close());

  const requestsDuring = async (send: () => Promise<unknown>) => {
    const before = world.github.state().requests.length;
    await send();
    await world.settle(30_000);
    return world.github.state().requests.slice(before);
  };

  it('opens 10 distinct alerts on one commit with at most 5 GitHub requests each on average', async () => {
    const ids = Array.from({ length: 10 }, (_, i) => String(7_100_000 + i));
    const requests = await requestsDuring(() =>
      Promise.all(
        ids.map((issueId, i) =>
          world.send('event_alert', 'triggered', alertData({ issueId, eventId: String(i).padStart(32, '0') })),
        ),
      ),
    );
    for (const id of ids) expect(issueOf(world, id)).toHaveLength(1);
    expect(requests.length / ids.length).toBeLessThanOrEqual(5);
    // What a commit holds is read once, whatever the number of alerts.
    const reads = (pattern: RegExp) => requests.filter((r) => r.method === 'GET' && pattern.test(r.path)).length;
    expect(reads(/\/contents\/src\/billing\/invoice\.ts/)).toBeLessThanOrEqual(1);
    expect(reads(/\/git\/trees\//)).toBeLessThanOrEqual(1);
    expect(reads(/CODEOWNERS/)).toBeLessThanOrEqual(1);
  });

  it('does not search GitHub for a marker when Sentry just created the issue', async () => {
    const requests = await requestsDuring(() => world.send('issue', 'created', issueCreated(ISSUE_ID)));
    expect(issueOf(world, ISSUE_ID)).toHaveLength(1);
    expect(requests.filter((r) => r.path.startsWith('/search/'))).toEqual([]);
  });
});
