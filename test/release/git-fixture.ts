/** Real git repositories for the commit tests: a history of five commits, and shallow clones of it. */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function git(cwd: string, args: string[], date?: string): Promise<string> {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd };
  if (date) Object.assign(env, { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
  return (await run('git', args, { cwd, env })).stdout;
}

export interface GitFixture {
  dir: string;
  /** Commit SHAs oldest first. */
  shas: string[];
  cleanup(): Promise<void>;
}

/** Five commits that add, modify, delete and rename files, with a GitHub origin remote. */
export async function makeRepo(): Promise<GitFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'faultline-release-repo-'));
  await git(dir, ['init', '-q', '-b', 'main']);
  await git(dir, ['config', 'user.name', 'Ada Lovelace']);
  await git(dir, ['config', 'user.email', 'ada@example.com']);
  await git(dir, ['config', 'commit.gpgsign', 'false']);
  await git(dir, ['remote', 'add', 'origin', 'git@github.com:acme/web.git']);
  const steps: Array<[string, Record<string, string | null>]> = [
    ['initial commit', { 'src/app.js': 'a1\n', 'README.md': '# web\n' }],
    ['add feature', { 'src/feature.js': 'f1\n', 'src/app.js': 'a2\n' }],
    ['remove readme', { 'README.md': null }],
    ['fix: guard null user\n\nLonger body.', { 'src/feature.js': 'f2\n' }],
    ['move app', { 'src/app.js': null, 'src/main.js': 'a2\n' }],
  ];
  const shas: string[] = [];
  let day = 1;
  for (const [message, files] of steps) {
    for (const [path, contents] of Object.entries(files)) {
      if (contents === null) await git(dir, ['rm', '-q', path]);
      else {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), contents);
        await git(dir, ['add', path]);
      }
    }
    await git(dir, ['commit', '-q', '-m', message], `2026-01-0${day++}T10:00:00+01:00`);
    shas.push((await git(dir, ['rev-parse', 'HEAD'])).trim());
  }
  return { dir, shas, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** `actions/checkout`'s default: a clone of depth 1. */
export async function shallowClone(source: string, depth = 1): Promise<GitFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'faultline-release-shallow-'));
  await git(dir, ['clone', '-q', `--depth=${depth}`, `file://${source}`, '.']);
  await git(dir, ['remote', 'set-url', 'origin', 'https://github.com/acme/web.git']);
  const head = (await git(dir, ['rev-parse', 'HEAD'])).trim();
  return { dir, shas: [head], cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** The fixture's history as a GitHub emulator seed: the same SHAs, messages, authors, dates and file changes. */
export async function githubSeedFrom(fixture: GitFixture, fullName = 'acme/web') {
  const commits = [];
  for (const sha of fixture.shas) {
    const [name = '', email = '', date = '', ...message] = (
      await git(fixture.dir, ['show', '-s', '--format=%an%n%ae%n%aI%n%B', sha])
    ).split('\n');
    const files: Record<string, string | null> = {};
    const changes = await git(fixture.dir, ['show', '--no-renames', '--name-status', '--format=', '--root', sha]);
    for (const line of changes.trim().split('\n').filter(Boolean)) {
      const [status, path = ''] = line.split('\t');
      files[path] = status === 'D' ? null : await git(fixture.dir, ['show', `${sha}:${path}`]);
    }
    commits.push({ sha, message: message.join('\n').trimEnd(), author: { name, email }, date, files });
  }
  return { repos: [{ full_name: fullName, commits }] };
}
