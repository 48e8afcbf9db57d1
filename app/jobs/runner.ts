import { hostname } from 'node:os';
import type { Log } from '../log.ts';
import type { Job, NewJob, Store } from '../store/index.ts';
import { isUrgent, JOB_PRIORITY, withJobPriority } from './priority.ts';
import { type BackoffPolicy, DEFAULT_BACKOFF, decideRetry, describeError } from './retry.ts';

export interface JobContext {
  job: Job;
  /** 1 on the first try. */
  attempt: number;
  log: Log;
  /** Aborted when the process shuts down: long handlers should stop and throw; the job is then released. */
  signal: AbortSignal;
  /** Adds fields (the request id, the Sentry issue id) to the runner's own lines about this run: retry, dead letter. */
  describe: (fields: Record<string, unknown>) => void;
}
/** Must be idempotent: a job can run again after a crash or a lost lease. Throw to retry (see retry.ts). */
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

/** A job this process has run for longer than its lease: the worker is hung on something. */
export interface StuckJob {
  id: number;
  type: string;
  runningMs: number;
}

export interface JobRunnerOptions {
  store: Store;
  log: Log;
  /** Jobs run at once in this process. */
  concurrency?: number;
  /**
   * Of those, slots only status changes (`JOB_PRIORITY.status`) may take (default 1 when concurrency > 1): a burst of
   * new-issue jobs waiting on GitHub's pacing cannot hold every worker while a close waits.
   */
  reservedForStatus?: number;
  /** A claimed job is someone else's to take after this long without a heartbeat. */
  leaseMs?: number;
  /** Idle polling interval; `nudge()` wakes the loop at once after a local enqueue. */
  pollMs?: number;
  backoff?: BackoffPolicy;
  workerId?: string;
  now?: () => number;
  /** Told each attempt's result (metrics; a dead letter also goes to the app's own error report). */
  onAttempt?: (job: Job, result: 'done' | 'retry' | 'dead', seconds: number, error?: unknown) => void;
}

/**
 * Claims due jobs from the store and runs the handler registered for their type. Several runners (in one process
 * or many, on one database) share the work: claims are atomic, and completion needs the claim's lock token.
 */
export class JobRunner {
  readonly #handlers = new Map<string, JobHandler>();
  readonly #store: Store;
  readonly #log: Log;
  readonly #concurrency: number;
  readonly #reserved: number;
  readonly #leaseMs: number;
  readonly #pollMs: number;
  readonly #backoff: BackoffPolicy;
  readonly #workerId: string;
  readonly #now: () => number;
  readonly #onAttempt: NonNullable<JobRunnerOptions['onAttempt']>;
  readonly #inFlight = new Map<
    number,
    { job: Job; startedAt: number; controller: AbortController; done: Promise<void> }
  >();
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #lastError: string | undefined;
  #lastDeadLetterSweep = Number.NEGATIVE_INFINITY;

  constructor(opts: JobRunnerOptions) {
    this.#store = opts.store;
    this.#log = opts.log;
    this.#concurrency = opts.concurrency ?? 4;
    this.#reserved = Math.min(opts.reservedForStatus ?? (this.#concurrency > 1 ? 1 : 0), this.#concurrency - 1);
    this.#leaseMs = opts.leaseMs ?? 60_000;
    this.#pollMs = opts.pollMs ?? 500;
    this.#backoff = opts.backoff ?? DEFAULT_BACKOFF;
    this.#workerId = opts.workerId ?? `${hostname()}:${process.pid}`;
    this.#now = opts.now ?? Date.now;
    this.#onAttempt = opts.onAttempt ?? (() => {});
  }

  /** One call per job type; a second registration for the same type is a programming error. */
  register(type: string, handler: JobHandler): this {
    if (this.#handlers.has(type)) {
      throw new Error(`a handler for job type "${type}" is already registered: register each job type once`);
    }
    this.#handlers.set(type, handler);
    return this;
  }

  hasHandler(type: string): boolean {
    return this.#handlers.has(type);
  }

