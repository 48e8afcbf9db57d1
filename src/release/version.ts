/** The release version: which source wins, and the rules Sentry applies to it. Pure: no I/O. */
import { ReleaseInputError } from './errors.ts';

/** Sentry's `Release.is_valid_version` limit (the version column is 200 characters). */
export const MAX_VERSION_LENGTH = 200;

export interface VersionSources {
  /** The `release` input (or its deprecated alias `version`). */
  release?: string;
  /** `SENTRY_RELEASE`, read as sentry-cli's propose-version does. */
  envRelease?: string;
  /** `GITHUB_SHA`, or the local HEAD. */
  sha?: string;
  prefix?: string;
}

/**
 * input > SENTRY_RELEASE > commit SHA; the prefix is prepended; the result is validated. A tag push still releases
 * the commit SHA: action-release (sentry-cli's propose-version) and the Sentry bundler plugins default to it, and
 * the SDK's release must match.
 */
export function resolveVersion(sources: VersionSources): string {
  const base = stripTagRef(sources.release) ?? stripTagRef(sources.envRelease) ?? sources.sha;
  if (!base) {
    throw new ReleaseInputError(
      'release',
      'release: no version given and none could be derived (no release input, no SENTRY_RELEASE and no ' +
        'GITHUB_SHA or git HEAD): set the `release` input (CLI: --release)',
    );
  }
  const version = `${sources.prefix ?? ''}${base}`;
  validateVersion(version);
  return version;
}

function stripTagRef(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  return value.startsWith('refs/tags/') ? value.slice('refs/tags/'.length) : value;
}

/** Throws ReleaseInputError when Sentry would reject the version (or silently mangle it in the URL). */
export function validateVersion(version: string): void {
  const problem = versionProblem(version);
  if (problem) {
    throw new ReleaseInputError(
      'release',
      `release: "${printable(version)}" is not a valid Sentry release version: ${problem}. ` +
        'Set the `release` input (or `release_prefix`) to a valid name, e.g. "web@1.4.0" or a commit SHA',
    );
  }
}

/** Why Sentry would refuse this version, or undefined when it is fine. */
export function versionProblem(version: string): string | undefined {
  if (version.trim() === '') return 'it is empty';
  if (version !== version.trim()) return 'it starts or ends with whitespace';
  if (version === '.' || version === '..') return `"${version}" is reserved`;
  if (version.toLowerCase() === 'latest') return '"latest" is reserved';
  if (version.length > MAX_VERSION_LENGTH)
    return `it is ${version.length} characters long, the limit is ${MAX_VERSION_LENGTH}`;
  if (version.includes('/')) return 'it contains "/"';
  if (version.includes('\\')) return 'it contains "\\"';
  if (/[\r\n\t\f\v]/.test(version)) return 'it contains a newline, tab or other control whitespace';
  return undefined;
}

function printable(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return shown.replace(/[\r\n\t\f\v]/g, (c) => JSON.stringify(c).slice(1, -1));
}
