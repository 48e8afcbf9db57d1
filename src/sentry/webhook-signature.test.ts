import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature.ts';

const secret = 'client-secret-1';
const body = '{"action":"created","data":{"issue":{"id":"1"}}}';

describe('webhook signatures', () => {
  it('signs as hex HMAC-SHA256 of the exact body', () => {
    const expected = createHmac('sha256', secret).update(body).digest('hex');
    expect(signWebhookBody(body, secret)).toBe(expected);
    expect(signWebhookBody(Buffer.from(body), secret)).toBe(expected);
  });

  it('accepts the right signature and refuses tampered bodies, other secrets and malformed headers', () => {
    const sig = signWebhookBody(body, secret);
    expect(verifyWebhookSignature(Buffer.from(body), sig, secret)).toBe(true);
    expect(verifyWebhookSignature(body, sig.toUpperCase(), secret)).toBe(true);
    expect(verifyWebhookSignature(`${body} `, sig, secret)).toBe(false);
    expect(verifyWebhookSignature(body, sig, 'other')).toBe(false);
    expect(verifyWebhookSignature(body, sig.slice(0, 62), secret)).toBe(false);
    expect(verifyWebhookSignature(body, `${sig}00`, secret)).toBe(false);
    expect(verifyWebhookSignature(body, 'not-hex', secret)).toBe(false);
    expect(verifyWebhookSignature(body, undefined, secret)).toBe(false);
    expect(verifyWebhookSignature(body, '', secret)).toBe(false);
    expect(verifyWebhookSignature(body, sig, '')).toBe(false);
  });
});
