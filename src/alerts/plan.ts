/**
 * The plan: the rules the config wants, matched with the rules Sentry holds by a key faultline owns (kind, project
 * and the name with faultline's marker), as create / update (with the fields that differ) / unchanged / delete.
 * A rule without the marker was made by a person: it is never touched unless a config rule adopts it by name.
 * Pure: data in, data out.
 */
import type {
  IssueAlertRule,
  IssueAlertRuleBody,
  MetricAlertAction,
  MetricAlertRule,
  MetricAlertRuleBody,
  RuleNode,
} from '../sentry/alert-rule-types.ts';
import type { AlertsConfig } from './config.ts';
import { AlertsPlanError, type NotifyDirectory, type PlanProblem, resolveActions } from './targets.ts';
import { issueRuleBody, managedBaseName, metricRuleBody } from './vocabulary.ts';

export type RuleKind = 'issue' | 'metric';

interface DesiredBase {
  project: string;
  /** The name as written in the config (Sentry's name adds the marker). */
  name: string;
  /** The config key of the rule, e.g. `alerts.metric[0]`. */
  path: string;
  /** The name of a hand-made rule to take over. */
  adopt?: string;
}

export type DesiredRule =
  | (DesiredBase & { kind: 'issue'; body: IssueAlertRuleBody })
  | (DesiredBase & { kind: 'metric'; body: MetricAlertRuleBody });

/** What Sentry holds: issue rules per project, metric rules of the organization. */
export interface CurrentRules {
  issue: Array<IssueAlertRule & { project: string }>;
  metric: MetricAlertRule[];
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export type PlanAction = 'create' | 'update' | 'delete' | 'unchanged' | 'keep';

export interface PlannedRule {
  action: PlanAction;
  kind: RuleKind;
  project: string;
  name: string;
  /** Config key (absent for a rule that left the config). */
  path?: string;
  /** Sentry's id, for update, delete, unchanged and keep. */
  id?: string;
  /** For update: the fields that differ. */
  changes: FieldChange[];
  /** For create and update: the body to send. */
  body?: IssueAlertRuleBody | MetricAlertRuleBody;
  /** For an adopted rule: the hand-made name it had. */
  adoptedFrom?: string;
}

export interface AlertsPlan {
  org: string;
  rules: PlannedRule[];
  counts: Record<PlanAction, number>;
}

/** The rules the config wants, one per project, with every notify entry resolved; throws AlertsPlanError. */
export function desiredRules(config: AlertsConfig, dir: NotifyDirectory): DesiredRule[] {
  const problems: PlanProblem[] = [];
  const rules: DesiredRule[] = [];
  const slug = config.integration;
  for (const rule of config.issue) {
    const actions = resolveActions<RuleNode>('issue', rule.notify, rule.path, dir, problems, slug);
    for (const project of rule.projects) {
      rules.push({ kind: 'issue', ...base(rule, project), body: issueRuleBody(rule, actions) });
    }
  }
  for (const rule of config.metric) {
    const actions = resolveActions<MetricAlertAction>('metric', rule.notify, rule.path, dir, problems, slug);
    for (const project of rule.projects) {
      rules.push({ kind: 'metric', ...base(rule, project), body: metricRuleBody(rule, project, actions) });
    }
  }
  if (problems.length) throw new AlertsPlanError(dedupe(problems));
  return rules;
}

function base(rule: { name: string; path: string; adopt?: string }, project: string): DesiredBase {
  return { project, name: rule.name, path: rule.path, ...(rule.adopt === undefined ? {} : { adopt: rule.adopt }) };
}

function dedupe(problems: PlanProblem[]): PlanProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(`${p.path}\u0000${p.message}`) && !!seen.add(`${p.path}\u0000${p.message}`));
}

interface HeldRule {
  kind: RuleKind;
  project: string;
  id: string;
  name: string;
  rule: IssueAlertRule | MetricAlertRule;
}

function held(current: CurrentRules): HeldRule[] {
  return [
    ...current.issue.map((rule) => ({
      kind: 'issue' as const,
      project: rule.project,
      id: String(rule.id),
      name: rule.name,
      rule,
    })),
    ...current.metric.map((rule) => ({
      kind: 'metric' as const,
      project: String(rule.projects?.[0] ?? ''),
      id: String(rule.id),
      name: rule.name,
      rule,
    })),
  ];
}

const keyOf = (kind: RuleKind, project: string, name: string) => `${kind}\u0000${project}\u0000${name.toLowerCase()}`;

