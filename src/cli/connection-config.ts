// The Sentry server, organization and token of a CLI command: flags win over SENTRY_* variables (which already
// hold what a .sentryclirc adds, see sentry-config-file.ts), and an org auth token fills in what both leave open.
import { resolveSentryTarget, SentryTargetError } from '../sentry/org-token.ts';

export interface ConnectionFlags {
  url?: string | undefined;
  org?: string | undefined;
  token?: string | undefined;
}

export interface CliConnection {
  url: string;
  org?: string;
  token?: string;
}

export class ConnectionError extends Error {
  override name = 'ConnectionError';
}

const nonEmpty = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** Throws ConnectionError when an explicit URL is not the org token's server (naming both). */
export function cliConnection(flags: ConnectionFlags, env: Record<string, string | undefined>): CliConnection {
  const token = nonEmpty(flags.token) ?? nonEmpty(env.SENTRY_AUTH_TOKEN);
  const urlFlag = nonEmpty(flags.url);
  const url = urlFlag ?? nonEmpty(env.SENTRY_URL);
  const org = nonEmpty(flags.org) ?? nonEmpty(env.SENTRY_ORG);
  try {
    const target = resolveSentryTarget({
      ...(token ? { token } : {}),
      ...(url ? { url, urlSetting: urlFlag ? '--url' : 'SENTRY_URL' } : {}),
      ...(org ? { org } : {}),
    });
    return { url: target.url, ...(target.org ? { org: target.org } : {}), ...(token ? { token } : {}) };
  } catch (error) {
    if (error instanceof SentryTargetError) throw new ConnectionError(error.message);
    throw error;
  }
}
