// Who is who on both sides: the repo config maps Sentry people (email or username) to GitHub logins.
// Anyone not in the map is left alone on both sides.

export interface SentryAssignee {
  type?: string;
  id?: string | number;
  name?: string;
  email?: string;
  username?: string;
}

/** Sentry email/username (lowercase) → GitHub login, from the config's `people` map. */
export type PeopleMap = ReadonlyMap<string, string>;

export function peopleMap(entries: Record<string, string> | undefined): PeopleMap {
  const map = new Map<string, string>();
  for (const [sentry, login] of Object.entries(entries ?? {})) {
    if (sentry.trim() && login.trim()) map.set(sentry.trim().toLowerCase(), login.trim().replace(/^@/, ''));
  }
  return map;
}

/** The GitHub login for a Sentry assignee; undefined for teams and people the map does not name. */
export function githubLoginFor(assignee: SentryAssignee | null | undefined, people: PeopleMap): string | undefined {
  if (!assignee || (assignee.type !== undefined && assignee.type !== 'user')) return undefined;
  for (const key of [assignee.email, assignee.username]) {
    const login = key ? people.get(key.toLowerCase()) : undefined;
    if (login) return login;
  }
  return undefined;
}

/** What to send Sentry as `assignedTo` for a GitHub login (the email or username mapped to it), or undefined. */
export function sentryAssigneeFor(login: string, people: PeopleMap): string | undefined {
  const wanted = login.toLowerCase();
  for (const [sentry, mapped] of people) if (mapped.toLowerCase() === wanted) return sentry;
  return undefined;
}

/**
 * GitHub assignees to add and remove so the issue shows `target` (undefined: the Sentry issue is unassigned):
 * people the map knows and who are no longer the Sentry assignee are removed; everyone else assigned on GitHub stays.
 */
export function planGitHubAssignees(
  current: readonly string[],
  target: string | undefined,
  people: PeopleMap,
): { add: string[]; remove: string[] } {
  const known = new Set([...people.values()].map((l) => l.toLowerCase()));
  const wanted = target?.toLowerCase();
  const has = current.some((l) => l.toLowerCase() === wanted);
  return {
    add: target && !has ? [target] : [],
    remove: current.filter((l) => l.toLowerCase() !== wanted && known.has(l.toLowerCase())),
  };
}
