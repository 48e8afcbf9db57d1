/**
 * The shapes of the Sentry answers an upload depends on (chunk-upload options, assemble, releases), checked where
 * they enter. Anything else (an HTML login page from a proxy, broken JSON, `{}`, an unknown state) becomes a
 * SentryAnswerError that says what arrived and what usually causes it. Pure: no I/O.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AssembleResponse, ChunkUploadOptions, Release } from './types.ts';

/** How much of an unexpected body is shown: enough to recognise a login page, not a whole document. */
const SHOWN_BYTES = 200;

// A few shape checks of our own rather than a schema library: the action loads this before its first request, and
// these three shapes are all it needs. A check returns what is wrong (with the path to it), or undefined.
interface Problem {
  path: string[];
  message: string;
}
type Check = (value: unknown) => Problem | undefined;

const wrongBecause = (message: string): Problem => ({ path: [], message });
const describeValue = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
const string =
  (minLength = 0): Check =>
  (v) =>
    typeof v !== 'string'
      ? wrongBecause(`expected a string, got ${describeValue(v)}`)
      : v.length < minLength
        ? wrongBecause('expected a non-empty string')
        : undefined;
const number: Check = (v) =>
  typeof v === 'number' && Number.isFinite(v) ? undefined : wrongBecause(`expected a number, got ${describeValue(v)}`);
const positive: Check = (v) => number(v) ?? ((v as number) > 0 ? undefined : wrongBecause('expected a number > 0'));
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? undefined : wrongBecause(`expected one of ${values.join(', ')}`);
const nullish =
  (check: Check): Check =>
  (v) =>
    v == null ? undefined : check(v);
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? undefined : check(v);
const arrayOf =
  (check: Check): Check =>
  (v) => {
    if (!Array.isArray(v)) return wrongBecause(`expected an array, got ${describeValue(v)}`);
    for (const [i, item] of v.entries()) {
      const p = check(item);
      if (p) return { path: [String(i), ...p.path], message: p.message };
    }
    return undefined;
  };
/** An object with at least these fields (others pass through, as Sentry adds fields over time). */
const object =
  (fields: Record<string, Check>): Check =>
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return wrongBecause(`expected an object, got ${describeValue(v)}`);
    for (const [key, check] of Object.entries(fields)) {
      const p = check((v as Record<string, unknown>)[key]);
      if (p) return { path: [key, ...p.path], message: p.message };
    }
    return undefined;
  };

const chunkUploadOptionsShape = object({
  url: string(1),
  chunkSize: positive,
  chunksPerRequest: positive,
  maxRequestSize: positive,
  concurrency: positive,
  hashAlgorithm: string(),
  compression: nullish(arrayOf(string())),
  accept: nullish(arrayOf(string())),
  maxFileSize: nullish(number),
  maxWait: nullish(number),
});

const assembleShape = object({
  state: oneOf(['created', 'assembling', 'ok', 'error', 'not_found']),
  missingChunks: nullish(arrayOf(string())),
  detail: nullish(string()),
});

const releaseShape = object({
  version: string(1),
  dateReleased: nullish(string()),
  commitCount: nullish(number),
  projects: optional(arrayOf(object({ slug: string() }))),
});

interface ChunkUploadOptionsAnswer extends Omit<
  ChunkUploadOptions,
  'compression' | 'accept' | 'maxFileSize' | 'maxWait'
> {
  compression?: string[] | null;
  accept?: string[] | null;
  maxFileSize?: number | null;
  maxWait?: number | null;
}

/** An answer with a 2xx status that is not what Sentry sends for this call. */
export class SentryAnswerError extends Error {
  readonly status: number;
  readonly endpoint: string;
  readonly contentType: string;
  /** The start of the body, redacted and truncated. */
  readonly received: string;
  readonly hint: string;

