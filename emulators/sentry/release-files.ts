/**
 * Legacy release files (the per-file upload sentry-cli v2 falls back to on servers without artifact bundles):
 * list, multipart upload (`file`, `name`, `dist`, repeated `header` "Key:Value"), get, delete — under the
 * organization and under a project.
 */
import { createHash } from 'node:crypto';
import { type EmulatorContext, requireOrg } from './context.ts';
import { badRequest, HttpError, json, notFound, paginate, type RequestContext, type Route, route } from './http.ts';
import type { ReleaseFileRecord, ReleaseRecord } from './state.ts';

function releaseOf(emu: EmulatorContext, ctx: RequestContext): ReleaseRecord {
  requireOrg(emu, ctx);
  if (ctx.params.project !== undefined && !emu.store.projects.some((p) => p.slug === ctx.params.project)) {
    throw notFound();
  }
  const release = emu.store.releases.get(ctx.params.version ?? '');
  if (!release) throw notFound();
  return release;
}

async function uploadFile(emu: EmulatorContext, ctx: RequestContext, release: ReleaseRecord) {
  const contentType = String(ctx.headers['content-type'] ?? '');
  if (!contentType.startsWith('multipart/form-data')) throw badRequest({ detail: 'Missing uploaded file' });
  const form = await new Response(ctx.raw, { headers: { 'content-type': contentType } }).formData();
  const file = form.get('file');
  if (!file || typeof file === 'string') throw badRequest({ detail: 'Missing uploaded file' });
  const nameField = form.get('name');
  const name = typeof nameField === 'string' && nameField ? nameField : file.name;
  if (!name) throw badRequest({ detail: 'File name must be specified' });
  const distField = form.get('dist');
  const dist = typeof distField === 'string' && distField ? distField : null;
  const headers: Record<string, string> = {};
  for (const h of form.getAll('header')) {
    if (typeof h !== 'string') continue;
    const at = h.indexOf(':');
    if (at < 1) throw badRequest({ detail: 'header value was not formatted correctly' });
    headers[h.slice(0, at).trim()] = h.slice(at + 1).trim();
  }
  if (release.files.some((f) => f.name === name && f.dist === dist)) {
    throw new HttpError(409, { detail: 'A file matching this name already exists for the given release' });
  }
  const data = Buffer.from(await file.arrayBuffer());
  const record: ReleaseFileRecord = {
    id: emu.store.nextId(),
    name,
    dist,
    headers,
    size: data.length,
    sha1: createHash('sha1').update(data).digest('hex'),
    dateCreated: new Date().toISOString(),
  };
  release.files.push(record);
  return json(201, record);
}

export function releaseFileRoutes(emu: EmulatorContext): Route[] {
  const prefixes = [
    '/api/0/organizations/{org}/releases/{version}',
    '/api/0/projects/{org}/{project}/releases/{version}',
  ];
  return prefixes.flatMap((prefix) => [
    route('GET', `${prefix}/files/`, (ctx) => paginate(ctx, emu.baseUrl(), releaseOf(emu, ctx).files)),
    route('POST', `${prefix}/files/`, (ctx) => uploadFile(emu, ctx, releaseOf(emu, ctx))),
    route('GET', `${prefix}/files/{id}/`, (ctx) => {
      const file = releaseOf(emu, ctx).files.find((f) => f.id === ctx.params.id);
      if (!file) throw notFound();
      return json(200, file);
    }),
    route('DELETE', `${prefix}/files/{id}/`, (ctx) => {
      const release = releaseOf(emu, ctx);
      const before = release.files.length;
      release.files = release.files.filter((f) => f.id !== ctx.params.id);
      if (release.files.length === before) throw notFound();
      return { status: 204 };
    }),
  ]);
}
