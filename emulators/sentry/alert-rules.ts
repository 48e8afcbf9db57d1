/**
 * Alert rules in the Sentry emulator: issue alert rules (`projects/{org}/{project}/rules/`) and metric alert rules
 * (`organizations/{org}/alert-rules/`) with Sentry's validation and error bodies for the fields faultline sends,
 * paginated lists, and what their actions need (`sentry-app-installations/`, `integrations/`, `teams/`,
 * `members/`, `alert-rules/available-actions/`). `POST /__emulator/rules/{id}/fire` makes a rule fire: its
 * integration actions get the `event_alert` / `metric_alert` webhook Sentry would send.
 */
import { createHash } from 'node:crypto';
import { type EmulatorContext, requireOrg, requireProject } from './context.ts';
import { badRequest, HttpError, json, notFound, paginate, parseJsonBody, type Route, route } from './http.ts';
import type {
  EmulatorStore,
  InstallationRecord,
  IssueAlertRuleRecord,
  MetricAlertActionRecord,
  MetricAlertRuleRecord,
} from './state.ts';
import { webhookEvent } from './events.ts';
import { deliverWebhook, type WebhookResult } from './webhooks.ts';

type Node = Record<string, unknown> & { id: string };

// ---- Sentry's rule registry, as far as faultline uses it ----

const STANDARD_INTERVALS = ['1m', '5m', '15m', '1h', '1d', '1w', '30d'];
const MATCHES = ['eq', 'ne', 'sw', 'ew', 'co', 'nc', 'is', 'ns'];
const LEVEL_VALUES = ['0', '10', '20', '30', '40', '50'];

const LABELS: Record<string, string> = {
  'sentry.rules.conditions.first_seen_event.FirstSeenEventCondition': 'A new issue is created',
  'sentry.rules.conditions.regression_event.RegressionEventCondition':
    'The issue changes state from resolved to unresolved',
  'sentry.rules.conditions.reappeared_event.ReappearedEventCondition':
    'The issue changes state from archived to escalating',
  'sentry.rules.conditions.event_frequency.EventFrequencyCondition':
    'The issue is seen more than {value} times in {interval}',
  'sentry.rules.conditions.event_frequency.EventUniqueUserFrequencyCondition':
    'The issue is seen by more than {value} users in {interval}',
  'sentry.rules.conditions.every_event.EveryEventCondition': 'The event occurs',
  'sentry.rules.filters.level.LevelFilter': "The event's level is {match} {level}",
  'sentry.rules.filters.tagged_event.TaggedEventFilter': "The event's tags match {key} {match} {value}",
  'sentry.mail.actions.NotifyEmailAction': 'Send a notification to {targetType}',
  'sentry.rules.actions.notify_event_service.NotifyEventServiceAction': 'Send a notification via {service}',
  'sentry.rules.actions.notify_event_sentry_app.NotifyEventSentryAppAction': 'Send a notification via an integration',
};
const CONDITIONS = Object.keys(LABELS).filter((id) => id.includes('.conditions.'));
const FILTERS = Object.keys(LABELS).filter((id) => id.includes('.filters.'));
const ACTIONS = Object.keys(LABELS).filter((id) => id.includes('.actions.'));

/** An integer id for an installed app, stable for its uuid (Sentry's SentryApp.id). */
export function sentryAppId(installation: InstallationRecord): number {
  return 1000 + (parseInt(createHash('sha1').update(installation.app.uuid).digest('hex').slice(0, 6), 16) % 100000);
}

const installed = (store: EmulatorStore) =>
  [...store.installations.values()].filter((i) => i.org === store.orgSlug && i.status === 'installed');

/** DRF's answer for one list item's errors: the message for the failing node. */
class NodeError extends Error {}

