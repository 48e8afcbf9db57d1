// The bundled CLI (dist/cli.js, the package's bin) as GitLab CI, Jenkins or a laptop runs it: flags and SENTRY_*
// variables, against the Sentry emulator.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { type GitFixture, makeRepo } from '../release/git-fixture.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = join(root, 'dist/cli.js');

let sentry: SentryEmulator;
let repo: GitFixture;
beforeAll(async () => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run package\` first`);
  [sentry, repo] = await Promise.all([startSentryEmulator(), makeRepo()]);
});
afterAll(async () => {
  await Promise.all([sentry.close(), repo.cleanup()]);
});

function faultline(
  args: string[],
  env: Record<string, string> = {},
  node = process.execPath,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      node,
      [cli, ...args],
      { cwd: repo.dir, env: { PATH: process.env.PATH ?? '', HOME: repo.dir, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('dist/cli.js', () => {
  it('--help lists the commands with examples', async () => {
    const { code, stdout } = await faultline(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Commands:\n\s+release[\s\S]*sourcemaps[\s\S]*doctor[\s\S]*Examples:/);
  });

  it('an unknown command: usage on stderr, exit 2', async () => {
    const { code, stderr } = await faultline(['deploy']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "deploy"');
  });

  it('release with SENTRY_* variables and flags: commits from local git, finalize, deploy', async () => {
    const env = {
      SENTRY_URL: sentry.url,
      SENTRY_ORG: sentry.org,
      SENTRY_AUTH_TOKEN: sentry.token,
      SENTRY_PROJECT: 'web',
    };
    const { code, stdout, stderr } = await faultline(
      ['release', '--release', 'cli-1.0', '--environment', 'staging', '--deploy-name', 'laptop'],
      env,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('create: created release cli-1.0 for web');
    expect(stdout).toMatch(/commits 5, files 0, 0 B sent, chunks 0 sent \/ 0 skipped, deploy \S+/);
    const release = sentry.state().releases.find((r) => r.version === 'cli-1.0')!;
    expect(release.commits).toHaveLength(5);
    expect(release.dateReleased).toBeTruthy();
    expect(release.deploys).toMatchObject([{ environment: 'staging', name: 'laptop' }]);
    expect(stdout + stderr).not.toContain(sentry.token);
  });

  it('a refused token: exit 1 with the hint, token not printed', async () => {
    const bad = 'sntryu_' + 'e'.repeat(64);
    const env = { SENTRY_URL: sentry.url, SENTRY_ORG: sentry.org, SENTRY_AUTH_TOKEN: bad };
    const { code, stdout, stderr } = await faultline(['release', '--projects', 'web', '--release', 'cli-2.0'], env);
    expect(code).toBe(1);
    expect(stderr).toMatch(/faultline release: create failed: .*401/);
    expect(stdout + stderr).not.toContain(bad);
  });

  it('doctor is wired to the doctor command', async () => {
    const { code, stdout } = await faultline(['doctor', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/doctor/);
  });

  it('doctor --app loads the app checks (their own chunk beside cli.js)', async () => {
    const env = { APP_ID: '1', SENTRY_URL: 'http://127.0.0.1:9', FAULTLINE_DATA_DIR: join(repo.dir, 'no-data') };
    const { code, stdout, stderr } = await faultline(['doctor', '--app', '--timeout-ms', '2000'], env);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^GitHub App\n {2}✗ app settings/m);
    expect(stdout).toMatch(/✗ database\s+no database at .*no-data/);
  });

  it('sourcemaps is wired to the sourcemaps command', async () => {
    const { code, stdout } = await faultline(['sourcemaps', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: faultline sourcemaps <check|inject|upload>');
  });

  it('in a GitLab tag pipeline: the release is the commit SHA (as sentry-cli proposes) and the deploy links the pipeline', async () => {
    const env = {
      SENTRY_URL: sentry.url,
      SENTRY_ORG: sentry.org,
      SENTRY_AUTH_TOKEN: sentry.token,
      SENTRY_PROJECT: 'web',
      GITLAB_CI: 'true',
      CI_COMMIT_TAG: 'v3.1.0',
      CI_COMMIT_SHA: repo.shas[4]!,
      CI_PROJECT_PATH: 'acme/web',
      CI_PIPELINE_URL: 'https://gitlab.example.com/acme/web/-/pipelines/77',
    };
    const { code, stderr } = await faultline(['release', '--environment', 'production'], env);
    expect(code).toBe(0);
    // cli-1.0 above already holds every commit up to this one
    expect(stderr).toMatch(
      /^warning: commits: no new commits: the previous release is at [0-9a-f]{7} too; set ignore_empty/,
    );
    const release = sentry.state().releases.find((r) => r.version === repo.shas[4])!;
    expect(release.deploys).toMatchObject([{ url: 'https://gitlab.example.com/acme/web/-/pipelines/77' }]);
    const quiet = await faultline(['release', '--release', 'v3.1.1', '--ignore-empty'], env);
    expect(quiet.stderr).toBe('');
  });
});

// The machine's own Node.js (here v20) runs `faultline` when it is called outside npm; the commands need Node.js 24.
const OLD_NODE = '/usr/bin/node';

describe('dist/cli.js on a Node.js older than 24', () => {
  beforeAll(async () => {
    const version = await new Promise<string>((resolve) =>
      execFile(OLD_NODE, ['--version'], (error, stdout) => resolve(error ? `none (${error.message})` : stdout.trim())),
    );
    if (!/^v(2[0-3])\./.test(version)) {
      throw new Error(`these tests run ${OLD_NODE} as a Node.js 20 to 23, but it is ${version}`);
    }
  });

  it('--help and --version work', async () => {
    const help = await faultline(['--help'], {}, OLD_NODE);
    expect(help.stderr).toBe('');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^faultline \d+\.\d+\.\d+: .*\n\nUsage: faultline <command>/);
    const version = await faultline(['--version'], {}, OLD_NODE);
    expect(version).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });

  it('a command says in one line that it needs Node.js 24, naming the running version', async () => {
    const { code, stdout, stderr } = await faultline(['sourcemaps', 'check', '.'], {}, OLD_NODE);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^faultline sourcemaps: needs Node\.js 24 or newer \(this is v2[0-3]\.\d+\.\d+\); [^\n]+\n$/,
    );
  });
});
