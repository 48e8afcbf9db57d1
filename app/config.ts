import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import type { StorageConfig } from './store/index.ts';
import { sqliteFileIn } from './store/index.ts';
import { orgTokenClaims, resolveSentryTarget, type SentryTarget } from '../src/sentry/org-token.ts';

/** Everything the app reads from the environment, parsed once and validated at start-up. */
export interface AppConfig {
  github: {
    appId: number;
    privateKey: string;
    webhookSecret: string;
    /** REST base for GitHub Enterprise or the emulator (from GHE_HOST/GHE_PROTOCOL); undefined for github.com. */
    baseUrl: string | undefined;
    /** Deadline of each GitHub API request (GITHUB_REQUEST_TIMEOUT_MS); a timeout is retried. Default 20 s. */
    requestTimeoutMs?: number;
  };
  sentry: {
    url: string;
    clientSecret: string;
    /** Needed only by public integrations, to exchange installation grant codes. */
    clientId: string | undefined;
    /** Internal-integration token; public installations keep their own. */
    authToken: string | undefined;
    /** The internal integration's org (SENTRY_ORG): with `authToken`, webhooks from unknown installations are its. */
    org?: string | undefined;
  };
  storage: StorageConfig;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  /** Probot's LOG_FORMAT: `pretty` (its default, for terminals) or `json` (for log collectors; much cheaper). */
  logFormat: 'json' | 'pretty';
  host: string;
  port: number;
  workers: { concurrency: number; maxAttempts: number };
  /** Probot's WEBHOOK_PROXY_URL (a smee.io channel) for local development: GitHub webhooks arrive through it. */
  webhookProxyUrl?: string | undefined;
  /** `/metrics`: a bearer token it requires, and/or its own listener (then the main port does not serve it). */
  metrics?: { token: string | undefined; host: string; port: number | undefined };
  /** Where the app reports its own unexpected errors (never the events it processes); unset: nothing is loaded. */
  sentryDsn?: string | undefined;
  /** FAULTLINE_ENCRYPTION_KEY(_PREVIOUS): the key of installation tokens at rest (app/installations/token-crypto.ts). */
  encryption?: { key: string | undefined; previousKey: string | undefined };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`faultline cannot start: ${problems.length} configuration problem(s):\n  - ${problems.join('\n  - ')}`);
    this.problems = problems;
  }
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

/** Reads the environment; throws one ConfigError listing every problem (never a secret's value). */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const read = envReader(env);
  const github = readGitHub(read, env, cwd);
  const sentry = readSentry(read);
  const storage = readStorage(read, cwd);
  const logging = readLogging(read);
  const config: AppConfig = {
    github,
    sentry,
    storage,
    ...logging,
    encryption: {
      key: read.get('FAULTLINE_ENCRYPTION_KEY'),
      previousKey: read.get('FAULTLINE_ENCRYPTION_KEY_PREVIOUS'),
    },
    host: read.get('HOST') ?? '0.0.0.0',
    port: read.integer('PORT', 3000, 0, 65_535),
    workers: {
      concurrency: read.integer('FAULTLINE_WORKER_CONCURRENCY', 4, 1, 64),
      maxAttempts: read.integer('FAULTLINE_JOB_MAX_ATTEMPTS', 8, 1, 100),
    },
    webhookProxyUrl: readWebhookProxyUrl(read),
    metrics: readMetrics(read),
    sentryDsn: read.get('SENTRY_DSN'),
  };
  if (read.problems.length > 0) throw new ConfigError(read.problems);
  return config;
}

/** Trimmed environment values (empty counts as unset), collecting every problem instead of stopping at the first. */
interface EnvReader {
  readonly problems: string[];
  get(name: string): string | undefined;
  /** The value, or '' with a problem saying what to set. */
  required(name: string, what: string): string;
  /** A whole number in [min, max], or the fallback (with a problem when the value is out of range). */
  integer(name: string, fallback: number, min: number, max: number): number;
}

function envReader(env: NodeJS.ProcessEnv): EnvReader {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  return {
    problems,
    get,
    required(name, what) {
      const value = get(name);
      if (!value) problems.push(`${name} is not set: ${what}`);
      return value ?? '';
    },
    integer(name, fallback, min, max) {
      const raw = get(name);
      if (raw === undefined) return fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max) {
        problems.push(`${name} is "${raw}": expected a whole number from ${min} to ${max}`);
        return fallback;
      }
      return value;
    },
  };
}