/** Matches desired and held rules and says what to do with each. `prune` deletes managed rules left out. */
export function planAlerts(
  org: string,
  desired: DesiredRule[],
  current: CurrentRules,
  opts: { prune: boolean },
): AlertsPlan {
  const rules = held(current);
  const managed = new Map<string, HeldRule>();
  for (const r of rules) {
    const name = managedBaseName(r.name);
    if (name !== undefined) managed.set(keyOf(r.kind, r.project, name), r);
  }
  const claimed = new Set<HeldRule>();
  const planned: PlannedRule[] = desired.map((want) => {
    const mine = managed.get(keyOf(want.kind, want.project, want.name));
    const adopted =
      mine === undefined && want.adopt !== undefined
        ? rules.find(
            (r) =>
              r.kind === want.kind &&
              r.project === want.project &&
              managedBaseName(r.name) === undefined &&
              r.name.toLowerCase() === want.adopt!.toLowerCase() &&
              !claimed.has(r),
          )
        : undefined;
    const match = mine ?? adopted;
    const common = { kind: want.kind, project: want.project, name: want.name, path: want.path, body: want.body };
    if (!match) return { action: 'create', ...common, changes: [] };
    claimed.add(match);
    const changes = diffRule(want, match.rule);
    return {
      action: changes.length ? 'update' : 'unchanged',
      ...common,
      id: match.id,
      changes,
      ...(adopted ? { adoptedFrom: adopted.name } : {}),
    };
  });
  for (const [, r] of managed) {
    if (claimed.has(r)) continue;
    planned.push({
      action: opts.prune ? 'delete' : 'keep',
      kind: r.kind,
      project: r.project,
      name: managedBaseName(r.name) ?? r.name,
      id: r.id,
      changes: [],
    });
  }
  const counts: Record<PlanAction, number> = { create: 0, update: 0, delete: 0, unchanged: 0, keep: 0 };
  for (const p of planned) counts[p.action]++;
  return { org, rules: planned, counts };
}

/** True when applying the plan would change something in Sentry. */
export function hasChanges(plan: AlertsPlan): boolean {
  return plan.counts.create + plan.counts.update + plan.counts.delete > 0;
}

const ISSUE_FIELDS = [
  'name',
  'actionMatch',
  'filterMatch',
  'frequency',
  'environment',
  'conditions',
  'filters',
  'actions',
] as const;
const METRIC_FIELDS = [
  'name',
  'aggregate',
  'dataset',
  'queryType',
  'eventTypes',
  'query',
  'timeWindow',
  'thresholdType',
  'resolveThreshold',
  'environment',
  'projects',
] as const;

/** The fields faultline sets that differ between the wanted body and the rule Sentry holds. */
export function diffRule(want: DesiredRule, have: IssueAlertRule | MetricAlertRule): FieldChange[] {
  const changes: FieldChange[] = [];
  const compare = (field: string, after: unknown, before: unknown) => {
    if (!sameValue(after, before)) changes.push({ field, before: before ?? null, after: after ?? null });
  };
  if (want.kind === 'issue') {
    const h = have as IssueAlertRule;
    for (const f of ISSUE_FIELDS) compare(f, want.body[f], h[f]);
    return changes;
  }
  const h = have as MetricAlertRule;
  for (const f of METRIC_FIELDS) {
    // A server that leaves out an optional field we send is not a difference worth an update.
    if (want.body[f] === undefined || (f === 'queryType' && h[f] === undefined)) continue;
    compare(f, want.body[f], h[f]);
  }
  for (const label of ['critical', 'warning'] as const) {
    const w = want.body.triggers.find((t) => t.label === label);
    const c = (h.triggers ?? []).find((t) => t.label === label);
    if (!w || !c) {
      if (w || c) compare(label, w ? w.alertThreshold : undefined, c ? c.alertThreshold : undefined);
      continue;
    }
    compare(`${label}.alertThreshold`, w.alertThreshold, c.alertThreshold);
    compare(`${label}.actions`, w.actions, c.actions);
  }
  return changes;
}

/**
 * Equality as Sentry round-trips values: ids may come back as strings, null and absent mean the same, and a node
 * may carry fields Sentry adds (a label, a `name`): only the fields faultline sends are compared.
 */
export function sameValue(want: unknown, have: unknown): boolean {
  if (want === undefined || want === null || want === '') return have === undefined || have === null || have === '';
  if (Array.isArray(want)) {
    return Array.isArray(have) && have.length === want.length && want.every((w, i) => sameValue(w, have[i]));
  }
  if (typeof want === 'object') {
    if (!have || typeof have !== 'object' || Array.isArray(have)) return false;
    return Object.entries(want).every(([k, w]) => sameValue(w, (have as Record<string, unknown>)[k]));
  }
  if (typeof want === 'number' || typeof have === 'number') return Number(want) === Number(have);
  return want === have;
}
