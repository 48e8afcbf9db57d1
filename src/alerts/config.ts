/**
 * The alert rules section of `.github/faultline.yml`: `sentry: {org, projects}` and
 * `alerts: {issue: [...], metric: [...], prune?, integration?}`, in the words teams already use. A rule Sentry would
 * refuse is refused here first, with its key path and the fix. Pure: parsing and validation only.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import {
  ACTION_INTERVAL_MINUTES,
  CRASH_RATE_WINDOWS,
  durationMinutes,
  FREQUENCY_INTERVALS,
  type FrequencyInterval,
  formatMinutes,
  METRIC_WINDOWS,
} from './durations.ts';

export const LEVELS = ['sample', 'debug', 'info', 'warning', 'error', 'fatal'] as const;
export type Level = (typeof LEVELS)[number];

export type IssueTrigger =
  | { kind: 'new-issue' }
  | { kind: 'regression' }
  | { kind: 'reappeared' }
  | { kind: 'events' | 'users'; count: number; per: FrequencyInterval };

export type NotifyTarget =
  | { kind: 'faultline' }
  | { kind: 'email-owners' }
  | { kind: 'email-team'; team: string }
  | { kind: 'email-member'; member: string }
  | { kind: 'integration'; name: string };

export const MEASURES = [
  'errors',
  'users',
  'failure-rate',
  'p50(transaction.duration)',
  'p75(transaction.duration)',
  'p90(transaction.duration)',
  'p95(transaction.duration)',
  'p99(transaction.duration)',
  'crash-free-sessions',
  'crash-free-users',
] as const;
export type Measure = (typeof MEASURES)[number];

export interface Threshold {
  direction: 'above' | 'below';
  value: number;
  /** The value at which the incident resolves (Sentry keeps one per rule, so only critical has it). */
  resolve?: number;
}

export interface IssueRuleConfig {
  name: string;
  /** Where the rule sits in the file, e.g. `alerts.issue[2]`: errors name it. */
  path: string;
  when: IssueTrigger[];
  /** Whether any or all of `when` must hold (Sentry's actionMatch). */
  match: 'any' | 'all';
  environment?: string;
  level?: { match: 'eq' | 'gte' | 'lte'; level: Level };
  tags: Record<string, string>;
  notify: NotifyTarget[];
  /** Minutes between two notifications for one issue (Sentry's frequency). */
  every: number;
  projects: string[];
  /** The name of a hand-made rule this one takes over. */
  adopt?: string;
}

export interface MetricRuleConfig {
  name: string;
  path: string;
  projects: string[];
  measure: Measure;
  /** Minutes. */
  window: number;
  environment?: string;
  query: string;
  critical: Threshold;
  warning?: Threshold;
  notify: NotifyTarget[];
  /** For the transaction measures: `transactions` (self-hosted) or `generic_metrics` (sentry.io). */
  dataset?: 'transactions' | 'generic_metrics';
  adopt?: string;
}

export interface AlertsConfig {
  org: string;
  projects: string[];
  /** The faultline integration's app slug, when the organization has several candidates. */
  integration?: string;
  /** Delete managed rules that left the config. */
  prune: boolean;
  issue: IssueRuleConfig[];
  metric: MetricRuleConfig[];
}

/** Sentry keeps issue rule names to 64 characters; the managed marker takes the rest. */
export const MAX_RULE_NAME = 52;

type Ctx = z.core.$RefinementCtx;
const fail = (ctx: Ctx, message: string, path: PropertyKey[] = []) => {
  ctx.addIssue({ code: 'custom', message, path });
  return z.NEVER;
};

const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected a Sentry slug such as "web"');
const projectList = z
  .array(slug, { error: 'a list of project slugs, e.g. projects: [web]' })
  .min(1, 'name at least one project slug, e.g. [web]');
const ruleName = z
  .string({ error: 'every rule needs a name, e.g. name: Error burst' })
  .trim()
  .min(1, 'every rule needs a name, e.g. name: Error burst')
  .max(MAX_RULE_NAME, `keep the name to ${MAX_RULE_NAME} characters (Sentry allows 64, faultline adds a marker)`);
const adopt = z.union([z.literal(true), z.string().trim().min(1)], {
  error: 'adopt takes true (the hand-made rule of the same name) or the name of the hand-made rule',
});

const triggerWords = 'new-issue, regression, reappeared, {events: N, per: 5m} or {users: N, per: 1h}';

