export { type JobContext, type JobHandler, JobRunner, type JobRunnerOptions } from './runner.ts';
export {
  type BackoffPolicy,
  backoffDelay,
  DEFAULT_BACKOFF,
  decideRetry,
  describeError,
  PermanentJobError,
  requestedRetryDelay,
} from './retry.ts';
