// `npm run bench -- intake [--rate 200] [--duration 20] [--connections 10] [--backend sqlite|postgres|both]`
// Starts the real app (app/main.ts) as a child process, sends freshly signed Sentry webhooks (every body distinct,
// so each is a new delivery + job) at a fixed rate with autocannon, and prints ack latency p50/p99, throughput,
// errors, and the app's resident memory at idle and under load. PostgreSQL runs when DATABASE_URL is set.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SECRET = `bench-${randomBytes(8).toString('hex')}`;

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rate: { type: 'string', default: '200' },
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '10' },
      backend: { type: 'string', default: 'both' },
    },
  });
  const rate = Number(values.rate);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const wanted = values.backend === 'both' ? ['sqlite', 'postgres'] : [values.backend];
  const rows: string[] = [];
  console.log(
    `intake benchmark: ${rate} signed webhooks/s for ${duration} s, ${connections} connections, node ${process.version}`,
  );
  for (const backend of wanted) {
    if (backend === 'postgres' && !process.env.DATABASE_URL) {
      console.log('postgres: skipped (DATABASE_URL is not set)');
      continue;
    }
    rows.push(await runOne(backend as 'sqlite' | 'postgres', rate, duration, connections));
  }
  console.log('');
  console.log('backend   | p50 ms | p99 ms | max ms | req/s  | 2xx    | errors | RSS idle | RSS load (max)');
  for (const row of rows) console.log(row);
}

async function runOne(backend: 'sqlite' | 'postgres', rate: number, duration: number, connections: number) {
  const storage = await prepareStorage(backend);
  const app = await startApp(storage.env);
  try {
    await new Promise((r) => setTimeout(r, 2_000));
    const idle = rssMb(app.child.pid!);
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMb(app.child.pid!));
    }, 250);
    let n = 0;
    const run = randomBytes(4).toString('hex');
    const result = await autocannon({
      url: `${app.url}/sentry/webhook`,
      connections,
      overallRate: rate,
      duration,
      requests: [
        {
          method: 'POST',
          setupRequest: (request: Record<string, unknown>) => {
            const body = webhookBody(run, n++);
            return { ...request, body, headers: signedHeaders(body) };
          },
        },
      ],
    });
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(app.child.pid!));
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      `${backend}: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ` +
        `${result.requests.average} req/s, ${result['2xx']} accepted, ${errors} errors ` +
        `(${result.non2xx} non-2xx, ${result.timeouts} timeouts); RSS idle ${idle.toFixed(1)} MB, under load ${peak.toFixed(1)} MB`,
    );
    return [
      backend.padEnd(9),
      String(result.latency.p50).padStart(6),
      String(result.latency.p99).padStart(6),
      String(result.latency.max).padStart(6),
      String(result.requests.average).padStart(6),
      String(result['2xx']).padStart(6),
      String(errors).padStart(6),
      `${idle.toFixed(1)} MB`.padStart(8),
      `${peak.toFixed(1)} MB`.padStart(14),
    ].join(' | ');
  } finally {
    await app.stop();
    await storage.dispose();
  }
}

function webhookBody(run: string, n: number): string {
  return JSON.stringify({
    action: 'created',
    installation: { uuid: 'bench-installation' },
    data: {
      issue: {
        id: `${run}-${n}`,
        shortId: `WEB-${n}`,
        title: "TypeError: Cannot read properties of undefined (reading 'total')",
        culprit: 'renderInvoice(src/billing/invoice.ts)',
        level: 'error',
        status: 'unresolved',
        substatus: 'new',
        project: { id: '2', slug: 'web', name: 'web' },
        count: '1',
        userCount: 1,
      },
    },
    actor: { type: 'application', id: 'sentry', name: 'Sentry' },
  });
}

function signedHeaders(body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'request-id': randomBytes(16).toString('hex'),
    'sentry-hook-resource': 'issue',
    'sentry-hook-timestamp': String(Math.floor(Date.now() / 1000)),
    'sentry-hook-signature': createHmac('sha256', SECRET).update(body).digest('hex'),
  };
}

async function prepareStorage(
  backend: 'sqlite' | 'postgres',
): Promise<{ env: Record<string, string>; dispose(): Promise<void> }> {
  if (backend === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-bench-'));
    return { env: { FAULTLINE_DATA_DIR: dir }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.DATABASE_URL!;
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: url.toString() },
    dispose: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

async function startApp(
  storageEnv: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; stop(): Promise<void> }> {
  const privateKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    type: 'pkcs1',
    format: 'pem',
  });
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', 'app/main.ts'], {
    env: {
      PATH: process.env.PATH,
      APP_ID: '1',
      PRIVATE_KEY: String(privateKey),
      WEBHOOK_SECRET: 'bench-github-secret',
      SENTRY_CLIENT_SECRET: SECRET,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      ...storageEnv,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk;
      const match = /faultline listening on (http:\/\/[^\s"]+)/.exec(out);
      if (match) {
        // Past start-up, per-request info lines would only measure the terminal: stop reading them.
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`app exited with ${code} before listening`)));
  });
  return {
    child,
    url,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
