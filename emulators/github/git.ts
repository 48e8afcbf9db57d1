/**
 * A repository's history built from seed commits, with real git object ids: blob, tree and (when the seed gives
 * none) commit SHAs are computed the way git computes them, so trees, contents at any ref, compare and pull-request
 * diffs are all derived from the files each commit adds, changes or deletes. Pure: no HTTP here.
 */
import { createHash } from 'node:crypto';
import { unifiedDiff } from './diff.ts';

export interface SeedAuthor {
  name: string;
  email: string;
  /** The GitHub user the commit is attributed to (`author` in the REST shape); absent → `null` like GitHub. */
  login?: string;
}

export interface SeedCommit {
  /** 40 hex digits; computed like git from the tree, parents, author and message when absent. */
  sha?: string;
  message: string;
  author: SeedAuthor;
  committer?: SeedAuthor;
  /** Parent SHAs; absent → the commit listed before this one in the seed (none for the first). */
  parents?: string[];
  /** Files this commit adds or changes (full text after the commit); `null` deletes the file. */
  files?: Record<string, string | null>;
  /** ISO 8601; absent → 2026-01-01T00:00:00Z plus one hour per commit of the seed. */
  date?: string;
}

export interface TreeEntry {
  path: string;
  mode: '100644' | '040000';
  type: 'blob' | 'tree';
  sha: string;
  size?: number;
}

export interface CommitObject {
  sha: string;
  message: string;
  author: SeedAuthor;
  committer: SeedAuthor;
  date: string;
  parents: string[];
  treeSha: string;
  /** The whole snapshot after this commit: path → blob SHA. */
  files: Map<string, string>;
}

export interface ChangedFile {
  filename: string;
  status: 'added' | 'modified' | 'removed';
  sha: string;
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
}

export class SeedError extends Error {
  override name = 'SeedError';
}

const EPOCH = Date.parse('2026-01-01T00:00:00Z');

function sha1(data: Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}

export function blobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return sha1(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]));
}

export class RepoGraph {
  readonly commits = new Map<string, CommitObject>();
  readonly blobs = new Map<string, string>();
  readonly trees = new Map<string, TreeEntry[]>();
  /** Commits in seed order (parents before children). */
  readonly order: string[] = [];
  private readonly changesCache = new Map<string, ChangedFile[]>();

  /** Adds commits parents-first; returns their SHAs. Throws SeedError naming the commit when a parent is unknown. */
  addCommits(seedCommits: SeedCommit[]): string[] {
    const added: string[] = [];
    for (const seed of seedCommits) {
      const index = this.order.length;
      const previous = this.order[index - 1];
      const parents = seed.parents ?? (previous ? [previous] : []);
      for (const parent of parents) {
        if (!this.commits.has(parent)) {
          throw new SeedError(
            `seed commit "${seed.sha ?? seed.message}" names parent ${parent}, which is not an earlier commit of ` +
              'this repo: list commits parents-first',
          );
        }
      }
      const files = new Map(parents[0] ? this.commits.get(parents[0])!.files : []);
      for (const [path, text] of Object.entries(seed.files ?? {})) {
        const clean = path.replace(/^\/+/, '');
        if (text === null) files.delete(clean);
        else {
          const sha = blobSha(text);
          this.blobs.set(sha, text);
          files.set(clean, sha);
        }
      }
      const treeSha = this.writeTree(files);
      const date = seed.date ? new Date(seed.date).toISOString() : new Date(EPOCH + index * 3_600_000).toISOString();
      const committer = seed.committer ?? seed.author;
      const sha = (seed.sha ?? commitSha(treeSha, parents, seed.author, committer, date, seed.message)).toLowerCase();
      if (!/^[0-9a-f]{40}$/.test(sha)) throw new SeedError(`seed commit sha "${sha}" is not 40 hex digits`);
      if (this.commits.has(sha)) throw new SeedError(`seed commit ${sha} is listed twice`);
      this.commits.set(sha, {
        sha,
        message: seed.message,
        author: seed.author,
        committer,
        date,
        parents,
        treeSha,
        files,
      });
      this.order.push(sha);
      added.push(sha);
    }
    return added;
  }

  /** Writes the nested trees of a snapshot; returns the root tree SHA. */
  private writeTree(files: Map<string, string>): string {
    const root: Dir = new Map();
    for (const [path, sha] of files) {
      const parts = path.split('/');
      let dir = root;
      for (const part of parts.slice(0, -1)) {
        let child = dir.get(part);
        if (typeof child !== 'object') {
          child = new Map();
          dir.set(part, child);
        }
        dir = child;
      }
      dir.set(parts[parts.length - 1]!, sha);
    }
    return this.writeDir(root);
  }

