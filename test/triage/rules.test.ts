import { describe, expect, it } from 'vitest';
import { parseRepoConfig, type RepoConfig } from '../../app/services/repo-config.ts';
import { judgeAlert, labelsFor, repoAcceptsAlert } from '../../app/triage/rules.ts';

function config(extra: Record<string, unknown> = {}): RepoConfig {
  const parsed = parseRepoConfig({ sentry: { org: 'acme', projects: ['web', 'API'] }, ...extra });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.config;
}
const facts = {
  org: 'acme',
  project: 'web',
  level: 'error',
  environment: 'production',
  exceptionType: 'TypeError',
  message: 'x is undefined',
  culprit: 'render(src/a.ts)',
};

describe('repoAcceptsAlert (trust)', () => {
  it('accepts only the org and projects the repository names', () => {
    expect(repoAcceptsAlert(config(), { org: 'acme', project: 'web' })).toBe(true);
    expect(repoAcceptsAlert(config(), { org: 'ACME', project: 'api' })).toBe(true);
    expect(repoAcceptsAlert(config(), { org: 'evil', project: 'web' })).toBe(false);
    expect(repoAcceptsAlert(config(), { org: 'acme', project: 'billing' })).toBe(false);
  });
});

describe('judgeAlert', () => {
  it('drops levels below minLevel', () => {
    expect(judgeAlert(config({ minLevel: 'error' }), { ...facts, level: 'warning' })).toEqual({
      open: false,
      reason: 'level warning is below minLevel error',
    });
    expect(judgeAlert(config({ minLevel: 'error' }), { ...facts, level: 'fatal' })).toEqual({ open: true });
  });

  it('drops an alert when every field of one ignore rule matches', () => {
    const c = config({
      ignore: [{ type: 'TypeError', environment: 'staging' }, { message: '^ResizeObserver' }, { culprit: 'vendor/' }],
    });
    expect(judgeAlert(c, facts)).toEqual({ open: true });
    expect(judgeAlert(c, { ...facts, environment: 'staging' })).toEqual({
      open: false,
      reason: 'ignore rule 1 matches',
    });
    expect(judgeAlert(c, { ...facts, message: 'ResizeObserver loop limit exceeded' }).open).toBe(false);
    expect(judgeAlert(c, { ...facts, culprit: 'x(vendor/lib.js)' }).open).toBe(false);
  });
});

describe('labelsFor', () => {
  it('adds labels by level, environment and project after the always list, without duplicates', () => {
    const c = config({
      labels: {
        always: ['sentry', 'bug'],
        level: { fatal: ['p0', 'bug'] },
        environment: { production: ['prod'] },
        project: { web: ['frontend'] },
      },
    });
    expect(labelsFor(c, { ...facts, level: 'fatal' })).toEqual(['sentry', 'bug', 'p0', 'prod', 'frontend']);
    expect(labelsFor(c, { ...facts, environment: 'dev', project: 'api' })).toEqual(['sentry', 'bug']);
  });
});
