/** The plan as data: matching by faultline's marker, adoption, prune, diffs, targets, error mapping, rendering. */
import { describe, expect, it } from 'vitest';
import {
  AlertsPlanError,
  type CurrentRules,
  desiredRules,
  hasChanges,
  mapSentryValidation,
  type NotifyDirectory,
  parseAlertsConfig,
  planAlerts,
  renderPlanMarkdown,
  renderPlanText,
} from '../../src/alerts/index.ts';
import type { IssueAlertRule } from '../../src/sentry/index.ts';
import { CONTRACT_YAML } from './fixtures.ts';

const directory: NotifyDirectory = {
  installations: [{ uuid: 'inst-1', status: 'installed', app: { uuid: 'app-1', slug: 'faultline' } }],
  metricActions: [
    { type: 'sentry_app', allowedTargetTypes: ['sentry_app'], sentryAppId: 77, sentryAppInstallationUuid: 'inst-1' },
  ],
  integrations: [{ id: '5', name: 'Acme Slack', provider: { key: 'slack', name: 'Slack' } }],
  teams: [{ id: '9', slug: 'backend', name: 'Backend' }],
  members: [{ id: '3', email: 'ada@example.com', user: { id: '1', email: 'ada@example.com' } }],
};

const config = parseAlertsConfig(CONTRACT_YAML);
const desired = desiredRules(config, directory);

/** What Sentry would hold after applying `desired`, with the fields Sentry adds. */
function heldAfterApply(): CurrentRules {
  let id = 500;
  const issue = desired
    .filter((d) => d.kind === 'issue')
    .map((d) => ({
      ...(d.body as IssueAlertRule),
      id: String(id++),
      project: d.project,
      conditions: d.body.conditions.map((c) => ({ ...c, name: 'label' })),
    }));
  const metric = desired
    .filter((d) => d.kind === 'metric')
    .map((d) => ({
      ...d.body,
      id: String(id++),
      triggers: d.body.triggers.map((t) => ({
        ...t,
        id: String(id++),
        actions: t.actions.map((a) => ({ ...a, id: String(id++), targetIdentifier: String(a.targetIdentifier) })),
      })),
    }));
  return { issue, metric };
}

const handMade: IssueAlertRule & { project: string } = {
  id: '1',
  project: 'web',
  name: 'Error burst',
  actionMatch: 'all',
  filterMatch: 'all',
  frequency: 5,
  environment: null,
  conditions: [],
  filters: [],
  actions: [],
};

