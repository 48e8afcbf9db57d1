import { describe, expect, it } from 'vitest';
import { progressLine, uploadProgress } from './progress.ts';

const MiB = 1024 * 1024;

function clock(step: number) {
  let t = 0;
  return { now: () => t, tick: (ms = step) => (t += ms) };
}

describe('upload progress', () => {
  it('in CI logs: one line every few seconds with bytes, chunks, rate and ETA; nothing for a quick upload', () => {
    const c = clock(1000);
    const lines: string[] = [];
    const p = uploadProgress({ line: (l) => lines.push(l) }, { now: c.now, logIntervalMs: 3000 });
    p.start({ bytes: 10 * MiB, chunks: 10 });
    for (let i = 0; i < 10; i++) {
      c.tick();
      p.advance(MiB, 1);
    }
    p.done();
    expect(lines).toEqual([
      '> Uploading 3.0 MiB of 10.0 MiB (3/10 chunks), 1.0 MiB/s, ETA 7 s',
      '> Uploading 6.0 MiB of 10.0 MiB (6/10 chunks), 1.0 MiB/s, ETA 4 s',
      '> Uploading 9.0 MiB of 10.0 MiB (9/10 chunks), 1.0 MiB/s, ETA 1 s',
    ]);

    const quick: string[] = [];
    const q = uploadProgress({ line: (l) => quick.push(l) }, { now: c.now, logIntervalMs: 3000 });
    q.start({ bytes: MiB, chunks: 1 });
    q.advance(MiB, 1);
    q.done();
    expect(quick).toEqual([]);
  });

  it('on a terminal: one redrawn line, throttled, finished with the final numbers', () => {
    const c = clock(100);
    const drawn: string[] = [];
    const lines: string[] = [];
    const p = uploadProgress(
      { line: (l) => lines.push(l), redraw: (t) => drawn.push(t) },
      { now: c.now, redrawIntervalMs: 200 },
    );
    p.start({ bytes: 4 * MiB, chunks: 4 });
    for (let i = 0; i < 4; i++) {
      c.tick();
      p.advance(MiB, 1);
    }
    p.done();
    expect(drawn).toEqual([
      '> Uploading 2.0 MiB of 4.0 MiB (2/4 chunks), 10.0 MiB/s, ETA 1 s',
      '> Uploading 4.0 MiB of 4.0 MiB (4/4 chunks), 10.0 MiB/s',
      '> Uploading 4.0 MiB of 4.0 MiB (4/4 chunks), 10.0 MiB/s',
    ]);
    expect(lines).toEqual(['']);
  });

  it('says no rate or ETA before any time has passed', () => {
    expect(progressLine({ bytes: 100, chunks: 2 }, { bytes: 0, chunks: 0 }, 0)).toBe(
      '> Uploading 0 B of 100 B (0/2 chunks), 0 B/s',
    );
  });
});
