// The source-map step end to end: the sample web app's build, checked, injected and uploaded to the Sentry emulator
// as an artifact bundle through the real src/sourcemaps module.
import { appendFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../examples/web-app/build.ts';
import type { ReleaseOptions } from '../../src/release/options.ts';
import { runRelease } from '../../src/release/pipeline.ts';
import { SentryClient } from '../../src/sentry/index.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';

const webSrc = fileURLToPath(new URL('../../examples/web-app/src', import.meta.url));

let sentry: SentryEmulator;
let dir: string;
beforeAll(async () => {
  sentry = await startSentryEmulator();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-release-maps-'));
  await buildWebApp(webSrc, join(dir, 'build'));
});
afterEach(async () => {
  sentry.reset();
  await rm(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await sentry.close();
});

function options(over: Partial<ReleaseOptions['sourcemaps']> = {}, rest: Partial<ReleaseOptions> = {}): ReleaseOptions {
  return {
    version: 'web@2.0.0',
    projects: ['web'],
    steps: ['create', 'commits', 'sourcemaps', 'finalize', 'deploy'],
    setCommits: { mode: 'skip' },
    ignoreMissing: false,
    ignoreEmpty: false,
    cwd: dir,
    sourcemaps: {
      paths: ['build'],
      inject: true,
      ignore: [],
      stripCommonPrefix: false,
      strict: true,
      wait: true,
      deleteAfterUpload: false,
      ...over,
    },
    finalize: true,
    dryRun: false,
    gitSafeDirectory: true,
    ...rest,
  };
}

const deps = () => ({
  client: new SentryClient({ url: sentry.url, token: sentry.token, org: sentry.org, retryBaseMs: 5 }),
  log: () => {},
});

describe('release with source maps', () => {
  it('uploads the injected build as one artifact bundle for the release', async () => {
    const result = await runRelease(options(), deps());
    expect(result.filesUploaded).toBe(6);
    expect(result.debugIds).toBe(3);
    expect(result.bytesUploaded).toBeGreaterThan(0);
    expect(result.chunksSkipped).toBe(0);
    expect(result.findingsMarkdown).toContain('### Source maps ✅');
    const [bundle, ...others] = sentry.state().bundles;
    expect(others).toEqual([]);
    expect(bundle).toMatchObject({ bundleId: result.bundleId, release: 'web@2.0.0', projects: ['web'] });
    const urls = bundle!.files.map((f) => f.url).sort();
    expect(urls).toEqual([
      '~/assets/cart.js',
      '~/assets/cart.js.map',
      '~/assets/checkout.js',
      '~/assets/checkout.js.map',
      '~/assets/format.js',
      '~/assets/format.js.map',
    ]);
    const cart = await readFile(join(dir, 'build/assets/cart.js'), 'utf8');
    const debugId = /\/\/# debugId=([0-9a-f-]{36})/.exec(cart)![1];
    expect(bundle!.files.find((f) => f.url === '~/assets/cart.js')!.debugId).toBe(debugId);
  });

  it('a re-run of the unchanged build sends no bytes: every chunk is already in Sentry', async () => {
    await runRelease(options(), deps());
    const again = await runRelease(options(), deps());
    expect(again.bytesUploaded).toBe(0);
    expect(again.chunksSent).toBe(0);
    expect(again.chunksSkipped).toBeGreaterThan(0);
    expect(again.filesUploaded).toBe(6);
  });

  it('strip_common_prefix drops the folder all files share', async () => {
    await runRelease(options({ stripCommonPrefix: true }), deps());
    expect(
      sentry
        .state()
        .bundles[0]!.files.map((f) => f.url)
        .sort()[0],
    ).toBe('~/cart.js');
  });

  it('url_prefix and dist reach the bundle', async () => {
    await runRelease(options({ urlPrefix: '~/static', dist: 'd7' }), deps());
    const bundle = sentry.state().bundles[0]!;
    expect(bundle.dist).toBe('d7');
    expect(bundle.files.map((f) => f.url)).toContain('~/static/assets/cart.js');
  });

  it('monorepo: dir:project pairs upload one bundle per project', async () => {
    await cp(join(dir, 'build'), join(dir, 'admin'), { recursive: true });
    await appendFile(join(dir, 'admin/assets/format.js'), '\n// the admin build differs\n');
    sentry.seed({ projects: [{ slug: 'admin' }] });
    const result = await runRelease(
      options({ paths: ['build:web', 'admin:admin'] }, { projects: ['web', 'admin'] }),
      deps(),
    );
    expect(result.steps.find((s) => s.name === 'sourcemaps')!.status).toBe('ok');
    expect(
      sentry
        .state()
        .bundles.map((b) => b.projects)
        .sort(),
    ).toEqual([['admin'], ['web']]);
  });

  it('delete_after_upload removes the maps from the build once Sentry has them', async () => {
    await runRelease(options({ deleteAfterUpload: true }), deps());
    await expect(readFile(join(dir, 'build/assets/cart.js.map'))).rejects.toThrow(/ENOENT/);
    expect(sentry.state().bundles[0]!.files).toHaveLength(6);
  });

  it('a dry run plans the upload, sends nothing and leaves the build untouched', async () => {
    const before = await readFile(join(dir, 'build/assets/cart.js'), 'utf8');
    const result = await runRelease(options({}, { dryRun: true }), {
      client: null,
      log: () => {},
    });
    expect(result.steps.find((s) => s.name === 'sourcemaps')!.detail).toMatch(
      /dry run: would upload 6 file\(s\) \(.+\) in 1 artifact bundle/,
    );
    expect(await readFile(join(dir, 'build/assets/cart.js'), 'utf8')).toBe(before);
    expect(sentry.state().requests.filter((r) => r.path.startsWith('/api/0/'))).toEqual([]);
  });

  it('a dry run works when $TMPDIR names a folder that does not exist', async () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = join(dir, 'no-such-tmp');
    try {
      const result = await runRelease(options({}, { dryRun: true }), { client: null, log: () => {} });
      expect(result.steps.find((s) => s.name === 'sourcemaps')!.detail).toMatch(/dry run: would upload 6 file/);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('ext, ignore and url_suffix narrow and name what is uploaded', async () => {
    await runRelease(options({ ignore: ['checkout.*'], urlSuffix: '?v=2', extensions: ['js'] }), deps());
    const urls = sentry
      .state()
      .bundles[0]!.files.map((f) => f.url)
      .sort();
    expect(urls).toEqual([
      '~/assets/cart.js.map?v=2',
      '~/assets/cart.js?v=2',
      '~/assets/format.js.map?v=2',
      '~/assets/format.js?v=2',
    ]);
    expect(await readFile(join(dir, 'build/assets/checkout.js'), 'utf8')).not.toContain('debugId');
  });
});
