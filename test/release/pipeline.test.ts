// The pipeline against the Sentry emulator (a real HTTP server): every step, re-runs, modes, shallow clones with a
// GitHub compare stub, and injected faults.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { githubHistory, githubRequest } from '../../src/release/github-history.ts';
import { LocalGit } from '../../src/release/git.ts';
import type { ReleaseOptions } from '../../src/release/options.ts';
import { type ReleaseDeps, ReleaseFailedError, runRelease } from '../../src/release/pipeline.ts';
import { SentryClient } from '../../src/sentry/index.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { type GitFixture, makeRepo, shallowClone } from './git-fixture.ts';
import { type GitHubStub, startGitHubStub } from './github-stub.ts';

let sentry: SentryEmulator;
let repo: GitFixture;
let shallow: GitFixture;
let github: GitHubStub;

beforeAll(async () => {
  [sentry, repo] = await Promise.all([startSentryEmulator(), makeRepo()]);
  [shallow, github] = await Promise.all([shallowClone(repo.dir), startGitHubStub(repo.dir)]);
});
afterEach(() => sentry.reset());
afterAll(async () => {
  await Promise.all([sentry.close(), github.close(), repo.cleanup(), shallow.cleanup()]);
});

function options(over: Partial<ReleaseOptions> = {}): ReleaseOptions {
  return {
    version: '1.0.0',
    projects: ['web'],
    steps: ['create', 'commits', 'sourcemaps', 'finalize', 'deploy'],
    setCommits: { mode: 'auto' },
    repository: 'acme/web',
    ignoreMissing: false,
    ignoreEmpty: false,
    cwd: repo.dir,
    sourcemaps: {
      paths: [],
      inject: true,
      ignore: [],
      stripCommonPrefix: false,
      strict: false,
      wait: false,
      deleteAfterUpload: false,
    },
    finalize: true,
    deploy: { environment: 'production', url: 'https://github.com/acme/web/actions/runs/1' },
    dryRun: false,
    gitSafeDirectory: true,
    ...over,
  };
}

function deps(over: Partial<ReleaseDeps> = {}) {
  const lines: string[] = [];
  const warnings: string[] = [];
  const client = new SentryClient({
    url: sentry.url,
    token: sentry.token,
    org: sentry.org,
    retryBaseMs: 5,
    maxAttempts: 3,
  });
  return {
    lines,
    warnings,
    deps: { client, log: (l: string) => lines.push(l), warn: (l: string) => warnings.push(l), ...over } as ReleaseDeps,
  };
}

const releaseIn = (version: string) => sentry.state().releases.find((r) => r.version === version);
const sentryRequests = () => sentry.state().requests.filter((r) => r.path.startsWith('/api/0/'));

