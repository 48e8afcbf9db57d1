/** What a CLI command gets from the process: the environment, the directory, and two line printers. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout(line: string): void;
  stderr(line: string): void;
}

export function processIo(): CliIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  };
}
