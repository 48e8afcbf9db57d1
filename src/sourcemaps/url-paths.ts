/**
 * Path arithmetic on the `/`-separated file URLs sentry-cli uses while injecting: symbolic's `join_path` and
 * `clean_path`, sentry-cli's `normalize_sourcemap_url`, `find_matching_paths` and the sibling-name guesses.
 * Pure string functions; nothing here touches the disk.
 */

const isSep = (c: string) => c === '/' || c === '\\';

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('\\\\') || /^[A-Za-z]:(?:[\\/]|$)/.test(p);
}

/** symbolic `join_path` (unix flavour; Windows-style inputs keep their backslashes). */
export function joinPath(base: string, other: string): string {
  if (other.startsWith('<') && other.endsWith('>')) return other;
  if (base === '' || isAbsolute(other)) return other;
  if (other === '') return base;
  if (isSep(other[0]!)) return other;
  const windows = base.includes('\\') || other.includes('\\') || /^[A-Za-z]:/.test(base);
  return `${base.replace(/[\\/]+$/, '')}${windows ? '\\' : '/'}${other.replace(/^[\\/]+/, '')}`;
}

/** symbolic `clean_path`: drops `.` segments and folds `..` (its known quirks included). */
export function cleanPath(path: string): string {
  const sep = path.includes('\\') || /^[A-Za-z]:/.test(path) ? '\\' : '/';
  let rv = '';
  let needsSeparator = false;
  let isPastRoot = false;
  const segments = path.split(/[\\/]/);
  if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop(); // split_terminator
  const pop = (): boolean => {
    const idx = Math.max(rv.lastIndexOf('/'), rv.lastIndexOf('\\'));
    if (idx >= 0) {
      rv = rv.slice(0, idx);
      return true;
    }
    if (rv !== '') {
      rv = '';
      return true;
    }
    return false;
  };
  for (const segment of segments) {
    if (segment === '.') continue;
    if (segment === '..') {
      if (!isPastRoot && pop()) {
        if (rv === '') needsSeparator = false;
      } else {
        if (!isPastRoot) {
          needsSeparator = false;
          isPastRoot = true;
        }
        if (needsSeparator) rv += sep;
        rv += '..';
        needsSeparator = true;
      }
      continue;
    }
    if (needsSeparator) rv += sep;
    else needsSeparator = true;
    rv += segment;
  }
  return rv;
}

/** `some/dir/app.js` + `../maps/app.js.map` → `some/maps/app.js.map`; leading `./` segments are kept. */
export function normalizeSourcemapUrl(sourceUrl: string, sourcemapUrl: string): string {
  const slash = sourceUrl.lastIndexOf('/');
  const base = slash >= 0 ? sourceUrl.slice(0, slash) : '';
  const joined = joinPath(base, sourcemapUrl);
  let cutoff = 0;
  while (joined.startsWith('./', cutoff)) cutoff += 2;
  return joined.slice(0, cutoff) + cleanPath(joined.slice(cutoff));
}

/**
 * Candidates equal to `expected` (then only that one), else those differing from it in exactly one directory
 * segment (never the file name): split code/maps trees. `\` separates as `/` does: the URL of a map next to a
 * Windows path (`D:\a\dist\app.js.map`, as cleanPath spells it) matches the discovered `D:/a/dist/app.js.map`.
 */
export function findMatchingPaths(candidates: readonly string[], expected: string): string[] {
  const segments = (path: string) => path.split(/[\\/]/).filter((s) => s !== '.');
  const exp = segments(expected);
  const matches: string[] = [];
  for (const candidate of candidates) {
    const cand = segments(candidate);
    if (cand.length === exp.length && cand.every((s, i) => s === exp[i])) return [candidate];
    let i = 0;
    while (i < cand.length && i < exp.length && cand[i] === exp[i]) i++;
    const restC = cand.slice(i + 1);
    const restE = exp.slice(i + 1);
    if (restC.length > 0 && restC.length === restE.length && restC.every((s, k) => s === restE[k]))
      matches.push(candidate);
  }
  return matches;
}

function splitUrl(url: string): { path?: string; basename: string; ext?: string } {
  const slash = url.lastIndexOf('/');
  const filename = slash >= 0 ? url.slice(slash + 1) : url;
  const dot = filename.indexOf('.');
  return {
    ...(slash >= 0 ? { path: url.slice(0, slash) } : {}),
    basename: dot >= 0 ? filename.slice(0, dot) : filename,
    ...(dot >= 0 ? { ext: filename.slice(dot + 1) } : {}),
  };
}

const unsplit = (path: string | undefined, basename: string, ext: string) =>
  `${path === undefined ? '' : `${path}/`}${basename}.${ext}`;

/**
 * sentry-cli's guess for a file without a `sourceMappingURL`: `foo.map`, `foo.min.js.map`, `foo.js.map`
 * (dropping `min.`), `foo.min.map`, among the known map URLs. Returns the relative reference and the full URL.
 */
export function guessSourcemapReference(
  sourcemaps: ReadonlySet<string>,
  minUrl: string,
): { reference: string; url: string } | undefined {
  const { path, basename, ext } = splitUrl(minUrl);
  const candidates: string[] = ['map'];
  if (ext !== undefined) {
    candidates.push(`${ext}.map`);
    if (ext.startsWith('min.')) candidates.push(`${ext.slice(4)}.map`);
    const parts = ext.split('.');
    if (parts.length > 1) {
      parts[parts.length - 1] = 'map';
      candidates.push(parts.join('.'));
    }
  }
  for (const e of candidates) {
    const url = unsplit(path, basename, e);
    if (sourcemaps.has(url)) return { reference: unsplit(undefined, basename, e), url };
  }
  return undefined;
}
