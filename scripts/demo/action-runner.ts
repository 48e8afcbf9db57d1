// Runs the bundled action (`node dist/index.js`) the way a GitHub runner does: inputs as INPUT_<NAME> variables,
// the GITHUB_* context, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files it appends to.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ActionRun {
  exitCode: number;
  outputs: Record<string, string>;
  summary: string;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The runner's name mangling: spaces become underscores, upper-cased; hyphens stay. */
export const inputVariable = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/** Parses a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
export function parseRunnerFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

export async function runBundledAction(opts: {
  node: string;
  entry: string;
  workspace: string;
  inputs: Record<string, string>;
  github: {
    repository: string;
    sha: string;
    ref: string;
    apiUrl: string;
    serverUrl: string;
    eventName?: string;
    /** More of the webhook payload (GITHUB_EVENT_PATH): `pull_request`, `repository.default_branch`… */
    event?: Record<string, unknown>;
  };
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<ActionRun> {
  const temp = await mkdtemp(join(opts.workspace, '..', 'runner-'));
  const outputFile = join(temp, 'output');
  const summaryFile = join(temp, 'summary');
  const eventFile = join(temp, 'event.json');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  await writeFile(eventFile, JSON.stringify({ after: opts.github.sha, ref: opts.github.ref, ...opts.github.event }));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? temp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: opts.workspace,
    GITHUB_REPOSITORY: opts.github.repository,
    GITHUB_REPOSITORY_OWNER: opts.github.repository.split('/')[0] ?? '',
    GITHUB_SHA: opts.github.sha,
    GITHUB_REF: opts.github.ref,
    GITHUB_REF_NAME: opts.github.ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_REF_TYPE: opts.github.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_EVENT_NAME: opts.github.eventName ?? 'push',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_API_URL: opts.github.apiUrl,
    GITHUB_SERVER_URL: opts.github.serverUrl,
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
    ...opts.env,
  };
  for (const [name, value] of Object.entries(opts.inputs)) env[inputVariable(name)] = value;
  const started = performance.now();
  const { exitCode, stdout, stderr } = await new Promise<{ exitCode: number; stdout: string; stderr: string }>(
    (resolve) => {
      execFile(
        opts.node,
        [opts.entry],
        { cwd: opts.workspace, env, timeout: opts.timeoutMs ?? 60_000, maxBuffer: 32 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ exitCode: code, stdout, stderr });
        },
      );
    },
  );
  return {
    exitCode,
    outputs: parseRunnerFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    stdout,
    stderr,
    ms: Math.round(performance.now() - started),
  };
}
