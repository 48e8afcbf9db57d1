// dist/index.js with action-release's documented example workflows (its README, v3) against the Sentry emulator:
// the `with:` and `env:` blocks unchanged but for `uses:`, as the README's migration promises. And an org auth
// token alone (SENTRY_AUTH_TOKEN=sntrys_…) is enough.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ActionRun, runBundledAction } from '../../scripts/demo/action-runner.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { type GitFixture, makeRepo } from '../release/git-fixture.ts';
import { actionReleaseExamples, orgToken } from '../release/action-release-examples.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = join(root, 'dist/index.js');

let sentry: SentryEmulator;
let repo: GitFixture;
beforeAll(async () => {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run package\` first`);
  [sentry, repo] = await Promise.all([startSentryEmulator(), makeRepo()]);
  await mkdir(join(repo.dir, 'dist'), { recursive: true });
  await writeFile(join(repo.dir, 'dist/app.js'), 'console.log("app");\n//# sourceMappingURL=app.js.map\n');
  await writeFile(
    join(repo.dir, 'dist/app.js.map'),
    JSON.stringify({ version: 3, sources: ['app.ts'], sourcesContent: ['console.log("app")'], mappings: 'AAAA' }),
  );
});
afterEach(() => sentry.reset());
afterAll(async () => {
  await Promise.all([sentry.close(), repo.cleanup()]);
});

function run(inputs: Record<string, string>, env: Record<string, string>): Promise<ActionRun> {
  return runBundledAction({
    node: process.execPath,
    entry,
    workspace: repo.dir,
    inputs,
    github: {
      repository: 'acme/web',
      sha: repo.shas[4]!,
      ref: 'refs/tags/v1.4.0',
      apiUrl: 'http://127.0.0.1:9',
      serverUrl: 'https://github.com',
    },
    env,
  });
}

describe('action-release’s README examples through dist/index.js', () => {
  const examples = () => actionReleaseExamples(repo.shas[4]!, repo.shas[1]!);

  const names = actionReleaseExamples('', '').map((e, i) => [e.name, i] as const);
  it.each(names)('"%s" runs unchanged and means what it meant', async (_name, index) => {
    const example = examples()[index]!;
    // The variables action-release's README sets; SENTRY_URL is the emulator (the self-hosted example's server).
    const env = {
      SENTRY_AUTH_TOKEN: sentry.token,
      SENTRY_ORG: sentry.org,
      SENTRY_PROJECT: 'web',
      ...example.env,
      SENTRY_URL: sentry.url,
    };
    const result = await run(example.with, env);
    expect(result.stderr, example.name).toBe('');
    expect(result.exitCode, `${example.name}\n${result.stdout}`).toBe(0);
    // A tag push: action-release releases the commit SHA, not the tag.
    const version = example.with.release ?? repo.shas[4]!;
    const release = sentry.state().releases.find((r) => r.version === version);
    expect(release?.projects, example.name).toEqual(['web']);
    expect(release?.dateReleased, example.name).toBeTruthy();
    expect(
      release?.deploys.map((d) => d.environment),
      example.name,
    ).toEqual(example.with.environment ? [example.with.environment] : []);
    expect(sentry.state().bundles.length, example.name).toBe(example.with.sourcemaps ? 1 : 0);
    if (example.with.set_commits === 'manual') expect(release?.commits.length, example.name).toBeGreaterThan(0);
  });

  it('disable_telemetry and disable_safe_directory are accepted; the no-op says why', async () => {
    const env = { SENTRY_AUTH_TOKEN: sentry.token, SENTRY_ORG: sentry.org, SENTRY_URL: sentry.url };
    const result = await run(
      { projects: 'web', release: 'flags-1', disable_telemetry: 'true', disable_safe_directory: 'true' },
      env,
    );
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toContain('::notice::disable_telemetry: faultline sends no telemetry');
  });
});

describe('an org auth token alone', () => {
  it('creates the release on the token’s server for the token’s organization', async () => {
    const token = orgToken({ url: sentry.url, region_url: sentry.url, org: sentry.org });
    sentry.seed({ tokens: [{ token }] });
    const result = await run({ projects: 'web', release: 'org-only-1' }, { SENTRY_AUTH_TOKEN: token });
    expect(result.stdout).not.toContain('no Sentry organization');
    expect(result.exitCode, result.stdout).toBe(0);
    expect(sentry.state().releases.map((r) => r.version)).toContain('org-only-1');
  });
});
