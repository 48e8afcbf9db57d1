// A whole app process for the multi-process tests: `node --experimental-strip-types test/app/app-process.ts` with
// the app's environment, plus TEST_HANDLER_DELAY_MS and TEST_LEASE_MS. Every Sentry `issue` webhook is handled by
// recording an effect in the shared ledger (or, with TEST_HANDLER_FAIL, by throwing). Prints `listening <url>` once
// ready; with SENTRY_DSN, the app's own errors go there.
import { loadConfig } from '../../app/config.ts';
import { startOwnErrors } from '../../app/own-errors.ts';
import { startApp } from '../../app/server.ts';
import { openEffects } from './effects.ts';

const env = process.env;
const config = loadConfig(env);
const effects = await openEffects(env);
const delayMs = Number(env.TEST_HANDLER_DELAY_MS ?? 0);
const running = await startApp(config, {
  ownErrors: await startOwnErrors(env.SENTRY_DSN),
  runner: { pollMs: 20, leaseMs: Number(env.TEST_LEASE_MS ?? 60_000) },
  configure: (deps) => {
    deps.sentry.on('issue', async (_webhook, ctx) => {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      if (env.TEST_HANDLER_FAIL) throw new Error(`handler failed on purpose for ${env.TEST_HANDLER_FAIL}`);
      await effects.record(ctx.delivery.id, process.pid);
    });
  },
});
process.stdout.write(`listening ${running.url}\n`);
process.once('SIGTERM', () => {
  void running
    .close(5_000)
    .then(() => effects.close())
    .then(() => process.exit(0));
});
