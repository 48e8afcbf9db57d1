import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableCode, isRetryableStatus, rateLimitWait } from './retry.ts';

describe('retry policy', () => {
  it('retries the transient statuses Sentry uses and 429, not client errors', () => {
    for (const s of [429, 502, 503, 504, 507, 524]) expect(isRetryableStatus(s)).toBe(true);
    for (const s of [400, 401, 403, 404, 409, 413, 500, 501]) expect(isRetryableStatus(s)).toBe(false);
  });

  it('retries resets and timeouts but fails fast on refused connections and unknown hosts', () => {
    for (const c of ['ECONNRESET', 'UND_ERR_SOCKET', 'TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']) {
      expect(isRetryableCode(c)).toBe(true);
    }
    for (const c of ['ECONNREFUSED', 'ENOTFOUND', 'UNKNOWN']) expect(isRetryableCode(c)).toBe(false);
  });

  it('grows the backoff ceiling exponentially, caps it, and jitters over the full range', () => {
    expect(backoffDelay(1, 100, 10_000, () => 0.999)).toBe(99);
    expect(backoffDelay(3, 100, 10_000, () => 0.999)).toBe(399);
    expect(backoffDelay(20, 100, 1_000, () => 0.999)).toBe(999);
    expect(backoffDelay(3, 100, 10_000, () => 0)).toBe(0);
  });

  it('reads Retry-After seconds and dates, and X-Sentry-Rate-Limit-Reset epoch seconds', () => {
    const now = 1_700_000_000_000;
    expect(rateLimitWait({ 'retry-after': '3' }, now)).toBe(3000);
    expect(rateLimitWait({ 'retry-after': new Date(now + 5000).toUTCString() }, now)).toBe(5000);
    expect(rateLimitWait({ 'x-sentry-rate-limit-reset': String(now / 1000 + 7) }, now)).toBe(7000);
    expect(rateLimitWait({ 'x-sentry-rate-limit-reset': String(now / 1000 - 7) }, now)).toBe(0);
    expect(rateLimitWait({ 'retry-after': '2', 'x-sentry-rate-limit-reset': String(now / 1000 + 9) }, now)).toBe(2000);
    expect(rateLimitWait({ 'x-sentry-rate-limit-reset': 'soon' }, now)).toBeUndefined();
    expect(rateLimitWait({}, now)).toBeUndefined();
  });
});
