/**
 * A Sentry emulator: a real HTTP server on 127.0.0.1 (port 0 by default) serving the Sentry Web API endpoints
 * faultline and sentry-cli use, with in-memory state, an inspection API, fault injection and a webhook sender.
 * See README.md beside this file.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { alertRuleEmulatorRoutes, alertRuleRoutes } from './alert-rules.ts';
import { AssemblyJobs, assembleRoutes } from './assemble.ts';
import { chunkRoutes } from './chunks.ts';
import type { ChunkUploadLimits, EmulatorContext } from './context.ts';
import { WebhookDeliveries } from './deliveries.ts';
import { type FaultSpec, rateLimitReply, SentryFaults, type SentryFaultSpec } from './faults.ts';
import {
  HttpError,
  matchRoute,
  readBody,
  type Reply,
  type RequestContext,
  type Route,
  type RouteMatch,
  withPermission,
} from './http.ts';
import { inspectionRoutes } from './inspection.ts';
import { envelopeInspectionRoutes, envelopeRoutes, type IngestResult, ingestEvent } from './ingest.ts';
import { installationRoutes } from './installations.ts';
import { externalIssueRoutes, issueRoutes } from './issues.ts';
import { indexRoute, organizationRoutes } from './organizations.ts';
import { type Caller, EVENT_PERMISSION, PERMISSION_DENIED, RELEASE_PERMISSION, scopesAllow } from './permissions.ts';
import { releaseFileRoutes } from './release-files.ts';
import { releaseRoutes } from './releases.ts';
import { payloadFromSeed } from './webhook-payloads.ts';
import { actorFor } from './webhooks.ts';
import { DEFAULT_SCOPES, DEFAULT_SEED, type EmulatorSeed, type EmulatorState, EmulatorStore } from './state.ts';

export type { EmulatorSeed, EmulatorState } from './state.ts';
export type { FaultSpec, SentryFaultSpec, WebhookFaultSpec } from './faults.ts';
export type { WebhookRequest, WebhookResult } from './webhooks.ts';

export interface SentryEmulatorOptions {
  port?: number;
  host?: string;
  /** The accepted bearer token; generated when absent. */
  token?: string;
  /** The integration's client secret used to sign webhooks; generated when absent. */
  clientSecret?: string;
  /** The integration's client id, checked with the client secret at `authorizations/`; generated when absent. */
  clientId?: string;
  /** Extra seed on top of the default (org "acme", projects "web" and "api"); reset() comes back to it. */
  seed?: EmulatorSeed;
  /** Overrides of the chunk-upload limits Sentry announces (chunkSize 8 MiB, 64 chunks and 32 MiB per request). */
  chunkUpload?: Partial<ChunkUploadLimits>;
  /** How long an assembly stays `assembling` (default 0: done as soon as the bundle is read). */
  assembleDelayMs?: number;
  /** Time between Sentry's webhook retries (default 5 minutes, as Sentry's tasks wait). */
  retryDelayMs?: number;
  /** Behave as a self-hosted Sentry: rate-limit faults answer without `X-Sentry-Rate-Limit-*` headers. */
  selfHosted?: boolean;
}

export interface SentryEmulator {
  /** http://127.0.0.1:PORT, no trailing slash. */
  url: string;
  token: string;
  clientSecret: string;
  clientId: string;
  org: string;
  state(): EmulatorState;
  reset(): void;
  seed(seed: EmulatorSeed): void;
  /** A request fault (`kind: "rateLimit"` for Sentry's 429), or a webhook fault (`webhook`); see README. */
  inject(fault: SentryFaultSpec | (Omit<FaultSpec, 'path'> & { webhook: string; event?: string })): void;
  /** Processes one new error as Sentry would: joins or creates its issue, regresses a resolved one (README). */
  ingestEvent(event: Record<string, unknown>): IngestResult;
  /** The bytes of one file of an assembled bundle, by its URL (`~/app.js`); undefined when absent. */
  bundleFile(bundleId: string, url: string): Buffer | undefined;
  close(): Promise<void>;
}

const ORG = 'acme';

export const DEFAULT_CHUNK_UPLOAD_LIMITS: ChunkUploadLimits = {
  chunkSize: 8 * 1024 * 1024,
  chunksPerRequest: 64,
  maxRequestSize: 32 * 1024 * 1024,
  maxFileSize: 2 * 1024 * 1024 * 1024,
  concurrency: 8,
  maxWait: 0,
};

