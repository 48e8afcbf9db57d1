import { describe, expect, it } from 'vitest';
import { createScrubber, FILTERED, TRUNCATED } from '../../app/scrub/index.ts';
import { plantedSecrets } from './planted-secrets.ts';

const planted = plantedSecrets();

describe('the planted set', () => {
  it('has at least 60 values of at least 30 kinds', () => {
    expect(planted.length).toBeGreaterThanOrEqual(60);
    expect(new Set(planted.map((p) => p.kind)).size).toBeGreaterThanOrEqual(30);
  });
});

describe('createScrubber().text removes every planted secret', () => {
  const s = createScrubber();
  it.each(planted.map((p) => [p.kind, p] as const))('%s', (_kind, p) => {
    const out = s.text(`error near ${p.text} while saving`);
    expect(out).not.toContain(p.secret);
    expect(out).toContain(FILTERED);
    expect(out.startsWith('error near ')).toBe(true);
  });

  it('removes all of them from one long message, and from a title-like line', () => {
    const text = planted.map((p) => p.text).join(' | ');
    const out = s.text(text);
    for (const p of planted) expect(out, p.kind).not.toContain(p.secret);
  });

  it('removes them from the name of a header or tag pair whose value is filtered for its name', () => {
    const out = JSON.stringify(s.value(planted.map((p) => [`token ${p.text}`, 'v'])));
    for (const p of planted) expect(out, p.kind).not.toContain(p.secret);
  });
});

describe('what stays', () => {
  const s = createScrubber();
  it('leaves ordinary error text, versions, releases, SHAs, dates and paths alone', () => {
    for (const text of [
      'RangeError: Invalid time value',
      'TypeError: Cannot read properties of undefined (reading "token")',
      'Invalid password for user',
      'password is too short',
      'shop@2.4.0',
      'node v22.11.0',
      'renderInvoice(src/billing/invoice.ts)',
      'at 3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
      'author: Jane',
      'order 1234567890123 failed',
      'at 2026-12-02T14:50:29Z took 1234 ms',
      'std::vector<int> at 10:42:17',
      'GET /api/0/projects/acme/web/ 404',
    ]) {
      expect(s.text(text)).toBe(text);
    }
  });

  it('keeps the key name and the authorization scheme', () => {
    expect(s.text('password=abc123&x=1')).toBe(`password=${FILTERED}&x=1`);
    expect(s.text('Authorization: Bearer abcdefghijklmnop')).toBe(`Authorization: Bearer ${FILTERED}`);
  });

  it('applies configured extra patterns', () => {
    expect(createScrubber({ patterns: ['ACME-\\d{6}'] }).text('customer ACME-123456 hit it')).toBe(
      `customer ${FILTERED} hit it`,
    );
  });
});

describe('bounded work on hostile text', () => {
  const s = createScrubber();
  const MB = 1 << 20;
  const inputs: [string, string][] = [
    ['a@a.a@', 'a@a.a@'.repeat(MB / 6)],
    ['digits', '1'.repeat(MB)],
    ['=', '='.repeat(MB)],
    ['password=', 'password='.repeat(MB / 9)],
    ['letters', 'a'.repeat(MB)],
    ['hex with colons', 'fe80::'.repeat(MB / 6)],
    ['ips', '1.2.3.4.'.repeat(MB / 8)],
    ['plus digits', '+1 2'.repeat(MB / 4)],
    ['url schemes', 'a://b:'.repeat(MB / 6)],
    ['pem begins', '-----BEGIN '.repeat(MB / 11)],
    ['iban-like', 'DE89 '.repeat(MB / 5)],
  ];
  it.each(inputs)('scrubs 1 MB of %s in well under a second, whole', (_name, text) => {
    const started = performance.now();
    createScrubber({}, { maxText: 2 * MB, maxDepth: 24, maxNodes: 20_000 }).text(text);
    // Linear detectors take tens of milliseconds here; a super-linear one takes minutes.
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('cuts a long text before scrubbing and says so, without leaving half a secret', () => {
    const secret = plantedSecrets()[0]!.secret;
    const text = `${'x '.repeat(32_760)}${secret} and more`;
    const out = s.text(text);
    expect(out.length).toBeLessThanOrEqual(65_537);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toContain(secret.slice(0, 12));
  });
});

describe('createScrubber().value', () => {
  it('removes values of sensitive keys and header pairs, deeply, and configured keys', () => {
    const s = createScrubber({ keys: ['ssn_number', 'customer'] });
    const email = 'jane.doe@example.com';
    const out = s.value({
      user: { email, id: 'u1' },
      headers: [
        ['Authorization', 'opaque-credential-xyz'],
        ['Accept', 'text/html'],
      ],
      data: { password: 'p', nested: { apiKey: 'k', note: `mail ${email}` }, customer: 'Jane Doe', pwd: 'x' },
      flags: { session: true },
    });
    expect(out).toEqual({
      user: { email: FILTERED, id: 'u1' },
      headers: [
        ['Authorization', FILTERED],
        ['Accept', 'text/html'],
      ],
      data: {
        password: FILTERED,
        nested: { apiKey: FILTERED, note: `mail ${FILTERED}` },
        customer: FILTERED,
        pwd: FILTERED,
      },
      flags: { session: true },
    });
  });

  it('walks 5,000 levels of nesting without overflowing and keeps what is there up to the depth limit', () => {
    let deep: unknown = { leaf: 'jane.doe@example.com' };
    for (let i = 0; i < 5_000; i++) deep = { level: i, next: deep };
    const out = createScrubber().value({ data: deep }) as Record<string, unknown>;
    let at: unknown = out.data;
    let depth = 0;
    while (at && typeof at === 'object' && 'next' in at) {
      at = (at as { next: unknown }).next;
      depth++;
    }
    expect(at).toBe(TRUNCATED);
    expect(depth).toBeGreaterThan(10);
  });

  it('stops after the node limit', () => {
    const wide = Array.from({ length: 100_000 }, (_, i) => `item ${i}`);
    const out = createScrubber().value(wide) as unknown[];
    expect(out.length).toBeLessThanOrEqual(20_001);
  });
});
