/** Typed errors of the Sentry client. Messages name the endpoint and what to do; they never hold the token. */

export interface SentryApiErrorInit {
  status: number;
  statusText?: string;
  endpoint: string;
  detail?: string;
  hint: string;
  attempts?: number;
  retryAfterMs?: number;
}

/** Sentry answered with an error status (or, for the subclass below, could not be reached). */
export class SentryApiError extends Error {
  /** HTTP status; 0 when no response arrived (see SentryConnectionError). */
  readonly status: number;
  /** Method and path, e.g. `PUT /api/0/organizations/acme/releases/1.0/`. */
  readonly endpoint: string;
  /** Sentry's own `detail` / `error` text, or a summary of its validation errors. */
  readonly detail?: string;
  /** What the user should do about it. */
  readonly hint: string;
  /** How many attempts were made before giving up. */
  readonly attempts: number;
  /** For 429: how long Sentry asked us to wait, when that was beyond our bound. */
  readonly retryAfterMs?: number;

  constructor(init: SentryApiErrorInit, message?: string) {
    super(message ?? describeApiError(init));
    this.name = 'SentryApiError';
    this.status = init.status;
    this.endpoint = init.endpoint;
    if (init.detail !== undefined) this.detail = init.detail;
    this.hint = init.hint;
    this.attempts = init.attempts ?? 1;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }
}

/** No HTTP response: connection refused/reset, DNS failure, or the per-request timeout. `status` is 0. */
export class SentryConnectionError extends SentryApiError {
  /** `ECONNRESET`, `ECONNREFUSED`, `UND_ERR_SOCKET`, `TIMEOUT`, ... */
  readonly code: string;

  constructor(init: Omit<SentryApiErrorInit, 'status'> & { code: string; cause?: unknown; reason: string }) {
    const attempts = init.attempts ?? 1;
    super(
      { ...init, status: 0 },
      `Sentry API ${init.endpoint} failed: ${init.reason}` +
        (attempts > 1 ? ` (after ${attempts} attempts)` : '') +
        `. ${init.hint}`,
    );
    this.name = 'SentryConnectionError';
    this.code = init.code;
    if (init.cause !== undefined) this.cause = init.cause;
  }
}

/** A client option is missing or malformed (checked before any request is made). */
export class SentryConfigError extends Error {
  /** The option or environment variable at fault, e.g. `SENTRY_URL`. */
  readonly setting: string;

  constructor(setting: string, message: string) {
    super(message);
    this.name = 'SentryConfigError';
    this.setting = setting;
  }
}

/** Sentry reported that an artifact bundle could not be assembled, or it did not finish in time. */
export class SentryAssembleError extends Error {
  readonly checksum: string;
  readonly state: string;
  readonly detail?: string | null;

  constructor(init: { checksum: string; state: string; detail?: string | null }, message: string) {
    super(message);
    this.name = 'SentryAssembleError';
    this.checksum = init.checksum;
    this.state = init.state;
    this.detail = init.detail;
  }
}

function describeApiError(init: SentryApiErrorInit): string {
  const status = init.statusText ? `${init.status} ${init.statusText}` : String(init.status);
  const detail = init.detail ? `: ${init.detail}` : '';
  const attempts = (init.attempts ?? 1) > 1 ? ` (after ${init.attempts} attempts)` : '';
  return `Sentry API ${init.endpoint} failed with ${status}${detail}${attempts}. ${init.hint}`;
}

/**
 * Sentry refused a body with 400 and said which fields were wrong (Django REST framework's `{"field": [...]}`,
 * nested for list items). `fields` is that body as sent, for callers that map it back to their own keys.
 */
export class SentryValidationError extends SentryApiError {
  readonly fields: Record<string, unknown>;

  constructor(init: { endpoint: string; fields: Record<string, unknown> }) {
    const summary = Object.entries(init.fields)
      .map(([key, value]) => `${key}: ${validationText(value)}`)
      .join('; ');
    super({
      status: 400,
      endpoint: init.endpoint,
      detail: summary,
      hint: 'Fix the fields Sentry names and try again.',
    });
    this.name = 'SentryValidationError';
    this.fields = init.fields;
  }
}

/** The messages in a DRF error value (a string, a list of them, or nested objects for list items). */
export function validationText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(validationText).filter(Boolean).join(' ');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${validationText(v)}`)
      .join('; ');
  }
  return value === undefined || value === null ? '' : String(value);
}
