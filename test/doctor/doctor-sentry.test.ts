// `faultline doctor` against the Sentry emulator: a healthy setup, then each failure a team meets in practice.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { type CliIo, runDoctorCommand } from '../../src/cli/doctor-command.ts';

const TOKEN = `sntrys_${'d0c7'.repeat(12)}`;

async function doctor(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env, cwd: process.cwd(), stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  const code = await runDoctorCommand(argv, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('faultline doctor against the Sentry emulator', () => {
  let emulator: SentryEmulator;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    emulator = await startSentryEmulator({ token: TOKEN });
  });
  afterAll(() => emulator?.close());
  beforeEach(() => {
    emulator.reset();
    env = { SENTRY_URL: emulator.url, SENTRY_AUTH_TOKEN: TOKEN, SENTRY_ORG: 'acme', SENTRY_PROJECT: 'web,api' };
  });

  it('passes every check on a healthy setup and exits 0', async () => {
    const { code, stdout } = await doctor([], env);
    expect(stdout).toMatch(/✓ Sentry reachable/);
    expect(stdout).toMatch(/✓ auth token accepted/);
    expect(stdout).toMatch(/✓ organization acme/);
    expect(stdout).toMatch(/✓ project web/);
    expect(stdout).toMatch(/✓ project api/);
    expect(stdout).toMatch(/✓ chunk upload\s+artifact bundles/);
    expect(stdout).toMatch(/0 failed/);
    expect(code).toBe(0);
  });

  it('a bad token: ✗ with the fix, later checks skipped, exit 1, the token never printed', async () => {
    const bad = `sntrys_${'bad0'.repeat(12)}`;
    const { code, stdout } = await doctor([], { ...env, SENTRY_AUTH_TOKEN: bad });
    expect(stdout).toMatch(/✗ auth token accepted\s+Sentry rejected the token \(HTTP 401/);
    expect(stdout).toMatch(/fix: create a token in Sentry/);
    expect(stdout).toMatch(/– organization\s+skipped: the token was not accepted/);
    expect(stdout).not.toContain(bad);
    expect(stdout).not.toContain(TOKEN);
    expect(code).toBe(1);
  });

  it('a token without a release scope: ✗ naming the scopes it has and the ones it needs', async () => {
    const readOnly = `sntrys_${'0123'.repeat(12)}`;
    emulator.seed({ tokens: [{ token: readOnly, scopes: ['org:read', 'event:read'] }] });
    const { code, stdout } = await doctor([], { ...env, SENTRY_AUTH_TOKEN: readOnly });
    expect(stdout).toMatch(/✓ auth token accepted/);
    expect(stdout).toMatch(/✗ token scopes\s+the token has org:read, event:read: none allows releases or source maps/);
    expect(stdout).toMatch(/fix: create a token with one of project:releases, project:write, project:admin, org:ci/);
    expect(code).toBe(1);
  });

  it('a missing project: ✗ naming it, the other project still ✓', async () => {
    const { code, stdout } = await doctor(['--project', 'web', '--project', 'mobile'], env);
    expect(stdout).toMatch(/✓ project web/);
    expect(stdout).toMatch(
      /✗ project mobile\s+no project "mobile" on http:\/\/127\.0\.0\.1:\d+ that this token can see/,
    );
    expect(stdout).toMatch(/fix: create the project in Sentry, or set SENTRY_PROJECT/);
    expect(code).toBe(1);
  });

  it('a missing organization: ✗, and the project checks are skipped', async () => {
    const { code, stdout } = await doctor(['--org', 'globex'], env);
    expect(stdout).toMatch(/✗ organization globex/);
    expect(stdout).toMatch(/– project web\s+skipped|– projects\s+skipped/);
    expect(code).toBe(1);
  });

  it('an old self-hosted server without artifact bundles: ✗ unless legacy uploads are allowed', async () => {
    const old = {
      method: 'GET',
      path: '/api/0/organizations/acme/chunk-upload/$',
      status: 200,
      times: 1,
      body: {
        url: `${emulator.url}/api/0/organizations/acme/chunk-upload/`,
        chunkSize: 8388608,
        chunksPerRequest: 64,
        maxFileSize: 2147483648,
        maxRequestSize: 33554432,
        concurrency: 1,
        hashAlgorithm: 'sha1',
        compression: ['gzip'],
        accept: ['debug_files', 'release_files', 'pdbs', 'sources', 'bcsymbolmaps'],
      },
    };
    emulator.inject(old);
    const failing = await doctor([], env);
    expect(failing.stdout).toMatch(
      /✗ chunk upload\s+the server accepts debug_files, release_files.* but not artifact bundles/,
    );
    expect(failing.stdout).toMatch(/fix: upgrade self-hosted Sentry to 23\.7 or newer/);
    expect(failing.code).toBe(1);

    emulator.inject(old);
    const allowed = await doctor(['--allow-legacy-uploads'], env);
    expect(allowed.stdout).toMatch(/✓ chunk upload\s+.*legacy release files/);
    expect(allowed.code).toBe(0);
  });

  it('an unreachable server: ✗ with the fix in well under the timeout', async () => {
    const started = Date.now();
    const { code, stdout } = await doctor(['--timeout-ms', '2000'], { ...env, SENTRY_URL: 'http://127.0.0.1:9' });
    expect(stdout).toMatch(/✗ Sentry reachable\s+no answer from http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/);
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a public integration without SENTRY_AUTH_TOKEN: token checks skipped, not failed', async () => {
    const { code, stdout } = await doctor(['--no-app'], {
      ...env,
      SENTRY_AUTH_TOKEN: '',
      APP_ID: '1',
      SENTRY_CLIENT_ID: 'public-integration-client-id',
    });
    expect(stdout).toMatch(/✓ Sentry reachable/);
    expect(stdout).toMatch(/– auth token accepted\s+skipped: no SENTRY_AUTH_TOKEN: a public integration/);
    expect(code).toBe(0);
    const internal = await doctor(['--no-app'], { ...env, SENTRY_AUTH_TOKEN: '' });
    expect(internal.stdout).toMatch(/✗ auth token accepted\s+SENTRY_AUTH_TOKEN is not set/);
    expect(internal.code).toBe(1);
  });

  it('--json gives the same verdicts for machines', async () => {
    const { code, stdout } = await doctor(['--json', '--project', 'nope'], env);
    const report = JSON.parse(stdout) as { ok: boolean; checks: Array<{ name: string; status: string }> };
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'project nope')?.status).toBe('fail');
    expect(code).toBe(1);
  });
});
