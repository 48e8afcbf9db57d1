import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { backends, createBackend, type TestBackend } from './backends.ts';
import { openEffects } from './effects.ts';
import { CLIENT_SECRET, signedHeaders, testPrivateKey, until } from './helpers.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function spawnApp(
  backend: TestBackend,
  extra: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', 'test/app/app-process.ts'], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH,
      APP_ID: '1',
      PRIVATE_KEY: testPrivateKey(),
      WEBHOOK_SECRET: 'gh-secret',
      SENTRY_CLIENT_SECRET: CLIENT_SECRET,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'error',
      FAULTLINE_WORKER_CONCURRENCY: '4',
      ...backend.env,
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /listening (\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) => reject(new Error(`app process exited with ${code} before listening`)));
  });
}

/** A distinct issue webhook body per n, as Sentry would send it. */
const issueBody = (n: number) =>
  JSON.stringify({
    action: 'created',
    installation: { uuid: 'inst-1' },
    data: { issue: { id: String(100_000 + n), shortId: `WEB-${n}`, title: `TypeError #${n}` } },
    actor: { type: 'application', id: 'sentry', name: 'Sentry' },
  });

/**
 * Sends one delivery as Sentry does: a 5xx is tried again (Sentry retries a 5xx up to 3 times; here without its
 * 5-minute pause), with fresh headers. Returns every status seen, the last one first.
 */
async function send(url: string, body: string): Promise<number[]> {
  const seen: number[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    const response = await fetch(`${url}/sentry/webhook`, {
      method: 'POST',
      headers: signedHeaders(body, 'issue'),
      body,
    });
    await response.arrayBuffer();
    seen.unshift(response.status);
    if (response.status < 500) break;
  }
  return seen;
}

for (const backend of backends) {
  describe.skipIf(!backend.available)(`several app processes on ${backend.name}`, () => {
    it('3 processes, 2,000 deliveries (half repeats, round-robin): each distinct delivery has its effect exactly once', async () => {
      const b = await createBackend(backend.name);
      const effects = await openEffects(b.env);
      // The three processes start together on an empty database: they race to apply the migrations.
      const apps = await Promise.all([0, 1, 2].map(() => spawnApp(b)));
      const store = await b.open();
      try {
        const sends: Array<{ url: string; body: string }> = [];
        for (let n = 0; n < 1_000; n++) sends.push({ url: '', body: issueBody(n) }, { url: '', body: issueBody(n) });
        sends.forEach((s, i) => {
          s.url = apps[i % 3]!.url; // the duplicate of each delivery goes to the next process
        });
        const statuses: number[] = [];
        const retried: number[] = [];
        let next = 0;
        await Promise.all(
          Array.from({ length: 24 }, async () => {
            while (next < sends.length) {
              const s = sends[next++]!;
              const [last, ...earlier] = await send(s.url, s.body);
              statuses.push(last!);
              retried.push(...earlier);
            }
          }),
        );
        // Under load (a busy CI machine) an answer may be a fast 503 that Sentry retries; none is lost for that.
        expect(statuses.filter((s) => s !== 202)).toEqual([]);
        expect(retried.filter((s) => s !== 503)).toEqual([]);
        await until(
          async () => (await effects.counts()).runs >= 1_000 && (await store.countJobs()).queued === 0,
          25_000,
        );
        await until(async () => (await store.countJobs()).running === 0, 5_000);
        expect(await store.countDeliveries()).toBe(1_000);
        // A repeat is coalesced while its delivery's job waits; once that job has started, the repeat is a trigger
        // of its own (app/intake/README.md) and runs once more. Never more than that, never a dead letter.
        const counts = await effects.counts();
        const jobs = await store.countJobs();
        // A re-armed job that starts after an earlier job already ran to the end finds nothing to do (no run).
        expect(jobs).toMatchObject({ queued: 0, running: 0, dead: 0 });
        expect(jobs.done).toBeGreaterThanOrEqual(counts.runs);
        expect(jobs.done).toBeLessThanOrEqual(2_000);
        expect(counts.effects).toBe(1_000);
        expect(counts.runs).toBeGreaterThanOrEqual(1_000);
        expect(counts.runs).toBeLessThanOrEqual(2_000);
        expect(counts.maxRunsPerDelivery).toBeLessThanOrEqual(2);
        expect(counts.pids).toBeGreaterThan(1); // the work really was shared
      } finally {
        await effects.close();
        await store.close();
        await b.dispose();
      }
    }, 90_000);

    it('kill -9 of a worker mid-batch: after a restart every job completes, no effect twice', async () => {
      const b = await createBackend(backend.name);
      const store = await b.open();
      const effects = await openEffects(b.env);
      const total = 300;
      try {
        for (let n = 0; n < total; n++) {
          const body = issueBody(n);
          await store.recordDelivery(
            {
              digest: `digest-${n}`,
              requestId: null,
              resource: 'issue',
              action: 'created',
              installationUuid: 'inst-1',
              status: 'accepted',
              body,
              receivedAt: Date.now(),
            },
            { type: 'sentry.webhook' },
          );
        }
        const slow = { TEST_HANDLER_DELAY_MS: '15', TEST_LEASE_MS: '1500' };
        const first = await spawnApp(b, slow);
        await until(async () => (await effects.counts()).effects >= 60);
        first.child.kill('SIGKILL');
        await new Promise((r) => first.child.once('exit', r));
        const midway = await store.countJobs();
        expect(midway.done).toBeLessThan(total);

        await spawnApp(b, slow);
        await until(async () => (await store.countJobs()).done === total, 60_000);
        const counts = await effects.counts();
        expect(counts.effects).toBe(total);
        // Only the handful in flight at the kill ran again (at most the worker concurrency), and the idempotent
        // handler left a single effect for them.
        expect(counts.runs - total).toBeLessThanOrEqual(4);
        expect(counts.maxRunsPerDelivery).toBeLessThanOrEqual(2);
        const jobs = await store.listJobs();
        expect(jobs.every((j) => j.state === 'done' && j.attempts <= 2)).toBe(true);
      } finally {
        await effects.close();
        await store.close();
        await b.dispose();
      }
    }, 90_000);
  });
}
