/**
 * src/sentry against the Sentry emulator (emulators/sentry/server.ts): the sentry-cli release flow run
 * through the client must leave the emulator in the same state as the real sentry-cli does, and the client
 * must ride out injected faults within its retry budget and fail clearly beyond it.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SentryApiError, SentryClient, SentryConnectionError } from '../../src/sentry/index.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { runReleaseFlow } from './client-flow.ts';
import { localCommits, makeBuiltTree, makeGitRepo, readDebugId, sentryCli } from './fixtures.ts';

type Emulator = SentryEmulator;

function startEmulator(): Promise<Emulator> {
  return startSentryEmulator({ token: TOKEN });
}

const TOKEN = `sntryu_${'5a'.repeat(32)}`;
const FILES = ['app.js', 'app.js.map', 'vendor.js'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
// Parts of the state that legitimately differ between two runs or two uploaders: request logs, the bundle's own
// bytes and chunking, generated ids. Commit ids (40 hex) are kept.
const VOLATILE_KEYS = new Set([
  'requests',
  'requestLog',
  'log',
  'chunks',
  'missingChunks',
  'checksum',
  'size',
  'bytes',
  'fileSize',
  'bundleId',
  'debug_id',
  'userAgent',
]);

function isVolatile(key: string, value: unknown): boolean {
  if (key === 'id') return !(typeof value === 'string' && /^[0-9a-f]{40}$/.test(value));
  return VOLATILE_KEYS.has(key);
}

/** Replaces "now"-like timestamps and drops volatile keys so two emulator states can be compared. */
function normaliseState(value: unknown, since: number): unknown {
  if (Array.isArray(value)) return value.map((v) => normaliseState(v, since));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) {
      if (!isVolatile(k, v)) out[k] = normaliseState(v, since);
    }
    return out;
  }
  if (typeof value === 'string' && ISO_DATE.test(value) && Date.parse(value) >= since - 60_000) return '<now>';
  return value;
}

describe('SentryClient against the Sentry emulator', () => {
  let repo: string;
  let tree: string;
  const emulators: Emulator[] = [];

  beforeAll(async () => {
    repo = await makeGitRepo();
    const built = await makeBuiltTree();
    tree = await mkdtemp(join(tmpdir(), 'faultline-sentry-injected-'));
    await cp(built, tree, { recursive: true });
    // Both uploaders get the same injected files; injection itself needs no server.
    await sentryCli(['sourcemaps', 'inject', tree], {
      url: 'http://127.0.0.1:9',
      token: TOKEN,
      org: 'acme',
      project: 'web',
    });
  });

  afterAll(async () => {
    for (const e of emulators) await e.close();
  });

  async function emulator(): Promise<Emulator> {
    const e = await startEmulator();
    emulators.push(e);
    return e;
  }

  function clientFor(e: Emulator, extra: Partial<ConstructorParameters<typeof SentryClient>[0]> = {}) {
    return new SentryClient({ url: e.url, token: e.token, org: e.org, retryBaseMs: 5, ...extra });
  }

  it('runs the sentry-cli release flow and leaves the same state as sentry-cli 3.8.0', async () => {
    const since = Date.now();
    const version = 'web@1.4.0';
    const viaCli = await emulator();
    const cli = { url: viaCli.url, token: viaCli.token, org: viaCli.org, project: 'web', cwd: repo };
    await sentryCli(['releases', 'new', version], cli);
    await sentryCli(['releases', 'set-commits', version, '--local'], cli);
    await sentryCli(['sourcemaps', 'upload', tree, '--release', version, '--wait', '--no-rewrite'], cli);
    await sentryCli(['releases', 'finalize', version], cli);
    await sentryCli(['deploys', 'new', '-r', version, '-e', 'production', '-n', 'prod-1'], cli);

    const viaClient = await emulator();
    const result = await runReleaseFlow(clientFor(viaClient), {
      version,
      project: 'web',
      repo,
      tree,
      files: FILES,
      chunkSize: 512,
      deployName: 'prod-1',
    });
    expect(result.chunks).toBeGreaterThan(1);

    // What a user would look for in Sentry: the release, every commit with its patch set, every file by debug ID,
    // the deploy.
    const stateText = JSON.stringify(viaClient.state());
    for (const commit of await localCommits(repo, 'origin')) {
      expect(stateText).toContain(commit.id);
      for (const change of commit.patch_set ?? []) expect(stateText).toContain(change.path);
    }
    for (const file of FILES) {
      expect(stateText).toContain(`~/${file}`);
      expect(stateText).toContain((await readDebugId(join(tree, file)))!);
    }
    expect(stateText).toContain('prod-1');

    expect(normaliseState(viaClient.state(), since)).toEqual(normaliseState(viaCli.state(), since));
  });

  it('recovers from injected 503s, a 429 with X-Sentry-Rate-Limit-Reset, and dropped connections', async () => {
    const e = await emulator();
    e.inject({ method: 'POST', path: 'chunk-upload', times: 2, status: 503 });
    e.inject({
      method: 'POST',
      path: '/releases/$',
      times: 1,
      status: 429,
      headers: { 'X-Sentry-Rate-Limit-Reset': String(Math.ceil(Date.now() / 1000)) },
      body: { detail: 'You are attempting to use this endpoint too frequently.' },
    });
    e.inject({ method: 'POST', path: '/deploys/$', times: 1, drop: true });
    e.inject({ method: 'GET', path: '/repos/$', times: 1, status: 502 });
    const retries: string[] = [];
    await runReleaseFlow(clientFor(e, { log: (l) => l.includes('retrying') && retries.push(l) }), {
      version: '2.0.0',
      project: 'web',
      repo,
      tree,
      files: FILES,
    });
    expect(retries).toHaveLength(5);
    expect(retries.join('\n')).toMatch(/after 429/);
    expect(JSON.stringify(e.state())).toContain('2.0.0');
  });

  it('fails with a clear error when faults outlast the retry budget', async () => {
    const e = await emulator();
    const client = clientFor(e, { maxAttempts: 3 });
    e.inject({ method: 'POST', path: '/releases/$', times: 10, status: 503 });
    const err = await client.createRelease({ version: '3.0.0', projects: ['web'] }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(SentryApiError);
    expect(err).toMatchObject({ status: 503, attempts: 3, endpoint: 'POST /api/0/organizations/acme/releases/' });
    expect((err as Error).message).toMatch(/failed with 503.*after 3 attempts/);
    expect((err as Error).message).not.toContain(e.token);

    e.reset();
    e.inject({ path: '/repos/$', times: 10, drop: true });
    const dropped = await client.listRepos().catch((x: unknown) => x);
    expect(dropped).toBeInstanceOf(SentryConnectionError);
    expect(dropped).toMatchObject({ status: 0, attempts: 3 });

    e.reset();
    e.inject({ path: '/repos/$', times: 10, delayMs: 1000 });
    const slow = await clientFor(e, { maxAttempts: 2, timeoutMs: 100 })
      .listRepos()
      .catch((x: unknown) => x);
    expect(slow).toMatchObject({ code: 'TIMEOUT', attempts: 2 });
  });
});
