/**
 * The shapes of the Sentry answers an upload depends on (chunk-upload options, assemble, releases), checked where
 * they enter. Anything else (an HTML login page from a proxy, broken JSON, `{}`, an unknown state) becomes a
 * SentryAnswerError that says what arrived and what usually causes it. Pure: no I/O.
 */
import { z } from 'zod';
import type { IncomingHttpHeaders } from 'node:http';
import type { AssembleResponse, ChunkUploadOptions, Release } from './types.ts';

/** How much of an unexpected body is shown: enough to recognise a login page, not a whole document. */
const SHOWN_BYTES = 200;

const chunkUploadOptionsSchema = z.looseObject({
  url: z.string().min(1),
  chunkSize: z.number().positive(),
  chunksPerRequest: z.number().positive(),
  maxRequestSize: z.number().positive(),
  concurrency: z.number().positive(),
  hashAlgorithm: z.string(),
  compression: z.array(z.string()).nullish(),
  accept: z.array(z.string()).nullish(),
  maxFileSize: z.number().nullish(),
  maxWait: z.number().nullish(),
});

const assembleSchema = z.looseObject({
  state: z.enum(['created', 'assembling', 'ok', 'error', 'not_found']),
  missingChunks: z.array(z.string()).nullish(),
  detail: z.string().nullish(),
});

const releaseSchema = z.looseObject({
  version: z.string().min(1),
  dateReleased: z.string().nullish(),
  commitCount: z.number().nullish(),
  projects: z.array(z.looseObject({ slug: z.string() })).optional(),
});

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
  const { compression, accept, maxFileSize, maxWait, ...rest } = expectShape(
    answer,
    chunkUploadOptionsSchema,
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
  const out = expectShape(answer, assembleSchema, 'an assemble state (created, assembling, ok, error or not_found)');
  return { ...out, missingChunks: out.missingChunks ?? [] } as AssembleResponse;
}

export function checkReleaseAnswer(answer: ReceivedAnswer): Release {
  return expectShape(answer, releaseSchema, 'a release') as unknown as Release;
}

function expectShape<T>(answer: ReceivedAnswer, schema: z.ZodType<T>, expected: string): T {
  const parsed = schema.safeParse(answer.json);
  if (parsed.success) return parsed.data;
  const contentType = headerValue(answer.headers['content-type']);
  const problem =
    answer.json === undefined
      ? `something that is not JSON where ${expected} was expected`
      : `JSON that is not ${expected} (${describeIssue(parsed.error)})`;
  throw new SentryAnswerError({
    status: answer.status,
    endpoint: answer.endpoint,
    contentType,
    received: firstBytes(answer.text),
    problem,
  });
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  const where = issue.path.length ? issue.path.join('.') : 'the body';
  return `${where}: ${issue.message}`;
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
