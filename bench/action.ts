// `npm run bench -- action [--runs N] [--dist DIR]`: how fast the bundled action starts and finishes a small release (create,
// finalize, deploy; no commits, no maps) against the Sentry emulator, run as the Actions runner runs it. A timing
// proxy in front of the emulator notes when each run's first request arrives. The same release with sentry-cli
// (what getsentry/action-release runs: releases new, releases finalize, deploys new) is timed for the ratio.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSentryEmulator } from '../emulators/sentry/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const SENTRY_CLI = join(root, 'node_modules/.bin/sentry-cli');
const TOKEN = 'sntryu_' + '0123456789abcdef'.repeat(4);
const TARGET_FIRST_REQUEST_MS = 100;

/** `node -e` that sends one GET with node:http and exits: how soon any Node.js program can send its first request. */
const NODE_FLOOR_SCRIPT =
  "require('node:http').get(process.argv[1] + '/api/0/', (r) => { r.resume(); r.on('end', () => process.exit(0)); })";

interface Timing {
  firstRequestMs: number;
  completionMs: number;
}

/** Forwards every request to the emulator and remembers when the first one of the current run arrived. */
async function startTimingProxy(
  target: string,
): Promise<{ url: string; firstAt(): number | undefined; reset(): void; close(): Promise<void> }> {
  let first: number | undefined;
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    first ??= performance.now();
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    firstAt: () => first,
    reset: () => {
      first = undefined;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(0) : reject(new Error(`${command} exited ${code}:\n${output}`))));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { runs: { type: 'string', default: '10' }, dist: { type: 'string', default: join(root, 'dist') } },
  });
  const runs = Math.max(1, Number(values.runs));
  // --dist: a bundle built elsewhere (`node scripts/package.mjs --out DIR`), to measure it without replacing dist/.
  const ENTRY = join(resolve(values.dist), 'index.js');
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run \`npm run package\` first, or pass --dist`);

  const emulator = await startSentryEmulator({ token: TOKEN });
  const proxy = await startTimingProxy(emulator.url);
  const work = await mkdtemp(join(tmpdir(), 'faultline-bench-action-'));
  const baseEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: work };
  try {
    const action: Timing[] = [];
    for (let i = 0; i < runs; i++) {
      const output = join(work, `output-${i}`);
      const summary = join(work, `summary-${i}`);
      await writeFile(output, '');
      await writeFile(summary, '');
      const env: NodeJS.ProcessEnv = {
        ...baseEnv,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: work,
        GITHUB_REPOSITORY: 'acme/web',
        GITHUB_SHA: 'a'.repeat(40),
        GITHUB_REF: 'refs/heads/main',
        GITHUB_OUTPUT: output,
        GITHUB_STEP_SUMMARY: summary,
        SENTRY_AUTH_TOKEN: TOKEN,
        SENTRY_ORG: emulator.org,
        SENTRY_URL: proxy.url,
        INPUT_RELEASE: `bench-action-${i}`,
        INPUT_PROJECTS: 'web',
        INPUT_SET_COMMITS: 'skip',
        INPUT_ENVIRONMENT: 'production',
        INPUT_FINALIZE: 'true',
      };
      proxy.reset();
      const started = performance.now();
      await runProcess(process.execPath, [ENTRY], env, work);
      const done = performance.now();
      action.push({ firstRequestMs: (proxy.firstAt() ?? done) - started, completionMs: done - started });
    }

    // The floor on this machine: Node.js starting and sending one request with nothing else loaded.
    const floor: number[] = [];
    for (let i = 0; i < runs; i++) {
      proxy.reset();
      const started = performance.now();
      await runProcess(process.execPath, ['-e', NODE_FLOOR_SCRIPT, proxy.url], baseEnv, work);
      floor.push((proxy.firstAt() ?? performance.now()) - started);
    }

    const cli: Timing[] = [];
    const haveCli = existsSync(SENTRY_CLI);
    for (let i = 0; haveCli && i < runs; i++) {
      const version = `bench-cli-${i}`;
      const env: NodeJS.ProcessEnv = {
        ...baseEnv,
        SENTRY_AUTH_TOKEN: TOKEN,
        SENTRY_ORG: emulator.org,
        SENTRY_PROJECT: 'web',
        SENTRY_URL: proxy.url,
        SENTRY_DISABLE_UPDATE_CHECK: '1',
        SENTRY_NO_PROGRESS_BAR: '1',
      };
      proxy.reset();
      const started = performance.now();
      await runProcess(SENTRY_CLI, ['releases', 'new', version, '-p', 'web'], env, work);
      const first = proxy.firstAt();
      await runProcess(SENTRY_CLI, ['releases', 'finalize', version], env, work);
      await runProcess(SENTRY_CLI, ['deploys', 'new', '--release', version, '--env', 'production'], env, work);
      const done = performance.now();
      cli.push({ firstRequestMs: (first ?? done) - started, completionMs: done - started });
    }

    const firstMs = median(action.map((t) => t.firstRequestMs));
    const completeMs = median(action.map((t) => t.completionMs));
    const size = statSync(ENTRY).size;
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    console.log(
      `action: node ${ENTRY}, small release (create + finalize + deploy, no commits, no maps), median of ${runs} runs`,
    );
    console.log(
      `  time to first request   ${ms(firstMs).padStart(7)}  (target < ${TARGET_FIRST_REQUEST_MS} ms: ` +
        `${firstMs < TARGET_FIRST_REQUEST_MS ? 'met' : 'MISSED'})`,
    );
    console.log(`  time to completion      ${ms(completeMs).padStart(7)}`);
    const floorMs = median(floor);
    console.log(
      `  node alone, one request ${ms(floorMs).padStart(7)}  (node -e with node:http: the floor; faultline's own ` +
        `share ${ms(firstMs - floorMs)})`,
    );
    console.log(`  index.js size           ${(size / 1024 / 1024).toFixed(2)} MiB (${size} bytes)`);
    if (cli.length > 0) {
      const cliFirst = median(cli.map((t) => t.firstRequestMs));
      const cliComplete = median(cli.map((t) => t.completionMs));
      console.log(`sentry-cli (releases new + releases finalize + deploys new), median of ${runs} runs`);
      console.log(
        `  time to first request   ${ms(cliFirst).padStart(7)}  (${(cliFirst / firstMs).toFixed(2)}× faultline)`,
      );
      console.log(
        `  time to completion      ${ms(cliComplete).padStart(7)}  (${(cliComplete / completeMs).toFixed(2)}× faultline)`,
      );
      console.log('  (action-release adds a Docker pull or an npm install of @sentry/cli on top of this)');
    }
  } finally {
    await proxy.close();
    await emulator.close();
    await rm(work, { recursive: true, force: true });
  }
}
