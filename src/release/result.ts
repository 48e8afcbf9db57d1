/** What a release run reports: per step, and the counts the action's outputs and the job summary show. */
import type { StepName } from './options.ts';

export type StepStatus = 'ok' | 'skipped' | 'failed';

export interface StepRecord {
  name: StepName;
  status: StepStatus;
  ms: number;
  /** What the step did, or why it was skipped or failed. */
  detail: string;
}

export interface ReleaseResult {
  release: string;
  /** The release page in Sentry. */
  url?: string;
  commits: number;
  /** Where the commits came from (refs, local git, GitHub API). */
  commitSource?: string;
  bundleId?: string;
  /** JavaScript files carrying a debug ID after the step (injected now or before). */
  debugIds?: number;
  filesUploaded: number;
  bytesUploaded: number;
  chunksSent: number;
  chunksSkipped: number;
  deployId?: string;
  /** The source-map validation report (src/sourcemaps). */
  findings?: unknown;
  findingsMarkdown?: string;
  steps: StepRecord[];
  warnings: string[];
  dryRun: boolean;
}

/** A run that has done nothing yet. */
export function emptyResult(version: string, dryRun: boolean): ReleaseResult {
  return {
    release: version,
    commits: 0,
    filesUploaded: 0,
    bytesUploaded: 0,
    chunksSent: 0,
    chunksSkipped: 0,
    steps: [],
    warnings: [],
    dryRun,
  };
}
