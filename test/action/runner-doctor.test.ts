// `steps: doctor` in dist/index.js under the runner's conditions against the Sentry emulator: the ✓/✗ table in a log
// group and in the job summary, exit 1 naming a missing project with its fix, no release created, no token shown.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActionRun, runBundledAction } from '../../scripts/demo/action-runner.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = join(root, 'dist/index.js');

let sentry: SentryEmulator;
let workspace: string;
beforeAll(async () => {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run package\` first`);
  sentry = await startSentryEmulator();
  workspace = await mkdtemp(join(tmpdir(), 'faultline-doctor-'));
});
afterAll(async () => {
  await Promise.all([sentry.close(), rm(workspace, { recursive: true, force: true })]);
});

const visible = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

function run(inputs: Record<string, string>): Promise<ActionRun> {
  return runBundledAction({
    node: process.execPath,
    entry,
    workspace,
    // The doctor reads the action's own inputs; no SENTRY_* env fallback here.
    inputs: { url: sentry.url, org: sentry.org, auth_token: sentry.token, ...inputs },
    github: {
      repository: 'acme/web',
      sha: 'a'.repeat(40),
      ref: 'refs/heads/main',
      apiUrl: 'http://127.0.0.1:1', // no github_token: never called
      serverUrl: 'https://github.com',
    },
    env: {},
  });
}

describe('dist/index.js with steps: doctor', () => {
  it('all green: exit 0, the table in a log group and the job summary, nothing released', async () => {
    const result = await run({ steps: 'doctor', projects: 'web api' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('::group::doctor');
    expect(result.stdout).toMatch(/✓ .*web/);
    expect(result.stdout).not.toContain('✗');
    expect(result.summary).toContain('### ✅ faultline doctor');
    expect(result.summary).toContain('| --- | --- | --- | --- |');
    expect(result.summary).toMatch(/\| ✓ \| .* \| .*api.* \|/);
    expect(result.summary).toContain('all good');
    expect(sentry.state().releases).toEqual([]);
    expect(visible(result.stdout + result.stderr + result.summary)).not.toContain(sentry.token);
  });

  it('a missing project: exit 1 naming it and its fix, in the log and the summary', async () => {
    const result = await run({ steps: 'doctor', projects: 'web mobile' });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::doctor: 1 check\(s\) failed: .*mobile.*fix: /);
    expect(result.summary).toContain('### ❌ faultline doctor');
    expect(result.summary).toMatch(/\| ✗ \| .*mobile.* \| .+ \| .+ \|/);
    expect(visible(result.stdout + result.stderr + result.summary)).not.toContain(sentry.token);
  });

  it('doctor with a release step: the checks pass first, then the release is created', async () => {
    const result = await run({ steps: 'create, doctor', projects: 'web', release: '2.0.0' });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.indexOf('::group::doctor')).toBeLessThan(result.stdout.indexOf('::group::Create release'));
    expect(sentry.state().releases.map((r) => r.version)).toEqual(['2.0.0']);
    sentry.reset();
  });

  it('doctor with a release step: a failed check stops the run before anything is sent', async () => {
    const result = await run({ steps: 'doctor create', projects: 'mobile', release: '1.0.0' });
    expect(result.exitCode).toBe(1);
    expect(sentry.state().releases).toEqual([]);
  });
});
