/** HMAC-SHA256 signatures of Sentry integration-platform webhooks (`Sentry-Hook-Signature`). Pure: no I/O. */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Hex HMAC-SHA256 of the exact body bytes with the integration's client secret, as Sentry computes it. */
export function signWebhookBody(body: Uint8Array | string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * True when `signatureHeader` is the signature of `rawBody` under `secret`. Compares in constant time; a missing,
 * malformed or wrong-length header is simply false.
 */
export function verifyWebhookSignature(
  rawBody: Uint8Array | string,
  signatureHeader: string | string[] | null | undefined,
  secret: string,
): boolean {
  const header = Array.isArray(signatureHeader) ? signatureHeader[0] : signatureHeader;
  if (typeof header !== 'string' || !secret) return false;
  const given = header.trim();
  if (!/^[0-9a-fA-F]+$/.test(given)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const actual = Buffer.from(given, 'hex');
  if (actual.length !== expected.length) return false;
  return timingSafeEqual(actual, expected);
}
