// sentry-cli's configuration files, read as sentry-cli reads them (src/config.rs in getsentry/sentry-cli): the
// global ~/.sentryclirc (else <config dir>/sentry/sentrycli.ini), overlaid by the nearest .sentryclirc (or
// sentrycli.ini) from the current directory upwards, overlaid by the Java-style properties file that
// SENTRY_PROPERTIES names (sentry.properties, keys like `defaults.url`). Their values are defaults: the SENTRY_*
// variables win over them, and flags win over both.
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CliIo } from './io.ts';

/** section → key → value; keys outside any section sit in section ''. */
export type ConfigValues = Map<string, Map<string, string>>;

/** The settings faultline takes from the files, under the variable each one stands in for. */
const SETTINGS: Array<{ section: string; key: string; variable: string }> = [
  { section: 'defaults', key: 'url', variable: 'SENTRY_URL' },
  { section: 'defaults', key: 'org', variable: 'SENTRY_ORG' },
  { section: 'defaults', key: 'project', variable: 'SENTRY_PROJECT' },
  { section: 'auth', key: 'token', variable: 'SENTRY_AUTH_TOKEN' },
  { section: 'log', key: 'level', variable: 'SENTRY_LOG_LEVEL' },
];

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigFileError extends Error {
  override name = 'ConfigFileError';
}

function set(values: ConfigValues, section: string, key: string, value: string): void {
  let keys = values.get(section);
  if (!keys) values.set(section, (keys = new Map()));
  keys.set(key, value);
}

const unquote = (v: string) => (/^"(.*)"$/.test(v) || /^'(.*)'$/.test(v) ? v.slice(1, -1) : v);

/** An INI file (.sentryclirc): `[section]`, `key = value` (or `key: value`), `;` and `#` comments, CRLF or LF. */
export function parseIni(text: string): ConfigValues {
  const values: ConfigValues = new Map();
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith(';') || line.startsWith('#')) continue;
    const header = /^\[([^\]]*)\]$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      continue;
    }
    const sep = line.search(/[=:]/);
    if (sep <= 0) continue;
    set(values, section, line.slice(0, sep).trim(), unquote(line.slice(sep + 1).trim()));
  }
  return values;
}

/**
 * A Java properties file (sentry.properties): `section.key=value` (also `:` or a space), `#` and `!` comments, a
 * trailing backslash continues the line. The key's last dot splits section from key, as sentry-cli splits it.
 */
export function parseProperties(text: string): ConfigValues {
  const values: ConfigValues = new Map();
  const lines = text.replace(/\\\r?\n[ \t\f]*/g, '').split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.replace(/^[ \t\f]+/, '');
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    const match = /^((?:\\.|[^=:\s\\])+)[ \t\f]*[=:\s]?[ \t\f]*(.*)$/.exec(line);
    if (!match) continue;
    const fullKey = match[1]!.replace(/\\(.)/g, '$1');
    const dot = fullKey.lastIndexOf('.');
    const section = dot < 0 ? '' : fullKey.slice(0, dot);
    set(values, section, fullKey.slice(dot + 1), match[2]!.replace(/\\(.)/g, '$1').trimEnd());
  }
  return values;
}

function overlay(base: ConfigValues, top: ConfigValues): ConfigValues {
  for (const [section, keys] of top) for (const [key, value] of keys) set(base, section, key, value);
  return base;
}

/** The settings in the merged files, under their variable names. */
export function settingsFrom(values: ConfigValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { section, key, variable } of SETTINGS) {
    const value = values.get(section)?.get(key)?.trim();
    if (value) out[variable] = value;
  }
  return out;
}

type Env = Record<string, string | undefined>;
type Read = (path: string) => Promise<string | undefined>;

const readIfThere: Read = async (path) => {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'EISDIR')
      return undefined;
    throw new ConfigFileError(`cannot read ${path}: ${(error as Error).message}`);
  }
};

/** The user's config directory as sentry-cli's `dirs::config_dir` finds it. */
function configDir(env: Env, home: string | undefined): string | undefined {
  if (env.APPDATA) return env.APPDATA;
  if (env.XDG_CONFIG_HOME) return env.XDG_CONFIG_HOME;
  return home ? join(home, '.config') : undefined;
}

export interface LoadedConfig {
  /** SENTRY_* name → value, from every file found (later files win). */
  settings: Record<string, string>;
  /** The files read, in the order they were applied. */
  files: string[];
}

/** Reads the files sentry-cli would read for a run in `cwd`. */
export async function loadSentryCliConfig(cwd: string, env: Env, read: Read = readIfThere): Promise<LoadedConfig> {
  const values: ConfigValues = new Map();
  const files: string[] = [];
  const apply = async (path: string, parse: (text: string) => ConfigValues): Promise<boolean> => {
    const text = await read(path);
    if (text === undefined) return false;
    overlay(values, parse(text));
    files.push(path);
    return true;
  };

  const home = env.HOME || env.USERPROFILE || undefined;
  const globalDir = configDir(env, home);
  if (!(home && (await apply(join(home, '.sentryclirc'), parseIni))) && globalDir) {
    await apply(join(globalDir, 'sentry', 'sentrycli.ini'), parseIni);
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (dir !== home && (await apply(join(dir, '.sentryclirc'), parseIni))) break;
    if (dir !== home && (await apply(join(dir, 'sentrycli.ini'), parseIni))) break;
    if (dirname(dir) === dir) break;
  }
  const properties = env.SENTRY_PROPERTIES?.trim();
  if (properties && !(await apply(resolve(cwd, properties), parseProperties))) {
    throw new ConfigFileError(`SENTRY_PROPERTIES names ${properties}, which does not exist`);
  }
  return { settings: settingsFrom(values), files };
}

/** The global `--log-level LEVEL` flag (anywhere in argv, as sentry-cli takes it), taken out of argv. */
export function takeLogLevel(argv: string[]): { argv: string[]; level?: string } {
  const rest: string[] = [];
  let level: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--log-level') level = argv[++i] ?? '';
    else if (arg.startsWith('--log-level=')) level = arg.slice('--log-level='.length);
    else rest.push(arg);
  }
  return { argv: rest, ...(level !== undefined ? { level } : {}) };
}

export function parseLogLevel(value: string | undefined, setting: string): LogLevel | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const level = value.trim().toLowerCase();
  if ((LOG_LEVELS as readonly string[]).includes(level)) return level as LogLevel;
  throw new ConfigFileError(`${setting} is "${value}": use one of ${LOG_LEVELS.join(', ')}`);
}

/**
 * The io a command runs with: the config files' values as SENTRY_* defaults (variables already set win) and
 * `--log-level` as SENTRY_LOG_LEVEL (the flag wins over both).
 */
export async function withSentryCliConfig(argv: string[], io: CliIo): Promise<{ argv: string[]; io: CliIo }> {
  const taken = takeLogLevel(argv);
  if (taken.level !== undefined) parseLogLevel(taken.level || 'missing', '--log-level');
  const { settings } = await loadSentryCliConfig(io.cwd, io.env);
  const env: NodeJS.ProcessEnv = { ...io.env };
  for (const [name, value] of Object.entries(settings)) if (!env[name]?.trim()) env[name] = value;
  if (taken.level) env.SENTRY_LOG_LEVEL = taken.level;
  const source = taken.level ? '--log-level' : io.env.SENTRY_LOG_LEVEL?.trim() ? 'SENTRY_LOG_LEVEL' : '[log] level';
  parseLogLevel(env.SENTRY_LOG_LEVEL, source);
  return { argv: taken.argv, io: { ...io, env } };
}
