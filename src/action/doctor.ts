/**
 * `steps: doctor` in the action: the doctor's Sentry checks with the action's own inputs, and the failure message.
 * The log (✓/✗ table) and the job summary (markdown) come from the doctor's renderer. Only the pure parts live
 * here; run.ts does the runner I/O.
 */
import { type CheckResult, type DoctorSettings, parseDoctorSettings } from '../doctor/index.ts';
import { redact } from '../doctor/render.ts';

export interface DoctorInputs {
  url: string | undefined;
  org: string | undefined;
  token: string | undefined;
  projects: string | undefined;
}

/**
 * The doctor's settings from the action inputs (SENTRY_* env vars as fallbacks, as for the release). The doctor's
 * own parser fills the defaults; the app checks never run in the action (the app is not deployed by a workflow).
 */
export function doctorSettingsFromInputs(inputs: DoctorInputs, env: NodeJS.ProcessEnv): DoctorSettings {
  const pick = (input: string | undefined, name: string) => input?.trim() || env[name]?.trim() || undefined;
  const doctorEnv: NodeJS.ProcessEnv = {};
  const values = {
    SENTRY_URL: pick(inputs.url, 'SENTRY_URL'),
    SENTRY_ORG: pick(inputs.org, 'SENTRY_ORG'),
    SENTRY_AUTH_TOKEN: pick(inputs.token, 'SENTRY_AUTH_TOKEN'),
    SENTRY_PROJECT: pick(inputs.projects?.split(/[\r\n]+/).join(' '), 'SENTRY_PROJECT'),
  };
  for (const [name, value] of Object.entries(values)) if (value) doctorEnv[name] = value;
  // `.github/faultline.yml` in the working directory is checked when it is there.
  return parseDoctorSettings(['--no-app'], doctorEnv);
}

/** The setFailed message: each failed check with its finding and fix. */
export function doctorFailureMessage(results: CheckResult[], secrets: string[]): string {
  const failed = results.filter((r) => r.status === 'fail');
  const items = failed.map((r) => `${r.name}: ${r.detail}${r.fix ? ` (fix: ${r.fix})` : ''}`);
  return redact(`doctor: ${failed.length} check(s) failed: ${items.join('; ')}`, secrets);
}
