import { describe, expect, it } from 'vitest';
import { ReleaseInputError } from '../../src/release/errors.ts';
import { resolveVersion, validateVersion, versionProblem } from '../../src/release/version.ts';

describe('resolveVersion', () => {
  it('takes the input first, then SENTRY_RELEASE, then the SHA', () => {
    const all = { release: '1.4.0', envRelease: 'env', sha: 'abc123' };
    expect(resolveVersion(all)).toBe('1.4.0');
    expect(resolveVersion({ ...all, release: undefined })).toBe('env');
    expect(resolveVersion({ ...all, release: '', envRelease: undefined })).toBe('abc123');
    expect(resolveVersion({ sha: 'abc123' })).toBe('abc123');
  });

  it('strips refs/tags/ from a release input and prepends the prefix', () => {
    expect(resolveVersion({ release: 'refs/tags/v1.2', prefix: 'web@' })).toBe('web@v1.2');
    expect(resolveVersion({ sha: 'abc123', prefix: 'api-' })).toBe('api-abc123');
  });

  it('fails naming the release input when nothing gives a version', () => {
    expect(() => resolveVersion({})).toThrow(/release: no version given/);
  });

  it('rejects a prefixed version Sentry would refuse', () => {
    expect(() => resolveVersion({ release: '1.0', prefix: 'web/' })).toThrow(/contains "\/"/);
  });
});

describe('validateVersion', () => {
  it.each([
    ['', 'empty'],
    [' 1.0', 'whitespace'],
    ['.', 'reserved'],
    ['..', 'reserved'],
    ['latest', 'reserved'],
    ['LATEST', 'reserved'],
    ['a/b', '"/"'],
    ['a\\b', '"\\"'],
    ['1.0\nrm', 'newline'],
    ['a\tb', 'tab'],
    ['x'.repeat(201), '201 characters'],
  ])('rejects %j (%s)', (version, why) => {
    expect(versionProblem(version)).toContain(why);
    try {
      validateVersion(version);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReleaseInputError);
      expect((error as ReleaseInputError).input).toBe('release');
      expect((error as Error).message).toMatch(/^release: .* is not a valid Sentry release version/);
    }
  });

  it.each(['1.0.0', 'web@1.4.0+build.7', 'x'.repeat(200), 'a'.repeat(40), 'latest-1', '...'])('accepts %j', (v) => {
    expect(versionProblem(v)).toBeUndefined();
  });

  it('shows a newline in the message as \\n instead of breaking the log line', () => {
    expect(() => validateVersion('1.0\nmalicious')).toThrow('"1.0\\nmalicious"');
  });
});
