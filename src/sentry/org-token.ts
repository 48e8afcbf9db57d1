// Sentry organization auth tokens (`sntrys_<base64 JSON>_<secret>`) name the server and the organization they
// belong to, as sentry-cli reads them (src/utils/auth_token/org_auth_token.rs in getsentry/sentry-cli): the JSON
// has `url` (may be empty in old tokens), `region_url` and `org`. A token alone is then enough, and a token is
// never sent to a server other than its own.

export const ORG_TOKEN_PREFIX = 'sntrys_';
export const DEFAULT_SENTRY_URL = 'https://sentry.io';

export interface OrgTokenClaims {
  /** The server root the token was made on, without a trailing slash; undefined in old tokens. */
  url?: string;
  /** The region's API root (e.g. https://us.sentry.io); requests may go there too. */
  regionUrl?: string;
  org: string;
}

/** The claims of an org token, or undefined for any other kind of token (user tokens, integration tokens). */
export function orgTokenClaims(token: string | undefined): OrgTokenClaims | undefined {
  if (!token?.startsWith(ORG_TOKEN_PREFIX)) return undefined;
  const parts = token.split('_');
  if (parts.length !== 3) return undefined;
  try {
    const json: unknown = JSON.parse(Buffer.from(parts[1]!, 'base64').toString('utf8'));
    if (!json || typeof json !== 'object') return undefined;
    const { url, region_url: regionUrl, org } = json as Record<string, unknown>;
    if (typeof org !== 'string' || !org) return undefined;
    return {
      org,
      ...(typeof url === 'string' && url ? { url: trimUrl(url) } : {}),
      ...(typeof regionUrl === 'string' && regionUrl ? { regionUrl: trimUrl(regionUrl) } : {}),
    };
  } catch {
    return undefined;
  }
}

export interface SentryTarget {
  url: string;
  org?: string;
  /** Where each value came from, for messages: `token` when read from an org token. */
  from: { url: 'setting' | 'token' | 'default'; org?: 'setting' | 'token' };
}

export class SentryTargetError extends Error {
  override name = 'SentryTargetError';
}

export interface TargetSettings {
  token?: string;
  /** The explicit server URL and the name of the setting it came from (for the message). */
  url?: string;
  urlSetting?: string;
  org?: string;
}

/**
 * The server and organization to use: explicit settings win; what they leave open comes from an org token; the
 * URL defaults to sentry.io only when neither says. An explicit URL that is neither the token's server nor its
 * region is refused, naming both, so the token never goes to another host.
 */
export function resolveSentryTarget(settings: TargetSettings): SentryTarget {
  const claims = orgTokenClaims(settings.token);
  const explicitUrl = settings.url?.trim() ? trimUrl(settings.url) : undefined;
  const explicitOrg = settings.org?.trim() || undefined;
  if (claims && explicitUrl) {
    const own = [claims.url, claims.regionUrl].filter((u): u is string => !!u);
    if (own.length && !own.some((u) => sameServer(u, explicitUrl))) {
      throw new SentryTargetError(
        `${settings.urlSetting ?? 'SENTRY_URL'} is ${explicitUrl}, but the auth token belongs to ${own[0]}: ` +
          `unset ${settings.urlSetting ?? 'SENTRY_URL'} (the token names its server) or use a token made on ${explicitUrl}`,
      );
    }
  }
  const url = explicitUrl ?? claims?.url ?? claims?.regionUrl;
  const org = explicitOrg ?? claims?.org;
  return {
    url: url ?? DEFAULT_SENTRY_URL,
    ...(org ? { org } : {}),
    from: {
      url: explicitUrl ? 'setting' : url ? 'token' : 'default',
      ...(org ? { org: explicitOrg ? ('setting' as const) : ('token' as const) } : {}),
    },
  };
}

function trimUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

function sameServer(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    return x.protocol === y.protocol && x.host.toLowerCase() === y.host.toLowerCase();
  } catch {
    return trimUrl(a).toLowerCase() === trimUrl(b).toLowerCase();
  }
}
