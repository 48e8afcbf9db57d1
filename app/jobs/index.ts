export { type JobContext, type JobHandler, JobRunner, type JobRunnerOptions, type StuckJob } from './runner.ts';
export {
  type BackoffPolicy,
  backoffDelay,
  DEFAULT_BACKOFF,
  decideRetry,
  describeError,
  isTimeoutError,
  PermanentJobError,
  requestedRetryDelay,
} from './retry.ts';
export { currentJobPriority, isUrgent, JOB_PRIORITY, sentryWebhookPriority, withJobPriority } from './priority.ts';