  constructor(init: { status: number; endpoint: string; contentType: string; received: string; problem: string }) {
    const hint = likelyCause(init.contentType, init.received);
    super(
      `Sentry API ${init.endpoint} answered ${init.status} (${init.contentType || 'no content type'}) with ` +
        `${init.problem}; received: ${init.received ? JSON.stringify(init.received) : '(empty body)'}. ${hint}`,
    );
    this.name = 'SentryAnswerError';
    this.status = init.status;
    this.endpoint = init.endpoint;
    this.contentType = init.contentType;
    this.received = init.received;
    this.hint = hint;
  }
}

/** What the caller passes along with the parsed body: enough to report an unexpected answer. */
export interface ReceivedAnswer {
  status: number;
  endpoint: string;
  headers: IncomingHttpHeaders;
  json: unknown;
  /** The raw body, already redacted. */
  text: string;
}

export function checkChunkUploadOptions(answer: ReceivedAnswer): ChunkUploadOptions {
  const { compression, accept, maxFileSize, maxWait, ...rest } = expectShape<ChunkUploadOptionsAnswer>(
    answer,
    chunkUploadOptionsShape,
    'chunk-upload options',
  );
  return {
    ...rest,
    compression: compression ?? [],
    accept: accept ?? [],
    ...(maxFileSize == null ? {} : { maxFileSize }),
    ...(maxWait == null ? {} : { maxWait }),
  };
}

export function checkAssembleAnswer(answer: ReceivedAnswer): AssembleResponse {
  const out = expectShape<Omit<AssembleResponse, 'missingChunks'> & { missingChunks?: string[] | null }>(
    answer,
    assembleShape,
    'an assemble state (created, assembling, ok, error or not_found)',
  );
  return { ...out, missingChunks: out.missingChunks ?? [] } as AssembleResponse;
}

export function checkReleaseAnswer(answer: ReceivedAnswer): Release {
  return expectShape<Release>(answer, releaseShape, 'a release');
}

function expectShape<T>(answer: ReceivedAnswer, shape: Check, expected: string): T {
  const wrong = answer.json === undefined ? wrongBecause('not JSON') : shape(answer.json);
  if (!wrong) return answer.json as T;
  const contentType = headerValue(answer.headers['content-type']);
  const problem =
    answer.json === undefined
      ? `something that is not JSON where ${expected} was expected`
      : `JSON that is not ${expected} (${describeProblem(wrong)})`;
  throw new SentryAnswerError({
    status: answer.status,
    endpoint: answer.endpoint,
    contentType,
    received: firstBytes(answer.text),
    problem,
  });
}

function describeProblem(p: Problem): string {
  return `${p.path.length ? p.path.join('.') : 'the body'}: ${p.message}`;
}

/** The start of a body on one line, without control characters, cut at SHOWN_BYTES. */
export function firstBytes(text: string): string {
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > SHOWN_BYTES ? `${flat.slice(0, SHOWN_BYTES)}…` : flat;
}

/** Why a server answers something that is not Sentry's JSON, judged from what it sent. */
export function likelyCause(contentType: string, received: string): string {
  const looksHtml = /html/i.test(contentType) || /^\s*<(!doctype|html|head|body)/i.test(received);
  if (looksHtml && /log ?in|sign ?in|sso|auth/i.test(received)) {
    return (
      'This looks like a login page: a proxy or single sign-on gateway stands between this job and Sentry; ' +
      'let the job reach Sentry directly (NO_PROXY) or use the gateway’s own access method.'
    );
  }
  if (looksHtml) {
    return (
      'This is a web page, not the Sentry API: check SENTRY_URL points at the Sentry server root (not a page ' +
      'under it or another site), and that no proxy or captive portal answers in its place.'
    );
  }
  return (
    'This is not what Sentry sends: check SENTRY_URL points at a Sentry server (self-hosted 23.7 or newer for ' +
    'artifact bundles) and that no proxy rewrites its answers.'
  );
}

function headerValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}
