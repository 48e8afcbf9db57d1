// Job priorities: a status change (close, reopen, assign) must not wait behind a burst of new-issue work. The store
// claims higher priorities first; the runner keeps a worker slot for them; and the priority of the job being run is
// readable below it (the GitHub pacing lets its requests go ahead of queued bulk ones).
import { AsyncLocalStorage } from 'node:async_hooks';

export const JOB_PRIORITY = {
  /** New issues, comments, anything that can wait its turn. */
  normal: 0,
  /** Mirroring a status or assignee change: what a person watching the issue waits for. */
  status: 10,
} as const;

/** Sentry webhooks that mirror a status or assignee change (app/sync) rather than open an issue (app/triage). */
const STATUS_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  issue: ['resolved', 'unresolved', 'ignored', 'archived', 'assigned'],
};

export function sentryWebhookPriority(resource: string, action: string | null | undefined): number {
  return action && STATUS_ACTIONS[resource]?.includes(action) ? JOB_PRIORITY.status : JOB_PRIORITY.normal;
}

const running = new AsyncLocalStorage<number>();

/** Runs a job's handler with its priority readable by `currentJobPriority()` in everything it calls. */
export function withJobPriority<T>(priority: number, fn: () => Promise<T>): Promise<T> {
  return running.run(priority, fn);
}

/** The priority of the job whose code is running; normal outside any job (webhook handlers, start-up). */
export function currentJobPriority(): number {
  return running.getStore() ?? JOB_PRIORITY.normal;
}

export function isUrgent(priority: number = currentJobPriority()): boolean {
  return priority >= JOB_PRIORITY.status;
}
