import type { Dialect } from './sql.ts';

export type DeliveryStatus = 'accepted' | 'ignored';
export type JobState = 'queued' | 'running' | 'done' | 'dead';

export interface NewDelivery {
  digest: string;
  requestId: string | null;
  resource: string;
  action: string | null;
  installationUuid: string | null;
  status: DeliveryStatus;
  body: string;
  receivedAt: number;
}
export interface Delivery extends NewDelivery {
  id: number;
}

export interface NewJob {
  type: string;
  payload: unknown;
  maxAttempts?: number;
  runAt?: number;
  /** Higher is claimed first (`JOB_PRIORITY` in app/jobs); default 0. */
  priority?: number;
}
export interface Job {
  id: number;
  type: string;
  payload: unknown;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: number;
  priority: number;
  /** Proves ownership of a claim: completing, failing or extending needs it, so a reclaimed job's old worker cannot. */
  lockToken: string | null;
  lockedUntil: number | null;
  lastError: string | null;
}

export interface Installation {
  uuid: string;
  orgSlug: string;
  appSlug: string | null;
  status: string;
  token: string | null;
  refreshToken: string | null;
  tokenExpiresAt: number | null;
}

export interface Link {
  sentryIssueId: string;
  installationUuid: string | null;
  githubRepo: string;
  githubIssueNumber: number;
  externalIssueId: string | null;
}

export interface PrComment {
  githubRepo: string;
  prNumber: number;
  sentryIssueId: string;
  commentId: number | null;
}

/**
 * A small keyed record, unique on (kind, key): a one-time claim (one config-error issue per repo, a new-issue slot
 * per hour) or what an object created once is known by (a mirrored comment's id, an incident's issue number).
 */
export interface Mark {
  kind: string;
  key: string;
  repo: string;
  value: string | null;
  createdAt: number;
}

/** The job a delivery enqueues; its payload gets the delivery's id. */
export type DeliveryJob = Omit<NewJob, 'payload'> & { payload?: Record<string, unknown> };

/** One delivery to record and, when given, the job to enqueue for it. */
export interface DeliveryToRecord {
  delivery: NewDelivery;
  job?: DeliveryJob;
}

export interface RecordDeliveryResult {
  deliveryId: number;
  /** true when a delivery with the same body digest is still waiting for its job (a retry or a replay): nothing enqueued. */
  duplicate: boolean;
  jobId: number | null;
}

export interface Store {
  readonly dialect: Dialect;
  /** Throws when the database cannot be reached. */
  ping(): Promise<void>;
  /** Highest migration version applied. */
  migrationVersion(): Promise<number>;

  /**
   * Inserts the delivery (or re-arms the row of a digest whose job has started) and, in the same transaction,
   * enqueues `job` for it; a digest whose job has not started yet is a duplicate.
   */
  recordDelivery(delivery: NewDelivery, job?: DeliveryJob): Promise<RecordDeliveryResult>;
  /**
   * Records several deliveries in one transaction, each as `recordDelivery` would had they come one after the other
   * in this order (a repeat of a body earlier in the batch is its duplicate). One result per delivery, in order; when
   * the transaction fails, none is recorded.
   */
  recordDeliveries(batch: readonly DeliveryToRecord[]): Promise<RecordDeliveryResult[]>;
  getDelivery(id: number): Promise<Delivery | undefined>;
  /** Marks the delivery taken by the job about to run it and returns it (body '' once processed). */
  takeDelivery(id: number, now: number): Promise<Delivery | undefined>;
  /** Forgets the raw body of a processed delivery, unless a repeat re-armed it meanwhile. */
  finishDelivery(id: number): Promise<void>;
  countDeliveries(): Promise<number>;
  /** Forgets deliveries received before `before` (dedupe is kept for a day); returns how many. */
  pruneDeliveries(before: number): Promise<number>;

