// `faultline release`: the action's inputs as --flags (dashes for underscores), SENTRY_* variables as fallbacks.
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import {
  githubHistory,
  githubRequest,
  INPUT_NAMES,
  type InputName,
  LocalGit,
  ReleaseFailedError,
  ReleaseInputError,
  renderTextSummary,
  resolveInputs,
  runRelease,
} from '../release/index.ts';
import { releaseClient } from '../release/client.ts';
import { VERSION } from '../version.ts';
import { withCiDefaults } from './ci-env.ts';
import { type CliIo, progressOutput } from './io.ts';
import { parseLogLevel } from './sentry-config-file.ts';

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Inputs that are switches on the command line: `--dry-run`, `--no-inject`. */
const BOOLEAN_INPUTS = new Set<InputName>([
  'inject',
  'strip_common_prefix',
  'finalize',
  'ignore_missing',
  'ignore_empty',
  'disable_safe_mode',
  'disable_safe_directory',
  'disable_telemetry',
  'wait',
  'strict',
  'allow_missing_sourcemaps',
  'delete_after_upload',
  'dry_run',
]);
/** Inputs given as repeatable flags: `--sourcemaps dist --sourcemaps public`. */
const REPEATABLE_INPUTS = new Set<InputName>(['projects', 'sourcemaps', 'ignore']);

/** sentry-cli's short flags. */
const SHORT_FLAGS: Partial<Record<InputName, string>> = { org: 'o', projects: 'p' };

export const flagName = (input: InputName): string => input.replace(/_/g, '-');

const OPTIONS: ParseArgsOptionsConfig = Object.fromEntries([
  ...INPUT_NAMES.map((input) => [
    flagName(input),
    BOOLEAN_INPUTS.has(input)
      ? { type: 'boolean' as const }
      : {
          type: 'string' as const,
          multiple: REPEATABLE_INPUTS.has(input),
          ...(SHORT_FLAGS[input] ? { short: SHORT_FLAGS[input] } : {}),
        },
  ]),
  // `sourcemaps upload` and sentry-cli name it --project: the same list as --projects.
  ['project', { type: 'string' as const, multiple: true }],
  ['json', { type: 'boolean' as const }],
  ['help', { type: 'boolean' as const, short: 'h' }],
]);

export const RELEASE_HELP = `Usage: faultline release [flags]

Creates the Sentry release, associates commits, checks, injects and uploads source maps, finalizes the release
and records a deploy: the same pipeline and the same options as the GitHub Action (inputs become --flags).

Connection (flags win over the environment):
  --url URL               Sentry server root (SENTRY_URL; default the org auth token's server, else https://sentry.io)
  -o, --org SLUG          organization (SENTRY_ORG; an organization auth token names its own)
  --auth-token TOKEN      auth token (SENTRY_AUTH_TOKEN; prefer the variable, flags show up in process lists)
  --github-token TOKEN    reads commits from the GitHub API on shallow clones (GITHUB_TOKEN)

Release:
  --release VERSION       default SENTRY_RELEASE, else GITHUB_SHA (the CI's commit), else git HEAD
  --release-prefix P      prepended to the version
  -p, --projects SLUG     repeatable, or "web api" (SENTRY_PROJECT); --project is the same
  --steps LIST            all (default) or create,commits,sourcemaps,finalize,deploy
  --no-finalize           leave the release unfinalized
  --dry-run               validate and plan locally, send nothing
  --json                  print the result as JSON

Commits:
  --set-commits MODE      auto (default), manual or skip
  --repo R --commit SHA --previous-commit SHA   for manual mode
  --ignore-missing        send the newest commits when the previous release's commit is unknown
  --ignore-empty          no warning when there are no new commits
  --working-directory D   the git checkout and the base of relative paths (default: current directory)

Source maps:
  --sourcemaps PATH       repeatable; directories, files or globs
  --no-inject             do not inject debug IDs
  --dist D --url-prefix P --url-suffix S --ext "js mjs" --ignore GLOB (repeatable)
  --strip-common-prefix --strict --wait --delete-after-upload
  --allow-missing-sourcemaps  a missing path, no JavaScript or no map is a warning, not a failure
  a path may name its project: --sourcemaps apps/web/dist:web --sourcemaps apps/admin/dist:admin

Deploy:
  --environment ENV       records a deploy (SENTRY_ENVIRONMENT)
  --deploy-name N --deploy-url URL --started-at (Unix seconds or ISO 8601)

In GitLab CI, CircleCI, Bitbucket Pipelines and Jenkins, the tag, commit, repository and build page (the default
--deploy-url) come from their own variables.

Examples:
  SENTRY_ORG=acme SENTRY_AUTH_TOKEN=… faultline release --projects web --sourcemaps ./dist --environment production
  faultline release --release 1.4.0 --projects web --steps deploy --environment staging
  faultline release --projects web --sourcemaps ./dist --dry-run
`;