function validateNode(store: EmulatorStore, node: unknown, registry: string[]): Node {
  if (!node || typeof node !== 'object' || Array.isArray(node)) {
    throw new NodeError(`Incorrect type. Expected a mapping, but got ${Array.isArray(node) ? 'list' : typeof node}`);
  }
  const n = node as Node;
  if (!('id' in n)) throw new NodeError("Missing attribute 'id'");
  if (!registry.includes(n.id)) throw new NodeError(`Invalid node. Could not find '${n.id}'`);
  const choice = (field: string, allowed: string[]) => {
    const v = n[field];
    if (v === undefined || v === null || v === '')
      throw new NodeError('Ensure at least one action is enabled and all required fields are filled in.');
    if (!allowed.includes(String(v)))
      throw new NodeError(`Select a valid choice. ${String(v)} is not one of the available choices.`);
  };
  if (n.id.includes('event_frequency')) {
    choice('interval', STANDARD_INTERVALS);
    if (!Number.isInteger(Number(n.value)) || n.value === null || n.value === '')
      throw new NodeError('Enter a whole number.');
  } else if (n.id.endsWith('LevelFilter')) {
    choice('match', ['eq', 'gte', 'lte']);
    choice('level', LEVEL_VALUES);
  } else if (n.id.endsWith('TaggedEventFilter')) {
    if (!n.key) throw new NodeError('Ensure at least one action is enabled and all required fields are filled in.');
    choice('match', MATCHES);
    if (n.match !== 'is' && n.match !== 'ns' && (n.value === undefined || n.value === '')) {
      throw new NodeError('Ensure at least one action is enabled and all required fields are filled in.');
    }
  } else if (n.id.endsWith('NotifyEmailAction')) {
    choice('targetType', ['IssueOwners', 'Team', 'Member']);
    if (n.targetType === 'Team' && !store.teams.some((t) => t.id === String(n.targetIdentifier))) {
      throw new NodeError('This team does not exist or does not have access to this project.');
    }
    if (n.targetType === 'Member' && !store.users.some((u) => u.id === String(n.targetIdentifier))) {
      throw new NodeError('This user does not exist or is not a member of this organization.');
    }
  } else if (n.id.endsWith('NotifyEventServiceAction')) {
    choice(
      'service',
      installed(store).map((i) => i.app.slug),
    );
  } else if (n.id.endsWith('NotifyEventSentryAppAction')) {
    if (!installed(store).some((i) => i.uuid === n.sentryAppInstallationUuid)) {
      throw new NodeError('Could not identify integration from the installation uuid.');
    }
  }
  return { ...n };
}

function nodeList(
  store: EmulatorStore,
  value: unknown,
  registry: string[],
  field: string,
  errors: Record<string, unknown>,
): Node[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors[field] = [`Expected a list of items but got type "${typeof value}".`];
    return [];
  }
  const out: Node[] = [];
  for (const node of value) {
    try {
      out.push(validateNode(store, node, registry));
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      errors[field] = [error.message];
    }
  }
  return out;
}