  enqueue(job: NewJob): Promise<number> {
    return this.#store.enqueueJob(job, this.#now()).then((id) => {
      this.nudge();
      return id;
    });
  }

  get running(): boolean {
    return this.#running;
  }

  /** The last claim error, if the most recent claim failed (database down); cleared by a successful claim. */
  get lastError(): string | undefined {
    return this.#lastError;
  }

  /**
   * In-flight jobs running past their lease. The heartbeat keeps the lease, so nobody else takes them: a worker
   * waiting on a peer that never answers shows here (and `/readyz` says not ready) instead of looking healthy.
   */
  stuckJobs(): StuckJob[] {
    const now = this.#now();
    return [...this.#inFlight.values()]
      .filter(({ startedAt }) => now - startedAt > this.#leaseMs)
      .map(({ job, startedAt }) => ({ id: job.id, type: job.type, runningMs: now - startedAt }));
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Wakes an idle loop (after a local enqueue) so the job does not wait for the next poll. */
  nudge(): void {
    this.#wake?.();
  }

  /** Stops claiming; waits up to `graceMs` for running jobs, then aborts and releases the rest for others. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.#running) return;
    this.#running = false;
    this.nudge();
    await this.#loop;
    const all = Promise.all([...this.#inFlight.values()].map((f) => f.done));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), graceMs);
      }),
    ]);
    clearTimeout(timer);
    if (timedOut) {
      for (const { job, controller } of this.#inFlight.values()) {
        controller.abort();
        if (job.lockToken) await this.#store.releaseJob(job.id, job.lockToken, this.#now()).catch(() => false);
        this.#log.warn({ jobId: job.id, type: job.type }, 'job released at shutdown; another worker will run it');
      }
    }
  }

  /** Claims and runs once (tests and the benchmark); returns how many jobs ran. */
  async drainOnce(): Promise<number> {
    const jobs = await this.#claim(this.#concurrency);
    await Promise.all(jobs.map((job) => this.#execute(job)));
    return jobs.length;
  }

  async #run(): Promise<void> {
    while (this.#running) {
      const free = this.#concurrency - this.#inFlight.size;
      let claimed = 0;
      if (free > 0) {
        try {
          // Status changes first, into any free slot; then other work, outside the reserved slots.
          const urgent = await this.#claim(free, JOB_PRIORITY.status);
          for (const job of urgent) this.#track(job);
          const normalRunning = [...this.#inFlight.values()].filter(({ job }) => !isUrgent(job.priority)).length;
          const room = Math.min(free - urgent.length, this.#concurrency - this.#reserved - normalRunning);
          const rest = room > 0 ? await this.#claim(room) : [];
          for (const job of rest) this.#track(job);
          this.#lastError = undefined;
          claimed = urgent.length + rest.length;
        } catch (error) {
          this.#lastError = describeError(error);
          this.#log.error({ failure: this.#lastError }, 'claiming jobs failed; retrying after the poll interval');
        }
      }
      if (!this.#running) break;
      // Busy: loop again as soon as a slot frees (nudge). Idle: wait for the poll interval or a nudge.
      if (claimed === 0 || this.#inFlight.size >= this.#concurrency) await this.#sleep(this.#pollMs);
    }
  }

  async #claim(limit: number, minPriority?: number): Promise<Job[]> {
    const now = this.#now();
    // Expired last attempts are rare: look for them once in a while, not on every claim.
    if (now - this.#lastDeadLetterSweep >= Math.min(this.#leaseMs, 5_000)) {
      this.#lastDeadLetterSweep = now;
      await this.#sweepDeadLetters(now);
    }
    return this.#store.claimJobs({ limit, leaseMs: this.#leaseMs, workerId: this.#workerId, now, minPriority });
  }

  async #sweepDeadLetters(now: number): Promise<void> {
    for (const dead of await this.#store.deadLetterExpired(now)) {
      this.#log.error(
        { jobId: dead.id, type: dead.type, attempts: dead.attempts, lastError: dead.lastError },
        'job dead-lettered',
      );
    }
  }

  #track(job: Job): void {
    const controller = new AbortController();
    const done = this.#execute(job, controller).finally(() => {
      this.#inFlight.delete(job.id);
      this.nudge();
    });
    this.#inFlight.set(job.id, { job, startedAt: this.#now(), controller, done });
  }

  async #execute(job: Job, controller = new AbortController()): Promise<void> {
    const token = job.lockToken!;
    const log = this.#log;
    const handler = this.#handlers.get(job.type);
    const about: Record<string, unknown> = {};
    const describe = (fields: Record<string, unknown>) => Object.assign(about, fields);
    // Renew the lease while the handler runs, so only a dead or hung worker loses it.
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const heartbeat = setInterval(
      () => {
        this.#store.extendLease(job.id, token, this.#now() + this.#leaseMs).catch(() => {});
      },
      Math.max(50, Math.floor(this.#leaseMs / 3)),
    );
    try {
      if (!handler) throw new Error(`no handler is registered for job type "${job.type}"`);
      await withJobPriority(job.priority, () =>
        handler(job.payload, { job, attempt: job.attempts, log, signal: controller.signal, describe }),
      );
      clearInterval(heartbeat);
      if (controller.signal.aborted) return;
      this.#onAttempt(job, 'done', seconds());
      if (!(await this.#store.completeJob(job.id, token, this.#now()))) {
        log.warn(
          { jobId: job.id, type: job.type, ...about },
          'job finished after its lease was lost; it may run again elsewhere',
        );
      }
    } catch (error) {
      clearInterval(heartbeat);
      if (controller.signal.aborted) return; // released by stop()
      const now = this.#now();
      const decision = decideRetry(error, job.attempts, job.maxAttempts, now, this.#backoff);
      const message = describeError(error);
      try {
        if ('retryAt' in decision) {
          await this.#store.failJob(job.id, token, message, decision.retryAt, now);
          this.#onAttempt(job, 'retry', seconds(), error);
          log.warn(
            {
              jobId: job.id,
              type: job.type,
              ...about,
              attempt: job.attempts,
              retryInMs: decision.retryAt - now,
              failure: message,
            },
            'job failed; will retry',
          );
        } else {
          await this.#store.failJob(job.id, token, message, null, now);
          this.#onAttempt(job, 'dead', seconds(), error);
          log.error(
            {
              jobId: job.id,
              type: job.type,
              ...about,
              attempts: job.attempts,
              lastError: message,
              reason: decision.reason,
            },
            'job dead-lettered',
          );
        }
      } catch (storeError) {
        // The lease runs out and another worker retries the job: nothing is lost.
        log.error({ jobId: job.id, ...about, failure: describeError(storeError) }, 'could not record a job failure');
      }
    } finally {
      clearInterval(heartbeat);
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#wake = () => {
        this.#wake = undefined;
        done();
      };
    });
  }
}
