// Writes the sync is about to make, remembered for a while: the webhook each one causes is recognised and
// dropped, even when the other side does not name us as the actor.
import { RECORDED_WRITE_TTL_MS } from './loop-guard.ts';
import type { SyncStore } from './services.ts';

const KIND = 'sync-write';

export class RecordedWrites {
  readonly #store: SyncStore;
  readonly #now: () => number;
  readonly #ttlMs: number;

  constructor(store: SyncStore, now: () => number, ttlMs = RECORDED_WRITE_TTL_MS) {
    this.#store = store;
    this.#now = now;
    this.#ttlMs = ttlMs;
  }

  /** Call just before the write. */
  async record(key: string, repo: string): Promise<void> {
    const expires = String(this.#now() + this.#ttlMs);
    const { created } = await this.#store.putMarkOnce({ kind: KIND, key, repo, value: expires }, this.#now());
    if (!created) await this.#store.setMarkValue(KIND, key, expires);
  }

  /** True (once) when the event matches a write we recorded and it has not expired; the record is consumed. */
  async take(key: string): Promise<boolean> {
    const mark = await this.#store.getMark(KIND, key);
    if (!mark) return false;
    const deleted = await this.#store.deleteMark(KIND, key);
    return deleted && Number(mark.value ?? 0) > this.#now();
  }
}
