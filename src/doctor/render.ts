// The doctor's table, as text for a terminal or a log and as markdown for a job summary: one row per check with
// ✓ / ✗ / –, the fix of each ✗, and a count line. Pure.
import type { CheckResult } from './types.ts';

const MARK = { pass: '✓', fail: '✗', skip: '–' } as const;
const TITLES = { sentry: 'Sentry', app: 'GitHub App' } as const;

/**
 * Renders the report. Every value in `secrets` is replaced by *** wherever it appears, as a last line of defence:
 * no check puts a secret into a detail, but a server's error text might echo one.
 */
export function renderDoctorReport(
  results: CheckResult[],
  opts: { header?: Partial<Record<CheckResult['group'], string>>; secrets?: string[] } = {},
): string {
  const width = Math.max(0, ...results.map((r) => r.name.length));
  const lines: string[] = [];
  for (const group of ['sentry', 'app'] as const) {
    const rows = results.filter((r) => r.group === group);
    if (rows.length === 0) continue;
    if (lines.length) lines.push('');
    lines.push(`${TITLES[group]}${opts.header?.[group] ? ` (${opts.header[group]})` : ''}`);
    for (const r of rows) {
      lines.push(`  ${MARK[r.status]} ${r.name.padEnd(width)}  ${shownDetail(r)}`);
      if (r.status === 'fail' && r.fix) lines.push(`    ${' '.repeat(width)}  fix: ${r.fix}`);
    }
  }
  lines.push('', summaryLine(results));
  return redact(lines.join('\n'), opts.secrets ?? []);
}

/** The checks as a markdown table for a job summary; every secret is replaced by ***. */
export function renderDoctorMarkdown(results: CheckResult[], opts: { target: string; secrets: string[] }): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const failed = results.some((r) => r.status === 'fail');
  const lines = [
    `### ${failed ? '❌' : '✅'} faultline doctor`,
    '',
    `Sentry: ${cell(opts.target)}`,
    '',
    '| | Check | Result | Fix |',
    '| --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${MARK[r.status]} | ${cell(r.name)} | ${cell(shownDetail(r))} | ` +
        `${r.status === 'fail' && r.fix ? cell(r.fix) : ''} |`,
    ),
    '',
    summaryLine(results),
    '',
  ];
  return redact(lines.join('\n'), opts.secrets);
}

const shownDetail = (r: CheckResult) => (r.status === 'skip' ? `skipped: ${r.detail}` : r.detail);

export function summaryLine(results: CheckResult[]): string {
  const count = (s: CheckResult['status']) => results.filter((r) => r.status === s).length;
  const failed = count('fail');
  return `${count('pass')} passed, ${failed} failed, ${count('skip')} skipped${failed ? '' : ' — all good'}`;
}

export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; no real token or secret is that short.
    if (secret && secret.length >= 6) out = out.split(secret).join('***');
  }
  return out;
}
