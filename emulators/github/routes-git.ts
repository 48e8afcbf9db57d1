/**
 * Repository and history routes: repo, branch, refs, contents (JSON with base64, or raw), git trees, blobs and
 * commits, REST commits (list with path filter, single with files and patches), compare, commit → pulls, and
 * pull requests with their files and commits. Everything is derived from the seeded commits.
 */
import { repoRoute, resolveRef } from './access.ts';
import type { CommitObject } from './git.ts';
import {
  githubError,
  notFound,
  pageReply,
  pageWhenAsked,
  paginate,
  validationFailed,
  type Reply,
  type RequestContext,
  type RouteSpec,
} from './http.ts';
import { commitShape, diffEntryShape, gitCommitShape, pullFiles, pullShape, repoShape, type Urls } from './shapes.ts';
import type { GitHubWorld, Pull, Repo } from './state.ts';

/** GitHub wraps base64 content at 60 characters per line. */
function base64Wrapped(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  return (b64.match(/.{1,60}/g) ?? []).join('\n') + (b64 ? '\n' : '');
}

function wantsRaw(ctx: RequestContext): boolean {
  return /application\/vnd\.github(\.v3)?\.raw/.test(String(ctx.headers.accept ?? ''));
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function contentEntry(u: Urls, repo: Repo, ref: string, path: string, type: 'file' | 'dir', sha: string, size: number) {
  const r = `${u.api}/repos/${repo.fullName}`;
  const self = `${r}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`;
  const git = type === 'file' ? `${r}/git/blobs/${sha}` : `${r}/git/trees/${sha}`;
  const html = `${u.html}/${repo.fullName}/${type === 'file' ? 'blob' : 'tree'}/${ref}/${encodePath(path)}`;
  return {
    type,
    size,
    name: path.split('/').pop()!,
    path,
    sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: type === 'file' ? `${u.html}/${repo.fullName}/raw/${ref}/${encodePath(path)}` : null,
    _links: { self, git, html },
  };
}

function commitOr404(repo: Repo, ref: string | undefined, message: (ref: string) => string, status = 404) {
  const commit = resolveRef(repo, ref);
  if (!commit) throw githubError(status, message(ref ?? repo.defaultBranch));
  return commit;
}

function pullOr404(repo: Repo, raw: string | undefined): Pull {
  const pull = repo.pulls.get(Number(raw));
  if (!pull) throw notFound();
  return pull;
}

export function gitRoutes(world: GitHubWorld): RouteSpec[] {
  /** A page of the repo's pull requests that `keep` selects, newest first, in the list shape. */
  const pullsReply = (ctx: RequestContext, repo: Repo, keep: (p: Pull) => boolean): Reply =>
    pageReply(
      ctx,
      [...repo.pulls.values()]
        .filter(keep)
        .sort((a, b) => b.number - a.number)
        .map((p) => pullShape(world, ctx.urls, repo, p, false)),
    );

  return [
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}',
      handler: (ctx, repo) => ({ status: 200, body: repoShape(world, ctx.urls, repo) }),
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/branches/{branch}',
      handler: (ctx, repo) => {
        const name = ctx.params.branch!;
        const sha = repo.branches.get(name);
        if (!sha) throw githubError(404, 'Branch not found');
        const r = `${ctx.urls.api}/repos/${repo.fullName}`;
        return {
          status: 200,
          body: {
            name,
            commit: commitShape(world, ctx.urls, repo, repo.graph.commits.get(sha)!),
            _links: { self: `${r}/branches/${name}`, html: `${ctx.urls.html}/${repo.fullName}/tree/${name}` },
            protected: false,
            protection: {
              enabled: false,
              required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
            },
            protection_url: `${r}/branches/${name}/protection`,
          },
        };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/git/ref/{ref}',
      handler: (ctx, repo) => {
        const ref = ctx.params.ref!;
        const m = /^(heads|tags)\/(.+)$/.exec(ref);
        const sha = m ? (m[1] === 'heads' ? repo.branches : repo.tags).get(m[2]!) : undefined;
        if (!sha) throw notFound();
        return {
          status: 200,
          body: {
            ref: `refs/${ref}`,
            node_id: `REF_${Buffer.from(ref).toString('base64url')}`,
            url: `${ctx.urls.api}/repos/${repo.fullName}/git/refs/${ref}`,
            object: { type: 'commit', sha, url: `${ctx.urls.api}/repos/${repo.fullName}/git/commits/${sha}` },
          },
        };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/contents/{path}',
      query: ['ref'],
      handler: (ctx, repo) => {
        const refParam = ctx.url.searchParams.get('ref') ?? undefined;
        const commit = commitOr404(repo, refParam, (ref) => `No commit found for the ref ${ref}`);
        const ref = refParam ?? repo.defaultBranch;
        const path = ctx.params.path!.replace(/^\/+|\/+$/g, '');
        const text = repo.graph.fileText(commit, path);
        if (text !== undefined) {
          if (wantsRaw(ctx)) return { status: 200, body: text };
          const sha = commit.files.get(path)!;
          return {
            status: 200,
            body: {
              ...contentEntry(ctx.urls, repo, ref, path, 'file', sha, Buffer.byteLength(text)),
              content: base64Wrapped(text),
              encoding: 'base64',
            },
          };
        }
        const dir = repo.graph.directory(commit, path);
        if (!dir) throw notFound();
        return {
          status: 200,
          body: dir.map((e) =>
            contentEntry(
              ctx.urls,
              repo,
              ref,
              path ? `${path}/${e.path}` : e.path,
              e.type === 'blob' ? 'file' : 'dir',
              e.sha,
              e.size ?? 0,
            ),
          ),
        };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/git/trees/{tree_sha}',
      query: ['recursive'],
      handler: (ctx, repo) => {
        const wanted = ctx.params.tree_sha!;
        const treeSha = repo.graph.trees.has(wanted) ? wanted : resolveRef(repo, wanted)?.treeSha;
        if (!treeSha) throw notFound();
        const recursive = ['1', 'true'].includes(ctx.url.searchParams.get('recursive') ?? '');
        const r = `${ctx.urls.api}/repos/${repo.fullName}`;
        const entries = repo.graph.treeEntries(treeSha, recursive)!;
        return {
          status: 200,
          body: {
            sha: treeSha,
            url: `${r}/git/trees/${treeSha}`,
            tree: entries.map((e) => ({
              path: e.path,
              mode: e.mode,
              type: e.type,
              sha: e.sha,
              ...(e.size !== undefined ? { size: e.size } : {}),
              url: `${r}/git/${e.type === 'blob' ? 'blobs' : 'trees'}/${e.sha}`,
            })),
            truncated: false,
          },
        };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/git/blobs/{file_sha}',
      handler: (ctx, repo) => {
        const sha = ctx.params.file_sha!.toLowerCase();
        const text = repo.graph.blobs.get(sha);
        if (text === undefined) throw notFound();
        if (wantsRaw(ctx)) return { status: 200, body: text };
        return {
          status: 200,
          body: {
            sha,
            node_id: `B_${sha.slice(0, 16)}`,
            size: Buffer.byteLength(text),
            url: `${ctx.urls.api}/repos/${repo.fullName}/git/blobs/${sha}`,
            content: base64Wrapped(text),
            encoding: 'base64',
          },
        };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/git/commits/{commit_sha}',
      handler: (ctx, repo) => {
        const commit = repo.graph.commits.get(ctx.params.commit_sha!.toLowerCase());
        if (!commit) throw notFound();
        return { status: 200, body: gitCommitShape(ctx.urls, repo, commit) };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/commits',
      query: ['sha', 'path', 'author', 'since', 'until', 'per_page', 'page'],
      handler: (ctx, repo) => {
        const q = ctx.url.searchParams;
        const start = commitOr404(repo, q.get('sha') ?? undefined, (ref) => `No commit found for SHA: ${ref}`);
        const path = q.get('path')?.replace(/^\/+|\/+$/g, '');
        const author = q.get('author')?.toLowerCase();
        const since = q.get('since');
        const until = q.get('until');
        const touches = (c: CommitObject) =>
          repo.graph.changedPaths(c).some((f) => f === path || f.startsWith(`${path}/`));
        const commits = repo.graph
          .log(start.sha)
          .filter((c) => !path || touches(c))
          .filter((c) => !author || c.author.login?.toLowerCase() === author || c.author.email.toLowerCase() === author)
          .filter((c) => !since || c.date >= new Date(since).toISOString())
          .filter((c) => !until || c.date <= new Date(until).toISOString());
        const { page, headers } = paginate(ctx, commits);
        return { status: 200, body: page.map((c) => commitShape(world, ctx.urls, repo, c)), headers };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/commits/{commit_sha}/pulls',
      query: ['per_page', 'page'],
      handler: (ctx, repo) => {
        const commit = resolveRef(repo, ctx.params.commit_sha);
        if (!commit) throw validationFailed('Commit', 'commit_sha', 'invalid', ctx.params.commit_sha);
        return pullsReply(
          ctx,
          repo,
          (p) => p.headSha === commit.sha || p.mergeCommitSha === commit.sha || p.commits.includes(commit.sha),
        );
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/commits/{ref}',
      query: ['per_page', 'page'],
      handler: (ctx, repo) => {
        const commit = commitOr404(repo, ctx.params.ref, (ref) => `No commit found for SHA: ${ref}`, 422);
        const files = repo.graph.changes(commit);
        // GitHub pages a commit's files when asked to (per_page/page), with a Link header.
        const { page, headers } = pageWhenAsked(ctx, files);
        const body = commitShape(world, ctx.urls, repo, commit, page);
        return {
          status: 200,
          body: { ...body, stats: commitShape(world, ctx.urls, repo, commit, files).stats },
          headers,
        };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/compare/{basehead}',
      query: ['per_page', 'page'],
      handler: (ctx, repo) => compare(world, ctx, repo),
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/pulls',
      query: ['state', 'head', 'base', 'per_page', 'page'],
      handler: (ctx, repo) => {
        const q = ctx.url.searchParams;
        const state = q.get('state') ?? 'open';
        const head = q.get('head');
        const base = q.get('base');
        return pullsReply(
          ctx,
          repo,
          (p) =>
            (state === 'all' || (repo.issues.get(p.number)?.state ?? p.state) === state) &&
            (!head || head === `${repo.owner}:${p.headRef}` || head === p.headRef) &&
            (!base || base === p.baseRef),
        );
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/pulls/{pull_number}',
      handler: (ctx, repo) => {
        return { status: 200, body: pullShape(world, ctx.urls, repo, pullOr404(repo, ctx.params.pull_number), true) };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/pulls/{pull_number}/files',
      query: ['per_page', 'page'],
      handler: (ctx, repo) => {
        const pull = pullOr404(repo, ctx.params.pull_number);
        const files = pullFiles(repo, pull).map((f) => diffEntryShape(ctx.urls, repo, pull.headSha, f));
        return pageReply(ctx, files);
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/pulls/{pull_number}/commits',
      query: ['per_page', 'page'],
      handler: (ctx, repo) => {
        const pull = pullOr404(repo, ctx.params.pull_number);
        const commits = pull.commits
          .map((sha) => repo.graph.commits.get(sha))
          .filter((c): c is CommitObject => c !== undefined)
          .map((c) => commitShape(world, ctx.urls, repo, c));
        return pageReply(ctx, commits);
      },
    }),
  ];
}

/** `base...head` (or `base..head`): commits on head not on base, oldest first, files against the merge base. */
function compare(world: GitHubWorld, ctx: RequestContext, repo: Repo) {
  const m = /^(.+?)\.\.\.?(.+)$/.exec(ctx.params.basehead!);
  if (!m) throw notFound();
  const strip = (ref: string) => ref.replace(/^[^:]+:/, '');
  const base = resolveRef(repo, strip(m[1]!));
  const head = resolveRef(repo, strip(m[2]!));
  if (!base || !head) throw githubError(404, `Not Found`);
  const graph = repo.graph;
  const mergeBase = graph.mergeBase(base.sha, head.sha);
  const headAncestors = graph.ancestors(head.sha);
  const baseAncestors = graph.ancestors(base.sha);
  const ahead = graph.sortNewestFirst([...headAncestors].filter((s) => !baseAncestors.has(s))).reverse();
  const behindBy = [...baseAncestors].filter((s) => !headAncestors.has(s)).length;
  const status =
    ahead.length === 0 && behindBy === 0
      ? 'identical'
      : behindBy === 0
        ? 'ahead'
        : ahead.length === 0
          ? 'behind'
          : 'diverged';
  const files = graph.diff(mergeBase, head).map((f) => diffEntryShape(ctx.urls, repo, head.sha, f));
  const r = `${ctx.urls.api}/repos/${repo.fullName}`;
  const html = `${ctx.urls.html}/${repo.fullName}`;
  const basehead = ctx.params.basehead!;
  const shaped = ahead.map((c) => commitShape(world, ctx.urls, repo, c));
  // Without paging parameters GitHub answers up to 250 commits in one response.
  const { page, headers } = pageWhenAsked(ctx, shaped, 250);
  return {
    status: 200,
    headers,
    body: {
      url: `${r}/compare/${basehead}`,
      html_url: `${html}/compare/${basehead}`,
      permalink_url: `${html}/compare/${repo.owner}:${base.sha.slice(0, 7)}...${repo.owner}:${head.sha.slice(0, 7)}`,
      diff_url: `${html}/compare/${basehead}.diff`,
      patch_url: `${html}/compare/${basehead}.patch`,
      base_commit: commitShape(world, ctx.urls, repo, base),
      merge_base_commit: commitShape(world, ctx.urls, repo, mergeBase ?? base),
      status,
      ahead_by: ahead.length,
      behind_by: behindBy,
      total_commits: ahead.length,
      commits: page,
      files,
    },
  };
}
