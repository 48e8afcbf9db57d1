// Secrets and personal data of many kinds, each in the shape its issuer uses, that must never reach GitHub.
// Built at run time from a seeded generator, so no string in this file is a credential or looks like one to a
// secret scanner. `kind` groups them (the suite plants at least 60 values of at least 30 kinds).

export interface Planted {
  kind: string;
  /** The text as it appears in the event (may carry a key name or scheme that stays). */
  text: string;
  /** The part that must be gone. */
  secret: string;
}

function generator(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
  return (alphabet: string, length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_NUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const HEX = '0123456789abcdef';
const B64URL = `${ALNUM}_-`;
const DIGITS = '0123456789';

function withLuhn(body: string): string {
  for (let d = 0; d < 10; d++) {
    const digits = body + d;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) {
      let n = Number(digits[digits.length - 1 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return digits;
  }
  throw new Error('unreachable');
}

function iban(country: string, bban: string): string {
  const numeric = (s: string) => [...s].map((c) => (c >= 'A' ? String(c.charCodeAt(0) - 55) : c)).join('');
  const rest = BigInt(numeric(`${bban}${country}00`)) % 97n;
  const check = String(98n - rest).padStart(2, '0');
  return `${country}${check}${bban}`;
}

const base64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (s: string) => Buffer.from(s).toString('base64url');

export function plantedSecrets(seed = 7): Planted[] {
  const r = generator(seed);
  const p = (kind: string, secret: string, text = secret): Planted => ({ kind, text, secret });
  const jwt = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(`{"sub":"${r(DIGITS, 10)}","name":"x"}`)}.${r(B64URL, 43)}`;
  const orgToken = `sntrys_${base64(JSON.stringify({ iat: 1, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: 'acme' }))}_${r(ALNUM, 43)}`;
  const pemBody = Array.from({ length: 6 }, () => r(`${ALNUM}+/`, 64)).join('\n');
  return [
    // VCS and registries
    p('github-pat', `gh${'p'}_${r(ALNUM, 36)}`),
    p('github-pat-after-underscore', `gh${'p'}_${r(ALNUM, 36)}`, 'token_PLACE'),
    p('github-oauth', `gh${'o'}_${r(ALNUM, 36)}`),
    p('github-app', `gh${'s'}_${r(ALNUM, 36)}`),
    p('github-fine-grained', `github_${'pat'}_${r(ALNUM, 22)}_${r(ALNUM, 59)}`),
    p('gitlab-pat', `glp${'at'}-${r(B64URL, 20)}`),
    p('gitlab-runner', `glr${'t'}-${r(B64URL, 20)}`),
    p('npm', `np${'m'}_${r(ALNUM, 36)}`),
    p('pypi', `pypi-AgEIcHlwaS5vcmc${r(B64URL, 60)}`),
    p('docker-hub', `dckr_${'pat'}_${r(B64URL, 27)}`),
    // Sentry
    p('sentry-org-token', orgToken),
    p('sentry-user-token', `sntry${'u'}_${r(HEX, 64)}`),
    p('sentry-dsn-key', r(HEX, 32), `https://PLACE@o${r(DIGITS, 6)}.ingest.sentry.io/${r(DIGITS, 7)}`),
    // Cloud
    p('aws-access-key', `AK${'IA'}${r(UPPER_NUM, 16)}`),
    p('aws-sts-key', `AS${'IA'}${r(UPPER_NUM, 16)}`),
    p('aws-secret', r(`${ALNUM}+/`, 40), `aws_secret_access_key=PLACE`),
    p('gcp-api-key', `AI${'za'}${r(B64URL, 35)}`),
    p('gcp-oauth-secret', `GOC${'SPX'}-${r(B64URL, 28)}`),
    p('gcp-access-token', `ya${'29'}.${r(B64URL, 60)}`),
    p(
      'azure-storage',
      r(`${ALNUM}+/`, 86) + '==',
      `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=PLACE;EndpointSuffix=core.windows.net`,
    ),
    p('digitalocean', `dop_${'v1'}_${r(HEX, 64)}`),
    p('vault', `hv${'s'}.${r(B64URL, 90)}`),
    p('hugging-face', `h${'f'}_${r('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', 34)}`),
    p('databricks', `dap${'i'}${r(HEX, 32)}`),
    // Chat and mail
    p('slack-bot', `xox${'b'}-${r(DIGITS, 12)}-${r(DIGITS, 12)}-${r(ALNUM, 24)}`),
    p('slack-user', `xox${'p'}-${r(DIGITS, 12)}-${r(DIGITS, 12)}-${r(DIGITS, 12)}-${r(HEX, 32)}`),
    p(
      'slack-webhook',
      `services/T${r(UPPER_NUM, 10)}/B${r(UPPER_NUM, 10)}/${r(ALNUM, 24)}`,
      'https://hooks.slack.com/PLACE',
    ),
    p('discord-webhook', `${r(DIGITS, 18)}/${r(B64URL, 68)}`, 'https://discord.com/api/webhooks/PLACE'),
    p('sendgrid', `S${'G'}.${r(B64URL, 22)}.${r(B64URL, 43)}`),
    p('mailgun', `ke${'y'}-${r(HEX, 32)}`),
    p('mailchimp', `${r(HEX, 32)}-us${r(DIGITS, 2)}`),
    p('twilio', `S${'K'}${r(HEX, 32)}`),
    p('telegram', `${r(DIGITS, 10)}:AA${r(B64URL, 33)}`),
    // AI services
    p('openai', `s${'k'}-proj-${r(B64URL, 64)}`),
    p('openai-legacy', `s${'k'}-${r(ALNUM, 20)}T3BlbkFJ${r(ALNUM, 20)}`),
    p('anthropic', `s${'k'}-ant-api03-${r(B64URL, 93)}`),
    // Payments and commerce
    p('stripe-secret', `s${'k'}_live_${r(ALNUM, 24)}`),
    p('stripe-restricted', `r${'k'}_live_${r(ALNUM, 24)}`),
    p('stripe-webhook', `whse${'c'}_${r(ALNUM, 32)}`),
    p('square', `sq0${'atp'}-${r(B64URL, 22)}`),
    p('shopify', `shpa${'t'}_${r(HEX, 32)}`),
    // Keys, tokens, credentials in text
    p('private-key', pemBody, `-----BEGIN ${'RSA'} PRIVATE KEY-----\nPLACE\n-----END RSA PRIVATE KEY-----`),
    p(
      'private-key-openssh',
      pemBody.slice(0, 140),
      `-----BEGIN ${'OPENSSH'} PRIVATE KEY-----\nPLACE\n-----END OPENSSH PRIVATE KEY-----`,
    ),
    p('jwt', jwt),
    p('bearer', r(B64URL, 32), 'Authorization: Bearer PLACE'),
    p('basic-auth', base64(`admin:${r(ALNUM, 12)}`), 'Authorization: Basic PLACE'),
    p('connection-string', r(ALNUM, 14), 'postgres://app:PLACE@db.internal:5432/app'),
    p('connection-string', r(ALNUM, 14), 'mongodb+srv://svc:PLACE@cluster0.example.net/db'),
    p('connection-string', r(ALNUM, 14), 'redis://:PLACE@cache:6379/0'),
    p('password-query', r(ALNUM, 16), 'https://app.test/login?user=a&password=PLACE&next=/'),
    p('password-json', r(ALNUM, 16), '{"pwd": "PLACE"}'),
    p('password-words', `${r(ALNUM, 10)}9`, 'could not log in with passwd PLACE'),
    p('api-key-header', r(ALNUM, 32), 'X-Api-Key: PLACE'),
    p('client-secret', r(ALNUM, 32), 'client_secret=PLACE'),
    p('cookie', r(HEX, 24), 'Cookie: sessionid=PLACE'),
    // Personal data
    p('email', `${r('abcdefghijklmnopqrstuvwxyz', 8)}.${r('abcdefghijklmnopqrstuvwxyz', 6)}@example.org`),
    p('email', `ops+${r(DIGITS, 4)}@mail.acme-corp.co.uk`),
    p('ipv4', `198.51.100.${Number(r('123456789', 2))}`),
    p('ipv4', `10.${Number(r('123456789', 2))}.7.3`),
    p('ipv6', `2001:db8:${r(HEX, 4)}::${r(HEX, 3)}:7334`),
    p('ipv6', `fe80:0:0:0:${r(HEX, 4)}:${r(HEX, 4)}:${r(HEX, 4)}:${r(HEX, 4)}`),
    p('card', withLuhn(`4${r(DIGITS, 14)}`)),
    p(
      'card',
      (() => {
        const d = withLuhn(`5${r('12345', 1)}${r(DIGITS, 13)}`);
        return `${d.slice(0, 4)} ${d.slice(4, 8)} ${d.slice(8, 12)} ${d.slice(12)}`;
      })(),
    ),
    p('iban', iban('DE', `${r(DIGITS, 18)}`)),
    p(
      'iban',
      (() => {
        const v = iban('GB', `NWBK${r(DIGITS, 14)}`);
        return v.replace(/(.{4})/g, '$1 ').trim();
      })(),
    ),
    p('iban', iban('FR', `${r(DIGITS, 10)}${r(UPPER_NUM, 11)}${r(DIGITS, 2)}`)),
    p('ssn', `${r('12345678', 3)}-${r('123456789', 2)}-${r('123456789', 4)}`),
    p('phone', `+44 20 ${r(DIGITS, 4)} ${r(DIGITS, 4)}`),
    p('phone', `+1 (415) ${r('23456789', 3)}-${r(DIGITS, 4)}`),
    p('phone', `+49-30-${r(DIGITS, 8)}`),
    p('phone', `(212) ${r('23456789', 3)}-${r(DIGITS, 4)}`),
  ].map((x) => (x.text.includes('PLACE') ? { ...x, text: x.text.replace('PLACE', x.secret) } : x));
}