/** ProjectRulesPostSerializer / RuleSerializer, for the fields faultline sends. */
function validateIssueRule(emu: EmulatorContext, project: string, body: Record<string, unknown>, id?: string) {
  const store = emu.store;
  const errors: Record<string, unknown> = {};
  const name = body.name;
  if (typeof name !== 'string' || !name.trim()) errors.name = ['This field is required.'];
  else if (name.length > 64) errors.name = ['Ensure this field has no more than 64 characters.'];
  if (!['all', 'any', 'none'].includes(String(body.actionMatch))) {
    errors.actionMatch = [
      body.actionMatch === undefined
        ? 'This field is required.'
        : `"${String(body.actionMatch)}" is not a valid choice.`,
    ];
  }
  if (
    body.filterMatch !== undefined &&
    body.filterMatch !== null &&
    !['all', 'any', 'none'].includes(String(body.filterMatch))
  ) {
    errors.filterMatch = [`"${String(body.filterMatch)}" is not a valid choice.`];
  }
  const frequency = Number(body.frequency ?? 30);
  if (!Number.isInteger(frequency)) errors.frequency = ['A valid integer is required.'];
  else if (frequency < 5) errors.frequency = ['Ensure this value is greater than or equal to 5.'];
  else if (frequency > 43200) errors.frequency = ['Ensure this value is less than or equal to 43200.'];
  if (body.environment !== undefined && body.environment !== null && typeof body.environment !== 'string') {
    errors.environment = ['Not a valid string.'];
  }
  const conditions = nodeList(store, body.conditions, CONDITIONS, 'conditions', errors);
  const filters = nodeList(store, body.filters, FILTERS, 'filters', errors);
  const actions = nodeList(store, body.actions, ACTIONS, 'actions', errors);
  if (!errors.actions && actions.length === 0) errors.actions = ['You must add an action for this alert to fire.'];
  if (filters.length && !body.filterMatch && !errors.filterMatch) {
    errors.filterMatch = ['Must select a filter match (all, any, none) if filters are supplied'];
  }
  if (Object.keys(errors).length) throw badRequest(errors);
  const rule: Omit<IssueAlertRuleRecord, 'id' | 'dateCreated' | 'owner'> = {
    project,
    name: (name as string).trim(),
    actionMatch: String(body.actionMatch),
    filterMatch: (body.filterMatch as string | undefined) ?? null,
    frequency,
    environment: (body.environment as string | null | undefined) ?? null,
    conditions,
    filters,
    actions,
  };
  // Sentry refuses a rule whose conditions, filters, actions and environment repeat another rule's.
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const duplicate = store.issueAlertRules.find(
    (r) =>
      r.project === project &&
      r.id !== id &&
      same(r.conditions, rule.conditions) &&
      same(r.filters, rule.filters) &&
      same(r.actions, rule.actions) &&
      r.environment === rule.environment &&
      r.actionMatch === rule.actionMatch &&
      r.frequency === rule.frequency,
  );
  if (duplicate) {
    throw badRequest({
      name: [`This rule is an exact duplicate of '${duplicate.name}' in this project and may not be created.`],
      ruleId: [Number(duplicate.id)],
    });
  }
  return rule;
}

function label(node: Node): string {
  return (LABELS[node.id] ?? node.id).replace(/\{(\w+)\}/g, (_, k: string) => String(node[k] ?? ''));
}

function serializeIssueRule(rule: IssueAlertRuleRecord) {
  const withName = (nodes: Node[]) => nodes.map((n) => ({ ...n, name: label(n) }));
  return {
    id: rule.id,
    conditions: withName(rule.conditions),
    filters: withName(rule.filters),
    actions: withName(rule.actions),
    actionMatch: rule.actionMatch,
    filterMatch: rule.filterMatch,
    frequency: rule.frequency,
    name: rule.name,
    dateCreated: rule.dateCreated,
    owner: rule.owner,
    createdBy: null,
    environment: rule.environment,
    projects: [rule.project],
    status: 'active',
    snooze: false,
  };
}

// ---- metric alert rules ----

const CRASH_RATE_AGGREGATES = [
  'percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate',
  'percentage(users_crashed, users) AS _crash_rate_alert_aggregate',
];
const TRANSACTION_AGGREGATE =
  /^(p50|p75|p90|p95|p99|p100|avg)\(transaction\.duration\)$|^failure_rate\(\)$|^apdex\(\d*\)$/;
const DATASETS: Record<string, number> = { events: 0, transactions: 1, generic_metrics: 1, metrics: 2 };
const CRASH_RATE_WINDOWS = [30, 60, 120, 240, 720, 1440];
const ACTION_TYPES = ['email', 'slack', 'pagerduty', 'msteams', 'sentry_app', 'opsgenie', 'discord'];
const TARGET_TYPES = ['specific', 'user', 'team', 'sentry_app'];

function aggregateFits(aggregate: string, dataset: string): boolean {
  if (CRASH_RATE_AGGREGATES.includes(aggregate)) return dataset === 'metrics';
  if (TRANSACTION_AGGREGATE.test(aggregate)) return dataset === 'transactions' || dataset === 'generic_metrics';
  if (aggregate === 'count()' || aggregate === 'count_unique(user)') return dataset !== 'metrics';
  return false;
}

