/** The API index (`GET /api/0/`, what the token may do), the organization and its projects. */
import { type EmulatorContext, requireOrg, requireProject } from './context.ts';
import { json, paginate, type Route, route } from './http.ts';
import type { ProjectRecord } from './state.ts';

function serializeOrg(emu: EmulatorContext) {
  const slug = emu.store.orgSlug;
  return { id: '1', slug, name: slug, status: { id: 'active', name: 'active' }, features: [], isDefault: false };
}

function serializeProject(emu: EmulatorContext, p: ProjectRecord) {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    platform: p.platform,
    status: 'active',
    organization: { id: '1', slug: emu.store.orgSlug, name: emu.store.orgSlug },
  };
}

/** `GET /api/0/` answers who the token is; `scopes` is undefined for an absent token. */
export function indexRoute(
  emu: EmulatorContext,
  scopesOf: (authorization: string | undefined) => string[] | undefined,
): Route {
  return route(
    'GET',
    '/api/0/',
    (ctx) => {
      const scopes = scopesOf(ctx.headers.authorization);
      const user = emu.store.users[0];
      if (!scopes) return json(200, { version: '0', auth: null, user: null });
      return json(200, {
        version: '0',
        auth: { scopes },
        user: user ? { id: user.id, name: user.name, username: user.username, email: user.email } : null,
      });
    },
    'optional',
  );
}

export function organizationRoutes(emu: EmulatorContext): Route[] {
  return [
    route('GET', '/api/0/organizations/', (ctx) => paginate(ctx, emu.baseUrl(), [serializeOrg(emu)])),
    route('GET', '/api/0/organizations/{org}/', (ctx) => {
      requireOrg(emu, ctx);
      return json(200, serializeOrg(emu));
    }),
    route('GET', '/api/0/organizations/{org}/projects/', (ctx) => {
      requireOrg(emu, ctx);
      return paginate(
        ctx,
        emu.baseUrl(),
        emu.store.projects.map((p) => serializeProject(emu, p)),
      );
    }),
    route('GET', '/api/0/projects/{org}/{project}/', (ctx) => {
      requireOrg(emu, ctx);
      const project = requireProject(emu, ctx);
      return json(200, serializeProject(emu, project));
    }),
  ];
}
