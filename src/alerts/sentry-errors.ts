/**
 * Sentry's validation errors mapped back to the config key that caused them: `{"triggers": [...]}` on a metric rule
 * is `alerts.metric[0].critical`, `{"frequency": [...]}` on an issue rule is `alerts.issue[1].every`. Pure.
 */
import { validationText } from '../sentry/errors.ts';
import type { PlannedRule } from './plan.ts';

const ISSUE_KEYS: Record<string, string> = {
  name: 'name',
  environment: 'environment',
  frequency: 'every',
  conditions: 'when',
  actionMatch: 'match',
  filters: 'level',
  filterMatch: 'level',
  actions: 'notify',
};

const METRIC_KEYS: Record<string, string> = {
  name: 'name',
  aggregate: 'measure',
  dataset: 'measure',
  queryType: 'measure',
  eventTypes: 'measure',
  query: 'query',
  timeWindow: 'window',
  environment: 'environment',
  projects: 'project',
  thresholdType: 'critical',
  resolveThreshold: 'critical.resolve',
};

/** The config key a message that names no field is about, read from Sentry's wording. */
function keyFromText(kind: PlannedRule['kind'], text: string): string | undefined {
  if (kind === 'issue') {
    if (/environment/i.test(text)) return 'environment';
    if (/action/i.test(text)) return 'notify';
    if (/condition|trigger/i.test(text)) return 'when';
    return undefined;
  }
  if (/warning/i.test(text)) return 'warning';
  if (/resol/i.test(text)) return 'critical.resolve';
  if (/critical|threshold|trigger/i.test(text)) return 'critical';
  if (/time window/i.test(text)) return 'window';
  if (/metric|aggregate|dataset/i.test(text)) return 'measure';
  if (/query/i.test(text)) return 'query';
  return undefined;
}

/** `triggers: [{}, {alertThreshold: [...]}]` is about the second trigger, which is the warning. */
function triggerKey(value: unknown): string {
  if (Array.isArray(value) && value.length > 1) {
    const second = value[1];
    const empty =
      !second ||
      (typeof second === 'object' && Object.keys(second as object).length === 0) ||
      (Array.isArray(second) && second.length === 0);
    if (!empty && typeof second === 'object') return 'warning';
  }
  return /warning/i.test(validationText(value)) ? 'warning' : 'critical';
}

function hasMessage(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (Array.isArray(value)) return value.some(hasMessage);
  return !!value && typeof value === 'object' && Object.values(value).some(hasMessage);
}

export interface MappedProblem {
  path: string;
  message: string;
}

/** Each field Sentry refused, at the key of `rule` in the config that produced it. */
export function mapSentryValidation(rule: PlannedRule, fields: Record<string, unknown>): MappedProblem[] {
  const root = rule.path ?? `${rule.kind} rule "${rule.name}"`;
  const keys = rule.kind === 'issue' ? ISSUE_KEYS : METRIC_KEYS;
  // Fields without a message are context (a duplicate's `ruleId`), not a refusal.
  const refused = Object.entries(fields).filter(([, value]) => hasMessage(value));
  return refused.map(([field, value]) => {
    const text = validationText(value) || 'refused';
    let key: string | undefined;
    if (rule.kind === 'metric' && field === 'triggers') key = triggerKey(value);
    else key = keys[field] ?? keyFromText(rule.kind, text);
    return {
      path: key ? `${root}.${key}` : root,
      message: `Sentry refused ${field === 'nonFieldErrors' || field === 'non_field_errors' ? 'the rule' : field}: ${text}`,
    };
  });
}

/** Sentry refused a rule; `problems` name the config keys. */
export class AlertsApplyError extends Error {
  override name = 'AlertsApplyError';
  readonly problems: MappedProblem[];
  readonly rule: PlannedRule;

  constructor(rule: PlannedRule, problems: MappedProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.rule = rule;
    this.problems = problems;
  }
}
