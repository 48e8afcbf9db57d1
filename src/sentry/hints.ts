/** What to tell the user for each kind of Sentry API failure. Pure: no I/O. */

export interface HintContext {
  status: number;
  /** `METHOD /path` of the failed call. */
  endpoint: string;
  org: string;
  baseUrl: string;
  detail?: string;
  /** For 429 beyond the wait bound: when the limit resets. */
  retryAfterMs?: number;
}

export function hintForStatus(ctx: HintContext): string {
  const { status, org, baseUrl } = ctx;
  if (status === 401) {
    return (
      'Check that SENTRY_AUTH_TOKEN holds a valid, unexpired Sentry auth token and that it has the scopes this call ' +
      'needs (project:releases or project:write for releases and uploads, org:read for organization and repository ' +
      `lookups, event:read/event:write for issues), and that it belongs to ${baseUrl}.`
    );
  }
  if (status === 403) {
    const scopes = scopesFor(ctx.endpoint);
    const needed = scopes
      ? `${ctx.endpoint} needs one of the scopes ${scopes.join(', ')}; `
      : 'the token lacks a scope or permission this call needs; ';
    return (
      `The token is valid but not allowed to do this in organization "${org}": ${needed}use a token that has ` +
      `${scopes ? scopes[0] : 'it'} (an organization token from Settings → Auth Tokens carries org:ci, enough for ` +
      'releases and uploads; a personal token needs the scope ticked), or ask an organization owner to grant it.'
    );
  }
  if (status === 404) {
    return (
      `Check the organization slug (SENTRY_ORG="${org}"), the project slug(s) and the release version: ` +
      `one of them does not exist on ${baseUrl} or the token cannot see it.`
    );
  }
  if (status === 409) {
    return 'Sentry reports a conflict with existing data; it is usually safe to retry after the other operation finishes.';
  }
  if (status === 413) {
    return (
      'The request is larger than Sentry accepts: split the upload into smaller requests ' +
      '(see chunkSize, chunksPerRequest and maxRequestSize from the chunk-upload options) or raise the server limits.'
    );
  }
  if (status === 429) {
    const wait = ctx.retryAfterMs !== undefined ? ` Sentry asked to wait ${Math.ceil(ctx.retryAfterMs / 1000)} s.` : '';
    return `Sentry rate-limited this token/organization.${wait} Run again later or spread the calls out.`;
  }
  if (status === 400) {
    return 'Sentry rejected the request as invalid; the detail above says which field.';
  }
  if (status >= 300 && status < 400) {
    return (
      `Sentry answered with a redirect: the organization or project may have been renamed, or SENTRY_URL (${baseUrl}) ` +
      'should point at the server root the redirect names.'
    );
  }
  if (status >= 500) {
    return (
      `Sentry at ${baseUrl} had a server error; retries were used up. Try again later ` +
      '(check status.sentry.io, or the self-hosted server logs).'
    );
  }
  return 'See the detail above.';
}

export function hintForConnectionFailure(code: string, baseUrl: string, timeoutMs: number): string {
  if (code === 'TIMEOUT') {
    return `No complete answer within ${timeoutMs} ms: check connectivity to ${baseUrl} or raise the timeout.`;
  }
  return (
    `Could not talk to Sentry at ${baseUrl}: check SENTRY_URL, the network, and HTTPS_PROXY/NO_PROXY if a proxy ` +
    'is needed.'
  );
}

/** Sentry's permission classes by route, as `METHOD` → the scopes of which any one allows the call. */
const ROUTE_SCOPES: Array<{ path: RegExp; scopes: Partial<Record<string, string[]>> }> = [
  {
    // OrganizationReleasePermission / ProjectReleasePermission: releases, files, deploys, chunk upload, assemble.
    path: /\/(releases|chunk-upload|artifactbundle)\//,
    scopes: {
      GET: ['project:releases', 'project:read', 'project:write', 'project:admin', 'org:ci'],
      POST: ['project:releases', 'project:write', 'project:admin', 'org:ci'],
      PUT: ['project:releases', 'project:write', 'project:admin', 'org:ci'],
      DELETE: ['project:releases', 'project:admin'],
    },
  },
  {
    // GroupPermission / ProjectEventPermission: issues and their events.
    path: /\/(issues|events)\//,
    scopes: {
      GET: ['event:read', 'event:write', 'event:admin'],
      POST: ['event:write', 'event:admin'],
      PUT: ['event:write', 'event:admin'],
      DELETE: ['event:admin'],
    },
  },
  {
    path: /\/(rules|alert-rules)\//,
    scopes: {
      GET: ['alerts:read', 'alerts:write', 'project:read'],
      POST: ['alerts:write', 'project:write'],
      PUT: ['alerts:write', 'project:write'],
      DELETE: ['alerts:write', 'project:write'],
    },
  },
  { path: /\/repos\//, scopes: { GET: ['org:read', 'org:write', 'org:admin'] } },
];

/** The scopes that allow `METHOD /path`, best first; undefined when the route is not one faultline knows. */
export function scopesFor(endpoint: string): string[] | undefined {
  const [method = '', path = ''] = endpoint.split(' ');
  return ROUTE_SCOPES.find((r) => r.path.test(path))?.scopes[method];
}
