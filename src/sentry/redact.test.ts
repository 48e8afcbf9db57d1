import { describe, expect, it } from 'vitest';
import { redactSecret } from './redact.ts';

describe('redactSecret', () => {
  it('removes the token, bearer credentials and Sentry-style tokens', () => {
    const token = 'sntryu_' + 'ab'.repeat(32);
    expect(redactSecret(`token ${token} twice ${token}`, token)).toBe('token [redacted] twice [redacted]');
    expect(redactSecret('Authorization: Bearer abc.def', 'zzz')).toBe('Authorization: Bearer [redacted]');
    expect(redactSecret('other sntrys_eyJpYXQiOjF9_c2VjcmV0 here', 'zzz')).toBe('other [redacted] here');
    expect(redactSecret('nothing secret', 'zzz')).toBe('nothing secret');
  });
});
