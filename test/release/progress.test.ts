// Upload progress through the release pipeline against the Sentry emulator: the action and the CLI pass an output,
// the pipeline hands it to the chunk upload; a fake clock makes each batch "take" a second.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../examples/web-app/build.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import type { ReleaseOptions } from '../../src/release/options.ts';
import { runRelease } from '../../src/release/pipeline.ts';
import { SentryClient } from '../../src/sentry/index.ts';

const webSrc = fileURLToPath(new URL('../../examples/web-app/src', import.meta.url));
let sentry: SentryEmulator;
let workspace: string;
beforeAll(async () => {
  // Small chunks, one per request, one request at a time: many batches to report on.
  sentry = await startSentryEmulator({ chunkUpload: { chunkSize: 1024, chunksPerRequest: 1, concurrency: 1 } });
  workspace = await mkdtemp(join(tmpdir(), 'faultline-progress-'));
  await buildWebApp(webSrc, join(workspace, 'build'));
});
afterAll(async () => {
  await Promise.all([sentry.close(), rm(workspace, { recursive: true, force: true })]);
});

function options(): ReleaseOptions {
  return {
    version: '3.0.0',
    projects: ['web'],
    steps: ['create', 'sourcemaps'],
    setCommits: { mode: 'skip' },
    ignoreMissing: false,
    ignoreEmpty: false,
    cwd: workspace,
    sourcemaps: {
      paths: ['build'],
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
  };
}

describe('upload progress in the release pipeline', () => {
  it('writes bytes, chunks, rate and ETA lines while the chunks go, and none on a re-run that sends nothing', async () => {
    const client = new SentryClient({ url: sentry.url, token: sentry.token, org: sentry.org });
    let t = 0;
    const lines: string[] = [];
    const progress = { line: (l: string) => lines.push(l), now: () => (t += 1000), logIntervalMs: 2000 };
    const result = await runRelease(options(), { client, log: () => {}, progress });
    expect(result.chunksSent, `${result.bytesUploaded} bytes`).toBeGreaterThan(3);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^> Uploading [\d.]+ KiB of [\d.]+ KiB \(\d+\/\d+ chunks\), [\d.]+ KiB\/s, ETA \d+ s$/);
    const [, , total] = /\((\d+)\/(\d+) chunks\)/.exec(lines[0]!)!;
    expect(Number(total)).toBe(result.chunksSent);

    lines.length = 0;
    await runRelease(options(), { client, log: () => {}, progress });
    expect(lines).toEqual([]);
  });
});