  private writeDir(dir: Dir): string {
    const entries: TreeEntry[] = [];
    for (const [name, value] of dir) {
      if (typeof value === 'string') {
        entries.push({
          path: name,
          mode: '100644',
          type: 'blob',
          sha: value,
          size: Buffer.byteLength(this.blobs.get(value)!),
        });
      } else entries.push({ path: name, mode: '040000', type: 'tree', sha: this.writeDir(value) });
    }
    // git orders entries by name, a directory compared as if its name ended in '/'.
    const key = (e: TreeEntry) => (e.type === 'tree' ? `${e.path}/` : e.path);
    entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const body = Buffer.concat(
      entries.flatMap((e) => [
        Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.path}\0`),
        Buffer.from(e.sha, 'hex'),
      ]),
    );
    const sha = sha1(Buffer.concat([Buffer.from(`tree ${body.length}\0`), body]));
    this.trees.set(sha, entries);
    return sha;
  }

  /** A commit from a full SHA or a unique prefix of at least 4 hex digits. */
  commitBySha(ref: string): CommitObject | undefined {
    const lower = ref.toLowerCase();
    if (!/^[0-9a-f]{4,40}$/.test(lower)) return undefined;
    const exact = this.commits.get(lower);
    if (exact) return exact;
    const matches = [...this.commits.keys()].filter((sha) => sha.startsWith(lower));
    return matches.length === 1 ? this.commits.get(matches[0]!) : undefined;
  }

  /** Text of a file in a commit's snapshot. */
  fileText(commit: CommitObject, path: string): string | undefined {
    const sha = commit.files.get(path);
    return sha === undefined ? undefined : this.blobs.get(sha);
  }

  /** Entries directly under a directory of a commit's snapshot ('' = root); `undefined` when it is no directory. */
  directory(commit: CommitObject, dirPath: string): TreeEntry[] | undefined {
    let entries = this.trees.get(commit.treeSha)!;
    for (const part of dirPath.split('/').filter(Boolean)) {
      const next = entries.find((e) => e.path === part && e.type === 'tree');
      if (!next) return undefined;
      entries = this.trees.get(next.sha)!;
    }
    return entries;
  }

  /** A tree listing, recursive like `?recursive=1` (paths relative to the tree). */
  treeEntries(treeSha: string, recursive: boolean, prefix = ''): TreeEntry[] | undefined {
    const entries = this.trees.get(treeSha);
    if (!entries) return undefined;
    const out: TreeEntry[] = [];
    for (const e of entries) {
      out.push({ ...e, path: prefix + e.path });
      if (recursive && e.type === 'tree') out.push(...this.treeEntries(e.sha, true, `${prefix}${e.path}/`)!);
    }
    return out;
  }

  /** All ancestors of a commit, itself included. */
  ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const stack = [sha];
    while (stack.length) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(this.commits.get(next)?.parents ?? []));
    }
    return seen;
  }

  /** Commits reachable from `sha`, newest first (by date, then seed order), like `git log`. */
  log(sha: string): CommitObject[] {
    return this.sortNewestFirst([...this.ancestors(sha)]);
  }

  sortNewestFirst(shas: string[]): CommitObject[] {
    const position = new Map(this.order.map((s, i) => [s, i]));
    return shas
      .map((s) => this.commits.get(s)!)
      .sort((a, b) => b.date.localeCompare(a.date) || position.get(b.sha)! - position.get(a.sha)!);
  }

  /** The nearest common ancestor of two commits (the one `git merge-base` would pick for simple histories). */
  mergeBase(base: string, head: string): CommitObject | undefined {
    const baseAncestors = this.ancestors(base);
    return this.log(head).find((c) => baseAncestors.has(c.sha));
  }

  /** Files that differ between two snapshots (`from` undefined = empty tree), sorted by path, with patches. */
  diff(from: CommitObject | undefined, to: CommitObject): ChangedFile[] {
    const paths = new Set([...(from?.files.keys() ?? []), ...to.files.keys()]);
    const out: ChangedFile[] = [];
    for (const path of [...paths].sort()) {
      const before = from?.files.get(path);
      const after = to.files.get(path);
      if (before === after) continue;
      const d = unifiedDiff(
        before === undefined ? undefined : this.blobs.get(before),
        after === undefined ? undefined : this.blobs.get(after),
      );
      out.push({
        filename: path,
        status: before === undefined ? 'added' : after === undefined ? 'removed' : 'modified',
        sha: after ?? before!,
        additions: d.additions,
        deletions: d.deletions,
        changes: d.additions + d.deletions,
        ...(d.patch ? { patch: d.patch } : {}),
      });
    }
    return out;
  }

  /** What a commit changed relative to its first parent (cached: commits never change). */
  changes(commit: CommitObject): ChangedFile[] {
    let files = this.changesCache.get(commit.sha);
    if (!files) {
      const parent = commit.parents[0];
      files = this.diff(parent ? this.commits.get(parent) : undefined, commit);
      this.changesCache.set(commit.sha, files);
    }
    return files;
  }

  /** Paths a commit added, changed or deleted relative to its first parent, without computing patches. */
  changedPaths(commit: CommitObject): string[] {
    const parent = commit.parents[0] ? this.commits.get(commit.parents[0])?.files : undefined;
    const paths = new Set([...(parent?.keys() ?? []), ...commit.files.keys()]);
    return [...paths].filter((p) => parent?.get(p) !== commit.files.get(p));
  }
}

type Dir = Map<string, Dir | string>;

function gitSignature(who: SeedAuthor, date: string): string {
  return `${who.name} <${who.email}> ${Math.floor(Date.parse(date) / 1000)} +0000`;
}

function commitSha(
  treeSha: string,
  parents: string[],
  author: SeedAuthor,
  committer: SeedAuthor,
  date: string,
  message: string,
): string {
  const text =
    `tree ${treeSha}\n` +
    parents.map((p) => `parent ${p}\n`).join('') +
    `author ${gitSignature(author, date)}\ncommitter ${gitSignature(committer, date)}\n\n${message}\n`;
  const bytes = Buffer.from(text, 'utf8');
  return sha1(Buffer.concat([Buffer.from(`commit ${bytes.length}\0`), bytes]));
}
