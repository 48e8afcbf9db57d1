import { describe, expect, it } from 'vitest';
import { DemoSteps, renderSummary } from '../../scripts/demo/steps.ts';

describe('demo steps', () => {
  it('records ok and failed steps, and runs nothing after a failure', async () => {
    const lines: string[] = [];
    let clock = 0;
    const steps = new DemoSteps(
      (line) => lines.push(line),
      () => (clock += 5),
    );
    await steps.run('first', async () => 'made a thing');
    await steps.run('breaks', async () => {
      throw new Error('boom');
    });
    let ranAfterFailure = false;
    await steps.run('after', async () => {
      ranAfterFailure = true;
      return '';
    });

    expect(ranAfterFailure).toBe(false);
    expect(steps.failed).toBe('breaks');
    expect(steps.records.map((r) => [r.name, r.status])).toEqual([
      ['first', 'ok'],
      ['breaks', 'failed'],
      ['after', 'not run'],
    ]);
    expect(lines).toContain('  ✗ breaks (5 ms): boom');
  });

  it('renders an aligned table with a total line', () => {
    const text = renderSummary(
      [
        { name: 'build', status: 'ok', ms: 1500, detail: '3 files' },
        { name: 'alert → issue', status: 'not run', ms: 0, detail: 'after "build" failed' },
        { name: 'long', status: 'failed', ms: 3, detail: `${'x'.repeat(130)}\nsecond line` },
      ],
      2000,
    );
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^step\s+status\s+time\s+created \/ notes$/);
    expect(lines[2]).toBe('✓ build          ok       1.5 s  3 files');
    expect(lines[3]).toBe('· alert → issue  not run  0 ms   after "build" failed');
    expect(lines[4]).toBe(`✗ long           failed   3 ms   ${'x'.repeat(119)}…`);
    expect(lines.at(-1)).toBe('total 2.0 s: 1 ok, 1 failed, 1 not run');
  });
});
