import { describe, expect, it } from 'vitest';
import { createScrubber, FILTERED } from '../../app/scrub/index.ts';
import { PLANTED } from './planted.ts';

describe('createScrubber().text', () => {
  const s = createScrubber();
  it.each([
    ['an e-mail', `user ${PLANTED.email} failed`],
    ['an IPv4 address', `from ${PLANTED.ipv4}:443`],
    ['an IPv6 address', `from ${PLANTED.ipv6}`],
    ['a bearer token', `Authorization: ${PLANTED.bearer}`],
    ['a JWT', `token ${PLANTED.jwt}`],
    ['a card number', `card ${PLANTED.card}`],
    ['a GitHub token', `using ${PLANTED.githubToken}`],
    ['a Sentry token', `using ${PLANTED.sentryToken}`],
    ['an AWS key id', `key ${PLANTED.aws}`],
    ['a password in a query string', `https://x.test/login?user=a&password=${PLANTED.password}&x=1`],
    ['an api_key in JSON text', `{"api_key": "${PLANTED.apiKey}"}`],
    ['URL credentials', 'postgres://admin:s3cr3tpw@db.internal/app'],
  ])('removes %s', (_what, text) => {
    const out = s.text(text);
    expect(out).toContain(FILTERED);
    for (const secret of [...Object.values(PLANTED), 's3cr3tpw']) {
      if (text.includes(secret)) expect(out).not.toContain(secret);
    }
  });

  it('leaves ordinary error text, versions, releases, SHAs and paths alone', () => {
    for (const text of [
      'RangeError: Invalid time value',
      'shop@2.4.0',
      'node v22.11.0',
      'renderInvoice(src/billing/invoice.ts)',
      'at 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
      'author: Jane',
      'order 1234567890123 failed', // 13 digits, not a valid card number
    ]) {
      expect(s.text(text)).toBe(text);
    }
  });

  it('applies configured extra patterns', () => {
    expect(createScrubber({ patterns: ['ACME-\\d{6}'] }).text('customer ACME-123456 hit it')).toBe(
      `customer ${FILTERED} hit it`,
    );
  });
});

describe('createScrubber().value', () => {
  it('removes values of sensitive keys and header pairs, deeply, and configured keys', () => {
    const s = createScrubber({ keys: ['ssn_number', 'customer'] });
    const out = s.value({
      user: { email: PLANTED.email, id: 'u1' },
      headers: [
        ['Authorization', 'opaque-credential-xyz'],
        ['Accept', 'text/html'],
      ],
      data: { password: 'p', nested: { apiKey: 'k', note: `mail ${PLANTED.email}` }, customer: 'Jane Doe' },
      flags: { session: true },
    });
    expect(out).toEqual({
      user: { email: FILTERED, id: 'u1' },
      headers: [
        ['Authorization', FILTERED],
        ['Accept', 'text/html'],
      ],
      data: { password: FILTERED, nested: { apiKey: FILTERED, note: `mail ${FILTERED}` }, customer: FILTERED },
      flags: { session: true },
    });
  });
});
