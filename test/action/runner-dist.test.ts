// Runs the bundled dist/index.js with Node 24 exactly as the Actions runner does: INPUT_* variables, the GITHUB_*
// context, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files. These cases need no Sentry server: nothing is sent.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActionRun, runBundledAction } from '../../scripts/demo/action-runner.ts';
import { type GitFixture, makeRepo } from '../release/git-fixture.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = join(root, 'dist/index.js');
const TOKEN = 'sntryu_0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab';

let repo: GitFixture;
let scratch: string;
beforeAll(async () => {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run package\` first`);
  repo = await makeRepo();
  scratch = await mkdtemp(join(tmpdir(), 'faultline-runner-'));
});
afterAll(async () => {
  await repo.cleanup();
  await rm(scratch, { recursive: true, force: true });
});

/** What the runner shows: it swallows `::add-mask::` commands (and masks their values everywhere else). */
function visible(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

function run(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runBundledAction({
    node: process.execPath,
    entry,
    workspace: repo.dir,
    inputs,
    github: {
      repository: 'acme/web',
      sha: repo.shas[4]!,
      ref: 'refs/heads/main',
      apiUrl: 'http://127.0.0.1:9',
      serverUrl: 'https://github.com',
    },
    env: { SENTRY_AUTH_TOKEN: TOKEN, SENTRY_ORG: 'acme', SENTRY_URL: 'http://127.0.0.1:9', ...env },
  });
}

describe('dist/index.js under the runner', () => {
  it('runs on Node 24', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it.each([
    [{ projects: 'web', set_commits: 'sometimes' }, 'set_commits: "sometimes" is not one of auto, skip, manual'],
    [{ projects: 'web', release: 'a/b' }, 'release: "a/b" is not a valid Sentry release version'],
    [{ projects: 'web', finalize: 'maybe' }, 'finalize: "maybe" is not a boolean'],
    [{ release: '1.0' }, 'projects: no Sentry project given'],
    [{ projects: 'web', steps: 'upload' }, 'steps: unknown step "upload"'],
  ])('fails with exit 1 and names the input: %j', async (inputs, message) => {
    const result = await run(inputs);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`::error::Invalid input ${message}`);
    expect(result.summary).toMatch(/^### ❌ Sentry release not started\n\nInput `\w+`: /);
    expect(visible(result.stdout)).not.toContain(TOKEN);
  });

  it('fails naming auth_token when no token is given', async () => {
    const missing = await run({ projects: 'web' }, { SENTRY_AUTH_TOKEN: '' });
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain('::error::Invalid input auth_token: no Sentry auth token');
  });

  it('masks both tokens before printing anything', async () => {
    const result = await run({ projects: 'web', auth_token: TOKEN, github_token: 'ghs_secret123', dry_run: 'true' });
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 2).sort()).toEqual(['::add-mask::ghs_secret123', `::add-mask::${TOKEN}`]);
    expect(visible(result.stdout)).not.toContain(TOKEN);
    expect(visible(result.stdout)).not.toContain('ghs_secret123');
  });

  it('dry run: plans every step, writes outputs and the job summary, sends nothing', async () => {
    const result = await run({
      projects: 'web api',
      environment: 'production',
      dry_run: 'true',
      release_prefix: 'web@',
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const version = `web@${repo.shas[4]}`;
    expect(result.outputs).toMatchObject({
      release: version,
      version,
      commits: '0',
      files_uploaded: '0',
      bytes_uploaded: '0',
      chunks_skipped: '0',
      bundle_id: '',
      deploy_id: '',
    });
    expect(result.stdout).toContain('::group::Create release (dry run)');
    expect(result.stdout).toContain(`create: dry run: would create release ${version} for web, api`);
    expect(result.stdout).toContain('deploy: dry run: would record a deploy to production');
    expect(result.summary).toContain(`### Sentry release \`${version}\` (dry run: nothing sent)`);
    expect(result.summary).toMatch(/\| deploy \| ✅ ok \| \d+ ms \| dry run: would record a deploy to production \|/);
  });
});
