import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createScrubber } from '../scrub/index.ts';
import { parsePrometheusText, sampleValue } from '../../test/app/text-formats.ts';
import {
  countGitHubWrite,
  countWebhookAnswer,
  createMetrics,
  createMetricsRoute,
  refusalReason,
  routeTemplate,
  sentryCallLog,
} from './index.ts';

async function scrape(metrics: ReturnType<typeof createMetrics>) {
  return parsePrometheusText(await metrics.registry.metrics()).samples;
}

describe('metrics', () => {
  it('turns Sentry paths into bounded route templates', () => {
    expect(routeTemplate('/api/0/organizations/acme/issues/123/')).toBe('/api/0/organizations/{org}/issues/{id}/');
    expect(routeTemplate('/api/0/projects/acme/web/events/0123456789abcdef0123456789abcdef/')).toBe(
      '/api/0/projects/{org}/{project}/events/{id}/',
    );
  });

  it("reads Sentry calls and rate-limit waits from the client's debug lines", async () => {
    const metrics = createMetrics();
    const log = sentryCallLog(metrics);
    log('sentry: → GET https://sentry.io/api/0/issues/1/ (attempt 1/3)');
    log('sentry: ← 429 GET /api/0/issues/1/ in 12 ms');
    log('sentry: retrying GET /api/0/issues/1/ in 500 ms after 429');
    log('sentry: ← 200 GET /api/0/issues/1/ in 30 ms');
    log('sentry: ✗ GET /api/0/issues/2/ ECONNRESET: socket hang up after 5 ms');
    const samples = await scrape(metrics);
    const route = 'GET /api/0/issues/{id}/';
    expect(sampleValue(samples, 'faultline_api_calls_total', { service: 'sentry', route, status: '200' })).toBe(1);
    expect(sampleValue(samples, 'faultline_api_calls_total', { service: 'sentry', route, status: '429' })).toBe(1);
    expect(sampleValue(samples, 'faultline_api_calls_total', { service: 'sentry', status: 'error' })).toBe(1);
    expect(sampleValue(samples, 'faultline_rate_limit_waits_total', { service: 'sentry' })).toBe(1);
    expect(sampleValue(samples, 'faultline_rate_limit_wait_seconds_total', { service: 'sentry' })).toBe(0.5);
  });

  it('counts issues and regression comments from GitHub writes, and webhook answers by outcome', async () => {
    const metrics = createMetrics();
    countGitHubWrite(metrics, 'POST', '/repos/{owner}/{repo}/issues', {});
    countGitHubWrite(metrics, 'PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', { state: 'closed' });
    countGitHubWrite(metrics, 'PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', { body: 'x' });
    countGitHubWrite(metrics, 'POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', {
      body: 'came back <!-- faultline:regression sentry-issue=1 -->',
    });
    countWebhookAnswer(metrics, { resource: 'issue', action: 'created', status: 202, delivery: 'duplicate', ms: 3 });
    countWebhookAnswer(metrics, { resource: 'x"}\n', status: 401, error: 'bad signature', ms: 1 });
    const samples = await scrape(metrics);
    expect(sampleValue(samples, 'faultline_github_issues_total', { change: 'opened' })).toBe(1);
    expect(sampleValue(samples, 'faultline_github_issues_total', { change: 'closed' })).toBe(1);
    expect(sampleValue(samples, 'faultline_github_issues_total', { change: 'updated' })).toBe(1);
    expect(sampleValue(samples, 'faultline_pr_comments_total')).toBe(1);
    expect(sampleValue(samples, 'faultline_webhooks_received_total', { outcome: 'duplicate', action: 'created' })).toBe(
      1,
    );
    // A sender's header never becomes a label value of its own.
    expect(
      sampleValue(samples, 'faultline_webhooks_received_total', { resource: 'other', reason: 'bad_signature' }),
    ).toBe(1);
    const before = sampleValue(samples, 'faultline_scrubbed_values_total');
    createScrubber().text('write to jane.doe@example.com');
    expect(sampleValue(await scrape(metrics), 'faultline_scrubbed_values_total')).toBe(before + 1);
    expect(refusalReason(401, 'Sentry-Hook-Timestamp missing or more than 5 minutes from now')).toBe('stale_timestamp');
  });

  it('serves /metrics only with the bearer token when METRICS_TOKEN is set', async () => {
    const route = createMetricsRoute(createMetrics(), 'secret-token');
    const server = createServer(async (req, res) => {
      if (!(await route(req, res))) res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong-token!' } })).status).toBe(401);
      const ok = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer secret-token' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toContain('text/plain');
      expect((await fetch(`${url}/other`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
