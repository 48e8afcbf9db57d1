/** The job summary (markdown) and the CLI's closing lines for a release run. Pure: no I/O. */
import type { ReleaseResult, StepRecord } from './result.ts';

const STATUS_MARK: Record<StepRecord['status'], string> = { ok: '✅ ok', skipped: '⏭️ skipped', failed: '❌ failed' };

export function renderJobSummary(result: ReleaseResult, failure?: { step: string; message: string }): string {
  const lines: string[] = [];
  const name = result.url ? `[\`${result.release}\`](${result.url})` : `\`${result.release}\``;
  const heading = failure ? `❌ Sentry release ${name} failed` : `Sentry release ${name}`;
  lines.push(`### ${heading}${result.dryRun ? ' (dry run: nothing sent)' : ''}`, '');
  if (failure) lines.push(`**${failure.step}** failed: ${escapeCell(failure.message)}`, '');

  lines.push('| step | result | time | details |', '| --- | --- | ---: | --- |');
  for (const step of result.steps) {
    lines.push(`| ${step.name} | ${STATUS_MARK[step.status]} | ${formatMs(step.ms)} | ${escapeCell(step.detail)} |`);
  }
  lines.push('');

  const facts: Array<[string, string]> = [['commits', String(result.commits)]];
  if (result.commitSource) facts.push(['commit source', result.commitSource]);
  if (result.debugIds) facts.push(['files with a debug ID', String(result.debugIds)]);
  if (result.bundleId) facts.push(['artifact bundle', `\`${result.bundleId}\``]);
  if (result.filesUploaded || result.bundleId) {
    facts.push(['files uploaded', String(result.filesUploaded)]);
    facts.push(['bytes sent', formatBytes(result.bytesUploaded)]);
    facts.push(['chunks sent / skipped', `${result.chunksSent} / ${result.chunksSkipped} (already in Sentry)`]);
  }
  if (result.deployId) facts.push(['deploy', `\`${result.deployId}\``]);
  lines.push('| | |', '| --- | --- |');
  for (const [key, value] of facts) lines.push(`| ${key} | ${escapeCell(value)} |`);
  lines.push('');

  if (result.findingsMarkdown) lines.push(result.findingsMarkdown.trim(), '');
  if (result.warnings.length > 0) {
    lines.push('#### Warnings', '');
    for (const warning of result.warnings) lines.push(`- ${warning}`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** Plain-text closing lines for the CLI. */
export function renderTextSummary(result: ReleaseResult, opts: { steps?: boolean } = {}): string[] {
  const lines = [`release ${result.release}${result.dryRun ? ' (dry run: nothing sent)' : ''}`];
  if (result.url) lines.push(`  ${result.url}`);
  const width = Math.max(...result.steps.map((s) => s.name.length), 4);
  for (const step of opts.steps === false ? [] : result.steps) {
    lines.push(
      `  ${step.name.padEnd(width)}  ${step.status.padEnd(7)}  ${formatMs(step.ms).padStart(7)}  ${step.detail}`,
    );
  }
  lines.push(
    `  commits ${result.commits}, files ${result.filesUploaded}, ${formatBytes(result.bytesUploaded)} sent, ` +
      `chunks ${result.chunksSent} sent / ${result.chunksSkipped} skipped` +
      (result.bundleId ? `, bundle ${result.bundleId}` : '') +
      (result.deployId ? `, deploy ${result.deployId}` : ''),
  );
  return lines;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
