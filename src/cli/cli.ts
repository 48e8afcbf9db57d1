// The faultline CLI's dispatcher: `faultline <command> [flags]`. A command's module is loaded only when it runs, so
// `--help` and `--version` work on any Node.js, while the commands (node:http's proxyEnv, node:sqlite) say in one line when the
// running Node.js is older than they need.
import { type CliIo, knownSecrets, maskedIo } from './io.ts';
import { ConfigFileError, withSentryCliConfig } from './sentry-config-file.ts';
import { VERSION } from '../version.ts';

export const USAGE = `faultline ${VERSION}: Sentry releases and source maps from any CI or a laptop

Usage: faultline <command> [flags]

Commands:
  release      create the release, associate commits, upload source maps, finalize, record a deploy
  sourcemaps   check | inject | upload source maps on their own
  doctor       check the Sentry (and app) setup: ✓/✗ per check with the fix
  alerts       plan | apply the alert rules of .github/faultline.yml
  jobs         list | show | retry | discard the app's jobs (dead letters)

Examples:
  faultline release --projects web --sourcemaps ./dist --environment production
  faultline release --release 1.4.0 --projects web --steps deploy --environment staging
  faultline release --projects web --sourcemaps ./dist --dry-run
  faultline sourcemaps check ./dist
  faultline doctor
  faultline alerts plan
  faultline jobs list --state dead

Environment: SENTRY_AUTH_TOKEN, SENTRY_ORG, SENTRY_URL, SENTRY_PROJECT, SENTRY_RELEASE, SENTRY_ENVIRONMENT,
SENTRY_LOG_LEVEL, GITHUB_TOKEN. As sentry-cli, faultline reads .sentryclirc ([defaults] url, org, project; [auth]
token) from this directory upwards and from the home directory, and the file SENTRY_PROPERTIES names; flags win
over variables, which win over the files. An organization auth token names its server and organization.
--log-level trace|debug|info|warn|error (SENTRY_LOG_LEVEL) works with every command.
Run \`faultline <command> --help\` for a command's flags.`;

export type Command = (argv: string[], io: CliIo) => Promise<number>;

export interface CliCommands {
  release: Command;
  sourcemaps: Command;
  doctor: Command;
  alerts: Command;
  jobs: Command;
}

const DEFAULT_COMMANDS: CliCommands = {
  release: async (argv, io) => (await import('./release-command.ts')).runReleaseCommand(argv, io),
  sourcemaps: async (argv, io) => (await import('./sourcemaps-command.ts')).runSourcemapsCommand(argv, io),
  doctor: async (argv, io) => (await import('./doctor-command.ts')).runDoctorCommand(argv, io),
  alerts: async (argv, io) => (await import('./alerts-command.ts')).runAlertsCommand(argv, io),
  jobs: async (argv, io) => (await import('./jobs-command.ts')).runJobsCommand(argv, io),
};

/** The oldest Node.js major the commands run on, as package.json's `engines` says. */
export const MIN_NODE_MAJOR = 24;

/** The one line a command prints on a Node.js older than MIN_NODE_MAJOR; undefined on a recent enough one. */
export function nodeTooOld(command: string, nodeVersion: string): string | undefined {
  const version = nodeVersion.replace(/^v/, '');
  if (Number(version.split('.')[0]) >= MIN_NODE_MAJOR) return undefined;
  return (
    `faultline ${command}: needs Node.js ${MIN_NODE_MAJOR} or newer (this is v${version}); ` +
    `install Node.js ${MIN_NODE_MAJOR} and run it again`
  );
}

function isCommand(name: string): name is keyof CliCommands {
  return name === 'release' || name === 'sourcemaps' || name === 'doctor' || name === 'alerts' || name === 'jobs';
}

export async function runCli(
  argv: string[],
  rawIo: CliIo,
  commands: CliCommands = DEFAULT_COMMANDS,
  nodeVersion: string = process.versions.node,
): Promise<number> {
  // Every line any command prints goes through here: a server's error text that echoes the token prints masked.
  const io = maskedIo(rawIo, knownSecrets(argv, rawIo.env));
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(VERSION);
    return 0;
  }
  if (!isCommand(command)) {
    io.stderr(`faultline: unknown command "${command}"`);
    io.stderr('');
    io.stderr(USAGE);
    return 2;
  }
  const tooOld = nodeTooOld(command, nodeVersion);
  if (tooOld) {
    io.stderr(tooOld);
    return 1;
  }
  try {
    const prepared = await withSentryCliConfig(rest, io);
    return await commands[command](prepared.argv, prepared.io);
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    io.stderr(`faultline ${command}: ${error.message}`);
    return 2;
  }
}
