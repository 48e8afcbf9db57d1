/**
 * A private temporary folder that works when `$TMPDIR` names a folder that does not exist (a stale CI setting):
 * the folder is created, and when that is not possible the system's default temporary folder is used instead.
 */
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The system's temporary folder when `$TMPDIR`, `$TMP` and `$TEMP` are all ignored. */
function systemTempDir(): string {
  if (process.platform !== 'win32') return '/tmp';
  return join(process.env.SystemRoot ?? process.env.windir ?? 'C:\\Windows', 'Temp');
}

function isMissingFolder(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** `mkdtemp` under `os.tmpdir()`, creating that folder first or falling back to the system's one. */
export async function makeTempDir(prefix: string): Promise<string> {
  const base = tmpdir();
  try {
    return await mkdtemp(join(base, prefix));
  } catch (e) {
    if (!isMissingFolder(e)) throw e;
  }
  try {
    await mkdir(base, { recursive: true });
    return await mkdtemp(join(base, prefix));
  } catch {
    return await mkdtemp(join(systemTempDir(), prefix));
  }
}
