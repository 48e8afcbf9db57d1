import { describe, expect, it } from 'vitest';
import { EventLoopLag } from './event-loop-lag.ts';

/** Keeps the event loop busy in `turnMs` slices for `totalMs`, letting timers run between slices. */
async function saturate(totalMs: number, turnMs: number): Promise<void> {
  const end = performance.now() + totalMs;
  while (performance.now() < end) {
    const turnEnd = performance.now() + turnMs;
    while (performance.now() < turnEnd) {
      // busy: a request handler that does not yield
    }
    await new Promise((r) => setTimeout(r, 0));
  }
}

describe('EventLoopLag', () => {
  it('reports overload only once the loop has been held for two windows, not after one pause', async () => {
    const lag = new EventLoopLag(50);
    expect(lag.overloaded()).toBe(false);
    // One long pause, then a free loop: a mean over the window, not the worst sample.
    await saturate(120, 120);
    await new Promise((r) => setTimeout(r, 300));
    expect(lag.overloaded()).toBe(false);
    // One long synchronous step that fills a whole window on its own (a test building a large payload, a major GC).
    await saturate(300, 300);
    expect(lag.overloaded()).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(lag.overloaded()).toBe(false);
    // Held for good: a mean over the limit in consecutive windows.
    await saturate(300, 100);
    expect(lag.overloaded()).toBe(false); // the window before was free
    await saturate(300, 100);
    expect(lag.overloaded()).toBe(true);
    expect(lag.meanMs()).toBeGreaterThan(50);
  });
});
