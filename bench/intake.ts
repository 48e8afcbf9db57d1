// `npm run bench -- intake [--rate 1000] [--duration 15] [--connections 25] [--backend sqlite|postgres|both]`
// Starts the real app (app/main.ts) as a child process and sends it freshly signed Sentry webhooks (every body
// distinct, so each is a new delivery + job) at a fixed rate with autocannon from this process: the load generator
// never shares the app's process or event loop. Prints, per backend: the rate answered, the ack latency of the
// accepted (2xx) and of the refused-because-busy (503) answers separately, answers later than Sentry's 1 s timeout,
// the app's CPU time per answer, and its resident memory at idle and under load. PostgreSQL runs when DATABASE_URL
// is set. autocannon spends each connection's share of the rate as fast as it can at the start of every second, one
// request at a time, so `--connections` is how many requests wait at once: the ack latency is about that many times
// the app's time per request, and too few connections cannot ask for the rate at all (10 connections at 1,000/s need
// answers within 10 ms). An overload run wants many (e.g. `--rate 3000 --connections 300`), fewer than the server's
// listen backlog (Node's default, 511).
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

interface AutocannonResult {
  errors: number;
  timeouts: number;
  duration: number;
}
/** The run's tracker: a promise of the result that also emits each answer. */
type AutocannonRun = Promise<AutocannonResult> & {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};
type Autocannon = (opts: Record<string, unknown>) => AutocannonRun;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const SECRET = `bench-${randomBytes(8).toString('hex')}`;
/** Sentry gives up on a webhook after 1 s: a later answer counts as a failed delivery. */
const SENTRY_TIMEOUT_MS = 1_000;

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rate: { type: 'string', default: '1000' },
      duration: { type: 'string', default: '15' },
      connections: { type: 'string', default: '25' },
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
  console.log(
    'backend  | asked/s | answered/s | 2xx    | 2xx p50 | 2xx p99 | 2xx max | 503    | 503 p50 | 503 p99 | ' +
      'late >1s | errors | CPU/answer | RSS idle | RSS load (max)',
  );
  for (const row of rows) console.log(row);
}

/** Latencies of one kind of answer, in ms. */
class Answers {
  readonly ms: number[] = [];
  add(ms: number): void {
    this.ms.push(ms);
  }
  percentile(p: number): string {
    if (this.ms.length === 0) return '-';
    const sorted = [...this.ms].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(0);
  }
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
    const cpuBefore = cpuMs(app.child.pid!);
    const generatorBefore = process.cpuUsage();
    const load = autocannon({
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
    const accepted = new Answers();
    const busy = new Answers();
    let other = 0;
    let late = 0;
    load.on('response', (_client, status, _bytes, ms) => {
      if (ms > SENTRY_TIMEOUT_MS) late++;
      if (status >= 200 && status < 300) accepted.add(ms);
      else if (status === 503) busy.add(ms);
      else other++;
    });
    const result = await load;
    const cpu = cpuMs(app.child.pid!) - cpuBefore;
    const generator = process.cpuUsage(generatorBefore);
    // A busy generator answers its own sockets late: its latencies then include its own wait.
    const generatorShare = (generator.user + generator.system) / 1000 / (result.duration * 1000);
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(app.child.pid!));
    const answered = accepted.ms.length + busy.ms.length + other;
    const errors = result.errors + other;
    const perAnswer = answered ? cpu / answered : 0;
    console.log(
      `${backend}: asked ${rate}/s, answered ${(answered / result.duration).toFixed(0)}/s; ` +
        `2xx ${accepted.ms.length} (p50 ${accepted.percentile(50)} ms, p99 ${accepted.percentile(99)} ms); ` +
        `503 ${busy.ms.length} (p50 ${busy.percentile(50)} ms, p99 ${busy.percentile(99)} ms); ` +
        `${late} later than 1 s; ${errors} errors (${other} other statuses, ${result.timeouts} timeouts); ` +
        `app CPU ${perAnswer.toFixed(2)} ms/answer; RSS idle ${idle.toFixed(1)} MB, under load ${peak.toFixed(1)} MB; ` +
        `load generator (this process) used ${(generatorShare * 100).toFixed(0)} % of a core`,
    );
    return [
      backend.padEnd(8),
      String(rate).padStart(7),
      (answered / result.duration).toFixed(0).padStart(10),
      String(accepted.ms.length).padStart(6),
      accepted.percentile(50).padStart(7),
      accepted.percentile(99).padStart(7),
      accepted.percentile(100).padStart(7),
      String(busy.ms.length).padStart(6),
      busy.percentile(50).padStart(7),
      busy.percentile(99).padStart(7),
      String(late).padStart(8),
      String(errors).padStart(6),
      `${perAnswer.toFixed(2)} ms`.padStart(10),
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

/** User + system CPU time the process has used so far (Linux clock ticks are 1/100 s). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
