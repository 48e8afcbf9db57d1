/**
 * `fetch` over node:http(s) and the shared keep-alive agents (HTTP(S)_PROXY and NO_PROXY honoured), for the callers
 * that speak fetch: the GitHub history's Octokit request and the doctor's probe. It answers with Node's own global
 * `Response`, so no HTTP library is bundled or loaded for them.
 */
import { exchange, type RawAnswer, sharedSentryAgents, type SentryAgents } from './agents.ts';

export interface AgentFetchInit {
  method?: string;
  headers?: Record<string, string> | Headers | Array<[string, string]>;
  body?: string | Uint8Array | null;
  signal?: AbortSignal | null;
  /** `follow` (the default, up to 5 hops) or `manual`. */
  redirect?: string;
}

export type AgentFetch = (url: string | URL, init?: AgentFetchInit) => Promise<Response>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;
/** Statuses whose `Response` must have no body (the constructor refuses one). */
const NULL_BODY = new Set([101, 204, 205, 304]);

/** A fetch that sends through `agents` (default: the process's shared ones, read from the environment). */
export function agentFetch(agents: () => SentryAgents = () => sharedSentryAgents()): AgentFetch {
  return async (input, init = {}) => {
    let url = new URL(String(input));
    let method = (init.method ?? 'GET').toUpperCase();
    let body: Buffer | undefined = init.body == null ? undefined : Buffer.from(init.body);
    const headers = plainHeaders(init.headers);
    for (let hop = 0; ; hop++) {
      const answer = await exchange(url, { method, headers, body, agents: agents(), signal: init.signal ?? undefined });
      const location = answer.headers.location;
      if (init.redirect === 'manual' || !REDIRECTS.has(answer.status) || !location || hop === MAX_REDIRECTS) {
        return toResponse(answer);
      }
      url = new URL(location, url);
      // As fetch does: a 303, or a 301/302 after a POST, becomes a GET without a body.
      if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        delete headers['content-type'];
      }
    }
  };
}

function plainHeaders(headers: AgentFetchInit['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries = headers instanceof Headers || Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries) out[name.toLowerCase()] = String(value);
  return out;
}

function toResponse(answer: RawAnswer): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const body = NULL_BODY.has(answer.status) ? null : new Uint8Array(answer.body);
  return new Response(body, { status: answer.status, statusText: answer.statusText, headers });
}
