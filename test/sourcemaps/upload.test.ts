/**
 * Uploads against the Sentry emulator (a real HTTP server): parity of the stored bundle with sentry-cli 3.8's
 * upload of the same tree, re-uploads that send nothing, several projects, DIR:PROJECT pairs, --wait, the legacy
 * fallback, delete-after-upload, and faults (503/429/dropped connections recover; an assemble error, a refused
 * chunk and an unreachable server fail with the server's detail).
 */
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runSourcemapsCommand } from '../../src/cli/sourcemaps-command.ts';
import { SentryClient } from '../../src/sentry/index.ts';
import { injectDebugIds, UploadError, uploadSourcemaps, type UploadOptions } from '../../src/sourcemaps/index.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { copyTree, edgeFixtures, listFiles, REPO, removeCopies, sentryCli } from './helpers.ts';

let emu: SentryEmulator;
let tree: string; // edge cases + bootstrap's dist/js, injected
const clients: SentryClient[] = [];

function client(extra: Partial<ConstructorParameters<typeof SentryClient>[0]> = {}): SentryClient {
  const c = new SentryClient({ url: emu.url, token: emu.token, org: emu.org, retryBaseMs: 2, ...extra });
  clients.push(c);
  return c;
}

const upload = (paths: string[], extra: Partial<UploadOptions> = {}, c = client()) =>
  uploadSourcemaps(c, { groups: [{ paths, projects: ['web'] }], release: 'web@1.0.0', ...extra });

const cliEnv = () => ({
  SENTRY_URL: emu.url,
  SENTRY_AUTH_TOKEN: emu.token,
  SENTRY_ORG: emu.org,
  SENTRY_PROJECT: 'web',
});

beforeAll(async () => {
  emu = await startSentryEmulator();
  tree = await copyTree(await edgeFixtures(), 'upload');
  await copyTree(`${REPO}/node_modules/bootstrap/dist/js`, 'bs').then(async (bs) => {
    const { cp } = await import('node:fs/promises');
    await cp(bs, `${tree}/vendor`, { recursive: true });
  });
  await injectDebugIds(tree);
});
afterEach(() => emu.reset());
afterAll(async () => {
  await emu?.close();
  await removeCopies();
});

/** What the server stores per file, minus the bytes (sentry-cli rewrites maps by default). */
function storedFiles() {
  const bundles = emu.state().bundles;
  expect(bundles).toHaveLength(1);
  return bundles[0]!.files
    .map((f) => ({ url: f.url, type: f.type, debugId: f.debugId, headers: f.headers }))
    .sort((a, b) => (a.url < b.url ? -1 : 1));
}

describe('upload parity with sentry-cli 3.8', () => {
  it('stores the same URLs, types, debug IDs and headers as `sentry-cli sourcemaps upload`', async () => {
    await sentryCli(['sourcemaps', 'upload', tree, '--release', 'web@1.0.0', '--wait'], cliEnv());
    const viaCli = storedFiles();
    const cliBundle = emu.state().bundles[0]!;
    emu.reset();
    const summary = await upload([tree], { wait: true });
    const viaFaultline = storedFiles();
    expect(viaFaultline).toEqual(viaCli);
    const ours = emu.state().bundles[0]!;
    expect({ projects: ours.projects, release: ours.release, dist: ours.dist }).toEqual({
      projects: cliBundle.projects,
      release: cliBundle.release,
      dist: cliBundle.dist,
    });
    expect(summary).toMatchObject({ mode: 'artifact-bundle', state: 'ok', filesUploaded: viaCli.length });
    expect(viaFaultline.filter((f) => f.debugId).length).toBeGreaterThan(20);
    // Script bytes are not rewritten by either tool.
    const script = viaFaultline.find((f) => f.url === '~/plain.js')!;
    expect(emu.bundleFile(ours.bundleId, script.url)).toEqual(emu.bundleFile(ours.bundleId, '~/plain.js'));
  });
});

