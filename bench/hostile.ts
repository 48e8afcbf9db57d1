// `npm run bench -- hostile [--poll-ms 20]`: the adversarial events of a hostile or very large customer, sent
// through the real path (Sentry emulator's signed webhook → app → GitHub emulator) while a client polls /healthz.
// Prints the worst /healthz latency (target < 100 ms), the peak RSS of this process (app, emulators and client
// share it) and, per event, the time until its GitHub issue exists. The app runs in process on SQLite.
import { request } from 'node:http';
import { parseArgs } from 'node:util';
import { signedHeaders } from '../test/app/helpers.ts';
import { alertData, INSTALLATION, startWorld, type World } from '../test/triage/world.ts';

const HEALTHZ_TARGET_MS = 100;

interface Hostile {
  name: string;
  issueId: string;
  extra: object;
}

// JSON.stringify cannot write 5,000 levels on a default stack (nor can the emulator's sender): the deep value is a
// placeholder in the object, replaced by its JSON text in the body, which is then signed and posted directly.
const DEEP = '__bench_deep_5000__';
const deepJson = (levels: number) => `${'{"next":'.repeat(levels)}{"leaf":"bottom"}${'}'.repeat(levels)}`;

const breadcrumb = (i: number) => ({
  category: 'http',
  level: 'info',
  timestamp: 1790842357 + i,
  message: `GET /api/items/${i} ${'x'.repeat(200)}`,
  data: { url: `/api/items/${i}`, status_code: 200 },
});

const exception = (value: string) => ({
  values: [
    {
      type: 'Error',
      value,
      stacktrace: { frames: [{ abs_path: 'app:///src/a.ts', function: 'f', lineno: 1, in_app: true }] },
    },
  ],
});

const HOSTILE: Hostile[] = [
  { name: '200 KB message', issueId: '880001', extra: { exception: exception(`a@a.a@${'a@a.a@1=2'.repeat(22_000)}`) } },
  {
    name: '1,000 breadcrumbs',
    issueId: '880002',
    extra: { breadcrumbs: { values: Array.from({ length: 1_000 }, (_, i) => breadcrumb(i)) } },
  },
  {
    name: '5,000-deep nesting',
    issueId: '880003',
    extra: { breadcrumbs: { values: [{ ...breadcrumb(0), data: DEEP }] }, extra: DEEP },
  },
];

/** Polls /healthz back to back; a poll that waits behind a blocked event loop shows as its latency. */
function pollHealth(
  url: string,
  everyMs: number,
): { stop(): Promise<{ worst: number; polls: number; failures: number }> } {
  let running = true;
  let worst = 0;
  let polls = 0;
  let failures = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        if (!response.ok) failures++;
      } catch {
        failures++;
      }
      worst = Math.max(worst, performance.now() - started);
      polls++;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { worst, polls, failures };
    },
  };
}

/** 100 MB to /api/github/webhooks without a signature, streamed; resolves at the app's answer. */
function unsignedGitHubPost(url: string, bytes: number): Promise<{ status: number | undefined; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(`${url}/api/github/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': 'bench' },
    });
    const chunk = Buffer.alloc(256 * 1024, '{"a":1}');
    let sent = 0;
    let answered = false;
    const pump = () => {
      while (!answered && sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode, ms: performance.now() - started });
      req.destroy();
    });
    req.on('error', () => {
      if (!answered) resolve({ status: undefined, ms: performance.now() - started });
    });
    pump();
  });
}

/** A Sentry webhook as Sentry signs it, with the deep placeholder expanded. */
async function sendSigned(world: World, resource: string, action: string, data: object): Promise<number> {
  const envelope = {
    action,
    installation: { uuid: INSTALLATION },
    data,
    actor: { type: 'application', id: 'sentry', name: 'Sentry' },
  };
  const body = JSON.stringify(envelope).replaceAll(`"${DEEP}"`, deepJson(5_000));
  const headers = signedHeaders(body, resource, { secret: world.sentry.clientSecret });
  const response = await fetch(`${world.app.url}/sentry/webhook`, { method: 'POST', headers, body });
  await response.arrayBuffer();
  return response.status;
}

async function timeUntilIssue(
  world: World,
  issueId: string,
  started: number,
  timeoutMs = 120_000,
): Promise<number | undefined> {
  while (performance.now() - started < timeoutMs) {
    if (world.issues().some((i) => (i.body ?? '').includes(`faultline:sentry-issue:${issueId} `))) {
      return performance.now() - started;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { 'poll-ms': { type: 'string', default: '20' } } });
  const world = await startWorld();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const idleRss = process.memoryUsage().rss;
  try {
    console.log(`hostile benchmark: node ${process.version}, /healthz polled every ${values['poll-ms']} ms`);
    const health = pollHealth(world.app.url, Number(values['poll-ms']));
    const rows: Array<[string, string, string]> = [];
    const pending = HOSTILE.map(async (event, n) => {
      const started = performance.now();
      const data = alertData({ issueId: event.issueId, eventId: String(n + 1).repeat(32), extra: event.extra });
      const status = await sendSigned(world, 'event_alert', 'triggered', data);
      const ms = await timeUntilIssue(world, event.issueId, started);
      rows[n] = [event.name, String(status), ms === undefined ? 'never (120 s)' : `${(ms / 1000).toFixed(2)} s`];
    });
    const post = await unsignedGitHubPost(world.app.url, 100 * 1024 * 1024);
    await Promise.all(pending);
    const { worst, polls, failures } = await health.stop();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);

    console.log('');
    console.log('event                          | webhook | issue exists after');
    for (const [name, status, time] of rows) console.log(`${name.padEnd(30)} | ${status.padStart(7)} | ${time}`);
    console.log(
      `${'100 MB unsigned GitHub POST'.padEnd(30)} | ${String(post.status ?? 'reset').padStart(7)} | answered in ${post.ms.toFixed(0)} ms (no issue expected)`,
    );
    console.log('');
    const verdict = worst < HEALTHZ_TARGET_MS ? 'within' : 'OVER';
    console.log(
      `/healthz: worst ${worst.toFixed(1)} ms over ${polls} polls (${failures} failed), ${verdict} the ${HEALTHZ_TARGET_MS} ms target`,
    );
    // Why an event has no issue: the jobs that failed or were given up, with their last error.
    const jobs = [
      ...(await world.app.deps.store.listJobs({ state: 'dead' })),
      ...(await world.app.deps.store.listJobs()),
    ];
    for (const job of jobs.filter((j) => j.lastError)) {
      console.log(
        `job ${job.id} (${job.type}, ${job.state}, ${job.attempts} attempts): ${job.lastError!.slice(0, 300)}`,
      );
    }
    console.log(
      `RSS: idle ${(idleRss / 2 ** 20).toFixed(1)} MB, peak ${(peakRss / 2 ** 20).toFixed(1)} MB (app, emulators and client in one process)`,
    );
  } finally {
    clearInterval(sampler);
    await world.close();
  }
}
