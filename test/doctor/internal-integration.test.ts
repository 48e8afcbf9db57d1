import { describe, expect, it } from 'vitest';
import { internalIntegrationOrg, judgeInstallations } from '../../app/doctor/database.ts';

describe('doctor: internal-integration mode (SENTRY_AUTH_TOKEN + SENTRY_ORG)', () => {
  const now = 1_000_000;
  const internal = { SENTRY_AUTH_TOKEN: 'sntrys_secret_value', SENTRY_ORG: 'acme' };

  it('needs no recorded installation: it names SENTRY_ORG, whose token the Sentry checks exercise', () => {
    const result = judgeInstallations([], internal, now);
    expect(result).toMatchObject({ status: 'pass', detail: /internal integration for acme/ });
    expect(JSON.stringify(result)).not.toContain('sntrys_secret_value');
  });

  it('lists recorded installations as before', () => {
    const globex = { org: 'globex', hasToken: false, hasRefreshToken: false, expiresAt: null };
    expect(judgeInstallations([globex], internal, now)).toMatchObject({
      status: 'pass',
      detail: 'globex (token held)',
    });
  });

  it('is internal mode only with both variables', () => {
    expect(internalIntegrationOrg(internal)).toBe('acme');
    expect(internalIntegrationOrg({ SENTRY_ORG: 'acme' })).toBeUndefined();
    expect(internalIntegrationOrg({ SENTRY_AUTH_TOKEN: 't' })).toBeUndefined();
    expect(judgeInstallations([], { SENTRY_ORG: 'acme' }, now)).toMatchObject({ status: 'fail' });
  });
});
