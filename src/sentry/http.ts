/**
 * The HTTP layer of the Sentry client: one request with auth, timeout, retries and a redacted debug log.
 * Knows nothing about endpoints; client.ts builds on it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { exchange, type SentryAgents } from './agents.ts';
import { SentryApiError, SentryConnectionError } from './errors.ts';
import { hintForConnectionFailure, hintForStatus } from './hints.ts';
import { redactSecret } from './redact.ts';
import { backoffDelay, isRetryableCode, isRetryableStatus, rateLimitWait } from './retry.ts';

export interface TransportOptions {
  baseUrl: string;
  org: string;
  token: string;
  userAgent: string;
  maxAttempts: number;
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  maxRateLimitWaitMs: number;
  agents: SentryAgents;
  log?: (line: string) => void;
  random?: () => number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface OutgoingRequest {
  method: HttpMethod;
  url: URL;
  json?: unknown;
  body?: { data: Buffer; contentType: string };
  /** Statuses that are answers rather than errors for this call (for example 404 on a lookup). */
  accept?: number[];
}

export interface IncomingResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** Parsed JSON when Sentry sent `application/json`, else undefined. */
  json: unknown;
  /** The body as received (may hold the token: pass it through `redact` before showing it). */
  text: string;
}

interface RawResponse extends IncomingResponse {
  statusText: string;
}

