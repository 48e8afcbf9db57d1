// An organization auth token alone (SENTRY_AUTH_TOKEN=sntrys_…) is enough for every door: the CLI's commands, the
// doctor and the action's doctor step read the server and the organization from it, against the Sentry emulator.
import { testPrivateKey } from '../app/helpers.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { ConfigError, loadConfig } from '../../app/config.ts';
import { doctorSettingsFromInputs } from '../../src/action/doctor.ts';
import { runCli } from '../../src/cli/cli.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { parseDoctorSettings } from '../../src/doctor/settings.ts';
import { type GitFixture, makeRepo } from '../release/git-fixture.ts';

export const orgToken = (claims: Record<string, unknown>) =>
  `sntrys_${Buffer.from(JSON.stringify({ iat: 1_700_000_000, ...claims })).toString('base64')}_${'A'.repeat(43)}`;

function capture(env: NodeJS.ProcessEnv, cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env, cwd, stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  return { io, out, err, text: () => out.join('\n'), errors: () => err.join('\n') };
}

let sentry: SentryEmulator;
let repo: GitFixture;
let dir: string;
let token: string;
beforeAll(async () => {
  [sentry, repo, dir] = await Promise.all([
    startSentryEmulator(),
    makeRepo(),
    mkdtemp(join(tmpdir(), 'faultline-org-token-')),
  ]);
  token = orgToken({ url: sentry.url, region_url: sentry.url, org: sentry.org });
});
afterEach(() => sentry.reset());
afterAll(async () => {
  await Promise.all([sentry.close(), repo.cleanup(), rm(dir, { recursive: true, force: true })]);
});

const accept = () => sentry.seed({ tokens: [{ token }] });

describe('faultline with only an org auth token', () => {
  it('release: the token names the server and the organization', async () => {
    accept();
    const c = capture({ SENTRY_AUTH_TOKEN: token }, repo.dir);
    const code = await runCli(['release', '--release', 'org-1', '-p', 'web', '--environment', 'production'], c.io);
    expect(c.errors()).toBe('');
    expect(code).toBe(0);
    const release = sentry.state().releases.find((r) => r.version === 'org-1');
    expect(release?.projects).toEqual(['web']);
    expect(release?.deploys).toMatchObject([{ environment: 'production' }]);
  });

  it('release: SENTRY_ORG without SENTRY_URL still goes to the token’s own server', async () => {
    accept();
    const c = capture({ SENTRY_AUTH_TOKEN: token, SENTRY_ORG: sentry.org }, repo.dir);
    expect(await runCli(['release', '--release', 'org-2', '--projects', 'web', '--steps', 'create'], c.io)).toBe(0);
    expect(sentry.state().releases.map((r) => r.version)).toContain('org-2');
  });

  it('release: a URL of another server is refused before anything is sent, naming both', async () => {
    accept();
    const c = capture({ SENTRY_AUTH_TOKEN: token, SENTRY_URL: 'https://sentry.io' }, repo.dir);
    expect(await runCli(['release', '--release', 'org-3', '--projects', 'web'], c.io)).toBe(2);
    expect(c.errors()).toContain('SENTRY_URL is https://sentry.io');
    expect(c.errors()).toContain(sentry.url);
    expect(sentry.state().requests).toEqual([]);
  });

  it('sourcemaps upload: no "no organization"', async () => {
    accept();
    await writeFile(join(dir, 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map\n');
    await writeFile(join(dir, 'app.js.map'), JSON.stringify({ version: 3, sources: ['a.ts'], mappings: 'AAAA' }));
    const c = capture({ SENTRY_AUTH_TOKEN: token }, dir);
    const code = await runCli(['sourcemaps', 'upload', '.', '-p', 'web', '--release', 'org-4'], c.io);
    expect(c.errors()).not.toContain('no organization');
    expect(code).toBe(0);
    expect(c.text()).toMatch(/Uploaded 2 file\(s\)/);
  });

  it('doctor: checks the token’s server and organization', async () => {
    accept();
    const settings = parseDoctorSettings([], { SENTRY_AUTH_TOKEN: token });
    expect(settings.sentry).toMatchObject({ url: sentry.url, org: sentry.org });
    const c = capture({ SENTRY_AUTH_TOKEN: token, SENTRY_PROJECT: 'web' }, dir);
    expect(await runCli(['doctor', '--no-app'], c.io)).toBe(0);
    expect(c.text()).toContain(`Sentry (${sentry.url}, org ${sentry.org})`);
  });

  it('doctor: a conflicting --url is a usage error naming both', () => {
    expect(() => parseDoctorSettings(['--url', 'https://sentry.io'], { SENTRY_AUTH_TOKEN: token })).toThrow(
      `--url is https://sentry.io, but the auth token belongs to ${sentry.url}`,
    );
  });

  it('the action’s doctor step reads the token from the auth_token input', () => {
    const settings = doctorSettingsFromInputs({ url: '', org: '', token, projects: 'web' }, {});
    expect(settings.sentry).toMatchObject({ url: sentry.url, org: sentry.org, projects: ['web'] });
  });

  it('alerts: the token names the server', async () => {
    accept();
    await writeFile(join(dir, 'faultline.yml'), 'sentry:\n  org: acme\n  projects: [web]\nalerts: {}\n');
    const c = capture({ SENTRY_AUTH_TOKEN: token }, dir);
    const code = await runCli(['alerts', 'plan', '--config', 'faultline.yml'], c.io);
    expect(c.errors()).toBe('');
    expect(code).toBe(0);
    expect(sentry.state().requests.length).toBeGreaterThan(0);
  });
});

describe('the app (internal-integration mode) with only an org auth token', () => {
  // The app parses its private key at start-up: a real, test-only one.
  const pem = testPrivateKey();
  const app = { APP_ID: '1', PRIVATE_KEY: pem, WEBHOOK_SECRET: 'w', SENTRY_CLIENT_SECRET: 's' };
  const selfHosted = orgToken({ url: 'https://sentry.acme.test', org: 'acme' });

  it('takes the server and the organization from the token; SENTRY_ORG still wins', () => {
    expect(loadConfig({ ...app, SENTRY_AUTH_TOKEN: selfHosted }, '/srv/app').sentry).toMatchObject({
      url: 'https://sentry.acme.test',
      org: 'acme',
      authToken: selfHosted,
    });
    expect(
      loadConfig({ ...app, SENTRY_AUTH_TOKEN: selfHosted, SENTRY_ORG: 'acme-eu' }, '/srv/app').sentry,
    ).toMatchObject({
      url: 'https://sentry.acme.test',
      org: 'acme-eu',
    });
  });

  it('refuses a SENTRY_URL of another server, naming both', () => {
    let problems: string[] = [];
    try {
      loadConfig({ ...app, SENTRY_AUTH_TOKEN: selfHosted, SENTRY_URL: 'https://sentry.io' }, '/srv/app');
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(
        /SENTRY_URL is https:\/\/sentry\.io, but the auth token belongs to https:\/\/sentry\.acme\.test/,
      ),
    ]);
  });
});
