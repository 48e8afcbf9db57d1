import { describe, expect, it } from 'vitest';
import type { ReleaseResult } from '../../src/release/pipeline.ts';
import { formatBytes, renderJobSummary, renderTextSummary } from '../../src/release/summary.ts';

const result: ReleaseResult = {
  release: 'web@1.4.0',
  url: 'https://sentry.io/organizations/acme/releases/web%401.4.0/',
  commits: 3,
  commitSource: '3 commits abc1234..def5678 from local git',
  bundleId: '6f1e2d3c-0000-4000-8000-000000000001',
  debugIds: 3,
  filesUploaded: 4,
  bytesUploaded: 20480,
  chunksSent: 1,
  chunksSkipped: 2,
  deployId: '17',
  findingsMarkdown: '### Source maps ✅\n\n| file | map |\n| --- | --- |\n| app.js | ✅ |',
  steps: [
    { name: 'create', status: 'ok', ms: 45, detail: 'created release web@1.4.0 for web' },
    { name: 'commits', status: 'ok', ms: 1200, detail: 'a | b' },
    { name: 'deploy', status: 'skipped', ms: 0, detail: 'no environment given' },
  ],
  warnings: ['commits: something odd'],
  dryRun: false,
};

describe('renderJobSummary', () => {
  it('links the release and shows steps with times, counts, findings and warnings', () => {
    const md = renderJobSummary(result);
    expect(md).toContain(
      '### Sentry release [`web@1.4.0`](https://sentry.io/organizations/acme/releases/web%401.4.0/)',
    );
    expect(md).toContain('| create | ✅ ok | 45 ms | created release web@1.4.0 for web |');
    expect(md).toContain('| commits | ✅ ok | 1.2 s | a \\| b |');
    expect(md).toContain('| deploy | ⏭️ skipped | 0 ms | no environment given |');
    expect(md).toContain('| bytes sent | 20.0 KiB |');
    expect(md).toContain('| files with a debug ID | 3 |');
    expect(md).toContain('| chunks sent / skipped | 1 / 2 (already in Sentry) |');
    expect(md).toContain('\n### Source maps ✅\n\n| file | map |');
    expect(md).toContain('- commits: something odd');
  });

  it('heads a failed run with the step and its message', () => {
    const md = renderJobSummary(result, { step: 'finalize', message: 'Sentry API failed with 500' });
    expect(md).toMatch(/^### ❌ Sentry release .* failed\n\n\*\*finalize\*\* failed: Sentry API failed with 500/);
  });
});

describe('renderTextSummary', () => {
  it('lists steps and totals', () => {
    const lines = renderTextSummary(result);
    expect(lines[0]).toBe('release web@1.4.0');
    expect(lines).toContain('  commits  ok         1.2 s  a | b');
    expect(lines.at(-1)).toBe(
      '  commits 3, files 4, 20.0 KiB sent, chunks 1 sent / 2 skipped, bundle 6f1e2d3c-0000-4000-8000-000000000001, deploy 17',
    );
    expect(renderTextSummary(result, { steps: false })).toHaveLength(3);
  });

  it('formats sizes', () => {
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MiB');
  });
});