function parseTrigger(value: unknown, ctx: Ctx, at: number): IssueTrigger {
  if (value === 'new-issue' || value === 'regression' || value === 'reappeared') return { kind: value };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entry = value as Record<string, unknown>;
    const kind = 'events' in entry ? 'events' : 'users' in entry ? 'users' : undefined;
    const extra = Object.keys(entry).filter((k) => k !== kind && k !== 'per');
    if (kind && extra.length === 0) {
      const count = entry[kind];
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
        return fail(ctx, `${kind} must be a whole number of at least 1, e.g. {${kind}: 10, per: 5m}`, [at, kind]);
      }
      const per = String(entry.per ?? '');
      if (!(FREQUENCY_INTERVALS as readonly string[]).includes(per)) {
        return fail(
          ctx,
          `per ${JSON.stringify(entry.per ?? null)} is not an interval Sentry accepts: use one of ${FREQUENCY_INTERVALS.join(', ')}`,
          [at, 'per'],
        );
      }
      return { kind, count, per: per as FrequencyInterval };
    }
  }
  return fail(ctx, `unknown trigger ${JSON.stringify(value)}: use ${triggerWords}`, [at]);
}

const when = z
  .array(z.unknown(), { error: `when is a list: [new-issue] or [{events: 10, per: 5m}]` })
  .min(1, `say when the rule fires: ${triggerWords}`)
  .transform((items, ctx) => items.map((item, i) => parseTrigger(item, ctx, i)));

const levelOrder = z.string().transform((text, ctx): { match: 'eq' | 'gte' | 'lte'; level: Level } => {
  const match = /^\s*(>=|<=|=)?\s*([a-z]+)\s*$/.exec(text);
  const level = match?.[2] as Level | undefined;
  if (!match || !level || !LEVELS.includes(level)) {
    return fail(
      ctx,
      `level ${JSON.stringify(text)} is not a level: use error, ">=warning" or "<=info" (levels: ${LEVELS.join(', ')})`,
    );
  }
  return { match: match[1] === '>=' ? 'gte' : match[1] === '<=' ? 'lte' : 'eq', level };
});

function parseNotify(value: string, ctx: Ctx, at: number): NotifyTarget {
  const text = value.trim();
  if (text === 'faultline') return { kind: 'faultline' };
  if (text === 'email:owners') return { kind: 'email-owners' };
  const team = /^email:team:(.+)$/.exec(text)?.[1]?.trim().replace(/^#/, '');
  if (team) return { kind: 'email-team', team };
  const member = /^email:member:(.+)$/.exec(text)?.[1]?.trim();
  if (member) return { kind: 'email-member', member };
  if (text.startsWith('email')) {
    return fail(
      ctx,
      `"${text}" is not an e-mail target: use email:owners, email:team:<slug> or email:member:<e-mail or id>`,
      [at],
    );
  }
  if (!text) return fail(ctx, 'an empty notify entry: name faultline, an e-mail target or an integration', [at]);
  return { kind: 'integration', name: text };
}

const notify = z
  .array(z.string(), { error: 'notify is a list, e.g. [faultline, email:owners]' })
  .min(1, 'say who is notified, e.g. notify: [faultline]')
  .transform((items, ctx) => items.map((item, i) => parseNotify(item, ctx, i)));

const actionInterval = z.string().transform((text, ctx) => {
  const minutes = durationMinutes(text);
  const { min, max } = ACTION_INTERVAL_MINUTES;
  if (minutes === undefined || minutes < min || minutes > max) {
    return fail(ctx, `every ${JSON.stringify(text)}: Sentry takes an action interval from 5m to 30d, e.g. every: 30m`);
  }
  return minutes;
});

const tags = z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()]).transform(String), {
  error: 'tags is a map of tag to value, e.g. tags: {browser: Chrome}',
});

const issueRule = z.strictObject({
  name: ruleName,
  when,
  match: z.enum(['any', 'all'], { error: 'match is any (the default) or all' }).default('any'),
  environment: z.string().trim().min(1).max(64).optional(),
  level: levelOrder.optional(),
  tags: tags.default({}),
  notify,
  every: actionInterval.prefault('30m'),
  projects: projectList.optional(),
  adopt: adopt.optional(),
});

const threshold = z
  .strictObject({
    above: z.number().optional(),
    below: z.number().optional(),
    resolve: z.number().optional(),
  })
  .transform((t, ctx): Threshold => {
    if ((t.above === undefined) === (t.below === undefined)) {
      return fail(ctx, 'give exactly one of above or below, e.g. {above: 100}');
    }
    const direction = t.above === undefined ? 'below' : 'above';
    return { direction, value: (t.above ?? t.below)!, ...(t.resolve === undefined ? {} : { resolve: t.resolve }) };
  });

