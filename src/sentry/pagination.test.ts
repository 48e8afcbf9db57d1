import { describe, expect, it } from 'vitest';
import { nextPageCursor, parseLinkHeader } from './pagination.ts';

// The shape Sentry sends (src/sentry/api/paginator.py), with both links on one header.
const base = 'https://sentry.io/api/0/organizations/acme/releases/';
const header = (nextResults: boolean) =>
  `<${base}?&cursor=100:-1:1>; rel="previous"; results="false"; cursor="100:-1:1", ` +
  `<${base}?&cursor=100:1:0>; rel="next"; results="${nextResults}"; cursor="100:1:0"`;

describe('Link pagination', () => {
  it('parses both entries with their parameters', () => {
    const entries = parseLinkHeader(header(true));
    expect(entries).toHaveLength(2);
    expect(entries[1]).toEqual({
      url: `${base}?&cursor=100:1:0`,
      params: { rel: 'next', results: 'true', cursor: '100:1:0' },
    });
  });

  it('follows next only while results="true"', () => {
    expect(nextPageCursor(header(true))).toBe('100:1:0');
    expect(nextPageCursor(header(false))).toBeUndefined();
    expect(nextPageCursor(undefined)).toBeUndefined();
    expect(nextPageCursor('')).toBeUndefined();
  });

  it('falls back to the cursor in the URL when the parameter is absent', () => {
    expect(nextPageCursor(`<${base}?cursor=abc:2:0>; rel="next"; results="true"`)).toBe('abc:2:0');
  });
});
