import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, sqliteFileIn } from './index.ts';

const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('the SQLite data directory is private', () => {
  const root = mkdtempSync(join(tmpdir(), 'faultline-perm-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates the directory 0700 and the database, -wal and -shm files 0600, whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const dir = join(root, 'fresh', 'data');
      const store = await openStore({ kind: 'sqlite', file: sqliteFileIn(dir) });
      await store.ping();
      expect(mode(dir)).toBe(0o700);
      for (const suffix of ['', '-wal', '-shm']) expect(mode(`${sqliteFileIn(dir)}${suffix}`)).toBe(0o600);
      await store.close();
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a data directory an older version left 0755, and the database file it left 0644', async () => {
    const dir = join(root, 'older');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    const first = await openStore({ kind: 'sqlite', file: sqliteFileIn(dir) });
    await first.close();
    chmodSync(dir, 0o755);
    chmodSync(sqliteFileIn(dir), 0o644);
    const store = await openStore({ kind: 'sqlite', file: sqliteFileIn(dir) });
    expect(mode(dir)).toBe(0o700);
    expect(mode(sqliteFileIn(dir))).toBe(0o600);
    await store.close();
  });
});
