/**
 * The release pipeline: create → commits → source maps → finalize → deploy. Each step can be left out (`steps`),
 * skips itself when it has nothing to do, and is safe to re-run: an existing release is fine (208), commits are
 * replaced, chunks Sentry holds are not re-sent, a finalized release keeps its date, a deploy already recorded
 * for the same environment, name and URL is reused.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Commit, Release, SentryClient } from '../sentry/index.ts';
import { planCommits, type CommitPlan, type LocalHistory, type RemoteHistory } from './commits.ts';
import { ReleaseStepError } from './errors.ts';
import { LocalGit } from './git.ts';
import type { ReleaseOptions, StepName } from './options.ts';
import type { SourcemapsOutcome, SourcemapsRunner } from './sourcemaps-port.ts';

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

export interface ReleaseDeps {
  /** null only in a dry run, which sends nothing. */
  client: SentryClient | null;
  log(line: string): void;
  /** Warnings (annotations in the action). Default: log with a "warning:" prefix. */
  warn?(line: string): void;
  /** GitHub compare for shallow clones (the contract's shape); `history` wins when both are given. */
  compare?: (base: string, head: string) => Promise<Commit[]>;
  history?: RemoteHistory;
  /** Runs each step inside a log group (core.group in the action). */
  group?: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
  /** The source-maps step; without it a release with `sourcemaps` paths fails that step with a clear message. */
  sourcemaps?: SourcemapsRunner;
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
  const now = deps.now ?? (() => new Date());
  const warn = (line: string) => {
    result.warnings.push(line);
    (deps.warn ?? ((l: string) => deps.log(`warning: ${l}`)))(line);
  };
  const group = deps.group ?? (<T>(_name: string, fn: () => Promise<T>) => fn());
  const result: ReleaseResult = {
    release: opts.version,
    commits: 0,
    filesUploaded: 0,
    bytesUploaded: 0,
    chunksSent: 0,
    chunksSkipped: 0,
    steps: [],
    warnings: [],
    dryRun: opts.dryRun,
  };
  const client = deps.client;
  if (!client && !opts.dryRun) throw new TypeError('runRelease: a SentryClient is required unless dryRun is set');
  if (client) result.url = releasePageUrl(client.baseUrl, client.org, opts.version);

  let release: Release | undefined;
  /** The release as Sentry has it, for steps that need it to exist. */
  const existingRelease = async (step: StepName): Promise<Release> => {
    release ??= await client!.getRelease(opts.version);
    if (!release) {
      throw new ReleaseStepError(
        step,
        `${step}: release "${opts.version}" does not exist in organization "${client!.org}"`,
        'Run the create step first (steps: all, or include "create")',
      );
    }
    return release;
  };

  const steps: Record<StepName, () => Promise<{ status: StepStatus; detail: string }>> = {
    create: async () => {
      const projects = opts.projects.join(', ');
      if (!client) return { status: 'ok', detail: `dry run: would create release ${opts.version} for ${projects}` };
      const created = await client.createRelease({
        version: opts.version,
        projects: opts.projects,
        ...(opts.releaseUrl ? { url: opts.releaseUrl } : {}),
        dateStarted: now().toISOString(),
      });
      release = created.release;
      return {
        status: 'ok',
        detail: created.created
          ? `created release ${opts.version} for ${projects}`
          : `release ${opts.version} already exists for ${projects} (nothing to change)`,
      };
    },

    commits: async () => {
      if (opts.setCommits.mode === 'skip') return { status: 'skipped', detail: 'set_commits: skip' };
      const git =
        deps.git === undefined ? await LocalGit.open(opts.cwd, { safeDirectory: opts.gitSafeDirectory }) : deps.git;
      const history = deps.history ?? (deps.compare ? { compare: deps.compare } : undefined);
      if (!client) {
        const head = git ? await git.head() : opts.headSha;
        const local = git ? await git.log({ head: head!, max: 20 }) : [];
        return {
          status: 'ok',
          detail:
            `dry run: would associate commits up to ${head?.slice(0, 7) ?? '(unknown)'} ` +
            `(${local.length} recent commits in local git; the range starts at the previous release in Sentry)`,
        };
      }
      await existingRelease('commits');
      const plan: CommitPlan = await planCommits({
        version: opts.version,
        setCommits: opts.setCommits,
        ...(opts.repository ? { repository: opts.repository } : {}),
        ...(opts.headSha ? { headSha: opts.headSha } : {}),
        ignoreMissing: opts.ignoreMissing,
        ...(git ? { git } : {}),
        sentry: {
          listRepos: () => client.listRepos(),
          previousHead: async () =>
            (await client.previousReleaseWithCommits(opts.version, opts.projects[0]))?.lastCommit?.id ?? undefined,
        },
        ...(history ? { github: history } : {}),
        warn,
      });
      result.commitSource = plan.detail;
      if (plan.kind === 'refs') {
        const updated = await client.updateRelease(opts.version, { refs: plan.refs });
        release = updated;
        result.commits = updated.commitCount ?? 0;
        return { status: 'ok', detail: plan.detail };
      }
      if (plan.commits.length === 0) {
        if (!opts.ignoreEmpty) warn(`commits: ${plan.detail}; set ignore_empty: true to silence this`);
        return { status: 'skipped', detail: plan.detail };
      }
      release = await client.updateRelease(opts.version, { commits: plan.commits });
      result.commits = plan.commits.length;
      return { status: 'ok', detail: plan.detail };
    },

    sourcemaps: async () => {
      if (opts.sourcemaps.paths.length === 0) return { status: 'skipped', detail: 'no sourcemaps paths given' };
      const missing = opts.sourcemaps.paths.filter(
        (p) => !isGlob(p) && !existsSync(resolve(opts.cwd, p)) && !existsSync(resolve(opts.cwd, withoutProject(p))),
      );
      if (missing.length > 0) {
        const message = `sourcemaps: ${missing.map((p) => `"${p}"`).join(', ')} not found in ${opts.cwd}`;
        if (opts.sourcemaps.strict) {
          throw new ReleaseStepError(
            'sourcemaps',
            message,
            'Build before this step, fix the `sourcemaps` input (paths are relative to working_directory), or set strict: false',
          );
        }
        warn(`${message}; skipping ${missing.length === 1 ? 'it' : 'them'} (strict: true makes this an error)`);
      }
      const paths = opts.sourcemaps.paths.filter((p) => !missing.includes(p));
      if (paths.length === 0) return { status: 'skipped', detail: 'none of the sourcemaps paths exist' };
      if (!deps.sourcemaps) {
        throw new ReleaseStepError(
          'sourcemaps',
          'sourcemaps: this build of faultline has no source-map support',
          'Leave the `sourcemaps` input empty or use a faultline release with source-map support',
        );
      }
      const outcome: SourcemapsOutcome = await deps.sourcemaps(
        {
          paths,
          cwd: opts.cwd,
          projects: opts.projects,
          version: opts.version,
          options: opts.sourcemaps,
          dryRun: opts.dryRun,
        },
        { client, log: deps.log, warn },
      );
      Object.assign(result, {
        filesUploaded: outcome.filesUploaded,
        bytesUploaded: outcome.bytesUploaded,
        chunksSent: outcome.chunksSent,
        chunksSkipped: outcome.chunksSkipped,
        ...(outcome.bundleId ? { bundleId: outcome.bundleId } : {}),
        ...(outcome.injected !== undefined ? { debugIds: outcome.injected } : {}),
        ...(outcome.findings !== undefined ? { findings: outcome.findings } : {}),
        ...(outcome.findingsMarkdown ? { findingsMarkdown: outcome.findingsMarkdown } : {}),
      });
      return { status: 'ok', detail: outcome.detail };
    },

    finalize: async () => {
      if (!opts.finalize) return { status: 'skipped', detail: 'finalize: false' };
      if (!client) return { status: 'ok', detail: `dry run: would finalize ${opts.version}` };
      const current = await existingRelease('finalize');
      if (current.dateReleased) {
        return { status: 'skipped', detail: `already finalized at ${current.dateReleased}` };
      }
      release = await client.finalizeRelease(opts.version, now().toISOString());
      return { status: 'ok', detail: `finalized ${opts.version}` };
    },

    deploy: async () => {
      const deploy = opts.deploy;
      if (!deploy) return { status: 'skipped', detail: 'no environment given' };
      if (!client) return { status: 'ok', detail: `dry run: would record a deploy to ${deploy.environment}` };
      await existingRelease('deploy');
      // A deploy URL (default: the workflow run) identifies the run; without one every run records a deploy.
      const existing = (deploy.url ? await client.listDeploys(opts.version) : []).find(
        (d) =>
          d.environment === deploy.environment &&
          (d.name ?? undefined) === deploy.name &&
          (d.url ?? undefined) === deploy.url,
      );
      if (existing) {
        result.deployId = String(existing.id);
        return {
          status: 'skipped',
          detail: `deploy ${existing.id} to ${deploy.environment} already recorded for this run`,
        };
      }
      const created = await client.createDeploy(opts.version, {
        environment: deploy.environment,
        ...(deploy.name ? { name: deploy.name } : {}),
        ...(deploy.url ? { url: deploy.url } : {}),
        ...(deploy.startedAt ? { dateStarted: deploy.startedAt } : {}),
        dateFinished: now().toISOString(),
        ...(opts.projects.length > 0 ? { projects: opts.projects } : {}),
      });
      result.deployId = String(created.id);
      return { status: 'ok', detail: `recorded deploy ${created.id} to ${deploy.environment}` };
    },
  };

  for (const name of opts.steps) {
    const started = performance.now();
    try {
      const { status, detail } = await group(`${STEP_TITLES[name]}${opts.dryRun ? ' (dry run)' : ''}`, async () => {
        const outcome = await steps[name]();
        deps.log(`${name}: ${outcome.detail}`);
        return outcome;
      });
      result.steps.push({ name, status, detail, ms: Math.round(performance.now() - started) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.steps.push({ name, status: 'failed', detail: message, ms: Math.round(performance.now() - started) });
      throw new ReleaseFailedError(name, result, error);
    }
  }
  return result;
}

/** `dist:web` (a folder for one project) names the folder `dist`. */
function withoutProject(path: string): string {
  return path.replace(/:[A-Za-z0-9][A-Za-z0-9_.-]*$/, '');
}

function isGlob(path: string): boolean {
  return /[*?[\]{}]/.test(path);
}

/** The release page; sentry.io redirects it to the organization's subdomain. */
export function releasePageUrl(baseUrl: string, org: string, version: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/organizations/${encodeURIComponent(org)}/releases/${encodeURIComponent(version)}/`;
}
