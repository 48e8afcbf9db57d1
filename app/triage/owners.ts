// Who owns the crashing code, from the repository's CODEOWNERS (GitHub's rules: the last matching pattern wins).
import { matchFile, parse } from 'codeowners-utils';

/** Where GitHub looks for CODEOWNERS, in its order of precedence. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

export interface Owners {
  /** As written: `@user`, `@org/team`, `user@example.com`. */
  owners: string[];
  /** GitHub logins that can be assigned (teams and e-mail addresses cannot). */
  assignees: string[];
}

export function ownersFor(codeowners: string | undefined, path: string): Owners {
  if (!codeowners) return { owners: [], assignees: [] };
  const entry = matchFile(path, parse(codeowners.replace(/\r\n/g, '\n')));
  const owners = entry?.owners ?? [];
  const assignees = owners.filter((o) => /^@[a-z0-9-]+$/i.test(o)).map((o) => o.slice(1));
  return { owners, assignees };
}
