// Metric alert lifecycle: warning opens one issue per incident in the repo whose config routes the rule, critical
// escalates the same issue, resolved closes it with the duration; other tenants' repos never get one.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../app/helpers.ts';
import { baseGitHubSeed, REPO, sha, startWorld, type World } from './harness.ts';

const fixture = (name: string) =>
  (JSON.parse(readFileSync(`${FIXTURES}/${name}.json`, 'utf8')) as { data: Record<string, unknown> }).data;

function warning(): Record<string, unknown> {
  const data = fixture('metric_alert.critical');
  return {
    ...data,
    description_text: '64 events in the last 5 minutes',
    description_title: 'Warning: Checkout error rate',
  };
}

const issuesOf = (world: World, repo: string) =>
  world.github.state().repos.find((r) => r.full_name === repo)?.issues ?? [];

describe('metric alerts as incidents', () => {
  let world: World;
  beforeEach(async () => {
    const seed = baseGitHubSeed();
    // Another tenant's repo on the same GitHub App routes the same rule name but names another Sentry org.
    seed.repos = (seed.repos ?? []).map((r) =>
      r.full_name === 'acme/other'
        ? {
            ...r,
            commits: [
              {
                sha: sha(200),
                message: 'initial',
                author: { name: 'Eve', email: 'eve@example.com' },
                files: {
                  '.github/faultline.yml':
                    'sentry:\n  org: evil\n  projects: [web]\nmetricAlerts:\n  rules: ["Checkout error rate"]\n',
                },
              },
            ],
          }
        : r,
    );
    world = await startWorld({ githubSeed: seed });
  });
  afterEach(async () => {
    await world?.close();
  });

  it('opens one issue on warning, escalates it on critical, closes it with the duration on resolve', async () => {
    const existing = issuesOf(world, REPO).length;
    expect(await world.sentryWebhook('metric_alert', 'warning', warning())).toBe(202);
    await world.settle();
    let incidents = issuesOf(world, REPO).slice(existing);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({
      title: '[warning] Checkout error rate: count() above 50 in 5 min',
      state: 'open',
      labels: ['incident', 'severity:warning'],
    });
    expect(incidents[0]?.body).toContain('64 events in the last 5 minutes');
    expect(incidents[0]?.body).toContain(
      '(https://sentry.io/organizations/example-org/alerts/rules/details/12/?alert=7)',
    );

    await world.sentryWebhook('metric_alert', 'critical', fixture('metric_alert.critical'));
    await world.sentryWebhook('metric_alert', 'critical', {
      ...fixture('metric_alert.critical'),
      description_text: '140 events in the last 5 minutes',
    });
    await world.settle();
    incidents = issuesOf(world, REPO).slice(existing);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.title).toBe('[critical] Checkout error rate: count() above 100 in 5 min');
    expect([...(incidents[0]?.labels ?? [])].sort()).toEqual(['incident', 'severity:critical']);

    await world.sentryWebhook('metric_alert', 'resolved', fixture('metric_alert.resolved'));
    await world.settle();
    incidents = issuesOf(world, REPO).slice(existing);
    expect(incidents[0]?.state).toBe('closed');
    expect(incidents[0]?.comments.map((c) => c.body.split('\n')[0])).toEqual([
      'Resolved in Sentry after 41 minutes. Last measured: 12 events in the last 5 minutes.',
    ]);
    expect(issuesOf(world, 'acme/other')).toEqual([]);
  });

  it('a warning arriving after the critical (sent before it) does not downgrade the incident issue', async () => {
    const existing = issuesOf(world, REPO).length;
    await world.sentryWebhook('metric_alert', 'critical', fixture('metric_alert.critical'));
    await world.settle();
    await world.sentryWebhook('metric_alert', 'warning', warning());
    await world.settle();
    const incidents = issuesOf(world, REPO).slice(existing);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.title).toBe('[critical] Checkout error rate: count() above 100 in 5 min');
    expect([...(incidents[0]?.labels ?? [])].sort()).toEqual(['incident', 'severity:critical']);
    expect(incidents[0]?.body).not.toContain('64 events in the last 5 minutes');
  });

  it('GitHub failing the close after the resolve comment: the retry closes without a second comment', async () => {
    const existing = issuesOf(world, REPO).length;
    await world.sentryWebhook('metric_alert', 'warning', warning());
    await world.settle();
    const number = issuesOf(world, REPO)[existing]?.number;
    world.github.inject({ method: 'PATCH', path: `^/repos/${REPO}/issues/${number}$`, times: 4, status: 502 });
    await world.sentryWebhook('metric_alert', 'resolved', fixture('metric_alert.resolved'));
    await world.settle();
    const incident = issuesOf(world, REPO)[existing];
    expect(incident?.state).toBe('closed');
    expect(incident?.comments).toHaveLength(1);
    const jobs = await world.app.deps.store.listJobs({ type: 'sentry.webhook' });
    expect(Math.max(...jobs.map((j) => j.attempts))).toBe(2); // the resolve failed once and ran again
  });
});

describe('metric alerts and an owner-wide config', () => {
  let world: World;
  beforeEach(async () => {
    // acme/.github holds a shared config that routes the rule; acme/other has no file of its own.
    const seed = baseGitHubSeed();
    seed.installations = [{ id: 1, account: 'acme', repos: [REPO, 'acme/other', 'acme/.github'] }];
    seed.repos = [
      ...(seed.repos ?? []),
      {
        full_name: 'acme/.github',
        commits: [
          {
            sha: sha(30),
            message: 'shared faultline config',
            author: { name: 'Ana', email: 'ana@example.com' },
            files: {
              '.github/faultline.yml':
                'sentry:\n  org: acme\n  projects: [web]\nmetricAlerts:\n  rules: ["Checkout error rate"]\n',
            },
          },
        ],
      },
    ];
    world = await startWorld({ githubSeed: seed });
  });
  afterEach(async () => {
    await world?.close();
  });

  it('opens the incident only in the repository whose own config routes the rule', async () => {
    const existing = issuesOf(world, REPO).length;
    expect(await world.sentryWebhook('metric_alert', 'warning', warning())).toBe(202);
    await world.settle();
    expect(issuesOf(world, REPO).slice(existing)).toHaveLength(1);
    expect(issuesOf(world, 'acme/other')).toHaveLength(0);
    expect(issuesOf(world, 'acme/.github')).toHaveLength(0);
  });
});
