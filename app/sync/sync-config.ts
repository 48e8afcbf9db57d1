// The sync's part of a repository's `.github/faultline.yml`. Each key is optional; defaults keep sync on.
import { z } from 'zod';
import { type PeopleMap, peopleMap } from './assignees.ts';

const ruleRef = z.union([z.string().min(1), z.number().int()]);

export const syncConfigSchema = z.looseObject({
  /** Which Sentry org feeds this repo (triage validates the rest of this block). */
  sentry: z.looseObject({ org: z.string().optional() }).optional(),
  sync: z
    .object({
      /** Mirror open/closed ↔ resolved/unresolved. */
      status: z.boolean().default(true),
      /** What closing the GitHub issue does in Sentry. */
      resolveAs: z.enum(['resolved', 'resolvedInNextRelease']).default('resolved'),
      assignees: z.boolean().default(true),
      comments: z.boolean().default(true),
    })
    .prefault({}),
  /** Stack path prefix → repo path prefix (shared with triage). */
  paths: z.array(z.object({ from: z.string(), to: z.string().default('') })).default([]),
  /** Extra scrubbing (shared with triage): key names and regular expressions removed from everything posted. */
  scrub: z
    .looseObject({ keys: z.array(z.string()).default([]), patterns: z.array(z.string()).default([]) })
    .prefault({}),
  /** Sentry email or username → GitHub login. */
  people: z.record(z.string(), z.string()).default({}),
  regressions: z
    .object({
      /** Comment on the suspect pull requests of a regression. */
      comment: z.boolean().default(true),
      maxPullRequests: z.number().int().min(0).max(10).default(3),
      reopen: z.boolean().default(true),
    })
    .prefault({}),
  metricAlerts: z
    .object({
      /** Alert rules (id or exact name) whose incidents become issues in this repository; empty: none. */
      rules: z.array(ruleRef).default([]),
      labels: z.array(z.string()).default(['incident']),
    })
    .prefault({}),
});

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

/** Reads the sync settings from the parsed config file (undefined or null: every default). */
export function parseSyncSettings(raw: unknown, source = '.github/faultline.yml'): SyncSettings {
  const parsed = syncConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || '(file)';
    throw new SyncConfigError(`${source}: ${path}: ${issue?.message ?? 'invalid'}; fix that key or remove it`);
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

export const DEFAULT_SYNC_SETTINGS: SyncSettings = parseSyncSettings({});

/** True when the repo's config routes this metric alert rule (by id or exact name) to it. */
export function routesAlertRule(settings: SyncSettings, rule: { id?: string | number; name?: string }): boolean {
  return settings.metricAlerts.rules.some(
    (r) => (rule.id !== undefined && String(r) === String(rule.id)) || (rule.name !== undefined && r === rule.name),
  );
}
