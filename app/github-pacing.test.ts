import { ProbotOctokit } from 'probot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type GitHubEmulator, startGitHubEmulator } from '../emulators/github/server.ts';
import { parsePrometheusText, sampleValue } from '../test/app/text-formats.ts';
import {
  GITHUB_LIMITS,
  GITHUB_PACING,
  githubThrottle,
  PacedQueue,
  pacingWait,
  requestKinds,
  withGitHubPacing,
} from './github-pacing.ts';
import { JOB_PRIORITY, withJobPriority } from './jobs/priority.ts';
import { createMetrics } from './metrics/index.ts';

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

describe('GitHub pacing: the numbers come from GitHub’s documented secondary limits', () => {
  it('spaces writes under 900 points a minute per endpoint (5 a write), not a fixed second', () => {
    expect(GITHUB_PACING.write.spacingMs).toBe(334);
    expect((60_000 / GITHUB_PACING.write.spacingMs) * GITHUB_LIMITS.pointsPerWrite).toBeLessThanOrEqual(900);
  });

  it('lets a burst of content through at once, up to 80 a minute less the status reserve, then waits for the window', () => {
    const rule = GITHUB_PACING.content;
    const now = 100_000;
    const sent = Array.from({ length: 71 }, (_, i) => now - 1_000 + i); // 71 in the last second
    expect(pacingWait(rule, sent, now, false)).toBe(0); // the 72nd goes at once
    sent.push(now);
    expect(pacingWait(rule, sent, now, false)).toBe(59_000); // the 73rd waits for the oldest to leave the minute
    expect(pacingWait(rule, sent, now, true)).toBe(0); // a status change uses the reserve
  });

  it('keeps to 500 content requests an hour', () => {
    const rule = GITHUB_PACING.content;
    const now = 10_000_000;
    // 450 sent over the last hour, a minute or more ago each: the minute is free, the hour (less the reserve) is not.
    const sent = Array.from({ length: 450 }, (_, i) => now - 3_500_000 + i * 7_000);
    expect(pacingWait(rule, sent, now, false)).toBe(100_000);
    expect(pacingWait(rule, sent, now, true)).toBe(0);
  });
});

describe('request kinds', () => {
  it('tells writes, content-creating writes and searches apart', () => {
    expect(requestKinds('POST', '/repos/{owner}/{repo}/issues')).toEqual(['write', 'content']);
    expect(requestKinds('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments')).toEqual(['write', 'content']);
    expect(requestKinds('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}')).toEqual(['write']);
    expect(requestKinds('GET', '/search/issues')).toEqual(['search']);
    expect(requestKinds('GET', '/repos/{owner}/{repo}/contents/{path}')).toEqual([]);
    expect(requestKinds('POST', '/app/installations/{installation_id}/access_tokens')).toEqual([]);
  });
});

describe('PacedQueue', () => {
  it('sends a status change before the bulk requests queued ahead of it', async () => {
    vi.useFakeTimers();
    try {
      const queue = new PacedQueue({ spacingMs: 1_000, windows: [] });
      const order: string[] = [];
      const bulk = ['a', 'b', 'c'].map((name) => queue.schedule({}, () => order.push(name)));
      const status = withJobPriority(JOB_PRIORITY.status, () => queue.schedule({}, () => order.push('close')));
      await vi.advanceTimersByTimeAsync(5_000);
      await Promise.all([...bulk, status]);
      expect(order).toEqual(['a', 'close', 'b', 'c']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the app’s Octokit against the GitHub emulator', () => {
  let github: GitHubEmulator;
  beforeAll(async () => {
    github = await startGitHubEmulator({
      seed: {
        installations: [{ id: 1, account: 'acme', repos: ['acme/web'] }],
        repos: [
          {
            full_name: 'acme/web',
            commits: [
              { message: 'init', author: { name: 'Ana', email: 'ana@example.com' }, files: { 'README.md': '# web\n' } },
            ],
          },
        ],
      },
    });
  });
  afterAll(() => github.close());

  function octokit(metrics = createMetrics(), throttle: Record<string, unknown> = {}) {
    const Octokit = withGitHubPacing(ProbotOctokit, githubThrottle({ metrics, log: quiet }));
    return new Octokit({
      auth: { token: github.installationToken(1) },
      baseUrl: github.url,
      retry: { enabled: false },
      // Retry-after seconds become milliseconds here: the behaviour, not the wait, is under test.
      throttle: { id: '1', retryAfterBaseValue: 1, ...throttle },
    });
  }

  it('retries after a secondary rate limit and counts the wait in /metrics', async () => {
    const metrics = createMetrics();
    github.inject({ method: 'POST', path: '^/repos/acme/web/issues$', rateLimit: 'secondary', retryAfter: 3 });
    const { data } = await octokit(metrics).rest.issues.create({ owner: 'acme', repo: 'web', title: 'after a wait' });
    expect(data.title).toBe('after a wait');
    const samples = parsePrometheusText(await metrics.registry.metrics()).samples;
    expect(sampleValue(samples, 'faultline_rate_limit_waits_total', { service: 'github' })).toBe(1);
    expect(sampleValue(samples, 'faultline_rate_limit_wait_seconds_total', { service: 'github' })).toBe(3);
  });

  it('gives up after two retries when GitHub keeps answering the limit (the job retries later)', async () => {
    const metrics = createMetrics();
    github.inject({ method: 'POST', path: '^/repos/acme/web/issues$', rateLimit: 'primary', times: 3 });
    await expect(
      octokit(metrics).rest.issues.create({ owner: 'acme', repo: 'web', title: 'never' }),
    ).rejects.toMatchObject({ status: 403 });
    const samples = parsePrometheusText(await metrics.registry.metrics()).samples;
    expect(sampleValue(samples, 'faultline_rate_limit_waits_total', { service: 'github' })).toBe(2);
  });

  it('lets a status change’s write overtake queued bulk writes of the same installation', async () => {
    const client = octokit();
    const { data: issue } = await client.rest.issues.create({ owner: 'acme', repo: 'web', title: 'to close' });
    const comment = (body: string) =>
      client.rest.issues.createComment({ owner: 'acme', repo: 'web', issue_number: issue.number, body });
    const bulk = ['bulk 1', 'bulk 2', 'bulk 3', 'bulk 4'].map(comment);
    const close = withJobPriority(JOB_PRIORITY.status, () => comment('status'));
    await Promise.all([...bulk, close]);
    const bodies = github
      .state()
      .requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/issues/${issue.number}/comments`))
      .map((r) => (r.body as { body: string }).body);
    expect(bodies.indexOf('status')).toBeLessThan(bodies.indexOf('bulk 3'));
  });
});
