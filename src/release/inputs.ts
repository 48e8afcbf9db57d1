/**
 * Parses the raw inputs (action inputs or CLI flags, with SENTRY_* / GITHUB_* fallbacks) into ReleaseOptions plus
 * the connection settings. Pure: the caller passes a reader and the environment; nothing here touches I/O.
 */
import { isAbsolute, resolve } from 'node:path';
import { ReleaseInputError } from './errors.ts';
import { STEP_NAMES, type ReleaseOptions, type SetCommits, type StepName } from './options.ts';
import { resolveVersion } from './version.ts';

/** Every input the action declares in action.yml (and the CLI mirrors as --flags with dashes). */
export const INPUT_NAMES = [
  'environment',
  'release',
  'version',
  'release_prefix',
  'version_prefix',
  'projects',
  'sourcemaps',
  'inject',
  'dist',
  'url_prefix',
  'url_suffix',
  'ext',
  'ignore',
  'strip_common_prefix',
  'finalize',
  'set_commits',
  'repo',
  'commit',
  'previous_commit',
  'ignore_missing',
  'ignore_empty',
  'started_at',
  'working_directory',
  'disable_safe_mode',
  'url',
  'org',
  'auth_token',
  'github_token',
  'wait',
  'strict',
  'steps',
  'deploy_name',
  'deploy_url',
  'delete_after_upload',
  'dry_run',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

/** Returns the raw value of an input, or undefined/'' when it was not given. */
export type InputReader = (name: InputName) => string | undefined;

export interface ResolvedInputs {
  release: ReleaseOptions;
  sentry: { url: string; org: string; token: string };
  github: { token?: string; apiUrl: string; repository?: string };
}

export interface InputContext {
  /** Base for `working_directory` (GITHUB_WORKSPACE in the action, the process cwd in the CLI). */
  baseDir: string;
  /** The local git HEAD, used for the version when neither input, tag nor GITHUB_SHA gives one. */
  localHead?: string;
}

const DEFAULT_SENTRY_URL = 'https://sentry.io';

export function resolveInputs(
  read: InputReader,
  env: Record<string, string | undefined>,
  ctx: InputContext,
): ResolvedInputs {
  const get = (name: InputName): string | undefined => {
    const value = read(name)?.trim();
    return value ? value : undefined;
  };
  const envGet = (name: string): string | undefined => env[name]?.trim() || undefined;

  const dryRun = parseBoolean('dry_run', get('dry_run'), false);
  const steps = parseSteps(get('steps'));

  const version = resolveVersion({
    release: get('release') ?? get('version'),
    envRelease: envGet('SENTRY_RELEASE'),
    ref: envGet('GITHUB_REF'),
    sha: envGet('GITHUB_SHA') ?? ctx.localHead,
    prefix: get('release_prefix') ?? get('version_prefix'),
  });

  const projects = parseList(get('projects') ?? envGet('SENTRY_PROJECT'));
  const needsProjects = steps.some((s) => s === 'create' || s === 'sourcemaps');
  if (needsProjects && projects.length === 0) {
    throw new ReleaseInputError(
      'projects',
      'projects: no Sentry project given: set the `projects` input (CLI: --projects) or SENTRY_PROJECT to one or ' +
        'more project slugs, e.g. "web" or "web api"',
    );
  }

  const token = get('auth_token') ?? envGet('SENTRY_AUTH_TOKEN') ?? '';
  if (!token && !dryRun) {
    throw new ReleaseInputError(
      'auth_token',
      'auth_token: no Sentry auth token: set the `auth_token` input or the SENTRY_AUTH_TOKEN environment variable ' +
        'from a secret (a token with the project:releases or org:ci scope)',
    );
  }
  const org = get('org') ?? envGet('SENTRY_ORG') ?? '';
  if (!org && !dryRun) {
    throw new ReleaseInputError(
      'org',
      'org: no Sentry organization: set the `org` input or the SENTRY_ORG environment variable to its slug, e.g. "acme"',
    );
  }
  const sentryUrl = parseUrl('url', get('url') ?? envGet('SENTRY_URL')) ?? DEFAULT_SENTRY_URL;

  const workingDirectory = get('working_directory');
  const cwd = workingDirectory
    ? isAbsolute(workingDirectory)
      ? workingDirectory
      : resolve(ctx.baseDir, workingDirectory)
    : ctx.baseDir;

  const repository = envGet('GITHUB_REPOSITORY');
  const setCommits = parseSetCommits(get('set_commits'), get('repo'), get('commit'), get('previous_commit'));

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
    sourcemaps: {
      paths: parseList(get('sourcemaps')),
      inject: parseBoolean('inject', get('inject'), true),
      ...(get('dist') ? { dist: get('dist') } : {}),
      ...(get('url_prefix') ? { urlPrefix: get('url_prefix') } : {}),
      ...(get('url_suffix') ? { urlSuffix: get('url_suffix') } : {}),
      ...(get('ext') ? { extensions: parseList(get('ext')).map((e) => e.replace(/^\./, '')) } : {}),
      ignore: parseList(get('ignore')),
      stripCommonPrefix: parseBoolean('strip_common_prefix', get('strip_common_prefix'), false),
      strict: parseBoolean('strict', get('strict'), false),
      wait: parseBoolean('wait', get('wait'), false),
      deleteAfterUpload: parseBoolean('delete_after_upload', get('delete_after_upload'), false),
    },
    finalize: parseBoolean('finalize', get('finalize'), true),
    ...(environment
      ? {
          deploy: {
            environment,
            ...(deployName ? { name: deployName } : {}),
            ...(deployUrl ? { url: deployUrl } : {}),
            ...(startedAt ? { startedAt } : {}),
          },
        }
      : {}),
    dryRun,
    gitSafeDirectory: !parseBoolean('disable_safe_mode', get('disable_safe_mode'), false),
  };
  const githubToken = get('github_token') ?? envGet('GITHUB_TOKEN');
  return {
    release,
    sentry: { url: sentryUrl, org, token },
    github: {
      ...(githubToken ? { token: githubToken } : {}),
      apiUrl: envGet('GITHUB_API_URL') ?? 'https://api.github.com',
      ...(repository ? { repository } : {}),
    },
  };
}

