/**
 * `POST artifactbundle/assemble/` in Sentry's order (protocol notes §3.3): schema, projects, missing chunks first,
 * then the cached state, then `created`; the assembly itself runs after the answer, moving
 * created → assembling → ok | error, and stores the bundle with its manifest and file list.
 */
import { createHash } from 'node:crypto';
import { type EmulatorContext, requireOrg } from './context.ts';
import { InvalidBundleError, parseArtifactBundle } from './bundle.ts';
import { badRequest, json, parseJsonBody, type RequestContext, type Route, route } from './http.ts';
import type { AssemblyRecord, BundleRecord, EmulatorStore } from './state.ts';

const SHA1 = /^[0-9a-f]{40}$/;
const ALLOWED_KEYS = new Set(['version', 'dist', 'projects', 'checksum', 'chunks']);

export interface AssembleRequest {
  checksum: string;
  chunks: string[];
  projects: string[];
  version?: string;
  dist?: string;
}

/** Sentry's jsonschema for the assemble body; errors are the first line of jsonschema's message. */
export function validateAssembleBody(body: Record<string, unknown>): AssembleRequest {
  for (const key of Object.keys(body)) {
    if (!ALLOWED_KEYS.has(key))
      throw badRequest({ error: `Additional properties are not allowed ('${key}' was unexpected)` });
  }
  if (typeof body.checksum !== 'string' || !SHA1.test(body.checksum)) {
    throw badRequest({ error: 'The checksum field is required and must be a 40-character hexadecimal string.' });
  }
  if (!Array.isArray(body.chunks) || body.chunks.some((c) => typeof c !== 'string' || !SHA1.test(c))) {
    throw badRequest({
      error: 'The chunks field is required and must be provided as an array of 40-character hexadecimal strings.',
    });
  }
  if (!Array.isArray(body.projects) || body.projects.some((p) => typeof p !== 'string')) {
    throw badRequest({ error: 'The projects field is required and must be provided as an array of strings.' });
  }
  if (body.version !== undefined && (typeof body.version !== 'string' || !/^[^/]+$/.test(body.version))) {
    throw badRequest({ error: 'The version field must be a string that does not contain a slash.' });
  }
  if (body.dist !== undefined && typeof body.dist !== 'string') {
    throw badRequest({ error: 'The dist field must be a string.' });
  }
  return body as unknown as AssembleRequest;
}

function resolveAssembleProjects(emu: EmulatorContext, projects: string[]): string[] {
  if (projects.length === 0) throw badRequest({ error: 'You need to specify at least one project' });
  const found = projects.map((p) =>
    /^\d+$/.test(p) ? emu.store.projects.find((x) => x.id === p) : emu.store.projects.find((x) => x.slug === p),
  );
  const unique = new Set(found.filter((p) => p !== undefined).map((p) => p.slug));
  // Sentry compares counts, so a duplicate entry is refused as well.
  if (unique.size !== projects.length) throw badRequest({ error: 'One or more projects are invalid' });
  return [...unique];
}

function answerFor(record: AssemblyRecord) {
  return { state: record.state, detail: record.detail, missingChunks: [] as string[] };
}

function assemble(emu: EmulatorContext, jobs: AssemblyJobs, ctx: RequestContext) {
  requireOrg(emu, ctx);
  const body = validateAssembleBody(parseJsonBody(ctx, 'error'));
  const projects = resolveAssembleProjects(emu, body.projects);
  const missing = body.chunks.filter((c) => !emu.store.blobs.has(c));
  if (missing.length) return json(200, { state: 'not_found', missingChunks: [...new Set(missing)] });
  const cached = emu.store.assemblies.get(body.checksum);
  if (cached) return json(200, answerFor(cached));
  if (body.chunks.length === 0) return json(200, { state: 'not_found', missingChunks: [] });
  if (body.dist !== undefined && !body.version) {
    throw badRequest({ error: 'You need to specify a release together with a dist' });
  }
  const record: AssemblyRecord = { checksum: body.checksum, chunks: [...body.chunks], state: 'created', detail: null };
  emu.store.assemblies.set(body.checksum, record);
  jobs.start(emu, record, { ...body, projects });
  return json(200, { state: 'created', missingChunks: [] });
}

