/**
 * Magic comments in built JavaScript, read the way symbolic's `js.rs` reads them: the LAST `sourceMappingURL=`
 * or `debugId=` whose four preceding characters are `//# ` (or `//@ ` for source maps), value up to whitespace.
 */
import { normalizeDebugId } from './debug-id.ts';

function findMagicComment(text: string, needle: string, allowAt: boolean): string | undefined {
  let pos = text.lastIndexOf(needle);
  while (pos >= 0) {
    const prefix = pos >= 4 ? text.slice(pos - 4, pos) : '';
    if (prefix === '//# ' || (allowAt && prefix === '//@ ')) {
      const rest = text.slice(pos + needle.length).replace(/^[\t\n\f\r ]+/, '');
      return /^[^\t\n\f\r ]*/.exec(rest)![0];
    }
    pos = pos === 0 ? -1 : text.lastIndexOf(needle, pos - 1);
  }
  return undefined;
}

/** The source map location named in the file (query and fragment removed), or undefined. */
export function findSourceMappingUrl(text: string): string | undefined {
  const url = findMagicComment(text, 'sourceMappingURL=', true);
  if (url === undefined) return undefined;
  return url.split('?')[0]!.split('#')[0]!;
}

/** The debug ID of an already injected file (`//# debugId=`), normalised, or undefined. */
export function findDebugIdComment(text: string): string | undefined {
  const value = findMagicComment(text, 'debugId=', false);
  return value === undefined ? undefined : normalizeDebugId(value);
}

/** True for a location sentry-cli does not look for on disk: a URL with a scheme other than `data`. */
export function isRemoteUrl(location: string): boolean {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(location);
  return m !== null && m[1]!.toLowerCase() !== 'data';
}
