// Three releases, five merged PRs: when the resolved error comes back, the PR that changed the crashing line gets a
// comment with that hunk (ranked first), one comment per PR edited in place, none elsewhere; the issue reopens.
import { afterEach, describe, expect, it } from 'vitest';
import { backends } from '../app/backends.ts';
import { CONFIG_YAML, ISSUE_ID, REPO, sha, startWorld, type World } from './harness.ts';
import {
  FIX,
  pullComments,
  REGRESSION,
  regressed,
  regressionRepo,
  sentryItself,
  sentrySeed,
} from './regression-world.ts';

for (const { name: backend, available } of backends) {
  describe.runIf(available)(`regressions → PR comments (${backend})`, () => {
    let world: World | undefined;
    afterEach(async () => {
      await world?.close();
      world = undefined;
    });

    it('comments on the suspect PRs, the one that changed the crashing line first with its hunk, and reopens the issue', async () => {
      world = await startWorld({ sentrySeed: sentrySeed(), githubSeed: regressionRepo(), backend });
      expect(await world.sentryWebhook('issue', 'unresolved', regressed('312'), sentryItself)).toBe(202);
      await world.settle();

      const byPr = new Map(pullComments(world).map((p) => [p.number, p.comments]));
      expect([...byPr.keys()].sort()).toEqual([13, 14, 15]); // never #11 (before the previous release) or #12 (docs)
      for (const comments of byPr.values()) expect(comments).toHaveLength(1);

      const onThree = byPr.get(13)?.[0]?.body ?? '';
      expect(onThree).toContain('Possible regression: RangeError: Invalid time value');
      expect(onThree).toContain('This pull request changed the line where it now crashes.');
      expect(onThree).toContain('came back in release `web@1.2.0`');
      expect(onThree).toContain('came back in release `web@1.2.0`, after the changes since `web@1.1.0`.');
      expect(onThree).toContain(`/blob/${sha(6)}/src/billing/invoice.ts#L13`);
      expect(onThree).toContain(`-${FIX}`);
      expect(onThree).toContain(`+${REGRESSION}`);
      expect(onThree).toContain('312 events, 40 users so far');
      expect(onThree).toContain(`- **Issue:** ${REPO}#1`);
      // The other suspects do not carry that hunk.
      expect(byPr.get(14)?.[0]?.body).not.toContain(`+${REGRESSION}`);
      expect(byPr.get(15)?.[0]?.body).toContain('+  submit(cart, { terms });');
      expect(pullComments(world, 'acme/other')).toEqual([]);

      const issue = world.issue();
      expect(issue.state).toBe('open');
      expect(issue.comments).toHaveLength(1);
      expect(issue.comments[0]?.body).toMatch(/^Regressed in release `web@1\.2\.0`: \[WEB-9\]/);
      expect(issue.comments[0]?.body).toContain('Suspect pull requests: #13, #15, #14.');

      // More events: the next delivery edits the same comments in place; the issue is not commented again.
      const firstIds = pullComments(world).map((p) => p.comments[0]?.id);
      world.sentry.seed({
        issues: [{ id: ISSUE_ID, project: 'web', status: 'unresolved', count: '420', userCount: 51 }],
      });
      await world.sentryWebhook('issue', 'unresolved', regressed('420'), sentryItself);
      await world.settle();
      const after = pullComments(world);
      expect(after.map((p) => p.comments.length)).toEqual([1, 1, 1]);
      expect(after.map((p) => p.comments[0]?.id)).toEqual(firstIds);
      expect(after.find((p) => p.number === 13)?.comments[0]?.body).toContain('420 events, 51 users so far');
      expect(world.issue().comments).toHaveLength(1);
      // SHOW_SAMPLES=1 prints the comment (for release notes and the issue's closing note).
      if (process.env.SHOW_SAMPLES)
        console.log(
          `\n--- regression PR comment (acme/web#13) ---\n${after.find((p) => p.number === 13)?.comments[0]?.body}\n---`,
        );
    });

    it('handles a regression seen first through an event alert (no issue webhook)', async () => {
      const seed = sentrySeed();
      seed.issues = seed.issues?.map((i) => ({ ...i, status: 'unresolved', substatus: 'regressed' }));
      world = await startWorld({ sentrySeed: seed, githubSeed: regressionRepo(), backend });
      const event = { event_id: 'e'.repeat(32), issue_id: ISSUE_ID, release: 'web@1.2.0', level: 'error', project: 1 };
      expect(await world.sentryWebhook('event_alert', 'triggered', { event, triggered_rule: 'regressions' })).toBe(202);
      await world.settle();
      expect(pullComments(world).map((p) => p.number)).toEqual([13, 14, 15]);
      expect(world.issue().state).toBe('open');
    });

    it('a regressed issue without events still reopens naming the release, without suspects, and is not dead-lettered', async () => {
      const seed = sentrySeed();
      seed.events = []; // Sentry answers 404 for the latest event
      seed.issues = seed.issues?.map((i) => ({ ...i, lastRelease: { version: 'web@1.2.0' } }));
      world = await startWorld({ sentrySeed: seed, githubSeed: regressionRepo(), backend });
      expect(await world.sentryWebhook('issue', 'unresolved', regressed('312'), sentryItself)).toBe(202);
      await world.settle();

      const issue = world.issue();
      expect(issue.state).toBe('open');
      expect(issue.comments).toHaveLength(1);
      expect(issue.comments[0]?.body).toMatch(/^Regressed in release `web@1\.2\.0`: \[WEB-9\]/);
      expect(issue.comments[0]?.body).toContain('Sentry has no event with a stack trace for this issue');
      expect(pullComments(world)).toEqual([]);
      const jobs = await world.app.deps.store.listJobs({ type: 'sentry.webhook' });
      expect(jobs.map((j) => j.state)).toEqual(['done', 'done']);
      expect(world.logs.some((l) => l.includes('without an event stack trace; suspect ranking skipped'))).toBe(true);
    });

    it('writes no PR comment when the config turns it off, and still reopens', async () => {
      world = await startWorld({
        sentrySeed: sentrySeed(),
        githubSeed: regressionRepo(`${CONFIG_YAML}regressions:\n  comment: false\n`),
        backend,
      });
      await world.sentryWebhook('issue', 'unresolved', regressed('312'), sentryItself);
      await world.settle();
      expect(pullComments(world)).toEqual([]);
      expect(world.issue().state).toBe('open');
    });
  });
}
