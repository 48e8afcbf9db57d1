// GitHub's secondary rate limit during triage, with the app's own pacing and retries on: the issue still opens once,
// and the wait shows in /metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePrometheusText, sampleValue } from '../app/text-formats.ts';
import { alertData, ISSUE_ID, startWorld, type World } from './world.ts';

describe('triage under a GitHub secondary rate limit', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ githubPacing: true });
  }, 30_000);
  afterAll(() => world?.close());

  it('waits as GitHub asks, opens the issue once, and counts the wait', async () => {
    world.github.inject({ method: 'POST', path: '^/repos/acme/web/issues$', rateLimit: 'secondary', retryAfter: 5 });
    expect(await world.send('event_alert', 'triggered', alertData())).toBe(202);
    await world.settle(30_000);
    const opened = world.issues().filter((i) => (i.body ?? '').includes(`faultline:sentry-issue:${ISSUE_ID} `));
    expect(opened).toHaveLength(1);
    const creations = world.github
      .state()
      .requests.filter((r) => r.method === 'POST' && r.path === '/repos/acme/web/issues')
      .map((r) => r.status);
    expect(creations).toEqual([403, 201]);
    const metrics = parsePrometheusText(await (await fetch(`${world.app.url}/metrics`)).text()).samples;
    expect(sampleValue(metrics, 'faultline_rate_limit_waits_total', { service: 'github' })).toBe(1);
    expect(sampleValue(metrics, 'faultline_rate_limit_wait_seconds_total', { service: 'github' })).toBe(5);
    expect(await world.app.deps.store.listJobs({ state: 'dead' })).toEqual([]);
  });
});

describe('a status change during a burst of new issues, with the pacing on', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ githubPacing: true });
    expect(await world.send('event_alert', 'triggered', alertData())).toBe(202);
    await world.settle();
  }, 30_000);
  afterAll(() => world?.close());

  it('closes the GitHub issue before the burst queued ahead of it has drained', async () => {
    const [earlier] = world.issues().filter((i) => (i.body ?? '').includes(`faultline:sentry-issue:${ISSUE_ID} `));
    const burst = Array.from({ length: 8 }, (_, i) => String(8_200_000 + i));
    for (const [i, issueId] of burst.entries()) {
      expect(
        await world.send('event_alert', 'triggered', alertData({ issueId, eventId: String(i).padStart(32, '7') })),
      ).toBe(202);
    }
    // Resolved in Sentry after the whole burst was queued.
    const issue = world.sentry.state().issues.find((i) => i.id === ISSUE_ID)!;
    world.sentry.seed({ issues: [{ ...issue, status: 'resolved' }] as never });
    expect(
      await world.send('issue', 'resolved', {
        issue: { id: ISSUE_ID, status: 'resolved', project: { id: '1', slug: 'web', name: 'web' } },
      }),
    ).toBe(202);
    await world.settle(30_000);
    const writes = world.githubWrites();
    const closed = writes.findIndex(
      (w) => w.method === 'PATCH' && w.path === `/repos/acme/web/issues/${earlier!.number}`,
    );
    const lastOpened = writes.findLastIndex((w) => w.method === 'POST' && w.path === '/repos/acme/web/issues');
    expect(closed).toBeGreaterThanOrEqual(0);
    expect(closed).toBeLessThan(lastOpened);
  });
});
