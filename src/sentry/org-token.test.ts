import { describe, expect, it } from 'vitest';
import { DEFAULT_SENTRY_URL, orgTokenClaims, resolveSentryTarget, SentryTargetError } from './org-token.ts';

const orgToken = (claims: Record<string, unknown>) =>
  `sntrys_${Buffer.from(JSON.stringify({ iat: 1_700_000_000.5, ...claims })).toString('base64')}_${'A'.repeat(43)}`;

const selfHosted = orgToken({ url: 'https://sentry.acme.test/', region_url: 'https://sentry.acme.test', org: 'acme' });
const saas = orgToken({ url: 'https://sentry.io', region_url: 'https://de.sentry.io', org: 'shop' });

describe('orgTokenClaims', () => {
  it('reads url, region and org from an org token', () => {
    expect(orgTokenClaims(saas)).toEqual({ url: 'https://sentry.io', regionUrl: 'https://de.sentry.io', org: 'shop' });
  });
  it('takes an old token without url, and nothing from other tokens', () => {
    expect(orgTokenClaims(orgToken({ url: null, region_url: 'https://us.sentry.io', org: 'a' }))).toEqual({
      regionUrl: 'https://us.sentry.io',
      org: 'a',
    });
    expect(orgTokenClaims(`sntryu_${'a'.repeat(64)}`)).toBeUndefined();
    expect(orgTokenClaims('sntrys_not-base64-json_x')).toBeUndefined();
    expect(orgTokenClaims(undefined)).toBeUndefined();
  });
});

describe('resolveSentryTarget', () => {
  it('takes the server and the organization from the token alone', () => {
    expect(resolveSentryTarget({ token: selfHosted })).toEqual({
      url: 'https://sentry.acme.test',
      org: 'acme',
      from: { url: 'token', org: 'token' },
    });
  });

  it('sends a self-hosted token to its own server when only SENTRY_ORG is set', () => {
    expect(resolveSentryTarget({ token: selfHosted, org: 'acme' }).url).toBe('https://sentry.acme.test');
  });

  it('lets explicit settings win, and accepts the token region as the URL', () => {
    expect(resolveSentryTarget({ token: saas, org: 'other' }).org).toBe('other');
    expect(resolveSentryTarget({ token: saas, url: 'https://de.sentry.io/' }).url).toBe('https://de.sentry.io');
  });

  it('refuses an explicit URL of another server, naming both and the fix', () => {
    const run = () => resolveSentryTarget({ token: saas, url: 'http://example.com', urlSetting: 'url input' });
    expect(run).toThrow(SentryTargetError);
    expect(run).toThrow(/url input is http:\/\/example.com, but the auth token belongs to https:\/\/sentry.io/);
  });

  it('defaults to sentry.io for other tokens and leaves the org open', () => {
    expect(resolveSentryTarget({ token: 'abc' })).toEqual({ url: DEFAULT_SENTRY_URL, from: { url: 'default' } });
  });
});
