import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JobRunner, StuckJob } from './jobs/index.ts';
import type { SqlStore } from './store/index.ts';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable';
  migrations: 'applied' | 'pending' | 'unknown';
  workers: 'running' | 'stopped';
  jobs?: Record<string, number>;
  /** Workers held past their job's lease (each names the job); any makes the process not ready. */
  stuck?: StuckJob[];
  error?: string;
}

export async function checkReadiness(store: SqlStore, runner: JobRunner): Promise<Readiness> {
  const workers = runner.running ? 'running' : 'stopped';
  const stuck = runner.stuckJobs();
  try {
    await store.ping();
    const migrated = await store.isMigrated();
    const jobs = await store.countJobs();
    return {
      ready: migrated && runner.running && stuck.length === 0,
      database: 'ok',
      migrations: migrated ? 'applied' : 'pending',
      workers,
      jobs,
      ...(stuck.length > 0 ? { stuck, error: describeStuck(stuck) } : {}),
    };
  } catch (error) {
    return { ready: false, database: 'unreachable', migrations: 'unknown', workers, error: (error as Error).message };
  }
}

function describeStuck(stuck: StuckJob[]): string {
  const jobs = stuck.map((j) => `job ${j.id} (${j.type}) running ${Math.round(j.runningMs / 1000)} s`);
  return `${stuck.length} worker(s) stuck past the job lease: ${jobs.join(', ')}`;
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
