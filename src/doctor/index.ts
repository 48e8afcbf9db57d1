// `faultline doctor`: runs the Sentry checks, then (when the app's settings are present) the app checks.
import { runAppChecks } from './app-checks.ts';
import { createSentryProbe, type SentryProbe } from './sentry-probe.ts';
import { runSentryChecks } from './sentry-checks.ts';
import type { DoctorSettings } from './settings.ts';
import type { CheckResult } from './types.ts';

export { renderDoctorReport, summaryLine } from './render.ts';
export { DOCTOR_USAGE, DoctorUsageError, parseDoctorSettings, type DoctorSettings } from './settings.ts';
export type { CheckResult, CheckStatus } from './types.ts';

export interface DoctorDeps {
  env: NodeJS.ProcessEnv;
  cwd: string;
  sentryProbe?: SentryProbe;
}

export async function runDoctor(settings: DoctorSettings, deps: DoctorDeps): Promise<CheckResult[]> {
  const probe =
    deps.sentryProbe ??
    createSentryProbe({ url: settings.sentry.url, token: settings.sentry.token, timeoutMs: settings.timeoutMs });
  const results = await runSentryChecks(settings.sentry, probe);
  if (settings.app)
    results.push(...(await runAppChecks({ env: deps.env, cwd: deps.cwd, timeoutMs: settings.timeoutMs })));
  return results;
}

/** Every secret value the environment holds, for the renderer's redaction. */
export function secretsIn(env: NodeJS.ProcessEnv): string[] {
  return ['SENTRY_AUTH_TOKEN', 'SENTRY_CLIENT_SECRET', 'WEBHOOK_SECRET', 'PRIVATE_KEY', 'DATABASE_URL', 'GITHUB_TOKEN']
    .map((name) => env[name]?.trim())
    .filter((v): v is string => Boolean(v));
}
