// The app's Prometheus metrics: one registry, every metric defined here; call sites get `AppMetrics`.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProbotOctokit } from 'probot';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { filteredValues } from '../scrub/index.ts';
import type { JobState } from '../store/index.ts';

export type WebhookOutcome = 'accepted' | 'duplicate' | 'refused';

/** What the rest of the app records; each method is one line at its call site. */
export interface AppMetrics {
  readonly registry: Registry;
  webhook(resource: string, action: string, outcome: WebhookOutcome, reason?: string): void;
  intakeSeconds(seconds: number): void;
  jobAttempt(type: string, result: 'done' | 'retry' | 'dead', seconds: number): void;
  apiCall(service: 'github' | 'sentry', route: string, status: number | 'error', seconds: number): void;
  rateLimitWait(service: 'github' | 'sentry', seconds: number): void;
  issue(change: 'opened' | 'updated' | 'closed'): void;
  prComment(): void;
  /** Reads the job counts at scrape time (the store is the truth across replicas). */
  collectJobsFrom(count: () => Promise<Record<string, Record<JobState, number>>>): void;
}

export function createMetrics(): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const webhooks = new Counter({
    name: 'faultline_webhooks_received_total',
    help: 'Sentry webhooks received, by resource, action, outcome (accepted, duplicate, refused) and refusal reason.',
    labelNames: ['resource', 'action', 'outcome', 'reason'],
    registers,
  });
  const intake = new Histogram({
    name: 'faultline_intake_duration_seconds',
    help: 'Time from a Sentry webhook arriving to its answer.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers,
  });
  const attempts = new Counter({
    name: 'faultline_job_attempts_total',
    help: 'Job attempts by type and result (done, retry, dead).',
    labelNames: ['type', 'result'],
    registers,
  });
  const jobSeconds = new Histogram({
    name: 'faultline_job_duration_seconds',
    help: 'Duration of one job attempt, by type.',
    labelNames: ['type'],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    registers,
  });
  const deadLetters = new Counter({
    name: 'faultline_dead_letters_total',
    help: 'Jobs dead-lettered by this process, by type (see `faultline jobs list --state dead`).',
    labelNames: ['type'],
    registers,
  });
  const calls = new Counter({
    name: 'faultline_api_calls_total',
    help: 'Calls to GitHub and Sentry, by service, route template and status.',
    labelNames: ['service', 'route', 'status'],
    registers,
  });
  const callSeconds = new Histogram({
    name: 'faultline_api_call_duration_seconds',
    help: 'Latency of calls to GitHub and Sentry, by service and route template.',
    labelNames: ['service', 'route'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const rateLimitWaits = new Counter({
    name: 'faultline_rate_limit_waits_total',
    help: 'Waits imposed by a rate limit, by service.',
    labelNames: ['service'],
    registers,
  });
  const rateLimitSeconds = new Counter({
    name: 'faultline_rate_limit_wait_seconds_total',
    help: 'Seconds spent waiting on rate limits, by service.',
    labelNames: ['service'],
    registers,
  });
  const issues = new Counter({
    name: 'faultline_github_issues_total',
    help: 'GitHub issues opened, updated and closed by faultline.',
    labelNames: ['change'],
    registers,
  });
  const prComments = new Counter({
    name: 'faultline_pr_comments_total',
    help: 'Regression comments written on pull requests.',
    registers,
  });
  new Counter({
    name: 'faultline_scrubbed_values_total',
    help: 'Values (PII, secrets) the scrubber replaced before text left for GitHub or Sentry.',
    registers,
    collect() {
      this.reset();
      this.inc(filteredValues());
    },
  });
  let countJobs: (() => Promise<Record<string, Record<JobState, number>>>) | undefined;
  new Gauge({
    name: 'faultline_jobs',
    help: 'Jobs in the store, by state and type.',
    labelNames: ['state', 'type'],
    registers,
    async collect() {
      this.reset();
      if (!countJobs) return;
      for (const [type, states] of Object.entries(await countJobs())) {
        for (const [state, n] of Object.entries(states)) this.set({ state, type }, n);
      }
    },
  });

  return {
    registry,
    webhook: (resource, action, outcome, reason = '') => webhooks.inc({ resource, action, outcome, reason }),
    intakeSeconds: (seconds) => intake.observe(seconds),
    jobAttempt(type, result, seconds) {
      attempts.inc({ type, result });
      jobSeconds.observe({ type }, seconds);
      if (result === 'dead') deadLetters.inc({ type });
    },
    apiCall(service, route, status, seconds) {
      calls.inc({ service, route, status: String(status) });
      callSeconds.observe({ service, route }, seconds);
    },
    rateLimitWait(service, seconds) {
      rateLimitWaits.inc({ service });
      rateLimitSeconds.inc({ service }, seconds);
    },
    issue: (change) => issues.inc({ change }),
    prComment: () => prComments.inc(),
    collectJobsFrom(count) {
      countJobs = count;
    },
  };
}

export const METRICS_PATH = '/metrics';

/**
 * Serves `/metrics`; with a token, only to `Authorization: Bearer <token>` (401 otherwise), as Prometheus'
 * `authorization` scrape setting sends it. Returns false for other paths (Probot's `addHandler` convention).
 */
export function createMetricsRoute(metrics: AppMetrics, token: string | undefined) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if ((req.url ?? '').split('?')[0] !== METRICS_PATH) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    if (token && !bearerMatches(req.headers.authorization, token)) {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'text/plain' });
      res.end('metrics need Authorization: Bearer <METRICS_TOKEN>\n');
      return true;
    }
    const body = await metrics.registry.metrics();
    res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** An Octokit plugin counting every GitHub call by route template and status, and the throttle's waits. */
