import { describe, expect, it } from 'vitest';
import { ReleaseInputError } from '../../src/release/errors.ts';
import {
  INPUT_NAMES,
  type InputName,
  parseBoolean,
  parseList,
  parseSetCommits,
  parseStartedAt,
  parseSteps,
  wantsDoctor,
  resolveInputs,
} from '../../src/release/inputs.ts';

const BASE_ENV = {
  SENTRY_AUTH_TOKEN: 'sntryu_secret',
  SENTRY_ORG: 'acme',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_REF: 'refs/heads/main',
  GITHUB_REPOSITORY: 'acme/web',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '42',
};

function resolve(inputs: Partial<Record<InputName, string>>, env: Record<string, string | undefined> = BASE_ENV) {
  return resolveInputs((name) => inputs[name], env, { baseDir: '/work/space' });
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

describe('parseList', () => {
  it('splits on commas and spaces, or on lines when the value has line breaks', () => {
    expect(parseList('web api')).toEqual(['web', 'api']);
    expect(parseList(' web,api ,, mobile ')).toEqual(['web', 'api', 'mobile']);
    expect(parseList('./dist\n./my build/out\n\n')).toEqual(['./dist', './my build/out']);
    expect(parseList('a,\nb,\r\nc')).toEqual(['a', 'b', 'c']);
    expect(parseList('')).toEqual([]);
    expect(parseList(undefined)).toEqual([]);
  });
});

describe('parseBoolean', () => {
  it('accepts true/false/1/0/yes/no in any case and names the input otherwise', () => {
    expect(parseBoolean('inject', 'TRUE', false)).toBe(true);
    expect(parseBoolean('inject', '0', true)).toBe(false);
    expect(parseBoolean('inject', 'no', true)).toBe(false);
    expect(parseBoolean('inject', '', true)).toBe(true);
    const error = inputError(() => parseBoolean('finalize', 'maybe', true));
    expect(error.input).toBe('finalize');
    expect(error.message).toBe('finalize: "maybe" is not a boolean; use true or false');
  });
});

describe('parseSteps', () => {
  it('defaults to all, keeps pipeline order, and rejects unknown steps', () => {
    expect(parseSteps(undefined)).toEqual(['create', 'commits', 'sourcemaps', 'finalize', 'deploy']);
    expect(parseSteps('deploy, create')).toEqual(['create', 'deploy']);
    expect(parseSteps('all')).toHaveLength(5);
    expect(inputError(() => parseSteps('create upload')).message).toMatch(/steps: unknown step "upload"/);
  });

  it('accepts doctor, which is not a release step: `doctor` alone leaves none, `all` does not include it', () => {
    expect(parseSteps('doctor')).toEqual([]);
    expect(parseSteps('Doctor,\ndeploy')).toEqual(['deploy']);
    expect(wantsDoctor('doctor')).toBe(true);
    expect(wantsDoctor('deploy DOCTOR')).toBe(true);
    expect(wantsDoctor('all')).toBe(false);
    expect(wantsDoctor(undefined)).toBe(false);
    expect(inputError(() => parseSteps('doctor docter')).message).toMatch(/unknown step "docter".*doctor/);
  });
});

describe('parseSetCommits', () => {
  it('accepts auto, skip and manual in any case', () => {
    expect(parseSetCommits(undefined, undefined, undefined, undefined)).toEqual({ mode: 'auto' });
    expect(parseSetCommits('SKIP', undefined, undefined, undefined)).toEqual({ mode: 'skip' });
    expect(parseSetCommits('manual', 'acme/web', 'abc', 'def')).toEqual({
      mode: 'manual',
      repo: 'acme/web',
      commit: 'abc',
      previousCommit: 'def',
    });
  });

  it('names the input that is wrong or missing', () => {
    expect(inputError(() => parseSetCommits('local', undefined, undefined, undefined)).message).toBe(
      'set_commits: "local" is not one of auto, skip, manual',
    );
    expect(inputError(() => parseSetCommits('manual', undefined, 'abc', undefined)).input).toBe('repo');
    expect(inputError(() => parseSetCommits('manual', 'acme/web', undefined, undefined)).input).toBe('commit');
    expect(inputError(() => parseSetCommits('manual', 'acme/web', 'x'.repeat(65), undefined)).input).toBe('commit');
  });
});

describe('parseStartedAt', () => {
  it('takes Unix seconds or ISO 8601 and returns ISO 8601', () => {
    expect(parseStartedAt('1767268800')).toBe('2026-01-01T12:00:00.000Z');
    expect(parseStartedAt('2026-01-01T13:00:00+01:00')).toBe('2026-01-01T12:00:00.000Z');
    expect(parseStartedAt(undefined)).toBeUndefined();
  });

  it('rejects negative numbers and other text', () => {
    expect(inputError(() => parseStartedAt('-5')).message).toMatch(/started_at: "-5" is negative/);
    expect(inputError(() => parseStartedAt('yesterday')).message).toMatch(/started_at: "yesterday" is neither/);
  });
});

describe('resolveInputs', () => {
  it('builds the options from inputs with defaults', () => {
    const { release, sentry, github } = resolve({
      projects: 'web api',
      environment: 'production',
      sourcemaps: './dist',
      working_directory: 'app',
      github_token: 'ghs_x',
    });
    expect(release).toMatchObject({
      version: 'a'.repeat(40),
      projects: ['web', 'api'],
      steps: ['create', 'commits', 'sourcemaps', 'finalize', 'deploy'],
      setCommits: { mode: 'auto' },
      repository: 'acme/web',
      cwd: '/work/space/app',
      finalize: true,
      dryRun: false,
      ignoreMissing: false,
      gitSafeDirectory: true,
      sourcemaps: { paths: ['./dist'], inject: true, stripCommonPrefix: false, strict: false, wait: false },
      deploy: { environment: 'production', url: 'https://github.com/acme/web/actions/runs/42' },
    });
    expect(sentry).toEqual({ url: 'https://sentry.io', org: 'acme', token: 'sntryu_secret' });
    expect(github).toEqual({ token: 'ghs_x', apiUrl: 'https://api.github.com', repository: 'acme/web' });
  });

  it('lets inputs win over SENTRY_* variables', () => {
    const env = { ...BASE_ENV, SENTRY_PROJECT: 'from-env', SENTRY_URL: 'https://sentry.example.com' };
    expect(resolve({}, env).release.projects).toEqual(['from-env']);
    const { release, sentry } = resolve({ projects: 'web', org: 'other', url: 'http://127.0.0.1:9000' }, env);
    expect(release.projects).toEqual(['web']);
    expect(sentry).toMatchObject({ org: 'other', url: 'http://127.0.0.1:9000' });
  });

  it('uses the deprecated version and version_prefix inputs as aliases', () => {
    expect(resolve({ projects: 'web', version: '2.0', version_prefix: 'web@' }).release.version).toBe('web@2.0');
    expect(resolve({ projects: 'web', release: '3.0', version: '2.0' }).release.version).toBe('3.0');
  });

  it('names the missing token, organization and projects', () => {
    expect(inputError(() => resolve({ projects: 'web' }, { ...BASE_ENV, SENTRY_AUTH_TOKEN: '' })).input).toBe(
      'auth_token',
    );
    expect(inputError(() => resolve({ projects: 'web' }, { ...BASE_ENV, SENTRY_ORG: undefined })).input).toBe('org');
    expect(inputError(() => resolve({})).input).toBe('projects');
  });

  it('needs no projects to record a deploy of an existing release, and no token for a dry run', () => {
    expect(resolve({ steps: 'deploy', environment: 'prod' }).release.projects).toEqual([]);
    const dry = resolve({ projects: 'web', dry_run: 'true' }, { ...BASE_ENV, SENTRY_AUTH_TOKEN: undefined });
    expect(dry.release.dryRun).toBe(true);
  });

  it('rejects bad URLs, environments and deploy names by input name', () => {
    expect(inputError(() => resolve({ projects: 'web', url: 'sentry.example.com' })).input).toBe('url');
    expect(inputError(() => resolve({ projects: 'web', deploy_url: 'ftp://x' })).input).toBe('deploy_url');
    expect(inputError(() => resolve({ projects: 'web', environment: 'prod/eu' })).input).toBe('environment');
    expect(inputError(() => resolve({ projects: 'web', environment: 'p', deploy_name: 'n'.repeat(65) })).input).toBe(
      'deploy_name',
    );
  });

  it('reads the source-map inputs', () => {
    const { release } = resolve({
      projects: 'web',
      sourcemaps: 'apps/web/dist:web\napps/admin/dist:admin',
      ext: '.js, mjs',
      ignore: '*.test.js vendor/',
      url_suffix: '?v=1',
      url_prefix: '~/static',
      dist: 'd1',
      strict: 'true',
      wait: 'true',
      delete_after_upload: 'true',
      inject: 'false',
    });
    expect(release.sourcemaps).toEqual({
      paths: ['apps/web/dist:web', 'apps/admin/dist:admin'],
      inject: false,
      dist: 'd1',
      urlPrefix: '~/static',
      urlSuffix: '?v=1',
      extensions: ['js', 'mjs'],
      ignore: ['*.test.js', 'vendor/'],
      stripCommonPrefix: false,
      strict: true,
      wait: true,
      deleteAfterUpload: true,
    });
  });

  it('keeps an absolute working_directory and turns disable_safe_mode into no safe.directory', () => {
    const { release } = resolve({ projects: 'web', working_directory: '/abs/dir', disable_safe_mode: 'true' });
    expect(release.cwd).toBe('/abs/dir');
    expect(release.gitSafeDirectory).toBe(false);
  });

  it('reads every declared input', () => {
    const read = new Set<string>();
    resolveInputs(
      (name) => {
        read.add(name);
        return undefined;
      },
      { ...BASE_ENV, SENTRY_PROJECT: 'web' },
      { baseDir: '/w' },
    );
    expect([...INPUT_NAMES].filter((n) => !read.has(n))).toEqual([]);
  });
});
