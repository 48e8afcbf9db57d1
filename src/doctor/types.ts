/** One row of the doctor's table. */
export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  /** Which part of the setup the check covers; the table groups rows by it. */
  group: 'sentry' | 'app';
  name: string;
  status: CheckStatus;
  /** What was found: "acme exists", "Sentry rejected the token (401)". Never a secret. */
  detail: string;
  /** What to do about a failure (only on `fail`). */
  fix?: string;
}

export const pass = (group: CheckResult['group'], name: string, detail: string): CheckResult => ({
  group,
  name,
  status: 'pass',
  detail,
});

export const fail = (group: CheckResult['group'], name: string, detail: string, fix: string): CheckResult => ({
  group,
  name,
  status: 'fail',
  detail,
  fix,
});

export const skip = (group: CheckResult['group'], name: string, detail: string): CheckResult => ({
  group,
  name,
  status: 'skip',
  detail,
});
