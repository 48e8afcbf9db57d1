// `npm start`: config from the environment, then Probot + our routes + the job workers in one process.
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';
import { startApp } from './server.ts';

const DELIVERY_RETENTION_MS = 24 * 60 * 60_000;

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 78; // EX_CONFIG
  }
  const running = await startApp(config);
  const log = running.probot.log;
  log.info(
    { url: running.url, storage: config.storage.kind, workers: config.workers.concurrency },
    `faultline listening on ${running.url}`,
  );
  const housekeeping = setInterval(() => {
    running.deps.store.pruneDeliveries(Date.now() - DELIVERY_RETENTION_MS).catch(() => {});
    running.deps.store.pruneDoneJobs(Date.now() - DELIVERY_RETENTION_MS).catch(() => {});
    running.deps.tokens.refreshExpiring().catch(() => {});
  }, 5 * 60_000);
  housekeeping.unref();

  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      log.info({ signal }, 'shutting down: finishing in-flight jobs');
      clearInterval(housekeeping);
      running.close().then(resolve, (error) => {
        log.error({ failure: String(error) }, 'shutdown failed');
        resolve();
      });
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });
  log.info({}, 'faultline stopped');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
