/** Building Sentry API paths and URLs. Pure: no I/O. */
import { SentryConfigError } from './errors.ts';

/**
 * Encodes one path segment the way sentry-cli does: `/` (and the whole of `.` / `..`) become U+FFFD first, so a
 * release containing `/` is a clean 404 rather than a different endpoint.
 */
export function pathSegment(value: string): string {
  const safe = value === '.' || value === '..' ? '\uFFFD' : value.replaceAll('/', '\uFFFD');
  return encodeURIComponent(safe);
}

/** Tagged template: `apiPath\`organizations/${org}/releases/\`` encodes each interpolated value as a segment. */
export function apiPath(strings: TemplateStringsArray, ...values: string[]): string {
  let out = '/api/0/';
  strings.forEach((s, i) => {
    out += s;
    if (i < values.length) out += pathSegment(values[i]!);
  });
  return out;
}

/**
 * Normalises a Sentry base URL: http(s) only, no query, trailing slashes and a trailing `/api/0` removed, so
 * `https://sentry.example.com/`, `.../api/0/` and `...` all give `https://sentry.example.com`.
 */
export function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new SentryConfigError(
      'SENTRY_URL',
      `SENTRY_URL "${raw}" is not a URL: set it to your Sentry server root, e.g. https://sentry.io or https://sentry.example.com`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SentryConfigError(
      'SENTRY_URL',
      `SENTRY_URL "${raw}" must use http or https, e.g. https://sentry.io (got ${url.protocol})`,
    );
  }
  if (url.username || url.password) {
    throw new SentryConfigError(
      'SENTRY_URL',
      'SENTRY_URL must not carry credentials; put the token in SENTRY_AUTH_TOKEN instead',
    );
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/0$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** Resolves a URL the server handed back (absolute, or relative to `{base}/api/0/`). */
export function resolveServerUrl(baseUrl: string, serverUrl: string): URL {
  return new URL(serverUrl, `${baseUrl}/api/0/`);
}
