/**
 * The five release steps, each a function of one shared context. A step returns what it did (or why it skipped),
 * writes its counts into `ctx.result`, and throws a ReleaseStepError with a hint when it cannot go on.
 * Without a client (a dry run) each step says what it would do and sends nothing.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Release, SentryApiError, type SentryClient, scopesFor } from '../sentry/index.ts';
import { type CommitPlan, type LocalHistory, planCommits, type RemoteHistory } from './commits.ts';
import { ReleaseStepError } from './errors.ts';
import { LocalGit } from './git.ts';
import type { DeployOptions, ReleaseOptions, StepName } from './options.ts';
import type { ProgressOutput } from '../sourcemaps/index.ts';
import type { ReleaseResult, StepStatus } from './result.ts';
import type { SourcemapsOutcome, SourcemapsRequest, SourcemapsRunner } from './sourcemaps-port.ts';

export interface StepContext {
  readonly opts: ReleaseOptions;
  /** null in a dry run. */
  readonly client: SentryClient | null;
  /** Commits from the GitHub API, for shallow clones. */
  readonly history: RemoteHistory | undefined;
  /** Local git; undefined: open the work tree at opts.cwd when the commits step needs it. */
  readonly git: LocalHistory | null | undefined;
  readonly sourcemaps: SourcemapsRunner;
  readonly result: ReleaseResult;
  /** The release as Sentry last answered it; steps after `create` reuse it instead of asking again. */
  release?: Release;
  /** The `sourcemaps` paths that exist and the check's report, once checked before the release was created. */
  sourcemapsChecked?: { paths: string[]; report?: unknown };
  now(): Date;
  log(line: string): void;
  warn(line: string): void;
  readonly progress?: ProgressOutput;
}

export interface StepOutcome {
  status: StepStatus;
  detail: string;
}

export const RELEASE_STEPS: Record<StepName, (ctx: StepContext) => Promise<StepOutcome>> = {
  create: createRelease,
  commits: associateCommits,
  sourcemaps: sendSourcemaps,
  finalize: finalizeRelease,
  deploy: recordDeploy,
};

async function createRelease(ctx: StepContext): Promise<StepOutcome> {
  const { opts, client } = ctx;
  const projects = opts.projects.join(', ');
  if (!client) return { status: 'ok', detail: `dry run: would create release ${opts.version} for ${projects}` };
  const created = await client
    .createRelease({
      version: opts.version,
      projects: opts.projects,
      ...(opts.releaseUrl ? { url: opts.releaseUrl } : {}),
      dateStarted: ctx.now().toISOString(),
    })
    .catch(async (error: unknown) => {
      throw await explainCreateFailure(ctx, client, error);
    });
  ctx.release = created.release;
  return {
    status: 'ok',
    detail: created.created
      ? `created release ${opts.version} for ${projects}`
      : `release ${opts.version} already exists for ${projects} (nothing to change)`,
  };
}

/**
 * Sentry's answer to a failed create names neither the input nor the value: a wrong project is "Invalid project
 * ids or slugs", a missing scope a bare 403. Say which project, which scope, and what to do.
 */
async function explainCreateFailure(ctx: StepContext, client: SentryClient, error: unknown): Promise<unknown> {
  if (!(error instanceof SentryApiError)) return error;
  const { opts } = ctx;
  const projectsPage = `${client.baseUrl}/organizations/${encodeURIComponent(client.org)}/projects/`;
  if (error.status === 400 && /project/i.test(error.detail ?? '')) {
    const unknown = await unknownProjects(client, opts.projects);
    const named = (unknown.length ? unknown : opts.projects).map((p) => `"${p}"`).join(', ');
    return new ReleaseStepError(
      'create',
      `create: Sentry does not know the project${unknown.length === 1 ? '' : '(s)'} ${named} in organization ` +
        `"${client.org}" (input projects: "${opts.projects.join(',')}"; Sentry said: ${error.detail})`,
      `Set the projects input (--projects, SENTRY_PROJECT) to project slugs of "${client.org}": they are listed at ` +
        `${projectsPage}, and \`faultline doctor\` checks each one`,
      error,
    );
  }
  if (error.status === 403) {
    return new ReleaseStepError(
      'create',
      `create: the auth token may not create releases in organization "${client.org}" (${error.endpoint} answered 403)`,
      `Use a token with the ${scopesFor(error.endpoint)?.[0] ?? 'project:releases'} scope ` +
        '(or an organization token, which carries org:ci) as SENTRY_AUTH_TOKEN / the auth_token input',
      error,
    );
  }
  if (error.status === 404) {
    return new ReleaseStepError(
      'create',
      `create: organization "${client.org}" was not found on ${client.baseUrl} (or the token cannot see it)`,
      'Set the org input (--org, SENTRY_ORG) to the organization slug shown in Sentry’s URL, and check the url input ' +
        'points at the right Sentry server',
      error,
    );
  }
  return error;
}

