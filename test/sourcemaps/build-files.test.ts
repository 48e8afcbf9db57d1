// Inject's file access: reads ahead and writes behind, yet every read sees the last write of its file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildFiles } from '../../src/sourcemaps/build-files.ts';
import type { DiscoveredFile } from '../../src/sourcemaps/discover.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faultline-build-files-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const file = (name: string) => ({ absolutePath: join(dir, name), path: name }) as DiscoveredFile;

describe('buildFiles', () => {
  it('a read after a write sees the written bytes, even when the file was read ahead before the write', async () => {
    await writeFile(join(dir, 'a.js.map'), 'old');
    const files = buildFiles({});
    files.prefetch(file('a.js.map'));
    await files.write(file('a.js.map'), 'new');
    expect((await files.read(file('a.js.map'))).toString()).toBe('new');
    files.prefetch(file('a.js.map'));
    expect((await files.read(file('a.js.map'))).toString()).toBe('new');
    await files.flush();
    expect(await readFile(join(dir, 'a.js.map'), 'utf8')).toBe('new');
  });

  it('a failed write is reported by the next write or by flush, naming the path', async () => {
    const files = buildFiles({});
    await files.write(file('missing-folder/a.js'), 'x');
    await expect(files.flush()).rejects.toMatchObject({ code: 'ENOENT', path: join(dir, 'missing-folder/a.js') });
  });

  it('a dry run writes nothing to disk and reads back what it would have written', async () => {
    await writeFile(join(dir, 'a.js'), 'old');
    const files = buildFiles({ dryRun: true });
    await files.write(file('a.js'), 'new');
    expect((await files.read(file('a.js'))).toString()).toBe('new');
    await files.flush();
    expect(await readFile(join(dir, 'a.js'), 'utf8')).toBe('old');
  });
});
