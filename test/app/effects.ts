// A side-effect ledger for the multi-process tests, in the app's own database: `effects` has one row per delivery
// (an idempotent handler's visible effect), `runs` one row per handler execution (to count re-runs).
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { sqliteFileIn } from '../../app/store/index.ts';

export interface Effects {
  /** Records that the handler ran for `deliveryId`; returns false when the effect already existed. */
  record(deliveryId: number, pid: number): Promise<boolean>;
  counts(): Promise<{ effects: number; runs: number; maxRunsPerDelivery: number; pids: number }>;
  close(): Promise<void>;
}

const schema = [
  'CREATE TABLE IF NOT EXISTS test_effects (delivery_id BIGINT PRIMARY KEY, pid INTEGER NOT NULL)',
  'CREATE TABLE IF NOT EXISTS test_runs (delivery_id BIGINT NOT NULL, pid INTEGER NOT NULL)',
];
const countSql = `SELECT (SELECT COUNT(*) FROM test_effects) AS effects, (SELECT COUNT(*) FROM test_runs) AS runs,
  (SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM test_runs GROUP BY delivery_id) AS per) AS max_runs,
  (SELECT COUNT(DISTINCT pid) FROM test_runs) AS pids`;

type CountRow = { effects: unknown; runs: unknown; max_runs: unknown; pids: unknown };
const toCounts = (r: CountRow) => ({
  effects: Number(r.effects),
  runs: Number(r.runs),
  maxRunsPerDelivery: Number(r.max_runs),
  pids: Number(r.pids),
});

export async function openEffects(env: NodeJS.ProcessEnv): Promise<Effects> {
  if (env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 4 });
    for (const statement of schema) await pool.query(statement);
    return {
      async record(deliveryId, pid) {
        await pool.query('INSERT INTO test_runs (delivery_id, pid) VALUES ($1, $2)', [deliveryId, pid]);
        const r = await pool.query(
          'INSERT INTO test_effects (delivery_id, pid) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
          [deliveryId, pid],
        );
        return (r.rowCount ?? 0) > 0;
      },
      async counts() {
        return toCounts((await pool.query(countSql)).rows[0] as CountRow);
      },
      close: () => pool.end(),
    };
  }
  const db = new DatabaseSync(sqliteFileIn(env.FAULTLINE_DATA_DIR!));
  db.exec('PRAGMA busy_timeout = 10000');
  for (const statement of schema) db.exec(statement);
  return {
    async record(deliveryId, pid) {
      db.exec('BEGIN IMMEDIATE');
      try {
        db.prepare('INSERT INTO test_runs (delivery_id, pid) VALUES (?, ?)').run(deliveryId, pid);
        const r = db
          .prepare('INSERT INTO test_effects (delivery_id, pid) VALUES (?, ?) ON CONFLICT DO NOTHING')
          .run(deliveryId, pid);
        db.exec('COMMIT');
        return Number(r.changes) > 0;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    async counts() {
      return toCounts(db.prepare(countSql).get() as CountRow);
    },
    async close() {
      db.close();
    },
  };
}
