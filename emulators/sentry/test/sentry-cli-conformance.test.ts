/**
 * The official sentry-cli 3.8.0 against the Sentry emulator: the release flow a CI job runs must succeed command by
 * command, and the emulator must end up holding exactly what sentry-cli sent.
 */
import { execFile, execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startSentryEmulator, type SentryEmulator } from '../server.ts';
import {
  localCommits,
  makeBuiltTree,
  makeGitRepo,
  readDebugId,
  SENTRY_CLI,
  sentryCli,
} from '../../../test/sentry-client/fixtures.ts';

const TOKEN = `sntryu_${'c1'.repeat(32)}`;
const VERSION = 'web@3.1.0';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** sentry-cli's output whether it succeeded or failed, with its exit status. */
async function sentryCliResult(args: string[], opts: Parameters<typeof sentryCli>[1]) {
  try {
    return { ok: true, output: await sentryCli(args, opts) };
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('sentry-cli 3.8.0 against the Sentry emulator', () => {
  let emu: SentryEmulator;
  let repo: string;
  let tree: string;
  let cli: Parameters<typeof sentryCli>[1];

  beforeAll(async () => {
    emu = await startSentryEmulator({ token: TOKEN });
    [repo, tree] = await Promise.all([makeGitRepo(), makeBuiltTree()]);
    cli = { url: emu.url, token: TOKEN, org: 'acme', project: 'web', cwd: repo };
  });
  afterAll(() => emu?.close());

  it('runs new → set-commits --local → inject + upload --wait → finalize → deploy, and the state holds what was sent', async () => {
    expect(await sentryCli(['releases', 'new', VERSION], cli)).toContain(`Created release ${VERSION}`);
    expect(await sentryCli(['releases', 'set-commits', VERSION, '--local'], cli)).toContain(
      `Success! Set commits for release ${VERSION}`,
    );
    await sentryCli(['sourcemaps', 'inject', tree], cli);
    const upload = await sentryCli(['sourcemaps', 'upload', tree, '--release', VERSION, '--wait'], cli);
    expect(upload).toContain('> File processing complete');
    expect(await sentryCli(['releases', 'finalize', VERSION], cli)).toContain(`Finalized release ${VERSION}`);
    expect(await sentryCli(['deploys', 'new', '-r', VERSION, '-e', 'production'], cli)).toContain(
      "Created new deploy unnamed for 'production'",
    );

    const state = emu.state();
    expect(state.releases).toHaveLength(1);
    const release = state.releases[0]!;
    expect(release).toMatchObject({ version: VERSION, projects: ['web'], url: null, status: 'open', refs: [] });
    expect(release.dateReleased).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Every commit of the local history, newest first, with author, offset timestamp and name-status patch set.
    expect(release.commits).toEqual(await localCommits(repo, 'origin'));
    expect(release.commits.map((c) => c.patch_set?.map((p) => p.type).join(''))).toEqual(['M', 'D', 'MA', 'AA']);

    expect(release.deploys).toHaveLength(1);
    expect(release.deploys[0]).toMatchObject({
      environment: 'production',
      name: null,
      url: null,
      dateStarted: null,
      projects: ['web'],
    });
    expect(release.deploys[0]!.dateFinished).toMatch(ISO);

    expect(state.bundles).toHaveLength(1);
    const bundle = state.bundles[0]!;
    expect(upload).toContain(`> Bundle ID: ${bundle.bundleId}`);
    expect(bundle).toMatchObject({ release: VERSION, dist: null, projects: ['web'] });
    expect(bundle.manifest).toMatchObject({ org: 'acme', project: 'web', release: VERSION, debug_id: bundle.bundleId });
    const byUrl = Object.fromEntries(bundle.files.map((f) => [f.url, f]));
    expect(Object.keys(byUrl).sort()).toEqual(['~/app.js', '~/app.js.map', '~/vendor.js']);
    for (const name of ['app.js', 'app.js.map', 'vendor.js']) {
      const debugId = await readDebugId(join(tree, name));
      expect(debugId).toMatch(/^[0-9a-f-]{36}$/);
      expect(byUrl[`~/${name}`]!.debugId).toBe(debugId);
      expect(byUrl[`~/${name}`]!.path).toBe(`files/_/_/${name}`);
    }
    expect(byUrl['~/app.js']).toMatchObject({ type: 'minified_source', headers: { sourcemap: 'app.js.map' } });
    expect(byUrl['~/app.js.map']!.type).toBe('source_map');
    expect(state.assemblies.map((a) => a.state)).toEqual(['ok']);
    // Minified files arrive byte for byte (maps are re-serialised by sentry-cli's rewrite, so only their shape).
    expect(emu.bundleFile(bundle.bundleId, '~/app.js')).toEqual(await readFile(join(tree, 'app.js')));
    const vendor = await fetch(
      `${emu.url}/__emulator/bundles/${bundle.bundleId}/file?url=${encodeURIComponent('~/vendor.js')}`,
    );
    expect(Buffer.from(await vendor.arrayBuffer())).toEqual(await readFile(join(tree, 'vendor.js')));
    const map = JSON.parse(emu.bundleFile(bundle.bundleId, '~/app.js.map')!.toString()) as {
      debugId?: string;
      mappings: string;
    };
    expect(map.debugId).toBe(byUrl['~/app.js.map']!.debugId);

    // The wire sequence, including 208 for the release set-commits makes sure of, and the assemble pre-query.
    expect(state.requests.map((r) => `${r.method} ${r.path.replace(/\?.*/, '')} ${r.status}`)).toEqual([
      'POST /api/0/organizations/acme/releases/ 201',
      'GET /api/0/organizations/acme/repos/ 200',
      'POST /api/0/organizations/acme/releases/ 208',
      `GET /api/0/organizations/acme/releases/${VERSION}/previous-with-commits/ 200`,
      `PUT /api/0/organizations/acme/releases/${VERSION}/ 200`,
      'GET /api/0/organizations/acme/chunk-upload/ 200',
      'POST /api/0/organizations/acme/artifactbundle/assemble/ 200',
      'POST /api/0/organizations/acme/chunk-upload/ 200',
      ...state.requests.slice(8, -2).map(() => 'POST /api/0/organizations/acme/artifactbundle/assemble/ 200'),
      `PUT /api/0/organizations/acme/releases/${VERSION}/ 200`,
      `POST /api/0/organizations/acme/releases/${VERSION}/deploys/ 201`,
    ]);
    expect(state.requests.every((r) => r.userAgent?.startsWith('sentry-cli/3.8.0'))).toBe(true);
  });

  it('uploads nothing the second time: every chunk is already on the server', async () => {
    const before = emu.state().requests.length;
    const again = await sentryCli(['sourcemaps', 'upload', tree, '--release', VERSION, '--wait'], cli);
    expect(again).toContain('> Nothing to upload, all files are on the server');
    expect(again).toContain('> File processing complete');
    const requests = emu.state().requests.slice(before);
    expect(requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chunk-upload/'))).toHaveLength(0);
    expect(emu.state().bundles).toHaveLength(1);
  });

  it('a second release sends only the commits since the previous release', async () => {
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'chore: bump'], {
      cwd: repo,
      env: { ...process.env, HOME: repo, GIT_CONFIG_NOSYSTEM: '1' },
    });
    await sentryCli(['releases', 'set-commits', 'web@3.2.0', '--local'], cli);
    const second = emu.state().releases.find((r) => r.version === 'web@3.2.0')!;
    expect(second.commits.map((c) => c.message)).toEqual(['chore: bump\n']);
  });

  it('set-commits --commit and --auto use refs mode for a repository Sentry knows; --clear empties the commits', async () => {
    emu.seed({ repos: [{ name: 'acme/web' }] });
    const head = 'a'.repeat(40);
    const previous = 'b'.repeat(40);
    await sentryCli(['releases', 'set-commits', 'web@4.0.0', '--commit', `acme/web@${previous}..${head}`], cli);
    let release = emu.state().releases.find((r) => r.version === 'web@4.0.0')!;
    expect(release.refs).toEqual([{ repository: 'acme/web', commit: head, previousCommit: previous }]);
    expect(release.commits.map((c) => c.id)).toEqual([head]);

    expect(await sentryCli(['releases', 'set-commits', 'web@4.0.0', '--clear'], cli)).toContain('Clearing commits');
    release = emu.state().releases.find((r) => r.version === 'web@4.0.0')!;
    expect(release.commits).toEqual([]);
    expect(release.refs).toEqual([]);

    // --auto finds the repository from the git remote (github.com/acme/web) and sends its HEAD.
    const headSha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo }).toString().trim();
    await sentryCli(['releases', 'set-commits', 'web@4.0.0', '--auto'], cli);
    release = emu.state().releases.find((r) => r.version === 'web@4.0.0')!;
    expect(release.refs).toEqual([{ repository: 'acme/web', commit: headSha, previousCommit: null }]);
  });

  it('deploys new carries name, url and a start time from --time', async () => {
    await sentryCli(
      [
        'deploys',
        'new',
        '-r',
        VERSION,
        '-e',
        'staging',
        '-n',
        'canary',
        '-u',
        'https://staging.example.com',
        '-t',
        '30',
      ],
      cli,
    );
    const deploy = emu
      .state()
      .releases.find((r) => r.version === VERSION)!
      .deploys.at(-1)!;
    expect(deploy).toMatchObject({ environment: 'staging', name: 'canary', url: 'https://staging.example.com' });
    expect(Date.parse(deploy.dateFinished) - Date.parse(deploy.dateStarted!)).toBeCloseTo(30_000, -3);
    expect(await sentryCli(['deploys', 'list', '-r', VERSION], cli)).toContain('canary');
  });

  it('sentry-cli reports what the server refused: an unknown project, a wrong token, an unknown release', async () => {
    const unknownProject = await sentryCliResult(['releases', 'new', 'web@9.0.0', '-p', 'mobile'], cli);
    expect(unknownProject.ok).toBe(false);
    expect(unknownProject.output).toContain('Invalid project ids or slugs');

    const wrongToken = await sentryCliResult(['releases', 'new', 'web@9.0.0'], {
      ...cli,
      token: `sntryu_${'0'.repeat(64)}`,
    });
    expect(wrongToken.ok).toBe(false);
    expect(wrongToken.output).toMatch(/Invalid token|401/);

    const unknownRelease = await sentryCliResult(['releases', 'finalize', 'web@0.0.0-nope'], cli);
    expect(unknownRelease.ok).toBe(false);
    expect(unknownRelease.output).toMatch(/not found|does not exist/i);
    expect(emu.state().releases.map((r) => r.version)).not.toContain('web@9.0.0');
  });

  it('releases info, list and delete read back and remove what was created', async () => {
    expect(await sentryCli(['releases', 'info', VERSION], cli)).toContain(VERSION);
    const list = await sentryCli(['releases', 'list'], cli);
    for (const v of [VERSION, 'web@3.2.0', 'web@4.0.0']) expect(list).toContain(v);

    emu.seed({ issues: [{ id: '7', project: 'web', firstRelease: { version: 'web@3.2.0' } }] });
    const refused = await sentryCliResult(['releases', 'delete', 'web@3.2.0'], cli);
    expect(refused.ok).toBe(false);
    expect(refused.output).toContain('This release is referenced by active issues and cannot be removed.');
    expect(await sentryCli(['releases', 'delete', 'web@4.0.0'], cli)).toContain('Deleted release web@4.0.0');
    expect(emu.state().releases.map((r) => r.version)).not.toContain('web@4.0.0');
  });

  it('splits a bigger bundle into gzipped chunk batches within small server limits, and assembles it', async () => {
    const small = await startSentryEmulator({
      token: TOKEN,
      chunkUpload: { chunkSize: 1024, chunksPerRequest: 2, maxRequestSize: 4096, concurrency: 2 },
    });
    try {
      const big = await makeBuiltTree();
      // Pseudo-random text so the zip cannot shrink it below a few chunks.
      let seed = 7;
      const noise = Array.from({ length: 6000 }, () => ((seed = (seed * 48271) % 2147483647) % 36).toString(36)).join(
        '',
      );
      await writeFile(join(big, 'chunk-vendor.js'), `var blob="${noise}";\n`);
      const opts = { ...cli, url: small.url };
      await sentryCli(['sourcemaps', 'inject', big], opts);
      const out = await sentryCli(
        ['sourcemaps', 'upload', big, '--release', 'web@5.0.0', '--dist', 'ios-42', '--wait'],
        opts,
      );
      expect(out).toContain('> File processing complete');
      const state = small.state();
      const uploads = state.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/chunk-upload/'));
      expect(uploads.length).toBeGreaterThanOrEqual(2);
      expect(uploads.every((r) => r.status === 200)).toBe(true);
      expect(state.chunks.length).toBeGreaterThanOrEqual(3);
      expect(state.chunks.every((c) => c.size <= 1024 && c.field === 'file_gzip')).toBe(true);
      expect(state.bundles[0]).toMatchObject({ release: 'web@5.0.0', dist: 'ios-42' });
      expect(state.bundles[0]!.files.map((f) => f.url)).toContain('~/chunk-vendor.js');
    } finally {
      await small.close();
    }
  });

  it('uploads by debug ID alone, without a release', async () => {
    const before = emu.state().bundles.length;
    const fresh = await makeBuiltTree();
    await writeFile(join(fresh, 'extra.js'), 'console.log("only debug ids");\n');
    await sentryCli(['sourcemaps', 'inject', fresh], cli);
    const out = await sentryCli(['sourcemaps', 'upload', fresh, '--wait'], cli);
    expect(out).toContain('> File processing complete');
    const bundles = emu.state().bundles;
    expect(bundles).toHaveLength(before + 1);
    const added = bundles.at(-1)!;
    expect(added.release).toBeNull();
    expect(added.files.every((f) => f.debugId)).toBe(true);
  });

  it('meets injected faults as it meets Sentry’s: 503 and a dropped connection fail, a retry rides out one 503', async () => {
    emu.inject({ method: 'POST', path: '/releases/$', status: 503 });
    const unavailable = await sentryCliResult(['releases', 'new', 'web@6.0.0'], cli);
    expect(unavailable.ok).toBe(false);
    expect(unavailable.output).toContain('Injected fault: HTTP 503 (http status: 503)');

    emu.inject({ method: 'POST', path: '/releases/$', drop: true });
    const dropped = await sentryCliResult(['releases', 'new', 'web@6.0.0'], cli);
    expect(dropped.ok).toBe(false);
    expect(dropped.output).toContain('Empty reply from server');
    expect(emu.state().releases.map((r) => r.version)).not.toContain('web@6.0.0');

    // sentry-cli retries 502/503/504 (backoff from 1 s) when SENTRY_HTTP_MAX_RETRIES allows it.
    emu.inject({ method: 'POST', path: '/releases/$', status: 503 });
    const before = emu.state().requests.length;
    // Asynchronously: the emulator answers from this same process.
    const { stdout } = await promisify(execFile)(SENTRY_CLI, ['releases', 'new', 'web@6.0.0'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: repo,
        SENTRY_URL: emu.url,
        SENTRY_AUTH_TOKEN: TOKEN,
        SENTRY_ORG: 'acme',
        SENTRY_PROJECT: 'web',
        SENTRY_HTTP_MAX_RETRIES: '1',
        SENTRY_NO_PROGRESS_BAR: '1',
      },
      timeout: 20_000,
    });
    expect(stdout).toContain('Created release web@6.0.0');
    expect(
      emu
        .state()
        .requests.slice(before)
        .map((r) => r.status),
    ).toEqual([503, 201]);
  });
});
