// A Sentry internal integration sends no installation webhook: its alerts arrive with an installation uuid the app
// has never recorded. With SENTRY_AUTH_TOKEN and SENTRY_ORG set they are that org's; without SENTRY_ORG they are not.
import { testPrivateKey } from '../app/helpers.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../app/config.ts';
import { sqliteFileIn } from '../../app/store/index.ts';
import { type AppWorld, startAppWorld } from '../app-world/world.ts';
import { alertData, githubSeed, ISSUE_ID, REPO, sentrySeed } from './world.ts';

const UNSEEN_INSTALLATION = '7a7a7a7a-5555-4666-8777-988888888888';

let world: AppWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

async function start(org: string | undefined): Promise<AppWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-internal-'));
  world = await startAppWorld({
    sentrySeed: sentrySeed(),
    githubSeed: githubSeed(),
    storage: { kind: 'sqlite', file: sqliteFileIn(dir) },
    disposeStorage: () => rmSync(dir, { recursive: true, force: true }),
    configure: (config) => {
      config.sentry.org = org; // the emulator's token is SENTRY_AUTH_TOKEN already
    },
  });
  return world;
}

async function alertFromUnseenInstallation(w: AppWorld): Promise<void> {
  expect(await w.sendSentry('event_alert', 'triggered', alertData(), { installation: UNSEEN_INSTALLATION })).toBe(202);
  await w.settle();
}

const issuesFor = (w: AppWorld, sentryIssueId: string) =>
  (w.github.state().repos.find((r) => r.full_name === REPO)?.issues ?? []).filter((i) =>
    (i.body ?? '').includes(`faultline:sentry-issue:${sentryIssueId} `),
  );
/** Repository writes, beyond the config-error issue triage files in the seed's acme/broken (invalid config). */
const githubWrites = (w: AppWorld) =>
  w.github
    .state()
    .requests.filter(
      (r) => r.method !== 'GET' && r.path.startsWith('/repos/') && !r.path.startsWith('/repos/acme/broken/'),
    )
    .map((r) => `${r.method} ${r.path}`);

describe('internal integration (SENTRY_AUTH_TOKEN + SENTRY_ORG)', () => {
  it('opens one GitHub issue for an alert from an installation uuid the app has never seen', async () => {
    const w = await start('acme');
    await alertFromUnseenInstallation(w);
    const issues = issuesFor(w, ISSUE_ID);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.body).toContain(`/organizations/acme/issues/${ISSUE_ID}/`);
    // The same alert again (Sentry retries, or fires the rule again) stays one issue.
    await alertFromUnseenInstallation(w);
    expect(issuesFor(w, ISSUE_ID)).toHaveLength(1);
  });

  it('writes nothing without SENTRY_ORG: the unknown installation stays unknown', async () => {
    const w = await start(undefined);
    await alertFromUnseenInstallation(w);
    expect(githubWrites(w)).toEqual([]);
    expect(issuesFor(w, ISSUE_ID)).toEqual([]);
  });

  it('writes nothing to a repo whose config names another org than SENTRY_ORG', async () => {
    const w = await start('globex');
    await alertFromUnseenInstallation(w);
    expect(githubWrites(w)).toEqual([]);
  });
});

describe('SENTRY_ORG setting', () => {
  const pem = testPrivateKey();
  const env = { APP_ID: '1', PRIVATE_KEY: pem, WEBHOOK_SECRET: 'w', SENTRY_CLIENT_SECRET: 's' };
  const problems = (extra: Record<string, string>): string[] => {
    try {
      loadConfig({ ...env, ...extra }, '/srv/app');
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };

  it('SENTRY_AUTH_TOKEN without SENTRY_ORG is refused, naming both and the fix (never the token)', () => {
    const found = problems({ SENTRY_AUTH_TOKEN: 'sntrys_secret_value' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/SENTRY_AUTH_TOKEN is set but SENTRY_ORG is not.*set SENTRY_ORG/);
    expect(found[0]).not.toContain('sntrys_secret_value');
  });

  it('accepts both together, and rejects an org that is not a slug', () => {
    expect(loadConfig({ ...env, SENTRY_AUTH_TOKEN: 't', SENTRY_ORG: 'acme' }, '/srv/app').sentry).toMatchObject({
      authToken: 't',
      org: 'acme',
    });
    expect(problems({ SENTRY_AUTH_TOKEN: 't', SENTRY_ORG: 'acme/web' })).toEqual([
      'SENTRY_ORG is "acme/web": expected an organization slug such as acme (letters, digits, - and _)',
    ]);
  });
});
