/**
 * The build's files as inject reads and writes them: reads may start before they are asked for and writes finish
 * behind the work, so the disk and the CPU work at once, with at most a few files held in memory.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { DiscoveredFile } from './discover.ts';

export interface BuildFiles {
  read(file: DiscoveredFile): Promise<Buffer>;
  /** Starts reading a file that `read` will soon ask for. */
  prefetch(file: DiscoveredFile): void;
  write(file: DiscoveredFile, data: string | Uint8Array): Promise<void>;
  /** Waits for the writes still in flight; throws the first that failed. */
  flush(): Promise<void>;
}

/** Writes that may be in flight at once: the next file is computed meanwhile, and memory stays bounded. */
const WRITES_IN_FLIGHT = 2;

/**
 * The build's files on disk. Reads may start before they are asked for and writes finish behind the work, so the
 * disk and the CPU work at once; a read waits for a write of the same file, and a write drops a read of it started
 * earlier. Dry runs keep what would have been written in memory, so later files see it as sentry-cli's in-memory copy
 * does.
 */
export function buildFiles(opts: { dryRun?: boolean | undefined }): BuildFiles {
  const overlay = new Map<string, Buffer>();
  const early = new Map<string, Promise<Buffer>>();
  const writing = new Map<string, Promise<void>>();
  let failed: { error: unknown } | undefined;
  return {
    read: async (f) => {
      const path = f.absolutePath;
      const kept = overlay.get(path);
      if (kept) return kept;
      await writing.get(path);
      const started = early.get(path);
      early.delete(path);
      return (await started) ?? (await readFile(path));
    },
    prefetch: (f) => {
      const path = f.absolutePath;
      if (opts.dryRun || early.has(path) || writing.has(path)) return;
      const reading = readFile(path);
      reading.catch(() => {}); // a failed read is reported when the file is read for real
      early.set(path, reading);
    },
    write: async (f, data) => {
      const path = f.absolutePath;
      early.delete(path);
      if (opts.dryRun) {
        overlay.set(path, Buffer.from(data));
        return;
      }
      if (failed) throw failed.error;
      while (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing.values());
      const done = writeFile(path, data).then(
        () => {
          writing.delete(path);
        },
        (error: unknown) => {
          writing.delete(path);
          failed ??= { error };
        },
      );
      writing.set(path, done);
    },
    flush: async () => {
      await Promise.all(writing.values());
      if (failed) throw failed.error;
    },
  };
}
