/**
 * The release pipeline: create → commits → source maps → finalize → deploy. Each step can be left out (`steps`),
 * skips itself when it has nothing to do, and is safe to re-run: an existing release is fine (208), commits are
 * replaced, chunks Sentry holds are not re-sent, a finalized release keeps its date, a deploy already recorded
 * for the same environment, name and URL is reused.
 */
import type { SentryClient } from '../sentry/index.ts';
import type { ProgressOutput } from '../sourcemaps/index.ts';
import type { LocalHistory, RemoteHistory } from './commits.ts';
import type { ReleaseOptions, StepName } from './options.ts';
import { emptyResult, type ReleaseResult } from './result.ts';
import type { SourcemapsRunner } from './sourcemaps-port.ts';
import { checkSourcemapsFirst, RELEASE_STEPS, type StepContext } from './steps.ts';

export type { ReleaseResult, StepRecord, StepStatus } from './result.ts';

export interface ReleaseDeps {
  /** null only in a dry run, which sends nothing. */
  client: SentryClient | null;
  log(line: string): void;
  /** Warnings (annotations in the action). Default: log with a "warning:" prefix. */
  warn?(line: string): void;
  /** Commits from the GitHub API when the checkout is too shallow to reach the previous release. */
  history?: RemoteHistory;
  /** Runs each step inside a log group (core.group in the action). */
  group?: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  /** The source-map step. Default: check, inject and upload with src/sourcemaps; tests pass their own. */
  sourcemaps?: SourcemapsRunner;
  /** Where upload progress goes (a redrawn terminal line, or a log line every few seconds); none: no progress. */
  progress?: ProgressOutput;
  /** Local git; default: the work tree at opts.cwd (none when it is not one). */
  git?: LocalHistory | null;
  now?(): Date;
}

/** A step failed; `result` holds what ran before it (for outputs and the job summary). */
export class ReleaseFailedError extends Error {
  readonly step: StepName;
  readonly result: ReleaseResult;
  readonly hint?: string;

  constructor(step: StepName, result: ReleaseResult, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ReleaseFailedError';
    this.step = step;
    this.result = result;
    this.cause = cause;
    const hint = (cause as { hint?: unknown }).hint;
    if (typeof hint === 'string') this.hint = hint;
  }
}

const STEP_TITLES: Record<StepName, string> = {
  create: 'Create release',
  commits: 'Associate commits',
  sourcemaps: 'Source maps',
  finalize: 'Finalize',
  deploy: 'Deploy',
};

export async function runRelease(opts: ReleaseOptions, deps: ReleaseDeps): Promise<ReleaseResult> {
  if (!deps.client && !opts.dryRun) throw new TypeError('runRelease: a SentryClient is required unless dryRun is set');
  const ctx = stepContext(opts, deps);
  const group = deps.group ?? (<T>(_name: string, fn: () => Promise<T>) => fn());
  if (opts.steps.includes('sourcemaps') && opts.sourcemaps.paths.length > 0) await checkFirst(ctx, group);
  for (const name of opts.steps) await runStep(ctx, name, group);
  return ctx.result;
}

/** The source-map check runs before any step sends anything; its failure is the source-map step's. */
async function checkFirst(ctx: StepContext, group: NonNullable<ReleaseDeps['group']>): Promise<void> {
  const started = performance.now();
  try {
    await group('Check source maps', () => checkSourcemapsFirst(ctx));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.result.steps.push({
      name: 'sourcemaps',
      status: 'failed',
      detail: message,
      ms: Math.round(performance.now() - started),
    });
    throw new ReleaseFailedError('sourcemaps', ctx.result, error);
  }
}

function stepContext(opts: ReleaseOptions, deps: ReleaseDeps): StepContext {
  const result = emptyResult(opts.version, opts.dryRun);
  if (deps.client) result.url = releasePageUrl(deps.client.baseUrl, deps.client.org, opts.version);
  const warn = deps.warn ?? ((line: string) => deps.log(`warning: ${line}`));
  return {
    opts,
    client: deps.client,
    history: deps.history,
    git: deps.git,
    sourcemaps: deps.sourcemaps ?? loadedSourcemapsStep,
    result,
    now: deps.now ?? (() => new Date()),
    log: deps.log,
    ...(deps.progress ? { progress: deps.progress } : {}),
    warn: (line) => {
      result.warnings.push(line);
      warn(line);
    },
  };
}

/** The source-map step and its check, loaded when they run: a release without maps never parses src/sourcemaps. */
const loadSourcemapsStep = async () => (await import('./sourcemaps-step.ts')).sourcemapsStep;
const loadedSourcemapsStep: SourcemapsRunner = Object.assign(
  async (...args: Parameters<SourcemapsRunner>) => (await loadSourcemapsStep())(...args),
  {
    async check(...args: Parameters<NonNullable<SourcemapsRunner['check']>>) {
      const step = await loadSourcemapsStep();
      return step.check?.(...args);
    },
  },
);

/** Runs one step in its log group and records it; a failure is recorded, then thrown with the result so far. */
async function runStep(ctx: StepContext, name: StepName, group: NonNullable<ReleaseDeps['group']>): Promise<void> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const { status, detail } = await group(`${STEP_TITLES[name]}${ctx.opts.dryRun ? ' (dry run)' : ''}`, async () => {
      const outcome = await RELEASE_STEPS[name](ctx);
      ctx.log(`${name}: ${outcome.detail}`);
      return outcome;
    });
    ctx.result.steps.push({ name, status, detail, ms: ms() });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.result.steps.push({ name, status: 'failed', detail: message, ms: ms() });
    throw new ReleaseFailedError(name, ctx.result, error);
  }
}

/** The release page; sentry.io redirects it to the organization's subdomain. */
export function releasePageUrl(baseUrl: string, org: string, version: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/organizations/${encodeURIComponent(org)}/releases/${encodeURIComponent(version)}/`;
}
