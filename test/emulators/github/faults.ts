/**
 * Fault injection: for a method and a path pattern, the next `times` requests are delayed, dropped (connection
 * destroyed), answered with a status, or rate limited the way GitHub does it (primary: 403 with
 * `x-ratelimit-remaining: 0` and `x-ratelimit-reset`; secondary: 403 with `retry-after` and GitHub's message).
 */

export interface GitHubFault {
  /** HTTP method; any when absent. */
  method?: string;
  /** Regular expression source matched against the pathname without the `/api/v3` prefix. */
  path: string;
  /** How many matching requests the fault applies to; default 1. */
  times?: number;
  status?: number;
  delayMs?: number;
  drop?: boolean;
  headers?: Record<string, string>;
  body?: unknown;
  /** GitHub's rate-limit answers with their real headers and messages. */
  rateLimit?: 'primary' | 'secondary';
  /** Secondary limit: the `retry-after` seconds (default 60). */
  retryAfter?: number;
  /** Primary limit: seconds until `x-ratelimit-reset` (default 60). */
  resetInSeconds?: number;
}

export interface ArmedFault extends GitHubFault {
  pattern: RegExp;
  remaining: number;
}

export class FaultSpecError extends Error {
  override name = 'FaultSpecError';
}

export function armFault(input: unknown): ArmedFault {
  const spec = (input ?? {}) as Record<string, unknown>;
  if (typeof spec.path !== 'string' || !spec.path) {
    throw new FaultSpecError(`fault.path must be a regular expression source string, got ${JSON.stringify(spec.path)}`);
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(spec.path);
  } catch (err) {
    throw new FaultSpecError(
      `fault.path ${JSON.stringify(spec.path)} is not a valid regular expression: ${(err as Error).message}`,
    );
  }
  const times = spec.times ?? 1;
  if (typeof times !== 'number' || !(times >= 1)) {
    throw new FaultSpecError(`fault.times must be a number ≥ 1, got ${JSON.stringify(spec.times)}`);
  }
  if (spec.status !== undefined && (typeof spec.status !== 'number' || spec.status < 100 || spec.status > 599)) {
    throw new FaultSpecError(`fault.status must be an HTTP status 100-599, got ${JSON.stringify(spec.status)}`);
  }
  if (spec.rateLimit !== undefined && spec.rateLimit !== 'primary' && spec.rateLimit !== 'secondary') {
    throw new FaultSpecError(`fault.rateLimit must be "primary" or "secondary", got ${JSON.stringify(spec.rateLimit)}`);
  }
  if (spec.delayMs !== undefined && (typeof spec.delayMs !== 'number' || spec.delayMs < 0)) {
    throw new FaultSpecError(`fault.delayMs must be a number of milliseconds ≥ 0, got ${JSON.stringify(spec.delayMs)}`);
  }
  return { ...(spec as unknown as GitHubFault), pattern, remaining: times };
}

/** Takes one use of the first fault matching the request, if any. */
export function takeFault(faults: ArmedFault[], method: string, pathname: string): ArmedFault | undefined {
  const index = faults.findIndex((f) => (!f.method || f.method.toUpperCase() === method) && f.pattern.test(pathname));
  if (index < 0) return undefined;
  const fault = faults[index]!;
  fault.remaining--;
  if (fault.remaining <= 0) faults.splice(index, 1);
  return fault;
}

export interface FaultReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The answer a status or rate-limit fault sends; undefined for delay-only faults. */
export function faultReply(
  fault: ArmedFault,
  installationId: number | undefined,
  requestId: string,
): FaultReply | undefined {
  const docs = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
  if (fault.rateLimit === 'primary') {
    const reset = Math.floor(Date.now() / 1000) + (fault.resetInSeconds ?? 60);
    const status = fault.status ?? 403;
    return {
      status,
      headers: {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-reset': String(reset),
        'x-ratelimit-resource': 'core',
        ...fault.headers,
      },
      body: fault.body ?? {
        message: `API rate limit exceeded for installation ID ${installationId ?? 0}. If you reach out to GitHub Support for help, please include the request ID ${requestId} and timestamp ${new Date()
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d+Z$/, ' UTC')}.`,
        documentation_url: `${docs}#primary-rate-limit`,
        status: String(status),
      },
    };
  }
  if (fault.rateLimit === 'secondary') {
    const status = fault.status ?? 403;
    return {
      status,
      headers: { 'retry-after': String(fault.retryAfter ?? 60), ...fault.headers },
      body: fault.body ?? {
        message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
        documentation_url: `${docs}#about-secondary-rate-limits`,
        status: String(status),
      },
    };
  }
  if (fault.status === undefined) return undefined;
  return {
    status: fault.status,
    headers: { ...fault.headers },
    body: fault.body ?? {
      message: fault.status >= 500 ? 'Server Error' : 'Injected fault',
      documentation_url: 'https://docs.github.com/rest',
      status: String(fault.status),
    },
  };
}
