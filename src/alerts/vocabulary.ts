/**
 * Sentry's rule vocabulary: the config's words translated into the bodies Sentry's issue alert and metric alert
 * APIs take. Ids and field names come from Sentry's rule registry and serializers (see README.md). Pure.
 */
import type { IssueAlertRuleBody, MetricAlertRuleBody, RuleNode } from '../sentry/alert-rule-types.ts';
import type { IssueRuleConfig, IssueTrigger, Level, Measure, MetricRuleConfig } from './config.ts';

export const CONDITION = {
  firstSeen: 'sentry.rules.conditions.first_seen_event.FirstSeenEventCondition',
  regression: 'sentry.rules.conditions.regression_event.RegressionEventCondition',
  reappeared: 'sentry.rules.conditions.reappeared_event.ReappearedEventCondition',
  eventFrequency: 'sentry.rules.conditions.event_frequency.EventFrequencyCondition',
  uniqueUserFrequency: 'sentry.rules.conditions.event_frequency.EventUniqueUserFrequencyCondition',
} as const;

export const FILTER = {
  level: 'sentry.rules.filters.level.LevelFilter',
  taggedEvent: 'sentry.rules.filters.tagged_event.TaggedEventFilter',
} as const;

export const ACTION = {
  email: 'sentry.mail.actions.NotifyEmailAction',
  /** An alertable integration without an alert-rule UI component, by its slug (`service`): faultline's case. */
  service: 'sentry.rules.actions.notify_event_service.NotifyEventServiceAction',
  /** An integration with an alert-rule UI component (needs `settings`). */
  sentryApp: 'sentry.rules.actions.notify_event_sentry_app.NotifyEventSentryAppAction',
} as const;

/** LevelFilter's `level` values (Python logging numbers, as strings). */
export const LEVEL_NUMBER: Record<Level, string> = {
  sample: '0',
  debug: '10',
  info: '20',
  warning: '30',
  error: '40',
  fatal: '50',
};

/** Suffix of every rule faultline manages; what is not marked was made by a person and is left alone. */
export const MANAGED_MARK = ' [faultline]';

export const managedName = (name: string): string => `${name}${MANAGED_MARK}`;

/** The config name of a rule faultline manages, or undefined for a rule made by hand. */
export function managedBaseName(sentryName: string): string | undefined {
  return sentryName.endsWith(MANAGED_MARK) ? sentryName.slice(0, -MANAGED_MARK.length) : undefined;
}

function conditionFor(trigger: IssueTrigger): RuleNode {
  switch (trigger.kind) {
    case 'new-issue':
      return { id: CONDITION.firstSeen };
    case 'regression':
      return { id: CONDITION.regression };
    case 'reappeared':
      return { id: CONDITION.reappeared };
    case 'events':
    case 'users':
      return {
        id: trigger.kind === 'events' ? CONDITION.eventFrequency : CONDITION.uniqueUserFrequency,
        value: trigger.count,
        interval: trigger.per,
        comparisonType: 'count',
      };
  }
}

function filtersFor(rule: IssueRuleConfig): RuleNode[] {
  const filters: RuleNode[] = [];
  if (rule.level) filters.push({ id: FILTER.level, match: rule.level.match, level: LEVEL_NUMBER[rule.level.level] });
  for (const [key, value] of Object.entries(rule.tags))
    filters.push({ id: FILTER.taggedEvent, key, match: 'eq', value });
  return filters;
}

/** The issue alert rule body for one project; `actions` come resolved from the organization's directory. */
export function issueRuleBody(rule: IssueRuleConfig, actions: RuleNode[]): IssueAlertRuleBody {
  return {
    name: managedName(rule.name),
    actionMatch: rule.match,
    filterMatch: 'all',
    frequency: rule.every,
    environment: rule.environment ?? null,
    conditions: rule.when.map(conditionFor),
    filters: filtersFor(rule),
    actions,
  };
}

interface MeasureQuery {
  aggregate: string;
  dataset: string;
  queryType: number;
  eventTypes?: string[];
}

/** Sentry's metric alert types (API reference "Create a Metric Alert Rule", Sentry's alert wizard). */
export function measureQuery(measure: Measure, dataset?: 'transactions' | 'generic_metrics'): MeasureQuery {
  const transactions = { dataset: dataset ?? 'transactions', queryType: 1, eventTypes: ['transaction'] };
  switch (measure) {
    case 'errors':
      return { aggregate: 'count()', dataset: 'events', queryType: 0, eventTypes: ['error'] };
    case 'users':
      return { aggregate: 'count_unique(user)', dataset: 'events', queryType: 0, eventTypes: ['error'] };
    case 'failure-rate':
      return { aggregate: 'failure_rate()', ...transactions };
    case 'crash-free-sessions':
      return {
        aggregate: 'percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate',
        dataset: 'metrics',
        queryType: 2,
      };
    case 'crash-free-users':
      return {
        aggregate: 'percentage(users_crashed, users) AS _crash_rate_alert_aggregate',
        dataset: 'metrics',
        queryType: 2,
      };
    default:
      return { aggregate: measure, ...transactions };
  }
}

/** The metric alert rule body for one project; the warning trigger notifies whom critical notifies. */
export function metricRuleBody(
  rule: MetricRuleConfig,
  project: string,
  actions: MetricAlertRuleBody['triggers'][number]['actions'],
): MetricAlertRuleBody {
  const triggers: MetricAlertRuleBody['triggers'] = [
    { label: 'critical', alertThreshold: rule.critical.value, actions },
  ];
  if (rule.warning) triggers.push({ label: 'warning', alertThreshold: rule.warning.value, actions });
  return {
    name: managedName(rule.name),
    ...measureQuery(rule.measure, rule.dataset),
    query: rule.query,
    timeWindow: rule.window,
    thresholdType: rule.critical.direction === 'above' ? 0 : 1,
    resolveThreshold: rule.critical.resolve ?? null,
    environment: rule.environment ?? null,
    projects: [project],
    triggers,
  };
}
