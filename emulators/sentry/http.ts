/**
 * HTTP plumbing of the Sentry emulator: a tiny router over node:http, JSON answers the way Sentry sends them
 * (always `Content-Type: application/json`), typed HTTP errors, and `Link` pagination with Sentry's cursors.
 */
import { type BaseRequestContext, HttpError, matchRoute as matchSharedRoute, templateSource } from '../shared/http.ts';
/** Scopes a route accepts, by HTTP method (the scope maps themselves are in permissions.ts). */
export type ScopeMap = Readonly<Partial<Record<string, readonly string[]>>>;

/** An error answer: `body` is the JSON Sentry sends (`{"detail": ...}`, `{"error": ...}` or DRF field errors). */
export { HttpError, readBody } from '../shared/http.ts';

/** What a route handler answers; `body` undefined means an empty body. */
export interface Reply {
  status: number;
  body?: unknown;
  /** Bytes sent as-is instead of a JSON body, as `contentType` (default application/octet-stream). */
  raw?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export type RequestContext = BaseRequestContext;

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

/** `required`: a valid bearer token; `optional`: anonymous is fine, a wrong token is not; `none`: not checked. */
export type AuthRule = 'required' | 'optional' | 'none';

export interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
  auth: AuthRule;
  /** The scopes that allow each method (see permissions.ts); absent: any valid token will do. */
  scopes?: ScopeMap;
}

export const notFound = () => new HttpError(404, { detail: 'The requested resource does not exist' });
export const badRequest = (body: unknown) => new HttpError(400, body);

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

/**
 * A route from a path template under /api/0: `{name}` matches one path segment, captured and percent-decoded.
 * The trailing slash is optional, as Sentry's URL patterns (`/?$`) allow.
 */
export function route(method: string, template: string, handler: Handler, auth: AuthRule = 'required'): Route {
  return { method, pattern: new RegExp(`^${templateSource(template)}/?$`), handler, auth };
}

/** The same routes, each requiring one of the scopes `scopes` names for its method. */
export function withPermission(scopes: ScopeMap, routes: Route[]): Route[] {
  return routes.map((r) => ({ ...r, scopes }));
}

export interface RouteMatch {
  handler: Handler;
  params: Record<string, string>;
  auth: AuthRule;
  scopes?: ScopeMap;
}

/** The route for method + pathname; `methodNotAllowed` when only the path matched. */
export function matchRoute(
  routes: Route[],
  method: string,
  pathname: string,
): RouteMatch | 'methodNotAllowed' | undefined {
  const match = matchSharedRoute(routes, method, pathname);
  if (match === undefined || match === 'methodNotAllowed') return match;
  const { handler, auth, scopes } = match.route;
  return { handler, params: match.params, auth, ...(scopes ? { scopes } : {}) };
}

/** The JSON body of a request, or the 400 Django REST framework answers for a body that does not parse. */
export function parseJsonBody(ctx: RequestContext, errorKey: 'detail' | 'error' = 'detail'): Record<string, unknown> {
  const text = ctx.raw.toString('utf8');
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw badRequest(
      errorKey === 'error'
        ? { error: 'Invalid json body' }
        : { detail: `JSON parse error - ${(err as Error).message}` },
    );
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest(
      errorKey === 'error'
        ? { error: 'Invalid json body' }
        : { non_field_errors: ['Invalid data. Expected a dictionary, but got list.'] },
    );
  }
  return value as Record<string, unknown>;
}

/**
 * One page of `items` with Sentry's `Link` header (`cursor` = `0:<offset>:0`, `results="true"` only when that page
 * has items), honouring `per_page` (default 100, as Sentry's paginator).
 */
export function paginate<T>(ctx: RequestContext, baseUrl: string, items: T[]): Reply {
  const perPage = Math.min(Math.max(Number(ctx.url.searchParams.get('per_page')) || 100, 1), 100);
  const cursor = ctx.url.searchParams.get('cursor') ?? '';
  const offset = Number(/^\d+:(\d+):\d$/.exec(cursor)?.[1] ?? 0);
  const page = items.slice(offset, offset + perPage);
  const link = (rel: string, at: number, results: boolean) => {
    const u = new URL(`${baseUrl}${ctx.url.pathname}`);
    for (const [k, v] of ctx.url.searchParams) if (k !== 'cursor') u.searchParams.set(k, v);
    u.searchParams.set('cursor', `0:${at}:${rel === 'previous' ? 1 : 0}`);
    return `<${u.href}>; rel="${rel}"; results="${results}"; cursor="0:${at}:${rel === 'previous' ? 1 : 0}"`;
  };
  const previous = link('previous', Math.max(offset - perPage, 0), offset > 0);
  const next = link('next', offset + perPage, offset + perPage < items.length);
  return json(200, page, { Link: `${previous}, ${next}` });
}
