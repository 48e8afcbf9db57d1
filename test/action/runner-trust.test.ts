// dist/index.js under the runner's conditions against a Sentry that misbehaves, and builds without source maps:
// never green without the upload, and a failed check leaves no release behind.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../examples/web-app/build.ts';
import { type ActionRun, runBundledAction } from '../../scripts/demo/action-runner.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = join(root, 'dist/index.js');
const webSrc = join(root, 'examples/web-app/src');

let sentry: SentryEmulator;
let built: string;
let noMaps: string;
beforeAll(async () => {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run package\` first`);
  sentry = await startSentryEmulator();
  built = await mkdtemp(join(tmpdir(), 'faultline-runner-trust-'));
  await buildWebApp(webSrc, join(built, 'build'));
  noMaps = await mkdtemp(join(tmpdir(), 'faultline-runner-nomaps-'));
  await mkdir(join(noMaps, 'build'));
  await writeFile(join(noMaps, 'build/app.js'), 'console.log("no map here");\n');
});
afterEach(() => sentry.reset());
afterAll(async () => {
  await Promise.all([
    sentry.close(),
    rm(built, { recursive: true, force: true }),
    rm(noMaps, { recursive: true, force: true }),
  ]);
});

function run(inputs: Record<string, string>, workspace: string): Promise<ActionRun> {
  return runBundledAction({
    node: process.execPath,
    entry,
    workspace,
    inputs: { projects: 'web', set_commits: 'skip', ...inputs },
    github: {
      repository: 'acme/web',
      sha: 'a'.repeat(40),
      ref: 'refs/heads/main',
      apiUrl: 'http://127.0.0.1:9',
      serverUrl: 'https://github.com',
    },
    env: { SENTRY_AUTH_TOKEN: sentry.token, SENTRY_ORG: sentry.org, SENTRY_URL: sentry.url },
  });
}

describe('dist/index.js: never green without the upload', () => {
  it('`{}` from artifactbundle/assemble/ fails the step with what was received; no bundle_id, no "state ok"', async () => {
    sentry.inject({ method: 'POST', path: '/artifactbundle/assemble/$', status: 200, body: {}, times: 10 });
    const result = await run({ release: '6.0.0', sourcemaps: 'build' }, built);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /::error::sourcemaps failed: .*artifactbundle\/assemble\/ answered 200 \(application\/json[^)]*\) with JSON that is not an assemble state.*received: "\{\}"/,
    );
    expect(result.stdout).not.toContain('state ok');
    expect(result.outputs.bundle_id).toBe('');
    expect(sentry.state().releases.find((r) => r.version === '6.0.0')?.dateReleased ?? null).toBeNull();
  });

  it('an unknown assemble state fails too', async () => {
    sentry.inject({
      method: 'POST',
      path: '/artifactbundle/assemble/$',
      status: 200,
      body: { state: 'done' },
      times: 10,
    });
    const result = await run({ release: '6.0.1', sourcemaps: 'build' }, built);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/::error::sourcemaps failed: .*not an assemble state.*state:/);
    expect(result.outputs.bundle_id).toBe('');
  });
});

describe('dist/index.js: a build without source maps does not pass', () => {
  it('a mistyped sourcemaps path fails before the release is created, naming the path and the fix', async () => {
    const result = await run({ release: '7.0.0', sourcemaps: './biuld' }, built);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /::error::sourcemaps failed: sourcemaps: "\.\/biuld" not found in .*allow_missing_sourcemaps/,
    );
    expect(sentry.state().releases).toEqual([]);
  });

  it('a build without any map fails naming the path and the bundler setting; allow_missing_sourcemaps opts out', async () => {
    const failed = await run({ release: '7.1.0', sourcemaps: 'build' }, noMaps);
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toMatch(
      /::error::sourcemaps failed: sourcemaps: none of the 1 script\(s\) under "build" .*has a source map.*Turn source maps on/,
    );
    expect(sentry.state().releases).toEqual([]);

    const allowed = await run({ release: '7.1.0', sourcemaps: 'build', allow_missing_sourcemaps: 'true' }, noMaps);
    expect(allowed.exitCode).toBe(0);
    expect(allowed.stdout).toMatch(/::warning::sourcemaps: none of the 1 script\(s\).*allow_missing_sourcemaps is set/);
  });

  it('strict: a finding fails before the release is created, so the emulator holds no release', async () => {
    const result = await run(
      { release: '7.2.0', sourcemaps: 'build', strict: 'true', allow_missing_sourcemaps: 'true' },
      noMaps,
    );
    expect(result.exitCode).toBe(1);
    expect(sentry.state().releases).toEqual([]);
    expect(sentry.state().requests.filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
