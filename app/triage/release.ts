// Which commit a Sentry release was built from. Pure: the Sentry release data is passed in.

export interface SentryReleaseFacts {
  lastCommit?: { id: string; repository?: string | undefined } | null | undefined;
  refs?: Array<{ repository: string; commit: string }> | undefined;
}

export type ReleaseCommit =
  { sha: string; source: 'config' | 'sentry-release' | 'release-name' } | { sha: undefined; source: 'default-branch' };

const SHA = /^[0-9a-f]{7,40}$/i;

/**
 * Order: the repo config's `releases` table, then the release's commits in Sentry (this repository's, when Sentry
 * names repositories), then a release name that is or ends in a SHA (`3f2a…`, `web@3f2a…`); else the default branch,
 * labelled as a fallback in the issue.
 */
export function resolveReleaseCommit(input: {
  release: string | undefined;
  configured: Record<string, string>;
  sentry?: SentryReleaseFacts | undefined;
  repoFullName: string;
}): ReleaseCommit {
  const { release, configured, sentry, repoFullName } = input;
  if (release && configured[release]) return { sha: configured[release], source: 'config' };
  const sameRepo = (repository: string | undefined) =>
    !repository || repository.toLowerCase() === repoFullName.toLowerCase();
  const ref = sentry?.refs?.find((r) => sameRepo(r.repository) && SHA.test(r.commit));
  if (ref) return { sha: ref.commit, source: 'sentry-release' };
  const last = sentry?.lastCommit;
  if (last && SHA.test(last.id) && sameRepo(last.repository)) return { sha: last.id, source: 'sentry-release' };
  const tail = release?.split(/[@+_-]/).at(-1);
  // All digits is a build number or a date, not a SHA.
  if (tail && SHA.test(tail) && !/^\d+$/.test(tail)) return { sha: tail, source: 'release-name' };
  return { sha: undefined, source: 'default-branch' };
}
