/**
 * HTTP plumbing of the GitHub emulator: route templates written exactly as GitHub's OpenAPI paths (so a test can
 * look each one up), GitHub's error body (`{message, documentation_url, status}`), and `Link` pagination.
 */
import { type BaseRequestContext, HttpError, templateSource } from '../shared/http.ts';
import type { Caller } from './state.ts';
import type { Urls } from './shapes.ts';

export { HttpError, matchRoute, readBody } from '../shared/http.ts';

export interface Reply {
  status: number;
  /** JSON body; a string is sent as text/plain (raw media type) unless `contentType` says otherwise; undefined = empty. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RequestContext extends BaseRequestContext {
  caller: Caller | undefined;
  urls: Urls;
}

/** Who may call a route: GitHub answers 401 to a missing credential and 403/404 to the wrong kind. */
export type Access = 'app' | 'installation' | 'none';

export interface RouteSpec {
  method: string;
  /** GitHub's OpenAPI path, e.g. `/repos/{owner}/{repo}/issues/{issue_number}`. */
  template: string;
  access: Access;
  /** Query parameters this route reads (checked against the OpenAPI description). */
  query?: string[];
  /** Request-body fields this route reads (checked against the OpenAPI description). */
  body?: string[];
  handler: (ctx: RequestContext) => Reply | Promise<Reply>;
}

export interface CompiledRoute extends RouteSpec {
  pattern: RegExp;
}

const DOCS = 'https://docs.github.com/rest';

export function githubError(status: number, message: string, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(status, { message, ...extra, documentation_url: DOCS, status: String(status) });
}

export const notFound = () => githubError(404, 'Not Found');

/** GitHub's 422 with one field error. */
export function validationFailed(resource: string, field: string, code: string, value?: unknown): HttpError {
  return githubError(422, 'Validation Failed', {
    errors: [{ resource, field, code, ...(value !== undefined ? { value } : {}) }],
  });
}

/** GitHub's limits on what a person or an app writes (checked by GitHub in characters, not bytes). */
export const LIMITS = { title: 256, body: 65_536 } as const;

/**
 * GitHub's 422 for text over a limit. Issues answer `code: custom` on the field; comments answer
 * `code: unprocessable` on `data` with a capitalised message (both as GitHub sends them).
 */
export function tooLong(
  resource: 'Issue' | 'IssueComment',
  field: 'title' | 'body',
  value: unknown,
): HttpError | undefined {
  const max = LIMITS[field];
  if (typeof value !== 'string' || [...value].length <= max) return undefined;
  const message = `${field} is too long (maximum is ${max} characters)`;
  const error =
    resource === 'Issue'
      ? { resource, code: 'custom', field, message }
      : { resource, code: 'unprocessable', field: 'data', message: message[0]!.toUpperCase() + message.slice(1) };
  return githubError(422, 'Validation Failed', { errors: [error] });
}

// Parameters that may span several path segments (file paths, refs with slashes, `base...head`); a contents path
// may be empty (the repository root).
const MULTI_SEGMENT_PATTERN: Record<string, string> = { path: '.*', basehead: '.+', ref: '.+' };

export function compile(spec: RouteSpec): CompiledRoute {
  // Octokit drops the slash before an empty contents path: /repos/o/r/contents is the root.
  const source = templateSource(spec.template, MULTI_SEGMENT_PATTERN).replace('/(?<path>.*)', '(?:/(?<path>.*))?');
  return { ...spec, pattern: new RegExp(`^${source}/?$`) };
}

/** The JSON object body of a request; GitHub's 400 "Problems parsing JSON" otherwise. */
export function jsonBody(ctx: RequestContext): Record<string, unknown> {
  const text = ctx.raw.toString('utf8');
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to GitHub's answer
  }
  throw githubError(400, 'Problems parsing JSON');
}

/** `per_page` (default 30, at most 100) and `page` pagination with GitHub's `Link` header. */
export function paginate<T>(ctx: RequestContext, items: T[]): { page: T[]; headers: Record<string, string> } {
  const perPage = Math.min(100, Math.max(1, Number(ctx.url.searchParams.get('per_page')) || 30));
  const pageNumber = Math.max(1, Number(ctx.url.searchParams.get('page')) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const page = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  const link = (n: number, rel: string) => {
    const url = new URL(ctx.urls.api + ctx.url.pathname.replace(/^\/api\/v3/, ''));
    for (const [k, v] of ctx.url.searchParams) url.searchParams.set(k, v);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(n));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (pageNumber > 1) links.push(link(pageNumber - 1, 'prev'));
  if (pageNumber < lastPage) links.push(link(pageNumber + 1, 'next'), link(lastPage, 'last'));
  if (pageNumber > 1) links.push(link(1, 'first'));
  return { page, headers: links.length ? { link: links.join(', ') } : {} };
}

/** A 200 answer with one page of `items` and its `Link` header. */
export function pageReply<T>(ctx: RequestContext, items: T[]): Reply {
  const { page, headers } = paginate(ctx, items);
  return { status: 200, body: page, headers };
}

/**
 * Pages `items` only when the request asks to (`per_page` or `page`), as GitHub does for a commit's files and a
 * comparison's commits; otherwise all of them up to `unpagedLimit`, without a `Link` header.
 */
export function pageWhenAsked<T>(
  ctx: RequestContext,
  items: T[],
  unpagedLimit = Infinity,
): { page: T[]; headers: Record<string, string> } {
  const asked = ctx.url.searchParams.has('per_page') || ctx.url.searchParams.has('page');
  return asked ? paginate(ctx, items) : { page: items.slice(0, unpagedLimit), headers: {} };
}
