// Close ↔ resolve both ways through both emulators, without echo loops; assignees and comments mirrored.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backends } from '../app/backends.ts';
import { FIXTURES, until } from '../app/helpers.ts';
import {
  baseGitHubSeed,
  CONFIG_YAML,
  INSTALLATION_UUID,
  ISSUE_ID,
  issuesPayload,
  REPO,
  SENTRY_APP_UUID,
  startWorld,
  type World,
} from './harness.ts';

const us = { type: 'application', id: SENTRY_APP_UUID, name: 'faultline' };
const ana = { type: 'user', id: '42', name: 'Ana Lead' };

/** A fixture's `data` with the issue id and project of this world. */
function issueData(fixture: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  const body = JSON.parse(readFileSync(`${FIXTURES}/${fixture}.json`, 'utf8')) as {
    data: { issue: Record<string, unknown> };
  };
  const issue: Record<string, unknown> = {
    ...body.data.issue,
    id: ISSUE_ID,
    shortId: 'WEB-9',
    project: { id: '1', slug: 'web', name: 'web' },
  };
  delete issue.web_url; // only issue.created carries it: the app builds the link
  return { issue: { ...issue, ...patch } };
}

for (const { name: backend, available } of backends) {
  describe.runIf(available)(`two-way status sync (${backend})`, () => {
    let world: World;
    beforeEach(async () => {
      world = await startWorld({ backend });
    });
    afterEach(async () => {
      await world?.close();
    });

    it('a close in GitHub resolves Sentry once, and the resulting Sentry webhook writes nothing to GitHub', async () => {
      expect(await world.githubWebhook('issues', issuesPayload('closed', { login: 'ana-gh' }))).toBe(200);
      await world.settle();
      expect(world.sentryIssue()?.status).toBe('resolved');
      const puts = world.sentryWrites().filter((w) => w.method === 'PUT');
      expect(puts).toEqual([
        { method: 'PUT', path: `/api/0/organizations/acme/issues/${ISSUE_ID}/`, json: { status: 'resolved' } },
      ]);

      // Sentry tells every integration about the change, naming us as the actor.
      const before = world.issue();
      expect(await world.sentryIssueChange('resolved', issueData('issue.resolved', { statusDetails: {} }), us)).toBe(
        202,
      );
      await world.settle();
      const after = world.issue();
      expect(after.comments).toEqual(before.comments);
      expect(after.updated_at).toBe(before.updated_at);

      // A re-delivery of the GitHub event (already resolved in Sentry) does not write Sentry again.
      await world.githubWebhook('issues', issuesPayload('closed', { login: 'ana-gh' }));
      await world.settle();
      expect(world.sentryWrites().filter((w) => w.method === 'PUT')).toHaveLength(1);
    });

    it('a resolve in Sentry closes the GitHub issue with one comment; the bot-sent close event is not mirrored back', async () => {
      expect(await world.sentryIssueChange('resolved', issueData('issue.resolved'), ana)).toBe(202);
      await world.settle();
      const closed = world.issue();
      expect(closed.state).toBe('closed');
      expect(closed.state_reason).toBe('completed');
      expect(closed.comments).toHaveLength(1);
      expect(closed.comments[0]?.body).toContain(
        `Resolved in Sentry by Ana Lead in the next release: [WEB-9](${world.sentry.url}/organizations/acme/issues/${ISSUE_ID}/). Closing.`,
      );
      expect(closed.comments[0]?.user).toBe('faultline[bot]');

      // GitHub reports the close the app made, sent by the app's bot.
      await world.githubWebhook('issues', issuesPayload('closed', { login: 'faultline[bot]', type: 'Bot' }));
      await world.settle();
      expect(world.sentryWrites().filter((w) => w.method === 'PUT')).toHaveLength(0);

      // Sentry's retry of a changed body (another delivery of the same change) adds no second comment.
      await world.sentryIssueChange('resolved', issueData('issue.resolved', { lastSeen: '2026-10-02T00:00:00Z' }), ana);
      await world.settle();
      expect(world.issue().comments).toHaveLength(1);
    });

    it('archived (older apps) and ignored close as not planned; unresolved reopens; reopen in GitHub unresolves Sentry', async () => {
      await world.sentryIssueChange('archived', issueData('issue.archived'), ana);
      await world.settle();
      expect(world.issue()).toMatchObject({ state: 'closed', state_reason: 'not_planned' });
      expect(world.issue().comments.at(-1)?.body).toMatch(/^Ignored \(archived\) in Sentry by Ana Lead/);

      await world.sentryIssueChange(
        'unresolved',
        issueData('issue.resolved', { status: 'unresolved', substatus: 'ongoing', statusDetails: {} }),
        ana,
      );
      await world.settle();
      expect(world.issue().state).toBe('open');
      expect(world.issue().comments.at(-1)?.body).toMatch(/^Marked unresolved in Sentry by Ana Lead/);

      // Sentry shows the issue resolved; a person reopens it on GitHub.
      world.sentry.seed({ issues: [{ id: ISSUE_ID, project: 'web', status: 'resolved' }] });
      await world.githubWebhook('issues', issuesPayload('reopened', { login: 'bo-gh' }));
      await world.settle();
      expect(world.sentryIssue()?.status).toBe('unresolved');
      expect(world.sentryWrites().filter((w) => w.method === 'PUT')).toEqual([
        expect.objectContaining({ json: { status: 'unresolved' } }),
      ]);

      // "Close as not planned" on GitHub ignores (archives) in Sentry instead of resolving.
      const notPlanned = issuesPayload('closed', { login: 'bo-gh' });
      (notPlanned.issue as Record<string, unknown>).state_reason = 'not_planned';
      await world.githubWebhook('issues', notPlanned);
      await world.settle();
      expect(world.sentryIssue()?.status).toBe('ignored');
      expect(world.sentryWrites().at(-1)?.json).toEqual({ status: 'ignored' });
    });

    it('stops syncing status once a pushed config turns it off', async () => {
      await world.githubWebhook('issues', issuesPayload('reopened', { login: 'ana-gh' })); // reads (and caches) the config
      await world.settle();
      const repo = baseGitHubSeed().repos?.find((r) => r.full_name === REPO);
      if (!repo) throw new Error('no seed repo');
      const commit = {
        sha: 'c'.repeat(40),
        message: 'no status sync',
        author: { name: 'Ana', email: 'ana@example.com' },
        parents: [repo.commits?.[0]?.sha ?? ''],
        files: { '.github/faultline.yml': `${CONFIG_YAML}sync:\n  status: false\n` },
      };
      world.github.seed({ repos: [{ ...repo, commits: [...(repo.commits ?? []), commit] }] });
      await world.githubWebhook('push', {
        ref: 'refs/heads/main',
        commits: [{ id: commit.sha, added: [], modified: ['.github/faultline.yml'], removed: [] }],
        repository: { full_name: REPO, name: 'web', owner: { login: 'acme' } },
      });
      await world.githubWebhook('issues', issuesPayload('closed', { login: 'ana-gh' }));
      await world.settle();
      expect(world.sentryWrites()).toEqual([]);
    });

    it('does nothing for a link whose repository config names another Sentry org', async () => {
      await world.app.deps.store.linkIssue(
        {
          sentryIssueId: '555',
          installationUuid: INSTALLATION_UUID,
          githubRepo: 'acme/other',
          githubIssueNumber: 1,
          externalIssueId: null,
        },
        Date.now(),
      );
      world.github.seed({
        repos: [
          {
            full_name: 'acme/other',
            commits: [
              {
                sha: 'f'.repeat(40),
                message: 'config',
                author: { name: 'Eve', email: 'eve@example.com' },
                files: { '.github/faultline.yml': 'sentry:\n  org: evil\n  projects: [web]\n' },
              },
            ],
            issues: [{ number: 1, title: 'theirs', state: 'open' }],
          },
        ],
      });
      await world.sentryIssueChange('resolved', issueData('issue.resolved', { id: '555' }), ana);
      await world.settle();
      expect(world.issue('acme/other', 1)).toMatchObject({ state: 'open', comments: [] });
      expect(world.logs.some((l) => l.includes('does not name the Sentry org of the link'))).toBe(true);
    });

    it('waits for a link triage is still creating, then syncs', async () => {
      await world.app.deps.store.linkIssue(
        {
          sentryIssueId: '777',
          installationUuid: INSTALLATION_UUID,
          githubRepo: REPO,
          githubIssueNumber: 0,
          externalIssueId: null,
        },
        Date.now(),
      );
      await world.sentryIssueChange('resolved', issueData('issue.resolved', { id: '777' }), ana);
      await until(async () => (await world.app.deps.store.listJobs({ state: 'queued' })).some((j) => j.attempts === 1));
      expect(world.issue().state).toBe('open');
      await world.app.deps.store.setLinkIssueNumber('777', 1, Date.now()); // triage finished: issue #1
      await world.settle();
      expect(world.issue().state).toBe('closed');
      expect(world.issue().comments).toHaveLength(1);
    });

    it('ignores issues that are not linked and repositories of nobody', async () => {
      await world.githubWebhook('issues', {
        ...issuesPayload('closed', { login: 'ana-gh' }),
        issue: { number: 77, state: 'closed' },
      });
      await world.sentryIssueChange('resolved', issueData('issue.resolved', { id: '999' }), ana);
      await world.settle();
      expect(world.sentryWrites()).toEqual([]);
      expect(world.issue().state).toBe('open');
      expect(REPO).toBe('acme/web');
    });
  });
}
