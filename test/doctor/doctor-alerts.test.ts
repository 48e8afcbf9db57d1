// The doctor's alert rule checks against the Sentry emulator: with a repository config (--config, or
// .github/faultline.yml in the working directory) it says whether an issue rule of each project notifies faultline
// and whether Sentry holds the config's rules, with the fix (`faultline alerts plan` / `apply`).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { DEFAULT_INSTALLATION_UUID } from '../../emulators/sentry/state.ts';
import { applyAlertsPlan, parseAlertsConfig, planAlertRules } from '../../src/alerts/index.ts';
import { type CliIo, runDoctorCommand } from '../../src/cli/doctor-command.ts';
import { judgeNotifies } from '../../src/doctor/alerts-checks.ts';
import { parseDoctorSettings } from '../../src/doctor/index.ts';
import { SentryClient } from '../../src/sentry/index.ts';
import { CONTRACT_YAML } from '../alerts/fixtures.ts';

const TOKEN = `sntrys_${'a1e7'.repeat(12)}`;
let emulator: SentryEmulator;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  emulator = await startSentryEmulator({
    token: TOKEN,
    seed: { installations: [{ uuid: DEFAULT_INSTALLATION_UUID, app: { slug: 'faultline' } }] },
  });
  dir = await mkdtemp(join(tmpdir(), 'faultline-doctor-alerts-'));
  await mkdir(join(dir, '.github'));
  await writeFile(join(dir, '.github', 'faultline.yml'), CONTRACT_YAML);
  await writeFile(join(dir, 'projects-only.yml'), 'sentry:\n  org: acme\n  projects: [web, api]\n');
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  emulator.reset();
  // No SENTRY_ORG or SENTRY_PROJECT: the config names them.
  env = { SENTRY_URL: emulator.url, SENTRY_AUTH_TOKEN: TOKEN };
});

async function doctor(argv: string[], cwd = dir) {
  const out: string[] = [];
  const io: CliIo = { env, cwd, stdout: (l) => out.push(l), stderr: (l) => out.push(l) };
  const code = await runDoctorCommand(['--no-app', ...argv], io);
  return { code, stdout: out.join('\n') };
}

async function applyContract(): Promise<void> {
  const client = new SentryClient({ url: emulator.url, token: TOKEN, org: 'acme', retryBaseMs: 1 });
  const config = parseAlertsConfig(CONTRACT_YAML);
  await applyAlertsPlan(client, await planAlertRules(client, config));
}

