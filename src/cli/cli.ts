// The faultline CLI's dispatcher: `faultline <command> [flags]`.
import { runDoctorCommand } from './doctor-command.ts';
import type { CliIo } from './io.ts';
import { runReleaseCommand } from './release-command.ts';
import { runSourcemapsCommand } from './sourcemaps-command.ts';
import { VERSION } from '../version.ts';

export const USAGE = `faultline ${VERSION}: Sentry releases and source maps from any CI or a laptop

Usage: faultline <command> [flags]

Commands:
  release      create the release, associate commits, upload source maps, finalize, record a deploy
  sourcemaps   check | inject | upload source maps on their own
  doctor       check the Sentry (and app) setup: ✓/✗ per check with the fix
  alerts       plan | apply the alert rules of .github/faultline.yml

Examples:
  faultline release --projects web --sourcemaps ./dist --environment production
  faultline release --release 1.4.0 --projects web --steps deploy --environment staging
  faultline release --projects web --sourcemaps ./dist --dry-run
  faultline sourcemaps check ./dist
  faultline doctor
  faultline alerts plan

Environment: SENTRY_AUTH_TOKEN, SENTRY_ORG, SENTRY_URL, SENTRY_PROJECT, SENTRY_RELEASE, SENTRY_ENVIRONMENT,
GITHUB_TOKEN. Run \`faultline <command> --help\` for a command's flags.`;

export type Command = (argv: string[], io: CliIo) => Promise<number>;

export interface CliCommands {
  release: Command;
  sourcemaps?: Command;
  doctor?: Command;
  alerts?: Command;
}

const DEFAULT_COMMANDS: CliCommands = {
  release: (argv, io) => runReleaseCommand(argv, io),
  sourcemaps: runSourcemapsCommand,
  doctor: runDoctorCommand,
  alerts: async (argv, io) => (await import('./alerts-command.ts')).runAlertsCommand(argv, io),
};

export async function runCli(argv: string[], io: CliIo, commands: CliCommands = DEFAULT_COMMANDS): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    (command === undefined ? io.stderr : io.stdout)(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(VERSION);
    return 0;
  }
  if (command === 'release') return commands.release(rest, io);
  if (command === 'sourcemaps') {
    if (!commands.sourcemaps) {
      io.stderr('faultline sourcemaps: not available in this build; `faultline release --sourcemaps` needs it too');
      return 1;
    }
    return commands.sourcemaps(rest, io);
  }
  if (command === 'doctor') {
    if (!commands.doctor) {
      io.stderr('doctor: not available yet');
      return 1;
    }
    return commands.doctor(rest, io);
  }
  if (command === 'alerts' && commands.alerts) return commands.alerts(rest, io);
  io.stderr(`faultline: unknown command "${command}"`);
  io.stderr('');
  io.stderr(USAGE);
  return 2;
}
