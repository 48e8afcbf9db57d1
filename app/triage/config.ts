// The triage part of a repository's `.github/faultline.yml` (read with Probot's config conventions: the repo's file,
// else the owner's `.github` repository, `_extends` honoured). Pure: parsing and validation only.
import { z } from 'zod';

export const CONFIG_PATH = '.github/faultline.yml';
/** The name Probot's config plugin takes (it prefixes `.github/`). */
export const CONFIG_FILE = 'faultline.yml';

export const LEVELS = ['debug', 'info', 'warning', 'error', 'fatal'] as const;
export type Level = (typeof LEVELS)[number];

const slug = z.string().regex(/^[a-z0-9][a-z0-9_.-]*$/i, 'expected a Sentry slug such as "acme"');
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
  releases: z.record(z.string(), z.string().regex(/^[0-9a-f]{7,40}$/i, 'expected a commit SHA')).default({}),
  /** Which webhooks open issues: `issue.created`, `event_alert.triggered`, and (high volume) `error.created`. */
  alerts: z
    .strictObject({
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
      fallback: z.array(z.string().regex(/^@?[a-z0-9-]+$/i, 'expected a GitHub login')).default([]),
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
