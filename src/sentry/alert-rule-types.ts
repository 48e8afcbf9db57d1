/**
 * Shapes of Sentry's alert rule APIs: issue alert rules (`projects/{org}/{project}/rules/`), metric alert rules
 * (`organizations/{org}/alert-rules/`) and the lookups their actions need. Fields are Sentry's (camelCase, as its
 * serializers write them); anything else a server sends is kept.
 */

/** One condition, filter or action of an issue alert rule: `id` names the class in Sentry's rule registry. */
export interface RuleNode {
  id: string;
  [field: string]: unknown;
}

export interface IssueAlertRuleBody {
  name: string;
  /** Which of `conditions` must hold: all, any or none. */
  actionMatch: 'all' | 'any' | 'none';
  /** Which of `filters` must hold; Sentry requires it when filters are given. */
  filterMatch: 'all' | 'any' | 'none';
  /** Minutes between two notifications for one issue (5..43200). */
  frequency: number;
  /** Environment name, or null for every environment. */
  environment: string | null;
  conditions: RuleNode[];
  filters: RuleNode[];
  actions: RuleNode[];
  /** `team:<id>` or `user:<id>`. */
  owner?: string | null;
}

export interface IssueAlertRule extends IssueAlertRuleBody {
  id: string;
  projects?: string[];
  dateCreated?: string;
  [field: string]: unknown;
}

export interface MetricAlertAction {
  type: string;
  targetType: string;
  targetIdentifier: string | number | null;
  sentryAppId?: number | string | null;
  sentryAppInstallationUuid?: string | null;
  integrationId?: number | string | null;
  [field: string]: unknown;
}

export interface MetricAlertTrigger {
  id?: string;
  label: 'critical' | 'warning';
  alertThreshold: number;
  actions: MetricAlertAction[];
  [field: string]: unknown;
}

export interface MetricAlertRuleBody {
  name: string;
  aggregate: string;
  dataset: string;
  queryType?: number;
  eventTypes?: string[];
  query: string;
  /** Minutes. */
  timeWindow: number;
  /** 0: above, 1: below. */
  thresholdType: 0 | 1;
  resolveThreshold: number | null;
  environment: string | null;
  /** One project slug. */
  projects: string[];
  triggers: MetricAlertTrigger[];
  owner?: string | null;
}

export interface MetricAlertRule extends MetricAlertRuleBody {
  id: string;
  dateCreated?: string;
  [field: string]: unknown;
}

/** `GET organizations/{org}/sentry-app-installations/`. */
export interface SentryAppInstallation {
  uuid: string;
  status: string;
  app: { uuid: string; slug: string };
  organization?: { slug: string };
}

/** `GET organizations/{org}/integrations/`. */
export interface OrganizationIntegration {
  id: string;
  name: string;
  provider: { key: string; slug?: string; name?: string };
  [field: string]: unknown;
}

/** `GET organizations/{org}/alert-rules/available-actions/`: what metric alert triggers can do in this org. */
export interface AvailableMetricAction {
  type: string;
  allowedTargetTypes: string[];
  integrationName?: string;
  integrationId?: number | string;
  sentryAppName?: string;
  sentryAppId?: number | string;
  sentryAppInstallationUuid?: string;
  status?: string;
  [field: string]: unknown;
}

export interface Team {
  id: string;
  slug: string;
  name: string;
}

export interface OrganizationMember {
  id: string;
  email: string;
  user?: { id: string; email?: string } | null;
}
