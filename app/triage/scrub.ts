// Removes personal data and secrets from event data before it reaches GitHub (assume the issue is public).
// Pure; shared by every handler that writes Sentry data to GitHub.

export const FILTERED = '[Filtered]';

export interface ScrubOptions {
  /** Extra key names (case-insensitive substrings) whose values are removed. */
  keys?: readonly string[];
  /** Extra regular expression sources whose matches are removed. */
  patterns?: readonly string[];
}

const SENSITIVE_KEY =
  /pass(word|wd)?|secret|token|api[-_]?key|apikey|authori[sz]ation|authenticat|(^|[-_])auth([-_]|$)|credential|cookie|session|csrf|xsrf|private[-_]?key|bearer|signature|credit|card[-_]?number|cvv|ssn|dsn/i;

interface Rule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

// Order matters: structured secrets first (a JWT holds dots an IP rule could bite), then key=value, then the rest.
const RULES: Rule[] = [
  {
    pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
    replace: () => FILTERED,
  },
  { pattern: /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, replace: () => FILTERED }, // JWT
  { pattern: /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, replace: (_m, scheme) => `${scheme} ${FILTERED}` },
  // Provider token formats: GitHub, Sentry, Slack, AWS, Stripe, Google.
  {
    pattern:
      /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|sntry[su]_[A-Za-z0-9+/=_-]{20,}|xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|[sr]k_(live|test)_[A-Za-z0-9]{10,}|AIza[0-9A-Za-z_-]{35})\b/g,
    replace: () => FILTERED,
  },
  // URL credentials: scheme://user:pass@host
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, replace: (_m, scheme) => `${scheme}${FILTERED}@` },
  // key=value and "key": "value" with a sensitive key (query strings, headers, JSON, logs).
  {
    pattern:
      /\b([A-Za-z0-9_-]*(?:pass(?:word|wd)?|secret|token|api[-_]?key|apikey|authori[sz]ation|credential|cookie|session|signature|access[-_]?key)[A-Za-z0-9_-]*)(["']?\s*[:=]\s*["']?)([^\s"'&,;}]+)/gi,
    replace: (_m, key, sep) => `${key}${sep}${FILTERED}`,
  },
  { pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b/g, replace: () => FILTERED }, // email
  {
    pattern: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g, // IPv4
    replace: () => FILTERED,
  },
  {
    pattern: /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:?){1,6}\b/gi, // IPv6
    replace: (m) => (/[0-9]/.test(m) && m.split(':').length > 3 ? FILTERED : m),
  },
  { pattern: /\b(?:\d[ -]?){12,18}\d\b/g, replace: (m) => (luhn(m.replace(/\D/g, '')) ? FILTERED : m) }, // cards
];

function luhn(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export interface Scrubber {
  text(value: string): string;
  /** Deep copy with sensitive keys' values and sensitive substrings removed. */
  value<T>(value: T): T;
  isSensitiveKey(key: string): boolean;
}

export function createScrubber(opts: ScrubOptions = {}): Scrubber {
  const extraKeys = (opts.keys ?? []).map((k) => k.toLowerCase());
  const extraPatterns = (opts.patterns ?? []).map((p) => new RegExp(p, 'gu'));
  const isSensitiveKey = (key: string) =>
    SENSITIVE_KEY.test(key) || extraKeys.some((k) => key.toLowerCase().includes(k));
  const text = (value: string): string => {
    let out = value;
    for (const rule of RULES) out = out.replace(rule.pattern, rule.replace as (m: string, ...a: unknown[]) => string);
    for (const pattern of extraPatterns) out = out.replace(pattern, FILTERED);
    return out;
  };
  const walk = (v: unknown, key?: string): unknown => {
    if (key !== undefined && isSensitiveKey(key) && v !== null && typeof v !== 'boolean') return FILTERED;
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) {
      // Header and tag pairs: ["Authorization", "…"] — the first element names the second.
      if (v.length === 2 && typeof v[0] === 'string' && isSensitiveKey(v[0])) return [v[0], FILTERED];
      return v.map((x) => walk(x));
    }
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  };
  return { text, value: <T>(v: T) => walk(v) as T, isSensitiveKey };
}

/** A text scrubber as the renderers take it. */
export type Scrub = (text: string) => string;