/** The projects Sentry answers 404 for; a lookup that fails tells nothing and leaves the project out. */
async function unknownProjects(client: SentryClient, projects: string[]): Promise<string[]> {
  const found = await Promise.all(projects.map((p) => client.projectExists(p).catch(() => undefined)));
  return projects.filter((_, i) => found[i] === false);
}

async function associateCommits(ctx: StepContext): Promise<StepOutcome> {
  const { opts, client } = ctx;
  if (opts.setCommits.mode === 'skip') return { status: 'skipped', detail: 'set_commits: skip' };
  const git = ctx.git === undefined ? await LocalGit.open(opts.cwd, { safeDirectory: opts.gitSafeDirectory }) : ctx.git;
  if (!client) return dryRunCommits(opts, git);
  await existingRelease(ctx, client, 'commits');
  const plan = await planCommits({
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
    ...(ctx.history ? { github: ctx.history } : {}),
    warn: ctx.warn,
  });
  ctx.result.commitSource = plan.detail;
  return applyCommitPlan(ctx, client, plan);
}

async function dryRunCommits(opts: ReleaseOptions, git: LocalHistory | null | undefined): Promise<StepOutcome> {
  const head = git ? await git.head() : opts.headSha;
  const local = git ? await git.log({ head: head!, max: 20 }) : [];
  return {
    status: 'ok',
    detail:
      `dry run: would associate commits up to ${head?.slice(0, 7) ?? '(unknown)'} ` +
      `(${local.length} recent commits in local git; the range starts at the previous release in Sentry)`,
  };
}

async function applyCommitPlan(ctx: StepContext, client: SentryClient, plan: CommitPlan): Promise<StepOutcome> {
  const version = ctx.opts.version;
  if (plan.kind === 'refs') {
    ctx.release = await client.updateRelease(version, { refs: plan.refs });
    ctx.result.commits = ctx.release.commitCount ?? 0;
    return { status: 'ok', detail: plan.detail };
  }
  if (plan.commits.length === 0) {
    if (!ctx.opts.ignoreEmpty) ctx.warn(`commits: ${plan.detail}; set ignore_empty: true to silence this`);
    return { status: 'skipped', detail: plan.detail };
  }
  ctx.release = await client.updateRelease(version, { commits: plan.commits });
  ctx.result.commits = plan.commits.length;
  return { status: 'ok', detail: plan.detail };
}

async function sendSourcemaps(ctx: StepContext): Promise<StepOutcome> {
  const { opts } = ctx;
  if (opts.sourcemaps.paths.length === 0) return { status: 'skipped', detail: 'no sourcemaps paths given' };
  const { paths, report } = ctx.sourcemapsChecked ?? { paths: presentSourcemapPaths(ctx) };
  if (paths.length === 0) return { status: 'skipped', detail: 'none of the sourcemaps paths exist' };
  const outcome = await ctx.sourcemaps(
    { ...sourcemapsRequest(ctx, paths), ...(report === undefined ? {} : { checked: report }) },
    { client: ctx.client, log: ctx.log, warn: ctx.warn, ...(ctx.progress ? { progress: ctx.progress } : {}) },
  );
  recordSourcemaps(ctx.result, outcome);
  return { status: 'ok', detail: outcome.detail };
}

/**
 * Checks the build before the release is created, so that a missing path, a build without maps or (strict) any
 * finding fails the run with nothing half-made in Sentry. A runner without a check is only checked for paths.
 */
export async function checkSourcemapsFirst(ctx: StepContext): Promise<void> {
  if (ctx.opts.sourcemaps.paths.length === 0) return;
  const paths = presentSourcemapPaths(ctx);
  const report =
    paths.length > 0 && ctx.sourcemaps.check
      ? await ctx.sourcemaps.check(sourcemapsRequest(ctx, paths), { client: ctx.client, log: ctx.log, warn: ctx.warn })
      : undefined;
  ctx.sourcemapsChecked = { paths, ...(report === undefined ? {} : { report }) };
}

function sourcemapsRequest({ opts }: StepContext, paths: string[]): SourcemapsRequest {
  return {
    paths,
    cwd: opts.cwd,
    projects: opts.projects,
    version: opts.version,
    options: opts.sourcemaps,
    dryRun: opts.dryRun,
  };
}

