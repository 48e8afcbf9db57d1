/**
 * Other CI systems' variables under the names the release pipeline reads (GitHub Actions' own): the tag as a
 * refs/tags/* ref, the commit, the repository, and the build page as the default deploy URL. Pure: env in, env out.
 */
export interface CiContext {
  name: string;
  ref?: string;
  sha?: string;
  repository?: string;
  runUrl?: string;
}

type Env = Record<string, string | undefined>;

const tagRef = (tag: string | undefined) => (tag ? `refs/tags/${tag}` : undefined);

/** The CI system this process runs in, when it is one faultline knows besides GitHub Actions. */
export function detectCi(env: Env): CiContext | undefined {
  if (env.GITLAB_CI) {
    return {
      name: 'GitLab CI',
      ref: tagRef(env.CI_COMMIT_TAG),
      sha: env.CI_COMMIT_SHA,
      repository: env.CI_PROJECT_PATH,
      runUrl: env.CI_PIPELINE_URL,
    };
  }
  if (env.CIRCLECI) {
    const owner = env.CIRCLE_PROJECT_USERNAME;
    const repo = env.CIRCLE_PROJECT_REPONAME;
    return {
      name: 'CircleCI',
      ref: tagRef(env.CIRCLE_TAG),
      sha: env.CIRCLE_SHA1,
      repository: owner && repo ? `${owner}/${repo}` : undefined,
      runUrl: env.CIRCLE_BUILD_URL,
    };
  }
  if (env.BITBUCKET_BUILD_NUMBER) {
    return {
      name: 'Bitbucket Pipelines',
      ref: tagRef(env.BITBUCKET_TAG),
      sha: env.BITBUCKET_COMMIT,
      repository: env.BITBUCKET_REPO_FULL_NAME,
      runUrl:
        env.BITBUCKET_GIT_HTTP_ORIGIN && env.BITBUCKET_BUILD_NUMBER
          ? `${env.BITBUCKET_GIT_HTTP_ORIGIN}/pipelines/results/${env.BITBUCKET_BUILD_NUMBER}`
          : undefined,
    };
  }
  if (env.JENKINS_URL) {
    return { name: 'Jenkins', ref: tagRef(env.TAG_NAME), sha: env.GIT_COMMIT, runUrl: env.BUILD_URL };
  }
  return undefined;
}

/** `env` with the CI's values filled in where the GitHub names are absent; GitHub Actions' own values win. */
export function withCiDefaults(env: Env): { env: Env; ci?: CiContext } {
  if (env.GITHUB_ACTIONS) return { env };
  const ci = detectCi(env);
  if (!ci) return { env };
  const out: Env = { ...env };
  if (!out.GITHUB_REF && ci.ref) out.GITHUB_REF = ci.ref;
  if (!out.GITHUB_SHA && ci.sha) out.GITHUB_SHA = ci.sha;
  if (!out.GITHUB_REPOSITORY && ci.repository) out.GITHUB_REPOSITORY = ci.repository;
  return { env: out, ci };
}
