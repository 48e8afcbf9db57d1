/** Local git history as Sentry commits: HEAD, shallow boundaries, ancestry and `git log` with patch sets. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { Commit, CommitFileChange } from '../sentry/index.ts';

export interface LocalGitOptions {
  /**
   * Add `-c safe.directory=*` so a checkout owned by another user (container jobs) is still readable; `*` because
   * git compares it with the repository root, which may be above the working directory. Only read commands run.
   */
  safeDirectory?: boolean;
}

/** A git work tree; every method runs `git` in `cwd`. */
export class LocalGit {
  readonly cwd: string;
  readonly #prefix: string[];
  #shallowBoundary: Promise<Set<string>> | undefined;

  constructor(cwd: string, opts: LocalGitOptions = {}) {
    this.cwd = cwd;
    this.#prefix = opts.safeDirectory ? ['-c', 'safe.directory=*'] : [];
  }

  /** The LocalGit for `cwd`, or undefined when git is missing or `cwd` is not inside a work tree. */
  static async open(cwd: string, opts: LocalGitOptions = {}): Promise<LocalGit | undefined> {
    const git = new LocalGit(cwd, opts);
    try {
      const inside = await git.run(['rev-parse', '--is-inside-work-tree']);
      return inside.trim() === 'true' ? git : undefined;
    } catch {
      return undefined;
    }
  }

  run(args: string[]): Promise<string> {
    return new Promise((resolvePromise, reject) => {
      execFile(
        'git',
        [...this.#prefix, ...args],
        { cwd: this.cwd, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
        (error, stdout, stderr) => {
          if (error)
            reject(new Error(`git ${args.join(' ')} failed in ${this.cwd}: ${stderr.trim() || error.message}`));
          else resolvePromise(stdout);
        },
      );
    });
  }

  async head(): Promise<string> {
    return (await this.run(['rev-parse', 'HEAD'])).trim();
  }

  async isShallow(): Promise<boolean> {
    return (await this.run(['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  }

  /** True when `sha` names a commit present in the local object store. */
  async hasCommit(sha: string): Promise<boolean> {
    try {
      await this.run(['cat-file', '-e', `${sha}^{commit}`]);
      return true;
    } catch {
      return false;
    }
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    try {
      await this.run(['merge-base', '--is-ancestor', ancestor, descendant]);
      return true;
    } catch {
      return false;
    }
  }

  /** `owner/repo` of the `origin` remote when it is a GitHub-style URL. */
  async originRepository(): Promise<string | undefined> {
    try {
      return repositoryFromRemote((await this.run(['remote', 'get-url', 'origin'])).trim());
    } catch {
      return undefined;
    }
  }

  /**
   * Commits newest first: `base..head` when base is given, else the last `max` commits up to head. Commits at a
   * shallow boundary carry no patch set: git would list every file of the tree as added.
   */
  async log(opts: { head: string; base?: string; max: number; repository?: string }): Promise<Commit[]> {
    const range = opts.base ? `${opts.base}..${opts.head}` : opts.head;
    const out = await this.run([
      'log',
      '--no-renames',
      '--name-status',
      '-z',
      `--max-count=${opts.max}`,
      '--format=%x1e%H%x1f%an%x1f%ae%x1f%cI%x1f%B%x1f',
      range,
      '--',
    ]);
    const boundary = await this.#boundary();
    return parseGitLog(out, opts.repository).map((c) => {
      if (!boundary.has(c.id)) return c;
      const { patch_set: _dropped, ...rest } = c;
      return rest;
    });
  }

  #boundary(): Promise<Set<string>> {
    this.#shallowBoundary ??= (async () => {
      const path = (await this.run(['rev-parse', '--git-path', 'shallow'])).trim();
      try {
        const text = await readFile(isAbsolute(path) ? path : join(this.cwd, path), 'utf8');
        return new Set(text.split('\n').filter(Boolean));
      } catch {
        return new Set<string>();
      }
    })();
    return this.#shallowBoundary;
  }
}

/**
 * Parses `git log --name-status -z --format=%x1e%H%x1f%an%x1f%ae%x1f%cI%x1f%B%x1f` output: records start with
 * U+001E, header fields are separated by U+001F, and the name-status pairs follow as NUL-separated fields.
 */
export function parseGitLog(out: string, repository?: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of out.split('\x1e')) {
    if (!record.trim()) continue;
    const [id = '', name = '', email = '', timestamp = '', message = '', rest = ''] = record.split('\x1f');
    const fields = rest.replace(/^\0?\n?/, '').split('\0');
    const patchSet: CommitFileChange[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const status = (fields[i] ?? '').trim().charAt(0);
      const path = fields[i + 1] ?? '';
      if (!path) continue;
      patchSet.push({ path, type: status === 'A' ? 'A' : status === 'D' ? 'D' : 'M' });
    }
    commits.push({
      patch_set: patchSet,
      ...(repository ? { repository } : {}),
      ...(name ? { author_name: name } : {}),
      ...(email ? { author_email: email } : {}),
      timestamp,
      message,
      id: id.trim(),
    });
  }
  return commits;
}

/** `git@github.com:acme/web.git`, `https://github.com/acme/web(.git)`, `ssh://…/acme/web` → `acme/web`. */
export function repositoryFromRemote(remote: string): string | undefined {
  const match = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(remote.trim());
  return match ? `${match[1]}/${match[2]}` : undefined;
}
