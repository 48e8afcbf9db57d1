// getsentry/action-release v3 as its action.yml and README describe it: the inputs it declares and the example
// workflows it documents, for the tests that hold faultline's inputs to them.

/** An organization auth token as Sentry makes them: `sntrys_<base64 JSON claims>_<secret>`. */
export const orgToken = (claims: Record<string, unknown>) =>
  `sntrys_${Buffer.from(JSON.stringify({ iat: 1_700_000_000, ...claims })).toString('base64')}_${'A'.repeat(43)}`;

/** getsentry/action-release v3's declared inputs (its action.yml). */
export const ACTION_RELEASE_V3_INPUTS = [
  'environment',
  'sourcemaps',
  'inject',
  'dist',
  'finalize',
  'ignore_missing',
  'ignore_empty',
  'started_at',
  'version',
  'release',
  'version_prefix',
  'release_prefix',
  'set_commits',
  'repo',
  'commit',
  'previous_commit',
  'projects',
  'url_prefix',
  'strip_common_prefix',
  'working_directory',
  'disable_telemetry',
  'disable_safe_directory',
] as const;

export interface ActionReleaseExample {
  name: string;
  with: Record<string, string>;
  env?: Record<string, string>;
}

/**
 * The `with:` (and `env:`) of each example workflow in action-release's README (v3), with `${{ github.sha }}` and
 * `<previous_commit_sha>` filled in.
 */
export function actionReleaseExamples(sha: string, previousSha: string): ActionReleaseExample[] {
  return [
    { name: 'usage', with: { environment: 'production' } },
    { name: 'inject and upload ./dist', with: { environment: 'production', sourcemaps: './dist' } },
    { name: 'a given version', with: { environment: 'production', release: 'v1.0.1' } },
    { name: 'self-hosted', with: {}, env: { SENTRY_URL: 'https://sentry.example.com/' } },
    {
      name: 'manual commit range',
      with: { set_commits: 'manual', repo: 'your-org/your-repo', commit: sha, previous_commit: previousSha },
    },
  ];
}
