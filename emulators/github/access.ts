/**
 * Who is calling and what they may see: app JWTs (any well-formed RS256 JWT that has not expired; signature and
 * issuer checked too when the seed gives the app's public key), installation
 * tokens issued by the emulator, seeded personal tokens; repo lookups that answer 404 to a repo the caller cannot
 * see (as GitHub does), and ref resolution (branch, tag, full or short SHA).
 */
import { verify } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { CommitObject } from './git.ts';
import { githubError, notFound, type Reply, type RequestContext, type RouteSpec } from './http.ts';
import type { Caller, GitHubWorld, Repo } from './state.ts';

function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The caller from `Authorization` (`Bearer <jwt>`, `token <t>` or `Bearer <t>`); undefined when absent.
 * Throws GitHub's 401 for a credential it does not accept.
 */
export function identifyCaller(world: GitHubWorld, headers: IncomingHttpHeaders): Caller | undefined {
  const header = headers.authorization;
  if (!header) return undefined;
  const match = /^(bearer|token)\s+(\S+)$/i.exec(header.trim());
  if (!match) throw githubError(401, 'Bad credentials');
  const credential = match[2]!;
  const parts = credential.split('.');
  if (parts.length === 3) {
    const head = decodeJsonSegment(parts[0]!);
    const payload = decodeJsonSegment(parts[1]!);
    if (!head || !payload || head.alg !== 'RS256' || !parts[2]) {
      throw githubError(401, 'A JSON web token could not be decoded');
    }
    const now = Date.now() / 1000;
    if (typeof payload.exp !== 'number' || payload.exp < now) {
      throw githubError(
        401,
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
      );
    }
    // GitHub allows ten minutes; a minute of slack for clocks.
    if (payload.exp > now + 660) throw githubError(401, "'Expiration time' claim ('exp') is too far in the future");
    if (typeof payload.iat === 'number' && payload.iat > now + 60) {
      throw githubError(401, "'Issued at' claim ('iat') must be an Integer representing a time in the past");
    }
    if (payload.iss === undefined || !/^\d+$/.test(String(payload.iss))) {
      throw githubError(401, "'Issuer' claim ('iss') must be an Integer");
    }
    const publicKey = world.app.publicKey;
    if (publicKey) {
      const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
      const valid = (() => {
        try {
          return verify('RSA-SHA256', signed, publicKey, Buffer.from(parts[2]!, 'base64url'));
        } catch {
          return false; // not a key, or not a signature
        }
      })();
      // GitHub answers the same for a wrong key and for another app's id.
      if (!valid || String(payload.iss) !== String(world.app.id)) {
        throw githubError(401, 'A JSON web token could not be decoded');
      }
    }
    return { kind: 'app' };
  }
  const token = world.tokens.get(credential);
  if (!token || Date.parse(token.expiresAt) < Date.now()) throw githubError(401, 'Bad credentials');
  if (token.installationId !== undefined) {
    return {
      kind: 'installation',
      installationId: token.installationId,
      login: token.login,
      repos: token.repos === 'all' ? new Set() : token.repos,
    };
  }
  return { kind: 'token', login: token.login, repos: token.repos };
}

export function callerLogin(ctx: RequestContext): string {
  const caller = ctx.caller;
  return caller && caller.kind !== 'app' ? caller.login : 'ghost';
}

export function canSeeRepo(caller: Caller | undefined, fullNameLower: string): boolean {
  if (!caller || caller.kind === 'app') return false;
  return caller.repos === 'all' || caller.repos.has(fullNameLower);
}

/** The repo of `{owner}/{repo}`, or GitHub's 404 when it does not exist or the caller may not see it. */
export function repoFor(world: GitHubWorld, ctx: RequestContext): Repo {
  const key = `${ctx.params.owner}/${ctx.params.repo}`.toLowerCase();
  const repo = world.repos.get(key);
  if (!repo || !canSeeRepo(ctx.caller, key)) throw notFound();
  return repo;
}

/** A route under `/repos/{owner}/{repo}` for installation and user tokens; the handler gets the repo (or 404s). */
export function repoRoute(
  world: GitHubWorld,
  spec: Omit<RouteSpec, 'access' | 'handler'> & {
    handler: (ctx: RequestContext, repo: Repo) => Reply | Promise<Reply>;
  },
): RouteSpec {
  const { handler, ...rest } = spec;
  return { ...rest, access: 'installation', handler: (ctx) => handler(ctx, repoFor(world, ctx)) };
}

/** A ref (branch, tag, `heads/x`, `refs/tags/y`, full or short SHA) to its commit; undefined when unknown. */
export function resolveRef(repo: Repo, ref: string | undefined | null): CommitObject | undefined {
  if (!ref) {
    const head = repo.branches.get(repo.defaultBranch);
    return head ? repo.graph.commits.get(head) : undefined;
  }
  const name = ref.replace(/^refs\//, '');
  const branch = repo.branches.get(name.replace(/^heads\//, ''));
  if (branch) return repo.graph.commits.get(branch);
  const tag = repo.tags.get(name.replace(/^tags\//, ''));
  if (tag) return repo.graph.commits.get(tag);
  return repo.graph.commitBySha(ref);
}

export function issueNumberParam(ctx: RequestContext, name = 'issue_number'): number {
  const value = Number(ctx.params[name]);
  if (!Number.isInteger(value) || value <= 0) throw notFound();
  return value;
}