function validateTriggerAction(
  store: EmulatorStore,
  value: unknown,
): { action?: MetricAlertActionRecord; error?: Record<string, string[]> } {
  const a = (value ?? {}) as Record<string, unknown>;
  const type = String(a.type ?? '');
  const targetType = String(a.targetType ?? '');
  if (!ACTION_TYPES.includes(type))
    return { error: { type: [`Invalid type, valid values are [${ACTION_TYPES.join(', ')}]`] } };
  if (!TARGET_TYPES.includes(targetType)) {
    return { error: { targetType: [`Invalid targetType, valid values are [${TARGET_TYPES.join(', ')}]`] } };
  }
  const identifier =
    a.targetIdentifier === undefined || a.targetIdentifier === null ? null : String(a.targetIdentifier);
  if (type === 'email' && targetType === 'team' && !store.teams.some((t) => t.id === identifier)) {
    return { error: { nonFieldErrors: ['Team does not exist'] } };
  }
  if (type === 'email' && targetType === 'user' && !store.users.some((u) => u.id === identifier)) {
    return { error: { nonFieldErrors: ['User does not exist'] } };
  }
  let installation: InstallationRecord | undefined;
  if (type === 'sentry_app') {
    if (a.sentryAppId === undefined || a.sentryAppId === null) {
      return { error: { sentryApp: ['SentryApp must be provided for sentry_app'] } };
    }
    installation = installed(store).find((i) => sentryAppId(i) === Number(a.sentryAppId));
    if (!installation) return { error: { sentryApp: ['The installation does not exist.'] } };
  }
  return {
    action: {
      id: store.nextId(),
      type,
      targetType,
      targetIdentifier: identifier,
      sentryAppId: installation ? sentryAppId(installation) : null,
      sentryAppInstallationUuid: installation?.uuid ?? null,
      integrationId: a.integrationId === undefined || a.integrationId === null ? null : Number(a.integrationId),
    },
  };
}

/** AlertRuleSerializer.validate: 1 or 2 triggers labelled critical then warning, thresholds on the right sides. */
function checkTriggers(
  triggers: Array<Record<string, unknown>>,
  thresholdType: number,
  resolve: number | null,
): string | undefined {
  if (triggers.length === 0) return 'Must include at least one trigger';
  if (triggers.length > 2) return 'Must send 1 or 2 triggers - A critical trigger, and an optional warning trigger';
  if (triggers.some((t) => !Array.isArray(t.actions) || t.actions.length === 0)) {
    return 'Each trigger must have an associated action for this alert to fire.';
  }
  const labels = ['critical', 'warning'];
  for (const [i, t] of triggers.entries()) {
    if (t.label !== labels[i]) return `Trigger ${i + 1} must be labeled "${labels[i]}"`;
    if (typeof t.alertThreshold !== 'number') return 'Trigger must have an alertThreshold';
  }
  const above = thresholdType === 0;
  if (resolve !== null) {
    for (const t of triggers) {
      const alert = t.alertThreshold as number;
      const whole = Number.isInteger(alert) && Number.isInteger(resolve);
      const wrong = above
        ? alert + (whole ? 1 : 0) <= resolve + (whole ? -1 : 0)
        : alert + (whole ? -1 : 0) >= resolve + (whole ? 1 : 0);
      if (wrong) return `${String(t.label)} alert threshold must be ${above ? 'above' : 'below'} resolution threshold`;
    }
  }
  if (triggers.length === 2) {
    const [c, w] = triggers.map((t) => t.alertThreshold as number) as [number, number];
    if (above ? c < w : c > w) {
      return `Critical trigger must have an alert threshold ${above ? 'above' : 'below'} warning trigger`;
    }
  }
  return undefined;
}

