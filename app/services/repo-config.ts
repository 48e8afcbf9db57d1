// A repository's `.github/faultline.yml`: one schema in sections, read by triage, the sync, the doctor, the README's
// reference (docs/config-reference.ts) and the JSON schema for editors (faultline.schema.json). Pure: parsing and
// validation only; reading and caching the file is repo-configs.ts.
import { alertsSectionSchema } from '../../src/alerts/config.ts';
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

/** Who this repository takes alerts from, and how stack paths and secrets are treated: read by triage and the sync. */
const sharedSections = {
  sentry: z.strictObject({
    org: slug,
    projects: z.array(slug).min(1, 'name at least one Sentry project slug'),
  }),
  /** Stack path prefix → repository path prefix, tried in order (like Sentry's code mappings). */
  paths: z.array(z.strictObject({ from: z.string(), to: z.string() })).default([]),
  scrub: z
    .strictObject({
      /** Extra key names (case-insensitive substrings) whose values are removed. */
      keys: z.array(z.string().min(1)).default([]),
      /** Extra regular expressions whose matches are removed from every text. */
      patterns: z.array(regex).default([]),
    })
    .prefault({}),
};

/** What opens an issue, and how it looks: read by triage. */
const triageSections = {
  /** Release name → commit SHA, for releases Sentry knows no commits of. */
  releases: z.record(z.string(), z.string().regex(/^[0-9a-fA-F]{7,40}$/, 'expected a commit SHA')).default({}),
  /**
   * Which webhooks open issues (`issue.created`, `event_alert.triggered`, and, high volume, `error.created`), and the
   * alert rules as code (`issue`, `metric`, `prune`: planned and applied by src/alerts).
   */
  alerts: alertsSectionSchema
    .extend({
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
};

const ruleRef = z.union([z.string().min(1), z.number().int()]);

/** The two-way mirror, regressions and metric alert incidents: read by the sync. Unknown keys inside are ignored. */
const syncSections = {
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
};

/** The whole file; unknown top-level keys are errors (a typo such as `path:` is reported, not silently ignored). */
export const repoConfigSchema = z.strictObject({
  sentry: sharedSections.sentry,
  paths: sharedSections.paths,
  ...triageSections,
  scrub: sharedSections.scrub,
  ...syncSections,
});

export type RepoConfig = z.infer<typeof repoConfigSchema>;
export type IgnoreRule = RepoConfig['ignore'][number];

export type ParsedRepoConfig = { ok: true; config: RepoConfig } | { ok: false; problems: string[] };

/** Validates the parsed YAML; every problem names its key path and what is expected there. */
export function parseRepoConfig(raw: unknown): ParsedRepoConfig {
  const parsed = repoConfigSchema.safeParse(raw ?? {});
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: describeProblems(parsed.error) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys')
    return `${path}: unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${path}: is required`;
  return `${path}: ${issue.message}`;
}

/**
 * The sections the sync reads, checked on their own (app/sync/sync-config.ts turns them into its settings): the sync
 * keeps mirroring linked issues while a problem elsewhere in the file, reported in the repository by triage, is fixed.
 */
export const syncSectionsSchema = z.looseObject({
  sentry: sharedSections.sentry.partial().optional(),
  paths: sharedSections.paths,
  scrub: sharedSections.scrub,
  ...syncSections,
});

/** Each problem of a failed parse, with its key path. */
export const describeProblems = (error: z.ZodError): string[] => error.issues.map(describeIssue);

/** JSON Schema of the file as users write it, for editors (`# yaml-language-server: $schema=…`). */
export function repoConfigJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(repoConfigSchema, { io: 'input', unrepresentable: 'any' }) as {
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
  alerts:
    'Which Sentry webhooks open issues (issue.created, event_alert.triggered, error.created), and the alert rules as code.',
  minLevel: 'Alerts below this level open nothing.',
  labels: 'Labels for new issues: always, and by level, environment and project.',
  ignore:
    'Alerts matching every field of one rule open nothing (type, message regex, environment, culprit regex, level).',
  assign: 'Assign the CODEOWNERS users of the crashing file; fallback logins when it names none.',
  limits: 'At most this many new issues per hour; past it one summary issue lists the rest.',
  scrub: 'Extra key names and regular expressions removed from event data before it reaches GitHub.',
  sync: 'Mirror status, assignees and comments between the GitHub issue and the Sentry issue.',
  people: 'Sentry e-mail or username → GitHub login, for the sync.',
  regressions: 'Regression comments on pull requests.',
  metricAlerts: 'Metric alert rules whose incidents become issues here.',
};