const rawMetricRule = z.strictObject({
  name: ruleName,
  project: slug.optional(),
  projects: projectList.optional(),
  measure: z.enum(MEASURES, {
    error: `unknown measure: use one of ${MEASURES.join(', ')}`,
  }),
  window: z.string({ error: 'say the window, e.g. window: 5m' }),
  environment: z.string().trim().min(1).max(64).optional(),
  query: z.string().default(''),
  critical: threshold,
  warning: threshold.optional(),
  notify,
  dataset: z.enum(['transactions', 'generic_metrics']).optional(),
  adopt: adopt.optional(),
});
const metricRule = rawMetricRule.transform(checkMetricRule);

/**
 * The `alerts` key. The app's triage switches (`issues`, `eventAlerts`, `errors`) share it and are left to the
 * app's schema.
 */
export const alertsSectionSchema = z.strictObject({
  issue: z.array(issueRule).default([]),
  metric: z.array(metricRule).default([]),
  prune: z.boolean().default(false),
  integration: slug.optional(),
  issues: z.boolean().optional(),
  eventAlerts: z.boolean().optional(),
  errors: z.boolean().optional(),
});

/** The parts of `.github/faultline.yml` alert rules read; every other key belongs to another section. */
export const alertsConfigSchema = z
  .looseObject({
    sentry: z.looseObject(
      { org: slug, projects: projectList },
      { error: 'add sentry: {org: <slug>, projects: [<slug>]}' },
    ),
    alerts: alertsSectionSchema.prefault({}),
  })
  .transform((raw, ctx): AlertsConfig => {
    const projects = raw.sentry.projects;
    const issue = raw.alerts.issue.map((r, i): IssueRuleConfig => ({
      name: r.name,
      path: `alerts.issue[${i}]`,
      when: r.when,
      match: r.match,
      ...(r.environment === undefined ? {} : { environment: r.environment }),
      ...(r.level === undefined ? {} : { level: r.level }),
      tags: r.tags,
      notify: r.notify,
      every: r.every,
      projects: r.projects ?? projects,
      ...(r.adopt === undefined ? {} : { adopt: r.adopt === true ? r.name : r.adopt }),
    }));
    const metric = raw.alerts.metric.map((r, i): MetricRuleConfig => ({
      ...r,
      path: `alerts.metric[${i}]`,
      projects: r.projects ?? projects,
    }));
    checkUniqueNames(issue, 'issue', ctx);
    checkUniqueNames(metric, 'metric', ctx);
    return {
      org: raw.sentry.org,
      projects,
      ...(raw.alerts.integration === undefined ? {} : { integration: raw.alerts.integration }),
      prune: raw.alerts.prune,
      issue,
      metric,
    };
  });

type RawMetricRule = z.output<typeof rawMetricRule>;
type CheckedMetricRule = Omit<MetricRuleConfig, 'path' | 'projects'> & { projects?: string[] };

function checkMetricRule(r: RawMetricRule, ctx: Ctx): CheckedMetricRule {
  if (r.project !== undefined && r.projects !== undefined)
    fail(ctx, 'give project or projects, not both', ['projects']);
  const window = durationMinutes(r.window);
  const allowed: readonly number[] = r.measure.startsWith('crash-free') ? CRASH_RATE_WINDOWS : METRIC_WINDOWS;
  if (window === undefined || !allowed.includes(window)) {
    fail(
      ctx,
      `window ${JSON.stringify(r.window)} is not one Sentry accepts for ${r.measure}: use ${allowed.map(formatMinutes).join(', ')}`,
      ['window'],
    );
  }
  checkThresholds(r, ctx);
  if (r.notify.some((t) => t.kind === 'email-owners')) {
    fail(ctx, 'metric alerts have no issue owners: use email:team:<slug> or email:member:<e-mail>', ['notify']);
  }
  if (r.dataset !== undefined && !/transaction|failure/.test(r.measure)) {
    fail(ctx, `dataset applies only to failure-rate and p50..p99(transaction.duration), not ${r.measure}`, ['dataset']);
  }
  const projects = r.projects ?? (r.project === undefined ? undefined : [r.project]);
  return {
    name: r.name,
    ...(projects === undefined ? {} : { projects }),
    measure: r.measure,
    window: window ?? 0,
    ...(r.environment === undefined ? {} : { environment: r.environment }),
    query: r.query,
    critical: r.critical,
    ...(r.warning === undefined ? {} : { warning: r.warning }),
    notify: r.notify,
    ...(r.dataset === undefined ? {} : { dataset: r.dataset }),
    ...(r.adopt === undefined ? {} : { adopt: r.adopt === true ? r.name : r.adopt }),
  };
}

