// `npm run demo` as the README tells a newcomer to run it, and the same loop in-process to look at what it created.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
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
  'alert rules from the repository, applied by the bundled action',
  'alert → GitHub issue',
  'resolve',
  'release 2 from a PR that brings the error back',
  'regression → PR comment',
  'faultline doctor on this setup',
  'write the HTML page',
];

const dataDirs: string[] = [];

describe('npm run demo', () => {
  afterAll(async () => {
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  it('exits 0 within two minutes and prints a summary naming every step', async () => {
    const started = Date.now();
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'demo'], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(Date.now() - started).toBeLessThan(120_000);
    for (const step of STEPS) expect(stdout).toMatch(new RegExp(`^✓ ${step}\\s+ok\\s`, 'm'));
    expect(stdout).not.toMatch(/failed at step/);
    expect(stdout).toMatch(new RegExp(`^total [\\d.]+ m?s: ${STEPS.length} ok$`, 'm'));
    const dataDir = /data dir (\S+)/.exec(stdout)?.[1];
    if (dataDir?.includes('faultline-demo-')) await rm(dataDir, { recursive: true, force: true });
  }, 130_000);

  it('creates what each step says it created', async () => {
    let records: StepRecord[] = [];
    let sentry: ReturnType<NonNullable<DemoWorld['sentry']>['state']> | undefined;
    let github: ReturnType<NonNullable<DemoWorld['github']>['state']> | undefined;
    let world: DemoWorld | undefined;
    const lines: string[] = [];
    const code = await runDemo({
      print: (line) => lines.push(line),
      inspect: (w: DemoWorld, steps: DemoSteps) => {
        dataDirs.push(w.dataDir);
        records = steps.records;
        sentry = w.sentry?.state();
        github = w.github?.state();
        world = w;
      },
    });
    expect(code, lines.join('\n')).toBe(0);
    expect(records.map((r) => [r.name, r.status])).toEqual(STEPS.map((name) => [name, 'ok']));

    const r1 = sentry?.releases.find((r) => r.version === 'shop@1.0.0');
    expect(r1?.commits).toHaveLength(2);
    expect(r1?.deploys.map((d) => d.environment)).toEqual(['production']);
    // the fix, the pull request's commit and its merge: everything since release 1, although the checkout the
    // action ran in holds one commit (shallow, as actions/checkout makes it): the rest came from GitHub
    expect(sentry?.releases.find((r) => r.version === 'shop@1.1.0')?.commits).toHaveLength(3);
    const checkout = join(world?.dataDir ?? '', 'checkout-shop_1.1.0');
    const count = await promisify(execFile)('git', ['-C', checkout, 'rev-list', '--count', 'HEAD']);
    expect(count.stdout.trim()).toBe('1');

    // the rules of the sample's .github/faultline.yml, applied by the action and notifying faultline; the alert
    // that opened the issue came from one of them
    const rules = sentry?.issueAlertRules.filter((r) => r.project === 'web') ?? [];
    expect(rules.map((r) => r.name).sort()).toEqual(['New issue in production [faultline]', 'Regression [faultline]']);
    expect(world?.alertRules?.['New issue in production']).toBe(
      rules.find((r) => r.name === 'New issue in production [faultline]')?.id,
    );
    expect(records.find((r) => r.name === 'alert → GitHub issue')?.detail).toMatch(
      /^rule "New issue in production" fired → issue acme\/shop#\d+/,
    );

    const shop = github?.repos.find((r) => r.full_name === 'acme/shop');
    const issue = shop?.issues.find((i) => i.number === world?.issue?.number);
    expect(issue?.title).toMatch(/TypeError: Cannot read properties of undefined \(reading 'cents'\)/);
    // mapped through the release's source maps onto the line that throws, at the release commit
    expect(issue?.body).toContain(`/acme/shop/blob/${world?.repo?.commits.bug.sha}/src/cart.ts#L11`);
    expect(issue?.body).toContain('@ben-okafor');
    expect(issue?.body).not.toContain('jo.customer@mail.example');
    expect(sentry?.externalIssues.some((e) => e.issueId === '4711')).toBe(true);
    // resolved in Sentry, then brought back by the pull request
    expect(issue?.comments.some((c) => /Resolved in Sentry/.test(c.body))).toBe(true);
    const comment = shop?.pull_comments.find((p) => p.number === 1)?.comments.at(-1);
    expect(comment?.body).toMatch(/regression/i);
    expect(comment?.body).toContain('+  return item.quantity * item.price!.cents;');
    expect(issue?.state).toBe('open');

    const html = readFileSync(world?.htmlPath ?? '', 'utf8');
    expect(html).toContain('<article class="markdown-body">');
    expect(html).toContain('Comment on acme/shop#1');
  }, 120_000);

  it('fails naming the step when a piece breaks, and runs nothing after it', async () => {
    const lines: string[] = [];
    const code = await runDemo({
      print: (line) => lines.push(line),
      beforeStep: (name, world) => {
        if (!dataDirs.includes(world.dataDir)) dataDirs.push(world.dataDir);
        // Sentry refuses the token when the action creates release 1.
        if (name === 'release 1 with the bundled action') {
          world.sentry?.inject({
            method: 'POST',
            path: '/releases/$',
            status: 401,
            times: 10,
            body: { detail: 'Invalid token' },
          });
        }
      },
    });
    const out = lines.join('\n');
    expect(code).toBe(1);
    expect(out).toMatch(/^✗ release 1 with the bundled action\s+failed\s+.*node dist\/index\.js exited 1/m);
    expect(out).toMatch(/^· regression → PR comment\s+not run/m);
    expect(out).toMatch(/demo failed at step "release 1 with the bundled action"/);
  }, 60_000);

  it('fails at the first release, naming npm run package, when the bundled action is missing', async () => {
    const lines: string[] = [];
    const code = await runDemo({
      print: (line) => lines.push(line),
      actionEntry: join(tmpdir(), 'faultline-demo-no-dist', 'dist', 'index.js'),
      beforeStep: (_name, world) => {
        if (!dataDirs.includes(world.dataDir)) dataDirs.push(world.dataDir);
      },
    });
    const out = lines.join('\n');
    expect(code).toBe(1);
    expect(out).toMatch(
      /^✗ release 1 with the bundled action\s+failed\s+.*faultline-demo-no-dist\/dist\/index\.js is missing; run npm run package$/m,
    );
    for (const step of STEPS.slice(STEPS.indexOf('release 1 with the bundled action') + 1)) {
      expect(out).toMatch(new RegExp(`^· ${step}\\s+not run`, 'm'));
    }
    expect(out).toMatch(/demo failed at step "release 1 with the bundled action"/);
  }, 60_000);
});
