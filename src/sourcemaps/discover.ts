/**
 * Finding built JavaScript and source maps: files, directories and globs (newline- or comma-separated lists),
 * filtered by extension and ignore globs. `node_modules` is skipped unless asked for (hidden files are walked, as
 * sentry-cli does, unless `includeHidden: false`);
 * symbolic links are followed, each real directory once. Results are sorted, so runs are reproducible.
 */
import { existsSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';

export const DEFAULT_EXTENSIONS = ['js', 'cjs', 'mjs', 'map'] as const;

export interface DiscoverOptions {
  /** Base for relative paths. Default process.cwd(). */
  cwd?: string;
  /** File extensions without the dot; replaces the default `js cjs mjs map`. */
  extensions?: readonly string[];
  /** Globs (gitignore-like: a pattern without `/` matches a name at any depth) of files and folders to skip. */
  ignore?: readonly string[];
  includeNodeModules?: boolean;
  includeHidden?: boolean;
  /**
   * Windows paths: `\` separates like `/` in arguments, globs and ignore patterns (default: on Windows). Globs and
   * the paths faultline compares are `/`-separated, so `D:\a\web\dist/**\/*.js` and `dist\app.js` work there.
   */
  windowsPaths?: boolean;
}

export interface DiscoveredFile {
  /** Path as sentry-cli spells it: the argument joined with the path below it. */
  path: string;
  /** Absolute path, for reading and writing. */
  absolutePath: string;
  /** The argument (directory, file, or a glob's fixed base) this file was found under. */
  root: string;
  /** `/`-separated path relative to `root`; a file named directly is relative to its parent. */
  relative: string;
}

export class DiscoverError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.name = 'DiscoverError';
    this.path = path;
  }
}

/** `"dist, build\nout"` → `['dist', 'build', 'out']`. */
export function splitPathList(input: string | readonly string[]): string[] {
  const items = typeof input === 'string' ? [input] : input;
  return items
    .flatMap((s) => s.split(/[\n,]/))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

/** A path, glob or ignore pattern with Windows' `\` turned into `/` (globs treat `\` as an escape). */
export function forwardSlashes(path: string, windows: boolean): string {
  return windows ? path.replace(/\\/g, '/') : path;
}

function joinArg(root: string, rel: string): string {
  // sentry-cli keeps the argument as written (`dist/` + `a.js` → `dist/a.js`).
  return `${root.replace(/[\\/]+$/, '')}/${rel}`;
}

function ignoreMatcher(patterns: readonly string[], windows: boolean): (rel: string) => boolean {
  if (patterns.length === 0) return () => false;
  const matchers = patterns.map((p) => {
    const pattern = forwardSlashes(p, windows).replace(/^\/+/, '').replace(/\/+$/, '');
    const m = picomatch(pattern, { dot: true });
    return pattern.includes('/') ? (rel: string) => m(rel) : (rel: string) => m(basename(rel)) || m(rel);
  });
  return (rel) => matchers.some((m) => m(rel));
}

/** Walks the given paths and returns the matching files, sorted by path. */
export async function discoverFiles(
  paths: string | readonly string[],
  opts: DiscoverOptions = {},
): Promise<DiscoveredFile[]> {
  const cwd = opts.cwd ?? process.cwd();
  const extensions = (opts.extensions ?? DEFAULT_EXTENSIONS).map((e) => e.replace(/^\./, ''));
  const matchesExt = (name: string) => extensions.some((e) => name.endsWith(`.${e}`));
  const windows = opts.windowsPaths ?? process.platform === 'win32';
  const isIgnored = ignoreMatcher(opts.ignore ?? [], windows);
  const skipDir = (name: string) =>
    (opts.includeHidden === false && name.startsWith('.')) || (!opts.includeNodeModules && name === 'node_modules');
  const out: DiscoveredFile[] = [];
  const seen = new Set<string>();
  const add = (found: DiscoveredFile) => {
    const file = { ...found, path: forwardSlashes(found.path, windows) };
    if (seen.has(file.path)) return;
    seen.add(file.path);
    out.push(file);
  };

  const walk = async (root: string, absDir: string, relDir: string, visited: Set<string>) => {
    const real = await realpath(absDir);
    if (visited.has(real)) return; // a link back up the tree: each real directory once
    visited.add(real);
    const entries = await readdir(absDir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const abs = join(absDir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(abs).catch(() => undefined);
        if (!target) continue; // dangling link
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) {
        if (skipDir(entry.name) || isIgnored(rel)) continue;
        await walk(root, abs, rel, visited);
      } else if (isFile) {
        if (opts.includeHidden === false && entry.name.startsWith('.')) continue;
        if (!matchesExt(entry.name) || isIgnored(rel)) continue;
        add({ path: joinArg(root, rel), absolutePath: abs, root, relative: rel });
      }
    }
  };

  for (const arg of splitPathList(paths)) {
    const pattern = forwardSlashes(arg, windows);
    // A path that exists is taken literally even when it has glob characters (`dist (old)`, `[id]`).
    if (isDynamicPattern(pattern) && !existsSync(resolve(cwd, arg))) {
      const matches = await glob(pattern, {
        cwd,
        dot: opts.includeHidden !== false,
        onlyFiles: true,
        absolute: false,
      });
      const base = staticBase(pattern);
      for (const m of matches.sort()) {
        if (!opts.includeNodeModules && m.split('/').includes('node_modules')) continue;
        const abs = resolve(cwd, m);
        const rel = toPosix(relative(resolve(cwd, base), abs));
        if (isIgnored(rel)) continue;
        add({ path: isAbsolute(arg) ? abs : toPosix(m), absolutePath: abs, root: base, relative: rel });
      }
      continue;
    }
    const abs = resolve(cwd, arg);
    const info = await stat(abs).catch(() => undefined);
    if (!info) {
      throw new DiscoverError(
        arg,
        `source-map path "${arg}" does not exist (looked in ${cwd}); check the path or the working directory`,
      );
    }
    if (info.isDirectory()) await walk(arg, abs, '', new Set());
    else add({ path: arg, absolutePath: abs, root: arg, relative: basename(arg) });
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

/** The directory part of a glob before its first magic segment (`dist/**\/*.js` → `dist`). */
function staticBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  if (fixed.length === parts.length) fixed.pop();
  return fixed.join('/') || '.';
}
