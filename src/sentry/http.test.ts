import { describe, expect, it } from 'vitest';
import { errorDetail } from './http.ts';

describe('errorDetail', () => {
  it("reads Sentry's detail/error texts and summarises validation errors", () => {
    expect(errorDetail({ detail: 'Invalid token' }, '')).toBe('Invalid token');
    expect(errorDetail({ error: 'Checksum mismatch' }, '')).toBe('Checksum mismatch');
    expect(errorDetail({ detail: { message: 'nope', code: 'x' } }, '')).toBe('nope');
    expect(errorDetail({ projects: ['Invalid project ids or slugs'] }, '')).toBe(
      'projects: Invalid project ids or slugs',
    );
    expect(errorDetail(undefined, '<html>\n Bad Gateway </html>')).toBe('<html> Bad Gateway </html>');
    expect(errorDetail(undefined, '')).toBeUndefined();
  });
});