interface AssemblyOutcome {
  state: 'ok' | 'error';
  detail: string | null;
  bundle?: BundleRecord;
  contents?: Map<string, Buffer>;
}

/** The worker half: builds the file from its chunks, checks it and reads the manifest. Changes nothing. */
export async function assembleBundle(
  store: EmulatorStore,
  limits: EmulatorContext['limits'],
  req: AssembleRequest,
): Promise<AssemblyOutcome> {
  const error = (detail: string): AssemblyOutcome => ({ state: 'error', detail });
  const parts = req.chunks.map((c) => store.blobs.get(c));
  if (parts.some((p) => p === undefined)) return error('Not all chunks available for assembling');
  const bytes = Buffer.concat(parts as Buffer[]);
  if (bytes.length > limits.maxFileSize) {
    return error(`File artifact-bundle.zip exceeds maximum size (${bytes.length} > ${limits.maxFileSize})`);
  }
  if (createHash('sha1').update(bytes).digest('hex') !== req.checksum) return error('Reported checksum mismatch');
  let parsed;
  try {
    parsed = await parseArtifactBundle(bytes);
  } catch (err) {
    return error(err instanceof InvalidBundleError ? 'the bundle is invalid' : 'internal server error');
  }
  const manifestRelease = typeof parsed.manifest.release === 'string' ? parsed.manifest.release : undefined;
  const manifestDist = typeof parsed.manifest.dist === 'string' ? parsed.manifest.dist : undefined;
  // The request's version and dist take precedence over the manifest's.
  const release = req.version || manifestRelease || null;
  const dist = req.version ? (req.dist ?? null) : (manifestDist ?? req.dist ?? null);
  if (!release && !parsed.files.some((f) => f.debugId)) {
    return error('uploading a bundle without debug ids or release is prohibited');
  }
  // A bundle without files is dropped and still reported ok, as Sentry does.
  if (parsed.files.length === 0) return { state: 'ok', detail: null };
  const declared = typeof parsed.manifest.debug_id === 'string' ? parsed.manifest.debug_id.slice(0, 36) : '';
  const bundleId = declared || uuidFromHex(req.checksum);
  return {
    state: 'ok',
    detail: null,
    contents: parsed.contents,
    bundle: {
      bundleId,
      checksum: req.checksum,
      projects: req.projects,
      release,
      dist,
      manifest: parsed.manifest,
      files: parsed.files,
      dateCreated: new Date().toISOString(),
    },
  };
}

function uuidFromHex(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Runs assemblies after the answer went out, as Sentry's task queue does: `assembling` at once, the outcome after
 * at least `delayMs`. Each job writes into the store it started on, so a reset in between leaves no trace.
 */
export class AssemblyJobs {
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #delayMs: number;

  /** `delayMs`: how long an assembly stays `assembling` (0: as soon as the bundle is read). */
  constructor(delayMs: number) {
    this.#delayMs = delayMs;
  }

  start(emu: EmulatorContext, record: AssemblyRecord, req: AssembleRequest): void {
    const store = emu.store;
    this.#later(0, async () => {
      record.state = 'assembling';
      const started = Date.now();
      const outcome = await assembleBundle(store, emu.limits, req);
      this.#later(Math.max(0, this.#delayMs - (Date.now() - started)), () => {
        if (outcome.bundle) {
          store.bundles.set(outcome.bundle.bundleId, outcome.bundle);
          store.bundleContents.set(outcome.bundle.bundleId, outcome.contents ?? new Map());
        }
        record.state = outcome.state;
        record.detail = outcome.detail;
      });
    });
  }

  #later(ms: number, fn: () => unknown): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      void fn();
    }, ms);
    this.#timers.add(timer);
  }

  cancelAll(): void {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }
}

export function assembleRoutes(emu: EmulatorContext, jobs: AssemblyJobs): Route[] {
  return [route('POST', '/api/0/organizations/{org}/artifactbundle/assemble/', (ctx) => assemble(emu, jobs, ctx))];
}
