/**
 * The connection pools every outgoing request of the action and the CLI goes through (the Sentry client, the GitHub
 * history, the doctor's probe), and one request's whole answer over them. node:http(s) rather than undici: it is
 * part of Node and loads at once, so the action's first request goes out sooner.
 */
import { Agent as HttpAgent, type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';

/** The connection pools a transport sends through: one per protocol. */
export interface SentryAgents {
  http: HttpAgent;
  https: HttpsAgent;
}

let shared: { key: string; agents: SentryAgents } | undefined;

/**
 * One keep-alive pool per protocol for every client in the process; they honour HTTP(S)_PROXY and NO_PROXY (Node's
 * own proxy support, `proxyEnv`), read again whenever those variables change.
 */
export function sharedSentryAgents(env: NodeJS.ProcessEnv = process.env): SentryAgents {
  const names = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy'];
  const proxyEnv = Object.fromEntries(names.filter((n) => env[n] !== undefined).map((n) => [n, env[n]!]));
  const key = JSON.stringify(proxyEnv);
  // An idle connection is closed after 10 s (sooner when the server's Keep-Alive header says so).
  if (shared?.key !== key)
    shared = { key, agents: new KeepAliveAgents({ keepAlive: true, timeout: 10_000, proxyEnv }) };
  return shared.agents;
}

/** node:https (and TLS under it) is loaded when the first https URL is asked for, not by every process start. */
const nodeHttps = () => process.getBuiltinModule('node:https');

class KeepAliveAgents implements SentryAgents {
  readonly http: HttpAgent;
  readonly #options: ConstructorParameters<typeof HttpAgent>[0];
  #https: HttpsAgent | undefined;

  constructor(options: ConstructorParameters<typeof HttpAgent>[0]) {
    this.#options = options;
    this.http = new HttpAgent(options);
  }

  get https(): HttpsAgent {
    this.#https ??= new (nodeHttps().Agent)(this.#options);
    return this.#https;
  }
}

/** An answer as received: the body whole, undecoded. */
export interface RawAnswer {
  status: number;
  statusText: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request and its whole answer over node:http(s); `signal` aborts it (connect, headers and body). */
export function exchange(
  url: URL,
  opts: {
    method: string;
    headers: Record<string, string>;
    body: Buffer | undefined;
    agents: SentryAgents;
    signal?: AbortSignal | undefined;
  },
): Promise<RawAnswer> {
  const https = url.protocol === 'https:';
  const headers = opts.body ? { ...opts.headers, 'content-length': String(opts.body.length) } : opts.headers;
  return new Promise((resolve, reject) => {
    const req = (https ? nodeHttps().request : httpRequest)(
      url,
      {
        method: opts.method,
        headers,
        agent: https ? opts.agents.https : opts.agents.http,
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (b: Buffer) => parts.push(b));
        res.on('error', reject);
        res.on('close', () => {
          if (!res.complete) reject(Object.assign(new Error('the response was cut off'), { code: 'ECONNRESET' }));
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers: res.headers,
            body: Buffer.concat(parts),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}
