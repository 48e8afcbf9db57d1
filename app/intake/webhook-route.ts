import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyWebhookSignature } from '../../src/sentry/webhook-signature.ts';
import { sentryWebhookPriority } from '../jobs/priority.ts';
import type { Log } from '../log.ts';
import type { Store } from '../store/index.ts';
import { DeliveryBatcher, Overloaded } from './delivery-batcher.ts';
import { processEventLoopLag } from './event-loop-lag.ts';
import { isHandledResource, validateWebhook } from './schema.ts';

export const SENTRY_WEBHOOK_PATH = '/sentry/webhook';
export const SENTRY_WEBHOOK_JOB = 'sentry.webhook';
export const MAX_BODY_BYTES = 1024 * 1024;
export const TIMESTAMP_TOLERANCE_MS = 5 * 60_000;
/**
 * Sentry gives up after 1 s and counts a timeout against the integration. Past this, answer 503 instead: if the
 * slow insert still commits, Sentry's retry is coalesced with it or re-reads Sentry's state, so nothing is lost.
 */
export const RECORD_DEADLINE_MS = 750;

export interface SentryWebhookRouteOptions {
  store: Store;
  clientSecret: string;
  log: Log;
  /** Called after a job was enqueued, to wake this process's workers. */
  onEnqueued?: () => void;
  /** Told each answer's log fields (status, resource, action, delivery, error, ms): the metrics count them. */
  onAnswered?: (fields: Record<string, unknown>) => void;
  maxAttempts?: number;
  recordDeadlineMs?: number;
  /** Groups the deliveries arriving together into one transaction; by default over `store.recordDeliveries`. */
  batcher?: DeliveryBatcher;
  /** Whether this process is too far behind to answer in time (by default: the event loop's sustained delay). */
  lag?: { overloaded(): boolean };
  now?: () => number;
}

type Outcome = { status: number; body: Record<string, unknown>; headers?: Record<string, string> };

/**
 * `POST /sentry/webhook` as a Probot `addHandler` handler: returns false for other paths. Verifies the raw bytes,
 * records the delivery by body digest and enqueues one job in one transaction shared with the deliveries arriving
 * alongside (see README: dedupe, group commit), and answers 202 — or refuses with 401/400/413 and stores nothing, or
 * answers 503 when the database cannot record or too many deliveries already wait for it (Sentry retries 5xx, never 4xx).
 */