export function githubMetricsPlugin(metrics: AppMetrics) {
  return (octokit: Pick<InstanceType<typeof ProbotOctokit>, 'hook'>) => {
    octokit.hook.wrap('request', async (request, options) => {
      const route = `${options.method} ${options.url}`;
      const started = performance.now();
      try {
        const response = await request(options);
        metrics.apiCall('github', route, response.status, (performance.now() - started) / 1000);
        countGitHubWrite(metrics, options.method, options.url, options as Record<string, unknown>);
        return response;
      } catch (error) {
        const status = (error as { status?: number }).status;
        metrics.apiCall('github', route, status ?? 'error', (performance.now() - started) / 1000);
        throw error;
      }
    });
  };
}

/** Counts one answered Sentry webhook from the intake's log fields. */
export function countWebhookAnswer(metrics: AppMetrics, fields: Record<string, unknown>): void {
  const resource = boundedLabel(fields.resource);
  const action = boundedLabel(fields.action);
  const status = Number(fields.status);
  if (typeof fields.ms === 'number') metrics.intakeSeconds(fields.ms / 1000);
  if (status < 400) metrics.webhook(resource, action, fields.delivery === 'duplicate' ? 'duplicate' : 'accepted');
  else metrics.webhook(resource, action, 'refused', refusalReason(status, String(fields.error ?? '')));
}

/** A few stable reasons (label values stay bounded): never the free text of the answer. */
export function refusalReason(status: number, error: string): string {
  if (status === 401) return /timestamp/i.test(error) ? 'stale_timestamp' : 'bad_signature';
  if (status === 413) return 'too_large';
  if (status === 405) return 'method';
  if (status === 400) return 'invalid';
  if (status === 503) return /overloaded/i.test(error) ? 'overloaded' : 'unavailable';
  return `http_${status}`;
}

/** Headers are the sender's text, signed or not: a label keeps a plain short word or becomes `other`. */
function boundedLabel(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  return typeof value === 'string' && /^[a-z_]{1,32}$/.test(value) ? value : 'other';
}

/** Issues opened, updated, closed and regression comments on pull requests, read off the successful GitHub writes. */
export function countGitHubWrite(metrics: AppMetrics, method: string, url: string, params: Record<string, unknown>) {
  if (method === 'POST' && url === '/repos/{owner}/{repo}/issues') metrics.issue('opened');
  else if (method === 'PATCH' && url === '/repos/{owner}/{repo}/issues/{issue_number}') {
    metrics.issue(params.state === 'closed' ? 'closed' : 'updated');
  } else if (
    (method === 'POST' && url === '/repos/{owner}/{repo}/issues/{issue_number}/comments') ||
    (method === 'PATCH' && url === '/repos/{owner}/{repo}/issues/comments/{comment_id}')
  ) {
    // A regression comment on the suspect pull request carries the regression marker.
    if (method === 'POST' && typeof params.body === 'string' && params.body.includes('<!-- faultline:regression')) {
      metrics.prComment();
    }
  }
}

/**
 * Reads the Sentry client's debug lines (`sentry: ← 200 GET /api/0/… in 12 ms`, `✗ … after N ms`, `retrying … in N
 * ms after 429`) into call and rate-limit metrics, so the client stays free of a metrics dependency.
 */
export function sentryCallLog(metrics: AppMetrics): (line: string) => void {
  return (line) => {
    const answered = /^sentry: ← (\d{3}) (\S+) (\S+) in (\d+) ms/.exec(line);
    if (answered) {
      metrics.apiCall(
        'sentry',
        `${answered[2]} ${routeTemplate(answered[3]!)}`,
        Number(answered[1]),
        Number(answered[4]) / 1000,
      );
      return;
    }
    const failed = /^sentry: ✗ (\S+) (\S+) \S+: .* after (\d+) ms$/.exec(line);
    if (failed) {
      metrics.apiCall('sentry', `${failed[1]} ${routeTemplate(failed[2]!)}`, 'error', Number(failed[3]) / 1000);
      return;
    }
    const waited = /^sentry: retrying \S+ \S+ in (\d+) ms after 429/.exec(line);
    if (waited) metrics.rateLimitWait('sentry', Number(waited[1]) / 1000);
  };
}

/** `/api/0/organizations/acme/issues/123/` → `/api/0/organizations/{org}/issues/{id}/`: bounded label values. */
export function routeTemplate(path: string): string {
  const [, prefix = '', rest = path] = /^(\/api\/0)?(.*)$/.exec(path.split('?')[0]!) ?? [];
  const template = rest
    .replace(/\/organizations\/[^/]+\//, '/organizations/{org}/')
    .replace(/\/projects\/[^/]+\/[^/]+\//, '/projects/{org}/{project}/')
    .replace(/\/sentry-app-installations\/[^/]+\//, '/sentry-app-installations/{uuid}/')
    .replace(/\/releases\/[^/]+\//, '/releases/{version}/')
    .replace(/\/(\d+|[0-9a-f]{16,}|[0-9a-f-]{36})(?=\/|$)/g, '/{id}');
  return prefix + template;
}
