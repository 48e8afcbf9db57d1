/** The release pipeline: the action and the CLI are two thin front doors onto this. */
export { releaseClient } from './client.ts';
export { DEFAULT_COMMIT_DEPTH, planCommits, sameRepository } from './commits.ts';
export type { CommitPlan, CommitSelection, LocalHistory, RemoteHistory } from './commits.ts';
export { MissingCommitError, ReleaseInputError, ReleaseStepError } from './errors.ts';
export { LocalGit, parseGitLog, repositoryFromRemote } from './git.ts';
export { githubHistory, githubRequest, patchSet, type OctokitRequest } from './github-history.ts';
export {
  INPUT_NAMES,
  parseBoolean,
  parseList,
  parseSetCommits,
  parseStartedAt,
  parseSteps,
  resolveInputs,
  workflowRunUrl,
} from './inputs.ts';
export type { InputContext, InputName, InputReader, ResolvedInputs } from './inputs.ts';
export { STEP_NAMES } from './options.ts';
export type { DeployOptions, ReleaseOptions, SetCommits, SourcemapsOptions, StepName } from './options.ts';
export { ReleaseFailedError, releasePageUrl, runRelease } from './pipeline.ts';
export type { ReleaseDeps } from './pipeline.ts';
export type { ReleaseResult, StepRecord, StepStatus } from './result.ts';
export { formatBytes, formatMs, renderJobSummary, renderTextSummary } from './summary.ts';
export type { SourcemapsOutcome, SourcemapsRequest, SourcemapsRunner } from './sourcemaps-port.ts';
export {
  createSourcemapsRunner,
  sourcemapsStep,
  targetPath,
  type SourcemapsUploader,
  uploadToSentry,
} from './sourcemaps-step.ts';
export { MAX_VERSION_LENGTH, resolveVersion, validateVersion, versionProblem } from './version.ts';
