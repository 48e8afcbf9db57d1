/** What every route module of the emulator shares: the store and the emulator's own settings. */
import type { EmulatorStore, ProjectRecord } from './state.ts';
import { notFound, type RequestContext } from './http.ts';

export interface ChunkUploadLimits {
  chunkSize: number;
  chunksPerRequest: number;
  maxRequestSize: number;
  maxFileSize: number;
  concurrency: number;
  maxWait: number;
}

export interface EmulatorContext {
  store: EmulatorStore;
  /** http://127.0.0.1:PORT, known once the server listens. */
  baseUrl(): string;
  limits: ChunkUploadLimits;
  /**
   * Tells installations that subscribed (seeded with a `webhookUrl`) what an API call changed, as Sentry's
   * integration platform does; `authorization` is the caller's header, which decides the webhook's actor, unless
   * `actor` names it (Sentry itself, for what its own processing did).
   */
  notify(event: {
    resource: string;
    action: string;
    data: Record<string, unknown>;
    authorization?: string;
    actor?: Record<string, unknown>;
  }): void;
}

/** 404 unless the `{org}` path parameter names the emulator's organization. */
export function requireOrg(emu: EmulatorContext, ctx: RequestContext): void {
  if (ctx.params.org !== emu.store.orgSlug) throw notFound();
}

/** The project the `{project}` path parameter names by slug; 404 when there is none. */
export function requireProject(emu: EmulatorContext, ctx: RequestContext): ProjectRecord {
  const project = emu.store.projects.find((p) => p.slug === ctx.params.project);
  if (!project) throw notFound();
  return project;
}
