/**
 * Progress of a long chunk upload: bytes and chunks sent, rate and ETA. On a terminal one line is redrawn (at most a
 * few times a second); in CI logs a line is written every few seconds. Throttled here, so the upload loop only adds
 * numbers; the clock and the output are injected so that tests drive both.
 */
import { formatBytes } from './report.ts';

/** Where progress goes, and (tests) the clock and the pace. */
export interface ProgressOutput extends ProgressOptions {
  /** Writes one log line. */
  line(text: string): void;
  /** Replaces the current terminal line; given only on a TTY. */
  redraw?(text: string): void;
}

export interface ProgressOptions {
  now?: () => number;
  /** Between two CI log lines. Default 5000. */
  logIntervalMs?: number;
  /** Between two redraws on a terminal. Default 200. */
  redrawIntervalMs?: number;
}

export interface UploadProgress {
  start(total: { bytes: number; chunks: number }): void;
  advance(bytes: number, chunks: number): void;
  done(): void;
}

export function uploadProgress(out: ProgressOutput, opts: ProgressOptions = out): UploadProgress {
  const now = opts.now ?? Date.now;
  const interval = out.redraw ? (opts.redrawIntervalMs ?? 200) : (opts.logIntervalMs ?? 5000);
  let total = { bytes: 0, chunks: 0 };
  let sent = { bytes: 0, chunks: 0 };
  let started = 0;
  let shownAt = 0;
  let shown = false;
  const show = (at: number) => {
    const text = progressLine(total, sent, at - started);
    if (out.redraw) out.redraw(text);
    else out.line(text);
    shownAt = at;
    shown = true;
  };
  return {
    start(t) {
      total = t;
      sent = { bytes: 0, chunks: 0 };
      started = shownAt = now();
      shown = false;
    },
    advance(bytes, chunks) {
      sent = { bytes: sent.bytes + bytes, chunks: sent.chunks + chunks };
      const at = now();
      if (at - shownAt >= interval) show(at);
    },
    done() {
      // A terminal line that was drawn is finished with its final numbers; CI logs get the summary line elsewhere.
      if (!out.redraw || !shown) return;
      show(now());
      out.line('');
    },
  };
}

/** `> Uploading 3.2 MiB of 6.5 MiB (12/25 chunks), 1.1 MiB/s, ETA 3 s`. */
export function progressLine(
  total: { bytes: number; chunks: number },
  sent: { bytes: number; chunks: number },
  elapsedMs: number,
): string {
  const rate = elapsedMs > 0 ? (sent.bytes * 1000) / elapsedMs : 0;
  const left = total.bytes - sent.bytes;
  const eta = rate > 0 && left > 0 ? `, ETA ${formatDuration((left / rate) * 1000)}` : '';
  return (
    `> Uploading ${formatBytes(sent.bytes)} of ${formatBytes(total.bytes)} (${sent.chunks}/${total.chunks} chunks)` +
    `, ${formatBytes(Math.round(rate))}/s${eta}`
  );
}

function formatDuration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}
