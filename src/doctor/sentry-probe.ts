// The doctor's window onto Sentry: single GET requests with a short deadline and no retries, so a broken setup is
// reported in seconds. The Sentry client retries for minutes, which is right for a release and wrong for a check.
import { type AgentFetch, agentFetch } from '../sentry/agent-fetch.ts';
import { VERSION } from '../version.ts';

export interface ProbeAnswer {
  status: number;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
}

/** No HTTP answer at all: refused, DNS, TLS, timeout. `code` is Node's error code, or TIMEOUT. */
export class ProbeConnectionError extends Error {
  override name = 'ProbeConnectionError';
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export interface SentryProbe {
  /** GET `{url}{path}` (path starts with /api/0/); with the bearer token unless `anonymous`. */
  get(path: string, opts?: { anonymous?: boolean }): Promise<ProbeAnswer>;
}

export function createSentryProbe(opts: {
  url: string;
  token: string | undefined;
  timeoutMs: number;
  fetch?: AgentFetch;
}): SentryProbe {
  const fetch = opts.fetch ?? agentFetch();
  return {
    async get(path, { anonymous = false } = {}) {
      const headers: Record<string, string> = {
        'user-agent': `faultline-doctor/${VERSION}`,
        accept: 'application/json',
      };
      if (opts.token && !anonymous) headers.authorization = `Bearer ${opts.token}`;
      const signal = AbortSignal.timeout(opts.timeoutMs);
      try {
        // A redirect is an answer to report (a wrong URL), not one to follow.
        const res = await fetch(`${opts.url}${path}`, { method: 'GET', headers, signal, redirect: 'manual' });
        const text = await res.text();
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        return { status: res.status, json };
      } catch (error) {
        const err = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
        const code = signal.aborted ? 'TIMEOUT' : (err.code ?? err.cause?.code ?? 'ERROR');
        throw new ProbeConnectionError(code, `${err.message}${err.cause?.message ? ` (${err.cause.message})` : ''}`);
      }
    },
  };
}
