import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseRepoConfig } from './repo-config.ts';

const yaml = (text: string) => parseRepoConfig(parseYaml(text));

describe('.github/faultline.yml', () => {
  it('accepts the minimal file as written in the docs and fills the defaults', () => {
    const parsed = yaml('sentry: {org: acme, projects: [web]}\npaths: [{from: "webpack://app/./", to: ""}]\n');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.config.sentry).toEqual({ org: 'acme', projects: ['web'] });
    expect(parsed.config.paths).toEqual([{ from: 'webpack://app/./', to: '' }]);
    expect(parsed.config.labels.always).toEqual(['sentry']);
    expect(parsed.config.assign).toEqual({ codeowners: true, fallback: [] });
    expect(parsed.config.alerts).toEqual({
      issues: true,
      eventAlerts: true,
      errors: false,
      issue: [],
      metric: [],
      prune: false,
    });
    expect(parsed.config.limits.newIssuesPerHour).toBe(30);
  });

  it('takes the sync sections in the same file', () => {
    const parsed = yaml('sentry: {org: acme, projects: [web]}\nsync: {status: true}\nmetricAlerts: {rules: [1]}\n');
    expect(parsed.ok).toBe(true);
  });

  it('names every problem with its key path', () => {
    const parsed = yaml(
      [
        'sentry: {org: acme, projects: []}',
        'path: []',
        'ignore: [{message: "(unclosed"}, {}]',
        'minLevel: loud',
        'releases: {"web@1": "not-a-sha"}',
      ].join('\n'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        'sentry.projects: name at least one Sentry project slug',
        '(top level): unknown key(s) "path"',
        'ignore.0.message: not a valid regular expression',
        'ignore.1: an ignore rule needs at least one of type, message, environment, culprit, level',
        expect.stringMatching(/^minLevel: /),
        'releases.web@1: expected a commit SHA',
      ]),
    );
  });

  it('takes the alert rules as code beside the triage switches, and refuses a rule Sentry would refuse', () => {
    const contract = `sentry:
  org: acme
  projects: [web]
alerts:
  errors: true
  issue:
    - name: New issue in production
      when: [new-issue]
      environment: production
      notify: [faultline]
  metric:
    - name: High error rate
      project: web
      measure: errors
      window: 5m
      critical: { above: 100 }
      warning: { above: 50 }
      notify: [faultline]
`;
    const parsed = parseRepoConfig(parseYaml(contract));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.config.alerts.errors).toBe(true);
      expect(parsed.config.alerts.issue).toHaveLength(1);
    }
    const refused = parseRepoConfig(parseYaml(contract.replace('window: 5m', 'window: 7m')));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems.join('\n')).toMatch(/alerts\.metric\.0\.window: window "7m"/);
  });

  it('requires the sentry section', () => {
    const parsed = parseRepoConfig({});
    expect(parsed).toEqual({ ok: false, problems: ['sentry: is required'] });
  });
});

describe('app/triage/README.md', () => {
  it('shows a config example that validates', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../triage/README.md', import.meta.url), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const parsed = yaml(example!);
    expect(parsed).toMatchObject({ ok: true });
    if (parsed.ok) expect(parsed.config.releases).toEqual({ 'web@2.4.0': '3f2a9c1' });
  });
});
