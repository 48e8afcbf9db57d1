/**
 * Parses the raw inputs (action inputs or CLI flags, with SENTRY_* / GITHUB_* fallbacks) into ReleaseOptions plus
 * the connection settings. Pure: the caller passes a reader and the environment; nothing here touches I/O.
 */
import nodePath, { type PlatformPath } from 'node:path';
import { ReleaseInputError } from './errors.ts';
import {
  checkEnvironmentName,
  type InputName,
  parseBoolean,
  parseList,
  parseSetCommits,
  parseStartedAt,
  parseSteps,
  parseUrl,
  workflowRunUrl,
} from './input-values.ts';
import type { DeployOptions, ReleaseOptions, SourcemapsOptions, StepName } from './options.ts';
import { resolveVersion } from './version.ts';
import { resolveSentryTarget, SentryTargetError } from '../sentry/org-token.ts';

export {
  INPUT_NAMES,
  type InputName,
  parseBoolean,
  parseList,
  parseSetCommits,
  parseStartedAt,
  parseSteps,
  wantsAlerts,
  wantsDoctor,
  workflowRunUrl,
} from './input-values.ts';

/** Returns the raw value of an input, or undefined/'' when it was not given. */
export type InputReader = (name: InputName) => string | undefined;

export interface ResolvedInputs {
  release: ReleaseOptions;
  sentry: { url: string; org: string; token: string };
  github: { token?: string; apiUrl: string; repository?: string };
  /** Inputs accepted for action-release compatibility that change nothing here, each with why. */
  notices: string[];
}

export interface InputContext {
  /** Base for `working_directory` (GITHUB_WORKSPACE in the action, the process cwd in the CLI). */
  baseDir: string;
  /** The local git HEAD, used for the version when neither input nor GITHUB_SHA gives one. */
  localHead?: string;
  /** Path rules for `working_directory` (default this platform's; tests pass `path.win32`). */
  path?: Pick<PlatformPath, 'isAbsolute' | 'resolve'>;
}

type Get = (name: InputName) => string | undefined;
type EnvGet = (name: string) => string | undefined;

export function resolveInputs(
  read: InputReader,
  env: Record<string, string | undefined>,
  ctx: InputContext,
): ResolvedInputs {
  const get: Get = (name) => read(name)?.trim() || undefined;
  const envGet: EnvGet = (name) => env[name]?.trim() || undefined;

  const dryRun = parseBoolean('dry_run', get('dry_run'), false);
  const steps = parseSteps(get('steps'));
  const version = resolveVersion({
    release: get('release') ?? get('version'),
    envRelease: envGet('SENTRY_RELEASE'),
    sha: envGet('GITHUB_SHA') ?? ctx.localHead,
    prefix: get('release_prefix') ?? get('version_prefix'),
  });
  const projects = parseProjects(get, envGet, steps);
  const sentry = parseSentryConnection(get, envGet, dryRun);
  const cwd = workingDirectory(get('working_directory'), ctx.baseDir, ctx.path ?? nodePath);
  const repository = envGet('GITHUB_REPOSITORY');
  const setCommits = parseSetCommits(get('set_commits'), get('repo'), get('commit'), get('previous_commit'));
  const deploy = parseDeploy(get, envGet, env);

  const release: ReleaseOptions = {
    version,
    projects,
    steps,
    setCommits,
    ...(repository ? { repository } : {}),
    ...(envGet('GITHUB_SHA') ? { headSha: envGet('GITHUB_SHA') } : {}),
    ignoreMissing: parseBoolean('ignore_missing', get('ignore_missing'), false),
    ignoreEmpty: parseBoolean('ignore_empty', get('ignore_empty'), false),
    cwd,
    sourcemaps: parseSourcemaps(get),
    finalize: parseBoolean('finalize', get('finalize'), true),
    ...(deploy ? { deploy } : {}),
    dryRun,
    gitSafeDirectory: !disableSafeDirectory(get),
  };
  const githubToken = get('github_token') ?? envGet('GITHUB_TOKEN');
  return {
    release,
    sentry,
    github: {
      ...(githubToken ? { token: githubToken } : {}),
      apiUrl: envGet('GITHUB_API_URL') ?? 'https://api.github.com',
      ...(repository ? { repository } : {}),
    },
    notices: noOpNotices(get),
  };
}

/** `disable_safe_directory` is action-release's name for `disable_safe_mode`: either one turns it off. */
function disableSafeDirectory(get: Get): boolean {
  const mode = parseBoolean('disable_safe_mode', get('disable_safe_mode'), false);
  return parseBoolean('disable_safe_directory', get('disable_safe_directory'), false) || mode;
}

function noOpNotices(get: Get): string[] {
  if (!parseBoolean('disable_telemetry', get('disable_telemetry'), false)) return [];
  return ['disable_telemetry: faultline sends no telemetry, so there is nothing to turn off; the input can go'];
}

