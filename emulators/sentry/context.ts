/** What every route module of the emulator shares: the store and the emulator's own settings. */
import type { EmulatorStore, ProjectRecord } from './state.ts';
import { HttpError, notFound, type RequestContext } from './http.ts';
import type { Caller } from './permissions.ts';
import { PERMISSION_DENIED } from './permissions.ts';

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
  /** Who an `Authorization` header names (scopes, installation); undefined for a missing, unknown or expired token. */
  caller(authorization: string | undefined): Caller | undefined;
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

/** The 403 Sentry answers when the token lacks the permission a route needs. */
export const permissionDenied = () => new HttpError(403, PERMISSION_DENIED);
