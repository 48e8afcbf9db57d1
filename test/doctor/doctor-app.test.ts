// `faultline doctor` with the app's settings: the store (SQLite), the GitHub emulator (App credentials,
// installations, each repository's .github/faultline.yml) and the Sentry emulator.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, sqliteFileIn } from '../../app/store/index.ts';
import { SqliteDriver } from '../../app/store/sqlite-driver.ts';
import { runDoctorCommand } from '../../src/cli/doctor-command.ts';
import { type GitHubEmulator, startGitHubEmulator } from '../../emulators/github/server.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';

const PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
  type: 'pkcs1',
  format: 'pem',
}) as string;
const WEBHOOK_SECRET = 'gh-webhook-secret-0123456789abcdef';
const author = { name: 'Ana Lima', email: 'ana@shop.example', login: 'ana-lima' };
const repoWith = (full_name: string, files: Record<string, string>) => ({
  full_name,
  commits: [{ message: 'initial', author, files: { 'README.md': '# shop\n', ...files } }],
});

async function doctor(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const code = await runDoctorCommand(argv, {
    env,
    cwd: tmpdir(),
    stdout: (l) => out.push(l),
    stderr: (l) => out.push(l),
  });
  return { code, stdout: out.join('\n') };
}

describe('faultline doctor: the app settings', () => {
  let github: GitHubEmulator;
  let sentry: SentryEmulator;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    sentry = await startSentryEmulator();
    github = await startGitHubEmulator({
      seed: {
        app: { id: 4242, slug: 'faultline' },
        installations: [{ id: 7, account: 'acme', repos: ['acme/shop', 'acme/docs', 'acme/partner'] }],
        repos: [
          repoWith('acme/shop', { '.github/faultline.yml': 'sentry:\n  org: acme\n  projects: [web]\n' }),
          repoWith('acme/docs', {}),
          repoWith('acme/partner', { '.github/faultline.yml': 'sentry:\n  org: globex\n  projects: [web]\n' }),
        ],
      },
    });
    dataDir = await mkdtemp(join(tmpdir(), 'doctor-app-'));
    const store = await openStore({ kind: 'sqlite', file: sqliteFileIn(dataDir) });
    await store.upsertInstallation(
      {
        uuid: 'inst-1',
        orgSlug: 'acme',
        appSlug: 'faultline',
        status: 'installed',
        token: 'installation-token-held-by-the-app',
        refreshToken: 'installation-refresh-token',
        tokenExpiresAt: Date.now() + 3_600_000,
      },
      Date.now(),
    );
    await store.close();
  });
  afterAll(async () => {
    await github?.close();
    await sentry?.close();
  });
  beforeEach(() => {
    github.clearFaults();
    env = {
      SENTRY_URL: sentry.url,
      SENTRY_AUTH_TOKEN: sentry.token,
      SENTRY_ORG: 'acme',
      SENTRY_PROJECT: 'web',
      APP_ID: '4242',
      PRIVATE_KEY,
      WEBHOOK_SECRET,
      SENTRY_CLIENT_SECRET: sentry.clientSecret,
      FAULTLINE_DATA_DIR: dataDir,
      GHE_HOST: github.host,
      GHE_PROTOCOL: 'http',
    };
  });

  it('checks settings, secrets, database, App credentials and every installed repository', async () => {
    const { code, stdout } = await doctor([], env);
    expect(stdout).toMatch(/^GitHub App$/m);
    expect(stdout).toMatch(/✓ app settings\s+complete and valid/);
    expect(stdout).toMatch(/✓ webhook secrets\s+WEBHOOK_SECRET and SENTRY_CLIENT_SECRET set \(values hidden\)/);
    expect(stdout).toMatch(/✓ database\s+.*faultline\.sqlite: reachable, migrations \d+\/\d+/);
    expect(stdout).toMatch(/✓ Sentry installations\s+acme \(token held\)/);
    expect(stdout).not.toContain('installation-token-held-by-the-app');
    expect(stdout).toMatch(/✓ GitHub App credentials\s+App faultline \(id 4242\) with the permissions it needs/);
    expect(stdout).toMatch(/✓ acme\/shop\s+\.github\/faultline\.yml valid; Sentry organization acme/);
    expect(stdout).toMatch(/– acme\/docs\s+skipped: no \.github\/faultline\.yml/);
    expect(stdout).toMatch(
      /✗ acme\/partner\s+\.github\/faultline\.yml names Sentry organization globex, which this deployment does not act for \(acme\)/,
    );
    expect(stdout).toMatch(/fix: install the faultline integration in that Sentry organization/);
    expect(code).toBe(1);
    for (const secret of [WEBHOOK_SECRET, sentry.clientSecret, sentry.token, 'BEGIN RSA PRIVATE KEY']) {
      expect(stdout).not.toContain(secret);
    }
  });

  it('GitHub refusing the App JWT: ✗ with the fix, repository checks skipped', async () => {
    github.inject({
      method: 'GET',
      path: '^/app$',
      status: 401,
      body: { message: 'A JSON web token could not be decoded' },
    });
    const { code, stdout } = await doctor([], env);
    expect(stdout).toMatch(/✗ GitHub App credentials\s+GitHub rejected the App JWT for APP_ID 4242 \(401\)/);
    expect(stdout).toMatch(/fix: check that APP_ID is the App's ID and PRIVATE_KEY is a current private key/);
    expect(stdout).toMatch(/– repository configs\s+skipped/);
    expect(code).toBe(1);
  });

  it('an App without the permissions app.yml asks for: ✗ naming them', async () => {
    const limited = { id: 4242, slug: 'faultline', permissions: { metadata: 'read', issues: 'read' } };
    github.inject({ method: 'GET', path: '^/app$', status: 200, body: limited });
    const { stdout } = await doctor([], env);
    expect(stdout).toMatch(
      /✗ GitHub App credentials\s+App faultline lacks permissions contents: read, issues: write, pull_requests: write/,
    );
  });

  it('no database yet, or one not migrated: ✗ with how to fix it', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'doctor-nodb-'));
    const missing = await doctor([], { ...env, FAULTLINE_DATA_DIR: empty });
    expect(missing.stdout).toMatch(/✗ database\s+no database at .*faultline\.sqlite/);
    expect(missing.stdout).toMatch(/fix: start the app once \(npm start\)/);

    const driver = new SqliteDriver(sqliteFileIn(empty));
    await driver.query('CREATE TABLE unrelated (x INTEGER)');
    await driver.close();
    const unmigrated = await doctor([], { ...env, FAULTLINE_DATA_DIR: empty });
    expect(unmigrated.stdout).toMatch(/✗ database\s+.*: migrations at 0 of \d+/);
  });

  it('missing settings and short secrets are named, their values never shown', async () => {
    const { code, stdout } = await doctor([], { ...env, PRIVATE_KEY: '', WEBHOOK_SECRET: 'short', APP_ID: 'abc' });
    expect(stdout).toMatch(/✗ app settings\s+APP_ID is "abc"/);
    expect(stdout).toMatch(/✗ webhook secrets\s+WEBHOOK_SECRET shorter than 16 characters/);
    expect(stdout).toMatch(/– GitHub App credentials\s+skipped/);
    expect(code).toBe(1);
  });

  it('--no-app leaves the app checks out', async () => {
    const { code, stdout } = await doctor(['--no-app'], env);
    expect(stdout).not.toMatch(/GitHub App/);
    expect(code).toBe(0);
  });
});
