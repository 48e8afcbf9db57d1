// The triage part of a repository's `.github/faultline.yml` (read with Probot's config conventions: the repo's file,
// else the owner's `.github` repository, `_extends` honoured). Pure: parsing and validation only.
import { z } from 'zod';

export const CONFIG_PATH = '.github/faultline.yml';
/** The name Probot's config plugin takes (it prefixes `.github/`). */
export const CONFIG_FILE = 'faultline.yml';

export const LEVELS = ['debug', 'info', 'warning', 'error', 'fatal'] as const;
export type Level = (typeof LEVELS)[number];

const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected a Sentry slug such as "acme"');
const labelList = z.array(z.string().min(1).max(50));
const regex = z.string().refine(
  (source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);
const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((v) => [v].flat());

const ignoreRule = z
  .strictObject({
    /** Exact exception type, e.g. `ResizeObserverError`. */
    type: oneOrMany.optional(),
    /** Regular expression searched in the exception message. */
    message: regex.optional(),
    environment: oneOrMany.optional(),
    /** Regular expression searched in the culprit (`function(file)`). */
    culprit: regex.optional(),
    level: oneOrMany.optional(),
  })
  .refine((rule) => Object.values(rule).some((v) => v !== undefined), {
    message: 'an ignore rule needs at least one of type, message, environment, culprit, level',
  });

export const triageConfigSchema = z.strictObject({
  sentry: z.strictObject({
    org: slug,
    projects: z.array(slug).min(1, 'name at least one Sentry project slug'),
  }),
  /** Stack path prefix → repository path prefix, tried in order (like Sentry's code mappings). */
  paths: z.array(z.strictObject({ from: z.string(), to: z.string() })).default([]),
  /** Release name → commit SHA, for releases Sentry knows no commits of. */
  releases: z.record(z.string(), z.string().regex(/^[0-9a-fA-F]{7,40}$/, 'expected a commit SHA')).default({}),
  /** Which webhooks open issues: `issue.created`, `event_alert.triggered`, and (high volume) `error.created`. */
  // Loose: the alert rules as code (`issue`, `metric`, `prune`, `integration`) share the key; src/alerts validates them.
  alerts: z
    .looseObject({
      issues: z.boolean().default(true),
      eventAlerts: z.boolean().default(true),
      errors: z.boolean().default(false),
    })
    .prefault({}),
  minLevel: z.enum(LEVELS).default('warning'),
  labels: z
    .strictObject({
      always: labelList.default(['sentry']),
      level: z.record(z.string(), labelList).default({}),
      environment: z.record(z.string(), labelList).default({}),
      project: z.record(z.string(), labelList).default({}),
    })
    .prefault({}),
  ignore: z.array(ignoreRule).default([]),
  assign: z
    .strictObject({
      codeowners: z.boolean().default(true),
      /** GitHub logins assigned when CODEOWNERS names no user for the crashing file. */
      fallback: z.array(z.string().regex(/^@?[A-Za-z0-9-]+$/, 'expected a GitHub login')).default([]),
    })
    .prefault({}),
  limits: z
    .strictObject({
      /** New GitHub issues per hour in this repository; past it, one summary issue lists the rest. */
      newIssuesPerHour: z.number().int().min(1).max(1000).default(30),
    })
    .prefault({}),
  scrub: z
    .strictObject({
      /** Extra key names (case-insensitive substrings) whose values are removed. */
      keys: z.array(z.string().min(1)).default([]),
      /** Extra regular expressions whose matches are removed from every text. */
      patterns: z.array(regex).default([]),
    })
    .prefault({}),
  // Keys the sync handlers read and validate (app/sync/sync-config.ts).
  sync: z.unknown().optional(),
  people: z.unknown().optional(),
  regressions: z.unknown().optional(),
  metricAlerts: z.unknown().optional(),
});

export type TriageConfig = z.infer<typeof triageConfigSchema>;

/** JSON Schema of the file as users write it, for editors (`# yaml-language-server: $schema=…`). */
export function triageConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(triageConfigSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties: Record<string, Record<string, unknown>>;
  };
  for (const [key, description] of Object.entries(DESCRIPTIONS)) {
    if (schema.properties[key]) schema.properties[key] = { description, ...schema.properties[key] };
  }
  return { ...schema, title: 'faultline repository config (.github/faultline.yml)' };
}

const DESCRIPTIONS: Record<string, string> = {
  sentry:
    'The Sentry organization and projects whose alerts open issues in this repository (nothing else is accepted).',
  paths: 'Stack trace path prefix → repository path prefix, tried in order, like Sentry code mappings.',
  releases: 'Release name → commit SHA, for releases Sentry knows no commits of.',
  alerts: 'Which Sentry webhooks open issues: issue.created, event_alert.triggered, error.created (off by default).',
  minLevel: 'Alerts below this level open nothing.',
  labels: 'Labels for new issues: always, and by level, environment and project.',
  ignore:
    'Alerts matching every field of one rule open nothing (type, message regex, environment, culprit regex, level).',
  assign: 'Assign the CODEOWNERS users of the crashing file; fallback logins when it names none.',
  limits: 'At most this many new issues per hour; past it one summary issue lists the rest.',
  scrub: 'Extra key names and regular expressions removed from event data before it reaches GitHub.',
  sync: 'Read by the sync (status, assignees, comments).',
  people: 'Sentry e-mail or username → GitHub login, for the sync.',
  regressions: 'Regression comments on pull requests (sync).',
  metricAlerts: 'Metric alert rules whose incidents become issues here (sync).',
};
export type IgnoreRule = TriageConfig['ignore'][number];

export type ParsedConfig = { ok: true; config: TriageConfig } | { ok: false; problems: string[] };

/** Validates the parsed YAML; every problem names its key path and what is expected there. */
export function parseTriageConfig(raw: unknown): ParsedConfig {
  const parsed = triageConfigSchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map(describeIssue) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys')
    return `${path}: unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${path}: is required`;
  return `${path}: ${issue.message}`;
}