function validateMetricRule(emu: EmulatorContext, body: Record<string, unknown>, existing?: MetricAlertRuleRecord) {
  const store = emu.store;
  const errors: Record<string, unknown> = {};
  const name = body.name;
  if (typeof name !== 'string' || !name.trim()) errors.name = ['This field is required.'];
  else if (name.length > 256) errors.name = ['Ensure this field has no more than 256 characters.'];
  const aggregate = String(body.aggregate ?? '');
  if (!aggregate) errors.aggregate = ['This field is required.'];
  const dataset = String(body.dataset ?? 'events');
  if (!(dataset in DATASETS))
    errors.dataset = [`Invalid dataset, valid values are ${JSON.stringify(Object.keys(DATASETS))}`];
  if (typeof body.query !== 'string') errors.query = ['This field is required.'];
  else if (body.query.split(/\s+/).includes('release:latest')) {
    errors.query = ['Unsupported Query: We do not currently support the release:latest query'];
  }
  const timeWindow = Number(body.timeWindow);
  if (body.timeWindow === undefined) errors.timeWindow = ['This field is required.'];
  else if (!Number.isInteger(timeWindow)) errors.timeWindow = ['A valid integer is required.'];
  else if (timeWindow < 1) errors.timeWindow = ['Ensure this value is greater than or equal to 1.'];
  else if (timeWindow > 1440) errors.timeWindow = ['Ensure this value is less than or equal to 1440.'];
  const thresholdType = Number(body.thresholdType);
  if (body.thresholdType === undefined) errors.thresholdType = ['This field is required.'];
  else if (thresholdType !== 0 && thresholdType !== 1)
    errors.thresholdType = ['Invalid threshold type, valid values are [0, 1]'];
  const projects = Array.isArray(body.projects) ? body.projects.map(String) : [];
  if (projects.length > 1) errors.projects = ['Ensure this field has no more than 1 elements.'];
  else if (projects.some((p) => !store.project(p))) errors.projects = ['Invalid project'];
  const resolve =
    body.resolveThreshold === undefined || body.resolveThreshold === null ? null : Number(body.resolveThreshold);
  const triggers = Array.isArray(body.triggers) ? (body.triggers as Array<Record<string, unknown>>) : [];
  if (!Array.isArray(body.triggers)) errors.triggers = ['This field is required.'];
  if (Object.keys(errors).length) throw badRequest(errors);

  const known =
    CRASH_RATE_AGGREGATES.includes(aggregate) ||
    TRANSACTION_AGGREGATE.test(aggregate) ||
    /^count(_unique\(user\)|\(\))$/.test(aggregate);
  if (!known) throw badRequest({ aggregate: ['Invalid Metric: We do not currently support this field.'] });
  const nonField: string[] = [];
  if (!aggregateFits(aggregate, dataset)) nonField.push('Invalid dataset for this query type.');
  if (dataset === 'metrics' && !CRASH_RATE_WINDOWS.includes(timeWindow)) {
    nonField.push(
      'Invalid Time Window: Allowed time windows for crash rate alerts are: 30min, 1h, 2h, 4h, 12h and 24h',
    );
  }
  const triggerProblem = checkTriggers(triggers, thresholdType, resolve);
  if (triggerProblem) nonField.push(triggerProblem);
  if (nonField.length) throw badRequest({ nonFieldErrors: nonField.slice(0, 1) });

  const triggerErrors: Array<Record<string, unknown>> = [];
  const records = triggers.map((t, i) => {
    const actions: MetricAlertActionRecord[] = [];
    const actionErrors: Array<Record<string, string[]>> = [];
    for (const a of t.actions as unknown[]) {
      const { action, error } = validateTriggerAction(store, a);
      if (action) actions.push(action);
      actionErrors.push(error ?? {});
    }
    triggerErrors[i] = actionErrors.some((e) => Object.keys(e).length) ? { actions: actionErrors } : {};
    return {
      id: existing?.triggers.find((x) => x.label === t.label)?.id ?? store.nextId(),
      label: String(t.label),
      alertThreshold: Number(t.alertThreshold),
      actions,
    };
  });
  if (triggerErrors.some((e) => Object.keys(e).length)) throw badRequest({ triggers: triggerErrors });
  return {
    name: (name as string).trim(),
    aggregate,
    dataset,
    queryType: Number(body.queryType ?? DATASETS[dataset]),
    eventTypes: Array.isArray(body.eventTypes) ? body.eventTypes.map(String) : [],
    query: body.query as string,
    timeWindow,
    thresholdType,
    resolveThreshold: resolve,
    environment: (body.environment as string | null | undefined) ?? null,
    projects: projects.map((p) => store.project(p)!.slug),
    owner: (body.owner as string | null | undefined) ?? null,
    triggers: records,
  };
}

