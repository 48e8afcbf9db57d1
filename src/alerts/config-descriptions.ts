/**
 * Descriptions of the alert rule keys for the generated `.github/faultline.yml` reference (docs/config-reference.ts
 * spreads them into its table once the section is mounted). The app's triage switches under `alerts` are described
 * there.
 */
export const ALERTS_CONFIG_DESCRIPTIONS: Record<string, string> = {
  'alerts.issue': 'Issue alert rules; each applies to every project in `sentry.projects` unless it names `projects`.',
  'alerts.issue[].name': 'Rule name in Sentry (faultline adds ` [faultline]` to the rules it manages).',
  'alerts.issue[].when':
    'Triggers: `new-issue`, `regression`, `reappeared`, `{events: N, per: 5m}`, `{users: N, per: 1h}` (per: 1m, 5m, 15m, 1h, 1d, 1w, 30d).',
  'alerts.issue[].match': 'Whether `any` or `all` of `when` must hold.',
  'alerts.issue[].environment': 'Only events of this environment.',
  'alerts.issue[].level': 'Only events of this level: `error`, `">=warning"`, `"<=info"`.',
  'alerts.issue[].tags': 'Only events with these tag values, e.g. `{browser: Chrome}`.',
  'alerts.issue[].notify':
    '`faultline`, `email:owners`, `email:team:<slug>`, `email:member:<e-mail or id>`, or an installed integration by its slug.',
  'alerts.issue[].every': 'Action interval: at most one notification per issue this often (5m to 30d).',
  'alerts.issue[].projects': 'Projects this rule is for, instead of `sentry.projects`.',
  'alerts.issue[].adopt': 'Take over a rule made by hand: `true` (same name) or its name.',
  'alerts.metric': 'Metric alert rules, one per project.',
  'alerts.metric[].name': 'Rule name in Sentry (faultline adds ` [faultline]`).',
  'alerts.metric[].project': 'The project, instead of `sentry.projects`.',
  'alerts.metric[].projects': 'Projects (one rule each), instead of `sentry.projects`.',
  'alerts.metric[].measure':
    '`errors`, `users`, `failure-rate`, `p50`..`p99(transaction.duration)`, `crash-free-sessions`, `crash-free-users`.',
  'alerts.metric[].window':
    'Time window: 1m, 5m, 10m, 15m, 30m, 1h, 2h, 4h, 1d (crash-free rates: 30m, 1h, 2h, 4h, 12h, 1d).',
  'alerts.metric[].environment': 'Only this environment.',
  'alerts.metric[].query': 'Sentry search query that narrows the events, e.g. `transaction:/checkout`.',
  'alerts.metric[].critical.above': 'Critical when the measure is above this.',
  'alerts.metric[].critical.below': 'Critical when the measure is below this.',
  'alerts.metric[].critical.resolve': 'The incident resolves past this value (one per rule).',
  'alerts.metric[].warning.above': 'Warning when the measure is above this (below critical).',
  'alerts.metric[].warning.below': 'Warning when the measure is below this (above critical).',
  'alerts.metric[].warning.resolve': 'Refused: Sentry keeps one resolve threshold per rule; use `critical.resolve`.',
  'alerts.metric[].notify': 'As for issue rules, without `email:owners`; the warning notifies whom critical notifies.',
  'alerts.metric[].dataset':
    'Transaction measures: `transactions` (default, self-hosted) or `generic_metrics` (sentry.io).',
  'alerts.metric[].adopt': 'Take over a rule made by hand: `true` (same name) or its name.',
  'alerts.prune': 'Delete the rules faultline manages that left this file.',
  'alerts.integration': "The faultline integration's slug, when several installed integrations look like it.",
};
