// The sync's settings: its sections of the repository config (app/services/repo-config.ts), with defaults filled in.
import { CONFIG_PATH, describeProblems, syncSectionsSchema } from '../services/repo-config.ts';
import { type PeopleMap, peopleMap } from './assignees.ts';

export interface SyncSettings {
  sentryOrg: string | undefined;
  status: boolean;
  resolveAs: 'resolved' | 'resolvedInNextRelease';
  assignees: boolean;
  comments: boolean;
  people: PeopleMap;
  paths: Array<{ from: string; to: string }>;
  scrub: { keys: string[]; patterns: string[] };
  regressions: { comment: boolean; maxPullRequests: number; reopen: boolean };
  metricAlerts: { rules: Array<string | number>; labels: string[] };
}

export class SyncConfigError extends Error {
  override name = 'SyncConfigError';
}

/** Reads the sync settings from the parsed config file (undefined or null: every default); names each bad key. */
export function parseSyncSettings(raw: unknown, source = CONFIG_PATH): SyncSettings {
  const parsed = syncSectionsSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new SyncConfigError(`${source}: ${describeProblems(parsed.error).join('; ')}; fix that key or remove it`);
  }
  const c = parsed.data;
  return {
    sentryOrg: c.sentry?.org,
    ...c.sync,
    people: peopleMap(c.people),
    paths: c.paths,
    scrub: { keys: c.scrub.keys, patterns: c.scrub.patterns },
    regressions: c.regressions,
    metricAlerts: c.metricAlerts,
  };
}

/** True when the repo's config routes this metric alert rule (by id or exact name) to it. */
export function routesAlertRule(settings: SyncSettings, rule: { id?: string | number; name?: string }): boolean {
  return settings.metricAlerts.rules.some(
    (r) => (rule.id !== undefined && String(r) === String(rule.id)) || (rule.name !== undefined && r === rule.name),
  );
}
