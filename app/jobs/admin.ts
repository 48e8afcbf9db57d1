// The app's failed work, for `faultline jobs`: list, show (no payload: it may hold event data), retry, discard.
// Each change is one conditional row update, so it is safe beside running app processes: a worker's claim only
// takes queued rows, and retry/discard only touch dead (or, for discard, queued) ones.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { withDotEnv } from '../config.ts';
import { sentryIssueIdIn } from '../log.ts';
import { createScrubber } from '../scrub/index.ts';
import { type Job, type JobState, openStore, type SqlStore, sqliteFileIn, type StorageConfig } from '../store/index.ts';

/** What `jobs show` prints: ids, counts and the scrubbed last error; never the payload. */
export interface JobSummary {
  id: number;
  type: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  sentryIssueId: string | null;
  lastError: string | null;
}

export class JobsAdminError extends Error {}

/** The app's database as the app finds it: DATABASE_URL, else FAULTLINE_DATA_DIR (default .faultline), `.env` read. */
export function storageFromEnv(env: NodeJS.ProcessEnv, cwd: string): StorageConfig {
  const merged = withDotEnv(env, cwd);
  const url = merged.DATABASE_URL?.trim();
  if (url) return { kind: 'postgres', databaseUrl: url, poolSize: 2 };
  const file = sqliteFileIn(resolve(cwd, merged.FAULTLINE_DATA_DIR?.trim() || '.faultline'));
  if (!existsSync(file)) {
    throw new JobsAdminError(
      `no app database at ${file}: set FAULTLINE_DATA_DIR (or DATABASE_URL) as the app has it, or run from its directory`,
    );
  }
  return { kind: 'sqlite', file };
}

export async function openJobsAdmin(env: NodeJS.ProcessEnv, cwd: string) {
  const store = await openStore(storageFromEnv(env, cwd));
  const scrub = createScrubber();
  return {
    list: (state?: JobState) => store.listJobs(state ? { state } : {}).then((jobs) => jobs.map(brief)),
    async show(id: number): Promise<JobSummary | undefined> {
      const job = await store.getJob(id);
      if (!job) return undefined;
      return {
        ...brief(job),
        sentryIssueId: await sentryIssueOf(store, job),
        lastError: job.lastError === null ? null : scrub.text(job.lastError),
      };
    },
    retry: (id: number) => store.retryDeadJob(id, Date.now()),
    async retryAllDead(): Promise<number[]> {
      const retried: number[] = [];
      for (const job of await store.listJobs({ state: 'dead' })) {
        if (await store.retryDeadJob(job.id, Date.now())) retried.push(job.id);
      }
      return retried;
    },
    discard: (id: number) => store.discardJob(id),
    close: () => store.close(),
  };
}

function brief(job: Job): Omit<JobSummary, 'sentryIssueId' | 'lastError'> & { lastError: string | null } {
  return {
    id: job.id,
    type: job.type,
    state: job.state,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    runAt: new Date(job.runAt).toISOString(),
    lastError: job.lastError === null ? null : (job.lastError.split('\n')[0] ?? '').slice(0, 120),
  };
}

/** The Sentry issue a job was for: named in its payload, or in the webhook delivery it processes. */
async function sentryIssueOf(store: SqlStore, job: Job): Promise<string | null> {
  const payload = (job.payload ?? {}) as Record<string, unknown>;
  if (typeof payload.sentryIssueId === 'string') return payload.sentryIssueId;
  if (typeof payload.deliveryId !== 'number') return null;
  const delivery = await store.getDelivery(payload.deliveryId);
  if (!delivery) return null;
  try {
    return sentryIssueIdIn(JSON.parse(delivery.body));
  } catch {
    return null;
  }
}
