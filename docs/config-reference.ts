// The `.github/faultline.yml` reference table, generated from the app's one schema (app/services/repo-config.ts) so
// it cannot drift. Descriptions live here; a key without one fails generation.
import { z } from 'zod';
import { repoConfigSchema } from '../app/services/repo-config.ts';
import { ALERTS_CONFIG_DESCRIPTIONS } from '../src/alerts/index.ts';

export const CONFIG_DESCRIPTIONS: Record<string, string> = {
  'sentry.org':
    'Sentry organization slug; the app acts on this repository only for that organization (the tenant rule).',
  'sentry.projects': 'Sentry project slugs whose alerts open issues here.',
  paths: 'Stack path prefix → repository path prefix, tried in order (like Sentry code mappings).',
  'paths[].from': 'Prefix as it appears in stack frames, e.g. `webpack://shop/./`.',
  'paths[].to': 'Prefix in this repository, e.g. `packages/shop/`.',
  releases: 'Release name → commit SHA, for releases Sentry knows no commits of.',
  'alerts.issues': 'Open an issue on `issue.created`.',
  'alerts.eventAlerts': 'Open an issue when an alert rule notifies faultline (`event_alert.triggered`).',
  'alerts.errors': 'Open issues from `error.created` (every event; high volume).',
  minLevel: 'Events below this level open no issue.',
  'labels.always': 'Labels on every issue faultline opens.',
  'labels.level': 'Level → extra labels, e.g. `fatal: [p0]`.',
  'labels.environment': 'Environment → extra labels.',
  'labels.project': 'Sentry project → extra labels.',
  ignore: 'Rules for errors that open no issue; a rule matches when all its fields match.',
  'ignore[].type': 'Exact exception type(s), e.g. `ResizeObserverError`.',
  'ignore[].message': 'Regular expression searched in the exception message.',
  'ignore[].environment': 'Environment(s).',
  'ignore[].culprit': 'Regular expression searched in the culprit (`function(file)`).',
  'ignore[].level': 'Level(s).',
  'assign.codeowners': 'Assign the CODEOWNERS users of the crashing file.',
  'assign.fallback': 'GitHub logins assigned when CODEOWNERS names no user for the file.',
  'limits.newIssuesPerHour': 'New issues per hour in this repository; past it, one summary issue lists the rest.',
  'scrub.keys': 'Extra key names (case-insensitive substrings) whose values are removed before writing to GitHub.',
  'scrub.patterns': 'Extra regular expressions whose matches are removed from every text.',
  'sync.status': 'Mirror open/closed ↔ unresolved/resolved both ways.',
  'sync.resolveAs': 'What closing the GitHub issue does in Sentry.',
  'sync.assignees': 'Mirror assignees (through `people`).',
  'sync.comments': 'Mirror comments both ways.',
  people: 'Sentry e-mail or username → GitHub login, for assignees.',
  'regressions.comment': 'Comment on the pull requests that most likely caused a regression.',
  'regressions.maxPullRequests': 'At most this many pull requests are commented on per regression.',
  'regressions.reopen': 'Reopen the GitHub issue when its Sentry issue regresses.',
  'metricAlerts.rules': 'Metric alert rules (id or exact name) whose incidents become issues here; empty: none.',
  'metricAlerts.labels': 'Labels on incident issues.',
  ...ALERTS_CONFIG_DESCRIPTIONS,
};

type Json = {
  type?: string | string[];
  properties?: Record<string, Json>;
  items?: Json;
  additionalProperties?: Json | boolean;
  enum?: unknown[];
  anyOf?: Json[];
  default?: unknown;
  required?: string[];
};

const jsonSchema = (schema: z.ZodType): Json =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as unknown as Json;

function typeOf(s: Json): string {
  if (s.enum) return `one of ${s.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (s.anyOf) return s.anyOf.map(typeOf).join(' or ');
  if (s.type === 'array') return `list of ${s.items ? typeOf(s.items) : 'values'}`;
  if (s.type === 'object' && !s.properties && typeof s.additionalProperties === 'object') {
    return `map of name → ${typeOf(s.additionalProperties)}`;
  }
  if (s.type === 'object') return 'object';
  if (s.type === 'integer') return 'whole number';
  return String(s.type ?? 'any');
}

interface Row {
  key: string;
  type: string;
  required: boolean;
  default: unknown;
}

function rows(schema: Json, prefix = '', required = new Set<string>()): Row[] {
  const out: Row[] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const key = `${prefix}${name}`;
    if (prop.type === 'object' && prop.properties) {
      out.push(...rows(prop, `${key}.`, new Set(prop.required ?? [])));
      continue;
    }
    out.push({ key, type: typeOf(prop), required: required.has(name), default: prop.default });
    if (prop.type === 'array' && prop.items?.properties) {
      out.push(...rows(prop.items, `${key}[].`, new Set(prop.items.required ?? [])));
    }
  }
  return out;
}

/** One row per key users write, nested keys dotted (`sync.status`, `paths[].from`). */
export function configRows(): Row[] {
  const schema = jsonSchema(repoConfigSchema);
  return rows(schema, '', new Set(schema.required ?? []));
}

const defaultText = (value: unknown): string => {
  if (value === undefined) return '';
  if (Array.isArray(value) && value.length === 0) return 'none';
  if (value && typeof value === 'object' && Object.keys(value).length === 0) return 'none';
  return `\`${JSON.stringify(value)}\``;
};

export function renderConfigReference(): string {
  const all = configRows();
  const missing = all.filter((r) => !CONFIG_DESCRIPTIONS[r.key]).map((r) => r.key);
  if (missing.length) {
    throw new Error(
      `docs/config-reference.ts has no description for ${missing.join(', ')}: add one to CONFIG_DESCRIPTIONS`,
    );
  }
  const keys = new Set(all.map((r) => r.key));
  const stale = Object.keys(CONFIG_DESCRIPTIONS).filter((k) => !keys.has(k));
  if (stale.length)
    throw new Error(`docs/config-reference.ts describes keys the schema no longer has: ${stale.join(', ')}`);
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| key | type | default | description |',
    '| --- | --- | --- | --- |',
    ...all.map(
      (r) =>
        `| \`${r.key}\`${r.required ? ' **(required)**' : ''} | ${cell(r.type)} | ${cell(defaultText(r.default))} | ${cell(CONFIG_DESCRIPTIONS[r.key] ?? '')} |`,
    ),
  ].join('\n');
}
