// Answers the app trusts for a while (installed repositories, repository configs, repo → installation): the one
// time-limited cache they share. It keeps the promise, so concurrent readers share one load; a failed load is not kept.

export interface TtlCacheOptions {
  /** How long a loaded value is trusted (`Infinity` for answers that never change, such as content at a commit). */
  ttlMs: number;
  /** At most this many entries; the least recently used goes first (default: unbounded). */
  maxEntries?: number;
  now?: () => number;
}

export class TtlCache<K, V> {
  readonly #ttl: number;
  readonly #max: number;
  readonly #now: () => number;
  readonly #entries = new Map<K, { value: Promise<V>; at: number }>();

  constructor(opts: TtlCacheOptions) {
    this.#ttl = opts.ttlMs;
    this.#max = opts.maxEntries ?? Number.POSITIVE_INFINITY;
    this.#now = opts.now ?? Date.now;
  }

  /** The value of `key` while it is fresh, else what `load` gives (shared by every caller until it settles). */
  get(key: K, load: () => Promise<V>): Promise<V> {
    const cached = this.#entries.get(key);
    if (cached && this.#now() - cached.at < this.#ttl) {
      // Most recently used last: the bound drops from the front.
      this.#entries.delete(key);
      this.#entries.set(key, cached);
      return cached.value;
    }
    const value = load();
    this.#keep(key, value);
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    return value;
  }

  /** Remembers a value learnt elsewhere (e.g. from a listing that answers many keys at once). */
  set(key: K, value: V): void {
    this.#keep(key, Promise.resolve(value));
  }

  delete(key: K): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #keep(key: K, value: Promise<V>): void {
    this.#entries.delete(key);
    this.#entries.set(key, { value, at: this.#now() });
    while (this.#entries.size > this.#max) this.#entries.delete(this.#entries.keys().next().value as K);
  }
}
