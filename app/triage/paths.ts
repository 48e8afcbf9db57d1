// Stack frame paths → repository paths. Pure: the repository tree is passed in.
import { posix } from 'node:path';
import type { Frame } from './event.ts';

export interface PathMapping {
  from: string;
  to: string;
}

export interface MappedFrame {
  frame: Frame;
  /** Repository path, no leading slash. */
  path: string;
  line: number;
  /** How the path was found: a configured mapping, the cleaned stack path as is, or a unique suffix in the tree. */
  via: 'mapping' | 'direct' | 'suffix';
}

/** Strips what bundlers and SDKs put in front of a source path: `webpack://ns/./`, `app:///`, `file://`, `~/`, `?query`. */
export function cleanStackPath(raw: string): string {
  let p = raw.replace(/[?#].*$/, '');
  p = p.replace(/^webpack(-internal)?:\/\/(\/|[^/]*\/)/, ''); // webpack://app/… (namespace) and webpack:///…
  p = p.replace(/^[a-z][a-z0-9+.-]*:\/\/\/?/i, ''); // app:///, file://, http://host (host dropped below)
  if (/^https?:/i.test(raw)) p = p.replace(/^[^/]*\//, '');
  p = p.replace(/^~\//, '').replace(/\\/g, '/');
  // ./, ../ and leading slashes carry no meaning once the root is gone.
  p = posix
    .normalize(p)
    .replace(/^(\.{1,2}\/)+/, '')
    .replace(/^\/+/, '');
  return p === '.' || p === '..' ? '' : p.replace(/\/$/, '');
}

/** A frame worth showing as the project's code: in-app, with a line, not vendored. */
export function isAppFrame(frame: Frame): boolean {
  const path = frame.absPath ?? frame.filename ?? '';
  return frame.inApp && frame.lineno !== undefined && path !== '' && !/(^|\/)node_modules\//.test(path);
}

/**
 * Maps one frame. Order: configured mappings (prefix of the raw or cleaned path, first match wins), then the cleaned
 * path when the tree has it, then the longest path suffix that is unique in the tree. Without a tree, the mapped or
 * cleaned path is trusted as is.
 */
export function mapFrameToRepoPath(
  frame: Frame,
  mappings: readonly PathMapping[],
  tree?: ReadonlySet<string>,
): MappedFrame | undefined {
  if (!isAppFrame(frame) || frame.lineno === undefined) return undefined;
  const line = frame.lineno;
  const candidates = [frame.absPath, frame.filename].filter((p): p is string => Boolean(p));
  for (const raw of candidates) {
    for (const m of mappings) {
      for (const form of [raw, cleanStackPath(raw)]) {
        if (m.from !== '' && !form.startsWith(m.from)) continue;
        const path = joinRepoPath(m.to, cleanStackPath(form.slice(m.from.length)));
        if (!tree || tree.has(path)) return { frame, path, line, via: 'mapping' };
      }
    }
  }
  for (const raw of candidates) {
    const cleaned = cleanStackPath(raw);
    if (!cleaned) continue;
    if (!tree) return { frame, path: cleaned, line, via: 'direct' };
    if (tree.has(cleaned)) return { frame, path: cleaned, line, via: 'direct' };
  }
  if (!tree) return undefined;
  for (const raw of candidates) {
    const found = uniqueSuffixMatch(cleanStackPath(raw), tree);
    if (found) return { frame, path: found, line, via: 'suffix' };
  }
  return undefined;
}

/** Maps every app frame; the result keeps Sentry's order (oldest first, crashing frame last). */
export function mapFrames(
  frames: readonly Frame[],
  mappings: readonly PathMapping[],
  tree?: ReadonlySet<string>,
): MappedFrame[] {
  return frames.flatMap((f) => mapFrameToRepoPath(f, mappings, tree) ?? []);
}

function joinRepoPath(prefix: string, rest: string): string {
  const p = cleanStackPath(prefix);
  return p ? (rest ? `${p}/${rest}` : p) : rest;
}

/** The longest trailing part of `path` (at least the file name) that ends exactly one tree path. */
function uniqueSuffixMatch(path: string, tree: ReadonlySet<string>): string | undefined {
  const segments = path.split('/').filter(Boolean);
  for (let start = 0; start < segments.length; start++) {
    const suffix = segments.slice(start).join('/');
    const matches = [...tree].filter((t) => t === suffix || t.endsWith(`/${suffix}`));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) return undefined; // ambiguous: a shorter suffix only matches more
  }
  return undefined;
}

export interface RepoRef {
  /** e.g. https://github.com/acme/web (GitHub Enterprise: its own host). */
  htmlUrl: string;
  sha: string;
}

/** `blob/<sha>/<path>#L<line>`: stays right however the branch moves on. */
export function permalink(repo: RepoRef, path: string, line?: number, endLine?: number): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const anchor = line === undefined ? '' : endLine && endLine !== line ? `#L${line}-L${endLine}` : `#L${line}`;
  return `${repo.htmlUrl}/blob/${repo.sha}/${encoded}${anchor}`;
}