describe('uploadSourcemaps', () => {
  it('sends only what the server lacks: an unchanged re-upload sends 0 chunks', async () => {
    const c = client();
    const first = await upload([tree], { wait: true }, c);
    expect(first.chunksSent).toBeGreaterThan(0);
    const again = await upload([tree], { wait: true }, c);
    expect(again).toMatchObject({ chunksSent: 0, bytesUploaded: 0, state: 'ok', bundleId: first.bundleId });
    expect(again.chunksSkipped).toBe(first.chunksSent + first.chunksSkipped);
  });

  it('re-uploads an unchanged build to a server that lost it from the remembered layout, and recovers from a stale one', async () => {
    const first = await upload([tree], { wait: true, release: 'web@plan' });
    const checksum = emu.state().bundles[0]!.checksum;
    emu.reset();
    // The layout is remembered now: the chunks are rebuilt on demand and match what was sent before.
    const again = await upload([tree], { wait: true, release: 'web@plan' });
    expect(again).toMatchObject({ chunksSent: first.chunksSent, state: 'ok', bundleId: first.bundleId });
    expect(emu.state().bundles[0]!.checksum).toBe(checksum);
    // A remembered layout that no longer matches is reported, forgotten, and the next run succeeds.
    const { readdir, readFile, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dir = `${tmpdir()}/faultline-bundle-plans`;
    for (const name of await readdir(dir)) {
      const plan = JSON.parse(await readFile(`${dir}/${name}`, 'utf8')) as { checksum: string };
      if (plan.checksum !== checksum) continue;
      await writeFile(`${dir}/${name}`, JSON.stringify({ ...plan, checksum: '0'.repeat(40) }));
    }
    emu.reset();
    await expect(upload([tree], { release: 'web@plan' })).rejects.toThrow(/does not match the bundle written now/);
    emu.reset();
    expect((await upload([tree], { wait: true, release: 'web@plan' })).state).toBe('ok');
  });

  it('splits a large bundle into chunks sent in parallel batches within the server limits', async () => {
    const small = await startSentryEmulator({
      token: emu.token,
      chunkUpload: { chunkSize: 64 * 1024, chunksPerRequest: 3, maxRequestSize: 160 * 1024, concurrency: 4 },
    });
    try {
      const c = new SentryClient({ url: small.url, token: small.token, org: small.org, retryBaseMs: 2 });
      const r = await uploadSourcemaps(c, {
        groups: [{ paths: [tree], projects: ['web'] }],
        release: 'r1',
        wait: true,
      });
      expect(r.chunksSent).toBeGreaterThan(5);
      const posts = small.state().requests.filter((q) => q.method === 'POST' && q.path.endsWith('/chunk-upload/'));
      expect(posts.length).toBeGreaterThanOrEqual(Math.ceil(r.chunksSent / 3));
      expect(posts.every((p) => p.status === 200)).toBe(true);
      expect(small.state().bundles[0]!.files.length).toBe(r.filesUploaded);
    } finally {
      await small.close();
    }
  });

  it('puts several projects in one bundle, and DIR:PROJECT pairs in one bundle each', async () => {
    const both = await uploadSourcemaps(client(), {
      groups: [{ paths: [`${tree}/vendor`], projects: ['web', 'api'] }],
      wait: true,
    });
    const stored = emu.state().bundles;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.projects.sort()).toEqual(['api', 'web']);
    expect(stored[0]!.manifest.project).toBeUndefined();
    expect(both.bundles).toHaveLength(1);
    emu.reset();
    const code = await runSourcemapsCommand(
      ['upload', `${tree}/vendor:api`, `${tree}/guess:web`, '--release', 'web@2', '--json', '--wait'],
      io(),
    );
    expect(code).toBe(0);
    const bundles = emu.state().bundles;
    expect(bundles.map((b) => b.projects.join()).sort()).toEqual(['api', 'web']);
    expect(
      bundles
        .find((b) => b.projects[0] === 'web')!
        .files.map((f) => f.url)
        .sort(),
    ).toEqual((await listFiles(`${tree}/guess`)).map((f) => `~/${f}`));
  });

  it('prefixes URLs and records release and dist', async () => {
    await upload([`${tree}/guess`], { urlPrefix: '~/static/', dist: '42', wait: true });
    const b = emu.state().bundles[0]!;
    expect(b.files.map((f) => f.url).sort()).toEqual([
      '~/static/bar.js.map',
      '~/static/bar.min.js',
      '~/static/foo.map',
      '~/static/foo.min.js',
    ]);
    expect({ release: b.release, dist: b.dist }).toEqual({ release: 'web@1.0.0', dist: '42' });
    expect(b.files.find((f) => f.url === '~/static/foo.min.js')!.headers.sourcemap).toBe('foo.map');
  });

  it('waits for processing with --wait, and reports it pending without', async () => {
    const slow = await startSentryEmulator({ token: emu.token, assembleDelayMs: 300 });
    try {
      const c = new SentryClient({ url: slow.url, token: slow.token, org: slow.org, retryBaseMs: 2 });
      const opts = { groups: [{ paths: [`${tree}/guess`], projects: ['web'] }], release: 'r' };
      const pending = await uploadSourcemaps(c, opts);
      expect(pending.state).not.toBe('ok');
      const lines: string[] = [];
      const done = await uploadSourcemaps(c, { ...opts, release: 'r2', wait: true, log: (l) => lines.push(l) });
      expect(done.state).toBe('ok');
      expect(lines.some((l) => l.startsWith('> Waiting for Sentry to process bundle'))).toBe(true);
      expect(lines.at(-1)).toBe('> File processing complete');
    } finally {
      await slow.close();
    }
  });

  it('deletes the uploaded .map files afterwards when asked, and only after success', async () => {
    const dir = await copyTree(`${tree}/guess`, 'del');
    emu.inject({
      method: 'POST',
      path: '/artifactbundle/assemble/$',
      status: 200,
      body: { state: 'error', detail: 'boom', missingChunks: [] },
    });
    await expect(upload([dir], { deleteAfterUpload: true })).rejects.toThrow(/boom/);
    expect(await listFiles(dir)).toContain('foo.map');
    const r = await upload([dir], { deleteAfterUpload: true, wait: true });
    expect(r.deletedMaps.length).toBe(2);
    expect(await listFiles(dir)).toEqual(['bar.min.js', 'foo.min.js']);
  });

  it('falls back to legacy release files when the server does not accept artifact bundles', async () => {
    const c = client();
    await c.createRelease({ version: 'old@1', projects: ['web'] });
    emu.inject({
      method: 'GET',
      path: '/chunk-upload/$',
      status: 200,
      body: {
        url: `${emu.url}/api/0/organizations/acme/chunk-upload/`,
        chunkSize: 8388608,
        chunksPerRequest: 64,
        maxRequestSize: 33554432,
        concurrency: 4,
        hashAlgorithm: 'sha1',
        compression: ['gzip'],
        accept: ['debug_files', 'release_files', 'pdbs', 'sources', 'bcsymbolmaps'],
      },
    });
    const r = await upload([`${tree}/guess`], { release: 'old@1' }, c);
    expect(r).toMatchObject({ mode: 'release-files', filesUploaded: 4, chunksSent: 0 });
    const files = emu.state().releases.find((x) => x.version === 'old@1')!.files;
    expect(files.map((f) => f.name).sort()).toEqual(['~/bar.js.map', '~/bar.min.js', '~/foo.map', '~/foo.min.js']);
    expect(emu.state().bundles).toEqual([]);
  });
});