class TransportFailure extends Error {
  readonly code: string;
  constructor(code: string, message: string, cause?: unknown) {
    super(message, { cause });
    this.code = code;
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class SentryTransport {
  readonly #o: TransportOptions;

  constructor(options: TransportOptions) {
    this.#o = options;
  }

  /** Sends `req`, retrying transient failures; resolves with 2xx answers and `req.accept` statuses. */
  async send(req: OutgoingRequest): Promise<IncomingResponse> {
    const o = this.#o;
    const endpoint = this.#redact(`${req.method} ${req.url.pathname}`);
    const sleep = o.sleep ?? defaultSleep;
    const now = o.now ?? Date.now;
    const payload = req.body ?? (req.json === undefined ? undefined : jsonBody(req.json));
    for (let attempt = 1; ; attempt++) {
      const started = now();
      this.#debug(`→ ${req.method} ${req.url.href} (attempt ${attempt}/${o.maxAttempts})`);
      let res: RawResponse;
      try {
        res = await this.#once(req, payload);
      } catch (err) {
        const failure = toTransportFailure(err);
        this.#debug(`✗ ${endpoint} ${failure.code}: ${failure.message} after ${now() - started} ms`);
        if (isRetryableCode(failure.code) && attempt < o.maxAttempts) {
          const delay = backoffDelay(attempt, o.retryBaseMs, o.retryMaxDelayMs, o.random);
          this.#debug(`retrying ${endpoint} in ${delay} ms after ${failure.code}`);
          await sleep(delay);
          continue;
        }
        throw new SentryConnectionError({
          endpoint,
          code: failure.code,
          reason: this.#redact(failure.message),
          hint: this.#redact(hintForConnectionFailure(failure.code, o.baseUrl, o.timeoutMs)),
          attempts: attempt,
          cause: failure,
        });
      }
      this.#debug(`← ${res.status} ${endpoint} in ${now() - started} ms`);
      if ((res.status >= 200 && res.status < 300) || req.accept?.includes(res.status)) return res;

      let retryAfterMs: number | undefined;
      if (isRetryableStatus(res.status) && attempt < o.maxAttempts) {
        let delay = backoffDelay(attempt, o.retryBaseMs, o.retryMaxDelayMs, o.random);
        if (res.status === 429) {
          const asked = rateLimitWait(res.headers, now());
          if (asked !== undefined && asked > o.maxRateLimitWaitMs) retryAfterMs = asked;
          else if (asked !== undefined) delay = asked;
        }
        if (retryAfterMs === undefined) {
          this.#debug(`retrying ${endpoint} in ${delay} ms after ${res.status}`);
          await sleep(delay);
          continue;
        }
        this.#debug(`not retrying ${endpoint}: rate limit resets in ${retryAfterMs} ms`);
      }
      throw this.#apiError(res, endpoint, attempt, retryAfterMs);
    }
  }

  async #once(req: OutgoingRequest, payload: { data: Buffer; contentType: string } | undefined): Promise<RawResponse> {
    const o = this.#o;
    const headers: Record<string, string> = {
      authorization: `Bearer ${o.token}`,
      'user-agent': o.userAgent,
      accept: 'application/json',
    };
    if (payload) headers['content-type'] = payload.contentType;
    const controller = new AbortController();
    // One deadline for connect + headers + body, so a stalled body cannot hang a run.
    const timer = setTimeout(() => controller.abort(), o.timeoutMs);
    try {
      const answer = await exchange(req.url, {
        method: req.method,
        headers,
        body: payload?.data,
        agents: o.agents,
        signal: controller.signal,
      });
      const text = answer.body.toString('utf8');
      return { ...answer, text, json: parseJson(answer.headers['content-type'], text) };
    } catch (err) {
      if (controller.signal.aborted) {
        throw new TransportFailure('TIMEOUT', `no complete response within ${o.timeoutMs} ms`, err);
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  #apiError(res: RawResponse, endpoint: string, attempts: number, retryAfterMs?: number): SentryApiError {
    const o = this.#o;
    const rawDetail = errorDetail(res.json, res.text);
    const detail = rawDetail === undefined ? undefined : this.#redact(rawDetail);
    const hint = this.#redact(
      hintForStatus({
        status: res.status,
        endpoint,
        org: o.org,
        baseUrl: o.baseUrl,
        ...(detail === undefined ? {} : { detail }),
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      }),
    );
    return new SentryApiError({
      status: res.status,
      statusText: res.statusText,
      endpoint,
      hint,
      attempts,
      ...(detail === undefined ? {} : { detail }),
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }

  /** `text` without the token or any bearer credential. */
  redact(text: string): string {
    return redactSecret(text, this.#o.token);
  }

  #redact(text: string): string {
    return this.redact(text);
  }

  #debug(line: string): void {
    this.#o.log?.(this.#redact(`sentry: ${line}`));
  }
}

function jsonBody(value: unknown): { data: Buffer; contentType: string } {
  return { data: Buffer.from(JSON.stringify(value)), contentType: 'application/json' };
}

function parseJson(contentType: string | string[] | undefined, text: string): unknown {
  const type = (Array.isArray(contentType) ? contentType[0] : contentType)?.split(';')[0]?.trim().toLowerCase();
  if (!text || !type || !(type === 'application/json' || type.endsWith('+json'))) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Sentry's `{"detail"}` / `{"error"}` text, a summary of DRF field errors, or the start of a non-JSON body. */
export function errorDetail(json: unknown, text: string): string | undefined {
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const obj = json as Record<string, unknown>;
    for (const key of ['detail', 'error']) {
      const v = obj[key];
      if (typeof v === 'string') return v;
      if (v && typeof v === 'object' && typeof (v as { message?: unknown }).message === 'string') {
        return (v as { message: string }).message;
      }
    }
    const fields = Object.entries(obj).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(' ') : JSON.stringify(v)}`);
    return fields.length ? truncate(fields.join('; ')) : undefined;
  }
  if (Array.isArray(json)) return truncate(json.map(String).join(' '));
  const trimmed = text.trim();
  return trimmed ? truncate(trimmed.replace(/\s+/g, ' ')) : undefined;
}

function truncate(s: string, max = 300): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

function toTransportFailure(err: unknown): TransportFailure {
  if (err instanceof TransportFailure) return err;
  const e = err as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const code =
    (typeof e?.code === 'string' && e.code) || (typeof e?.cause?.code === 'string' && e.cause.code) || 'UNKNOWN';
  // undici reports a peer that hung up as UND_ERR_SOCKET; keep the underlying reason when there is one.
  const message = [e?.message, e?.cause?.message].filter((m) => typeof m === 'string' && m).join(': ');
  return new TransportFailure(code, message || String(err), err);
}
