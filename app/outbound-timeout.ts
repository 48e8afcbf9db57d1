// Every outbound request has a deadline: a peer that never answers must not hold a worker forever.

export const DEFAULT_GITHUB_TIMEOUT_MS = 20_000;

/** A request that got no complete answer in time; retried as a transient failure (see jobs/retry.ts). */
export class OutboundTimeoutError extends Error {
  override name = 'TimeoutError';
  readonly timeoutMs: number;
  constructor(what: string, timeoutMs: number) {
    super(`${what} got no answer within ${timeoutMs} ms (timed out; will retry)`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * A fetch that aborts after `timeoutMs` (headers and body), keeping any signal the caller passed. Octokit takes it
 * as `request.fetch`, for the REST calls and for the installation-token requests of its auth strategy.
 */
export function fetchWithTimeout(timeoutMs: number, base: typeof fetch = fetch): typeof fetch {
  return async (input, init = {}) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
    try {
      return await base(input, { ...init, signal });
    } catch (error) {
      if (deadline.aborted && !init.signal?.aborted) {
        const method = (init.method ?? 'GET').toUpperCase();
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        throw new OutboundTimeoutError(`${method} ${new URL(url).pathname}`, timeoutMs);
      }
      throw error;
    }
  };
}
