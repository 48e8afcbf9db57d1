import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JobRunner } from './jobs/index.ts';
import type { SqlStore } from './store/index.ts';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  migrations: 'applied' | 'pending' | 'unknown';
  workers: 'running' | 'stopped';
  jobs?: Record<string, number>;
  error?: string;
}

export async function checkReadiness(store: SqlStore, runner: JobRunner): Promise<Readiness> {
  const workers = runner.running ? 'running' : 'stopped';
  try {
    await store.ping();
    const migrated = await store.isMigrated();
    const jobs = await store.countJobs();
    return {
      ready: migrated && runner.running,
      database: 'ok',
      migrations: migrated ? 'applied' : 'pending',
      workers,
      jobs,
    };
  } catch (error) {
    return { ready: false, database: 'unreachable', migrations: 'unknown', workers, error: (error as Error).message };
  }
}

/** `GET /healthz` (the process answers) and `GET /readyz` (database, migrations, workers) as one addHandler handler. */
export function createHealthRoutes(store: SqlStore, runner: JobRunner) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || (path !== '/healthz' && path !== '/readyz')) return false;
    const body = path === '/healthz' ? { ok: true } : await checkReadiness(store, runner);
    const status = 'ready' in body && !body.ready ? 503 : 200;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    return true;
  };
}