/**
 * Sentry's AlertRuleSerializer checks: one direction for the rule, warning not beyond critical, and the
 * resolve threshold on the resolving side of each alert threshold. Crash-free rates are percentages.
 */
function checkThresholds(r: RawMetricRule, ctx: Ctx): void {
  const { critical, warning } = r;
  if (warning?.resolve !== undefined) {
    fail(ctx, 'Sentry keeps one resolve threshold per rule: move resolve to critical', ['warning', 'resolve']);
  }
  if (r.measure.startsWith('crash-free')) {
    for (const [key, t] of [['critical', critical] as const, ['warning', warning] as const]) {
      if (t && (t.value < 0 || t.value > 100)) {
        fail(ctx, `${r.measure} is a percentage: give a value from 0 to 100, e.g. {below: 99.5}`, [key]);
      }
    }
  }
  if (warning && warning.direction !== critical.direction) {
    fail(ctx, `warning must be ${critical.direction} like critical: Sentry keeps one direction per rule`, ['warning']);
  } else if (
    warning &&
    (critical.direction === 'above' ? critical.value < warning.value : critical.value > warning.value)
  ) {
    fail(
      ctx,
      `warning ${warning.direction} ${warning.value} is beyond critical ${critical.value}: a warning fires first, so ` +
        `make it ${critical.direction === 'above' ? 'lower' : 'higher'} than critical`,
      ['warning'],
    );
  }
  const resolve = critical.resolve;
  if (resolve === undefined) return;
  for (const [key, t] of [['critical', critical] as const, ['warning', warning] as const]) {
    if (t && resolvesOnWrongSide(critical.direction, t.value, resolve)) {
      fail(
        ctx,
        `resolve ${resolve} must be ${critical.direction === 'above' ? 'below' : 'above'} the ${key} threshold ${t.value}`,
        ['critical', 'resolve'],
      );
    }
  }
}

/** Sentry's comparison: thresholds are strict (> and <), so whole numbers may meet one apart. */
function resolvesOnWrongSide(direction: 'above' | 'below', alert: number, resolve: number): boolean {
  const whole = Number.isInteger(alert) && Number.isInteger(resolve);
  if (direction === 'above') return alert + (whole ? 1 : 0) <= resolve + (whole ? -1 : 0);
  return alert + (whole ? -1 : 0) >= resolve + (whole ? 1 : 0);
}

function checkUniqueNames(rules: Array<{ name: string; projects: string[] }>, kind: string, ctx: Ctx): void {
  const seen = new Map<string, number>();
  rules.forEach((rule, i) => {
    for (const project of rule.projects) {
      const key = `${project}\u0000${rule.name.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined && first !== i) {
        fail(
          ctx,
          `two ${kind} rules named "${rule.name}" in project ${project} (also alerts.${kind}[${first}]): rename one`,
          ['alerts', kind, i, 'name'],
        );
      }
      seen.set(key, i);
    }
  });
}

/** One problem of a config: its key path (`alerts.metric[0].warning`) and what to do. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** The config cannot be used; `problems` lists each key at fault with the fix. */
export class AlertsConfigError extends Error {
  override name = 'AlertsConfigError';
  readonly problems: ConfigProblem[];

  constructor(problems: ConfigProblem[], source = '.github/faultline.yml') {
    super(
      `${source} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

/** `alerts.issue[0].when[1]` from zod's path segments. */
export function keyPath(segments: readonly PropertyKey[]): string {
  return segments.reduce<string>(
    (out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${String(s)}` : String(s)),
    '',
  );
}

/** Parses the YAML text (or an already parsed object) of `.github/faultline.yml`; throws AlertsConfigError. */
export function parseAlertsConfig(input: string | unknown, source?: string): AlertsConfig {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = parseYaml(input);
    } catch (error) {
      throw new AlertsConfigError([{ path: '(file)', message: `not valid YAML: ${(error as Error).message}` }], source);
    }
  }
  const result = alertsConfigSchema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new AlertsConfigError(
    result.error.issues.map((issue) => ({ path: keyPath(issue.path) || '(file)', message: issue.message })),
    source,
  );
}
