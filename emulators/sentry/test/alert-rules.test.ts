/** Alert rules: both rule APIs with Sentry's validation bodies, pagination, lookups, state, and firing a rule. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SentryEmulator } from '../server.ts';
import { DEFAULT_INSTALLATION_UUID } from '../state.ts';
import { call, org, useSentryEmulator, useWebhookReceiver } from './helpers.ts';

const rules = (project = 'web') => `/api/0/projects/acme/${project}/rules/`;
const FIRST_SEEN = 'sentry.rules.conditions.first_seen_event.FirstSeenEventCondition';
const NOTIFY_SERVICE = 'sentry.rules.actions.notify_event_service.NotifyEventServiceAction';

const issueRule = (overrides: Record<string, unknown> = {}) => ({
  name: 'New issue',
  actionMatch: 'any',
  filterMatch: 'all',
  frequency: 30,
  environment: 'production',
  conditions: [{ id: FIRST_SEEN }],
  filters: [],
  actions: [{ id: NOTIFY_SERVICE, service: 'faultline' }],
  ...overrides,
});

async function availableSentryApp(emu: SentryEmulator) {
  const actions = (await call(emu, 'GET', org('alert-rules/available-actions/'))).json as Array<{
    type: string;
    sentryAppId?: number;
  }>;
  return actions.find((a) => a.type === 'sentry_app')!.sentryAppId!;
}

const metricRule = (sentryAppId: number, overrides: Record<string, unknown> = {}) => ({
  name: 'Too many errors',
  aggregate: 'count()',
  dataset: 'events',
  queryType: 0,
  eventTypes: ['error'],
  query: '',
  timeWindow: 5,
  thresholdType: 0,
  resolveThreshold: null,
  environment: null,
  projects: ['web'],
  triggers: [
    {
      label: 'critical',
      alertThreshold: 100,
      actions: [{ type: 'sentry_app', targetType: 'sentry_app', targetIdentifier: String(sentryAppId), sentryAppId }],
    },
  ],
  ...overrides,
});

describe('Sentry emulator: alert rules', () => {
  let emu: SentryEmulator;
  const hooks = useWebhookReceiver('/sentry/webhook');
  useSentryEmulator(
    () => ({
      seed: {
        installations: [{ uuid: DEFAULT_INSTALLATION_UUID, app: { slug: 'faultline' }, webhookUrl: hooks.url }],
        teams: [{ slug: 'backend', id: 7 }],
      },
    }),
    (started) => (emu = started),
  );

  it('creates, lists, updates and deletes issue rules, labelling each node as Sentry serializes it', async () => {
    const created = await call(emu, 'POST', rules(), { json: issueRule() });
    expect(created.status).toBe(200);
    const rule = created.json as { id: string; conditions: Array<{ id: string; name: string }>; projects: string[] };
    expect(rule.conditions[0]).toEqual({ id: FIRST_SEEN, name: 'A new issue is created' });
    expect(rule.projects).toEqual(['web']);

    const updated = await call(emu, 'PUT', `${rules()}${rule.id}/`, { json: issueRule({ frequency: 60 }) });
    expect(updated.json).toMatchObject({ id: rule.id, frequency: 60 });
    expect(emu.state().issueAlertRules).toEqual([
      expect.objectContaining({ id: rule.id, project: 'web', frequency: 60 }),
    ]);

    expect((await call(emu, 'DELETE', `${rules()}${rule.id}/`)).status).toBe(202);
    expect((await call(emu, 'GET', rules())).json).toEqual([]);
    expect((await call(emu, 'GET', `${rules()}${rule.id}/`)).status).toBe(404);
  });

  it("answers Sentry's validation errors for issue rules field by field", async () => {
    const bad = await call(emu, 'POST', rules(), {
      json: issueRule({
        name: 'x'.repeat(65),
        frequency: 2,
        conditions: [
          { id: 'sentry.rules.conditions.event_frequency.EventFrequencyCondition', value: 10, interval: '7m' },
        ],
        actions: [{ id: NOTIFY_SERVICE, service: 'pagerduty' }],
      }),
    });
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual({
      name: ['Ensure this field has no more than 64 characters.'],
      frequency: ['Ensure this value is greater than or equal to 5.'],
      conditions: ['Select a valid choice. 7m is not one of the available choices.'],
      actions: ['Select a valid choice. pagerduty is not one of the available choices.'],
    });
    expect((await call(emu, 'POST', rules(), { json: issueRule({ actions: [] }) })).json).toEqual({
      actions: ['You must add an action for this alert to fire.'],
    });
    await call(emu, 'POST', rules(), { json: issueRule() });
    expect((await call(emu, 'POST', rules(), { json: issueRule({ name: 'Copy' }) })).json).toMatchObject({
      name: ["This rule is an exact duplicate of 'New issue' in this project and may not be created."],
    });
  });

  it('pages issue rule lists with Link headers, newest first', async () => {
    for (let i = 0; i < 3; i++) {
      await call(emu, 'POST', rules(), { json: issueRule({ name: `r${i}`, frequency: 30 + i }) });
    }
    const first = await call(emu, 'GET', `${rules()}?per_page=2`);
    expect((first.json as Array<{ name: string }>).map((r) => r.name)).toEqual(['r2', 'r1']);
    const next = /<([^>]+)>; rel="next"; results="true"/.exec(first.headers.get('link') ?? '')![1]!;
    const second = await call(emu, 'GET', new URL(next).pathname + new URL(next).search);
    expect((second.json as Array<{ name: string }>).map((r) => r.name)).toEqual(['r0']);
    expect(second.headers.get('link')).toContain('rel="next"; results="false"');
  });

  it('creates and updates metric rules and checks their triggers as Sentry does', async () => {
    const appId = await availableSentryApp(emu);
    const created = await call(emu, 'POST', org('alert-rules/'), { json: metricRule(appId) });
    expect(created.status).toBe(201);
    const rule = created.json as { id: string; triggers: Array<{ actions: Array<Record<string, unknown>> }> };
    expect(rule.triggers[0]!.actions[0]).toMatchObject({
      type: 'sentry_app',
      sentryAppId: appId,
      sentryAppInstallationUuid: DEFAULT_INSTALLATION_UUID,
    });

    const warningAbove = metricRule(appId, {
      triggers: [
        { ...metricRule(appId).triggers[0], alertThreshold: 50 },
        { ...metricRule(appId).triggers[0], label: 'warning', alertThreshold: 80 },
      ],
    });
    expect((await call(emu, 'PUT', org(`alert-rules/${rule.id}/`), { json: warningAbove })).json).toEqual({
      nonFieldErrors: ['Critical trigger must have an alert threshold above warning trigger'],
    });
    expect(
      (await call(emu, 'POST', org('alert-rules/'), { json: metricRule(appId, { timeWindow: 2000 }) })).json,
    ).toEqual({
      timeWindow: ['Ensure this value is less than or equal to 1440.'],
    });
    expect(
      (await call(emu, 'POST', org('alert-rules/'), { json: metricRule(appId, { aggregate: 'p96(x)' }) })).json,
    ).toEqual({
      aggregate: ['Invalid Metric: We do not currently support this field.'],
    });
    const crash = 'percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate';
    expect(
      (
        await call(emu, 'POST', org('alert-rules/'), {
          json: metricRule(appId, { aggregate: crash, dataset: 'metrics' }),
        })
      ).json,
    ).toEqual({
      nonFieldErrors: [
        'Invalid Time Window: Allowed time windows for crash rate alerts are: 30min, 1h, 2h, 4h, 12h and 24h',
      ],
    });
    const noApp = metricRule(appId);
    noApp.triggers[0]!.actions = [
      { type: 'sentry_app', targetType: 'sentry_app', targetIdentifier: '1', sentryAppId: 1 },
    ];
    expect((await call(emu, 'POST', org('alert-rules/'), { json: noApp })).json).toEqual({
      triggers: [{ actions: [{ sentryApp: ['The installation does not exist.'] }] }],
    });
    expect(emu.state().metricAlertRules).toHaveLength(1);
    expect((await call(emu, 'DELETE', org(`alert-rules/${rule.id}/`))).status).toBe(204);
    expect(emu.state().metricAlertRules).toEqual([]);
  });

  it('lists the installations, teams and members an action can name', async () => {
    expect((await call(emu, 'GET', org('sentry-app-installations/'))).json).toEqual([
      expect.objectContaining({ uuid: DEFAULT_INSTALLATION_UUID, app: expect.objectContaining({ slug: 'faultline' }) }),
    ]);
    expect((await call(emu, 'GET', org('teams/'))).json).toEqual([{ id: '7', slug: 'backend', name: 'backend' }]);
    expect((await call(emu, 'GET', org('members/'))).json).toEqual([
      expect.objectContaining({ email: 'ada@example.com', user: expect.objectContaining({ id: '1' }) }),
    ]);
    expect((await call(emu, 'GET', org('integrations/'))).json).toEqual([]);
  });

  it('fires an issue rule as a signed event_alert webhook to the integration it notifies', async () => {
    emu.seed({
      issues: [{ id: '42', project: 'web', title: 'TypeError: x is undefined' }],
      events: [{ issueId: '42', eventID: 'a'.repeat(32), environment: 'production' }],
    });
    const rule = (await call(emu, 'POST', rules(), { json: issueRule() })).json as { id: string };
    const fired = await call(emu, 'POST', `/__emulator/rules/${rule.id}/fire`, {
      json: { issueId: '42' },
      token: null,
    });
    expect(fired.status).toBe(200);
    await hooks.until(1);
    const hook = hooks.received[0]!;
    expect(hook.resource).toBe('event_alert');
    expect(hook.body).toMatchObject({
      action: 'triggered',
      installation: { uuid: DEFAULT_INSTALLATION_UUID },
      data: { triggered_rule: 'New issue', event: { event_id: 'a'.repeat(32), issue_id: '42' } },
    });
    const signature = createHmac('sha256', emu.clientSecret).update(hook.raw).digest('hex');
    expect(hook.headers['sentry-hook-signature']).toBe(signature);
  });

  it('fires a metric rule as metric_alert critical, warning or resolved', async () => {
    const appId = await availableSentryApp(emu);
    const rule = (await call(emu, 'POST', org('alert-rules/'), { json: metricRule(appId) })).json as { id: string };
    await call(emu, 'POST', `/__emulator/rules/${rule.id}/fire`, { json: {}, token: null });
    await call(emu, 'POST', `/__emulator/rules/${rule.id}/fire`, { json: { action: 'resolved' }, token: null });
    await hooks.until(2);
    expect(hooks.received.map((h) => [h.resource, (h.body as { action: string }).action])).toEqual([
      ['metric_alert', 'critical'],
      ['metric_alert', 'resolved'],
    ]);
    expect(hooks.received[0]!.body).toMatchObject({
      data: {
        description_title: 'Critical: Too many errors',
        metric_alert: { status: 20, alert_rule: { id: rule.id, aggregate: 'count()', time_window: 5 } },
      },
    });
  });
});
