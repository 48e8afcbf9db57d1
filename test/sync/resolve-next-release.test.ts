// `sync.resolveAs: resolvedInNextRelease`: Sentry refuses "next release" on a project without releases (400); the
// close in GitHub then resolves the Sentry issue now and says so on the GitHub issue.
import { afterEach, describe, expect, it } from 'vitest';
import { baseGitHubSeed, baseSentrySeed, CONFIG_YAML, issuesPayload, startWorld, type World } from './harness.ts';

function nextReleaseSeed() {
  const seed = baseGitHubSeed();
  const files = seed.repos?.[0]?.commits?.[0]?.files as Record<string, string>;
  files['.github/faultline.yml'] = `${CONFIG_YAML}sync:\n  resolveAs: resolvedInNextRelease\n`;
  return seed;
}

describe('resolve in the next release', () => {
  let world: World;
  afterEach(async () => {
    await world?.close();
  });

  it('without a release: resolved now in Sentry, and the GitHub issue says why (once)', async () => {
    world = await startWorld({ githubSeed: nextReleaseSeed() });
    await world.githubWebhook('issues', issuesPayload('closed', { login: 'ana-gh' }));
    await world.settle();
    expect(world.sentryIssue()).toMatchObject({ status: 'resolved' });
    const puts = world.sentry.state().requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => [r.status, r.json])).toEqual([
      [400, { status: 'resolved', statusDetails: { inNextRelease: true } }],
      [200, { status: 'resolved' }],
    ]);
    const comments = world.issue().comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toMatch(/^Resolved \[in Sentry\]\(.*\) now rather than in the next release/);
    const jobs = await world.app.deps.store.listJobs({ type: 'sync.github-issue' });
    expect(jobs).toEqual([expect.objectContaining({ state: 'done' })]);
  });

  it('with a release: resolved in the next release, nothing said on GitHub', async () => {
    world = await startWorld({
      githubSeed: nextReleaseSeed(),
      sentrySeed: baseSentrySeed({ releases: [{ version: 'web@1.0.0', projects: ['web'] }] } as never),
    });
    await world.githubWebhook('issues', issuesPayload('closed', { login: 'ana-gh' }));
    await world.settle();
    expect(world.sentryIssue()).toMatchObject({ status: 'resolved' });
    expect(world.sentryWrites().filter((w) => w.method === 'PUT')).toEqual([
      expect.objectContaining({ json: { status: 'resolved', statusDetails: { inNextRelease: true } } }),
    ]);
    expect(world.issue().comments).toHaveLength(0);
  });
});
