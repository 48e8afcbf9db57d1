import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createBackend, type TestBackend } from '../../test/app/backends.ts';
import { memoryLog } from '../log.ts';
import type { SqlStore } from '../store/index.ts';
import { currentJobPriority, JOB_PRIORITY } from './priority.ts';
import { PermanentJobError } from './retry.ts';
import { JobRunner } from './runner.ts';

const fastBackoff = { baseMs: 1, maxMs: 5 };

async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

for (const backend of backends) {
  describe.skipIf(!backend.available)(`job runner on ${backend.name}`, () => {
    let b: TestBackend;
    let store: SqlStore;
    beforeAll(async () => {
      b = await createBackend(backend.name);
      store = await b.open();
    });
    afterAll(async () => {
      await store?.close();
      await b?.dispose();
    });

    it('runs each job once across several runners sharing the database', async () => {
      const seen = new Map<number, number>();
      const runners = [1, 2, 3].map((i) =>
        new JobRunner({ store, log: memoryLog(), concurrency: 4, pollMs: 5, workerId: `w${i}` }).register(
          'count',
          async (payload) => {
            const n = (payload as { n: number }).n;
            seen.set(n, (seen.get(n) ?? 0) + 1);
          },
        ),
      );
      for (let n = 0; n < 200; n++) await store.enqueueJob({ type: 'count', payload: { n } }, Date.now());
      for (const r of runners) r.start();
      await until(async () => (await store.listJobs({ type: 'count', state: 'done' })).length === 200);
      await Promise.all(runners.map((r) => r.stop()));
      expect(seen.size).toBe(200);
      expect([...seen.values()].every((count) => count === 1)).toBe(true);
    });

    it('runs a status change while a burst of blocked jobs holds every other worker slot', async () => {
      let release!: () => void;
      const blocked = new Promise<void>((r) => (release = r));
      const started: string[] = [];
      let priorityInHandler: number | undefined;
      const runner = new JobRunner({ store, log: memoryLog(), concurrency: 3, pollMs: 5 })
        .register('burst', async () => {
          started.push('burst');
          await blocked; // e.g. waiting for GitHub's content window
        })
        .register('close', async () => {
          started.push('close');
          priorityInHandler = currentJobPriority();
        });
      for (let i = 0; i < 10; i++) await runner.enqueue({ type: 'burst', payload: { i } });
      const close = await runner.enqueue({ type: 'close', payload: {}, priority: JOB_PRIORITY.status });
      runner.start();
      await until(async () => (await store.getJob(close))?.state === 'done');
      // Two burst jobs took the two normal slots; the third slot waited for the status change.
      expect(started.filter((s) => s === 'burst')).toHaveLength(2);
      expect(priorityInHandler).toBe(JOB_PRIORITY.status);
      release();
      await until(async () => (await store.listJobs({ type: 'burst', state: 'done' })).length === 10);
      await runner.stop();
    });

    it('retries a failing job with backoff and completes it', async () => {
      let calls = 0;
      const runner = new JobRunner({ store, log: memoryLog(), pollMs: 5, backoff: fastBackoff }).register(
        'flaky',
        async () => {
          calls++;
          if (calls < 3) throw new Error(`attempt ${calls} failed`);
        },
      );
      const id = await runner.enqueue({ type: 'flaky', payload: {} });
      runner.start();
      await until(async () => (await store.getJob(id))?.state === 'done');
      await runner.stop();
      expect(calls).toBe(3);
      expect(await store.getJob(id)).toMatchObject({ attempts: 3, lastError: 'Error: attempt 2 failed' });
    });

    it('dead-letters after maxAttempts, keeping and logging the last error', async () => {
      const log = memoryLog();
      const runner = new JobRunner({ store, log, pollMs: 5, backoff: fastBackoff }).register(
        'doomed',
        async (_p, ctx) => {
          ctx.describe({ requestId: 'req-1', sentryIssueId: '42' });
          throw new Error(`still broken on attempt ${ctx.attempt}`);
        },
      );
      const id = await runner.enqueue({ type: 'doomed', payload: {}, maxAttempts: 3 });
      runner.start();
      await until(async () => (await store.getJob(id))?.state === 'dead');
      await runner.stop();
      expect(await store.getJob(id)).toMatchObject({ attempts: 3, lastError: 'Error: still broken on attempt 3' });
      const line = log.lines.find((l) => l.message === 'job dead-lettered');
      // The runner's own lines about the job name the delivery it was for, as the handler described it.
      expect(line?.fields).toMatchObject({
        jobId: id,
        requestId: 'req-1',
        sentryIssueId: '42',
        lastError: 'Error: still broken on attempt 3',
      });
      const retries = log.lines.filter((l) => l.message === 'job failed; will retry');
      expect(retries.map((l) => (l.fields as { requestId?: string }).requestId)).toEqual(['req-1', 'req-1']);
    });

    it('dead-letters a PermanentJobError at once and an unknown job type after its attempts', async () => {
      const runner = new JobRunner({ store, log: memoryLog(), pollMs: 5, backoff: fastBackoff }).register(
        'bad-request',
        async () => {
          throw new PermanentJobError('Sentry answered 404 for issue 1: nothing to retry');
        },
      );
      const permanent = await runner.enqueue({ type: 'bad-request', payload: {} });
      const unknown = await runner.enqueue({ type: 'nobody-handles-this', payload: {}, maxAttempts: 2 });
      runner.start();
      await until(async () => (await store.getJob(unknown))?.state === 'dead');
      await runner.stop();
      expect(await store.getJob(permanent)).toMatchObject({ state: 'dead', attempts: 1 });
      expect((await store.getJob(unknown))?.lastError).toContain(
        'no handler is registered for job type "nobody-handles-this"',
      );
    });

    it('honours retryAfterMs from a rate-limited call', async () => {
      const runner = new JobRunner({ store, log: memoryLog(), pollMs: 5, backoff: fastBackoff }).register(
        'rate-limited',
        async () => {
          throw Object.assign(new Error('GitHub secondary rate limit'), { retryAfterMs: 60_000 });
        },
      );
      const id = await runner.enqueue({ type: 'rate-limited', payload: {} });
      const before = Date.now();
      await runner.drainOnce();
      const job = await store.getJob(id);
      expect(job?.state).toBe('queued');
      expect(job!.runAt - before).toBeGreaterThanOrEqual(60_000);
    });

    it('reclaims a job whose worker stopped heart-beating once the lease expires', async () => {
      const id = await store.enqueueJob({ type: 'orphan', payload: {} }, Date.now());
      const [claimed] = await store.claimJobs({ limit: 1, leaseMs: 50, workerId: 'dead-worker', now: Date.now() });
      expect(claimed?.id).toBe(id);
      expect(await store.claimJobs({ limit: 10, leaseMs: 50, workerId: 'other', now: Date.now() })).toEqual([]);
      let ran = 0;
      const runner = new JobRunner({ store, log: memoryLog(), pollMs: 5 }).register('orphan', async () => {
        ran++;
      });
      runner.start();
      await until(async () => (await store.getJob(id))?.state === 'done');
      await runner.stop();
      expect(ran).toBe(1);
      // The dead worker's late completion is refused: its lock token no longer holds.
      expect(await store.completeJob(id, claimed!.lockToken!, Date.now())).toBe(false);
    });

    it('dead-letters a job whose last attempt died with its worker, and logs it', async () => {
      const id = await store.enqueueJob({ type: 'last-try', payload: {}, maxAttempts: 1 }, Date.now());
      await store.claimJobs({ limit: 1, leaseMs: 20, workerId: 'doomed-worker', now: Date.now() });
      await new Promise((r) => setTimeout(r, 30));
      const log = memoryLog();
      let ran = 0;
      const runner = new JobRunner({ store, log }).register('last-try', async () => {
        ran++;
      });
      await runner.drainOnce();
      expect(ran).toBe(0);
      expect(await store.getJob(id)).toMatchObject({ state: 'dead', attempts: 1 });
      expect((await store.getJob(id))?.lastError).toContain('lease expired on the last attempt');
      expect(log.lines.find((l) => l.message === 'job dead-lettered')?.fields).toMatchObject({ jobId: id });
    });

    it('releases in-flight jobs at shutdown after the grace period, without counting the attempt', async () => {
      const runner = new JobRunner({ store, log: memoryLog(), pollMs: 5 }).register('slow', async (_p, ctx) => {
        await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
      });
      const id = await runner.enqueue({ type: 'slow', payload: {} });
      runner.start();
      await until(async () => (await store.getJob(id))?.state === 'running');
      await runner.stop(50);
      expect(await store.getJob(id)).toMatchObject({ state: 'queued', attempts: 0, lockToken: null });
    });

    it('names the jobs running past their lease', async () => {
      let release: () => void = () => {};
      const runner = new JobRunner({ store, log: memoryLog(), pollMs: 5, leaseMs: 100 }).register(
        'hung',
        () => new Promise<void>((resolve) => (release = resolve)),
      );
      const id = await runner.enqueue({ type: 'hung', payload: {} });
      runner.start();
      await until(async () => (await store.getJob(id))?.state === 'running');
      expect(runner.stuckJobs()).toEqual([]);
      await until(async () => runner.stuckJobs().length === 1);
      expect(runner.stuckJobs()[0]).toMatchObject({ id, type: 'hung' });
      release();
      await until(async () => (await store.getJob(id))?.state === 'done');
      expect(runner.stuckJobs()).toEqual([]);
      await runner.stop();
    });

    it('refuses a second handler for the same type', () => {
      const runner = new JobRunner({ store, log: memoryLog() }).register('once', async () => {});
      expect(() => runner.register('once', async () => {})).toThrow(/already registered/);
    });
  });
}
