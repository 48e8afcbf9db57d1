import { readFile, rm, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../examples/web-app/build.ts';
import { ReleaseStepError } from '../../src/release/errors.ts';
import type { SourcemapsRequest } from '../../src/release/sourcemaps-port.ts';
import { createSourcemapsRunner, type SourcemapsUploader } from '../../src/release/sourcemaps-step.ts';

const webSrc = fileURLToPath(new URL('../../examples/web-app/src', import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-maps-step-'));
  await buildWebApp(webSrc, join(dir, 'build'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function request(over: Partial<SourcemapsRequest['options']> = {}, dryRun = false): SourcemapsRequest {
  return {
    paths: ['build'],
    cwd: dir,
    projects: ['web'],
    version: '1.0.0',
    options: {
      paths: ['build'],
      inject: true,
      ignore: [],
      stripCommonPrefix: false,
      strict: false,
      wait: false,
      deleteAfterUpload: false,
      ...over,
    },
    dryRun,
  };
}

function recordingUpload() {
  const calls: Array<{ paths: string[]; cwd: string; cartJs: string }> = [];
  const upload: SourcemapsUploader = async (_req, paths, cwd) => {
    calls.push({ paths, cwd, cartJs: await readFile(join(cwd, paths[0]!, 'assets/cart.js'), 'utf8') });
    return { filesUploaded: 6, bytesUploaded: 10, chunksSent: 1, chunksSkipped: 0, bundleId: 'b', detail: 'uploaded' };
  };
  return { calls, upload };
}

const ctx = () => {
  const warnings: string[] = [];
  return { warnings, ctx: { client: null, log: () => {}, warn: (l: string) => warnings.push(l) } };
};

describe('the source-map step', () => {
  it('checks, injects debug IDs into the build, then uploads', async () => {
    const { calls, upload } = recordingUpload();
    const outcome = await createSourcemapsRunner(upload)(request(), ctx().ctx);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.cwd).toBe(dir);
    expect(calls[0]!.cartJs).toMatch(/\/\/# debugId=[0-9a-f-]{36}/);
    expect(await readFile(join(dir, 'build/assets/cart.js'), 'utf8')).toMatch(/\/\/# debugId=/);
    expect(outcome).toMatchObject({ bundleId: 'b', filesUploaded: 6, injected: 3 });
    expect(outcome.detail).toMatch(/^3 script\(s\), 3 with a map, 0 finding\(s\); uploaded$/);
    expect(outcome.findingsMarkdown).toContain('### Source maps ✅');
  });

  it('a dry run injects into a temporary copy and leaves the build as it was', async () => {
    const before = await readFile(join(dir, 'build/assets/cart.js'), 'utf8');
    const { calls, upload } = recordingUpload();
    await createSourcemapsRunner(upload)(request({}, true), ctx().ctx);
    expect(calls[0]!.cwd).not.toBe(dir);
    expect(calls[0]!.cartJs).toMatch(/\/\/# debugId=/);
    expect(await readFile(join(dir, 'build/assets/cart.js'), 'utf8')).toBe(before);
  });

  it('strict: a script without its map fails before anything is modified or uploaded', async () => {
    await rm(join(dir, 'build/assets/format.js.map'));
    const before = await readFile(join(dir, 'build/assets/cart.js'), 'utf8');
    const { calls, upload } = recordingUpload();
    const error = await createSourcemapsRunner(upload)(request({ strict: true }), ctx().ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReleaseStepError);
    expect((error as Error).message).toMatch(/sourcemaps: 1 problem\(s\) in build, e\.g\. .*format\.js/);
    expect(calls).toHaveLength(0);
    expect(await readFile(join(dir, 'build/assets/cart.js'), 'utf8')).toBe(before);
  });

  it('without strict the same problem is a warning and the upload goes on', async () => {
    await rm(join(dir, 'build/assets/format.js.map'));
    const { calls, upload } = recordingUpload();
    const { warnings, ctx: c } = ctx();
    const outcome = await createSourcemapsRunner(upload)(request(), c);
    expect(warnings.some((w) => /format\.js/.test(w))).toBe(true);
    expect(calls).toHaveLength(1);
    expect((outcome.findings as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
  });

  it('a map that does not parse stops the injection, naming the file', async () => {
    await writeFile(join(dir, 'build/assets/format.js.map'), '{not json');
    const { calls, upload } = recordingUpload();
    const error = await createSourcemapsRunner(upload)(request(), ctx().ctx).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/build\/assets\/format\.js\.map: not valid JSON/);
    expect(calls).toHaveLength(0);
  });
});
