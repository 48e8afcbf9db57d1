// When to try a failed job again: pure, so every branch is tested without a clock or a server.

/** Throw (or wrap) this for failures that no retry can fix (a 4xx other than rate limits): dead-letter at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 15 * 60_000 };

/** Exponential backoff with "equal jitter": between half and all of base·2^(attempt-1), capped at maxMs. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

export const SECONDARY_RATE_LIMIT_WAIT_MS = 60_000;

type Headers = Record<string, string | string[] | number | undefined>;

/**
 * How long the failing service asked us to wait, in ms, or undefined. Understands an explicit `retryAfterMs` on the
 * error (our clients set it), and Octokit-style `error.response.headers`: `retry-after` (seconds or an HTTP date)
 * and GitHub's rate limit (`x-ratelimit-remaining: 0` with `x-ratelimit-reset` in epoch seconds).
 */
export function requestedRetryDelay(error: unknown, now: number): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const explicit = (error as { retryAfterMs?: unknown }).retryAfterMs;
  if (typeof explicit === 'number' && Number.isFinite(explicit) && explicit >= 0) return explicit;
  const headers = (error as { response?: { headers?: Headers } }).response?.headers ?? {};
  const header = (name: string) => {
    const value = headers[name] ?? headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value === undefined ? undefined : String(value);
  };
  const retryAfter = header('retry-after');
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  if (header('x-ratelimit-remaining') === '0') {
    const reset = Number(header('x-ratelimit-reset'));
    if (Number.isFinite(reset)) return Math.max(0, reset * 1000 - now);
  }
  // GitHub's secondary rate limit without a Retry-After: its docs ask to wait at least a minute.
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? error.message : '';
  if ((status === 403 || status === 429) && /secondary rate limit/i.test(message)) return SECONDARY_RATE_LIMIT_WAIT_MS;
  return undefined;
}

/**
 * A request that ran out of time (ours: OutboundTimeoutError; fetch's: a DOMException named TimeoutError), possibly
 * wrapped by Octokit's RequestError as its `cause`: transient, whatever status the wrapper gives it.
 */
export function isTimeoutError(error: unknown): boolean {
  for (let e = error, depth = 0; typeof e === 'object' && e !== null && depth < 5; depth++) {
    if ((e as { name?: unknown }).name === 'TimeoutError') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export type RetryDecision = { retryAt: number } | { deadLetter: true; reason: string };

/** The next step after a failed attempt (`attempt` counts from 1). */
export function decideRetry(
  error: unknown,
  attempt: number,
  maxAttempts: number,
  now: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): RetryDecision {
  if (error instanceof PermanentJobError) return { deadLetter: true, reason: 'permanent error' };
  // A validation error (GitHub's 422: a body too long, a field it refuses) fails the same way every time.
  if ((error as { status?: unknown } | null)?.status === 422)
    return { deadLetter: true, reason: 'validation error (422)' };
  if (attempt >= maxAttempts) return { deadLetter: true, reason: `gave up after ${attempt} attempts` };
  if (isTimeoutError(error)) return { retryAt: now + backoffDelay(attempt, policy, random) };
  const asked = requestedRetryDelay(error, now);
  const delay =
    asked !== undefined ? Math.max(asked, backoffDelay(1, policy, random)) : backoffDelay(attempt, policy, random);
  return { retryAt: now + delay };
}

/** A one-line description for the job's last_error and the log (messages only: stacks stay out of the database). */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    return `${error.name}${typeof status === 'number' ? ` (${status})` : ''}: ${error.message}`.slice(0, 2_000);
  }
  return String(error).slice(0, 2_000);
}
