/**
 * The GitHub emulator: a real HTTP server on loopback that Octokit (`@octokit/rest` with `baseUrl`, or Probot with
 * `GHE_HOST`/`GHE_PROTOCOL`, which puts the REST API under `/api/v3`) talks to. In-memory state, an inspection API
 * under `/__emulator/`, fault injection and webhook delivery. See README.md next to this file.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, sign } from 'node:crypto';
import { identifyCaller } from './access.ts';
import { faultReply, FaultSpecError, githubFaults, type GitHubFault } from './faults.ts';
import { SeedError } from './git.ts';
import {
  compile,
  githubError,
  HttpError,
  matchRoute,
  readBody,
  type Reply,
  type RequestContext,
  type RouteSpec,
} from './http.ts';
import { allRoutes } from './routes.ts';
import { InvalidSeedError, type GitHubSeed } from './seed.ts';
import { GitHubWorld, type Caller, type EmulatorStateJson } from './state.ts';
import { webPage } from './web.ts';
import {
  deliverWebhook,
  webhookPayload,
  WebhookSpecError,
  type WebhookDelivery,
  type WebhookResult,
  type WebhookTarget,
} from './webhooks.ts';

export type { GitHubSeed } from './seed.ts';
export type { GitHubFault } from './faults.ts';
export type { EmulatorStateJson } from './state.ts';
export type { WebhookDelivery, WebhookResult, WebhookTarget } from './webhooks.ts';
export { signWebhookBody } from './webhooks.ts';

export interface GitHubEmulatorOptions {
  port?: number;
  host?: string;
  seed?: GitHubSeed;
  /** Base of html_url and permalinks; default the emulator's own origin (GitHub Enterprise style). */
  htmlUrl?: string;
  /** Send the app `issues` / `issue_comment` webhooks for changes made through the API, as GitHub does. */
  webhooks?: WebhookTarget;
  /**
   * Milliseconds every REST request waits before it is handled: the round trip to api.github.com from a server
   * elsewhere (benchmarks). Faults come on top. Default 0.
   */
  latencyMs?: number;
}

export interface GitHubEmulator {
  /** http://127.0.0.1:PORT (no trailing slash); REST routes are served here and under `/api/v3`. */
  url: string;
  /** `${url}/api/v3`: the base Probot uses with GHE_HOST. */
  apiUrl: string;
  /** `127.0.0.1:PORT`: the value for GHE_HOST (with GHE_PROTOCOL=http). */
  host: string;
  state(): EmulatorStateJson;
  /** Back to the state the emulator started with (the start seed); faults cleared. */
  reset(): void;
  /** Merges more seed: repos and installations with the same name/id are replaced. */
  seed(seed: GitHubSeed): void;
  inject(fault: GitHubFault): void;
  clearFaults(): void;
  /** Issues an installation token directly (what `POST /app/installations/{id}/access_tokens` returns). */
  installationToken(installationId: number): string;
  /** A token that acts as a user (a person closing an issue, commenting…) on every repo. */
  userToken(login: string): string;
  /** An app JWT the emulator accepts: pass the private key when the seed gives the app's `public_key`. */
  appJwt(privateKey?: string): string;
  deliverWebhook(delivery: WebhookDelivery): Promise<WebhookResult>;
  /** Where the app's webhooks go from now on (undefined: none); `reset()` restores the start option. */
  setWebhookTarget(target: WebhookTarget | undefined): void;
  /** Resolves when every webhook queued so far has been answered by the app. */
  flushWebhooks(): Promise<void>;
  /** Every REST route served: method and GitHub's OpenAPI path. */
  routes: ReadonlyArray<{ method: string; template: string }>;
  close(): Promise<void>;
}

