import { describe, expect, it } from 'vitest';
import { detectCi, withCiDefaults } from '../../src/cli/ci-env.ts';

describe('other CI systems', () => {
  it('GitLab: tag, commit, project path and pipeline page', () => {
    const env = {
      GITLAB_CI: 'true',
      CI_COMMIT_TAG: 'v2.0.0',
      CI_COMMIT_SHA: 'abc',
      CI_PROJECT_PATH: 'acme/web',
      CI_PIPELINE_URL: 'https://gitlab.example.com/acme/web/-/pipelines/9',
    };
    expect(withCiDefaults(env)).toEqual({
      env: { ...env, GITHUB_REF: 'refs/tags/v2.0.0', GITHUB_SHA: 'abc', GITHUB_REPOSITORY: 'acme/web' },
      ci: {
        name: 'GitLab CI',
        ref: 'refs/tags/v2.0.0',
        sha: 'abc',
        repository: 'acme/web',
        runUrl: 'https://gitlab.example.com/acme/web/-/pipelines/9',
      },
    });
  });

  it('CircleCI, Bitbucket and Jenkins', () => {
    expect(
      detectCi({
        CIRCLECI: 'true',
        CIRCLE_SHA1: 's',
        CIRCLE_PROJECT_USERNAME: 'acme',
        CIRCLE_PROJECT_REPONAME: 'web',
        CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/web/7',
      }),
    ).toMatchObject({
      name: 'CircleCI',
      sha: 's',
      repository: 'acme/web',
      runUrl: 'https://circleci.com/gh/acme/web/7',
    });
    expect(
      detectCi({
        BITBUCKET_BUILD_NUMBER: '5',
        BITBUCKET_COMMIT: 'b',
        BITBUCKET_TAG: 'v1',
        BITBUCKET_REPO_FULL_NAME: 'acme/web',
        BITBUCKET_GIT_HTTP_ORIGIN: 'https://bitbucket.org/acme/web',
      }),
    ).toMatchObject({ ref: 'refs/tags/v1', runUrl: 'https://bitbucket.org/acme/web/pipelines/results/5' });
    expect(detectCi({ JENKINS_URL: 'https://ci', GIT_COMMIT: 'j', BUILD_URL: 'https://ci/job/1/' })).toMatchObject({
      name: 'Jenkins',
      sha: 'j',
      runUrl: 'https://ci/job/1/',
    });
  });

  it('leaves GitHub Actions and plain shells alone, and never overrides a GITHUB_* value', () => {
    const actions = { GITHUB_ACTIONS: 'true', GITLAB_CI: 'true', CI_COMMIT_SHA: 'x' };
    expect(withCiDefaults(actions)).toEqual({ env: actions });
    expect(withCiDefaults({ HOME: '/h' })).toEqual({ env: { HOME: '/h' } });
    expect(withCiDefaults({ GITLAB_CI: 'true', CI_COMMIT_SHA: 'x', GITHUB_SHA: 'y' }).env.GITHUB_SHA).toBe('y');
  });
});
