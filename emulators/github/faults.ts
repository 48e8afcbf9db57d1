/**
 * Fault injection: for a method and a path pattern, the next `times` requests are delayed, dropped (connection
 * destroyed), hung (never answered, nothing changed, until the client gives up), answered with a status, or rate limited the way GitHub does it (primary: 403 with
 * `x-ratelimit-remaining: 0` and `x-ratelimit-reset`; secondary: 403 with `retry-after` and GitHub's message).
 */

import { type ActiveFault, type FaultSpec, FaultInjector, FaultSpecError, parseFaultSpec } from '../shared/faults.ts';

export { FaultSpecError } from '../shared/faults.ts';

export interface GitHubFault extends FaultSpec {
  /** Regular expression source matched against the pathname without the `/api/v3` prefix. */
  path: string;
  /** Never answer and change nothing: the request stays open until the client closes it (tests its timeout). */
  hang?: boolean;
  /** GitHub's rate-limit answers with their real headers and messages. */
  rateLimit?: 'primary' | 'secondary';
  /** Secondary limit: the `retry-after` seconds (default 60). */
  retryAfter?: number;
  /** Primary limit: seconds until `x-ratelimit-reset` (default 60). */
  resetInSeconds?: number;
}

export type ArmedFault = ActiveFault<GitHubFault>;

function checkRateLimit(spec: Record<string, unknown>): void {
  if (spec.hang !== undefined && typeof spec.hang !== 'boolean') {
    throw new FaultSpecError(`fault.hang must be true or false, got ${JSON.stringify(spec.hang)}`);
  }
  if (spec.rateLimit !== undefined && spec.rateLimit !== 'primary' && spec.rateLimit !== 'secondary') {
    throw new FaultSpecError(`fault.rateLimit must be "primary" or "secondary", got ${JSON.stringify(spec.rateLimit)}`);
  }
}

export function armFault(input: unknown): ArmedFault {
  return parseFaultSpec<GitHubFault>(input, checkRateLimit);
}

/** The armed faults of one emulator, in the order they were armed. */
export function githubFaults(): FaultInjector<GitHubFault> {
  return new FaultInjector<GitHubFault>(checkRateLimit);
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
