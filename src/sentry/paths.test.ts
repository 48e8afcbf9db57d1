import { describe, expect, it } from 'vitest';
import { SentryConfigError } from './errors.ts';
import { apiPath, normaliseBaseUrl, pathSegment, resolveServerUrl } from './paths.ts';

describe('paths', () => {
  it('encodes segments so a release with "/" cannot reach another endpoint', () => {
    expect(pathSegment('web@1.2.3+45')).toBe('web%401.2.3%2B45');
    expect(pathSegment('a/b')).toBe('a%EF%BF%BDb');
    expect(pathSegment('..')).toBe('%EF%BF%BD');
    expect(apiPath`organizations/${'acme'}/releases/${'1 0'}/`).toBe('/api/0/organizations/acme/releases/1%200/');
  });

  it('normalises self-hosted base URLs', () => {
    expect(normaliseBaseUrl('https://sentry.io')).toBe('https://sentry.io');
    expect(normaliseBaseUrl('https://sentry.example.com///')).toBe('https://sentry.example.com');
    expect(normaliseBaseUrl('https://sentry.example.com/api/0/')).toBe('https://sentry.example.com');
    expect(normaliseBaseUrl('http://127.0.0.1:9000/')).toBe('http://127.0.0.1:9000');
  });

  it('rejects URLs that cannot be a Sentry root, naming SENTRY_URL', () => {
    expect(() => normaliseBaseUrl('sentry.io')).toThrow(SentryConfigError);
    expect(() => normaliseBaseUrl('ftp://sentry.io')).toThrow(/SENTRY_URL "ftp:\/\/sentry.io" must use http/);
    expect(() => normaliseBaseUrl('https://u:p@sentry.io')).toThrow(/credentials/);
  });

  it('resolves upload URLs the server hands back, absolute or relative to /api/0/', () => {
    const base = 'http://127.0.0.1:9000';
    expect(resolveServerUrl(base, 'organizations/acme/chunk-upload/').href).toBe(
      'http://127.0.0.1:9000/api/0/organizations/acme/chunk-upload/',
    );
    expect(resolveServerUrl(base, 'https://us.sentry.io/api/0/organizations/acme/chunk-upload/').href).toBe(
      'https://us.sentry.io/api/0/organizations/acme/chunk-upload/',
    );
  });
});