function readGitHub(read: EnvReader, env: NodeJS.ProcessEnv, cwd: string): AppConfig['github'] {
  const appIdRaw = read.required('APP_ID', "set it to the GitHub App's numeric ID (shown on the App's settings page)");
  const appId = Number(appIdRaw);
  if (appIdRaw && (!Number.isInteger(appId) || appId <= 0)) {
    read.problems.push(`APP_ID is "${appIdRaw}": expected the GitHub App's numeric ID, e.g. 123456`);
  }
  return {
    appId,
    privateKey: readPrivateKey(read, env, cwd) ?? '',
    webhookSecret: read.required('WEBHOOK_SECRET', "set it to the GitHub App's webhook secret"),
    baseUrl: readGitHubBaseUrl(read),
    requestTimeoutMs: read.integer('GITHUB_REQUEST_TIMEOUT_MS', 20_000, 1_000, 600_000),
  };
}

/** PRIVATE_KEY (inline, kept untrimmed) or the file PRIVATE_KEY_PATH names, as a PEM. */
function readPrivateKey(read: EnvReader, env: NodeJS.ProcessEnv, cwd: string): string | undefined {
  const inlineKey = env.PRIVATE_KEY?.trim() ? env.PRIVATE_KEY : undefined;
  const keyPath = read.get('PRIVATE_KEY_PATH');
  let key = inlineKey;
  if (!inlineKey && keyPath) {
    try {
      key = readFileSync(resolve(cwd, keyPath), 'utf8');
    } catch (error) {
      read.problems.push(
        `PRIVATE_KEY_PATH is "${keyPath}" but the file cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): point it at the App's .pem file`,
      );
    }
  } else if (!inlineKey) {
    read.problems.push(
      "PRIVATE_KEY and PRIVATE_KEY_PATH are both unset: set one to the GitHub App's private key (PEM) or its file path",
    );
  }
  if (key === undefined) return undefined;
  const parsed = normalizePrivateKey(key, inlineKey ? 'PRIVATE_KEY' : 'PRIVATE_KEY_PATH');
  if ('problem' in parsed) {
    read.problems.push(parsed.problem);
    return undefined;
  }
  return parsed.pem;
}

/** The REST base for GitHub Enterprise (GHE_HOST, GHE_PROTOCOL); undefined for github.com. */
function readGitHubBaseUrl(read: EnvReader): string | undefined {
  const gheHost = read.get('GHE_HOST');
  const gheProtocol = read.get('GHE_PROTOCOL') ?? 'https';
  if (gheProtocol !== 'http' && gheProtocol !== 'https') {
    read.problems.push(`GHE_PROTOCOL is "${gheProtocol}": expected http or https`);
    return undefined;
  }
  if (!gheHost) return undefined;
  if (/[/\s]/.test(gheHost) || gheHost.includes('://')) {
    read.problems.push(
      `GHE_HOST is "${gheHost}": expected a host name (and port), without scheme or path, e.g. ghe.example.com`,
    );
    return undefined;
  }
  return `${gheProtocol}://${gheHost}/api/v3`;
}

