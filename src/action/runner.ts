/**
 * How a JavaScript action talks to the GitHub Actions runner, as GitHub documents it (docs.github.com: "Workflow
 * commands for GitHub Actions" and its "Environment files" section): inputs arrive as `INPUT_<NAME>` variables,
 * log groups, annotations and secret masks are `::command::value` lines on stdout, outputs and the job summary are
 * appended to the files named by `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY`, and a failed step exits non-zero.
 * Our own few lines instead of @actions/core, whose HTTP client (a second copy of undici) the action would load
 * before its first request to Sentry.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { EOL } from 'node:os';

export interface Runner {
  /** The input's value, trimmed; '' when not given. */
  input(name: string): string;
  /** Masks `value` in every later log line. */
  mask(value: string): void;
  info(line: string): void;
  debug(line: string): void;
  notice(line: string): void;
  warning(line: string): void;
  /** Logs an error annotation and makes the step fail. */
  fail(message: string): void;
  /** True when the workflow runs with debug logging (`RUNNER_DEBUG=1`). */
  isDebug(): boolean;
  /** Runs `fn` with its log lines folded under `name`. */
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  /** Appends markdown to the job summary; false when the runner gives no summary file. */
  appendSummary(markdown: string): Promise<boolean>;
}

/** `%`, CR and LF would end or corrupt a command: the runner decodes these escapes. */
export function escapeCommandValue(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** `INPUT_` + the name in capitals with spaces as underscores (hyphens stay), as the runner sets it. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * A `name<<DELIMITER` block for an environment file: works for any value, the delimiter being random and checked
 * not to occur in it.
 */
export function environmentFileEntry(
  name: string,
  value: string,
  makeDelimiter = () => `ghadelimiter_${randomUUID()}`,
): string {
  let delimiter = makeDelimiter();
  while (name.includes(delimiter) || value.includes(delimiter)) delimiter = makeDelimiter();
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

export function processRunner(
  env: NodeJS.ProcessEnv = process.env,
  write: (text: string) => void = (text) => process.stdout.write(text),
): Runner {
  const command = (name: string, value: string) => write(`::${name}::${escapeCommandValue(value)}${EOL}`);
  return {
    input: (name) => (env[inputVariable(name)] ?? '').trim(),
    mask: (value) => command('add-mask', value),
    info: (line) => write(`${line}${EOL}`),
    debug: (line) => command('debug', line),
    notice: (line) => command('notice', line),
    warning: (line) => command('warning', line),
    fail: (message) => {
      process.exitCode = 1;
      command('error', message);
    },
    isDebug: () => env.RUNNER_DEBUG === '1',
    group: async (name, fn) => {
      command('group', name);
      try {
        return await fn();
      } finally {
        command('endgroup', '');
      }
    },
    setOutput: (name, value) => {
      // Without an output file (a local run) there is nowhere to put it; the runner has had one since 2022.
      if (env.GITHUB_OUTPUT) appendFileSync(env.GITHUB_OUTPUT, environmentFileEntry(name, value), 'utf8');
    },
    appendSummary: async (markdown) => {
      if (!env.GITHUB_STEP_SUMMARY) return false;
      await appendFile(env.GITHUB_STEP_SUMMARY, markdown, 'utf8');
      return true;
    },
  };
}
