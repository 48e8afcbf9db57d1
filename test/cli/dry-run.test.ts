// Every command that takes --dry-run sends nothing; the ones that cannot dry-run refuse the flag.
import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp } from '../../examples/web-app/build.ts';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { runCli } from '../../src/cli/cli.ts';
import type { CliIo } from '../../src/cli/io.ts';

const webSrc = fileURLToPath(new URL('../../examples/web-app/src', import.meta.url));

let sentry: SentryEmulator;
let workspace: string;
beforeAll(async () => {
  sentry = await startSentryEmulator();
  workspace = await mkdtemp(join(tmpdir(), 'faultline-dry-run-cli-'));
  await buildWebApp(webSrc, join(workspace, 'build'));
});
afterAll(async () => {
  await Promise.all([sentry.close(), rm(workspace, { recursive: true, force: true })]);
});

function capture(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const env = { SENTRY_AUTH_TOKEN: sentry.token, SENTRY_ORG: sentry.org, SENTRY_URL: sentry.url };
  return { io: { env, cwd: workspace, stdout: (l) => out.push(l), stderr: (l) => err.push(l) }, out, err };
}

describe('--dry-run sends nothing', () => {
  it('sourcemaps upload --dry-run --inject: the plan is printed, Sentry receives no request, the build is untouched', async () => {
    const before = await readFile(join(workspace, 'build/static/js/main.js'), 'utf8').catch(() => undefined);
    const c = capture();
    const code = await runCli(
      ['sourcemaps', 'upload', 'build', '--dry-run', '--inject', '--project', 'web', '--release', '1.0'],
      c.io,
    );
    expect(c.err.filter((l) => !l.startsWith('warning:'))).toEqual([]);
    expect(code).toBe(0);
    expect(c.out.join('\n')).toMatch(/Dry run: would upload \d+ file\(s\) \([^)]+\) to web; nothing sent/);
    expect(sentry.state().requests).toEqual([]);
    expect(sentry.state().chunks).toEqual([]);
    if (before !== undefined) expect(await readFile(join(workspace, 'build/static/js/main.js'), 'utf8')).toBe(before);
  });

  it('release --dry-run sends nothing either', async () => {
    const c = capture();
    const code = await runCli(
      [
        'release',
        '--projects',
        'web',
        '--release',
        '1.0',
        '--sourcemaps',
        'build',
        '--set-commits',
        'skip',
        '--dry-run',
      ],
      c.io,
    );
    expect(code).toBe(0);
    expect(sentry.state().requests).toEqual([]);
  });

  it('doctor and alerts cannot dry-run and refuse the flag', async () => {
    for (const argv of [
      ['doctor', '--dry-run'],
      ['alerts', 'apply', '--dry-run'],
    ]) {
      const c = capture();
      expect(await runCli(argv, c.io)).toBeGreaterThan(0);
      expect(c.err.join('\n')).toMatch(/dry-run/);
    }
    expect(sentry.state().requests).toEqual([]);
  });
});
