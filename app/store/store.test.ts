import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createBackend, type TestBackend } from '../../test/app/backends.ts';
import { applyMigrations, latestMigration, migrations } from './migrations.ts';
import { type NewDelivery, SqlStore } from './index.ts';
import type { SqlDriver } from './sql.ts';

async function driverFor(b: TestBackend): Promise<SqlDriver> {
  const { SqliteDriver } = await import('./sqlite-driver.ts');
  const { PostgresDriver } = await import('./postgres-driver.ts');
  return b.config.kind === 'sqlite' ? new SqliteDriver(b.config.file) : new PostgresDriver(b.config.databaseUrl);
}

/** A database as an older faultline left it: the migrations up to `version` applied, the later ones not. */
async function applyUpTo(driver: SqlDriver, version: number): Promise<void> {
  await driver.query(
    'CREATE TABLE faultline_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
  );
  for (const migration of migrations[driver.dialect].filter((m) => m.version <= version)) {
    for (const statement of migration.sql.split(';').map((s) => s.trim())) if (statement) await driver.query(statement);
    await driver.query('INSERT INTO faultline_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
      migration.version,
      migration.name,
      0,
    ]);
  }
}

const delivery = (digest: string, overrides: Partial<NewDelivery> = {}): NewDelivery => ({
  digest,
  requestId: 'req-1',
  resource: 'issue',
  action: 'created',
  installationUuid: 'inst-1',
  status: 'accepted',
  body: '{"action":"created"}',
  receivedAt: 1_000,
  ...overrides,
});

