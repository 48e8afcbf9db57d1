/** Alert rules as code: the config section, the plan against Sentry, and apply. No @actions, no probot. */
export {
  type AlertsConfig,
  AlertsConfigError,
  alertsConfigSchema,
  alertsSectionSchema,
  type ConfigProblem,
  type IssueRuleConfig,
  type MetricRuleConfig,
  parseAlertsConfig,
} from './config.ts';
export { ALERTS_CONFIG_DESCRIPTIONS } from './config-descriptions.ts';
export {
  type AlertsClient,
  applyAlertsPlan,
  configProjects,
  planAlertRules,
  readCurrentRules,
  readDirectory,
} from './apply.ts';
export {
  type AlertsPlan,
  type CurrentRules,
  type DesiredRule,
  desiredRules,
  diffRule,
  type FieldChange,
  hasChanges,
  planAlerts,
  type PlannedRule,
} from './plan.ts';
export { type AppliedRule, renderApplied, renderPlanMarkdown, renderPlanText, summarizePlan } from './render.ts';
export { AlertsApplyError, mapSentryValidation } from './sentry-errors.ts';
export { AlertsPlanError, faultlineInstallation, type NotifyDirectory } from './targets.ts';
export { ACTION, CONDITION, FILTER, MANAGED_MARK, managedBaseName } from './vocabulary.ts';