export async function runReleaseCommand(argv: string[], io: CliIo): Promise<number> {
  let values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, allowNegative: true, strict: true }));
  } catch (error) {
    io.stderr(`faultline release: ${error instanceof Error ? error.message : String(error)}`);
    io.stderr('Run `faultline release --help` for the flags.');
    return 2;
  }
  if (values.help) {
    io.stdout(RELEASE_HELP);
    return 0;
  }
  const read = (input: InputName): string | undefined => {
    const value =
      input === 'projects' && values.project
        ? [...list(values.projects), ...list(values.project)]
        : values[flagName(input)];
    if (value === undefined) return undefined;
    if (Array.isArray(value)) return value.map(String).join('\n');
    return String(value);
  };

  try {
    const baseDir = io.cwd;
    const workingDirectory = read('working_directory');
    const gitDir = workingDirectory ? resolve(baseDir, workingDirectory) : baseDir;
    const git = await LocalGit.open(gitDir, {
      safeDirectory: !values['disable-safe-mode'] && !values['disable-safe-directory'],
    });
    const localHead = git ? await git.head().catch(() => undefined) : undefined;
    const { env, ci } = withCiDefaults(io.env);
    const readWithCi = (input: InputName) => (input === 'deploy_url' ? (read(input) ?? ci?.runUrl) : read(input));
    const { release, sentry, github, notices } = resolveInputs(readWithCi, env, {
      baseDir,
      ...(localHead ? { localHead } : {}),
    });
    for (const notice of notices) io.stderr(`notice: ${notice}`);
    const repository = github.repository ?? (await git?.originRepository());
    const level = parseLogLevel(env.SENTRY_LOG_LEVEL, 'SENTRY_LOG_LEVEL') ?? 'info';
    const debug = level === 'debug' || level === 'trace' ? (line: string) => io.stderr(`debug: ${line}`) : undefined;
    const client = releaseClient({ release, sentry }, `faultline-cli/${VERSION}`, debug);
    const history =
      github.token && repository
        ? githubHistory(githubRequest(github.token, github.apiUrl, `faultline-cli/${VERSION}`), repository)
        : undefined;
    const json = values.json === true;
    const quiet = json || level === 'warn' || level === 'error';
    const log = quiet ? () => {} : (line: string) => io.stdout(line);
    try {
      const result = await runRelease(release, {
        client,
        log,
        warn: (line) => io.stderr(`warning: ${line}`),
        ...(json ? {} : { progress: progressOutput(io) }),
        ...(history ? { history } : {}),
        ...(git ? { git } : { git: null }),
      });
      if (json) io.stdout(JSON.stringify(result, null, 2));
      else for (const line of renderTextSummary(result, { steps: false })) io.stdout(line);
      return 0;
    } catch (error) {
      if (!(error instanceof ReleaseFailedError)) throw error;
      if (json)
        io.stdout(JSON.stringify({ ...error.result, error: { step: error.step, message: error.message } }, null, 2));
      else for (const line of renderTextSummary(error.result)) io.stdout(line);
      io.stderr(`faultline release: ${error.step} failed: ${error.message}`);
      return 1;
    }
  } catch (error) {
    if (error instanceof ReleaseInputError) {
      io.stderr(`faultline release: --${flagName(error.input as InputName)}: ${error.message}`);
      return 2;
    }
    io.stderr(`faultline release: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
