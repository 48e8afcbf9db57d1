/** Shared helpers for the source-map suites: temp copies of trees, the real sentry-cli, file listings. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { writeEdgeFixtures } from './edge-fixtures.ts';

const run = promisify(execFile);
export const REPO = join(import.meta.dirname, '..', '..');
export const SENTRY_CLI = join(REPO, 'node_modules', '.bin', 'sentry-cli');

/** Real published builds that ship source maps (devDependencies). */
export const REAL_CORPORA = [
  'node_modules/jquery/dist',
  'node_modules/preact/dist',
  'node_modules/axios/dist',
  'node_modules/immer/dist',
  'node_modules/bootstrap/dist',
  'node_modules/rxjs/dist/cjs',
].map((p) => join(REPO, p));

const made: string[] = [];

/** A fresh directory holding the hand-made edge cases (see edge-fixtures.ts). */
export async function edgeFixtures(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'faultline-sm-edge-'));
  made.push(dir);
  writeEdgeFixtures(dir);
  return dir;
}

export async function copyTree(src: string, label = 'tree'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `faultline-sm-${label}-`));
  made.push(dir);
  await cp(src, dir, { recursive: true, dereference: true });
  return dir;
}

export async function removeCopies(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** Runs sentry-cli with a scrubbed environment (no network is needed for inject). */
export async function sentryCli(args: string[], env: Record<string, string> = {}, cwd = tmpdir()): Promise<string> {
  const { stdout, stderr } = await run(SENTRY_CLI, args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: tmpdir(),
      SENTRY_NO_PROGRESS_BAR: '1',
      SENTRY_DISABLE_UPDATE_CHECK: '1',
      ...env,
    },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout + stderr;
}

/** All files under `dir`, `/`-relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

export async function snapshotTree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const f of await listFiles(dir)) out.set(f, await readFile(join(dir, f)));
  return out;
}

export const debugIdOf = (text: string) => /\/\/# debugId=([0-9a-f-]+)\s*$/.exec(text)?.[1];