describe('desiredRules', () => {
  it('fills in faultline from the installation and builds the bodies Sentry takes', () => {
    const burst = desired.find((d) => d.name === 'Error burst')!;
    expect(burst.body).toEqual({
      name: 'Error burst [faultline]',
      actionMatch: 'any',
      filterMatch: 'all',
      frequency: 30,
      environment: 'production',
      conditions: [
        {
          id: 'sentry.rules.conditions.event_frequency.EventFrequencyCondition',
          value: 10,
          interval: '5m',
          comparisonType: 'count',
        },
      ],
      filters: [],
      actions: [
        { id: 'sentry.rules.actions.notify_event_service.NotifyEventServiceAction', service: 'faultline' },
        { id: 'sentry.mail.actions.NotifyEmailAction', targetType: 'IssueOwners', fallthroughType: 'ActiveMembers' },
      ],
    });
    const metric = desired.find((d) => d.kind === 'metric')!;
    expect(metric.body).toMatchObject({
      name: 'High error rate [faultline]',
      aggregate: 'count()',
      dataset: 'events',
      timeWindow: 5,
      thresholdType: 0,
      resolveThreshold: null,
      projects: ['web'],
      triggers: [
        {
          label: 'critical',
          alertThreshold: 100,
          actions: [{ type: 'sentry_app', sentryAppId: 77, sentryAppInstallationUuid: 'inst-1' }],
        },
        { label: 'warning', alertThreshold: 50 },
      ],
    });
  });

  it('fails naming the key of every notify entry the organization cannot satisfy', () => {
    const bad = parseAlertsConfig(
      `sentry: {org: acme, projects: [web]}
alerts:
  issue:
    - { name: A, when: [new-issue], notify: [faultline, opsgenie-app, Acme Slack, email:team:frontend] }`,
    );
    let error: unknown;
    try {
      desiredRules(bad, { ...directory, installations: [] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AlertsPlanError);
    expect((error as AlertsPlanError).problems).toEqual([
      {
        path: 'alerts.issue[0].notify[0]',
        message: expect.stringContaining('the faultline integration is not installed'),
      },
      {
        path: 'alerts.issue[0].notify[1]',
        message: expect.stringContaining('no installed integration is named "opsgenie-app"'),
      },
      { path: 'alerts.issue[0].notify[2]', message: expect.stringContaining('"Acme Slack" is a Slack integration') },
      { path: 'alerts.issue[0].notify[3]', message: expect.stringContaining('no team "frontend"') },
    ]);
  });
});

describe('planAlerts', () => {
  it('creates what is missing and leaves a hand-made rule of the same name alone', () => {
    const plan = planAlerts('acme', desired, { issue: [handMade], metric: [] }, { prune: true });
    expect(plan.rules.map((r) => [r.action, r.kind, r.name])).toEqual([
      ['create', 'issue', 'New issue in production'],
      ['create', 'issue', 'Regression'],
      ['create', 'issue', 'Error burst'],
      ['create', 'metric', 'High error rate'],
    ]);
    expect(hasChanges(plan)).toBe(true);
  });

  it('is empty once Sentry holds the rules, whatever fields Sentry adds', () => {
    const plan = planAlerts('acme', desired, heldAfterApply(), { prune: false });
    expect(plan.counts).toEqual({ create: 0, update: 0, delete: 0, unchanged: 4, keep: 0 });
    expect(hasChanges(plan)).toBe(false);
  });

  it('shows a changed threshold as one update with its field diff', () => {
    const held = heldAfterApply();
    held.metric[0]!.triggers[0]!.alertThreshold = 120;
    const plan = planAlerts('acme', desired, held, { prune: false });
    expect(plan.rules.filter((r) => r.action === 'update')).toEqual([
      expect.objectContaining({
        kind: 'metric',
        name: 'High error rate',
        path: 'alerts.metric[0]',
        changes: [{ field: 'critical.alertThreshold', before: 120, after: 100 }],
      }),
    ]);
  });

  it('keeps a managed rule that left the config unless prune is on', () => {
    const held = heldAfterApply();
    const fewer = desired.filter((d) => d.name !== 'Regression');
    expect(planAlerts('acme', fewer, held, { prune: false }).rules.find((r) => r.name === 'Regression')).toMatchObject({
      action: 'keep',
    });
    expect(planAlerts('acme', fewer, held, { prune: true }).rules.find((r) => r.name === 'Regression')).toMatchObject({
      action: 'delete',
      id: held.issue[1]!.id,
    });
  });

  it('adopts a hand-made rule by name and renames it with the marker', () => {
    const adopting = desired.map((d) => (d.name === 'Error burst' ? { ...d, adopt: 'Error burst' } : d));
    const plan = planAlerts('acme', adopting, { issue: [handMade], metric: [] }, { prune: true });
    const rule = plan.rules.find((r) => r.name === 'Error burst')!;
    expect(rule).toMatchObject({ action: 'update', id: '1', adoptedFrom: 'Error burst' });
    expect(rule.changes.map((c) => c.field)).toEqual([
      'name',
      'actionMatch',
      'frequency',
      'environment',
      'conditions',
      'actions',
    ]);
  });

  it('renders a text table and markdown with the diff', () => {
    const held = heldAfterApply();
    held.metric[0]!.triggers[0]!.alertThreshold = 120;
    const plan = planAlerts('acme', desired.slice(1), held, { prune: false });
    expect(renderPlanText(plan)).toContain(
      '~ update    metric web     High error rate\n        critical.alertThreshold: 120 → 100',
    );
    expect(renderPlanText(plan)).toContain(
      '! kept      issue  web     New issue in production (not in the config; prune: true deletes it)',
    );
    const markdown = renderPlanMarkdown(plan);
    expect(markdown).toContain(
      '0 to create, 1 to update, 0 to delete, 2 unchanged, 1 left out of the config and kept (prune: true deletes them)',
    );
    expect(markdown).toContain(
      '| ~ | update | metric | web | High error rate | `critical.alertThreshold`: `120` → `100` |',
    );
  });
});

describe('mapSentryValidation', () => {
  const metric = {
    action: 'create' as const,
    kind: 'metric' as const,
    project: 'web',
    name: 'M',
    path: 'alerts.metric[0]',
    changes: [],
  };
  const issue = {
    action: 'create' as const,
    kind: 'issue' as const,
    project: 'web',
    name: 'I',
    path: 'alerts.issue[1]',
    changes: [],
  };

  it('puts each field Sentry refused at the config key that produced it', () => {
    expect(
      mapSentryValidation(metric, { triggers: [{ actions: [{ sentryApp: ['The installation does not exist.'] }] }] }),
    ).toEqual([
      {
        path: 'alerts.metric[0].critical',
        message: 'Sentry refused triggers: actions: sentryApp: The installation does not exist.',
      },
    ]);
    expect(mapSentryValidation(metric, { triggers: [{}, { alertThreshold: ['required'] }] })[0]!.path).toBe(
      'alerts.metric[0].warning',
    );
    expect(mapSentryValidation(metric, { timeWindow: ['too long'] })[0]!.path).toBe('alerts.metric[0].window');
    expect(
      mapSentryValidation(metric, {
        nonFieldErrors: ['Critical trigger must have an alert threshold above warning trigger'],
      })[0]!.path,
    ).toBe('alerts.metric[0].warning');
    expect(mapSentryValidation(issue, { frequency: ['x'], name: ['duplicate'] }).map((p) => p.path)).toEqual([
      'alerts.issue[1].every',
      'alerts.issue[1].name',
    ]);
  });
});
