// dist/index.js under the runner's conditions (Node 24, INPUT_*, GITHUB_* files) against the Sentry emulator and a
// GitHub compare stub: outputs, job summary, exit codes, and no token in what the runner shows.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../examples/web-app/build.ts';
import { type ActionRun, runBundledAction } from '../../scripts/demo/action-runner.ts';
import { startGitHubEmulator } from '../../emulators/github/server.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { type GitFixture, githubSeedFrom, makeRepo, shallowClone } from '../release/git-fixture.ts';
import { type GitHubStub, startGitHubStub } from '../release/github-stub.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = join(root, 'dist/index.js');
const webSrc = join(root, 'examples/web-app/src');

let sentry: SentryEmulator;
let repo: GitFixture;
let shallow: GitFixture;
let github: GitHubStub;
beforeAll(async () => {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run package\` first`);
  [sentry, repo] = await Promise.all([startSentryEmulator(), makeRepo()]);
  [shallow, github] = await Promise.all([shallowClone(repo.dir), startGitHubStub(repo.dir)]);
});
afterEach(() => sentry.reset());
afterAll(async () => {
  await Promise.all([sentry.close(), github.close(), repo.cleanup(), shallow.cleanup()]);
});

const visible = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

function run(
  inputs: Record<string, string>,
  opts: { workspace?: string; ref?: string; env?: Record<string, string> } = {},
): Promise<ActionRun> {
  return runBundledAction({
    node: process.execPath,
    entry,
    workspace: opts.workspace ?? repo.dir,
    inputs: { github_token: 'ghs_test', ...inputs },
    github: {
      repository: 'acme/web',
      sha: repo.shas[4]!,
      ref: opts.ref ?? 'refs/heads/main',
      apiUrl: github.url,
      serverUrl: 'https://github.com',
    },
    env: { SENTRY_AUTH_TOKEN: sentry.token, SENTRY_ORG: sentry.org, SENTRY_URL: sentry.url, ...opts.env },
  });
}

