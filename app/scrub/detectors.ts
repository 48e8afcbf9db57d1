// What counts as a secret or as personal data in event text, as detectors that return the spans to remove.
// Event text is written by whoever can make the monitored app throw, so every detector runs in time linear in the
// text: regular expressions have only bounded quantifiers and no nested or overlapping ones (from any position the
// engine looks at a bounded number of characters), and the few that need more (a private key block, key=value) are
// found with a literal search and examined in a bounded window. The kinds follow what gitleaks and secretlint
// cover (cloud keys, VCS tokens, chat and mail service keys, payment keys, private keys, JWTs, connection strings)
// plus Sentry's own tokens and DSN keys, and PII (e-mail, IP addresses, phone numbers, card numbers, IBAN, SSN).

/** A span of the text to replace: [start, end). */
export interface Span {
  start: number;
  end: number;
}

type Detector = (text: string) => Iterable<Span>;

// Not a letter or digit before the token: `\b` would fail after an underscore (`x_ghp_…`).
const B = '(?<![A-Za-z0-9])';
// Not a token character after it.
const E = '(?![A-Za-z0-9_-])';

/** Provider token formats whose shape alone says "secret". Bounded lengths keep each attempt short. */
const TOKEN_FORMATS: readonly string[] = [
  // VCS and registries
  'gh[pousr]_[A-Za-z0-9]{30,255}',
  'github_pat_[A-Za-z0-9_]{22,255}',
  'glpat-[A-Za-z0-9_-]{20,64}',
  'gl(?:dt|rt|ptt|ft|imt|agent|oas|cbt|soat)-[A-Za-z0-9_-]{20,64}',
  'GR1348941[A-Za-z0-9_-]{20,64}',
  'npm_[A-Za-z0-9]{36}',
  'pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,300}',
  'dckr_pat_[A-Za-z0-9_-]{27,64}',
  'rubygems_[a-f0-9]{48}',
  'oy2[a-z0-9]{43}', // NuGet
  // Sentry
  'sntry[su]_[A-Za-z0-9+/=_-]{20,400}',
  // Cloud
  '(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ABIA|ACCA)[0-9A-Z]{16}',
  'AIza[0-9A-Za-z_-]{35}',
  'GOCSPX-[A-Za-z0-9_-]{28}',
  'ya29\\.[A-Za-z0-9_-]{20,400}',
  'dop_v1_[a-f0-9]{64}',
  'do[or]_v1_[a-f0-9]{64}',
  'hvs\\.[A-Za-z0-9_-]{24,200}',
  '[a-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,120}',
  'AccountKey=[A-Za-z0-9+/=]{40,100}',
  'SharedAccessSignature=[^\\s;"\']{10,300}',
  'dapi[a-f0-9]{32}', // Databricks
  'hf_[A-Za-z]{34}', // Hugging Face
  'NRAK-[A-Z0-9]{27}', // New Relic
  'PMAK-[a-f0-9]{24}-[a-f0-9]{34}', // Postman
  'dp\\.(?:pt|st|sa|ct)\\.[A-Za-z0-9]{40,44}', // Doppler
  'lin_api_[A-Za-z0-9]{40}', // Linear
  'gl(?:c|sa)_[A-Za-z0-9+/_=-]{32,200}', // Grafana
  'AGE-SECRET-KEY-1[0-9A-Z]{58}',
  // Chat and mail
  'xox[abposre]-[A-Za-z0-9-]{10,250}',
  'xapp-\\d-[A-Z0-9]{9,12}-\\d{10,14}-[a-f0-9]{40,80}',
  'SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}', // SendGrid
  'key-[0-9a-f]{32}', // Mailgun
  '[0-9a-f]{32}-us\\d{1,2}', // Mailchimp
  'SK[0-9a-f]{32}', // Twilio API key
  'AC[0-9a-f]{32}', // Twilio account SID
  '\\d{8,10}:AA[A-Za-z0-9_-]{33}', // Telegram bot
  // AI services
  'sk-ant-(?:api|admin)\\d\\d-[A-Za-z0-9_-]{80,120}',
  'sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,200}',
  'sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}',
  'sk-[A-Za-z0-9]{40,64}',
  // Payments and commerce
  '(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,255}', // Stripe
  'whsec_[A-Za-z0-9+/=]{20,100}',
  'sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43}', // Square
  'EAAA[A-Za-z0-9_-]{60}', // Square access token
  'shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}', // Shopify
  'access_token\\$production\\$[a-z0-9]{16}\\$[a-f0-9]{32}', // PayPal Braintree
  // JWT (three base64url parts, the first two JSON objects)
  'eyJ[A-Za-z0-9_-]{5,2000}\\.eyJ[A-Za-z0-9_-]{5,4000}\\.[A-Za-z0-9_-]{0,1000}',
  'eyJ[A-Za-z0-9_-]{5,2000}\\.[A-Za-z0-9_-]{5,4000}\\.[A-Za-z0-9_-]{10,1000}',
];