describe('faultline doctor with a repository config', () => {
  it('rules not applied yet: ✗ nothing notifies faultline, ✗ drift with the fix, org and projects from the config', async () => {
    const { code, stdout } = await doctor([]);
    expect(stdout).toMatch(/✓ organization acme/);
    expect(stdout).toMatch(/✓ project web/);
    expect(stdout).toMatch(
      /✓ alert rules config\s+\.github\/faultline\.yml: org acme, projects web, 3 issue and 1 metric/,
    );
    expect(stdout).toMatch(/✗ alerts of web reach faultline\s+no issue alert rule of web notifies faultline/);
    expect(stdout).toMatch(/fix: add a rule with `notify: \[faultline\]` under alerts\.issue/);
    expect(stdout).toMatch(
      /✗ alert rules match the config\s+Sentry differs from \.github\/faultline\.yml: 4 to create/,
    );
    expect(stdout).toMatch(/fix: run `faultline alerts plan --config \.github\/faultline\.yml` to see the changes/);
    expect(code).toBe(1);
  });

  it('after apply: every alert check passes, naming the rules that notify faultline', async () => {
    await applyContract();
    const { code, stdout } = await doctor([]);
    expect(stdout).toMatch(
      /✓ alerts of web reach faultline\s+"(New issue in production|Regression|Error burst) \[faultline\]"/,
    );
    expect(stdout).toMatch(/✓ alert rules match the config\s+Sentry holds the rules of \.github\/faultline\.yml/);
    expect(stdout).toMatch(/0 failed/);
    expect(code).toBe(0);
  });

  it('a threshold changed in the config and not applied is drift', async () => {
    await applyContract();
    await writeFile(
      join(dir, 'changed.yml'),
      CONTRACT_YAML.replace('critical: { above: 100 }', 'critical: { above: 250 }'),
    );
    const { code, stdout } = await doctor(['--config', 'changed.yml']);
    expect(stdout).toMatch(/✗ alert rules match the config\s+Sentry differs from .*1 to update/);
    expect(code).toBe(1);
  });

  it('--config with only sentry.projects: checks each project, no drift to check', async () => {
    await applyContract();
    const { code, stdout } = await doctor(['--config', 'projects-only.yml']);
    expect(stdout).toMatch(/✓ alerts of web reach faultline/);
    expect(stdout).toMatch(/✗ alerts of api reach faultline\s+no issue alert rule of api notifies faultline \(0 rule/);
    expect(stdout).toMatch(/– alert rules match the config\s+skipped: projects-only\.yml declares no alert rules/);
    expect(code).toBe(1);
  });

  it('--config naming a missing file fails; no config in the directory runs no alert check', async () => {
    const missing = await doctor(['--config', 'nope.yml']);
    expect(missing.stdout).toMatch(/✗ alert rules config\s+cannot read nope\.yml \(ENOENT\)/);
    expect(missing.stdout).toMatch(/fix: pass --config with the path of the repository config/);
    expect(missing.code).toBe(1);
    env = { ...env, SENTRY_ORG: 'acme', SENTRY_PROJECT: 'web' };
    const none = await doctor([], tmpdir());
    expect(none.stdout).not.toMatch(/alert rules/);
    expect(none.code).toBe(0);
  });

  it('faultline not installed: each project ✗ saying so', async () => {
    const bare = await startSentryEmulator({
      token: TOKEN,
      seed: { installations: [{ uuid: DEFAULT_INSTALLATION_UUID, app: { slug: 'pagerbot' } }] },
    });
    env = { ...env, SENTRY_URL: bare.url };
    const { stdout } = await doctor([]).finally(() => bare.close());
    expect(stdout).toMatch(
      /✗ alerts of web reach faultline\s+the faultline integration is not installed .*installed: pagerbot/,
    );
    expect(stdout).toMatch(/fix: install the faultline integration in Sentry/);
  });

  it('SENTRY_ORG disagreeing with the config fails the config check', async () => {
    env = { ...env, SENTRY_ORG: 'other' };
    const { stdout } = await doctor([]);
    expect(stdout).toMatch(/✗ organization other/);
    expect(stdout).toMatch(
      /✗ alert rules config\s+SENTRY_ORG is "other" but \.github\/faultline\.yml says sentry\.org: acme/,
    );
  });
});

describe('doctor settings and judges', () => {
  it('--config FILE is parsed', () => {
    expect(parseDoctorSettings(['--config', 'ci/faultline.yml'], {}).config).toBe('ci/faultline.yml');
    expect(parseDoctorSettings([], {}).config).toBeUndefined();
  });

  it('a rule notifies faultline through the service action or the sentry-app action of its installation', () => {
    const installation = { uuid: 'inst-1', status: 'installed', app: { uuid: 'app-1', slug: 'faultline' } };
    const rule = (actions: Array<Record<string, unknown>>) =>
      ({ id: '1', name: 'r', actionMatch: 'all', conditions: [], filters: [], actions, frequency: 30 }) as never;
    const service = { id: 'sentry.rules.actions.notify_event_service.NotifyEventServiceAction', service: 'faultline' };
    const app = {
      id: 'sentry.rules.actions.notify_event_sentry_app.NotifyEventSentryAppAction',
      sentryAppInstallationUuid: 'inst-1',
    };
    const mail = { id: 'sentry.mail.actions.NotifyEmailAction', targetType: 'IssueOwners' };
    expect(judgeNotifies('web', installation, [rule([mail, service])]).status).toBe('pass');
    expect(judgeNotifies('web', installation, [rule([app])]).status).toBe('pass');
    expect(judgeNotifies('web', installation, [rule([mail]), rule([{ ...service, service: 'other' }])]).status).toBe(
      'fail',
    );
  });
});
