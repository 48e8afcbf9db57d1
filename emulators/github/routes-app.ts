/**
 * GitHub App routes: the app itself and its installations (app JWT), installation access tokens, the
 * installation's repositories, and the rate-limit overview.
 */
import { githubError, notFound, jsonBody, pageReply, paginate, type RequestContext, type RouteSpec } from './http.ts';
import { appShape, installationShape, repoShape } from './shapes.ts';
import type { GitHubWorld, Installation } from './state.ts';

export function appRoutes(world: GitHubWorld): RouteSpec[] {
  const installationById = (raw: string | undefined): Installation => {
    const installation = world.installations.get(Number(raw));
    if (!installation) throw notFound();
    return installation;
  };
  const accountIs =
    (account: string) =>
    (i: Installation): boolean =>
      i.account.toLowerCase() === account.toLowerCase();
  /** `GET …/installation` of a repo, an organization or a user: the installation found there, or 404. */
  const installationOf = (
    template: string,
    matcher: (ctx: RequestContext) => (i: Installation) => boolean,
  ): RouteSpec => ({
    method: 'GET',
    template,
    access: 'app',
    handler: (ctx) => {
      const installation = [...world.installations.values()].find(matcher(ctx));
      if (!installation) throw notFound();
      return { status: 200, body: installationShape(world, ctx.urls, installation) };
    },
  });

  return [
    {
      method: 'GET',
      template: '/app',
      access: 'app',
      handler: (ctx) => ({ status: 200, body: appShape(world, ctx.urls) }),
    },
    {
      method: 'GET',
      template: '/app/installations',
      access: 'app',
      query: ['per_page', 'page'],
      handler: (ctx) => {
        const all = [...world.installations.values()].map((i) => installationShape(world, ctx.urls, i));
        return pageReply(ctx, all);
      },
    },
    {
      method: 'GET',
      template: '/app/installations/{installation_id}',
      access: 'app',
      handler: (ctx) => ({
        status: 200,
        body: installationShape(world, ctx.urls, installationById(ctx.params.installation_id)),
      }),
    },
    {
      method: 'POST',
      template: '/app/installations/{installation_id}/access_tokens',
      access: 'app',
      body: ['repositories', 'permissions'],
      handler: (ctx) => {
        const installation = installationById(ctx.params.installation_id);
        const body = jsonBody(ctx);
        let names: string[] | undefined;
        if (Array.isArray(body.repositories)) {
          names = body.repositories.map((name) => {
            const full = String(name).includes('/') ? String(name) : `${installation.account}/${String(name)}`;
            if (!installation.repos.includes(full.toLowerCase())) {
              throw githubError(
                422,
                `There is at least one repository that does not exist or is not accessible to the parent installation.`,
              );
            }
            return full;
          });
        }
        const token = world.issueInstallationToken(installation.id, names);
        const repos = [...(token.repos === 'all' ? [] : token.repos)]
          .map((r) => world.repos.get(r))
          .filter((r) => r !== undefined);
        return {
          status: 201,
          body: {
            token: token.token,
            expires_at: token.expiresAt,
            permissions: { contents: 'read', issues: 'write', pull_requests: 'write', metadata: 'read' },
            repository_selection: 'selected',
            ...(names ? { repositories: repos.map((r) => repoShape(world, ctx.urls, r)) } : {}),
          },
        };
      },
    },
    installationOf('/repos/{owner}/{repo}/installation', (ctx) => {
      const full = `${ctx.params.owner}/${ctx.params.repo}`.toLowerCase();
      return (i) => i.repos.includes(full);
    }),
    installationOf('/orgs/{org}/installation', (ctx) => accountIs(ctx.params.org!)),
    installationOf('/users/{username}/installation', (ctx) => accountIs(ctx.params.username!)),
    {
      method: 'GET',
      template: '/installation/repositories',
      access: 'installation',
      query: ['per_page', 'page'],
      handler: (ctx) => {
        const caller = ctx.caller;
        const visible = [...world.repos.entries()]
          .filter(
            ([key]) =>
              caller?.kind !== 'app' && caller !== undefined && (caller.repos === 'all' || caller.repos.has(key)),
          )
          .map(([, repo]) => repoShape(world, ctx.urls, repo));
        const { page, headers } = paginate(ctx, visible);
        return {
          status: 200,
          body: { total_count: visible.length, repository_selection: 'selected', repositories: page },
          headers,
        };
      },
    },
    {
      method: 'GET',
      template: '/rate_limit',
      access: 'none',
      handler: () => {
        const reset = Math.floor(Date.now() / 1000) + 3600;
        const bucket = { limit: 5000, used: 0, remaining: 5000, reset };
        return {
          status: 200,
          body: {
            resources: { core: bucket, search: { limit: 30, used: 0, remaining: 30, reset }, graphql: bucket },
            rate: bucket,
          },
        };
      },
    },
  ];
}
