// Switching from getsentry/action-release is one line: its inputs (v3 action.yml) and its README's example
// workflows resolve here with the same meaning; an org auth token alone names the server and the organization.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ReleaseInputError } from '../../src/release/errors.ts';
import { INPUT_NAMES, type InputName, resolveInputs } from '../../src/release/inputs.ts';
import { ACTION_RELEASE_V3_INPUTS, actionReleaseExamples, orgToken } from './action-release-examples.ts';

const SHA = 'f'.repeat(40);
const ACTION_RELEASE_EXAMPLES = actionReleaseExamples(SHA, 'e'.repeat(40));
const GITHUB_ENV = {
  GITHUB_SHA: SHA,
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '7',
};
// The variables action-release's README asks for.
const README_ENV = { ...GITHUB_ENV, SENTRY_AUTH_TOKEN: 'sntryu_x', SENTRY_ORG: 'acme', SENTRY_PROJECT: 'web' };

function resolve(inputs: Partial<Record<InputName, string>>, env: Record<string, string | undefined>) {
  return resolveInputs((name) => inputs[name], env, { baseDir: '/w' });
}

function inputError(fn: () => unknown): ReleaseInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ReleaseInputError) return error;
    throw error;
  }
  throw new Error('expected a ReleaseInputError');
}

describe('action-release v3 inputs', () => {
  it('declares every one of them, in action.yml and in the parser', () => {
    const actionYml = parseYaml(readFileSync(fileURLToPath(new URL('../../action.yml', import.meta.url)), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    for (const name of ACTION_RELEASE_V3_INPUTS) {
      expect(Object.keys(actionYml.inputs), name).toContain(name);
      expect(INPUT_NAMES as readonly string[], name).toContain(name);
    }
  });

  it('disable_safe_directory turns the safe.directory override off, as disable_safe_mode does', () => {
    expect(resolve({}, README_ENV).release.gitSafeDirectory).toBe(true);
    expect(resolve({ disable_safe_directory: 'true' }, README_ENV).release.gitSafeDirectory).toBe(false);
    expect(inputError(() => resolve({ disable_safe_directory: 'maybe' }, README_ENV)).input).toBe(
      'disable_safe_directory',
    );
  });

  it('disable_telemetry is accepted and says why it changes nothing', () => {
    expect(resolve({}, README_ENV).notices).toEqual([]);
    const { notices } = resolve({ disable_telemetry: 'true' }, README_ENV);
    expect(notices).toEqual([expect.stringMatching(/^disable_telemetry: faultline sends no telemetry/)]);
  });

  it('a tag push releases the commit SHA, as action-release and the bundler plugins do', () => {
    const tagPush = { ...README_ENV, GITHUB_REF: 'refs/tags/v1.4.0' };
    expect(resolve({}, tagPush).release.version).toBe(SHA);
    expect(resolve({ release_prefix: 'web@' }, tagPush).release.version).toBe(`web@${SHA}`);
    expect(resolve({ release: 'refs/tags/v1.4.0' }, tagPush).release.version).toBe('v1.4.0');
  });

  it.each(ACTION_RELEASE_EXAMPLES)('the README example "$name" resolves as action-release means it', (example) => {
    const { release, sentry, notices } = resolve(example.with, { ...README_ENV, ...example.env });
    expect(notices).toEqual([]);
    expect(release.projects).toEqual(['web']);
    expect(sentry.org).toBe('acme');
    expect(release.version).toBe(example.with.release ?? SHA);
    expect(release.sourcemaps.paths).toEqual(example.with.sourcemaps ? [example.with.sourcemaps] : []);
    expect(release.sourcemaps.inject).toBe(true);
    expect(release.finalize).toBe(true);
    expect(release.deploy?.environment).toBe(example.with.environment);
    expect(sentry.url).toBe(example.env?.SENTRY_URL ? 'https://sentry.example.com' : 'https://sentry.io');
    if (example.with.set_commits === 'manual') {
      expect(release.setCommits).toEqual({
        mode: 'manual',
        repo: 'your-org/your-repo',
        commit: SHA,
        previousCommit: 'e'.repeat(40),
      });
    } else expect(release.setCommits).toEqual({ mode: 'auto' });
  });
});

describe('org auth tokens', () => {
  const selfHosted = orgToken({ url: 'https://sentry.acme.test', region_url: 'https://sentry.acme.test', org: 'acme' });

  it('a token alone names the server and the organization', () => {
    const { sentry } = resolve({ projects: 'web' }, { ...GITHUB_ENV, SENTRY_AUTH_TOKEN: selfHosted });
    expect(sentry).toEqual({ url: 'https://sentry.acme.test', org: 'acme', token: selfHosted });
  });

  it('SENTRY_ORG without SENTRY_URL still goes to the token’s own server', () => {
    const env = { ...GITHUB_ENV, SENTRY_AUTH_TOKEN: selfHosted, SENTRY_ORG: 'acme-eu' };
    expect(resolve({ projects: 'web' }, env).sentry).toMatchObject({ url: 'https://sentry.acme.test', org: 'acme-eu' });
  });

  it('refuses a URL of another server, naming both, so the token never leaves its server', () => {
    const env = { ...GITHUB_ENV, SENTRY_AUTH_TOKEN: selfHosted, SENTRY_URL: 'https://sentry.io' };
    const error = inputError(() => resolve({ projects: 'web' }, env));
    expect(error.input).toBe('url');
    expect(error.message).toContain('SENTRY_URL is https://sentry.io');
    expect(error.message).toContain('https://sentry.acme.test');
    const fromInput = inputError(() => resolve({ projects: 'web', url: 'https://other.test' }, env));
    expect(fromInput.message).toMatch(/^url: url is https:\/\/other\.test/);
  });

  it('a user token still needs an organization', () => {
    const error = inputError(() => resolve({ projects: 'web' }, { ...GITHUB_ENV, SENTRY_AUTH_TOKEN: 'sntryu_x' }));
    expect(error.input).toBe('org');
  });
});
