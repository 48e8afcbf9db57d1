import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { type CliCommands, MIN_NODE_MAJOR, runCli } from '../../src/cli/cli.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { runReleaseCommand } from '../../src/cli/release-command.ts';
import { type GitFixture, makeRepo } from '../release/git-fixture.ts';

function capture(env: NodeJS.ProcessEnv = {}, cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env, cwd, stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  return { io, out, err, text: () => out.join('\n'), errors: () => err.join('\n') };
}

let repo: GitFixture;
beforeAll(async () => {
  repo = await makeRepo();
});
afterAll(async () => {
  await repo.cleanup();
});

describe('faultline (dispatcher)', () => {
  it('--help lists the commands with examples', async () => {
    const c = capture();
    expect(await runCli(['--help'], c.io)).toBe(0);
    for (const word of ['release', 'sourcemaps', 'doctor', 'Examples:', 'faultline release --projects web']) {
      expect(c.text()).toContain(word);
    }
  });

  it('an unknown command prints the usage on stderr and exits 2', async () => {
    const c = capture();
    expect(await runCli(['relase'], c.io)).toBe(2);
    expect(c.errors()).toMatch(/unknown command "relase"[\s\S]*Usage: faultline <command>/);
    expect(c.out).toEqual([]);
  });

  it('no command is a usage error too', async () => {
    const c = capture();
    expect(await runCli([], c.io)).toBe(2);
    expect(c.errors()).toContain('Usage:');
  });

  it('hands the remaining arguments to sourcemaps, doctor and alerts', async () => {
    const seen: string[] = [];
    const commands: CliCommands = {
      release: async () => 9,
      sourcemaps: async (argv) => (seen.push(`sourcemaps ${argv.join(' ')}`), 0),
      doctor: async (argv) => (seen.push(`doctor ${argv.join(' ')}`), 1),
      alerts: async (argv) => (seen.push(`alerts ${argv.join(' ')}`), 2),
      jobs: async (argv) => (seen.push(`jobs ${argv.join(' ')}`), 3),
    };
    const c = capture();
    expect(await runCli(['sourcemaps', 'check', './dist'], c.io, commands)).toBe(0);
    expect(await runCli(['doctor', '--json'], c.io, commands)).toBe(1);
    expect(await runCli(['release', '--dry-run'], c.io, commands)).toBe(9);
    expect(await runCli(['alerts', 'plan', '--json'], c.io, commands)).toBe(2);
    expect(await runCli(['jobs', 'list', '--json'], c.io, commands)).toBe(3);
    expect(seen).toEqual(['sourcemaps check ./dist', 'doctor --json', 'alerts plan --json', 'jobs list --json']);
  });

  it('on a Node.js older than the commands need: one line naming the running version, exit 1, nothing run', async () => {
    const ran: string[] = [];
    const commands: CliCommands = {
      release: async () => (ran.push('release'), 0),
      sourcemaps: async () => (ran.push('sourcemaps'), 0),
      doctor: async () => (ran.push('doctor'), 0),
      alerts: async () => (ran.push('alerts'), 0),
      jobs: async () => (ran.push('jobs'), 0),
    };
    const c = capture();
    expect(await runCli(['sourcemaps', 'check', './dist'], c.io, commands, '20.20.2')).toBe(1);
    expect(c.err).toEqual([
      'faultline sourcemaps: needs Node.js 24 or newer (this is v20.20.2); install Node.js 24 and run it again',
    ]);
    expect(await runCli(['doctor'], c.io, commands, '22.19.0')).toBe(1);
    expect(c.err[1]).toMatch(/^faultline doctor: needs Node.js 24 or newer \(this is v22\.19\.0\)/);
    expect(ran).toEqual([]);
    expect(await runCli(['--help'], c.io, commands, '20.20.2')).toBe(0);
    expect(await runCli(['doctor'], c.io, commands, '24.0.0')).toBe(0);
    expect(ran).toEqual(['doctor']);
  });

  it("asks for the Node.js that package.json's engines names", () => {
    expect(pkg.engines.node).toBe(`>=${MIN_NODE_MAJOR}`);
  });

  it('prints the version', async () => {
    const c = capture();
    expect(await runCli(['--version'], c.io)).toBe(0);
    expect(c.text()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('faultline release', () => {
  it('--help names every flag group and the env fallbacks', async () => {
    const c = capture();
    expect(await runReleaseCommand(['--help'], c.io)).toBe(0);
    for (const flag of ['--sourcemaps', '--set-commits', '--environment', '--dry-run', 'SENTRY_AUTH_TOKEN']) {
      expect(c.text()).toContain(flag);
    }
  });

  it('a dry run plans every step from flags and SENTRY_* variables and sends nothing', async () => {
    const c = capture({ SENTRY_PROJECT: 'web' }, repo.dir);
    const code = await runReleaseCommand(['--release', '1.2.3', '--environment', 'staging', '--dry-run'], c.io);
    expect(c.errors()).toBe('');
    expect(code).toBe(0);
    expect(c.text()).toContain('create: dry run: would create release 1.2.3 for web');
    expect(c.text()).toMatch(/commits: dry run: would associate commits up to [0-9a-f]{7} \(5 recent commits/);
    expect(c.text()).toContain('deploy: dry run: would record a deploy to staging');
    expect(c.text()).toContain('release 1.2.3 (dry run: nothing sent)');
  });

  it('defaults the version to the local git HEAD and prints JSON with --json', async () => {
    const c = capture({}, repo.dir);
    expect(await runReleaseCommand(['--projects', 'web', '--projects', 'api', '--dry-run', '--json'], c.io)).toBe(0);
    const result = JSON.parse(c.text()) as { release: string; dryRun: boolean; steps: Array<{ name: string }> };
    expect(result.release).toBe(repo.shas[4]);
    expect(result.dryRun).toBe(true);
    expect(result.steps.map((s) => s.name)).toEqual(['create', 'commits', 'sourcemaps', 'finalize', 'deploy']);
  });

  it('names the flag of a bad value and exits 2', async () => {
    const c = capture({ SENTRY_AUTH_TOKEN: 'sntryu_x', SENTRY_ORG: 'acme' }, repo.dir);
    expect(await runReleaseCommand(['--projects', 'web', '--set-commits', 'sometimes'], c.io)).toBe(2);
    expect(c.errors()).toBe(
      'faultline release: --set-commits: set_commits: "sometimes" is not one of auto, skip, manual',
    );
  });

  it('refuses a version Sentry would reject, and a missing token, before sending anything', async () => {
    const c = capture({ SENTRY_ORG: 'acme' }, repo.dir);
    expect(await runReleaseCommand(['--projects', 'web', '--release', 'latest'], c.io)).toBe(2);
    expect(c.errors()).toMatch(/--release: release: "latest" is not a valid Sentry release version/);
    const d = capture({ SENTRY_ORG: 'acme' }, repo.dir);
    expect(await runReleaseCommand(['--projects', 'web', '--release', '1.0'], d.io)).toBe(2);
    expect(d.errors()).toMatch(/--auth-token: auth_token: no Sentry auth token/);
  });

  it('rejects unknown flags with exit 2', async () => {
    const c = capture({}, repo.dir);
    expect(await runReleaseCommand(['--projcts', 'web'], c.io)).toBe(2);
    expect(c.errors()).toMatch(/--projcts/);
  });
});
