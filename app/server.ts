import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, createProbot, type Probot, ProbotOctokit } from 'probot';
import type { AppConfig } from './config.ts';
import { type AppDeps, createAppDeps } from './deps.ts';
import { githubThrottle, withGitHubPacing } from './github-pacing.ts';
import { createGitHubWebhookGuard } from './github-webhook-guard.ts';
import faultline from './index.ts';
import type { Log } from './log.ts';
import { createRootLogger } from './logger.ts';
import { createMetrics, createMetricsRoute, githubMetricsPlugin } from './metrics/index.ts';
import type { OwnErrors } from './own-errors.ts';
import { startWebhookProxy } from './webhook-proxy.ts';
import { DEFAULT_GITHUB_TIMEOUT_MS, fetchWithTimeout } from './outbound-timeout.ts';

export interface RunningApp {
  url: string;
  port: number;
  probot: Probot;
  deps: AppDeps;
  server: Server;
  /** `/metrics` on its own listener (METRICS_PORT); undefined when the main port serves it. */
  metricsUrl: string | undefined;
  /** Graceful: stop accepting, finish or release in-flight jobs, close the pool. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Probot's webhooks + our routes on our own HTTP server (Probot's `Server` would turn port 0 into 3000, and `run()`
 * would load a `.env` over the environment), with the job workers in the same process.
 */
export async function startApp(
  config: AppConfig,
  opts: {
    runner?: { pollMs?: number; leaseMs?: number };
    configure?: (deps: AppDeps) => void;
    /** Our components' log (intake, workers); default: Probot's logger. */
    log?: Log;
    /** Tests: an Octokit class, e.g. one with `throttle.enabled: false` (no pacing of writes). */
    octokit?: typeof ProbotOctokit;
    ownErrors?: OwnErrors;
  } = {},
): Promise<RunningApp> {
  const metrics = createMetrics();
  // Probot builds its logger on first load (inside createNodeMiddleware): forward to it when lines are written.
  const log: Log = opts.log ?? {
    debug: (fields, message) => probot.log?.debug(fields, message),
    info: (fields, message) => probot.log?.info(fields, message),
    warn: (fields, message) => probot.log?.warn(fields, message),
    error: (fields, message) => probot.log?.error(fields, message),
  };
  const throttle = githubThrottle({ metrics, log });
  const probot = createProbot({
    env: { LOG_FORMAT: config.logFormat },
    overrides: {
      appId: config.github.appId,
      privateKey: config.github.privateKey,
      secret: config.github.webhookSecret,
      logLevel: config.logLevel,
      baseUrl: config.github.baseUrl ?? 'https://api.github.com',
      // Octokit has no deadline of its own: a hung GitHub request would hold a worker for good.
      request: { fetch: fetchWithTimeout(config.github.requestTimeoutMs ?? DEFAULT_GITHUB_TIMEOUT_MS) },
      // Pacing wraps the metrics plugin: call latency is GitHub's answer, not the time a request waited its turn.
      Octokit: withGitHubPacing((opts.octokit ?? ProbotOctokit).plugin(githubMetricsPlugin(metrics)), throttle),
      log: await createRootLogger(config),
    },
  });
  const deps = await createAppDeps(config, log, opts.runner, { metrics, ownErrors: opts.ownErrors });
  const metricsRoute = createMetricsRoute(metrics, config.metrics?.token);
  const metricsServer = config.metrics?.port === undefined ? undefined : await listenForMetrics(config, metricsRoute);
  opts.configure?.(deps);
  const middleware = await createNodeMiddleware((app, options) => faultline(app, options, deps), { probot });
  const guard = createGitHubWebhookGuard(config.github.webhookSecret, log);
  const server = createServer(async (req, res) => {
    if (!metricsServer && (await metricsRoute(req, res))) return;
    try {
      if (await guard(req, res)) return;
    } catch {
      if (!res.headersSent) res.writeHead(400, { connection: 'close' }).end();
      return;
    }
    void middleware(req, res, () => {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
    });
  });
  // Sentry waits 1 s at most: keep connections alive for its retries, but drop idle ones on shutdown.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  deps.runner.start();
  const port = (server.address() as AddressInfo).port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const proxy = config.webhookProxyUrl
    ? startWebhookProxy({ source: config.webhookProxyUrl, target: `http://${host}:${port}/api/github/webhooks`, log })
    : undefined;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    probot,
    deps,
    server,
    metricsUrl: metricsServer
      ? `http://${config.metrics!.host}:${(metricsServer.address() as AddressInfo).port}`
      : undefined,
    close(graceMs = 10_000) {
      closing ??= (async () => {
        proxy?.close();
        metricsServer?.close();
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        await deps.runner.stop(graceMs);
        await stopped;
        await deps.store.close();
      })();
      return closing;
    },
  };
}

/** METRICS_HOST:METRICS_PORT serves only `/metrics`, so the scrape can stay on a private interface. */
async function listenForMetrics(config: AppConfig, route: ReturnType<typeof createMetricsRoute>): Promise<Server> {
  const server = createServer(async (req, res) => {
    if (!(await route(req, res))) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.metrics!.port, config.metrics!.host, () => resolve());
  });
  return server;
}
