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

const isAsciiSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d;

/** The same search on bytes (as symbolic does it), so a scan need not decode whole files. */
function findMagicCommentInBytes(bytes: Buffer, needle: string, allowAt: boolean): string | undefined {
  const n = Buffer.from(needle);
  let pos = bytes.lastIndexOf(n);
  while (pos >= 0) {
    if (pos >= 4) {
      const prefix = bytes.toString('latin1', pos - 4, pos);
      if (prefix === '//# ' || (allowAt && prefix === '//@ ')) {
        let start = pos + n.length;
        while (start < bytes.length && isAsciiSpace(bytes[start]!)) start++;
        let end = start;
        while (end < bytes.length && !isAsciiSpace(bytes[end]!)) end++;
        return bytes.toString('utf8', start, end);
      }
    }
    pos = pos === 0 ? -1 : bytes.lastIndexOf(n, pos - 1);
  }
  return undefined;
}

const stripQueryAndFragment = (url: string) => url.split('?')[0]!.split('#')[0]!;

/** The source map location named in the file (query and fragment removed), or undefined. */
export function findSourceMappingUrl(text: string | Buffer): string | undefined {
  if (typeof text !== 'string') {
    const found = findMagicCommentInBytes(text, 'sourceMappingURL=', true);
    return found === undefined ? undefined : stripQueryAndFragment(found);
  }
  const url = findMagicComment(text, 'sourceMappingURL=', true);
  if (url === undefined) return undefined;
  return url.split('?')[0]!.split('#')[0]!;
}

/** The debug ID of an already injected file (`//# debugId=`), normalised, or undefined. */
export function findDebugIdComment(text: string | Buffer): string | undefined {
  const value =
    typeof text === 'string'
      ? findMagicComment(text, 'debugId=', false)
      : findMagicCommentInBytes(text, 'debugId=', false);
  return value === undefined ? undefined : normalizeDebugId(value);
}

/** True for a location sentry-cli does not look for on disk: a URL with a scheme other than `data`. */
export function isRemoteUrl(location: string): boolean {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(location);
  return m !== null && m[1]!.toLowerCase() !== 'data';
}
