import type { DeliveryToRecord, RecordDeliveryResult } from '../store/index.ts';

/** Refused without queueing: the deliveries already waiting would not be recorded in time (answer 503 now). */
export class Overloaded extends Error {
  override name = 'Overloaded';
}

export interface DeliveryBatcherOptions {
  /** Records a batch in one transaction: one result per delivery, in order (`Store.recordDeliveries`). */
  record: (batch: DeliveryToRecord[]) => Promise<RecordDeliveryResult[]>;
  /** Deliveries per transaction at most. */
  maxBatch?: number;
  /** Transactions at once: 1 for SQLite (one writer anyway); PostgreSQL can run a few side by side. */
  maxInFlight?: number;
  /** Deliveries waiting for a transaction at most; past it, new ones are refused. */
  maxWaiting?: number;
  /** When the oldest waiting delivery has waited longer than this, new ones are refused. */
  maxWaitMs?: number;
  now?: () => number;
  /** Runs the next batch later in this turn of the event loop; by default `setImmediate`. */
  schedule?: (run: () => void) => void;
}

export const DEFAULT_MAX_BATCH = 100;
export const DEFAULT_MAX_WAITING = 500;
/** Well under Sentry's 1 s: what waits longer would rather be answered 503 at once, and retried by Sentry. */
export const DEFAULT_MAX_WAIT_MS = 500;

interface Waiting {
  item: DeliveryToRecord;
  since: number;
  resolve: (result: RecordDeliveryResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the intake: one transaction at a time (or `maxInFlight`), holding every delivery that arrived while
 * the previous one ran, or in the same turn of the event loop (up to `maxBatch`). The batch starts in the loop's check phase
 * (`setImmediate`), after the requests read in this turn were handled: node:sqlite is synchronous, so without that
 * wait each request would run its own transaction before the next one is even parsed. A lone webhook waits for no
 * timer. Each caller gets its own result; a failed transaction fails each of its callers.
 */
export class DeliveryBatcher {
  readonly #record: DeliveryBatcherOptions['record'];
  readonly #maxBatch: number;
  readonly #maxInFlight: number;
  readonly #maxWaiting: number;
  readonly #maxWaitMs: number;
  readonly #now: () => number;
  readonly #schedule: (run: () => void) => void;
  #waiting: Waiting[] = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(opts: DeliveryBatcherOptions) {
    this.#record = opts.record;
    this.#maxBatch = opts.maxBatch ?? DEFAULT_MAX_BATCH;
    this.#maxInFlight = opts.maxInFlight ?? 1;
    this.#maxWaiting = opts.maxWaiting ?? DEFAULT_MAX_WAITING;
    this.#maxWaitMs = opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    this.#now = opts.now ?? (() => performance.now());
    this.#schedule = opts.schedule ?? setImmediate;
  }

  /** Deliveries waiting for a transaction (not counting the one running). */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** True when a new delivery would be refused: too many waiting, or the oldest has waited too long. */
  overloaded(): boolean {
    const oldest = this.#waiting[0];
    if (!oldest) return false;
    return this.#waiting.length >= this.#maxWaiting || this.#now() - oldest.since > this.#maxWaitMs;
  }

  /** Records one delivery with the others waiting; rejects with `Overloaded` at once when overloaded. */
  record(item: DeliveryToRecord): Promise<RecordDeliveryResult> {
    if (this.overloaded()) {
      return Promise.reject(new Overloaded(`${this.#waiting.length} deliveries are already waiting to be recorded`));
    }
    return new Promise((resolve, reject) => {
      this.#waiting.push({ item, since: this.#now(), resolve, reject });
      this.#scheduleNext();
    });
  }

  #scheduleNext(): void {
    if (this.#inFlight >= this.#maxInFlight || this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;
    this.#schedule(() => {
      this.#scheduled = false;
      this.#next();
    });
  }

  #next(): void {
    while (this.#inFlight < this.#maxInFlight && this.#waiting.length > 0) {
      this.#inFlight++;
      const batch = this.#waiting.splice(0, this.#maxBatch);
      void this.#recordBatch(batch).finally(() => {
        this.#inFlight--;
        this.#scheduleNext();
      });
    }
  }

  async #recordBatch(batch: Waiting[]): Promise<void> {
    try {
      const results = await this.#record(batch.map((w) => w.item));
      if (results.length !== batch.length) {
        throw new Error(`recorded ${results.length} results for a batch of ${batch.length} deliveries`);
      }
      batch.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
  }
}