export function createSentryWebhookRoute(opts: SentryWebhookRouteOptions) {
  const now = opts.now ?? Date.now;
  const batcher =
    opts.batcher ??
    new DeliveryBatcher({
      record: (batch) => opts.store.recordDeliveries(batch),
      // A second transaction need not wait for a slow first one on PostgreSQL's pool; SQLite has one writer.
      maxInFlight: opts.store.dialect === 'postgres' ? 2 : 1,
    });
  const lag = opts.lag ?? processEventLoopLag();
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== SENTRY_WEBHOOK_PATH) return false;
    const started = performance.now();
    const requestId = header(req, 'request-id') ?? null;
    const resource = header(req, 'sentry-hook-resource') ?? null;
    let outcome: Outcome;
    try {
      outcome = await handle(req, requestId, resource);
    } catch (error) {
      outcome = { status: 500, body: { error: 'internal error' } };
      opts.log.error({ requestId, resource, failure: String(error) }, 'sentry webhook: unexpected failure');
    }
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const { status: delivery, ...details } = outcome.body;
    const fields = { requestId, resource, status: outcome.status, ...(delivery ? { delivery } : {}), ms, ...details };
    opts.onAnswered?.(fields);
    if (outcome.status >= 400) opts.log.warn(fields, 'sentry webhook refused');
    else opts.log.info(fields, 'sentry webhook');
    send(res, outcome);
    return true;
  };

  async function handle(req: IncomingMessage, requestId: string | null, resource: string | null): Promise<Outcome> {
    if (req.method !== 'POST') {
      return { status: 405, body: { error: 'use POST' }, headers: { allow: 'POST' } };
    }
    // Busy: refuse before spending anything on the body (Node discards it; the connection stays usable).
    if (batcher.overloaded()) return OVERLOADED;
    if (lag.overloaded()) return BEHIND;
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_BODY_BYTES) return tooLarge(req);
    const raw = await readBody(req, MAX_BODY_BYTES);
    if (raw === undefined) return tooLarge(req);

    if (!verifyWebhookSignature(raw, req.headers['sentry-hook-signature'], opts.clientSecret)) {
      const reason = req.headers['sentry-hook-signature'] ? 'bad signature' : 'missing Sentry-Hook-Signature';
      return { status: 401, body: { error: reason } };
    }
    const timestamp = Number(header(req, 'sentry-hook-timestamp'));
    if (!Number.isFinite(timestamp) || Math.abs(now() - timestamp * 1000) > TIMESTAMP_TOLERANCE_MS) {
      return { status: 401, body: { error: 'Sentry-Hook-Timestamp missing or more than 5 minutes from now' } };
    }
    if (!resource) return { status: 400, body: { error: 'missing Sentry-Hook-Resource' } };

    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      return { status: 400, body: { error: 'body is not JSON' } };
    }
    const parsed = validateWebhook(resource, json);
    if (!parsed.ok) return { status: 400, body: { error: `invalid ${resource} webhook: ${parsed.problem}` } };
    const handled = isHandledResource(resource);

    const delivery = {
      digest: createHash('sha256').update(raw).digest('hex'),
      requestId,
      resource,
      action: parsed.webhook.action,
      installationUuid: parsed.webhook.installation.uuid,
      status: handled ? ('accepted' as const) : ('ignored' as const),
      // An ignored resource has no job to read it: its body is not kept.
      body: handled ? raw.toString('utf8') : '',
      receivedAt: now(),
    };
    try {
      const recording = batcher.record({
        delivery,
        job: handled
          ? {
              type: SENTRY_WEBHOOK_JOB,
              maxAttempts: opts.maxAttempts,
              priority: sentryWebhookPriority(resource, parsed.webhook.action),
            }
          : undefined,
      });
      const recorded = await withDeadline(recording, opts.recordDeadlineMs ?? RECORD_DEADLINE_MS, () => {
        // Still nudge if it lands late, so the job does not wait for the next poll.
        recording.then((late) => late.jobId !== null && opts.onEnqueued?.()).catch(() => {});
      });
      if (recorded.jobId !== null) opts.onEnqueued?.();
      const status = recorded.duplicate ? 'duplicate' : delivery.status;
      return { status: 202, body: { status, deliveryId: recorded.deliveryId, action: delivery.action } };
    } catch (error) {
      if (error instanceof Overloaded) return OVERLOADED;
      opts.log.error({ requestId, failure: String(error) }, 'sentry webhook: could not record the delivery');
      return {
        status: 503,
        body: { error: 'cannot record the delivery now; retry later' },
        headers: { 'retry-after': '30' },
      };
    }
  }
}

/** Sentry retries a 5xx (5 minutes later): nothing is lost, and the deliveries already waiting are answered in time. */
const OVERLOADED: Outcome = {
  status: 503,
  body: { error: 'overloaded: too many deliveries waiting to be recorded; retry later' },
  headers: { 'retry-after': '30' },
};
const BEHIND: Outcome = {
  ...OVERLOADED,
  body: { error: 'overloaded: this process is too far behind to answer in time; retry later' },
};

class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
}

function withDeadline<T>(work: Promise<T>, ms: number, onLate: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onLate();
      reject(new DeadlineExceeded(`the database did not record the delivery within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

function tooLarge(req: IncomingMessage): Outcome {
  // Stop reading: the connection is closed after the answer.
  req.pause();
  return {
    status: 413,
    body: { error: `body larger than ${MAX_BODY_BYTES} bytes` },
    headers: { connection: 'close' },
  };
}

/** The raw body, or undefined once it grows past `limit` bytes (then reading stops; the socket is closed after the answer). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        resolve(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off('data', onData).off('end', onEnd).off('error', onError);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(res: ServerResponse, outcome: Outcome): void {
  const payload = JSON.stringify(outcome.body);
  res.writeHead(outcome.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...outcome.headers,
  });
  res.end(payload);
}
