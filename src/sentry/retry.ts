/** Retry policy of the Sentry client: which failures are retried and how long to wait. Pure: no I/O. */

/** Statuses Sentry (and sentry-cli) treat as transient server trouble, plus 429 rate limiting. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504, 507, 524]);

/** Transport failures that are worth another attempt; refused connections and DNS misses fail fast. */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

export function isRetryableCode(code: string): boolean {
  return RETRYABLE_CODES.has(code);
}

/**
 * Exponential backoff with full jitter: a uniform pick in [0, min(maxMs, baseMs * 2^(retry-1))].
 * `retry` counts from 1 (the wait before the second attempt).
 */
export function backoffDelay(retry: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

type HeaderValue = string | string[] | undefined;

function first(value: HeaderValue): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * How long a 429 asks us to wait, in ms, from `Retry-After` (seconds or HTTP date) or Sentry's
 * `X-Sentry-Rate-Limit-Reset` (epoch seconds). Undefined when neither header is usable.
 */
export function rateLimitWait(headers: Record<string, HeaderValue>, nowMs: number): number | undefined {
  const retryAfter = first(headers['retry-after'])?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.max(0, Math.ceil(Number(retryAfter) * 1000));
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - nowMs);
  }
  const reset = first(headers['x-sentry-rate-limit-reset'])?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) return Math.max(0, Math.ceil(Number(reset) * 1000 - nowMs));
  return undefined;
}
