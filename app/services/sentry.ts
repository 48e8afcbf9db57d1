// Installations → Sentry: the one client factory triage and the sync act through, and the one Sentry issue link.
import { SentryClient } from '../../src/sentry/index.ts';
import type { InstallationResolver } from '../installations/resolver.ts';
import { PermanentJobError } from '../jobs/index.ts';

/** A webhook names a Sentry installation faultline has no record of (and no internal integration stands in). */
export class UnknownInstallationError extends PermanentJobError {
  override name = 'UnknownInstallationError';
  readonly installationUuid: string;
  constructor(uuid: string) {
    super(
      `Sentry installation ${uuid} is not known to faultline: for an internal integration set SENTRY_AUTH_TOKEN and SENTRY_ORG; for a public one, reinstall it in Sentry so the app receives its installation webhook`,
    );
    this.installationUuid = uuid;
  }
}

export interface SentryAccessOptions {
  installations: Pick<InstallationResolver, 'getInstallation' | 'tokenFor'>;
  /** The Sentry server (SENTRY_URL). */
  url: string;
  /** The client's debug lines (the app's metrics read calls and rate-limit waits from them). */
  log?: (line: string) => void;
}

/** A Sentry client acting for an installation: its org, its (refreshed) token. */
export type SentryFor = (installationUuid: string) => Promise<SentryClient>;

/** Throws `UnknownInstallationError` for an installation never seen, `PermanentJobError` for one without a token. */
export function sentryClientFactory({ installations, url, log }: SentryAccessOptions): SentryFor {
  const base = url.replace(/\/+$/, '');
  return async (uuid) => {
    const installation = await installations.getInstallation(uuid);
    if (!installation) throw new UnknownInstallationError(uuid);
    const token = await installations.tokenFor(uuid);
    if (!token) {
      throw new PermanentJobError(
        `no Sentry token for installation ${uuid} (org ${installation.orgSlug}): set SENTRY_AUTH_TOKEN and SENTRY_ORG for an internal integration, or reinstall the public integration`,
      );
    }
    return new SentryClient({ url: base, token, org: installation.orgSlug, maxAttempts: 3, ...(log ? { log } : {}) });
  };
}

/** The Sentry UI page of an issue. */
export function sentryIssueUrlOf(url: string): (org: string, issueId: string) => string {
  const base = url.replace(/\/+$/, '');
  return (org, issueId) => `${base}/organizations/${encodeURIComponent(org)}/issues/${encodeURIComponent(issueId)}/`;
}
