/** What a CLI command gets from the process: the environment, the directory, and two line printers. */
import { redactSecret } from '../sentry/redact.ts';

export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout(line: string): void;
  stderr(line: string): void;
  /** Replaces the current line of stderr; only when stderr is a terminal. */
  redraw?(text: string): void;
  /** Masks `secret` in every later line (a credential read from a config file, say). */
  mask?(secret: string): void;
}

export function processIo(): CliIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    ...(process.stderr.isTTY ? { redraw: (text: string) => process.stderr.write(`\r\x1b[2K${text}`) } : {}),
  };
}

/** Where upload progress goes: a redrawn line on a terminal, else a line on stderr every few seconds. */
export function progressOutput(io: CliIo): { line(text: string): void; redraw?(text: string): void } {
  return { line: (text) => io.stderr(text), ...(io.redraw ? { redraw: (text: string) => io.redraw!(text) } : {}) };
}

/** Environment variables that hold credentials. */
const SECRET_VARIABLES = ['SENTRY_AUTH_TOKEN', 'GITHUB_TOKEN', 'SENTRY_CLIENT_SECRET'] as const;
/** Flags that take a credential as their value. */
const SECRET_FLAGS = ['--auth-token', '--github-token'] as const;
/** Shorter values would blank out ordinary words; no real credential is that short. */
const MIN_SECRET_LENGTH = 6;

/** The credentials a run knows from its flags and environment, with the secret part of an org token on its own. */
export function knownSecrets(argv: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const values: string[] = SECRET_VARIABLES.map((name) => env[name] ?? '');
  argv.forEach((arg, i) => {
    for (const flag of SECRET_FLAGS) {
      if (arg === flag) values.push(argv[i + 1] ?? '');
      else if (arg.startsWith(`${flag}=`)) values.push(arg.slice(flag.length + 1));
    }
  });
  return values.flatMap(secretParts);
}

/** A token, and for `sntrys_<claims>_<secret>` the secret on its own (the claims are not secret). */
function secretParts(value: string): string[] {
  const token = value.trim();
  if (token.length < MIN_SECRET_LENGTH) return [];
  const orgSecret = token.startsWith('sntrys_') ? token.split('_')[2] : undefined;
  return orgSecret && orgSecret.length >= MIN_SECRET_LENGTH ? [token, orgSecret] : [token];
}

/** `io` whose every line has each known credential (and any bearer or Sentry token) replaced by [redacted]. */
export function maskedIo(io: CliIo, secrets: readonly string[]): CliIo {
  // Longest first, so a whole token is masked before a part of it.
  const masked = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  const clean = (line: string) => masked.reduce((out, secret) => redactSecret(out, secret), redactSecret(line, ''));
  return {
    ...io,
    stdout: (line) => io.stdout(clean(line)),
    stderr: (line) => io.stderr(clean(line)),
    ...(io.redraw ? { redraw: (text: string) => io.redraw!(clean(text)) } : {}),
    mask: (secret) => {
      for (const part of secretParts(secret)) if (!masked.includes(part)) masked.push(part);
      masked.sort((a, b) => b.length - a.length);
    },
  };
}