function serializeMetricRule(rule: MetricAlertRuleRecord) {
  return {
    ...rule,
    organizationId: '1',
    status: 0,
    resolution: 1,
    thresholdPeriod: 1,
    createdBy: null,
    triggers: rule.triggers.map((t) => ({
      ...t,
      alertRuleId: rule.id,
      thresholdType: rule.thresholdType,
      resolveThreshold: rule.resolveThreshold,
      dateCreated: rule.dateCreated,
      actions: t.actions.map((a) => ({ ...a, alertRuleTriggerId: t.id, dateCreated: rule.dateCreated, desc: a.type })),
    })),
  };
}

// ---- routes ----

export function alertRuleRoutes(emu: EmulatorContext): Route[] {
  const store = () => emu.store;
  const findIssueRule = (project: string, id: string | undefined) => {
    const rule = store().issueAlertRules.find((r) => r.project === project && r.id === id);
    if (!rule) throw notFound();
    return rule;
  };
  const findMetricRule = (id: string | undefined) => {
    const rule = store().metricAlertRules.find((r) => r.id === id);
    if (!rule) throw notFound();
    return rule;
  };
  return [
    route('GET', '/api/0/projects/{org}/{project}/rules/', (ctx) => {
      requireOrg(emu, ctx);
      const project = requireProject(emu, ctx).slug;
      const rules = store().issueAlertRules.filter((r) => r.project === project);
      return paginate(ctx, emu.baseUrl(), [...rules].reverse().map(serializeIssueRule));
    }),
    route('POST', '/api/0/projects/{org}/{project}/rules/', (ctx) => {
      requireOrg(emu, ctx);
      const project = requireProject(emu, ctx).slug;
      const body = parseJsonBody(ctx);
      const valid = validateIssueRule(emu, project, body);
      const rule: IssueAlertRuleRecord = {
        id: store().nextId(),
        ...valid,
        owner: (body.owner as string | null | undefined) ?? null,
        dateCreated: new Date().toISOString(),
      };
      store().issueAlertRules.push(rule);
      return json(200, serializeIssueRule(rule));
    }),
    route('GET', '/api/0/projects/{org}/{project}/rules/{id}/', (ctx) => {
      requireOrg(emu, ctx);
      return json(200, serializeIssueRule(findIssueRule(requireProject(emu, ctx).slug, ctx.params.id)));
    }),
    route('PUT', '/api/0/projects/{org}/{project}/rules/{id}/', (ctx) => {
      requireOrg(emu, ctx);
      const project = requireProject(emu, ctx).slug;
      const rule = findIssueRule(project, ctx.params.id);
      const body = parseJsonBody(ctx);
      Object.assign(rule, validateIssueRule(emu, project, body, rule.id));
      if (body.owner !== undefined) rule.owner = body.owner as string | null;
      return json(200, serializeIssueRule(rule));
    }),
    route('DELETE', '/api/0/projects/{org}/{project}/rules/{id}/', (ctx) => {
      requireOrg(emu, ctx);
      const rule = findIssueRule(requireProject(emu, ctx).slug, ctx.params.id);
      store().issueAlertRules = store().issueAlertRules.filter((r) => r !== rule);
      return { status: 202 };
    }),
    route('GET', '/api/0/organizations/{org}/alert-rules/available-actions/', (ctx) => {
      requireOrg(emu, ctx);
      return json(200, [
        { type: 'email', allowedTargetTypes: ['user', 'team'], status: 'unknown' },
        ...installed(store()).map((i) => ({
          type: 'sentry_app',
          allowedTargetTypes: ['sentry_app'],
          status: 'published',
          sentryAppName: i.app.slug,
          sentryAppId: sentryAppId(i),
          sentryAppInstallationUuid: i.uuid,
        })),
      ]);
    }),
    route('GET', '/api/0/organizations/{org}/alert-rules/', (ctx) => {
      requireOrg(emu, ctx);
      return paginate(ctx, emu.baseUrl(), [...store().metricAlertRules].reverse().map(serializeMetricRule));
    }),
    route('POST', '/api/0/organizations/{org}/alert-rules/', (ctx) => {
      requireOrg(emu, ctx);
      const now = new Date().toISOString();
      const rule: MetricAlertRuleRecord = {
        id: store().nextId(),
        ...validateMetricRule(emu, parseJsonBody(ctx)),
        dateCreated: now,
        dateModified: now,
      };
      store().metricAlertRules.push(rule);
      return json(201, serializeMetricRule(rule));
    }),
    route('GET', '/api/0/organizations/{org}/alert-rules/{id}/', (ctx) => {
      requireOrg(emu, ctx);
      return json(200, serializeMetricRule(findMetricRule(ctx.params.id)));
    }),
    route('PUT', '/api/0/organizations/{org}/alert-rules/{id}/', (ctx) => {
      requireOrg(emu, ctx);
      const rule = findMetricRule(ctx.params.id);
      Object.assign(rule, validateMetricRule(emu, parseJsonBody(ctx), rule), {
        dateModified: new Date().toISOString(),
      });
      return json(200, serializeMetricRule(rule));
    }),
    route('DELETE', '/api/0/organizations/{org}/alert-rules/{id}/', (ctx) => {
      requireOrg(emu, ctx);
      const rule = findMetricRule(ctx.params.id);
      store().metricAlertRules = store().metricAlertRules.filter((r) => r !== rule);
      return { status: 204 };
    }),
    route('GET', '/api/0/organizations/{org}/sentry-app-installations/', (ctx) => {
      requireOrg(emu, ctx);
      const mine = [...store().installations.values()].filter((i) => i.org === store().orgSlug);
      return paginate(
        ctx,
        emu.baseUrl(),
        mine.map((i) => ({
          app: { uuid: i.app.uuid, slug: i.app.slug },
          organization: { slug: i.org },
          uuid: i.uuid,
          status: i.status,
          code: null,
        })),
      );
    }),
    route('GET', '/api/0/organizations/{org}/integrations/', (ctx) => {
      requireOrg(emu, ctx);
      return paginate(ctx, emu.baseUrl(), []);
    }),
    route('GET', '/api/0/organizations/{org}/teams/', (ctx) => {
      requireOrg(emu, ctx);
      return paginate(ctx, emu.baseUrl(), store().teams);
    }),
    route('GET', '/api/0/organizations/{org}/members/', (ctx) => {
      requireOrg(emu, ctx);
      return paginate(
        ctx,
        emu.baseUrl(),
        store().users.map((u) => ({
          id: u.id,
          email: u.email,
          name: u.name,
          user: { id: u.id, email: u.email, name: u.name },
        })),
      );
    }),
  ];
}

