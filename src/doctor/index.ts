// `faultline doctor`: runs the Sentry checks, then the app's checks when the caller hands them in. The app's half
// lives in app/doctor (it opens the app's database): the CLI loads it only when it checks an app, so neither the
// action nor `faultline --help` loads the app.
import type { AlertsClient, AlertsConfig } from '../alerts/index.ts';
import { findRepoConfig } from './repo-config.ts';
import { createSentryProbe, type SentryProbe } from './sentry-probe.ts';
import { runSentryChecks } from './sentry-checks.ts';
import type { DoctorSettings } from './settings.ts';
import type { CheckResult } from './types.ts';

export { renderDoctorMarkdown, renderDoctorReport, summaryLine } from './render.ts';
export { DOCTOR_USAGE, DoctorUsageError, parseDoctorSettings, type DoctorSettings } from './settings.ts';
export type { CheckResult, CheckStatus } from './types.ts';

/** The app's checks (app/doctor/app-checks.ts `runAppChecks`). */
export type AppChecks = (opts: { env: NodeJS.ProcessEnv; cwd: string; timeoutMs: number }) => Promise<CheckResult[]>;

export interface DoctorDeps {
  env: NodeJS.ProcessEnv;
  cwd: string;
  sentryProbe?: SentryProbe;
  /** Run after the Sentry checks; given when the settings ask for the app (`settings.app`). */
  appChecks?: AppChecks;
  /** The alert rule checks' Sentry client; default a SentryClient of the settings' URL and token. */
  alertsClient?: (config: AlertsConfig) => AlertsClient;
}

/** The checks the alert rule checks need to pass first: a reachable Sentry, an accepted token, the organization. */
const SENTRY_BASICS = /^(Sentry reachable|auth token accepted|organization\b|Sentry connection)/;

export async function runDoctor(settings: DoctorSettings, deps: DoctorDeps): Promise<CheckResult[]> {
  const probe =
    deps.sentryProbe ??
    createSentryProbe({ url: settings.sentry.url, token: settings.sentry.token, timeoutMs: settings.timeoutMs });
  const found = await findRepoConfig(settings.config, deps.cwd);
  // The alerts code (yaml, zod) loads only when there is a config to check.
  const alerts = found ? await import('./alerts-checks.ts') : undefined;
  const fromConfig = found && alerts?.configSentry(found);
  const sentry = {
    ...settings.sentry,
    org: settings.sentry.org ?? fromConfig?.org,
    projects: settings.sentry.projects.length ? settings.sentry.projects : (fromConfig?.projects ?? []),
  };
  const results = await runSentryChecks(sentry, probe);
  if (found && alerts) {
    const usable = results.every((r) => r.status === 'pass' || !SENTRY_BASICS.test(r.name));
    const client = deps.alertsClient ?? alerts.doctorAlertsClient(sentry, settings.timeoutMs);
    results.push(...(await alerts.runAlertsChecks(found, settings.sentry.org, usable ? client : undefined)));
  }
  if (settings.app) {
    if (!deps.appChecks) throw new Error('runDoctor: settings.app asks for the app checks, but none were given');
    results.push(...(await deps.appChecks({ env: deps.env, cwd: deps.cwd, timeoutMs: settings.timeoutMs })));
  }
  return results;
}

/** Every secret value the environment holds, for the renderer's redaction. */
export function secretsIn(env: NodeJS.ProcessEnv): string[] {
  return ['SENTRY_AUTH_TOKEN', 'SENTRY_CLIENT_SECRET', 'WEBHOOK_SECRET', 'PRIVATE_KEY', 'DATABASE_URL', 'GITHUB_TOKEN']
    .map((name) => env[name]?.trim())
    .filter((v): v is string => Boolean(v));
}