/**
 * List inputs: one item per line when the value has line breaks (so paths may hold spaces), otherwise items are
 * separated by commas and/or spaces. Empty items are dropped.
 */
export function parseList(value: string | undefined): string[] {
  if (!value) return [];
  const items = /[\r\n]/.test(value) ? value.split(/\r?\n/) : value.split(/[\s,]+/);
  return items.map((item) => item.trim().replace(/,$/, '').trim()).filter(Boolean);
}

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

export function parseBoolean(input: InputName, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value.trim() === '') return fallback;
  const lower = value.trim().toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  throw new ReleaseInputError(input, `${input}: "${value}" is not a boolean; use true or false`);
}

/** `all` (default) or a list of step names; always run in pipeline order. */
/**
 * The `steps` input's release steps. `doctor` is accepted here but is not a release step: the action runs it first
 * (see wantsDoctor), so `steps: doctor` alone leaves no release step.
 */
export function parseSteps(value: string | undefined): StepName[] {
  const items = parseList(value).map((s) => s.toLowerCase());
  if (items.length === 0 || items.includes('all')) return [...STEP_NAMES];
  const known: readonly string[] = [...STEP_NAMES, 'doctor'];
  const unknown = items.filter((s) => !known.includes(s));
  if (unknown.length > 0) {
    throw new ReleaseInputError(
      'steps',
      `steps: unknown step "${unknown[0]}"; use "all" or any of ${STEP_NAMES.join(', ')}, doctor (e.g. "deploy" to ` +
        'record a deploy of an existing release)',
    );
  }
  return STEP_NAMES.filter((s) => items.includes(s));
}

/** Whether the `steps` input names `doctor` explicitly (`all` means the release steps only). */
export function wantsDoctor(value: string | undefined): boolean {
  return parseList(value).some((s) => s.toLowerCase() === 'doctor');
}

export function parseSetCommits(
  value: string | undefined,
  repo: string | undefined,
  commit: string | undefined,
  previousCommit: string | undefined,
): SetCommits {
  const mode = (value ?? 'auto').toLowerCase();
  if (mode === 'auto') return { mode: 'auto' };
  if (mode === 'skip') return { mode: 'skip' };
  if (mode === 'manual') {
    if (!repo) {
      throw new ReleaseInputError(
        'repo',
        'repo: set_commits is "manual" but `repo` is empty: set it to the repository as Sentry names it, e.g. "acme/web"',
      );
    }
    if (!commit) {
      throw new ReleaseInputError(
        'commit',
        'commit: set_commits is "manual" but `commit` is empty: set it to the SHA being released',
      );
    }
    for (const [name, sha] of [
      ['commit', commit],
      ['previous_commit', previousCommit],
    ] as const) {
      if (sha !== undefined && (sha.length > 64 || /\s/.test(sha))) {
        throw new ReleaseInputError(name, `${name}: "${sha.slice(0, 70)}" is not a commit SHA (at most 64 characters)`);
      }
    }
    return { mode: 'manual', repo, commit, ...(previousCommit ? { previousCommit } : {}) };
  }
  throw new ReleaseInputError('set_commits', `set_commits: "${value}" is not one of auto, skip, manual`);
}

/** Unix seconds or an ISO 8601 date, returned as ISO 8601. */
export function parseStartedAt(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let date: Date;
  if (/^-?\d+$/.test(value)) {
    const seconds = Number(value);
    if (seconds < 0) throw new ReleaseInputError('started_at', `started_at: "${value}" is negative; use Unix seconds`);
    date = new Date(seconds * 1000);
  } else {
    date = /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(Number.NaN);
  }
  if (Number.isNaN(date.getTime())) {
    throw new ReleaseInputError(
      'started_at',
      `started_at: "${value}" is neither Unix seconds nor an ISO 8601 date (e.g. 1767268800 or 2026-01-01T12:00:00Z)`,
    );
  }
  return date.toISOString();
}

function parseUrl(input: InputName, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ReleaseInputError(input, `${input}: "${value}" is not an absolute http(s) URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ReleaseInputError(input, `${input}: "${value}" is not an http(s) URL`);
  }
  return value;
}

/** Sentry's Environment.is_valid_name: at most 64 characters, no slash or line break. */
function checkEnvironmentName(environment: string): void {
  if (environment.length > 64 || /[/\r\n\f]/.test(environment) || environment === 'none') {
    throw new ReleaseInputError(
      'environment',
      `environment: "${environment.slice(0, 70)}" is not a valid Sentry environment name (at most 64 characters, ` +
        'no "/" or line breaks, not "none")',
    );
  }
}

/** The workflow run page, the default deploy URL in GitHub Actions. */
export function workflowRunUrl(env: Record<string, string | undefined>): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: runId } = env;
  if (!server || !repo || !runId) return undefined;
  return `${server.replace(/\/+$/, '')}/${repo}/actions/runs/${runId}`;
}