export async function startGitHubEmulator(opts: GitHubEmulatorOptions = {}): Promise<GitHubEmulator> {
  const world = new GitHubWorld();
  const startSeed = opts.seed;
  if (startSeed) world.seed(startSeed);
  const faults = githubFaults();
  const latencyMs = opts.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new Error(`latencyMs must be ≥ 0, got ${opts.latencyMs}`);
  const specs: RouteSpec[] = allRoutes(world);
  const routes = specs.map(compile);
  let origin = '';
  let used = 0;
  let webhookTarget = opts.webhooks;
  let webhookQueue: Promise<void> = Promise.resolve();

  // Deliveries run one at a time, in the order the changes happened, after the API call has answered.
  world.onEvent = (event) => {
    const target = webhookTarget;
    if (!target) return;
    const urls = { api: `${origin}/api/v3`, html: opts.htmlUrl?.replace(/\/$/, '') ?? origin };
    const payload = webhookPayload(world, urls, event);
    if (!payload) return;
    const deliveries = world.deliveries;
    webhookQueue = webhookQueue.then(async () => {
      const at = new Date().toISOString();
      try {
        const result = await deliverWebhook({ ...target, event: event.event, payload });
        deliveries.push({
          at,
          event: event.event,
          action: event.action,
          delivery: result.delivery,
          status: result.status,
        });
      } catch (err) {
        deliveries.push({
          at,
          event: event.event,
          action: event.action,
          delivery: '',
          status: 0,
          error: (err as Error).message,
        });
      }
    });
  };

  const emulatorApi = async (method: string, path: string, raw: Buffer): Promise<Reply | undefined> => {
    const body = () => (raw.length ? (JSON.parse(raw.toString('utf8')) as unknown) : {});
    const key = `${method} ${path}`;
    switch (key) {
      case 'GET /__emulator/state':
        return { status: 200, body: world.snapshot() };
      case 'GET /__emulator/routes':
        return { status: 200, body: specs.map((s) => ({ method: s.method, template: s.template })) };
      case 'POST /__emulator/reset':
        reset();
        return { status: 200, body: { ok: true } };
      case 'POST /__emulator/seed':
        world.seed(body());
        return { status: 200, body: { ok: true } };
      case 'POST /__emulator/faults': {
        const value = body();
        for (const f of Array.isArray(value) ? value : [value]) faults.add(f);
        return { status: 201, body: { ok: true, armed: faults.size } };
      }
      case 'DELETE /__emulator/faults':
        faults.clear();
        return { status: 204 };
      case 'POST /__emulator/tokens': {
        const id = Number((body() as { installation_id?: unknown }).installation_id);
        if (!world.installations.has(id)) throw githubError(404, `installation ${id} is not seeded`);
        const token = world.issueInstallationToken(id);
        return { status: 201, body: { token: token.token, expires_at: token.expiresAt } };
      }
      case 'POST /__emulator/app-webhook': {
        const target = body() as Partial<WebhookTarget>;
        if (typeof target.url !== 'string' || typeof target.secret !== 'string') {
          throw new WebhookSpecError('app-webhook needs {"url": "<app webhook URL>", "secret": "<webhook secret>"}');
        }
        webhookTarget = { url: target.url, secret: target.secret };
        return { status: 200, body: { ok: true } };
      }
      case 'DELETE /__emulator/app-webhook':
        webhookTarget = undefined;
        return { status: 204 };
      case 'POST /__emulator/webhooks': {
        const result = await deliverWebhook(body() as Partial<WebhookDelivery>);
        return { status: 200, body: result };
      }
      default:
        return path.startsWith('/__emulator/')
          ? { status: 404, body: { message: `no emulator route ${key}` } }
          : undefined;
    }
  };

  const reset = () => {
    world.reset();
    faults.clear();
    webhookTarget = opts.webhooks;
    if (startSeed) world.seed(startSeed);
  };

  const send = (res: ServerResponse, reply: Reply, extraHeaders: Record<string, string>) => {
    const headers: Record<string, string> = { ...extraHeaders, ...reply.headers };
    let payload: string | undefined;
    if (typeof reply.body === 'string') {
      headers['content-type'] = reply.contentType ?? 'text/plain; charset=utf-8';
      if (!reply.contentType) headers['x-github-media-type'] = 'github.v3; param=raw';
      payload = reply.body;
    } else if (reply.body !== undefined && reply.status !== 204) {
      headers['content-type'] = 'application/json; charset=utf-8';
      payload = JSON.stringify(reply.body);
    }
    res.writeHead(reply.status, headers);
    res.end(payload);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', origin);
    const viaEnterprise = url.pathname === '/api/v3' || url.pathname.startsWith('/api/v3/');
    const pathname = viaEnterprise ? url.pathname.slice('/api/v3'.length) || '/' : url.pathname;
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    const common: Record<string, string> = {
      'x-github-request-id': requestId,
      'x-github-media-type': 'github.v3; format=json',
    };

    let caller: Caller | undefined;
    let status = 500;
    try {
      const emulatorReply = await emulatorApi(method, pathname, raw);
      if (emulatorReply) {
        send(res, emulatorReply, {});
        return;
      }
      // The web pages html_url, permalinks and download_url point at (not part of the REST API).
      const web = method === 'GET' && !viaEnterprise ? webPage(world, pathname) : undefined;
      if (web) {
        status = -1; // not an API request: not recorded
        send(res, web, {});
        return;
      }
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const fault = faults.take(method, pathname);
      if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault?.hang) {
        status = 0;
        await new Promise((resolve) => req.socket.once('close', resolve));
        return;
      }
      if (fault?.drop) {
        status = 0;
        req.socket.destroy();
        return;
      }
      try {
        caller = identifyCaller(world, req.headers);
      } catch {
        // A rate-limit fault answers before credentials are looked at, as GitHub's edge does.
      }
      const injected = fault
        ? faultReply(fault, caller?.kind === 'installation' ? caller.installationId : undefined, requestId)
        : undefined;
      if (injected) {
        status = injected.status;
        send(res, { status: injected.status, body: injected.body, headers: injected.headers }, common);
        return;
      }
      caller = identifyCaller(world, req.headers);
      const match = matchRoute(routes, method, pathname);
      if (!match) throw githubError(404, 'Not Found');
      if (match === 'methodNotAllowed') throw githubError(404, 'Not Found');
      const { route, params } = match;
      if (route.access === 'app' && caller?.kind !== 'app') {
        throw githubError(401, caller ? 'A JSON web token could not be decoded' : 'Requires authentication');
      }
      if (route.access === 'installation' && (!caller || caller.kind === 'app')) {
        throw githubError(401, caller ? 'Bad credentials' : 'Requires authentication');
      }
      const ctx: RequestContext = {
        method,
        url,
        params,
        headers: req.headers,
        raw,
        caller,
        urls: { api: origin + (viaEnterprise ? '/api/v3' : ''), html: opts.htmlUrl?.replace(/\/$/, '') ?? origin },
      };
      const reply = await route.handler(ctx);
      status = reply.status;
      used++;
      const resource = pathname.startsWith('/search/') ? 'search' : 'core';
      const limit = resource === 'search' ? 30 : 5000;
      send(res, reply, {
        ...common,
        'x-ratelimit-limit': String(limit),
        'x-ratelimit-remaining': String(limit - 1 - (used % (limit - 1))),
        'x-ratelimit-used': String(1 + (used % (limit - 1))),
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        'x-ratelimit-resource': resource,
      });
    } catch (err) {
      const known =
        err instanceof HttpError
          ? err
          : err instanceof InvalidSeedError ||
              err instanceof SeedError ||
              err instanceof FaultSpecError ||
              err instanceof WebhookSpecError ||
              err instanceof SyntaxError
            ? new HttpError(400, { message: (err as Error).message })
            : new HttpError(500, { message: `emulator error: ${(err as Error).message}` });
      status = known.status;
      if (!res.headersSent) send(res, { status: known.status, body: known.body, headers: known.headers }, common);
    } finally {
      if (!pathname.startsWith('/__emulator/') && status !== -1) {
        world.record({
          at: new Date().toISOString(),
          method,
          path: pathname + url.search,
          status,
          ...(method !== 'GET' && raw.length ? { body: parseRecordedBody(raw) } : {}),
        });
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `emulator error: ${(err as Error).message}` }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostName = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const host = `${hostName}:${address.port}`;
  origin = `http://${host}`;

  return {
    url: origin,
    apiUrl: `${origin}/api/v3`,
    host,
    state: () => world.snapshot(),
    reset,
    seed: (seed) => world.seed(seed),
    inject: (fault) => {
      faults.add(fault);
    },
    clearFaults: () => faults.clear(),
    installationToken: (installationId) => {
      if (!world.installations.has(installationId)) {
        throw new Error(`installation ${installationId} is not seeded: add it to the seed's installations`);
      }
      return world.issueInstallationToken(installationId).token;
    },
    userToken: (login) => world.issueUserToken(login),
    appJwt: (privateKey) => fakeAppJwt(world.app.id, privateKey),
    deliverWebhook: (delivery) => deliverWebhook(delivery),
    setWebhookTarget: (target) => {
      webhookTarget = target;
    },
    flushWebhooks: async () => {
      // Deliveries may queue more while we wait (an app answering a webhook with an API call).
      for (let last: Promise<void> | undefined; last !== webhookQueue;) {
        last = webhookQueue;
        await last;
      }
    },
    routes: specs.map((s) => ({ method: s.method, template: s.template })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseRecordedBody(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** An RS256 app JWT: signed when a private key is given, else with a random signature (enough for the emulator). */
export function fakeAppJwt(appId: number | string, privateKey?: string): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iat: now - 60, exp: now + 540, iss: String(appId) })}`;
  const signature = privateKey ? sign('RSA-SHA256', Buffer.from(unsigned), privateKey) : randomBytes(32);
  return `${unsigned}.${signature.toString('base64url')}`;
}