describe('runRelease against the Sentry emulator', () => {
  it('creates, associates local commits, finalizes and records the deploy', async () => {
    const { deps: d, lines } = deps();
    const result = await runRelease(options(), d);
    expect(result.steps.map((s) => `${s.name}:${s.status}`)).toEqual([
      'create:ok',
      'commits:ok',
      'sourcemaps:skipped',
      'finalize:ok',
      'deploy:ok',
    ]);
    expect(result.commits).toBe(5);
    expect(result.deployId).toBeTruthy();
    expect(result.url).toBe(`${sentry.url}/organizations/acme/releases/1.0.0/`);
    const release = releaseIn('1.0.0')!;
    expect(release.projects).toEqual(['web']);
    expect(release.commits.map((c) => c.id)).toEqual([...repo.shas].reverse());
    expect(release.commits[0]!.patch_set).toEqual([
      { path: 'src/app.js', type: 'D' },
      { path: 'src/main.js', type: 'A' },
    ]);
    expect(release.dateReleased).toBeTruthy();
    expect(release.deploys).toMatchObject([
      { environment: 'production', url: 'https://github.com/acme/web/actions/runs/1' },
    ]);
    expect(lines).toContain('create: created release 1.0.0 for web');
  });

  it('is safe to re-run: 208 on create, finalize keeps its date, the deploy is not duplicated', async () => {
    const first = await runRelease(options(), deps().deps);
    const dateReleased = releaseIn('1.0.0')!.dateReleased;
    const { deps: d, lines } = deps();
    const again = await runRelease(options(), d);
    expect(lines).toContain('create: release 1.0.0 already exists for web (nothing to change)');
    expect(again.steps.find((s) => s.name === 'finalize')).toMatchObject({ status: 'skipped' });
    expect(again.deployId).toBe(first.deployId);
    const release = releaseIn('1.0.0')!;
    expect(release.dateReleased).toBe(dateReleased);
    expect(release.deploys).toHaveLength(1);
    expect(release.commits).toHaveLength(5);
  });

  it('sends only the commits since the previous release', async () => {
    sentry.seed({
      releases: [{ version: '0.9.0', projects: ['web'], commits: [{ id: repo.shas[2]!, repository: 'acme/web' }] }],
    });
    const result = await runRelease(options(), deps().deps);
    expect(result.commits).toBe(2);
    expect(releaseIn('1.0.0')!.commits.map((c) => c.id)).toEqual([repo.shas[4], repo.shas[3]]);
  });

  it('sends refs when the org has a repository integration for the repo', async () => {
    sentry.seed({ repos: [{ name: 'acme/web', provider: 'integrations:github' }] });
    sentry.seed({
      releases: [{ version: '0.9.0', projects: ['web'], commits: [{ id: repo.shas[1]!, repository: 'acme/web' }] }],
    });
    const result = await runRelease(options(), deps().deps);
    expect(result.commitSource).toMatch(/^refs acme\/web@/);
    expect(releaseIn('1.0.0')!.refs).toEqual([
      { repository: 'acme/web', commit: repo.shas[4], previousCommit: repo.shas[1] },
    ]);
  });

  it('on a shallow clone reads the range from the GitHub compare API', async () => {
    sentry.seed({
      releases: [{ version: '0.9.0', projects: ['web'], commits: [{ id: repo.shas[1]!, repository: 'acme/web' }] }],
    });
    const history = githubHistory(githubRequest('ghs_test', github.url, 'faultline-test'), 'acme/web');
    const result = await runRelease(options({ cwd: shallow.dir }), deps({ history }).deps);
    expect(result.commitSource).toMatch(/3 commits .* from the GitHub compare API \(shallow clone\)/);
    const commits = releaseIn('1.0.0')!.commits;
    expect(commits.map((c) => c.id)).toEqual([repo.shas[4], repo.shas[3], repo.shas[2]]);
    expect(commits[0]).toMatchObject({
      repository: 'acme/web',
      patch_set: [
        { path: 'src/app.js', type: 'D' },
        { path: 'src/main.js', type: 'A' },
      ],
    });
    expect(github.requests.some((r) => r.includes(`/compare/${repo.shas[1]}...${repo.shas[4]}`))).toBe(true);
  });

  it('records a deploy of an existing release alone (steps: deploy)', async () => {
    sentry.seed({ releases: [{ version: '0.9.0', projects: ['web'] }] });
    const before = sentryRequests().length;
    const result = await runRelease(
      options({ version: '0.9.0', steps: ['deploy'], deploy: { environment: 'staging', name: 'canary' } }),
      deps().deps,
    );
    expect(result.steps.map((s) => s.name)).toEqual(['deploy']);
    expect(releaseIn('0.9.0')!.deploys).toMatchObject([{ environment: 'staging', name: 'canary' }]);
    expect(
      sentryRequests()
        .slice(before)
        .map((r) => r.method),
    ).toEqual(['GET', 'POST']);
  });

  it('without a deploy URL every run records its own deploy (a redeploy from a laptop is a new deploy)', async () => {
    const plain = options({ setCommits: { mode: 'skip' }, deploy: { environment: 'staging' } });
    await runRelease(plain, deps().deps);
    await runRelease(plain, deps().deps);
    expect(releaseIn('1.0.0')!.deploys).toHaveLength(2);
  });

  it('refuses to deploy a release that does not exist, naming the create step', async () => {
    const error = await runRelease(options({ version: '9.9.9', steps: ['deploy'] }), deps().deps).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ReleaseFailedError);
    expect((error as ReleaseFailedError).step).toBe('deploy');
    expect((error as Error).message).toMatch(/release "9.9.9" does not exist in organization "acme".*create step/);
  });

  it('retries a transient 503 and finishes', async () => {
    sentry.inject({ method: 'PUT', path: '/releases/1\\.0\\.0/$', status: 503, times: 1 });
    const result = await runRelease(options({ setCommits: { mode: 'skip' } }), deps().deps);
    expect(result.steps.find((s) => s.name === 'finalize')!.status).toBe('ok');
    expect(releaseIn('1.0.0')!.dateReleased).toBeTruthy();
  });

  it('stops at the failing step with the result so far and Sentry’s hint', async () => {
    sentry.inject({ method: 'POST', path: '/deploys/$', status: 500, times: 10 });
    const error = (await runRelease(options({ setCommits: { mode: 'skip' } }), deps().deps).catch(
      (e: unknown) => e,
    )) as ReleaseFailedError;
    expect(error).toBeInstanceOf(ReleaseFailedError);
    expect(error.step).toBe('deploy');
    expect(error.result.steps.map((s) => `${s.name}:${s.status}`)).toEqual([
      'create:ok',
      'commits:skipped',
      'sourcemaps:skipped',
      'finalize:ok',
      'deploy:failed',
    ]);
    expect(error.message).toMatch(/500/);
    expect(error.message).not.toContain(sentry.token);
  });

  it('a bad token fails the create step with the token hint, and nothing else runs', async () => {
    const client = new SentryClient({ url: sentry.url, token: 'sntryu_wrong', org: sentry.org, retryBaseMs: 5 });
    const error = (await runRelease(options(), { client, log: () => {} }).catch(
      (e: unknown) => e,
    )) as ReleaseFailedError;
    expect(error.step).toBe('create');
    expect(error.message).toMatch(/401.*SENTRY_AUTH_TOKEN/s);
    expect(error.result.steps).toHaveLength(1);
  });

  it('a dry run sends nothing', async () => {
    const before = sentryRequests().length;
    const git = await LocalGit.open(repo.dir);
    const result = await runRelease(options({ dryRun: true }), { client: null, log: () => {}, git });
    expect(result.dryRun).toBe(true);
    expect(result.steps.every((s) => s.status !== 'failed')).toBe(true);
    expect(sentryRequests().length).toBe(before);
  });

  it('runs the source-map step of src/sourcemaps unless another is given', async () => {
    const { deps: d, warnings } = deps({ client: null });
    // A build without maps needs the opt-out (see the test below).
    const sourcemaps = { ...options().sourcemaps, paths: ['src'], allowMissing: true };
    const result = await runRelease(options({ dryRun: true, setCommits: { mode: 'skip' }, sourcemaps }), d);
    expect(result.steps.find((s) => s.name === 'sourcemaps')).toMatchObject({
      status: 'ok',
      detail: expect.stringMatching(/^2 script\(s\), 0 with a map, 2 finding\(s\); dry run: would upload 2 file\(s\)/),
    });
    expect(warnings.filter((w) => /src\/(main|feature)\.js: has no source map/.test(w))).toHaveLength(2);
  });

  it('strict: a missing sourcemaps path fails the step naming the input; opted out, it warns and skips', async () => {
    const maps = (strict: boolean) =>
      options({
        setCommits: { mode: 'skip' },
        sourcemaps: { ...options().sourcemaps, paths: ['./build'], strict, allowMissing: true },
      });
    const error = (await runRelease(maps(true), deps().deps).catch((e: unknown) => e)) as ReleaseFailedError;
    expect(error.step).toBe('sourcemaps');
    expect(error.message).toMatch(/^sourcemaps: "\.\/build" not found in .*`sourcemaps` input/);
    const { deps: d, warnings } = deps();
    const result = await runRelease(maps(false), d);
    expect(result.steps.find((s) => s.name === 'sourcemaps')).toMatchObject({ status: 'skipped' });
    expect(warnings[0]).toMatch(/"\.\/build" not found .*strict: true makes this an error/);
  });

  it('a missing path, no JavaScript or no map fails before the release is created, naming the path and the fix', async () => {
    const cases: Array<{ paths: string[]; message: RegExp; hint: RegExp }> = [
      { paths: ['./build'], message: /^sourcemaps: "\.\/build" not found in /, hint: /allow_missing_sourcemaps/ },
      {
        paths: ['.git'],
        message: /no JavaScript \(\.js \.cjs \.mjs\) found under "\.git"/,
        hint: /point the `sourcemaps` input at the build output/,
      },
      {
        paths: ['src'],
        message: /none of the 2 script\(s\) under "src" .* has a source map/,
        hint: /Turn source maps on in the bundler/,
      },
    ];
    for (const c of cases) {
      const opts = options({ setCommits: { mode: 'skip' }, sourcemaps: { ...options().sourcemaps, paths: c.paths } });
      const error = (await runRelease(opts, deps().deps).catch((e: unknown) => e)) as ReleaseFailedError;
      expect(error).toBeInstanceOf(ReleaseFailedError);
      expect(error.step).toBe('sourcemaps');
      expect(error.message).toMatch(c.message);
      expect(error.hint).toMatch(c.hint);
      expect(error.result.steps.map((s) => `${s.name}:${s.status}`)).toEqual(['sourcemaps:failed']);
    }
    expect(sentry.state().releases).toEqual([]);
    expect(sentryRequests()).toEqual([]);
  });

  it('strict: a finding fails before the release is created, so Sentry holds no release', async () => {
    const opts = options({
      setCommits: { mode: 'skip' },
      sourcemaps: { ...options().sourcemaps, paths: ['src'], strict: true, allowMissing: true },
    });
    const error = (await runRelease(opts, deps().deps).catch((e: unknown) => e)) as ReleaseFailedError;
    expect(error.step).toBe('sourcemaps');
    expect(error.message).toMatch(/has no source map|none of the 2 script/);
    expect(sentry.state().releases).toEqual([]);
    expect(sentryRequests()).toEqual([]);
  });

  it('passes the source-map step the release, projects and options, and reports its counts', async () => {
    const seen: unknown[] = [];
    const { deps: d } = deps({
      sourcemaps: async (req, ctx) => {
        seen.push({ ...req, client: ctx.client !== null });
        return {
          bundleId: 'b-1',
          filesUploaded: 4,
          bytesUploaded: 900,
          chunksSent: 1,
          chunksSkipped: 2,
          detail: 'uploaded 4 files',
        };
      },
    });
    const result = await runRelease(
      options({
        setCommits: { mode: 'skip' },
        sourcemaps: { ...options().sourcemaps, paths: ['src', 'dist/**/*.js'], dist: 'd1' },
      }),
      d,
    );
    expect(seen).toEqual([
      expect.objectContaining({
        paths: ['src', 'dist/**/*.js'],
        cwd: repo.dir,
        version: '1.0.0',
        projects: ['web'],
        dryRun: false,
        client: true,
      }),
    ]);
    expect(result).toMatchObject({
      bundleId: 'b-1',
      filesUploaded: 4,
      bytesUploaded: 900,
      chunksSent: 1,
      chunksSkipped: 2,
    });
    expect(result.steps.find((s) => s.name === 'sourcemaps')).toMatchObject({
      status: 'ok',
      detail: 'uploaded 4 files',
    });
  });
});
