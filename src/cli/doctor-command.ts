// `faultline doctor`: parse flags, run the checks, print the table (or JSON), exit 1 on any ✗.
import {
  type AppChecks,
  DOCTOR_USAGE,
  DoctorUsageError,
  parseDoctorSettings,
  renderDoctorReport,
  runDoctor,
  secretsIn,
  type DoctorSettings,
} from '../doctor/index.ts';
import { redact } from '../doctor/render.ts';
import type { CliIo } from './io.ts';

export type { CliIo };

export async function runDoctorCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(DOCTOR_USAGE);
    return 0;
  }
  let settings: DoctorSettings;
  try {
    settings = parseDoctorSettings(argv, io.env);
  } catch (error) {
    if (!(error instanceof DoctorUsageError)) throw error;
    io.stderr(error.message);
    return 2;
  }
  const secrets = secretsIn(io.env);
  const appChecks = settings.app ? await loadAppChecks() : undefined;
  const results = await runDoctor(settings, { env: io.env, cwd: io.cwd, appChecks });
  if (settings.json) {
    io.stdout(
      redact(JSON.stringify({ ok: results.every((r) => r.status !== 'fail'), checks: results }, null, 2), secrets),
    );
  } else {
    io.stdout(`faultline doctor`);
    io.stdout('');
    io.stdout(
      renderDoctorReport(results, {
        header: { sentry: `${settings.sentry.url}${settings.sentry.org ? `, org ${settings.sentry.org}` : ''}` },
        secrets,
      }),
    );
  }
  return results.some((r) => r.status === 'fail') ? 1 : 0;
}

/** The app's half, loaded only when it is checked: it brings the app's database drivers (node:sqlite, pg). */
async function loadAppChecks(): Promise<AppChecks> {
  const { runAppChecks } = await import('../../app/doctor/app-checks.ts');
  return runAppChecks;
}
