/**
 * Shapes of the Sentry Web API objects faultline reads and writes, as Sentry's API reference documents them.
 * Fields Sentry may add are not listed; only what callers use.
 */

/** A repository head for `set-commits` refs mode; `previousCommit` is sent as null when unknown. */
export interface Ref {
  repository: string;
  commit: string;
  previousCommit?: string | null;
}

export interface CommitFileChange {
  path: string;
  type: 'A' | 'M' | 'D';
}

export interface Commit {
  id: string;
  repository?: string;
  message?: string;
  author_name?: string;
  author_email?: string;
  timestamp?: string;
  patch_set?: CommitFileChange[];
}

export interface ReleaseProject {
  id?: number | string;
  slug: string;
  name?: string;
  platform?: string | null;
  platforms?: string[];
  newGroups?: number;
}

export interface Deploy {
  id: string;
  environment: string;
  dateStarted: string | null;
  dateFinished: string | null;
  name: string | null;
  url: string | null;
}

export interface Release {
  version: string;
  shortVersion?: string;
  dateCreated: string;
  dateReleased?: string | null;
  url?: string | null;
  ref?: string | null;
  commitCount?: number;
  deployCount?: number;
  newGroups?: number;
  lastEvent?: string | null;
  firstEvent?: string | null;
  lastCommit?: (Commit & { dateCreated?: string }) | null;
  lastDeploy?: Deploy | null;
  authors?: unknown[];
  projects: ReleaseProject[];
}

export interface Repo {
  id: string;
  name: string;
  url: string | null;
  provider: { id: string; name: string };
  status: string;
  dateCreated: string;
  externalSlug?: string | null;
}

export interface ReleaseFile {
  id: string;
  name: string;
  dist: string | null;
  headers: Record<string, string>;
  size: number;
  sha1: string;
  dateCreated: string;
}

export type SentryIssueStatus = 'resolved' | 'unresolved' | 'ignored' | 'resolvedInNextRelease';

export interface SentryIssue {
  id: string;
  shortId: string;
  title: string;
  culprit?: string | null;
  permalink?: string;
  level?: string;
  status: string;
  substatus?: string | null;
  statusDetails?: Record<string, unknown>;
  project: { id: string; slug: string; name?: string };
  assignedTo?: { type?: string; id: string; name?: string; email?: string } | null;
  firstSeen?: string;
  lastSeen?: string;
  count?: string | number;
  userCount?: number;
  metadata?: Record<string, unknown>;
  firstRelease?: { version: string } | null;
  lastRelease?: { version: string } | null;
}

/** One stack frame of a REST event (camelCase, unlike the webhook payload). */
export interface SentryFrame {
  filename?: string | null;
  absPath?: string | null;
  module?: string | null;
  function?: string | null;
  lineNo?: number | null;
  colNo?: number | null;
  inApp?: boolean | null;
  context?: Array<[number, string]>;
}

export interface SentryExceptionValue {
  type?: string | null;
  value?: string | null;
  module?: string | null;
  stacktrace?: { frames: SentryFrame[] } | null;
}

export type SentryEventEntry =
  { type: 'exception'; data: { values: SentryExceptionValue[] } } | { type: string; data: unknown };

export interface SentryEvent {
  id: string;
  eventID: string;
  groupID?: string | null;
  projectID?: string;
  title?: string;
  message?: string;
  platform?: string;
  dateCreated?: string;
  release?: { version: string } | string | null;
  environment?: string | null;
  tags?: Array<{ key: string; value: string }>;
  entries?: SentryEventEntry[];
  contexts?: Record<string, unknown>;
}

export interface ChunkUploadOptions {
  url: string;
  chunkSize: number;
  chunksPerRequest: number;
  maxRequestSize: number;
  concurrency: number;
  hashAlgorithm: string;
  compression: string[];
  accept: string[];
  maxFileSize?: number;
  maxWait?: number;
}

export type AssembleState = 'created' | 'assembling' | 'ok' | 'error' | 'not_found';

export interface AssembleResponse {
  state: AssembleState;
  missingChunks: string[];
  detail?: string | null;
}

export interface ExternalIssueLink {
  id: string;
  issueId?: string;
  serviceType?: string;
  displayName?: string;
  webUrl?: string;
}
