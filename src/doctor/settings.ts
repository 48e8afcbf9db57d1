// `faultline doctor` flags and environment, parsed once into one typed object. Pure.
import { parseArgs } from 'node:util';
import { resolveSentryTarget, SentryTargetError } from '../sentry/org-token.ts';

export interface DoctorSettings {
  sentry: {
    url: string;
    token: string | undefined;
    org: string | undefined;
    projects: string[];
    /** Old self-hosted Sentry without artifact bundles is fine for this team: legacy release files pass. */
    allowLegacyUploads: boolean;
    /**
     * A public integration's app has no SENTRY_AUTH_TOKEN (each installation gets its own): without one, the
     * token-based checks are skipped rather than failed.
     */
    tokenOptional: boolean;
  };
  /**
   * The repository config whose alert rules are checked (`--config`); without it `.github/faultline.yml` in the
   * working directory is checked when there is one.
   */
  config: string | undefined;
  /** Check the GitHub App's settings too (database, credentials, secrets, repository configs). */
  app: boolean;
  json: boolean;
  timeoutMs: number;
}

export class DoctorUsageError extends Error {
  override name = 'DoctorUsageError';
}

export const DOCTOR_USAGE = `usage: faultline doctor [--url URL] [-o|--org ORG] [-p|--project SLUG ...] [--allow-legacy-uploads]
                        [--config FILE] [--app | --no-app] [--json] [--timeout-ms MS]

Checks the Sentry connection (URL, token and its scopes, organization, projects, chunk upload) and, when the app's
settings are present (APP_ID, WEBHOOK_SECRET, SENTRY_CLIENT_SECRET) or --app is given, the GitHub App's (database,
GitHub App credentials, webhook secrets, each installed repository's .github/faultline.yml).
With a repository config (--config FILE, or .github/faultline.yml in the current directory), it also checks that an
issue alert rule of each of its projects notifies faultline, and that Sentry holds the config's alert rules.
Reads SENTRY_URL, SENTRY_AUTH_TOKEN, SENTRY_ORG, SENTRY_PROJECT (comma- or space-separated) and the app's variables;
an organization auth token (sntrys_…) names its server and organization when SENTRY_URL and SENTRY_ORG do not.
Exit code: 0 when every check passes, 1 when any fails, 2 on bad usage.`;

/** Settings that, when any is set, mean "this environment runs the app": the app checks then run by default. */
const APP_SETTINGS = ['APP_ID', 'WEBHOOK_SECRET', 'SENTRY_CLIENT_SECRET'];

export function parseDoctorSettings(argv: string[], env: NodeJS.ProcessEnv): DoctorSettings {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' },
        org: { type: 'string', short: 'o' },
        project: { type: 'string', short: 'p', multiple: true },
        'allow-legacy-uploads': { type: 'boolean', default: false },
        app: { type: 'boolean' },
        'no-app': { type: 'boolean' },
        json: { type: 'boolean', default: false },
        'timeout-ms': { type: 'string' },
        config: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new DoctorUsageError(`${(error as Error).message}\n${DOCTOR_USAGE}`);
  }
  const get = (name: string): string | undefined => env[name]?.trim() || undefined;
  const projects = (values.project?.length ? values.project : [get('SENTRY_PROJECT') ?? ''])
    .flatMap((p) => p.split(/[\s,]+/))
    .filter(Boolean);
  const timeoutRaw = values['timeout-ms'];
  const timeoutMs = timeoutRaw === undefined ? 10_000 : Number(timeoutRaw);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) {
    throw new DoctorUsageError(`--timeout-ms is "${timeoutRaw}": expected a whole number of milliseconds, e.g. 5000`);
  }
  const appPresent = APP_SETTINGS.some((name) => get(name) !== undefined);
  const token = get('SENTRY_AUTH_TOKEN');
  const target = sentryTarget(token, values.url?.trim() ? values.url : undefined, get, values.org);
  return {
    sentry: {
      url: target.url,
      token,
      org: target.org,
      projects: [...new Set(projects)],
      allowLegacyUploads: values['allow-legacy-uploads'] ?? false,
      tokenOptional: appPresent && get('SENTRY_CLIENT_ID') !== undefined,
    },
    config: values.config?.trim() || undefined,
    app: values['no-app'] ? false : (values.app ?? appPresent),
    json: values.json ?? false,
    timeoutMs,
  };
}

/** Flags win over SENTRY_URL / SENTRY_ORG, which win over what an org auth token names. */
function sentryTarget(
  token: string | undefined,
  urlFlag: string | undefined,
  get: (name: string) => string | undefined,
  orgFlag: string | undefined,
): { url: string; org: string | undefined } {
  const url = urlFlag ?? get('SENTRY_URL');
  const org = orgFlag?.trim() || get('SENTRY_ORG');
  try {
    const target = resolveSentryTarget({
      ...(token ? { token } : {}),
      ...(url ? { url, urlSetting: urlFlag ? '--url' : 'SENTRY_URL' } : {}),
      ...(org ? { org } : {}),
    });
    return { url: target.url, org: target.org };
  } catch (error) {
    if (error instanceof SentryTargetError) throw new DoctorUsageError(error.message);
    throw error;
  }
}