// ---- firing a rule ----

const METRIC_STATUS: Record<string, number> = { critical: 20, warning: 10, resolved: 2 };

function issueRuleTargets(store: EmulatorStore, rule: IssueAlertRuleRecord): InstallationRecord[] {
  return installed(store).filter((i) =>
    rule.actions.some(
      (a) =>
        (a.id.endsWith('NotifyEventServiceAction') && a.service === i.app.slug) ||
        a.sentryAppInstallationUuid === i.uuid,
    ),
  );
}

function metricAlertData(emu: EmulatorContext, rule: MetricAlertRuleRecord, action: string) {
  const base = emu.baseUrl();
  const org = emu.store.orgSlug;
  const status = METRIC_STATUS[action]!;
  const title =
    action === 'resolved'
      ? `Resolved: ${rule.name}`
      : `${action === 'critical' ? 'Critical' : 'Warning'}: ${rule.name}`;
  const now = new Date().toISOString();
  return {
    description_text: `${rule.aggregate} in the last ${rule.timeWindow} minutes${rule.query ? `\nFilter: ${rule.query}` : ''}`,
    description_title: title,
    web_url: `${base}/organizations/${org}/alerts/rules/details/${rule.id}/`,
    metric_alert: {
      id: rule.id,
      identifier: rule.id,
      organization_id: '1',
      projects: rule.projects,
      title: rule.name,
      status,
      status_method: 3,
      type: 2,
      date_started: now,
      date_detected: now,
      date_created: now,
      date_closed: action === 'resolved' ? now : null,
      alert_rule: {
        id: rule.id,
        name: rule.name,
        organization_id: '1',
        status: 0,
        dataset: rule.dataset,
        query: rule.query,
        aggregate: rule.aggregate,
        time_window: rule.timeWindow,
        resolution: 1,
        threshold_type: rule.thresholdType,
        threshold_period: 1,
        resolve_threshold: rule.resolveThreshold,
        environment: rule.environment,
        projects: rule.projects,
        include_all_projects: false,
        date_created: rule.dateCreated,
        date_modified: rule.dateModified,
        triggers: rule.triggers.map((t) => ({
          id: t.id,
          label: t.label,
          alert_threshold: t.alertThreshold,
          actions: t.actions.map((a) => ({
            id: a.id,
            type: a.type,
            target_type: a.targetType,
            target_identifier: a.targetIdentifier,
            sentry_app_id: a.sentryAppId,
            sentry_app_installation_uuid: a.sentryAppInstallationUuid,
            settings: null,
          })),
        })),
      },
    },
  };
}

