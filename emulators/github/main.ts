/**
 * `npm run emulator -- github [--port N] [--host H] [--seed seed.json] [--html-url URL]
 * [--webhook-url URL --webhook-secret S] [--latency-ms N]`: starts the GitHub emulator and serves until killed.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startGitHubEmulator } from './server.ts';
import type { GitHubSeed } from './seed.ts';

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      'html-url': { type: 'string' },
      'webhook-url': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'latency-ms': { type: 'string', default: '0' },
    },
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer 0-65535, got ${JSON.stringify(values.port)}`);
  }
  if (Boolean(values['webhook-url']) !== Boolean(values['webhook-secret'])) {
    throw new Error('--webhook-url and --webhook-secret go together: the app URL and its GitHub webhook secret');
  }
  const latencyMs = Number(values['latency-ms']);
  if (!Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new Error(`--latency-ms must be a number of milliseconds ≥ 0, got ${JSON.stringify(values['latency-ms'])}`);
  }
  const seed = values.seed ? (JSON.parse(await readFile(values.seed, 'utf8')) as GitHubSeed) : undefined;
  const emulator = await startGitHubEmulator({
    port,
    host: values.host,
    latencyMs,
    ...(seed ? { seed } : {}),
    ...(values['html-url'] ? { htmlUrl: values['html-url'] } : {}),
    ...(values['webhook-url'] && values['webhook-secret']
      ? { webhooks: { url: values['webhook-url'], secret: values['webhook-secret'] } }
      : {}),
  });
  console.log(`github emulator listening on ${emulator.url}`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
