/**
 * The webhook sender: delivers an integration-platform webhook to a URL exactly as Sentry does — one compact JSON
 * body (non-ASCII escaped as \uXXXX, like Python's json.dumps), signed once over those bytes with the client
 * secret, with Sentry's five headers and its 1-second timeout. Answers with what the target answered.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import { signWebhookBody } from '../../src/sentry/webhook-signature.ts';
import type { EmulatorStore, WebhookDelivery } from './state.ts';

/** The body of `POST /__emulator/webhooks`. */
export interface WebhookRequest {
  url: string;
  resource: string;
  action: string;
  data: Record<string, unknown>;
  /** Default: the first seeded installation. */
  installation?: { uuid: string };
  /** Default: Sentry itself, `{type: "application", id: "sentry", name: "Sentry"}`. */
  actor?: Record<string, unknown>;
  /** Test knobs: exact body bytes to send, a different signing secret, a fixed timestamp, a timeout. */
  rawBody?: string;
  secret?: string;
  timestamp?: number;
  timeoutMs?: number;
}

export interface WebhookResult {
  status: number;
  body: string;
  headers: Record<string, string>;
  requestId: string;
  durationMs: number;
  /** Set when no HTTP answer came (refused, timeout). */
  error?: string;
}

/** A webhook request the sender cannot act on; the message names the field. */
export class WebhookRequestError extends Error {
  override name = 'WebhookRequestError';
}

export const SENTRY_ACTOR = { type: 'application', id: 'sentry', name: 'Sentry' };

/**
 * Who made an API call, as the webhook's `actor`: an installation's token is the integration itself (the app uses
 * this to ignore its own echoes); any other token is the organization's (first) user.
 */
export function actorFor(store: EmulatorStore, authorization: string | undefined): Record<string, unknown> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  const installation = [...store.installations.values()].find((i) => token !== undefined && i.token === token);
  if (installation) return { type: 'application', id: installation.app.uuid, name: installation.app.slug };
  const user = store.users[0];
  return user ? { type: 'user', id: user.id, name: user.name } : SENTRY_ACTOR;
}

/** JSON as Sentry's Python serializer writes it: compact, and every non-ASCII UTF-16 unit escaped. */
export function serializeLikeSentry(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) =>
    c === '\u007f' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function parseWebhookRequest(input: Record<string, unknown>, store: EmulatorStore): WebhookRequest {
  const text = (field: string) => {
    const v = input[field];
    if (typeof v !== 'string' || !v)
      throw new WebhookRequestError(`webhook.${field} must be a non-empty string, got ${JSON.stringify(v)}`);
    return v;
  };
  const url = text('url');
  if (!/^https?:\/\//.test(url))
    throw new WebhookRequestError(`webhook.url must be an http(s) URL, got ${JSON.stringify(url)}`);
  const resource = text('resource');
  const action = text('action');
  if (input.rawBody === undefined && (!input.data || typeof input.data !== 'object' || Array.isArray(input.data))) {
    throw new WebhookRequestError(
      `webhook.data must be an object (the payload's "data"), got ${JSON.stringify(input.data)}`,
    );
  }
  const installation = input.installation as { uuid?: unknown } | undefined;
  const uuid = typeof installation?.uuid === 'string' ? installation.uuid : store.installations.keys().next().value;
  if (!uuid) {
    throw new WebhookRequestError(
      'webhook.installation.uuid is missing and no installation is seeded; seed one or pass it',
    );
  }
  return {
    ...(input as unknown as WebhookRequest),
    url,
    resource,
    action,
    data: (input.data ?? {}) as Record<string, unknown>,
    installation: { uuid },
  };
}

export async function deliverWebhook(opts: {
  request: Record<string, unknown>;
  clientSecret: string;
  store: () => EmulatorStore;
  /** Which try this is (1 = first), recorded in `state().webhooks`. */
  attempt?: number;
}): Promise<WebhookResult> {
  const store = opts.store();
  const req = parseWebhookRequest(opts.request, store);
  const body =
    req.rawBody ??
    serializeLikeSentry({
      action: req.action,
      installation: req.installation,
      data: req.data,
      actor: req.actor ?? SENTRY_ACTOR,
    });
  // Sentry's AppPlatformEvent: uuid4().hex, a fresh one for every request it sends (retries included).
  const requestId = randomUUID().replaceAll('-', '');
  const headers = {
    'Content-Type': 'application/json',
    'Request-ID': requestId,
    'Sentry-Hook-Resource': req.resource,
    'Sentry-Hook-Timestamp': String(req.timestamp ?? Math.floor(Date.now() / 1000)),
    'Sentry-Hook-Signature': signWebhookBody(body, req.secret ?? opts.clientSecret),
  };
  const started = Date.now();
  const timeoutMs = req.timeoutMs ?? 1000;
  const record: WebhookDelivery = {
    url: req.url,
    resource: req.resource,
    action: req.action,
    requestId,
    status: 0,
    attempt: opts.attempt ?? 1,
  };
  store.webhooks.push(record);
  try {
    // undici's request, not fetch: fetch refuses some ports outright, and Sentry delivers to any port.
    const res = await request(req.url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    const text = await res.body.text();
    record.status = res.statusCode;
    const answerHeaders: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) answerHeaders[k] = String(v);
    return { status: res.statusCode, body: text, headers: answerHeaders, requestId, durationMs: Date.now() - started };
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
    const timedOut =
      e.name === 'TimeoutError' || e.code === 'UND_ERR_HEADERS_TIMEOUT' || e.code === 'UND_ERR_BODY_TIMEOUT';
    const error = timedOut ? `no answer within ${timeoutMs} ms` : `${e.code ?? e.cause?.code ?? e.name}: ${e.message}`;
    record.error = error;
    return { status: 0, body: '', headers: {}, requestId, durationMs: Date.now() - started, error };
  }
}