export async function startSentryEmulator(opts: SentryEmulatorOptions = {}): Promise<SentryEmulator> {
  const token = opts.token ?? `sntryu_${randomBytes(32).toString('hex')}`;
  const clientSecret = opts.clientSecret ?? randomBytes(32).toString('hex');
  const clientId = opts.clientId ?? randomBytes(32).toString('hex');
  let baseUrl = '';
  const freshStore = () => {
    const store = new EmulatorStore(ORG);
    store.applySeed(DEFAULT_SEED);
    store.tokens.set(token, DEFAULT_SCOPES);
    if (opts.seed) store.applySeed(opts.seed);
    return store;
  };
  let store = freshStore();
  const faults = new SentryFaults();
  const jobs = new AssemblyJobs(opts.assembleDelayMs ?? 0);
  const deliveries = new Set<Promise<unknown>>();
  const sender = new WebhookDeliveries({
    clientSecret,
    faults: faults.webhooks,
    ...(opts.retryDelayMs !== undefined ? { retryDelayMs: opts.retryDelayMs } : {}),
  });
  /** Who an Authorization header names; exchanged integration tokens stop working after 8 hours, as Sentry's do. */
  const caller = (authorization: string | undefined): Caller | undefined => {
    const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (given === undefined) return undefined;
    const scopes = store.tokens.get(given);
    if (!scopes) return undefined;
    const installation = [...store.installations.values()].find((i) => i.token === given);
    if (installation?.tokenExpiresAt && Date.parse(installation.tokenExpiresAt) <= Date.now()) return undefined;
    return installation ? { scopes, installation } : { scopes };
  };
  const emu: EmulatorContext = {
    get store() {
      return store;
    },
    baseUrl: () => baseUrl,
    limits: { ...DEFAULT_CHUNK_UPLOAD_LIMITS, ...opts.chunkUpload },
    caller,
    notify(event) {
      const at = store;
      const actor = event.actor ?? actorFor(at, event.authorization);
      for (const installation of at.installations.values()) {
        if (!installation.webhookUrl || installation.org !== at.orgSlug) continue;
        const request = {
          url: installation.webhookUrl,
          resource: event.resource,
          action: event.action,
          data: event.data,
          installation: { uuid: installation.uuid },
          actor,
        };
        // After the API answer, as Sentry's task queue sends them.
        const delivery = new Promise((resolve) => setImmediate(resolve))
          .then(() => sender.send(request, () => at))
          .finally(() => deliveries.delete(delivery));
        deliveries.add(delivery);
      }
    },
  };

  const state = (): EmulatorState => ({ ...store.snapshot(), faults: faults.pending() });
  const reset = () => {
    jobs.cancelAll();
    faults.clear();
    sender.cancelPending();
    store = freshStore();
  };
  const seed = (s: EmulatorSeed) => store.applySeed(s);
  const scopesOf = (authorization: string | undefined) => caller(authorization)?.scopes as string[] | undefined;

  const apiRoutes: Route[] = [
    indexRoute(emu, scopesOf),
    ...organizationRoutes(emu),
    ...withPermission(RELEASE_PERMISSION, [
      ...releaseRoutes(emu),
      ...releaseFileRoutes(emu),
      ...chunkRoutes(emu),
      ...assembleRoutes(emu, jobs),
    ]),
    ...withPermission(EVENT_PERMISSION, issueRoutes(emu)),
    ...externalIssueRoutes(emu),
    ...installationRoutes(emu, { clientId, clientSecret }),
    ...alertRuleRoutes(emu),
    ...envelopeRoutes(emu),
  ];
  const bundleFile = (bundleId: string, url: string) => store.bundleContents.get(bundleId)?.get(url);
  const ownRoutes = inspectionRoutes({
    state,
    bundleFile,
    reset,
    seed,
    faults,
    sendWebhook: (request) => {
      const at = store;
      return sender.send(request, () => at);
    },
    seededPayload: (request) => payloadFromSeed(emu, request),
    ingest: (body) => ingestEvent(emu, body),
  });
  ownRoutes.push(...alertRuleEmulatorRoutes(emu, { clientSecret }), ...envelopeInspectionRoutes(emu));
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  /** Sentry authenticates every API call (the index also answers anonymous callers), then checks the scopes. */
  function authenticate(ctx: RequestContext, match: RouteMatch): void {
    if (match.auth === 'none') return;
    const header = ctx.headers.authorization;
    if (header === undefined) {
      if (match.auth === 'optional') return;
      throw new HttpError(401, { detail: 'Authentication credentials were not provided.' });
    }
    const who = caller(header);
    if (!who) throw new HttpError(401, { detail: 'Invalid token' });
    if (match.scopes && !scopesAllow(match.scopes, ctx.method, who.scopes)) {
      throw new HttpError(403, PERMISSION_DENIED);
    }
  }

  async function answerApi(ctx: RequestContext): Promise<Reply> {
    const match = matchRoute(apiRoutes, ctx.method, ctx.url.pathname);
    if (match === undefined) throw new HttpError(404, { detail: 'The requested resource does not exist' });
    if (match === 'methodNotAllowed') throw new HttpError(405, { detail: `Method "${ctx.method}" not allowed.` });
    authenticate(ctx, match);
    return match.handler({ ...ctx, params: match.params });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', baseUrl);
    const raw = await readBody(req);
    const ctx: RequestContext = { method, url, params: {}, headers: req.headers, raw };

    if (url.pathname.startsWith('/__emulator/')) {
      const match = matchRoute(ownRoutes, method, url.pathname);
      const reply = await answer(() => {
        if (match === undefined) throw new HttpError(404, { detail: 'no such emulator route' });
        if (match === 'methodNotAllowed') throw new HttpError(405, { detail: `Method "${method}" not allowed.` });
        return match.handler({ ...ctx, params: match.params });
      });
      return send(res, reply);
    }

    const logEntry = {
      method,
      path: url.pathname + url.search,
      status: 0,
      ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
      ...jsonOf(req, raw),
    };
    store.logRequest(logEntry);
    const fault = faults.requests.take(method, url.pathname);
    if (fault) Object.assign(logEntry, { fault: true });
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.drop) {
      req.socket.destroy();
      return;
    }
    let reply: Reply;
    if (fault?.kind === 'rateLimit') {
      reply = rateLimitReply({ selfHosted: opts.selfHosted ?? false, ...fault }, method, Date.now());
    } else if (fault && (fault.status !== undefined || fault.body !== undefined)) {
      const status = fault.status ?? 200;
      reply = { status, body: fault.body ?? (status >= 400 ? { detail: `Injected fault: HTTP ${status}` } : {}) };
    } else {
      reply = await answer(() => answerApi(ctx));
    }
    if (fault?.headers) reply = { ...reply, headers: { ...reply.headers, ...fault.headers } };
    logEntry.status = reply.status;
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // An emulator bug answers 500 at once instead of leaving the client to its timeout.
      if (!res.headersSent && !res.destroyed) send(res, { status: 500, body: { detail: String(err) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;

  return {
    url: baseUrl,
    token,
    clientSecret,
    clientId,
    org: ORG,
    state,
    reset,
    seed,
    inject: (fault) => void faults.add(fault),
    ingestEvent: (event) => ingestEvent(emu, event),
    bundleFile,
    close: () =>
      new Promise<void>((resolve) => {
        jobs.cancelAll();
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(
          () =>
            void Promise.allSettled([...deliveries])
              .then(() => sender.close())
              .then(() => resolve()),
        );
      }),
  };
}

async function answer(fn: () => Reply | Promise<Reply>): Promise<Reply> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof HttpError) return { status: err.status, body: err.body };
    throw err;
  }
}

function jsonOf(req: IncomingMessage, raw: Buffer): { json?: unknown } {
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json') || raw.length === 0) return {};
  try {
    return { json: JSON.parse(raw.toString('utf8')) as unknown };
  } catch {
    return {};
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  if (reply.raw) {
    res.writeHead(reply.status, {
      'Content-Type': reply.contentType ?? 'application/octet-stream',
      'Content-Length': reply.raw.length,
      ...reply.headers,
    });
    res.end(reply.raw);
    return;
  }
  const text = reply.body === undefined || reply.status === 204 ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...reply.headers,
  });
  res.end(text);
}
