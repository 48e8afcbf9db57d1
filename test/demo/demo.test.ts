// `npm run demo` as the README tells a newcomer to run it, and the same loop in-process to look at what it created.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runDemo } from '../../scripts/demo.ts';
import type { DemoWorld } from '../../scripts/demo/loop.ts';
import type { DemoSteps, StepRecord } from '../../scripts/demo/steps.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STEPS = [
  'prepare the sample repository',
  'start the Sentry emulator',
  'start the GitHub emulator',
  'start the app',
  'release 1 with the bundled action',
  'alert → GitHub issue',
  'resolve',
  'release 2 from a PR that brings the error back',
  'regression → PR comment',
  'write the HTML page',
];

describe('npm run demo', () => {
  it('exits 0 within two minutes and prints a summary naming every step', async () => {
    const started = Date.now();
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'demo'], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(Date.now() - started).toBeLessThan(120_000);
    for (const step of STEPS) expect(stdout).toMatch(new RegExp(`^[✓–] ${step}\\s+(ok|skipped)\\s`, 'm'));
    expect(stdout).not.toMatch(/failed at step/);
    expect(stdout).toMatch(/^total [\d.]+ m?s: \d+ ok/m);
  }, 130_000);

  it('creates what each step that ran says it created', async () => {
    let records: StepRecord[] = [];
    const seen: Record<string, unknown> = {};
    const lines: string[] = [];
    const code = await runDemo({
      print: (line) => lines.push(line),
      inspect: (world: DemoWorld, steps: DemoSteps) => {
        records = steps.records;
        seen.sentry = world.sentry?.state();
        seen.github = world.github?.state();
        seen.world = world;
      },
    });
    expect(code, lines.join('\n')).toBe(0);
    const ok = (name: string) => records.find((r) => r.name === name)?.status === 'ok';
    expect(records.map((r) => r.name)).toEqual(STEPS);
    expect(ok('prepare the sample repository')).toBe(true);
    expect(ok('start the Sentry emulator')).toBe(true);

    const sentry = seen.sentry as DemoWorld['sentry'] extends infer S
      ? S extends { state(): infer T }
        ? T
        : never
      : never;
    if (ok('release 1 with the bundled action')) {
      const r1 = sentry.releases.find((r) => r.version === 'shop@1.0.0');
      expect(r1?.commits).toHaveLength(2);
      expect(r1?.deploys.map((d) => d.environment)).toEqual(['production']);
    }
    if (ok('release 2 from a PR that brings the error back')) {
      const r2 = sentry.releases.find((r) => r.version === 'shop@1.1.0');
      // fix, the PR's commit and the merge commit: everything since release 1
      expect(r2?.commits).toHaveLength(3);
    }
    const world = seen.world as DemoWorld;
    const github = seen.github as NonNullable<DemoWorld['github']> extends { state(): infer T } ? T : never;
    const shop = github?.repos.find((r) => r.full_name === 'acme/shop');
    if (ok('alert → GitHub issue')) {
      const issue = shop?.issues.find((i) => i.number === world.issue?.number);
      expect(issue?.title).toMatch(/TypeError/);
      expect(issue?.body).toMatch(/src\/cart\.ts/);
    }
    if (ok('resolve') && !ok('regression → PR comment')) {
      expect(shop?.issues.find((i) => i.number === world.issue?.number)?.state).toBe('closed');
    }
    if (ok('regression → PR comment')) {
      expect(shop?.issues.find((i) => i.number === 1)?.comments.length).toBeGreaterThan(0);
    }
    if (ok('write the HTML page')) {
      expect(world.htmlPath && existsSync(world.htmlPath)).toBe(true);
      expect(readFileSync(world.htmlPath ?? '', 'utf8')).toContain('<article class="markdown-body">');
    }
  }, 120_000);
});
