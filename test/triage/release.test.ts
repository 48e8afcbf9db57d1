import { describe, expect, it } from 'vitest';
import { resolveReleaseCommit } from '../../app/triage/release.ts';

const sha = '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39';
const base = { configured: {}, repoFullName: 'acme/web' };

describe('resolveReleaseCommit', () => {
  it('prefers the configured mapping', () => {
    expect(
      resolveReleaseCommit({
        ...base,
        release: 'web@1',
        configured: { 'web@1': sha },
        sentry: { lastCommit: { id: 'b'.repeat(40) } },
      }),
    ).toEqual({ sha, source: 'config' });
  });
  it("uses the Sentry release's commit for this repository", () => {
    expect(
      resolveReleaseCommit({ ...base, release: 'web@1', sentry: { lastCommit: { id: sha, repository: 'acme/web' } } }),
    ).toEqual({ sha, source: 'sentry-release' });
    expect(
      resolveReleaseCommit({ ...base, release: 'web@1', sentry: { lastCommit: { id: sha, repository: 'acme/other' } } })
        .source,
    ).toBe('default-branch');
    expect(
      resolveReleaseCommit({ ...base, release: 'web@1', sentry: { refs: [{ repository: 'acme/web', commit: sha }] } }),
    ).toEqual({ sha, source: 'sentry-release' });
  });
  it('reads a SHA from the release name', () => {
    expect(resolveReleaseCommit({ ...base, release: sha })).toEqual({ sha, source: 'release-name' });
    expect(resolveReleaseCommit({ ...base, release: 'web@3f2a9c1' })).toEqual({
      sha: '3f2a9c1',
      source: 'release-name',
    });
  });
  it('falls back to the default branch for plain versions and build numbers', () => {
    expect(resolveReleaseCommit({ ...base, release: 'shop@2.4.0' }).source).toBe('default-branch');
    expect(resolveReleaseCommit({ ...base, release: 'build-20260101' }).source).toBe('default-branch');
    expect(resolveReleaseCommit({ ...base, release: undefined }).source).toBe('default-branch');
  });
});
