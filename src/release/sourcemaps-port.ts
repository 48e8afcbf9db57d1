/** What the pipeline needs from the source-maps module: one call that validates, injects and uploads. */
import type { SentryClient } from '../sentry/index.ts';
import type { ProgressOutput } from '../sourcemaps/index.ts';
import type { SourcemapsOptions } from './options.ts';

export interface SourcemapsRequest {
  /** Paths or globs as given, relative to `cwd`. */
  paths: string[];
  cwd: string;
  projects: string[];
  version: string;
  options: SourcemapsOptions;
  /** Validate and inject into a temporary copy, plan the upload, send nothing. */
  dryRun: boolean;
  /** The check's report when it already ran (before the release was created); the runner then skips it. */
  checked?: unknown;
}

export interface SourcemapsOutcome {
  bundleId?: string;
  filesUploaded: number;
  bytesUploaded: number;
  chunksSent: number;
  chunksSkipped: number;
  /** Files that got a debug ID. */
  injected?: number;
  /** The validation report (src/sourcemaps' report object). */
  findings?: unknown;
  /** The report as markdown, for the job summary. */
  findingsMarkdown?: string;
  /** One line about what happened, for the step log. */
  detail: string;
}

export interface SourcemapsContext {
  client: SentryClient | null;
  log(line: string): void;
  warn(line: string): void;
  /** Where upload progress goes; none: no progress. */
  progress?: ProgressOutput;
}

export interface SourcemapsRunner {
  (req: SourcemapsRequest, ctx: SourcemapsContext): Promise<SourcemapsOutcome>;
  /**
   * The local check alone, run before anything is sent so that a failed check leaves nothing half-made in Sentry;
   * throws when the build cannot be released. Returns the report for `req.checked`.
   */
  check?(req: SourcemapsRequest, ctx: SourcemapsContext): Promise<unknown>;
}
