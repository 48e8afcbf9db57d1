/**
 * HTTP plumbing of the GitHub emulator: route templates written exactly as GitHub's OpenAPI paths (so a test can
 * look each one up), GitHub's error body (`{message, documentation_url, status}`), and `Link` pagination.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Caller } from './state.ts';
import type { Urls } from './shapes.ts';

export interface Reply {
  status: number;
  /** JSON body; a string is sent as text/plain (raw media type) unless `contentType` says otherwise; undefined = empty. */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface RequestContext {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  raw: Buffer;
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

interface CompiledRoute extends RouteSpec {
  pattern: RegExp;
}

const DOCS = 'https://docs.github.com/rest';

export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    super(`HTTP ${status}: ${JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

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

// Parameters that may span several path segments (file paths, refs with slashes, `base...head`); a contents path
// may be empty (the repository root).
const MULTI_SEGMENT_PATTERN: Record<string, string> = { path: '.*', basehead: '.+', ref: '.+' };

export function compile(spec: RouteSpec): CompiledRoute {
  const source = spec.template
    .split('/')
    .map((segment) =>
      segment
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{(\w+)\}/g, (_, name: string) => `(?<${name}>${MULTI_SEGMENT_PATTERN[name] ?? '[^/]+'})`),
    )
    .join('/')
    // Octokit drops the slash before an empty contents path: /repos/o/r/contents is the root.
    .replace('/(?<path>.*)', '(?:/(?<path>.*))?');
  return { ...spec, pattern: new RegExp(`^${source}/?$`) };
}

export function matchRoute(
  routes: CompiledRoute[],
  method: string,
  pathname: string,
): { route: CompiledRoute; params: Record<string, string> } | 'methodNotAllowed' | undefined {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.pattern.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (r.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(m.groups ?? {}))
      params[key] = value === undefined ? '' : safeDecode(value);
    return { route: r, params };
  }
  return pathMatched ? 'methodNotAllowed' : undefined;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
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
