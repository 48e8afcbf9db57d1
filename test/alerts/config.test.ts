/** The alert rules section: the contract as written, the words teams use, and refusals with key path and fix. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ALERTS_CONFIG_DESCRIPTIONS,
  AlertsConfigError,
  alertsSectionSchema,
  parseAlertsConfig,
} from '../../src/alerts/index.ts';
import { CONTRACT_YAML } from './fixtures.ts';

function problems(yaml: string): Record<string, string> {
  try {
    parseAlertsConfig(yaml);
  } catch (error) {
    if (!(error instanceof AlertsConfigError)) throw error;
    return Object.fromEntries(error.problems.map((p) => [p.path, p.message]));
  }
  throw new Error('expected the config to be refused');
}

const withRules = (rules: string) => `sentry: {org: acme, projects: [web, api]}\nalerts:\n${rules}`;

describe('parseAlertsConfig', () => {
  it('reads the contract YAML as written', () => {
    const config = parseAlertsConfig(CONTRACT_YAML);
    expect(config).toMatchObject({ org: 'acme', projects: ['web'], prune: false });
    expect(config.issue.map((r) => [r.name, r.projects, r.every])).toEqual([
      ['New issue in production', ['web'], 30],
      ['Regression', ['web'], 30],
      ['Error burst', ['web'], 30],
    ]);
    expect(config.issue[2]).toMatchObject({
      path: 'alerts.issue[2]',
      when: [{ kind: 'events', count: 10, per: '5m' }],
      environment: 'production',
      notify: [{ kind: 'faultline' }, { kind: 'email-owners' }],
    });
    expect(config.metric[0]).toMatchObject({
      name: 'High error rate',
      projects: ['web'],
      measure: 'errors',
      window: 5,
      critical: { direction: 'above', value: 100 },
      warning: { direction: 'above', value: 50 },
    });
  });

  it('takes every word the rules are written in', () => {
    const config = parseAlertsConfig(
      withRules(`  prune: true
  integration: faultline-acme
  issue:
    - name: Lots of users
      when: [reappeared, { users: 50, per: 1h }]
      match: all
      level: ">=warning"
      tags: { browser: Chrome, handled: false }
      notify: [email:team:backend, "email:member:ada@example.com", pagerduty-app]
      every: 2h
      projects: [api]
      adopt: Old users rule
  metric:
    - name: Slow checkout
      projects: [web, api]
      measure: p95(transaction.duration)
      window: 1h
      environment: production
      query: transaction:/checkout
      critical: { above: 2000, resolve: 1500 }
      notify: [email:team:backend]
      dataset: generic_metrics
    - name: Crash free
      measure: crash-free-sessions
      window: 12h
      critical: { below: 99, resolve: 99.8 }
      warning: { below: 99.5 }
      notify: [faultline]`),
    );
    expect(config).toMatchObject({ prune: true, integration: 'faultline-acme' });
    expect(config.issue[0]).toMatchObject({
      when: [{ kind: 'reappeared' }, { kind: 'users', count: 50, per: '1h' }],
      match: 'all',
      level: { match: 'gte', level: 'warning' },
      tags: { browser: 'Chrome', handled: 'false' },
      notify: [
        { kind: 'email-team', team: 'backend' },
        { kind: 'email-member', member: 'ada@example.com' },
        { kind: 'integration', name: 'pagerduty-app' },
      ],
      every: 120,
      projects: ['api'],
      adopt: 'Old users rule',
    });
    expect(config.metric[0]).toMatchObject({ projects: ['web', 'api'], window: 60, critical: { resolve: 1500 } });
    expect(config.metric[1]).toMatchObject({ projects: ['web', 'api'], window: 720 });
  });

  it('refuses what Sentry would refuse, naming the key and the fix', () => {
    const found = problems(
      withRules(`  issue:
    - name: A
      when: [regresion, { events: 10, per: 7m }]
      notify: [faultline]
      every: 1m
    - name: B
      when: []
      level: loud
      notify: [email:everyone]
  metric:
    - name: C
      measure: p96(transaction.duration)
      window: 5m
      critical: { above: 1 }
      notify: [faultline]
    - name: D
      measure: errors
      window: 3h
      critical: { above: 100, resolve: 150 }
      warning: { above: 150 }
      notify: [email:owners]
    - name: E
      measure: crash-free-users
      window: 5m
      critical: { below: 99 }
      warning: { above: 99.5, resolve: 1 }
      notify: [faultline]`),
    );
    expect(found).toEqual({
      'alerts.issue[0].when[0]': expect.stringContaining('unknown trigger "regresion": use new-issue, regression'),
      'alerts.issue[0].when[1].per': expect.stringContaining('use one of 1m, 5m, 15m, 1h, 1d, 1w, 30d'),
      'alerts.issue[0].every': expect.stringContaining('from 5m to 30d'),
      'alerts.issue[1].when': expect.stringContaining('say when the rule fires'),
      'alerts.issue[1].level': expect.stringContaining('use error, ">=warning" or "<=info"'),
      'alerts.issue[1].notify[0]': expect.stringContaining('use email:owners, email:team:<slug>'),
      'alerts.metric[0].measure': expect.stringContaining('unknown measure: use one of errors, users'),
      'alerts.metric[1].window': expect.stringContaining('use 1m, 5m, 10m, 15m, 30m, 1h, 2h, 4h, 1d'),
      'alerts.metric[1].warning': expect.stringContaining('beyond critical 100'),
      'alerts.metric[1].critical.resolve': expect.stringContaining('resolve 150 must be below the critical threshold'),
      'alerts.metric[1].notify': expect.stringContaining('metric alerts have no issue owners'),
      'alerts.metric[2].window': expect.stringContaining('use 30m, 1h, 2h, 4h, 12h, 1d'),
      'alerts.metric[2].warning.resolve': expect.stringContaining('move resolve to critical'),
      'alerts.metric[2].warning': expect.stringContaining('warning must be below like critical'),
    });
  });

  it('refuses two rules of one kind with the same name in a project, and a missing sentry section', () => {
    expect(
      problems(
        withRules(`  issue:
    - { name: Same, when: [new-issue], notify: [faultline] }
    - { name: same, when: [regression], notify: [faultline], projects: [api] }`),
      ),
    ).toEqual({ 'alerts.issue[1].name': expect.stringContaining('two issue rules named "same" in project api') });
    expect(problems('alerts: {}')).toEqual({ sentry: 'add sentry: {org: <slug>, projects: [<slug>]}' });
    expect(problems('sentry: [')).toEqual({ '(file)': expect.stringContaining('not valid YAML') });
  });

  it("leaves the app's triage switches under alerts to the app", () => {
    const config = parseAlertsConfig(withRules('  issues: true\n  eventAlerts: false\n  errors: false\n'));
    expect(config.issue).toEqual([]);
  });

  it('describes every key of the section for the generated reference', () => {
    type Json = { type?: string; properties?: Record<string, Json>; items?: Json };
    const keys = (schema: Json, prefix: string): string[] =>
      Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => {
        const key = `${prefix}${name}`;
        if (prop.type === 'object' && prop.properties) return keys(prop, `${key}.`);
        const items = prop.type === 'array' && prop.items?.properties ? keys(prop.items, `${key}[].`) : [];
        return [key, ...items];
      });
    const schema = z.toJSONSchema(alertsSectionSchema, { io: 'input', unrepresentable: 'any' }) as Json;
    const appKeys = ['alerts.issues', 'alerts.eventAlerts', 'alerts.errors'];
    expect(
      keys(schema, 'alerts.')
        .filter((k) => !appKeys.includes(k))
        .sort(),
    ).toEqual(Object.keys(ALERTS_CONFIG_DESCRIPTIONS).sort());
  });
});
