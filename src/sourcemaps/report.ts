/** Renders a source-map check report: plain lines for a terminal, markdown for a GitHub job summary. Pure. */
import type { Finding, FindingKind, SourcemapReport } from './validate.ts';

const TITLES: Record<FindingKind, string> = {
  'no-files': 'No files',
  'missing-map': 'No source map',
  'remote-map': 'Map not in the build',
  'map-not-found': 'Map file missing',
  'invalid-map': 'Map does not parse',
  'unresolved-sources': 'Sources without content',
  'mapping-outside-script': 'Mappings outside the script',
  'mapping-outside-source': 'Mappings outside the source',
  'no-debug-id': 'No debug ID',
};

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

function counts(report: SourcemapReport): Map<FindingKind, Finding[]> {
  const byKind = new Map<FindingKind, Finding[]>();
  for (const f of report.findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  return byKind;
}

function summaryLine(report: SourcemapReport): string {
  return (
    `${report.scripts} script${report.scripts === 1 ? '' : 's'} (${formatBytes(report.bytes)}), ` +
    `${report.scriptsWithMap} with a source map, ${report.maps} map file${report.maps === 1 ? '' : 's'}, ` +
    `${report.scriptsWithDebugId} with a debug ID`
  );
}

/** Terminal lines; `limit` caps the findings listed per kind. */
export function renderReportText(report: SourcemapReport, limit = 20): string[] {
  const lines = [`Source map check: ${summaryLine(report)}`];
  if (report.ok) {
    lines.push('✓ no problems found');
    return lines;
  }
  for (const [kind, findings] of counts(report)) {
    lines.push(`✗ ${TITLES[kind]} (${findings.length})`);
    for (const f of findings.slice(0, limit)) lines.push(`    ${f.file}: ${f.message}`);
    if (findings.length > limit) lines.push(`    … and ${findings.length - limit} more`);
    lines.push(`    fix: ${findings[0]!.fix}`);
  }
  return lines;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown for `$GITHUB_STEP_SUMMARY`: a summary table, then each kind of problem in a collapsed list. */
export function renderReportMarkdown(report: SourcemapReport, limit = 50): string {
  const byKind = counts(report);
  const out: string[] = [];
  out.push(`### Source maps ${report.ok ? '✅' : '⚠️'}`, '');
  out.push('| scripts | size | with a map | map files | with a debug ID | problems |');
  out.push('|---:|---:|---:|---:|---:|---:|');
  out.push(
    `| ${report.scripts} | ${formatBytes(report.bytes)} | ${report.scriptsWithMap} | ${report.maps} | ` +
      `${report.scriptsWithDebugId} | ${report.findings.length} |`,
  );
  out.push('');
  if (report.ok) {
    out.push('Every script has a source map that parses, its sources resolve, and the sampled mappings land inside.');
    return `${out.join('\n')}\n`;
  }
  for (const [kind, findings] of byKind) {
    out.push(`<details><summary><b>${TITLES[kind]}</b> (${findings.length}) — ${cell(findings[0]!.fix)}</summary>`, '');
    out.push('| file | problem |', '|---|---|');
    for (const f of findings.slice(0, limit)) out.push(`| \`${cell(f.file)}\` | ${cell(f.message)} |`);
    if (findings.length > limit) out.push(`| … | ${findings.length - limit} more |`);
    out.push('', '</details>', '');
  }
  return `${out.join('\n')}\n`;
}