function readSentry(read: EnvReader): AppConfig['sentry'] {
  const authToken = read.get('SENTRY_AUTH_TOKEN');
  // An org auth token names its server and org; SENTRY_URL and SENTRY_ORG win, and a URL of another server is refused.
  const target = sentryTarget(authToken, read.get('SENTRY_URL'), read.get('SENTRY_ORG'), read.problems);
  const sentryUrlRaw = target?.url ?? read.get('SENTRY_URL') ?? 'https://sentry.io';
  let url = sentryUrlRaw;
  try {
    const parsed = new URL(sentryUrlRaw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme');
    url = sentryUrlRaw.replace(/\/+$/, '');
  } catch {
    read.problems.push(`SENTRY_URL is "${sentryUrlRaw}": expected an http(s) URL such as https://sentry.io`);
  }
  const clientSecret = read.required(
    'SENTRY_CLIENT_SECRET',
    "set it to the Sentry integration's Client Secret (it signs the webhooks)",
  );
  const org = target?.org ?? read.get('SENTRY_ORG') ?? orgTokenClaims(authToken)?.org;
  if (authToken && !org) {
    read.problems.push(
      'SENTRY_AUTH_TOKEN is set but SENTRY_ORG is not: an internal integration belongs to one Sentry org; set SENTRY_ORG to its slug (e.g. acme), or unset SENTRY_AUTH_TOKEN for a public integration',
    );
  }
  if (org && !/^[a-z0-9][a-z0-9_-]*$/i.test(org)) {
    read.problems.push(`SENTRY_ORG is "${org}": expected an organization slug such as acme (letters, digits, - and _)`);
  }
  return { url, clientSecret, clientId: read.get('SENTRY_CLIENT_ID'), authToken, org };
}

/** PostgreSQL when DATABASE_URL is set, else SQLite in FAULTLINE_DATA_DIR (default `.faultline`). */
function readStorage(read: EnvReader, cwd: string): StorageConfig {
  const databaseUrl = read.get('DATABASE_URL');
  if (!databaseUrl) {
    return { kind: 'sqlite', file: sqliteFileIn(resolve(cwd, read.get('FAULTLINE_DATA_DIR') ?? '.faultline')) };
  }
  let ok = false;
  try {
    ok = ['postgres:', 'postgresql:'].includes(new URL(databaseUrl).protocol);
  } catch {
    // not a URL at all: reported below
  }
  if (!ok) {
    // The URL may embed a password: name the variable, not the value.
    read.problems.push('DATABASE_URL is not a postgres:// or postgresql:// URL: unset it to use SQLite, or fix it');
  }
  return { kind: 'postgres', databaseUrl };
}

function readLogging(read: EnvReader): Pick<AppConfig, 'logLevel' | 'logFormat'> {
  const logLevel = (read.get('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    read.problems.push(`LOG_LEVEL is "${logLevel}": expected one of ${LOG_LEVELS.join(', ')}`);
  }
  const logFormat = (read.get('LOG_FORMAT') ?? 'pretty').toLowerCase();
  if (logFormat !== 'json' && logFormat !== 'pretty') {
    read.problems.push(`LOG_FORMAT is "${logFormat}": expected json or pretty`);
  }
  return { logLevel: logLevel as AppConfig['logLevel'], logFormat: logFormat as AppConfig['logFormat'] };
}

function readWebhookProxyUrl(read: EnvReader): string | undefined {
  const url = read.get('WEBHOOK_PROXY_URL');
  if (url && !/^https?:\/\//.test(url)) {
    read.problems.push(`WEBHOOK_PROXY_URL is "${url}": expected an http(s) URL such as https://smee.io/abc123`);
  }
  return url;
}

function readMetrics(read: EnvReader): AppConfig['metrics'] {
  const port = read.get('METRICS_PORT') === undefined ? undefined : read.integer('METRICS_PORT', 9464, 0, 65_535);
  return { token: read.get('METRICS_TOKEN'), host: read.get('METRICS_HOST') ?? '127.0.0.1', port };
}

function sentryTarget(
  token: string | undefined,
  url: string | undefined,
  org: string | undefined,
  problems: string[],
): SentryTarget | undefined {
  try {
    return resolveSentryTarget({ ...(token ? { token } : {}), ...(url ? { url } : {}), ...(org ? { org } : {}) });
  } catch (error) {
    problems.push((error as Error).message);
    return undefined;
  }
}

/**
 * The environment with `.env` from `cwd` under it, as Probot reads it (Node's `.env` parser); a variable set in the
 * real environment wins over the file, as dotenv does. A missing file is no error.
 */
export function withDotEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): NodeJS.ProcessEnv {
  let text: string;
  try {
    text = readFileSync(join(cwd, '.env'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw error;
  }
  const merged: NodeJS.ProcessEnv = { ...parseEnv(text) };
  for (const [name, value] of Object.entries(env)) if (value !== undefined) merged[name] = value;
  return merged;
}

const PEM_BEGIN = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/**
 * Accepts the forms a private key gets pasted in (PEM, quoted, `\n`-escaped, base64) and returns the PEM; when it
 * cannot, names the format problem and the fix. `source` is the variable it came from.
 */
export function normalizePrivateKey(raw: string, source: string): { pem: string } | { problem: string } {
  let text = raw.trim();
  const quote = text[0];
  if ((quote === '"' || quote === "'") && text.length > 1 && text.endsWith(quote)) text = text.slice(1, -1).trim();
  text = text.replace(/\\r\\n|\\n/g, '\n');
  if (!PEM_BEGIN.test(text) && /^[A-Za-z0-9+/=\s]+$/.test(text)) {
    const decoded = Buffer.from(text, 'base64').toString('utf8');
    if (PEM_BEGIN.test(decoded)) text = decoded.trim();
  }
  if (text.startsWith('"') || text.startsWith("'")) {
    return {
      problem: `${source} starts with a quote but does not end with the same one (an env file holds one line per variable): remove the quotes around it in your env file and write newlines as \\n, or use PRIVATE_KEY_PATH`,
    };
  }
  if (!PEM_BEGIN.test(text)) {
    return {
      problem: `${source} does not hold a PEM private key (no "-----BEGIN … PRIVATE KEY-----" line): download the key from the App's settings page`,
    };
  }
  if (!/-----END [A-Z ]*PRIVATE KEY-----/.test(text)) {
    return {
      problem: `${source} has no "-----END … PRIVATE KEY-----" line: the key was cut off (an env file holds one line per variable: write newlines as \\n, or use PRIVATE_KEY_PATH)`,
    };
  }
  try {
    createPrivateKey(text);
  } catch {
    return {
      problem: `${source} holds a PEM block that does not parse as a private key: paste the whole .pem file unchanged, or use PRIVATE_KEY_PATH`,
    };
  }
  return { pem: `${text}\n` };
}