describe('dist/index.js against the emulator', () => {
  it('a tag push: release named after the commit SHA as action-release does, commits, finalize, deploy; outputs and job summary', async () => {
    const result = await run(
      { projects: 'web', environment: 'production', deploy_name: 'web-prod' },
      { ref: 'refs/tags/v1.4.0' },
    );
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const sha = repo.shas[4]!;
    const release = sentry.state().releases.find((r) => r.version === sha)!;
    expect(release.commits).toHaveLength(5);
    expect(release.dateReleased).toBeTruthy();
    expect(release.deploys).toMatchObject([
      { environment: 'production', name: 'web-prod', url: 'https://github.com/acme/web/actions/runs/1' },
    ]);
    expect(result.outputs).toMatchObject({
      release: sha,
      commits: '5',
      deploy_id: release.deploys[0]!.id,
      bundle_id: '',
      files_uploaded: '0',
      bytes_uploaded: '0',
      chunks_skipped: '0',
    });
    expect(result.summary).toContain(
      `### Sentry release [\`${sha}\`](${sentry.url}/organizations/acme/releases/${sha}/)`,
    );
    expect(result.summary).toMatch(
      /\| commits \| ✅ ok \| [\d.]+ m?s \| 5 newest commits up to [0-9a-f]{7} from local git/,
    );
    for (const group of ['Create release', 'Associate commits', 'Source maps', 'Finalize', 'Deploy']) {
      expect(result.stdout).toContain(`::group::${group}`);
    }
    expect(visible(result.stdout)).not.toContain(sentry.token);
    expect(sentry.state().requests.find((r) => r.path.endsWith('/releases/'))?.userAgent).toMatch(
      /^faultline-action\//,
    );
  });

  it('a shallow checkout (actions/checkout depth 1) gets its commits from the GitHub compare API', async () => {
    sentry.seed({
      releases: [{ version: 'v1.3.0', projects: ['web'], commits: [{ id: repo.shas[2]!, repository: 'acme/web' }] }],
    });
    const result = await run({ projects: 'web', release: 'v1.4.0' }, { workspace: shallow.dir });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.commits).toBe('2');
    const release = sentry.state().releases.find((r) => r.version === 'v1.4.0')!;
    expect(release.commits.map((c) => c.id)).toEqual([repo.shas[4], repo.shas[3]]);
    expect(result.summary).toContain('from the GitHub compare API (shallow clone)');
  });

  it('a re-run changes nothing and reuses the deploy', async () => {
    const first = await run({ projects: 'web', release: '2.0.0', environment: 'production' });
    const second = await run({ projects: 'web', release: '2.0.0', environment: 'production' });
    expect(second.exitCode).toBe(0);
    expect(second.outputs.deploy_id).toBe(first.outputs.deploy_id);
    expect(second.summary).toMatch(/\| finalize \| ⏭️ skipped \| [\d.]+ m?s \| already finalized at/);
    expect(sentry.state().releases.find((r) => r.version === '2.0.0')!.deploys).toHaveLength(1);
  });

  it('a token Sentry refuses: exit 1, the hint in an error annotation, the failing step in the summary, no token shown', async () => {
    const bad = 'sntryu_' + 'f'.repeat(64);
    const result = await run({ projects: 'web', release: '3.0.0' }, { env: { SENTRY_AUTH_TOKEN: bad } });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::create failed: .*401.*SENTRY_AUTH_TOKEN/);
    expect(result.summary).toMatch(/^### ❌ Sentry release .* failed/);
    expect(result.summary).toContain('| create | ❌ failed |');
    expect(result.outputs.release).toBe('3.0.0');
    expect(visible(result.stdout)).not.toContain(bad);
    expect(result.summary).not.toContain(bad);
  });

  it('deploy alone for an existing release (steps: deploy)', async () => {
    sentry.seed({ releases: [{ version: '1.0.0', projects: ['web'] }] });
    const result = await run({ release: '1.0.0', steps: 'deploy', environment: 'staging' });
    expect(result.exitCode).toBe(0);
    expect(result.summary).toContain('| deploy | ✅ ok |');
    expect(result.summary).not.toContain('| create |');
    expect(sentry.state().releases.find((r) => r.version === '1.0.0')!.deploys).toHaveLength(1);
  });

  it('strict with a missing sourcemaps path: exit 1 naming the input, no release created', async () => {
    const result = await run({
      projects: 'web',
      release: '4.0.0',
      sourcemaps: './build',
      strict: 'true',
      set_commits: 'skip',
    });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /::error::sourcemaps failed: sourcemaps: "\.\/build" not found in .*`sourcemaps` input/,
    );
    // The check runs before the release is created: nothing half-made is left in Sentry.
    expect(sentry.state().releases.find((r) => r.version === '4.0.0')).toBeUndefined();
  });

  it('source maps: uploaded as an artifact bundle; a re-run sends 0 bytes; the report is in the summary', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'faultline-runner-maps-'));
    try {
      await buildWebApp(webSrc, join(workspace, 'build'));
      const inputs = { projects: 'web', release: '5.0.0', sourcemaps: 'build', strict: 'true', wait: 'true' };
      const first = await run(inputs, { workspace });
      expect(first.stderr).toBe('');
      expect(first.exitCode).toBe(0);
      expect(first.outputs.bundle_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(first.outputs.files_uploaded).toBe('6');
      expect(Number(first.outputs.bytes_uploaded)).toBeGreaterThan(0);
      expect(first.summary).toContain('### Source maps ✅');
      expect(first.summary).toContain(`| artifact bundle | \`${first.outputs.bundle_id}\` |`);
      expect(sentry.state().bundles.map((b) => b.bundleId)).toEqual([first.outputs.bundle_id]);

      const again = await run(inputs, { workspace });
      expect(again.exitCode).toBe(0);
      expect(again.outputs).toMatchObject({
        bundle_id: first.outputs.bundle_id,
        bytes_uploaded: '0',
        files_uploaded: '6',
      });
      expect(Number(again.outputs.chunks_skipped)).toBeGreaterThan(0);
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });

  it('a shallow checkout against the GitHub emulator (same history, real SHAs): commits with patch sets', async () => {
    const gh = await startGitHubEmulator({
      seed: { ...(await githubSeedFrom(repo)), tokens: [{ token: 'ghs_actions_token' }] },
    });
    try {
      sentry.seed({
        releases: [{ version: 'v0.9.0', projects: ['web'], commits: [{ id: repo.shas[1]!, repository: 'acme/web' }] }],
      });
      const result = await runBundledAction({
        node: process.execPath,
        entry,
        workspace: shallow.dir,
        inputs: { projects: 'web', release: 'v1.0.0', github_token: 'ghs_actions_token' },
        github: {
          repository: 'acme/web',
          sha: repo.shas[4]!,
          ref: 'refs/heads/main',
          apiUrl: gh.url,
          serverUrl: gh.url,
        },
        env: { SENTRY_AUTH_TOKEN: sentry.token, SENTRY_ORG: sentry.org, SENTRY_URL: sentry.url },
      });
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(result.outputs.commits).toBe('3');
      const commits = sentry.state().releases.find((r) => r.version === 'v1.0.0')!.commits;
      expect(commits.map((c) => c.id)).toEqual([repo.shas[4], repo.shas[3], repo.shas[2]]);
      expect(commits[0]!.patch_set).toEqual([
        { path: 'src/app.js', type: 'D' },
        { path: 'src/main.js', type: 'A' },
      ]);
      expect(commits[2]!.patch_set).toEqual([{ path: 'README.md', type: 'D' }]);
    } finally {
      await gh.close();
    }
  });
});