/** Creating a release and uploading source maps both name projects; the other steps need none. */
function parseProjects(get: Get, envGet: EnvGet, steps: StepName[]): string[] {
  const projects = parseList(get('projects') ?? envGet('SENTRY_PROJECT'));
  const needsProjects = steps.some((s) => s === 'create' || s === 'sourcemaps');
  if (needsProjects && projects.length === 0) {
    throw new ReleaseInputError(
      'projects',
      'projects: no Sentry project given: set the `projects` input (CLI: --projects) or SENTRY_PROJECT to one or ' +
        'more project slugs, e.g. "web" or "web api"',
    );
  }
  return projects;
}

/**
 * A dry run sends nothing, so it needs neither token nor organization. An org auth token names its server and
 * organization; the inputs and SENTRY_* variables win over it, and a URL of another server is refused.
 */
function parseSentryConnection(get: Get, envGet: EnvGet, dryRun: boolean): ResolvedInputs['sentry'] {
  const token = get('auth_token') ?? envGet('SENTRY_AUTH_TOKEN') ?? '';
  if (!token && !dryRun) {
    throw new ReleaseInputError(
      'auth_token',
      'auth_token: no Sentry auth token: set the `auth_token` input or the SENTRY_AUTH_TOKEN environment variable ' +
        'from a secret (a token with the project:releases or org:ci scope)',
    );
  }
  const explicitUrl = parseUrl('url', get('url') ?? envGet('SENTRY_URL'));
  const explicitOrg = get('org') ?? envGet('SENTRY_ORG');
  let target;
  try {
    target = resolveSentryTarget({
      token,
      ...(explicitUrl ? { url: explicitUrl, urlSetting: get('url') ? 'url' : 'SENTRY_URL' } : {}),
      ...(explicitOrg ? { org: explicitOrg } : {}),
    });
  } catch (error) {
    if (error instanceof SentryTargetError) throw new ReleaseInputError('url', `url: ${error.message}`);
    throw error;
  }
  const org = target.org ?? '';
  if (!org && !dryRun) {
    throw new ReleaseInputError(
      'org',
      'org: no Sentry organization: set the `org` input or the SENTRY_ORG environment variable to its slug, e.g. ' +
        '"acme" (an organization auth token, sntrys_…, names its organization itself)',
    );
  }
  return { url: target.url, org, token };
}

function workingDirectory(
  input: string | undefined,
  baseDir: string,
  path: Pick<PlatformPath, 'isAbsolute' | 'resolve'>,
): string {
  if (!input) return baseDir;
  return path.isAbsolute(input) ? input : path.resolve(baseDir, input);
}

/** The deploy to record (none without an environment); its inputs are checked even when there is none. */
function parseDeploy(get: Get, envGet: EnvGet, env: Record<string, string | undefined>): DeployOptions | undefined {
  const environment = get('environment') ?? envGet('SENTRY_ENVIRONMENT');
  const deployUrl = parseUrl('deploy_url', get('deploy_url')) ?? workflowRunUrl(env);
  const startedAt = parseStartedAt(get('started_at'));
  const deployName = get('deploy_name');
  if (deployName && deployName.length > 64) {
    throw new ReleaseInputError(
      'deploy_name',
      `deploy_name: "${deployName.slice(0, 20)}..." is ${deployName.length} characters; Sentry allows at most 64`,
    );
  }
  if (environment !== undefined) checkEnvironmentName(environment);
  if (!environment) return undefined;
  return {
    environment,
    ...(deployName ? { name: deployName } : {}),
    ...(deployUrl ? { url: deployUrl } : {}),
    ...(startedAt ? { startedAt } : {}),
  };
}

function parseSourcemaps(get: Get): SourcemapsOptions {
  return {
    paths: parseList(get('sourcemaps')),
    inject: parseBoolean('inject', get('inject'), true),
    ...(get('dist') ? { dist: get('dist') } : {}),
    ...(get('url_prefix') ? { urlPrefix: get('url_prefix') } : {}),
    ...(get('url_suffix') ? { urlSuffix: get('url_suffix') } : {}),
    ...(get('ext') ? { extensions: parseList(get('ext')).map((e) => e.replace(/^\./, '')) } : {}),
    ignore: parseList(get('ignore')),
    stripCommonPrefix: parseBoolean('strip_common_prefix', get('strip_common_prefix'), false),
    strict: parseBoolean('strict', get('strict'), false),
    ...(parseBoolean('allow_missing_sourcemaps', get('allow_missing_sourcemaps'), false) ? { allowMissing: true } : {}),
    wait: parseBoolean('wait', get('wait'), false),
    deleteAfterUpload: parseBoolean('delete_after_upload', get('delete_after_upload'), false),
  };
}
