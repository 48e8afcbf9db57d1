// `npm run demo`: the whole loop against local emulators — release with the bundled action, alert → GitHub issue,
// resolve, release 2 from a pull request that brings the error back, regression → PR comment — then a summary.
// A step that cannot do its part fails the demo (exit 1), naming the step and what to do; later steps do not run.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DemoWorld, runLoop } from './demo/loop.ts';
import { DemoSteps, renderSummary } from './demo/steps.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface DemoOptions {
  print?: (line: string) => void;
  /** The bundled action to release with; default dist/index.js (tests name a missing one to see the demo fail). */
  actionEntry?: string;
  /** Called before each step runs (tests inject faults to see the demo fail). */
  beforeStep?: (name: string, world: DemoWorld) => void | Promise<void>;
  /** Called with the world before the emulators stop (tests look at what was created). */
  inspect?: (world: DemoWorld, steps: DemoSteps) => void | Promise<void>;
}

export async function runDemo(opts: DemoOptions = {}): Promise<number> {
  const print = opts.print ?? console.log;
  const started = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'faultline-demo-'));
  const steps = new DemoSteps(print);
  const actionEntry = opts.actionEntry ?? join(root, 'dist/index.js');
  const world: DemoWorld = { root, dataDir, actionEntry, print, cleanups: [] };
  print(`faultline demo — data dir ${dataDir}`);
  try {
    await runLoop(world, steps, opts.beforeStep);
    await opts.inspect?.(world, steps);
  } finally {
    if (steps.failed && world.app) {
      const problems = world.app.problems();
      if (problems.length) print(`the app logged:\n  ${problems.slice(-10).join('\n  ')}`);
    }
    for (const cleanup of world.cleanups.reverse()) await cleanup().catch((e) => print(`cleanup: ${String(e)}`));
  }
  print('');
  print(renderSummary(steps.records, Math.round(performance.now() - started)));
  if (world.htmlPath) print(`\nopen ${world.htmlPath} to see the issue and the PR comment as GitHub shows them`);
  if (steps.failed) {
    print(`demo failed at step "${steps.failed}"`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = await runDemo();
  // Everything is closed, but idle keep-alive sockets would hold the process for their timeouts: leave once the
  // output is flushed.
  process.stdout.write('', () => process.exit(code));
}