/**
 * The `sourcemaps` paths that exist. A missing one (usually a typo, or a build that did not run) fails the step;
 * with allow_missing_sourcemaps and without strict it is left out with a warning.
 */
function presentSourcemapPaths({ opts, warn }: StepContext): string[] {
  const missing = opts.sourcemaps.paths.filter(
    (p) => !isGlob(p) && !existsSync(resolve(opts.cwd, p)) && !existsSync(resolve(opts.cwd, withoutProject(p))),
  );
  if (missing.length > 0) {
    const message = `sourcemaps: ${missing.map((p) => `"${p}"`).join(', ')} not found in ${opts.cwd}`;
    if (opts.sourcemaps.strict || !opts.sourcemaps.allowMissing) {
      throw new ReleaseStepError(
        'sourcemaps',
        message,
        'Build before this step, or fix the `sourcemaps` input (paths are relative to working_directory); ' +
          'set allow_missing_sourcemaps: true if a build may have none',
      );
    }
    warn(
      `${message}; skipping ${missing.length === 1 ? 'it' : 'them'} ` +
        '(allow_missing_sourcemaps is set; strict: true makes this an error)',
    );
  }
  return opts.sourcemaps.paths.filter((p) => !missing.includes(p));
}

function recordSourcemaps(result: ReleaseResult, outcome: SourcemapsOutcome): void {
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
}

async function finalizeRelease(ctx: StepContext): Promise<StepOutcome> {
  const { opts, client } = ctx;
  if (!opts.finalize) return { status: 'skipped', detail: 'finalize: false' };
  if (!client) return { status: 'ok', detail: `dry run: would finalize ${opts.version}` };
  const current = await existingRelease(ctx, client, 'finalize');
  if (current.dateReleased) return { status: 'skipped', detail: `already finalized at ${current.dateReleased}` };
  ctx.release = await client.finalizeRelease(opts.version, ctx.now().toISOString());
  return { status: 'ok', detail: `finalized ${opts.version}` };
}

async function recordDeploy(ctx: StepContext): Promise<StepOutcome> {
  const { opts, client } = ctx;
  const deploy = opts.deploy;
  if (!deploy) return { status: 'skipped', detail: 'no environment given' };
  if (!client) return { status: 'ok', detail: `dry run: would record a deploy to ${deploy.environment}` };
  await existingRelease(ctx, client, 'deploy');
  const existing = await deployOfThisRun(client, opts.version, deploy);
  if (existing) {
    ctx.result.deployId = existing;
    return { status: 'skipped', detail: `deploy ${existing} to ${deploy.environment} already recorded for this run` };
  }
  const created = await client.createDeploy(opts.version, {
    environment: deploy.environment,
    ...(deploy.name ? { name: deploy.name } : {}),
    ...(deploy.url ? { url: deploy.url } : {}),
    ...(deploy.startedAt ? { dateStarted: deploy.startedAt } : {}),
    dateFinished: ctx.now().toISOString(),
    ...(opts.projects.length > 0 ? { projects: opts.projects } : {}),
  });
  ctx.result.deployId = String(created.id);
  return { status: 'ok', detail: `recorded deploy ${created.id} to ${deploy.environment}` };
}

/** A deploy URL (default: the workflow run) identifies the run; without one every run records a deploy. */
async function deployOfThisRun(
  client: SentryClient,
  version: string,
  deploy: DeployOptions,
): Promise<string | undefined> {
  if (!deploy.url) return undefined;
  const found = (await client.listDeploys(version)).find(
    (d) =>
      d.environment === deploy.environment &&
      (d.name ?? undefined) === deploy.name &&
      (d.url ?? undefined) === deploy.url,
  );
  return found ? String(found.id) : undefined;
}

/** The release as Sentry has it, for steps that need it to exist. */
async function existingRelease(ctx: StepContext, client: SentryClient, step: StepName): Promise<Release> {
  ctx.release ??= await client.getRelease(ctx.opts.version);
  if (!ctx.release) {
    throw new ReleaseStepError(
      step,
      `${step}: release "${ctx.opts.version}" does not exist in organization "${client.org}"`,
      'Run the create step first (steps: all, or include "create")',
    );
  }
  return ctx.release;
}

/** `dist:web` (a folder for one project) names the folder `dist`. */
function withoutProject(path: string): string {
  return path.replace(/:[A-Za-z0-9][A-Za-z0-9_.-]*$/, '');
}

function isGlob(path: string): boolean {
  return /[*?[\]{}]/.test(path);
}
