/** Sentry's `Link` header pagination (`rel="next"; results="true"; cursor="..."`). Pure: no I/O. */

export interface LinkEntry {
  url: string;
  params: Record<string, string>;
}

/** Parses an RFC 8288 `Link` header into its entries; tolerant of spacing and quoting. */
export function parseLinkHeader(header: string): LinkEntry[] {
  const entries: LinkEntry[] = [];
  let i = 0;
  while (i < header.length) {
    const open = header.indexOf('<', i);
    if (open < 0) break;
    const close = header.indexOf('>', open);
    if (close < 0) break;
    const url = header.slice(open + 1, close);
    const params: Record<string, string> = {};
    i = close + 1;
    // Parameters run until a comma that is outside quotes.
    while (i < header.length) {
      while (header[i] === ' ' || header[i] === '\t') i++;
      if (header[i] === ',') {
        i++;
        break;
      }
      if (header[i] !== ';') break;
      i++;
      const eq = header.indexOf('=', i);
      if (eq < 0) break;
      const name = header.slice(i, eq).trim().toLowerCase();
      i = eq + 1;
      while (header[i] === ' ') i++;
      let value: string;
      if (header[i] === '"') {
        const end = header.indexOf('"', i + 1);
        value = header.slice(i + 1, end < 0 ? header.length : end);
        i = end < 0 ? header.length : end + 1;
      } else {
        const m = /^[^;,]*/.exec(header.slice(i));
        value = (m?.[0] ?? '').trim();
        i += m?.[0].length ?? 0;
      }
      params[name] = value;
    }
    entries.push({ url, params });
  }
  return entries;
}

/** The cursor of the next page, or undefined when Sentry says there are no more results. */
export function nextPageCursor(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const next = parseLinkHeader(header).find((e) => e.params.rel === 'next');
  if (next?.params.results !== 'true') return undefined;
  if (next.params.cursor) return next.params.cursor;
  try {
    return new URL(next.url, 'http://localhost').searchParams.get('cursor') ?? undefined;
  } catch {
    return undefined;
  }
}
