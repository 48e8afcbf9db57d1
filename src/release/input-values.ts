/** The action's input names, and the parsers of single input values; each error names its input. */
import { ReleaseInputError } from './errors.ts';
import { type SetCommits, STEP_NAMES, type StepName } from './options.ts';

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
  'disable_safe_directory',
  'disable_telemetry',
  'url',
  'org',
  'auth_token',
  'github_token',
  'wait',
  'strict',
  'allow_missing_sourcemaps',
  'steps',
  'deploy_name',
  'deploy_url',
  'delete_after_upload',
  'dry_run',
] as const;
export type InputName = (typeof INPUT_NAMES)[number];

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

/**
 * The `steps` input's release steps: `all` (default) or a list of step names, always run in pipeline order. `doctor` and `alerts` are accepted here but are not release steps: the action runs them first
 * (see wantsDoctor, wantsAlerts), so `steps: doctor` alone leaves no release step.
 */
export function parseSteps(value: string | undefined): StepName[] {
  const items = parseList(value).map((s) => s.toLowerCase());
  if (items.length === 0 || items.includes('all')) return [...STEP_NAMES];
  const known: readonly string[] = [...STEP_NAMES, 'doctor', 'alerts'];
  const unknown = items.filter((s) => !known.includes(s));
  if (unknown.length > 0) {
    throw new ReleaseInputError(
      'steps',
      `steps: unknown step "${unknown[0]}"; use "all" or any of ${STEP_NAMES.join(', ')}, doctor, alerts (e.g. "deploy" to ` +
        'record a deploy of an existing release)',
    );
  }
  return STEP_NAMES.filter((s) => items.includes(s));
}

/** Whether the `steps` input names `doctor` explicitly (`all` means the release steps only). */
export function wantsDoctor(value: string | undefined): boolean {
  return parseList(value).some((s) => s.toLowerCase() === 'doctor');
}

/** Whether the `steps` input names `alerts` (plan or apply the alert rules; `all` does not include it). */
export function wantsAlerts(value: string | undefined): boolean {
  return parseList(value).some((s) => s.toLowerCase() === 'alerts');
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

export function parseUrl(input: InputName, value: string | undefined): string | undefined {
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
export function checkEnvironmentName(environment: string): void {
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
