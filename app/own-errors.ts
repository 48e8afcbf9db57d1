// The app's own unexpected errors (dead letters, crashes, failed start-up) sent to SENTRY_DSN with the official SDK.
// Loaded only when SENTRY_DSN is set. Never about the events faultline processes: no payloads, no request bodies;
// every string in an outgoing event goes through the scrubber first.
import { createScrubber } from './scrub/index.ts';

export interface OwnErrors {
  /** A job that will not be retried: its type and id, and its scrubbed error. */
  deadLetter(job: { id: number; type: string; attempts: number }, error: unknown): void;
  /** The app could not start (database, port): reported before the process exits. */
  startFailure(error: unknown): void;
  /** Waits for queued reports to be sent (before exit). */
  flush(timeoutMs?: number): Promise<void>;
}

export const noOwnErrors: OwnErrors = { deadLetter() {}, startFailure() {}, flush: async () => {} };

export async function startOwnErrors(dsn: string | undefined, release?: string): Promise<OwnErrors> {
  if (!dsn) return noOwnErrors;
  const Sentry = await import('@sentry/node');
  const scrubber = createScrubber();
  Sentry.init({
    dsn,
    release,
    // No tracing, no HTTP instrumentation (it would see the webhooks): only uncaught errors and what we report.
    defaultIntegrations: false,
    integrations: [Sentry.onUncaughtExceptionIntegration(), Sentry.onUnhandledRejectionIntegration({ mode: 'warn' })],
    beforeSend: (event) => scrubber.value(event),
    beforeBreadcrumb: () => null,
  });
  return {
    deadLetter(job, error) {
      Sentry.captureException(asError(error), {
        tags: { kind: 'dead_letter', job_type: job.type },
        extra: { jobId: job.id, attempts: job.attempts },
        fingerprint: ['dead_letter', job.type],
      });
    },
    startFailure(error) {
      Sentry.captureException(asError(error), { tags: { kind: 'start_failure' } });
    },
    async flush(timeoutMs = 2_000) {
      await Sentry.flush(timeoutMs);
    },
  };
}

/** The error's name and message only: a thrown object's other fields may hold event data. */
function asError(error: unknown): Error {
  const copy = new Error(error instanceof Error ? error.message : String(error));
  copy.name = error instanceof Error ? error.name : 'Error';
  if (error instanceof Error && error.stack) copy.stack = error.stack;
  return copy;
}