describe('upload faults', () => {
  it('recovers from 503s, a 429 and a dropped connection mid-upload', async () => {
    emu.inject({ method: 'POST', path: '/chunk-upload/$', status: 503, times: 2 });
    emu.inject({ method: 'POST', path: '/chunk-upload/$', status: 429, headers: { 'retry-after': '0' } });
    emu.inject({ method: 'POST', path: '/chunk-upload/$', drop: true });
    const r = await upload([tree], { wait: true });
    expect(r.state).toBe('ok');
    expect(emu.state().bundles).toHaveLength(1);
    expect(emu.state().requests.filter((q) => q.fault).length).toBe(4);
  });

  it('fails loudly with the server detail when assembly reports an error', async () => {
    emu.inject({
      method: 'POST',
      path: '/artifactbundle/assemble/$',
      times: 5,
      status: 200,
      body: { state: 'error', detail: 'File ~/x.js exceeds maximum size (9 > 8)', missingChunks: [] },
    });
    const err = await upload([`${tree}/guess`]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UploadError);
    expect((err as UploadError).message).toContain('File ~/x.js exceeds maximum size (9 > 8)');
    expect((err as UploadError).detail).toBe('File ~/x.js exceeds maximum size (9 > 8)');
  });

  it('reports a chunk the server refuses (checksum mismatch) with the server’s words, and exits 1 from the CLI', async () => {
    emu.inject({
      method: 'POST',
      path: '/chunk-upload/$',
      times: 10,
      status: 400,
      body: { error: 'Checksum mismatch' },
    });
    const out: string[] = [];
    const code = await runSourcemapsCommand(['upload', `${tree}/guess`, '--release', 'x'], io(out));
    expect(code).toBe(1);
    expect(out.join('\n')).toMatch(/Checksum mismatch/);
    expect(emu.state().bundles).toEqual([]);
  });

  it('fails when chunks stay missing after being sent', async () => {
    emu.inject({
      method: 'POST',
      path: '/artifactbundle/assemble/$',
      times: 10,
      status: 200,
      body: { state: 'not_found', missingChunks: ['0000000000000000000000000000000000000000'] },
    });
    await expect(upload([`${tree}/guess`])).rejects.toThrow(/chunk\(s\) missing on the server/);
  });
});

