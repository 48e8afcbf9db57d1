/** Inputs shared by the sentry-cli run and the src/sentry run: a git repo with history and a built JS tree. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Commit, CommitFileChange } from '../../src/sentry/index.ts';

const run = promisify(execFile);

export const REPO_NAME = 'acme/web';

async function git(cwd: string, args: string[], date?: string): Promise<string> {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  const { stdout } = await run('git', args, { cwd, env });
  return stdout;
}

/** A repository with four commits that add, modify and delete files, dated with a +01:00 offset. */
export async function makeGitRepo(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'faultline-sentry-repo-'));
  await git(dir, ['init', '-q', '-b', 'main']);
  await git(dir, ['config', 'user.name', 'Ada Lovelace']);
  await git(dir, ['config', 'user.email', 'ada@example.com']);
  await git(dir, ['config', 'commit.gpgsign', 'false']);
  await git(dir, ['remote', 'add', 'origin', `https://github.com/${REPO_NAME}.git`]);
  const steps: Array<[string, Record<string, string | null>]> = [
    ['initial commit', { 'src/app.ts': 'export const a = 1;\n', 'README.md': '# web\n' }],
    ['add feature', { 'src/feature.ts': 'export const f = 2;\n', 'src/app.ts': 'export const a = 2;\n' }],
    ['remove readme', { 'README.md': null }],
    ['fix: guard null user\n\nLonger body.', { 'src/feature.ts': 'export const f = 3;\n' }],
  ];
  let hour = 10;
  for (const [message, files] of steps) {
    for (const [path, contents] of Object.entries(files)) {
      if (contents === null) await git(dir, ['rm', '-q', path]);
      else {
        await mkdir(join(dir, path, '..'), { recursive: true });
        await writeFile(join(dir, path), contents);
        await git(dir, ['add', path]);
      }
    }
    await git(dir, ['commit', '-q', '-m', message], `2026-01-0${hour - 9}T${hour}:00:00+01:00`);
    hour++;
  }
  return dir;
}

/** The commits sentry-cli's `set-commits --local` sends for a first release, newest first (checked against 3.8.0). */
export async function localCommits(repo: string, repository: string): Promise<Commit[]> {
  const log = await git(repo, ['log', '-z', '--format=%H%x00%an%x00%ae%x00%cI%x00%B']);
  const fields = log.split('\0');
  const commits: Commit[] = [];
  for (let i = 0; i + 4 < fields.length; i += 5) {
    const id = fields[i]!.replace(/^\n/, '');
    const status = await git(repo, ['show', '--no-renames', '--name-status', '--format=', '--root', id]);
    const patch_set: CommitFileChange[] = status
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [type, path] = line.split('\t');
        return { path: path!, type: type as CommitFileChange['type'] };
      });
    commits.push({
      patch_set,
      repository,
      author_name: fields[i + 1]!,
      author_email: fields[i + 2]!,
      timestamp: fields[i + 3]!,
      message: fields[i + 4]!,
      id,
    });
  }
  return commits;
}

/** A built JS tree: a minified file with an external map, and a file without one. */
export async function makeBuiltTree(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'faultline-sentry-dist-'));
  await writeFile(
    join(dir, 'app.js'),
    '"use strict";function greet(n){return"hi "+n}console.log(greet("x"));\n//# sourceMappingURL=app.js.map\n',
  );
  await writeFile(
    join(dir, 'app.js.map'),
    JSON.stringify({
      version: 3,
      file: 'app.js',
      sources: ['../src/app.ts'],
      sourcesContent: ['function greet(name: string) {\n  return "hi " + name;\n}\nconsole.log(greet("x"));\n'],
      names: ['greet', 'n'],
      mappings: 'aAAA,SAASA,MAAMC',
    }),
  );
  await writeFile(join(dir, 'vendor.js'), 'var v=1;\n');
  return dir;
}

export async function readDebugId(file: string): Promise<string | undefined> {
  const text = await readFile(file, 'utf8');
  return /\/\/# debugId=([0-9a-f-]{36})/.exec(text)?.[1] ?? (JSON.parse(text) as { debugId?: string }).debugId;
}

export const SENTRY_CLI = resolve(import.meta.dirname, '../../node_modules/.bin/sentry-cli');

/** Runs the real sentry-cli against `url`; resolves with its output, rejects with it on failure. */
export async function sentryCli(
  args: string[],
  opts: { url: string; token: string; org: string; project: string; cwd?: string },
): Promise<string> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: opts.cwd ?? tmpdir(),
    SENTRY_URL: opts.url,
    SENTRY_AUTH_TOKEN: opts.token,
    SENTRY_ORG: opts.org,
    SENTRY_PROJECT: opts.project,
    SENTRY_NO_PROGRESS_BAR: '1',
    SENTRY_DISABLE_UPDATE_CHECK: '1',
    SENTRY_HTTP_MAX_RETRIES: '0',
  };
  const { stdout, stderr } = await run(SENTRY_CLI, args, { cwd: opts.cwd ?? tmpdir(), env, timeout: 20_000 });
  return stdout + stderr;
}
