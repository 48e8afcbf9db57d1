// The release step's errors name the input, the value and the fix, against the Sentry emulator (which enforces
// scopes per route).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import type { ReleaseOptions } from '../../src/release/options.ts';
import { ReleaseFailedError, runRelease } from '../../src/release/pipeline.ts';
import { SentryClient } from '../../src/sentry/index.ts';

const READ_ONLY = `sntryu_${'0a'.repeat(32)}`;
let sentry: SentryEmulator;
beforeAll(async () => {
  sentry = await startSentryEmulator({
    seed: { tokens: [{ token: READ_ONLY, scopes: ['org:read', 'project:read'] }] },
  });
});
afterAll(() => sentry.close());

function options(over: Partial<ReleaseOptions> = {}): ReleaseOptions {
  return {
    version: '2.0.0',
    projects: ['web'],
    steps: ['create'],
    setCommits: { mode: 'skip' },
    ignoreMissing: false,
    ignoreEmpty: false,
    cwd: process.cwd(),
    sourcemaps: {
      paths: [],
      inject: true,
      ignore: [],
      stripCommonPrefix: false,
      strict: false,
      wait: false,
      deleteAfterUpload: false,
    },
    finalize: false,
    dryRun: false,
    gitSafeDirectory: true,
    ...over,
  };
}

async function failure(opts: ReleaseOptions, token = sentry.token): Promise<ReleaseFailedError> {
  const client = new SentryClient({ url: sentry.url, token, org: sentry.org, retryBaseMs: 5, maxAttempts: 2 });
  const err = await runRelease(opts, { client, log: () => {} }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ReleaseFailedError);
  return err as ReleaseFailedError;
}

describe('release step errors', () => {
  it('a wrong project is named, with the input and how to list the projects', async () => {
    const err = await failure(options({ projects: ['web', 'wbe'] }));
    expect(err.step).toBe('create');
    expect(err.message).toContain('Sentry does not know the project "wbe" in organization "acme"');
    expect(err.message).toContain('input projects: "web,wbe"');
    expect(err.message).toContain(`${sentry.url}/organizations/acme/projects/`);
    expect(err.hint).toMatch(/projects input .*faultline doctor/);
  });

  it('a 403 names the scope the call needs', async () => {
    const err = await failure(options(), READ_ONLY);
    expect(err.message).toContain('may not create releases in organization "acme"');
    expect(err.message).toContain('project:releases');
    expect(err.hint).toMatch(/project:releases scope .*org:ci/);
  });
});
