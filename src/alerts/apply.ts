/**
 * The I/O around the plan: read what the organization has and the rules Sentry holds (all pages), plan, and apply
 * a plan rule by rule. Every front door (CLI, action, doctor) calls these.
 */
import type { SentryClient } from '../sentry/client.ts';
import { SentryValidationError } from '../sentry/errors.ts';
import type { IssueAlertRuleBody, MetricAlertRuleBody } from '../sentry/alert-rule-types.ts';
import type { AlertsConfig } from './config.ts';
import { type AlertsPlan, type CurrentRules, desiredRules, planAlerts, type PlannedRule } from './plan.ts';
import type { AppliedRule } from './render.ts';
import { AlertsApplyError, mapSentryValidation } from './sentry-errors.ts';
import { directoryNeeds, EMPTY_DIRECTORY, type NotifyDirectory } from './targets.ts';

/** The calls alert rules make; a SentryClient has them all. */
export type AlertsClient = Pick<
  SentryClient,
  | 'org'
  | 'listIssueAlertRules'
  | 'createIssueAlertRule'
  | 'updateIssueAlertRule'
  | 'deleteIssueAlertRule'
  | 'listMetricAlertRules'
  | 'createMetricAlertRule'
  | 'updateMetricAlertRule'
  | 'deleteMetricAlertRule'
  | 'listSentryAppInstallations'
  | 'listOrganizationIntegrations'
  | 'listAvailableMetricActions'
  | 'listTeams'
  | 'listMembers'
>;

/** What the organization has that the config's notify entries name; only the lookups they need are made. */
export async function readDirectory(client: AlertsClient, config: AlertsConfig): Promise<NotifyDirectory> {
  const needs = directoryNeeds([
    ...config.issue.map((r) => ({ kind: 'issue' as const, notify: r.notify })),
    ...config.metric.map((r) => ({ kind: 'metric' as const, notify: r.notify })),
  ]);
  const [installations, integrations, metricActions, teams, members] = await Promise.all([
    needs.installations ? client.listSentryAppInstallations() : EMPTY_DIRECTORY.installations,
    needs.integrations ? client.listOrganizationIntegrations() : EMPTY_DIRECTORY.integrations,
    needs.metricActions ? client.listAvailableMetricActions() : EMPTY_DIRECTORY.metricActions,
    needs.teams ? client.listTeams() : EMPTY_DIRECTORY.teams,
    needs.members ? client.listMembers() : EMPTY_DIRECTORY.members,
  ]);
  return { installations, integrations, metricActions, teams, members };
}

/** Every project the config names: `sentry.projects` and each rule's own `projects`. */
export function configProjects(config: AlertsConfig): string[] {
  return [
    ...new Set([
      ...config.projects,
      ...config.issue.flatMap((r) => r.projects),
      ...config.metric.flatMap((r) => r.projects),
    ]),
  ];
}

/**
 * The rules Sentry holds in the config's projects. Metric rules are listed for the whole organization and kept to
 * those projects, so a repository never prunes the rules another repository manages for its own projects.
 */
export async function readCurrentRules(client: AlertsClient, config: AlertsConfig): Promise<CurrentRules> {
  const projects = configProjects(config);
  const [issueLists, metric] = await Promise.all([
    Promise.all(
      projects.map(async (project) => (await client.listIssueAlertRules(project)).map((r) => ({ ...r, project }))),
    ),
    client.listMetricAlertRules(),
  ]);
  const ours = metric.filter((rule) => (rule.projects ?? []).some((p) => projects.includes(String(p))));
  return { issue: issueLists.flat(), metric: ours };
}

/** Reads Sentry and plans; throws AlertsPlanError when a notify entry names something the organization lacks. */
export async function planAlertRules(client: AlertsClient, config: AlertsConfig): Promise<AlertsPlan> {
  const [directory, current] = await Promise.all([readDirectory(client, config), readCurrentRules(client, config)]);
  return planAlerts(config.org, desiredRules(config, directory), current, { prune: config.prune });
}

/**
 * Applies a plan in order (creates and updates, then deletes). A rule Sentry refuses stops the run with an
 * AlertsApplyError naming the config key; what was applied before it stays applied, and the next plan shows the
 * rest.
 */
export async function applyAlertsPlan(client: AlertsClient, plan: AlertsPlan): Promise<AppliedRule[]> {
  const applied: AppliedRule[] = [];
  const ordered = [
    ...plan.rules.filter((r) => r.action !== 'delete'),
    ...plan.rules.filter((r) => r.action === 'delete'),
  ];
  for (const rule of ordered) {
    const done = await applyOne(client, rule);
    if (done) applied.push(done);
  }
  return applied;
}

async function applyOne(client: AlertsClient, rule: PlannedRule): Promise<AppliedRule | undefined> {
  const what = { kind: rule.kind, project: rule.project, name: rule.name };
  try {
    switch (rule.action) {
      case 'create': {
        const made =
          rule.kind === 'issue'
            ? await client.createIssueAlertRule(rule.project, rule.body as IssueAlertRuleBody)
            : await client.createMetricAlertRule(rule.body as MetricAlertRuleBody);
        return { action: 'created', ...what, id: String(made.id) };
      }
      case 'update': {
        const id = rule.id!;
        if (rule.kind === 'issue') await client.updateIssueAlertRule(rule.project, id, rule.body as IssueAlertRuleBody);
        else await client.updateMetricAlertRule(id, rule.body as MetricAlertRuleBody);
        return { action: 'updated', ...what, id };
      }
      case 'delete': {
        const id = rule.id!;
        if (rule.kind === 'issue') await client.deleteIssueAlertRule(rule.project, id);
        else await client.deleteMetricAlertRule(id);
        return { action: 'deleted', ...what, id };
      }
      default:
        return undefined;
    }
  } catch (error) {
    if (error instanceof SentryValidationError)
      throw new AlertsApplyError(rule, mapSentryValidation(rule, error.fields));
    throw error;
  }
}
