import { SentryClient } from '../sentry/index.ts';
import type { ResolvedInputs } from './inputs.ts';

/** The Sentry client for a resolved run; none in a dry run, where nothing may be sent. */
export function releaseClient(
  inputs: Pick<ResolvedInputs, 'release' | 'sentry'>,
  userAgent: string,
  log?: (line: string) => void,
): SentryClient | null {
  if (inputs.release.dryRun) return null;
  const { url, token, org } = inputs.sentry;
  return new SentryClient({ url, token, org, userAgent, ...(log ? { log } : {}) });
}