const TOKENS = new RegExp(`${B}(?:${TOKEN_FORMATS.join('|')})${E}`, 'g');

// Webhook URLs carry their secret in the path.
const SECRET_URLS = new RegExp(
  [
    'hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/-]{20,200}',
    '(?:discord(?:app)?\\.com)/api/webhooks/\\d{5,30}/[A-Za-z0-9_-]{20,200}',
    '\\.webhook\\.office\\.com/webhookb2/[A-Za-z0-9@/_-]{20,400}',
    'outlook\\.office\\.com/webhook/[A-Za-z0-9@/_-]{20,400}',
  ].join('|'),
  'gi',
);

// scheme://user:password@host (connection strings) and scheme://publickey@host (Sentry DSNs): the userinfo goes.
const URL_USERINFO =
  /(?<=[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\/)(?:[^\s/:@"'<>]{1,256}(?::[^\s/@"'<>]{0,256})?|:[^\s/@"'<>]{1,256})(?=@)/g;

// Authorization schemes: the word stays, the credential goes.
const AUTH_SCHEME = /(?<![A-Za-z0-9])(?:Bearer|Basic|Token|Digest|Negotiate)\s{1,4}([A-Za-z0-9._~+/=-]{8,4096})/gi;

// E-mail: found from each "@" (a literal search), the local part read backwards at most 64 characters.
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;
const EMAIL_DOMAIN = /[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z])/y;

const IPV4 =
  /(?<![0-9.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![0-9]|\.\d)/g;

// IPv6: eight groups, or a compressed form with "::"; at least one digit and three colons (not a clock time).
const IPV6 =
  /(?<![0-9A-Fa-f:])(?:(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){0,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?)(?![0-9A-Fa-f:])/g;

// A card number: 13 to 19 digits, optionally grouped by spaces or dashes, that passes the Luhn check.
const CARD = /(?<![0-9])\d(?:[ -]?\d){12,18}(?![0-9])/g;

// IBAN: country, check digits, then 11 to 30 alphanumerics, written solid or in groups of four; checked with mod 97.
const IBAN =
  /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)(?![A-Za-z0-9])/g;

// US social security number (not 000, 666 or 9xx areas; not 00 group; not 0000 serial).
const SSN = /(?<![0-9-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![0-9-])/g;

// Phone numbers: international (+CC …) with 8 to 15 digits, and the North American (555) 123-4567 / 555-123-4567.
const PHONE_INTL = /(?<![A-Za-z0-9+])\+\d[\d .()-]{6,22}\d(?![0-9])/g;
const PHONE_NANP = /(?<![0-9])(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![0-9])/g;

// Key names whose value is a secret. Used for key=value in text and for object keys.
const SECRET_KEY_WORDS =
  'pass(?:word|wd|phrase)?|pwd|secret|token|api[-_]?key|apikey|authori[sz]ation|credential|cookie|session|signature|access[-_]?key|private[-_]?key|account[-_]?key|client[-_]?secret|x[-_]api[-_]key';
const KEY_WORD = new RegExp(SECRET_KEY_WORDS, 'gi');
const KEY_CHAR = /[A-Za-z0-9_.-]/;
const WORD_AFTER_PASSWORD = /^(?:pass(?:word|wd|phrase)?|pwd)$/i;

// Words that follow "password" in ordinary error text and are not the password.
const PROSE_AFTER_PASSWORD = new Set(
  'is was for of the a an and or to in on with must cannot can not did does do expired missing mismatch too reset changed required invalid incorrect wrong empty length policy field hash hashing check reset change update updated provided given entered attempt attempts failed rejected should will has have had be been'.split(
    ' ',
  ),
);

function* matches(pattern: RegExp, text: string, group = 0): Iterable<Span> {
  for (const m of text.matchAll(pattern)) {
    const value = m[group];
    if (value === undefined) continue;
    const start = m.index + (group === 0 ? 0 : m[0].indexOf(value));
    yield { start, end: start + value.length };
  }
}

function* emails(text: string): Iterable<Span> {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && EMAIL_LOCAL.test(text[start - 1]!)) start--;
    if (start === at) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const domain = EMAIL_DOMAIN.exec(text);
    if (!domain) continue;
    yield { start, end: at + 1 + domain[0].length };
    at += domain[0].length;
  }
}

function* checked(pattern: RegExp, text: string, accept: (m: string) => boolean): Iterable<Span> {
  for (const m of text.matchAll(pattern)) if (accept(m[0])) yield { start: m.index, end: m.index + m[0].length };
}

export function luhn(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** ISO 13616: move the first four characters to the end, letters to numbers, the whole mod 97 is 1. */
export function ibanChecksumOk(candidate: string): boolean {
  const iban = candidate.replace(/ /g, '');
  if (iban.length < 15 || iban.length > 34) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rest = (value > 9 ? rest * 100 + value : rest * 10 + value) % 97;
  }
  return rest === 1;
}

function digitCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) n++;
  return n;
}

/** PEM private key blocks, found by literal search: BEGIN … END, or to the end of the text when END is missing. */
function* privateKeys(text: string): Iterable<Span> {
  let from = 0;
  for (;;) {
    const begin = text.indexOf('-----BEGIN ', from);
    if (begin < 0) return;
    const head = text.slice(begin, begin + 80);
    if (!/^-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/.test(head)) {
      from = begin + 11;
      continue;
    }
    const endMark = text.indexOf('-----END ', begin + 11);
    const close = endMark < 0 ? -1 : text.indexOf('-----', endMark + 9);
    const end = close < 0 ? text.length : close + 5;
    yield { start: begin, end };
    from = end;
  }
}

/** `key=value`, `key: value`, `"key": "value"`, and `password <value>`, where the key names a secret. */
function* keyValues(text: string): Iterable<Span> {
  let skipUntil = 0;
  for (const m of text.matchAll(KEY_WORD)) {
    if (m.index < skipUntil) continue;
    let keyStart = m.index;
    while (keyStart > 0 && m.index - keyStart < 40 && KEY_CHAR.test(text[keyStart - 1]!)) keyStart--;
    let keyEnd = m.index + m[0].length;
    while (keyEnd < text.length && keyEnd - m.index < 60 && KEY_CHAR.test(text[keyEnd]!)) keyEnd++;
    const value = valueAfterKey(text, keyEnd, WORD_AFTER_PASSWORD.test(text.slice(keyStart, keyEnd)));
    if (!value) continue;
    skipUntil = value.end;
    yield value;
  }
}

const SEPARATOR = /^["']?[ \t]{0,8}(?::|=>?|:=)[ \t]{0,8}(["']?)/;
const SCHEME_WORD = /^(?:Bearer|Basic|Token|Digest|Negotiate)[ \t]{1,4}/i;
const MAX_VALUE = 4096;

function valueAfterKey(text: string, keyEnd: number, isPasswordWord: boolean): Span | undefined {
  const window = text.slice(keyEnd, keyEnd + 24);
  const sep = SEPARATOR.exec(window);
  if (sep) {
    let start = keyEnd + sep[0].length;
    const quote = sep[1];
    if (quote) {
      const close = text.indexOf(quote, start);
      const end = close < 0 || close - start > MAX_VALUE ? Math.min(text.length, start + MAX_VALUE) : close;
      return end > start ? { start, end } : undefined;
    }
    const scheme = SCHEME_WORD.exec(text.slice(start, start + 16));
    if (scheme) start += scheme[0].length;
    const end = runEnd(text, start, /[\s"'&,;}\]<>]/);
    return end > start ? { start, end } : undefined;
  }
  if (!isPasswordWord) return undefined;
  // "passwd hunter2": a password word, a space, then a value that is not the next word of a sentence.
  const gap = /^[ \t]{1,3}/.exec(window);
  if (!gap) return undefined;
  const start = keyEnd + gap[0].length;
  const end = runEnd(text, start, /[\s"'&,;}\]<>]/);
  const word = text.slice(start, end);
  if (!word || PROSE_AFTER_PASSWORD.has(word.toLowerCase().replace(/[.:!?]+$/, ''))) return undefined;
  return { start, end };
}

function runEnd(text: string, start: number, stop: RegExp): number {
  let end = start;
  while (end < text.length && end - start < MAX_VALUE && !stop.test(text[end]!)) end++;
  return end;
}

export const DETECTORS: readonly Detector[] = [
  privateKeys,
  (t) => matches(TOKENS, t),
  (t) => matches(SECRET_URLS, t),
  (t) => matches(URL_USERINFO, t),
  (t) => matches(AUTH_SCHEME, t, 1),
  keyValues,
  emails,
  (t) => matches(IPV4, t),
  (t) => checked(IPV6, t, (m) => /\d/.test(m) && m.split(':').length > 3),
  (t) => checked(CARD, t, (m) => luhn(m.replace(/\D/g, ''))),
  (t) => checked(IBAN, t, ibanChecksumOk),
  (t) => matches(SSN, t),
  (t) => checked(PHONE_INTL, t, (m) => digitCount(m) >= 8 && digitCount(m) <= 15 && !/[ .()-]{3}/.test(m)),
  (t) => matches(PHONE_NANP, t),
];

/** Whether an object key names a secret or personal data, so its whole value goes. */
export const SENSITIVE_KEY = new RegExp(
  `${SECRET_KEY_WORDS}|authenticat|(?:^|[-_.])auth(?:[-_.]|$)|csrf|xsrf|bearer|credit|card[-_]?number|cvv|cvc|ssn|social[-_]?security|iban|dsn`,
  'i',
);