function io(sink: string[] = []) {
  return {
    env: cliEnv(),
    cwd: REPO,
    stdout: (l: string) => sink.push(l),
    stderr: (l: string) => sink.push(l),
  };
}

describe('faultline sourcemaps (CLI)', () => {
  it('check exits 0 with a report, 1 in strict mode, 2 on bad usage', async () => {
    const out: string[] = [];
    expect(await runSourcemapsCommand(['check', tree], io(out))).toBe(0);
    expect(out[0]).toMatch(/^Source map check: \d+ scripts/);
    expect(await runSourcemapsCommand(['check', tree, '--strict'], io())).toBe(1);
    expect(await runSourcemapsCommand(['check', `${tree}/vendor`, '--strict'], io())).toBe(0);
    expect(await runSourcemapsCommand(['check'], io())).toBe(2);
    expect(await runSourcemapsCommand(['frobnicate', tree], io())).toBe(2);
    const md: string[] = [];
    await runSourcemapsCommand(['check', tree, '--markdown'], io(md));
    expect(md.join('\n')).toContain('### Source maps');
  });

  it('inject reports what it did and is a no-op the second time', async () => {
    const dir = await copyTree(`${REPO}/node_modules/preact/dist`, 'cli-inject');
    const out: string[] = [];
    expect(await runSourcemapsCommand(['inject', dir], io(out))).toBe(0);
    expect(out.join('\n')).toMatch(/Injected 1 script\(s\) and 1 map\(s\)/);
    const again: string[] = [];
    await runSourcemapsCommand(['inject', dir, '--json'], io(again));
    expect(JSON.parse(again.join('\n')).injected).toEqual([]);
  });

  it('upload --inject --wait prints progress and a summary; missing settings are usage errors', async () => {
    const dir = await copyTree(`${REPO}/node_modules/preact/dist`, 'cli-upload');
    const out: string[] = [];
    const code = await runSourcemapsCommand(['upload', dir, '--inject', '--release', 'p@1', '--wait'], io(out));
    expect(code).toBe(0);
    expect(out.some((l) => l.startsWith('> Bundled 2 file(s)'))).toBe(true);
    expect(out.at(-1)).toMatch(/^> Uploaded 2 file\(s\): \d+ chunk\(s\) sent, 0 skipped, state ok, bundle /);
    const noToken = { ...io(), env: { SENTRY_ORG: 'acme' } };
    expect(await runSourcemapsCommand(['upload', dir], noToken)).toBe(2);
    expect(existsSync(dir)).toBe(true);
  });
});
