import { describe, expect, it } from 'vitest';
import type { DeliveryToRecord, NewDelivery, RecordDeliveryResult } from '../store/index.ts';
import { DeliveryBatcher, Overloaded } from './delivery-batcher.ts';

const item = (digest: string): DeliveryToRecord => ({
  delivery: {
    digest,
    requestId: null,
    resource: 'issue',
    action: 'created',
    installationUuid: 'inst-1',
    status: 'accepted',
    body: '{}',
    receivedAt: 1,
  } satisfies NewDelivery,
  job: { type: 'sentry.webhook' },
});

/** A store stand-in: records each batch (a transaction) and answers when told to, or at once. */
function fakeStore(opts: { hold?: boolean } = {}) {
  const transactions: string[][] = [];
  const pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  let nextId = 1;
  const seen = new Map<string, number>();
  const record = (batch: DeliveryToRecord[]): Promise<RecordDeliveryResult[]> => {
    transactions.push(batch.map((b) => b.delivery.digest));
    const answer = (): RecordDeliveryResult[] =>
      batch.map(({ delivery }) => {
        const known = seen.get(delivery.digest);
        if (known !== undefined) return { deliveryId: known, duplicate: true, jobId: null };
        seen.set(delivery.digest, nextId);
        return { deliveryId: nextId, duplicate: false, jobId: nextId++ };
      });
    if (!opts.hold) return Promise.resolve(answer());
    return new Promise((resolve, reject) => pending.push({ resolve: () => resolve(answer()), reject }));
  };
  return { record, transactions, pending };
}

/** Lets the event loop turn until `condition` holds (the batcher starts a batch in the check phase). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setImmediate(r));
}

describe('DeliveryBatcher', () => {
  it('records the deliveries arriving together in one transaction, each caller with its own result', async () => {
    const store = fakeStore();
    const batcher = new DeliveryBatcher({ record: store.record });
    const results = await Promise.all(['a', 'b', 'c'].map((d) => batcher.record(item(d))));
    expect(store.transactions).toEqual([['a', 'b', 'c']]);
    expect(results.map((r) => r.deliveryId)).toEqual([1, 2, 3]);
  });

  it('groups the deliveries arriving while a transaction runs into the next one', async () => {
    const store = fakeStore({ hold: true });
    const batcher = new DeliveryBatcher({ record: store.record });
    const first = batcher.record(item('a'));
    await until(() => store.pending.length === 1);
    const later = [batcher.record(item('b')), batcher.record(item('c'))];
    expect(batcher.waiting).toBe(2);
    store.pending.shift()!.resolve();
    expect(await first).toMatchObject({ deliveryId: 1 });
    await until(() => store.pending.length === 1);
    store.pending.shift()!.resolve();
    expect((await Promise.all(later)).map((r) => r.deliveryId)).toEqual([2, 3]);
    expect(store.transactions).toEqual([['a'], ['b', 'c']]);
  });

  it('passes a repeated body within a batch to the store, which answers the repeat as a duplicate', async () => {
    const store = fakeStore();
    const batcher = new DeliveryBatcher({ record: store.record });
    const [first, repeat] = await Promise.all([batcher.record(item('same')), batcher.record(item('same'))]);
    expect(store.transactions).toEqual([['same', 'same']]);
    expect(first).toMatchObject({ duplicate: false });
    expect(repeat).toEqual({ deliveryId: first.deliveryId, duplicate: true, jobId: null });
  });

  it('fails every caller of a failed transaction, and records the next batch anew', async () => {
    let fail = true;
    const store = fakeStore();
    const batcher = new DeliveryBatcher({
      record: (batch) => (fail ? Promise.reject(new Error('disk I/O error')) : store.record(batch)),
    });
    const failed = await Promise.allSettled([batcher.record(item('a')), batcher.record(item('b'))]);
    expect(failed.map((f) => f.status === 'rejected' && String(f.reason))).toEqual([
      'Error: disk I/O error',
      'Error: disk I/O error',
    ]);
    fail = false;
    expect(await batcher.record(item('c'))).toMatchObject({ duplicate: false });
  });

  it('fails the callers when the store answers for a different number of deliveries', async () => {
    const batcher = new DeliveryBatcher({ record: async () => [] });
    await expect(batcher.record(item('a'))).rejects.toThrow(/0 results for a batch of 1/);
  });

  it('runs up to maxInFlight transactions side by side, the next arrivals waiting for a free one', async () => {
    const store = fakeStore({ hold: true });
    const batcher = new DeliveryBatcher({ record: store.record, maxInFlight: 2 });
    const first = batcher.record(item('a'));
    await until(() => store.pending.length === 1);
    const second = batcher.record(item('b'));
    await until(() => store.pending.length === 2);
    const later = [batcher.record(item('c')), batcher.record(item('d'))];
    expect(batcher.waiting).toBe(2);
    store.pending.shift()!.resolve();
    await first;
    await until(() => store.pending.length === 2);
    for (const p of store.pending.splice(0)) p.resolve();
    await Promise.all([second, ...later]);
    expect(store.transactions).toEqual([['a'], ['b'], ['c', 'd']]);
  });

  it('puts at most maxBatch deliveries in one transaction', async () => {
    const store = fakeStore();
    const batcher = new DeliveryBatcher({ record: store.record, maxBatch: 2 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((d) => batcher.record(item(d))));
    expect(store.transactions).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('refuses at once, without queueing, when too many deliveries wait', async () => {
    const store = fakeStore({ hold: true });
    const batcher = new DeliveryBatcher({ record: store.record, maxWaiting: 2 });
    const running = batcher.record(item('a'));
    await until(() => store.pending.length === 1);
    const waiting = [batcher.record(item('b')), batcher.record(item('c'))];
    expect(batcher.overloaded()).toBe(true);
    await expect(batcher.record(item('d'))).rejects.toBeInstanceOf(Overloaded);
    expect(batcher.waiting).toBe(2);

    store.pending.shift()!.resolve();
    await running;
    await until(() => store.pending.length === 1);
    expect(batcher.overloaded()).toBe(false);
    store.pending.shift()!.resolve();
    await Promise.all(waiting);
    expect(store.transactions).toEqual([['a'], ['b', 'c']]);
  });

  it('refuses at once when the oldest waiting delivery has waited longer than maxWaitMs', async () => {
    let now = 0;
    const store = fakeStore({ hold: true });
    const batcher = new DeliveryBatcher({ record: store.record, maxWaitMs: 250, now: () => now });
    void batcher.record(item('a'));
    await until(() => store.pending.length === 1);
    void batcher.record(item('b'));
    now = 250;
    expect(batcher.overloaded()).toBe(false);
    now = 251;
    await expect(batcher.record(item('c'))).rejects.toBeInstanceOf(Overloaded);
  });
});
