/**
 * Alert rules end to end against the Sentry emulator: apply every example teams give, check what Sentry holds field
 * by field, change a threshold, drop a rule (kept unless prune), re-plan to empty; a hand-made rule survives; an
 * unknown integration fails the plan; the contract YAML works through `faultline alerts plan` then `apply`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { DEFAULT_INSTALLATION_UUID } from '../../emulators/sentry/state.ts';
import {
  AlertsApplyError,
  applyAlertsPlan,
  hasChanges,
  parseAlertsConfig,
  planAlertRules,
} from '../../src/alerts/index.ts';
import { runCli } from '../../src/cli/cli.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { SentryClient } from '../../src/sentry/index.ts';
import { CONTRACT_YAML, EVERY_EXAMPLE_YAML } from './fixtures.ts';

let emu: SentryEmulator;
let client: SentryClient;
let dir: string;
let receiver: Server;
const received: Array<{ resource: string; body: Record<string, unknown> }> = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      received.push({
        resource: String(req.headers['sentry-hook-resource']),
        body: JSON.parse(Buffer.concat(parts).toString()) as Record<string, unknown>,
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/sentry/webhook`;
  emu = await startSentryEmulator({
    seed: {
      installations: [{ uuid: DEFAULT_INSTALLATION_UUID, app: { slug: 'faultline' }, webhookUrl: hookUrl }],
      teams: [{ slug: 'backend', id: 7 }],
    },
  });
  client = new SentryClient({ url: emu.url, token: emu.token, org: 'acme', retryBaseMs: 1 });
  dir = await mkdtemp(join(tmpdir(), 'faultline-alerts-'));
});

afterAll(async () => {
  await emu.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  emu.reset();
  received.length = 0;
});

async function applyYaml(yaml: string) {
  const config = parseAlertsConfig(yaml);
  const plan = await planAlertRules(client, config);
  const applied = await applyAlertsPlan(client, plan);
  return { plan, applied, next: await planAlertRules(client, config) };
}

/** A rule a person made in Sentry's UI: a name without faultline's marker. */
async function makeRuleByHand(): Promise<string> {
  const rule = await client.createIssueAlertRule('web', {
    name: 'Regression',
    actionMatch: 'all',
    filterMatch: 'all',
    frequency: 1440,
    environment: 'staging',
    conditions: [{ id: 'sentry.rules.conditions.regression_event.RegressionEventCondition' }],
    filters: [],
    actions: [{ id: 'sentry.mail.actions.NotifyEmailAction', targetType: 'IssueOwners', fallthroughType: 'NoOne' }],
  });
  return rule.id;
}

function capture(env: NodeJS.ProcessEnv): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { env, cwd: dir, stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, out, err };
}