/**
 * `POST /__emulator/rules/{id}/fire`: an issue rule sends `event_alert.triggered` (body `{eventID}` or
 * `{issueId}` names a seeded event); a metric rule sends `metric_alert.<action>` (body `{action}`: critical,
 * the default, warning or resolved) to the integrations its trigger notifies. Answers each delivery.
 */
export function alertRuleEmulatorRoutes(emu: EmulatorContext, webhook: { clientSecret: string }): Route[] {
  return [
    route('POST', '/__emulator/rules/{id}/fire', async (ctx) => {
      const store = emu.store;
      const body = parseJsonBody(ctx);
      const deliveries: WebhookResult[] = [];
      const send = async (
        installation: InstallationRecord,
        resource: string,
        action: string,
        data: Record<string, unknown>,
      ) => {
        const url = typeof body.url === 'string' ? body.url : installation.webhookUrl;
        if (!url)
          throw badRequest({ error: `installation ${installation.uuid} has no webhookUrl; seed one or pass url` });
        deliveries.push(
          await deliverWebhook({
            request: { url, resource, action, data, installation: { uuid: installation.uuid } },
            clientSecret: webhook.clientSecret,
            store: () => store,
          }),
        );
      };
      const issueRule = store.issueAlertRules.find((r) => r.id === ctx.params.id);
      if (issueRule) {
        const event = store.events
          .filter((e) => (body.eventID !== undefined ? e.eventID === body.eventID : e.issueId === String(body.issueId)))
          .sort((a, b) => b.dateCreated.localeCompare(a.dateCreated))[0];
        if (!event) throw badRequest({ error: 'name a seeded event: {"eventID": ...} or {"issueId": ...}' });
        for (const installation of issueRuleTargets(store, issueRule)) {
          await send(installation, 'event_alert', 'triggered', {
            event: webhookEvent(emu, event),
            triggered_rule: issueRule.name,
          });
        }
        return json(200, { deliveries });
      }
      const metricRule = store.metricAlertRules.find((r) => r.id === ctx.params.id);
      if (!metricRule) throw new HttpError(404, { detail: `no alert rule ${ctx.params.id}` });
      const action = String(body.action ?? 'critical');
      if (!(action in METRIC_STATUS)) throw badRequest({ error: 'action is critical, warning or resolved' });
      const trigger = metricRule.triggers.find((t) => t.label === (action === 'resolved' ? 'critical' : action));
      const uuids = new Set((trigger?.actions ?? []).map((a) => a.sentryAppInstallationUuid).filter(Boolean));
      for (const installation of installed(store).filter((i) => uuids.has(i.uuid))) {
        await send(installation, 'metric_alert', action, metricAlertData(emu, metricRule, action));
      }
      return json(200, { deliveries });
    }),
  ];
}
