/**
 * Fault injection for the Sentry emulator: the common fault spec, parsed and matched by the shared injector
 * (emulators/shared/faults.ts), plus two Sentry kinds. `kind: "rateLimit"` answers as Sentry's rate-limit
 * middleware does; `webhook: "duplicate" | "delay" | "reorder"` acts on the emulator's own webhook deliveries
 * (matched by `event`, e.g. `^issue\.resolved$`, instead of a request path). server.ts decides what an injected
 * answer looks like; deliveries.ts applies the webhook faults.
 */
import { type ActiveFault, FaultInjector, type FaultSpec, FaultSpecError } from '../shared/faults.ts';
import type { Reply } from './http.ts';

export { type ActiveFault, FaultInjector, type FaultSpec, FaultSpecError, parseFaultSpec } from '../shared/faults.ts';

export interface SentryFaultSpec extends FaultSpec {
  /** `rateLimit`: 429 as Sentry's middleware sends it (default limit 40 requests in 1 second). */
  kind?: 'rateLimit';
  limit?: number;
  window?: number;
  /** Adds the concurrent-limit header Sentry sends for endpoints with a concurrency limit (the CLI group). */
  concurrentLimit?: number;
  /** Self-hosted Sentry never sends `X-Sentry-Rate-Limit-*`: a 429 then comes without them. */
  selfHosted?: boolean;
}

export type WebhookFaultKind = 'duplicate' | 'delay' | 'reorder';

export interface WebhookFaultSpec extends FaultSpec {
  webhook: WebhookFaultKind;
  /** Regular-expression source tested against `<resource>.<action>`; stored as `path`. */
  event?: string;
}

const WEBHOOK_FAULTS = new Set<string>(['duplicate', 'delay', 'reorder']);

function checkSentryFault(spec: Record<string, unknown>): void {
  if (spec.kind !== undefined && spec.kind !== 'rateLimit') {
    throw new FaultSpecError(`fault.kind must be "rateLimit" when given, got ${JSON.stringify(spec.kind)}`);
  }
  for (const field of ['limit', 'window', 'concurrentLimit'] as const) {
    const v = spec[field];
    if (v !== undefined && (typeof v !== 'number' || !Number.isInteger(v) || v < 0)) {
      throw new FaultSpecError(`fault.${field} must be a whole number ≥ 0, got ${JSON.stringify(v)}`);
    }
  }
  if (spec.window === 0) throw new FaultSpecError('fault.window must be at least 1 second, got 0');
}

function checkWebhookFault(spec: Record<string, unknown>): void {
  if (typeof spec.webhook !== 'string' || !WEBHOOK_FAULTS.has(spec.webhook)) {
    throw new FaultSpecError(
      `fault.webhook must be one of duplicate, delay, reorder, got ${JSON.stringify(spec.webhook)}`,
    );
  }
  if (spec.webhook === 'delay' && typeof spec.delayMs !== 'number') {
    throw new FaultSpecError('fault.delayMs is required for a "delay" webhook fault (how long to hold it)');
  }
}

/** The faults on API requests and the faults on webhook deliveries, added through one door. */
export class SentryFaults {
  readonly requests = new FaultInjector<SentryFaultSpec>(checkSentryFault);
  readonly webhooks = new FaultInjector<WebhookFaultSpec>(checkWebhookFault);

  /** Adds a fault; a spec with `webhook` goes to the deliveries, its `event` read as the pattern. */
  add(input: unknown): ActiveFault<SentryFaultSpec> | ActiveFault<WebhookFaultSpec> {
    const spec = (input ?? {}) as Record<string, unknown>;
    if (spec.webhook === undefined) return this.requests.add(spec);
    const { event, ...rest } = spec;
    return this.webhooks.add({ path: event ?? '.*', ...rest, method: 'POST' });
  }

  pending(): Array<FaultSpec & { remaining: number }> {
    return [...this.requests.pending(), ...this.webhooks.pending()];
  }

  clear(): void {
    this.requests.clear();
    this.webhooks.clear();
  }
}

export const RATE_LIMIT_HEADERS = [
  'X-Sentry-Rate-Limit-Remaining',
  'X-Sentry-Rate-Limit-Limit',
  'X-Sentry-Rate-Limit-Reset',
] as const;

/**
 * The 429 of Sentry's RatelimitMiddleware: a Django HttpResponse (so `text/html; charset=utf-8`) whose bytes are
 * the JSON `{"detail": "You are attempting to use this endpoint too frequently. Limit is N requests in W
 * seconds"}`, with CORS headers for the method, the rate-limit headers (remaining 0, limit, reset = end of the
 * fixed window in unix seconds) and no `Retry-After`.
 */
export function rateLimitReply(spec: SentryFaultSpec, method: string, nowMs: number): Reply {
  const limit = spec.limit ?? 40;
  const window = spec.window ?? 1;
  const detail = `You are attempting to use this endpoint too frequently. Limit is ${limit} requests in ${window} seconds`;
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': method,
  };
  if (!spec.selfHosted) {
    const nowSeconds = Math.floor(nowMs / 1000);
    headers['X-Sentry-Rate-Limit-Remaining'] = '0';
    headers['X-Sentry-Rate-Limit-Limit'] = String(limit);
    headers['X-Sentry-Rate-Limit-Reset'] = String(nowSeconds - (nowSeconds % window) + window);
    // Past the window limit Sentry skips the concurrency count, so only the concurrent limit is reported.
    if (spec.concurrentLimit !== undefined) {
      headers['X-Sentry-Rate-Limit-ConcurrentLimit'] = String(spec.concurrentLimit);
    }
  }
  return {
    status: 429,
    raw: Buffer.from(JSON.stringify({ detail })),
    contentType: 'text/html; charset=utf-8',
    headers,
  };
}