  upsertInstallation(installation: Installation, now: number): Promise<void>;
  getInstallation(uuid: string): Promise<Installation | undefined>;
  deleteInstallation(uuid: string): Promise<boolean>;
  listInstallationsExpiringBefore(time: number): Promise<Installation[]>;
  /** Every installation that holds a token (the start-up check that the encryption key opens them). */
  listInstallationsWithTokens(): Promise<Installation[]>;

  enqueueJob(job: NewJob, now: number): Promise<number>;
  /**
   * Atomically claims up to `limit` due jobs (queued and due, or running with an expired lease), highest priority
   * first, then oldest; with `minPriority`, only jobs of at least that priority.
   */
  claimJobs(opts: {
    limit: number;
    leaseMs: number;
    workerId: string;
    now: number;
    minPriority?: number;
  }): Promise<Job[]>;
  extendLease(id: number, lockToken: string, until: number): Promise<boolean>;
  completeJob(id: number, lockToken: string, now: number): Promise<boolean>;
  /** Records the failure; retries at `retryAt`, or dead-letters when `retryAt` is null. */
  failJob(id: number, lockToken: string, error: string, retryAt: number | null, now: number): Promise<boolean>;
  /** Gives a claimed job back untouched (shutdown): the attempt does not count. */
  releaseJob(id: number, lockToken: string, now: number): Promise<boolean>;
  /** Dead-letters running jobs whose lease expired on their last attempt; returns them. */
  deadLetterExpired(now: number): Promise<Job[]>;
  /** Forgets finished jobs updated before `before` (dead letters are kept for inspection); returns how many. */
  pruneDoneJobs(before: number): Promise<number>;
  getJob(id: number): Promise<Job | undefined>;
  listJobs(filter?: { state?: JobState; type?: string }): Promise<Job[]>;
  countJobs(): Promise<Record<JobState, number>>;
  countJobsByType(): Promise<Record<string, Record<JobState, number>>>;
  /** Queues a dead job again with fresh attempts; false when it is not dead (gone, or already retried). */
  retryDeadJob(id: number, now: number): Promise<boolean>;
  /** Deletes a dead or waiting job; a running one is left to its worker (false). */
  discardJob(id: number): Promise<boolean>;

  /** Inserts the link unless the Sentry issue is already linked; returns the link that holds. */
  linkIssue(link: Link, now: number): Promise<{ link: Link; created: boolean }>;
  getLink(sentryIssueId: string): Promise<Link | undefined>;
  getLinkByGitHubIssue(githubRepo: string, githubIssueNumber: number): Promise<Link | undefined>;
  deleteLink(sentryIssueId: string): Promise<boolean>;

  /** Records a PR comment once per (PR, Sentry issue); `created` false means one was recorded before. */
  recordPrComment(comment: PrComment, now: number): Promise<{ comment: PrComment; created: boolean }>;
  getPrComment(githubRepo: string, prNumber: number, sentryIssueId: string): Promise<PrComment | undefined>;

  /** Sets the GitHub issue of a link claimed with number 0 (pending) before the GitHub call. */
  setLinkIssueNumber(sentryIssueId: string, githubIssueNumber: number, now: number): Promise<boolean>;
  setLinkExternalIssue(sentryIssueId: string, externalIssueId: string, now: number): Promise<boolean>;
  /** Takes over a pending link (number 0) not touched since `staleBefore`: its creator died. True when taken. */
  takeOverPendingLink(sentryIssueId: string, staleBefore: number, now: number): Promise<boolean>;

  /** Inserts the mark unless (kind, key) exists; returns the mark that holds. */
  putMarkOnce(mark: Omit<Mark, 'createdAt'>, now: number): Promise<{ mark: Mark; created: boolean }>;
  getMark(kind: string, key: string): Promise<Mark | undefined>;
  setMarkValue(kind: string, key: string, value: string | null): Promise<boolean>;
  deleteMark(kind: string, key: string): Promise<boolean>;
  /** Forgets marks of `kind` created before `before` (time-bucketed claims); returns how many. */
  pruneMarks(kind: string, before: number): Promise<number>;

  close(): Promise<void>;
}
