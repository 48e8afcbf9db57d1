/** What an upload is told: the groups of paths with their projects, and how the files are named and sent. */
import type { DiscoverOptions } from './discover.ts';
import { splitPathList } from './discover.ts';
import type { UploadProgress } from './progress.ts';

export interface UploadGroup {
  /** Directories, files or globs (newline/comma lists allowed). */
  paths: string[];
  projects: string[];
}

export interface UploadOptions extends Omit<DiscoverOptions, 'extensions'> {
  groups: UploadGroup[];
  release?: string;
  dist?: string;
  /** Default `~`; one trailing `/` is dropped. */
  urlPrefix?: string;
  urlSuffix?: string;
  extensions?: readonly string[];
  note?: string;
  /** Poll assemble until `ok`/`error`. */
  wait?: boolean;
  /** Upper bound for `wait` (ms); the server's `maxWait` lowers it. Default 300000. */
  waitTimeoutMs?: number;
  /** Remove the uploaded `.map` files afterwards, so they are not deployed. */
  deleteAfterUpload?: boolean;
  /** Fail when there is nothing to upload. */
  strict?: boolean;
  /** zlib level for bundle entries. Default: stored when the server takes gzipped chunks, else 6. */
  compressionLevel?: number;
  /** Maps already read by an inject in this process (absolute path → debug ID): not parsed again. */
  knownMapDebugIds?: ReadonlyMap<string, string>;
  log?: (line: string) => void;
  /** Bytes and chunks sent while the chunks go (see progress.ts). */
  progress?: UploadProgress;
  /** Tests: pause between assemble polls. */
  sleep?: (ms: number) => Promise<void>;
}

export class UploadError extends Error {
  readonly detail?: string | null;
  constructor(message: string, options?: { cause?: unknown; detail?: string | null }) {
    super(message, options?.cause ? { cause: options.cause } : undefined);
    this.name = 'UploadError';
    if (options && 'detail' in options) this.detail = options.detail ?? null;
  }
}

/** `dist:web` → `{paths: ['dist'], projects: ['web']}`; a plain path goes to `defaultProjects`. */
export function parseUploadTargets(args: readonly string[], defaultProjects: readonly string[]): UploadGroup[] {
  const plain: string[] = [];
  const byProject = new Map<string, string[]>();
  for (const arg of splitPathList(args)) {
    // `C:\x` (a drive letter) and URLs are paths, not pairs.
    const m = /^(.+):([A-Za-z0-9][A-Za-z0-9_.-]*)$/.exec(arg);
    if (m && !/^[A-Za-z]$/.test(m[1]!)) byProject.set(m[2]!, [...(byProject.get(m[2]!) ?? []), m[1]!]);
    else plain.push(arg);
  }
  const groups: UploadGroup[] = [];
  if (plain.length) groups.push({ paths: plain, projects: [...defaultProjects] });
  for (const [project, paths] of byProject) groups.push({ paths, projects: [project] });
  return groups;
}
