// The doctor's database check on both backends: SQLite here, PostgreSQL when DATABASE_URL is set (CI), each in a
// fresh schema; the URL's password never appears.
import { afterEach, describe, expect, it } from 'vitest';
import { runAppChecks } from '../../app/doctor/app-checks.ts';
import { backends, createBackend, type TestBackend } from '../app/backends.ts';

async function databaseRow(env: NodeJS.ProcessEnv) {
  const rows = await runAppChecks({ env, cwd: process.cwd(), timeoutMs: 3_000 });
  return rows.find((r) => r.name === 'database');
}

describe('doctor: database', () => {
  let backend: TestBackend | undefined;
  afterEach(async () => {
    await backend?.dispose();
    backend = undefined;
  });

  for (const { name, available } of backends) {
    it.skipIf(!available)(`${name}: not migrated is a ✗, migrated a ✓`, async () => {
      backend = await createBackend(name);
      const env = { ...backend.env };
      if (name === 'postgres') {
        const before = await databaseRow(env);
        expect(before).toMatchObject({ status: 'fail', detail: /migrations at 0 of \d+/ });
      }
      const store = await backend.open();
      await store.close();
      const after = await databaseRow(env);
      expect(after?.status).toBe('pass');
      expect(after?.detail).toMatch(/reachable, migrations (\d+)\/\1$/);
      if (name === 'postgres') expect(after?.detail).toMatch(/^PostgreSQL at /);
    });
  }

  it('an unreachable PostgreSQL: ✗ naming host and database, never the password', async () => {
    const row = await databaseRow({ DATABASE_URL: 'postgres://faultline:s3cretPassw0rd@127.0.0.1:1/faultline' });
    expect(row).toMatchObject({
      status: 'fail',
      detail: 'PostgreSQL at 127.0.0.1:1/faultline unreachable (ECONNREFUSED)',
    });
    expect(JSON.stringify(row)).not.toContain('s3cretPassw0rd');
  });
});

describe('faultline doctor through the CLI', () => {
  it('is dispatched by `faultline doctor`, with its own help', async () => {
    const { runCli } = await import('../../src/cli/cli.ts');
    const out: string[] = [];
    const io = { env: {}, cwd: process.cwd(), stdout: (l: string) => out.push(l), stderr: (l: string) => out.push(l) };
    expect(await runCli(['doctor', '--help'], io)).toBe(0);
    expect(out.join('\n')).toMatch(/^usage: faultline doctor/);
    expect(await runCli(['doctor', '--bogus'], io)).toBe(2);
  });
});