for (const backend of backends) {
  describe.skipIf(!backend.available)(`store on ${backend.name}`, () => {
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

    it('applies migrations once and is idempotent on reopen', async () => {
      expect(await store.migrationVersion()).toBe(latestMigration(store.dialect));
      const again = await b.open();
      expect(await again.migrationVersion()).toBe(latestMigration(store.dialect));
      await again.close();
    });

    it('reports no pending migration to a second apply', async () => {
      const { SqliteDriver } = await import('./sqlite-driver.ts');
      const { PostgresDriver } = await import('./postgres-driver.ts');
      const driver =
        b.config.kind === 'sqlite' ? new SqliteDriver(b.config.file) : new PostgresDriver(b.config.databaseUrl);
      expect(await applyMigrations(driver)).toEqual([]);
      await driver.close();
    });

    it('renames triage_marks to marks on a database created before version 3, keeping its rows', async () => {
      const old = await createBackend(backend.name);
      const driver = await driverFor(old);
      try {
        await applyUpTo(driver, 2);
        await driver.query(
          "INSERT INTO triage_marks (kind, mark_key, repo, value, created_at) VALUES ('sync-comment', 'c-1', 'o/r', '42', 5)",
        );
        expect(await applyMigrations(driver)).toEqual([3, 4, 5]);
        const migrated = new SqlStore(driver);
        expect(await migrated.getMark('sync-comment', 'c-1')).toEqual({
          kind: 'sync-comment',
          key: 'c-1',
          repo: 'o/r',
          value: '42',
          createdAt: 5,
        });
        expect(
          await migrated.putMarkOnce({ kind: 'sync-comment', key: 'c-1', repo: 'o/r', value: '43' }, 6),
        ).toMatchObject({ created: false, mark: { value: '42' } });
      } finally {
        await driver.close();
        await old.dispose();
      }
    });

    it('records a delivery and its job together, and a same-body delivery as a duplicate with no job', async () => {
      const first = await store.recordDelivery(delivery('d-1'), { type: 'sentry.webhook' });
      expect(first.duplicate).toBe(false);
      expect(first.jobId).not.toBeNull();
      const job = await store.getJob(first.jobId!);
      expect(job).toMatchObject({ type: 'sentry.webhook', state: 'queued', payload: { deliveryId: first.deliveryId } });

      const retry = await store.recordDelivery(delivery('d-1', { requestId: 'req-2' }), { type: 'sentry.webhook' });
      expect(retry).toEqual({ deliveryId: first.deliveryId, duplicate: true, jobId: null });
      expect((await store.listJobs({ type: 'sentry.webhook' })).length).toBe(1);
      expect((await store.getDelivery(first.deliveryId))?.requestId).toBe('req-1');
    });

    it('dedupes concurrent inserts of the same body to one delivery and one job', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.recordDelivery(delivery('d-race', { requestId: `r${i}` }), { type: 'race' }),
        ),
      );
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(await store.listJobs({ type: 'race' })).toHaveLength(1);
    });

    it('coalesces a repeat only until a job takes the delivery; later repeats re-arm it with a job of their own', async () => {
      const first = await store.recordDelivery(delivery('d-again'), { type: 'again' });
      expect((await store.recordDelivery(delivery('d-again'), { type: 'again' })).duplicate).toBe(true);

      expect(await store.takeDelivery(first.deliveryId, 2_000)).toMatchObject({ body: '{"action":"created"}' });
      const repeat = await store.recordDelivery(delivery('d-again', { requestId: 'req-3', receivedAt: 3_000 }), {
        type: 'again',
      });
      expect(repeat).toMatchObject({ deliveryId: first.deliveryId, duplicate: false });
      expect(repeat.jobId).not.toBeNull();
      expect(await store.listJobs({ type: 'again' })).toHaveLength(2);

      // The first job finishing does not drop the body the re-armed delivery's job still needs.
      await store.finishDelivery(first.deliveryId);
      expect(await store.getDelivery(first.deliveryId)).toMatchObject({
        requestId: 'req-3',
        body: '{"action":"created"}',
      });
      await store.takeDelivery(first.deliveryId, 4_000);
      await store.finishDelivery(first.deliveryId);
      expect((await store.getDelivery(first.deliveryId))?.body).toBe('');
    });

    it('records a batch in one go, each delivery as if sent one after the other', async () => {
      const taken = await store.recordDelivery(delivery('b-taken'), { type: 'batch' });
      await store.takeDelivery(taken.deliveryId, 2_000);
      const waiting = await store.recordDelivery(delivery('b-waiting'), { type: 'batch' });
      const job = { type: 'batch' };

      const results = await store.recordDeliveries([
        { delivery: delivery('b-new', { requestId: 'first' }), job },
        { delivery: delivery('b-new', { requestId: 'second' }), job },
        { delivery: delivery('b-ignored', { status: 'ignored', body: '' }) },
        { delivery: delivery('b-waiting', { requestId: 'again' }), job },
        { delivery: delivery('b-taken', { requestId: 'rearmed', receivedAt: 3_000 }), job: { ...job, priority: 10 } },
        { delivery: delivery('b-taken', { requestId: 'rearmed twice', receivedAt: 3_001 }), job },
      ]);

      const [fresh, repeat, ignored, duplicate, rearmed, rearmedRepeat] = results;
      expect(fresh).toMatchObject({ duplicate: false, jobId: expect.any(Number) });
      expect(repeat).toEqual({ deliveryId: fresh!.deliveryId, duplicate: true, jobId: null });
      expect(ignored).toMatchObject({ duplicate: false, jobId: null });
      expect(duplicate).toEqual({ deliveryId: waiting.deliveryId, duplicate: true, jobId: null });
      expect(rearmed).toMatchObject({ deliveryId: taken.deliveryId, duplicate: false, jobId: expect.any(Number) });
      expect(rearmedRepeat).toEqual({ deliveryId: taken.deliveryId, duplicate: true, jobId: null });

      expect(await store.getDelivery(fresh!.deliveryId)).toMatchObject({ requestId: 'first' });
      expect(await store.getDelivery(taken.deliveryId)).toMatchObject({ requestId: 'rearmed', receivedAt: 3_000 });
      expect(await store.getJob(fresh!.jobId!)).toMatchObject({ payload: { deliveryId: fresh!.deliveryId } });
      expect(await store.getJob(rearmed!.jobId!)).toMatchObject({
        payload: { deliveryId: taken.deliveryId },
        priority: 10,
      });
      // Jobs in arrival order: the batch's first delivery is claimed first.
      expect(fresh!.jobId!).toBeLessThan(rearmed!.jobId!);
      expect((await store.listJobs({ type: 'batch' })).length).toBe(4);
    });

    it('records nothing of a batch whose transaction fails', async () => {
      const before = await store.countDeliveries();
      const broken = { ...delivery('b-broken'), resource: null as unknown as string };
      await expect(
        store.recordDeliveries([{ delivery: delivery('b-lost'), job: { type: 'lost' } }, { delivery: broken }]),
      ).rejects.toThrow();
      expect(await store.countDeliveries()).toBe(before);
      expect(await store.listJobs({ type: 'lost' })).toEqual([]);
    });

    it('prunes deliveries older than the cut-off', async () => {
      await store.recordDelivery(delivery('old', { receivedAt: 10 }));
      await store.recordDelivery(delivery('new', { receivedAt: 10_000_000 }));
      expect(await store.pruneDeliveries(500)).toBeGreaterThanOrEqual(1);
      const again = await store.recordDelivery(delivery('old', { receivedAt: 10 }));
      expect(again.duplicate).toBe(false);
    });

    it('prunes finished jobs but keeps dead letters and pending work', async () => {
      const done = await store.enqueueJob({ type: 'prune', payload: {} }, 1);
      const dead = await store.enqueueJob({ type: 'prune', payload: {} }, 1);
      const pending = await store.enqueueJob({ type: 'prune', payload: {} }, 1);
      const claimed = await store.claimJobs({ limit: 2, leaseMs: 1_000, workerId: 'w', now: 2 });
      expect(claimed.map((j) => j.id)).toEqual([done, dead]);
      await store.completeJob(done, claimed[0]!.lockToken!, 3);
      await store.failJob(dead, claimed[1]!.lockToken!, 'boom', null, 3);
      expect(await store.pruneDoneJobs(10)).toBe(1);
      expect(await store.getJob(done)).toBeUndefined();
      expect((await store.getJob(dead))?.state).toBe('dead');
      expect((await store.getJob(pending))?.state).toBe('queued');
      await store.claimJobs({ limit: 10, leaseMs: 1_000, workerId: 'w', now: 4 }); // leave nothing due for later tests
    });

    it('claims a status change queued behind a burst first, and only priority work when asked', async () => {
      const burst = [];
      for (let i = 0; i < 5; i++) burst.push(await store.enqueueJob({ type: 'burst', payload: { i } }, 10));
      const close = await store.enqueueJob({ type: 'close', payload: {}, priority: 10 }, 11);
      const urgentOnly = await store.claimJobs({ limit: 5, leaseMs: 1_000, workerId: 'w', now: 12, minPriority: 10 });
      expect(urgentOnly.map((j) => [j.id, j.priority])).toEqual([[close, 10]]);
      const rest = await store.claimJobs({ limit: 2, leaseMs: 1_000, workerId: 'w', now: 12 });
      expect(rest.map((j) => j.id)).toEqual(burst.slice(0, 2)); // then oldest first
      await store.claimJobs({ limit: 10, leaseMs: 1_000, workerId: 'w', now: 13 }); // leave nothing due for later tests
    });

    it('upserts, reads and deletes installations, keeping tokens when a later upsert carries none', async () => {
      const inst = {
        uuid: 'i-1',
        orgSlug: 'acme',
        appSlug: 'faultline',
        status: 'installed',
        token: 'tok',
        refreshToken: 'ref',
        tokenExpiresAt: 5_000,
      };
      await store.upsertInstallation(inst, 1);
      await store.upsertInstallation(
        { ...inst, orgSlug: 'acme2', token: null, refreshToken: null, tokenExpiresAt: null },
        2,
      );
      expect(await store.getInstallation('i-1')).toEqual({ ...inst, orgSlug: 'acme2' });
      expect((await store.listInstallationsExpiringBefore(6_000)).map((i) => i.uuid)).toEqual(['i-1']);
      expect(await store.listInstallationsExpiringBefore(4_000)).toEqual([]);
      expect(await store.deleteInstallation('i-1')).toBe(true);
      expect(await store.deleteInstallation('i-1')).toBe(false);
      expect(await store.getInstallation('i-1')).toBeUndefined();
    });

    it('keeps one link per Sentry issue', async () => {
      const link = {
        sentryIssueId: 's-1',
        installationUuid: 'i',
        githubRepo: 'o/r',
        githubIssueNumber: 7,
        externalIssueId: null,
      };
      expect(await store.linkIssue(link, 1)).toEqual({ link, created: true });
      const second = await store.linkIssue({ ...link, githubIssueNumber: 8 }, 2);
      expect(second).toEqual({ link, created: false });
      expect(await store.getLinkByGitHubIssue('o/r', 7)).toEqual(link);
      expect(await store.deleteLink('s-1')).toBe(true);
      expect(await store.getLink('s-1')).toBeUndefined();
    });

    it('keeps one PR comment per PR and Sentry issue', async () => {
      const c = { githubRepo: 'o/r', prNumber: 3, sentryIssueId: 's-1', commentId: 99 };
      expect((await store.recordPrComment(c, 1)).created).toBe(true);
      expect(await store.recordPrComment({ ...c, commentId: 100 }, 2)).toEqual({ comment: c, created: false });
      expect((await store.recordPrComment({ ...c, prNumber: 4 }, 3)).created).toBe(true);
    });
  });
}
