// `npm start`: config from the environment, then Probot + our routes + the job workers in one process.
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, withDotEnv } from './config.ts';
import { TokenKeyError } from './installations/token-crypto.ts';
import { startOwnErrors } from './own-errors.ts';
import { startApp } from './server.ts';

const DELIVERY_RETENTION_MS = 24 * 60 * 60_000;

/** `.env` in the working directory is read as Probot reads it; the real environment wins over it. */
export async function main(env: NodeJS.ProcessEnv = withDotEnv(process.env)): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 78; // EX_CONFIG
  }
  const ownErrors = await startOwnErrors(config.sentryDsn);
  let running: Awaited<ReturnType<typeof startApp>>;
  try {
    running = await startApp(config, { ownErrors });
  } catch (error) {
    const message = `faultline cannot start: ${describeStartFailure(config, error)}`;
    console.error(message);
    ownErrors.startFailure(new Error(message));
    await ownErrors.flush();
    return 1;
  }
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
  await ownErrors.flush();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}

/** One line naming what failed and what to check; never the DATABASE_URL itself (it may hold a password). */
export function describeStartFailure(config: ReturnType<typeof loadConfig>, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TokenKeyError) return message;
  if (code === 'EADDRINUSE' || code === 'EACCES') {
    return `cannot listen on ${config.host}:${config.port} (${code}): choose another PORT or free that one`;
  }
  if (config.storage.kind === 'postgres') {
    return `cannot open the PostgreSQL database named by DATABASE_URL (${code ?? message}): check that the server is running and reachable, and the credentials`;
  }
  return `cannot open the SQLite database ${config.storage.file} (${code ?? message}): check that FAULTLINE_DATA_DIR is writable`;
}
