/** Removes secrets from text that may reach a log line or an error message. Pure: no I/O. */

const REDACTED = '[redacted]';

/** Replaces every occurrence of `secret`, any bearer credential, and Sentry-style tokens in `text`. */
export function redactSecret(text: string, secret: string): string {
  let out = secret ? text.split(secret).join(REDACTED) : text;
  out = out.replace(/(Bearer|Basic)\s+[^\s"',]+/gi, `$1 ${REDACTED}`);
  out = out.replace(/\bsntry[su]_[A-Za-z0-9+/=_-]+/g, REDACTED);
  return out;
}