describe('alert rules against the Sentry emulator', () => {
  it('applies every example teams give and Sentry holds each rule field by field', async () => {
    const { applied, next } = await applyYaml(EVERY_EXAMPLE_YAML);
    expect(applied.map((a) => `${a.action} ${a.kind} ${a.name}`)).toEqual([
      'created issue New issue',
      'created issue Regression',
      'created issue Burst in production',
      'created metric Errors over 100',
      'created metric Slow p95',
      'created metric Crash free sessions',
      'created metric Failure rate',
    ]);
    expect(hasChanges(next)).toBe(false);

    const state = emu.state();
    const issue = (name: string) => state.issueAlertRules.find((r) => r.name === `${name} [faultline]`)!;
    const faultline = {
      id: 'sentry.rules.actions.notify_event_service.NotifyEventServiceAction',
      service: 'faultline',
    };
    expect(issue('New issue')).toMatchObject({
      project: 'web',
      actionMatch: 'any',
      frequency: 30,
      environment: null,
      conditions: [{ id: 'sentry.rules.conditions.first_seen_event.FirstSeenEventCondition' }],
      filters: [],
      actions: [faultline],
    });
    expect(issue('Regression').conditions).toEqual([
      { id: 'sentry.rules.conditions.regression_event.RegressionEventCondition' },
    ]);
    expect(issue('Regression').actions[1]).toEqual({
      id: 'sentry.mail.actions.NotifyEmailAction',
      targetType: 'IssueOwners',
      fallthroughType: 'ActiveMembers',
    });
    expect(issue('Burst in production')).toMatchObject({
      environment: 'production',
      frequency: 60,
      filterMatch: 'all',
      conditions: [
        {
          id: 'sentry.rules.conditions.event_frequency.EventFrequencyCondition',
          value: 10,
          interval: '5m',
          comparisonType: 'count',
        },
      ],
      filters: [{ id: 'sentry.rules.filters.level.LevelFilter', match: 'gte', level: '40' }],
      actions: [
        faultline,
        {
          id: 'sentry.mail.actions.NotifyEmailAction',
          targetType: 'Team',
          targetIdentifier: 7,
          fallthroughType: 'ActiveMembers',
        },
      ],
    });

    const metric = (name: string) => state.metricAlertRules.find((r) => r.name === `${name} [faultline]`)!;
    const app = { type: 'sentry_app', targetType: 'sentry_app', sentryAppInstallationUuid: DEFAULT_INSTALLATION_UUID };
    expect(metric('Errors over 100')).toMatchObject({
      aggregate: 'count()',
      dataset: 'events',
      queryType: 0,
      eventTypes: ['error'],
      query: '',
      timeWindow: 5,
      thresholdType: 0,
      resolveThreshold: 40,
      environment: null,
      projects: ['web'],
      triggers: [
        {
          label: 'critical',
          alertThreshold: 100,
          actions: [app, { type: 'email', targetType: 'team', targetIdentifier: '7' }],
        },
        { label: 'warning', alertThreshold: 50 },
      ],
    });
    expect(metric('Slow p95')).toMatchObject({
      aggregate: 'p95(transaction.duration)',
      dataset: 'transactions',
      queryType: 1,
      query: 'transaction:/checkout',
      timeWindow: 10,
      environment: 'production',
      triggers: [{ label: 'critical', alertThreshold: 1500, actions: [app] }],
    });
    expect(metric('Crash free sessions')).toMatchObject({
      aggregate: 'percentage(sessions_crashed, sessions) AS _crash_rate_alert_aggregate',
      dataset: 'metrics',
      queryType: 2,
      timeWindow: 60,
      thresholdType: 1,
      triggers: [
        {
          label: 'critical',
          alertThreshold: 99,
          actions: [{ type: 'email', targetType: 'user', targetIdentifier: '1' }],
        },
        { label: 'warning', alertThreshold: 99.5 },
      ],
    });
    expect(metric('Failure rate')).toMatchObject({ aggregate: 'failure_rate()', timeWindow: 15 });
  });

  it('changes one threshold as one update, keeps a dropped rule unless prune, and re-plans to empty', async () => {
    const handMade = await makeRuleByHand();
    await applyYaml(EVERY_EXAMPLE_YAML);

    const raised = EVERY_EXAMPLE_YAML.replace('critical: { above: 1500 }', 'critical: { above: 2000 }');
    const { plan, next } = await applyYaml(raised);
    expect(plan.counts).toMatchObject({ create: 0, update: 1, delete: 0 });
    expect(plan.rules.find((r) => r.action === 'update')).toMatchObject({
      name: 'Slow p95',
      path: 'alerts.metric[1]',
      changes: [{ field: 'critical.alertThreshold', before: 1500, after: 2000 }],
    });
    expect(hasChanges(next)).toBe(false);
    expect(
      emu.state().metricAlertRules.find((r) => r.name === 'Slow p95 [faultline]')!.triggers[0]!.alertThreshold,
    ).toBe(2000);

    const withoutFailureRate = raised.slice(0, raised.indexOf('    - name: Failure rate'));
    const kept = await applyYaml(withoutFailureRate);
    expect(kept.plan.rules.find((r) => r.name === 'Failure rate')).toMatchObject({ action: 'keep' });
    expect(hasChanges(kept.plan)).toBe(false);
    expect(emu.state().metricAlertRules.map((r) => r.name)).toContain('Failure rate [faultline]');

    // Another repository manages the api project's rules: this config's prune leaves them be.
    const otherRepo = await applyYaml(
      CONTRACT_YAML.replace('projects: [web]', 'projects: [api]').replace('project: web', 'project: api'),
    );
    expect(otherRepo.applied).toHaveLength(4);

    const pruned = await applyYaml(withoutFailureRate.replace('alerts:\n', 'alerts:\n  prune: true\n'));
    expect(pruned.applied).toEqual([
      expect.objectContaining({ action: 'deleted', kind: 'metric', name: 'Failure rate' }),
    ]);
    expect(emu.state().metricAlertRules.map((r) => r.name)).not.toContain('Failure rate [faultline]');
    expect(
      emu
        .state()
        .metricAlertRules.filter((r) => r.projects[0] === 'api')
        .map((r) => r.name),
    ).toEqual(['High error rate [faultline]']);
    expect(hasChanges(pruned.next)).toBe(false);

    // The person's rule named like a config rule was never touched.
    expect(emu.state().issueAlertRules.find((r) => r.id === handMade)).toMatchObject({
      name: 'Regression',
      frequency: 1440,
      environment: 'staging',
    });
  });

  it('adopts a hand-made rule only when the config says so', async () => {
    const handMade = await makeRuleByHand();
    const adopting = CONTRACT_YAML.replace('    - name: Regression\n', '    - name: Regression\n      adopt: true\n');
    const { plan, next } = await applyYaml(adopting);
    expect(plan.rules.find((r) => r.name === 'Regression')).toMatchObject({
      action: 'update',
      id: handMade,
      adoptedFrom: 'Regression',
    });
    expect(hasChanges(next)).toBe(false);
    expect(emu.state().issueAlertRules.find((r) => r.id === handMade)).toMatchObject({
      name: 'Regression [faultline]',
      frequency: 30,
      environment: null,
    });
  });

  it('fails the plan naming an integration the organization does not have', async () => {
    const yaml = CONTRACT_YAML.replace('notify: [faultline, email:owners]', 'notify: [faultline, opsgenie-bridge]');
    await writeFile(join(dir, 'unknown.yml'), yaml);
    const c = capture({ SENTRY_URL: emu.url, SENTRY_AUTH_TOKEN: emu.token });
    expect(await runCli(['alerts', 'plan', '--config', 'unknown.yml'], c.io)).toBe(1);
    expect(c.err.join('\n')).toContain(
      'alerts.issue[2].notify[1]: no installed integration is named "opsgenie-bridge" (installed: faultline)',
    );
    expect(emu.state().issueAlertRules).toEqual([]);
  });

  it("maps Sentry's refusal back to the config key", async () => {
    const duplicate = CONTRACT_YAML.replace(
      '  metric:',
      '    - name: New issue again\n      when: [new-issue]\n      environment: production\n      notify: [faultline]\n  metric:',
    );
    const config = parseAlertsConfig(duplicate);
    const error = await applyAlertsPlan(client, await planAlertRules(client, config)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlertsApplyError);
    expect((error as AlertsApplyError).problems).toEqual([
      {
        path: 'alerts.issue[3].name',
        message: expect.stringContaining("exact duplicate of 'New issue in production [faultline]'"),
      },
    ]);
  });

  it('runs the contract YAML as written through `faultline alerts plan` then `apply`, and a rule fires end to end', async () => {
    await writeFile(join(dir, 'faultline.yml'), CONTRACT_YAML);
    const env = { SENTRY_URL: emu.url, SENTRY_AUTH_TOKEN: emu.token, SENTRY_ORG: 'acme' };
    const args = (cmd: string) => ['alerts', cmd, '--config', 'faultline.yml'];

    const plan = capture(env);
    expect(await runCli(args('plan'), plan.io)).toBe(2);
    expect(plan.out.join('\n')).toContain('Alert rules (acme): 4 to create, 0 to update, 0 to delete, 0 unchanged');

    const apply = capture(env);
    expect(await runCli(args('apply'), apply.io)).toBe(0);
    expect(apply.out.join('\n')).toContain('Alert rules (acme): 4 created, 0 updated, 0 deleted');

    const again = capture(env);
    expect(await runCli([...args('plan'), '--json'], again.io)).toBe(0);
    expect(JSON.parse(again.out.join('\n'))).toMatchObject({
      changes: false,
      counts: { create: 0, update: 0, delete: 0, unchanged: 4, keep: 0 },
    });

    emu.seed({
      issues: [{ id: '42', project: 'web', title: 'TypeError: x is undefined' }],
      events: [{ issueId: '42', eventID: 'b'.repeat(32), environment: 'production' }],
    });
    const rule = emu.state().issueAlertRules.find((r) => r.name === 'New issue in production [faultline]')!;
    const fired = await fetch(`${emu.url}/__emulator/rules/${rule.id}/fire`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ issueId: '42' }),
    });
    expect(fired.status).toBe(200);
    expect(received).toEqual([
      expect.objectContaining({
        resource: 'event_alert',
        body: expect.objectContaining({
          action: 'triggered',
          data: expect.objectContaining({ triggered_rule: 'New issue in production [faultline]' }),
        }),
      }),
    ]);
  });

  it('exits 1 with the key path when the config is refused, and when SENTRY_ORG disagrees', async () => {
    await writeFile(join(dir, 'bad.yml'), CONTRACT_YAML.replace('window: 5m', 'window: 7m'));
    const bad = capture({ SENTRY_URL: emu.url, SENTRY_AUTH_TOKEN: emu.token });
    expect(await runCli(['alerts', 'plan', '--config', 'bad.yml'], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toContain('alerts.metric[0].window: window "7m" is not one Sentry accepts for errors');

    await writeFile(join(dir, 'faultline.yml'), CONTRACT_YAML);
    const other = capture({ SENTRY_URL: emu.url, SENTRY_AUTH_TOKEN: emu.token, SENTRY_ORG: 'globex' });
    expect(await runCli(['alerts', 'plan', '--config', 'faultline.yml'], other.io)).toBe(1);
    expect(other.err.join('\n')).toContain('SENTRY_ORG is "globex"');
  });
});
