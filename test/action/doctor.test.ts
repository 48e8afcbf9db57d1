// The action's doctor step, pure parts: settings from the inputs (env as fallback) and the failure text.
import { describe, expect, it } from 'vitest';
import { doctorFailureMessage, doctorSettingsFromInputs } from '../../src/action/doctor.ts';
import type { CheckResult } from '../../src/doctor/index.ts';

describe('doctorSettingsFromInputs', () => {
  it('takes the inputs first, SENTRY_* env vars as fallbacks, and never runs the app checks', () => {
    const env = { SENTRY_URL: 'https://env.example', SENTRY_ORG: 'env-org', SENTRY_AUTH_TOKEN: 'env-token-123' };
    const settings = doctorSettingsFromInputs(
      { url: 'https://sentry.example.com/', org: 'acme', token: '', projects: 'web\napi, docs' },
      { ...env, APP_ID: '1' },
    );
    expect(settings.sentry).toMatchObject({
      url: 'https://sentry.example.com',
      org: 'acme',
      token: 'env-token-123',
      projects: ['web', 'api', 'docs'],
    });
    expect(settings.app).toBe(false);
  });
});

const results: CheckResult[] = [
  { group: 'sentry', name: 'organization acme', status: 'pass', detail: 'exists (acme)' },
  {
    group: 'sentry',
    name: 'project mobile',
    status: 'fail',
    detail: 'no project "mobile" | token s3cr3t-token',
    fix: 'create the project',
  },
];

describe('doctorFailureMessage', () => {
  it('names each failed check with its finding and fix, secrets redacted', () => {
    const message = doctorFailureMessage(results, ['s3cr3t-token']);
    expect(message).toBe(
      'doctor: 1 check(s) failed: project mobile: no project "mobile" | token *** (fix: create the project)',
    );
  });
});
