// The demo's step bookkeeping: run each step once, time it, record what it created, and render the summary.
// Pure apart from the clock and the progress lines it hands to `print`.

export type StepStatus = 'ok' | 'failed' | 'not run';

export interface StepRecord {
  name: string;
  status: StepStatus;
  ms: number;
  /** What the step created and where, or why it failed. */
  detail: string;
}

export class DemoSteps {
  readonly records: StepRecord[] = [];
  private failedStep: string | undefined;
  private readonly print: (line: string) => void;
  private readonly now: () => number;

  constructor(print: (line: string) => void, now: () => number = () => performance.now()) {
    this.print = print;
    this.now = now;
  }

  get failed(): string | undefined {
    return this.failedStep;
  }

  /**
   * Runs `fn` unless an earlier step failed. `fn` returns the one-line detail for the summary ("issue #1 in
   * acme/shop"). An error fails the step, and every later step is not run.
   */
  async run(name: string, fn: () => Promise<string>): Promise<boolean> {
    if (this.failedStep) {
      this.records.push({ name, status: 'not run', ms: 0, detail: `after "${this.failedStep}" failed` });
      return false;
    }
    this.print(`▶ ${name}`);
    const start = this.now();
    try {
      const detail = await fn();
      const ms = Math.round(this.now() - start);
      this.records.push({ name, status: 'ok', ms, detail });
      this.print(`  ✓ ${name} (${ms} ms): ${detail}`);
      return true;
    } catch (error) {
      const ms = Math.round(this.now() - start);
      const message = error instanceof Error ? error.message : String(error);
      this.failedStep = name;
      this.records.push({ name, status: 'failed', ms, detail: message });
      this.print(`  ✗ ${name} (${ms} ms): ${message}`);
      return false;
    }
  }
}

const MARK: Record<StepStatus, string> = { ok: '✓', failed: '✗', 'not run': '·' };

/** A plain-text table: one row per step with its mark, time and detail, then a total line. */
export function renderSummary(records: StepRecord[], totalMs: number): string {
  const rows = records.map((r) => [`${MARK[r.status]} ${r.name}`, r.status, formatMs(r.ms), clip(r.detail)]);
  const header = ['step', 'status', 'time', 'created / notes'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const counts = (['ok', 'failed', 'not run'] as const)
    .map((s) => [s, records.filter((r) => r.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `total ${formatMs(totalMs)}: ${counts}`,
  ].join('\n');
}

/** One line of at most DETAIL_MAX characters per step: the progress line printed the whole detail already. */
const DETAIL_MAX = 120;
function clip(detail: string): string {
  const line = detail.split('\n')[0] ?? '';
  return line.length > DETAIL_MAX ? `${line.slice(0, DETAIL_MAX - 1)}…` : line;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
