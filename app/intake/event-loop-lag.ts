import { type ELDHistogram, monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * A request waits for the event loop before the intake sees it, about one or two turns: past this much lag it would
 * be answered after Sentry's 1 s, so it is answered 503 at once. Not less: SQLite's lock waits between processes on
 * one file also hold the loop, and there the deadline still answers in time.
 */
export const DEFAULT_MAX_LAG_MS = 500;
/** Long enough that one pause (a GC, a synchronous start-up step) does not count; short enough to follow a burst. */
const WINDOW_MS = 250;

/**
 * Is this process keeping up? A saturated process (the CPU, not the database, is the limit) has requests waiting in
 * its sockets where the intake cannot count them; the event loop's delay is how long they wait. Overloaded means the
 * mean delay was over the limit in each of the last two windows of at least 250 ms: sustained lag. One pause (a
 * major GC, one long synchronous step) can fill a window on its own, but not two.
 */
export class EventLoopLag {
  readonly #histogram: ELDHistogram = monitorEventLoopDelay({ resolution: 10 });
  readonly #maxLagMs: number;
  #windowStart = performance.now();
  #lastMeanMs = 0;
  #previousMeanMs = 0;

  constructor(maxLagMs = DEFAULT_MAX_LAG_MS) {
    this.#maxLagMs = maxLagMs;
    this.#histogram.enable();
  }

  /** The event loop's mean delay over the last complete window, in ms. */
  meanMs(): number {
    const now = performance.now();
    if (now - this.#windowStart >= WINDOW_MS) {
      this.#previousMeanMs = this.#lastMeanMs;
      this.#lastMeanMs = this.#histogram.count > 0 ? this.#histogram.mean / 1e6 : 0;
      this.#histogram.reset();
      this.#windowStart = now;
    }
    return this.#lastMeanMs;
  }

  overloaded(): boolean {
    return this.meanMs() > this.#maxLagMs && this.#previousMeanMs > this.#maxLagMs;
  }
}

let shared: EventLoopLag | undefined;
/** The process has one event loop: every intake route in it reads the same gauge (one timer, not one per app). */
export function processEventLoopLag(): EventLoopLag {
  shared ??= new EventLoopLag();
  return shared;
}
