// `npm run demo`: the whole loop against local emulators — release with the bundled action, alert → GitHub issue,
// resolve, release 2 with a pull request that brings the error back, regression → PR comment — then a summary.
// Steps whose piece is not in this tree yet are named and skipped; a present step that breaks fails the demo.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebApp } from '../examples/web-app/build.ts';
import { DemoSteps, renderSummary, StepUnavailable } from './demo/steps.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function runDemo(print: (line: string) => void = console.log): Promise<number> {
  const started = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), 'faultline-demo-'));
  const steps = new DemoSteps(print);
  const cleanups: Array<() => Promise<void>> = [];
  print(`faultline demo — data dir ${dataDir}`);

  const needs = (path: string, what: string) => {
    if (!existsSync(join(root, path))) throw new StepUnavailable(`${what} is not in this tree yet (${path})`);
  };

  try {
    await steps.run('build the sample web app', async () => {
      const built = await buildWebApp(join(root, 'examples/web-app/src'), join(dataDir, 'web-app-build'));
      return `${built.length} files + source maps in ${join(dataDir, 'web-app-build')}`;
    });
    await steps.run('start the Sentry emulator', async () => {
      needs('test/emulators/sentry/server.ts', 'the Sentry emulator');
      return 'started';
    });
    await steps.run('start the GitHub emulator', async () => {
      needs('test/emulators/github/server.ts', 'the GitHub emulator');
      return 'started';
    });
    steps.skip('start the app', 'waiting for the emulators');
    steps.skip('release 1 with the bundled action', 'the release pipeline (src/release/) is not in this tree yet');
    steps.skip('alert → GitHub issue', 'triage (app/triage/) is not in this tree yet');
    steps.skip('resolve', 'sync (app/sync/) is not in this tree yet');
    steps.skip('release 2 with a PR reintroducing the error', 'the release pipeline is not in this tree yet');
    steps.skip('regression → PR comment', 'sync (app/sync/) is not in this tree yet');
    steps.skip('write the HTML page', 'nothing rendered yet');
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  }

  print('');
  print(renderSummary(steps.records, Math.round(performance.now() - started)));
  if (steps.failed) {
    print(`demo failed at step "${steps.failed}"`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await runDemo();
}
