import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  decideRetry,
  describeError,
  isTimeoutError,
  PermanentJobError,
  requestedRetryDelay,
} from './retry.ts';

const policy = { baseMs: 1_000, maxMs: 60_000 };

describe('backoffDelay', () => {
  it('doubles per attempt between half and all of the ceiling, capped', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(4, policy, () => 1)).toBe(8_000);
    expect(backoffDelay(30, policy, () => 1)).toBe(60_000);
  });
});

describe('requestedRetryDelay', () => {
  it('prefers an explicit retryAfterMs on the error', () => {
    expect(requestedRetryDelay(Object.assign(new Error('429'), { retryAfterMs: 42_000 }), 0)).toBe(42_000);
  });
  it('reads Retry-After in seconds and as an HTTP date from Octokit-style errors', () => {
    expect(requestedRetryDelay({ response: { headers: { 'retry-after': '60' } } }, 0)).toBe(60_000);
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(
      requestedRetryDelay({ response: { headers: { 'retry-after': 'Mon, 23 Nov 2026 00:00:30 GMT' } } }, now),
    ).toBe(30_000);
  });
  it("reads GitHub's exhausted rate limit reset", () => {
    const headers = { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1000' };
    expect(requestedRetryDelay({ response: { headers } }, 990_000)).toBe(10_000);
  });
  it("waits a minute on GitHub's secondary rate limit when no Retry-After came with it", () => {
    const error = Object.assign(new Error('You have exceeded a secondary rate limit. Please wait a few minutes.'), {
      status: 403,
    });
    expect(requestedRetryDelay(error, 0)).toBe(60_000);
    expect(
      requestedRetryDelay(Object.assign(new Error('Resource not accessible'), { status: 403 }), 0),
    ).toBeUndefined();
  });
  it('returns undefined for plain errors', () => {
    expect(requestedRetryDelay(new Error('boom'), 0)).toBeUndefined();
    expect(requestedRetryDelay('boom', 0)).toBeUndefined();
  });
});

describe('decideRetry', () => {
  it('backs off exponentially until the last attempt, then dead-letters', () => {
    expect(decideRetry(new Error('x'), 3, 5, 100, policy, () => 1)).toEqual({ retryAt: 100 + 4_000 });
    expect(decideRetry(new Error('x'), 5, 5, 100, policy)).toEqual({
      deadLetter: true,
      reason: 'gave up after 5 attempts',
    });
  });
  it('waits as long as a rate limit asks, even past the backoff', () => {
    const error = Object.assign(new Error('rate limited'), { retryAfterMs: 120_000 });
    expect(decideRetry(error, 1, 5, 0, policy, () => 1)).toEqual({ retryAt: 120_000 });
  });
  it('dead-letters permanent errors at once', () => {
    expect(decideRetry(new PermanentJobError('404'), 1, 5, 0, policy)).toMatchObject({ deadLetter: true });
  });
});

it('describeError keeps name, status and message on one line', () => {
  expect(describeError(Object.assign(new Error('Not Found'), { name: 'HttpError', status: 404 }))).toBe(
    'HttpError (404): Not Found',
  );
});

it('does not retry a validation error (422): it fails the same way every time', () => {
  const refused = Object.assign(new Error('Validation Failed'), { status: 422 });
  expect(decideRetry(refused, 1, 5, 0)).toEqual({ deadLetter: true, reason: 'validation error (422)' });
});

describe('timeouts', () => {
  it('are transient, also when wrapped as the cause of a client error', () => {
    const timeout = Object.assign(new Error('POST /repos/a/b/issues got no answer within 20000 ms'), {
      name: 'TimeoutError',
    });
    const wrapped = Object.assign(new Error('HttpError'), { status: 500, cause: timeout });
    expect(isTimeoutError(timeout)).toBe(true);
    expect(isTimeoutError(wrapped)).toBe(true);
    expect(isTimeoutError(new Error('boom'))).toBe(false);
    expect(decideRetry(wrapped, 1, 5, 0, policy, () => 1)).toEqual({ retryAt: 1_000 });
  });
});
