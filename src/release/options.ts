/** The pipeline's one typed settings object, and the step and commit-mode vocabularies. */

export const STEP_NAMES = ['create', 'commits', 'sourcemaps', 'finalize', 'deploy'] as const;
export type StepName = (typeof STEP_NAMES)[number];

export type SetCommits =
  | { mode: 'auto' }
  | { mode: 'skip' }
  /** action-release's manual range: `repo`, `commit`, optional `previous_commit`. */
  | { mode: 'manual'; repo: string; commit: string; previousCommit?: string };

export interface SourcemapsOptions {
  /** Directories, files or globs, relative to `cwd`. */
  paths: string[];
  inject: boolean;
  dist?: string;
  urlPrefix?: string;
  urlSuffix?: string;
  /** JavaScript extensions (default js cjs mjs); maps are always included. */
  extensions?: string[];
  /** Globs of files and folders to leave out. */
  ignore: string[];
  stripCommonPrefix: boolean;
  /** Fail the step on any source-map finding (and on a missing path) instead of warning. */
  strict: boolean;
  /** A missing path, no JavaScript or no map at all is a warning instead of a failure (builds without maps). */
  allowMissing?: boolean;
  /** Wait until Sentry has processed the artifact bundle. */
  wait: boolean;
  /** Remove the .map files from the build output after a successful upload. */
  deleteAfterUpload: boolean;
}

export interface DeployOptions {
  environment: string;
  name?: string;
  url?: string;
  /** ISO 8601. */
  startedAt?: string;
}

export interface ReleaseOptions {
  version: string;
  projects: string[];
  /** Steps to run, in pipeline order. A step also skips itself when it has nothing to do. */
  steps: StepName[];
  setCommits: SetCommits;
  /** `owner/repo` the commits belong to (GITHUB_REPOSITORY, or the git remote). */
  repository?: string;
  /** The commit being released when there is no local git (GITHUB_SHA). */
  headSha?: string;
  ignoreMissing: boolean;
  ignoreEmpty: boolean;
  /** Working directory: git runs here and relative source-map paths start here. */
  cwd: string;
  sourcemaps: SourcemapsOptions;
  finalize: boolean;
  /** Absent: no deploy is recorded. */
  deploy?: DeployOptions;
  /** Release `url` field (e.g. the commit or tag page). */
  releaseUrl?: string;
  /** Everything local, nothing sent. */
  dryRun: boolean;
  /** Run git with `safe.directory=*` (container jobs, checkouts owned by another user). */
  gitSafeDirectory: boolean;
}
