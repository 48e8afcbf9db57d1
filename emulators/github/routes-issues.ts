/**
 * Issue routes: issues (create, update, get, list), comments (create, update, get, list, delete), repo and issue
 * labels, assignees, and issue search (`GET /search/issues`) with the qualifiers triage and sync rely on.
 * Pull requests share the issue numbers, as on GitHub.
 */
import { callerLogin, canSeeRepo, issueNumberParam, repoRoute } from './access.ts';
import {
  githubError,
  jsonBody,
  notFound,
  pageReply,
  paginate,
  tooLong,
  validationFailed,
  type Reply,
  type RequestContext,
  type RouteSpec,
} from './http.ts';
import { actorShape, commentShape, issueShape, labelShape } from './shapes.ts';
import {
  issueSnapshot,
  nextIssueNumber,
  type Comment,
  type GitHubWorld,
  type Issue,
  type IssueSnapshot,
  type Repo,
} from './state.ts';

function issueOr404(repo: Repo, ctx: RequestContext): Issue {
  const issue = repo.issues.get(issueNumberParam(ctx));
  if (!issue) throw notFound();
  return issue;
}

function labelList(value: unknown, field = 'labels'): string[] {
  if (!Array.isArray(value)) throw validationFailed('Label', field, 'invalid', value);
  return value.map((v) => {
    const name = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as { name?: unknown }).name : undefined;
    if (typeof name !== 'string' || !name.trim()) throw validationFailed('Label', 'name', 'invalid', v);
    return name;
  });
}

/** POST/PUT issue labels take `{"labels": [...]}` or the array itself. */
function labelsFromBody(ctx: RequestContext): string[] {
  const text = ctx.raw.toString('utf8').trim();
  if (text.startsWith('[')) {
    try {
      return labelList(JSON.parse(text));
    } catch (err) {
      if (err instanceof SyntaxError) throw githubError(400, 'Problems parsing JSON');
      throw err;
    }
  }
  return labelList(jsonBody(ctx).labels ?? []);
}

/** The `body` of a comment being created or edited; GitHub's 422 when it is missing or empty. */
function commentText(ctx: RequestContext): string {
  const { body } = jsonBody(ctx);
  if (typeof body !== 'string' || !body) throw validationFailed('IssueComment', 'body', 'missing_field');
  const long = tooLong('IssueComment', 'body', body);
  if (long) throw long;
  return body;
}

function checkIssueLengths(body: Record<string, unknown>): void {
  const long = tooLong('Issue', 'title', body.title) ?? tooLong('Issue', 'body', body.body);
  if (long) throw long;
}

function stringList(value: unknown, resource: string, field: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw validationFailed(resource, field, 'invalid', value);
  }
  return value as string[];
}

function checkAssignable(repo: Repo, logins: string[]): void {
  for (const login of logins) {
    if (!repo.collaborators.has(login.toLowerCase())) throw validationFailed('Issue', 'assignees', 'invalid', login);
  }
}

function addUnique(list: string[], more: string[]): string[] {
  const out = [...list];
  for (const m of more) if (!out.some((o) => o.toLowerCase() === m.toLowerCase())) out.push(m);
  return out;
}

export function issueRoutes(world: GitHubWorld): RouteSpec[] {
  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const touch = (issue: Issue) => {
    issue.updatedAt = now();
  };
  /** Records the update and announces it as GitHub's `issues` webhooks would. */
  const changed = (ctx: RequestContext, repo: Repo, before: IssueSnapshot, issue: Issue) => {
    touch(issue);
    world.emitIssueChanges(repo, before, issue, callerLogin(ctx));
  };
  const issueReply = (ctx: RequestContext, repo: Repo, issue: Issue, status = 200) => ({
    status,
    body: issueShape(world, ctx.urls, repo, issue),
    ...(status === 201
      ? { headers: { location: `${ctx.urls.api}/repos/${repo.fullName}/issues/${issue.number}` } }
      : {}),
  });
  const issueLabels = (ctx: RequestContext, repo: Repo, issue: Issue) =>
    issue.labels
      .map((n) => repo.labels.get(n.toLowerCase()))
      .filter((l) => l !== undefined)
      .map((l) => labelShape(ctx.urls, repo, l));

  const labelsReply = (ctx: RequestContext, repo: Repo, issue: Issue): Reply => ({
    status: 200,
    body: issueLabels(ctx, repo, issue),
  });
  type IssueStep<T> = (ctx: RequestContext, repo: Repo, issue: Issue) => T;
  /**
   * A route that changes one issue: `change` edits it (validation throws before any edit), the update is recorded
   * and announced, then `reply` answers with the issue as it now is.
   */
  const issueChangeRoute = (
    spec: Omit<RouteSpec, 'access' | 'handler'> & { change: IssueStep<void>; reply: IssueStep<Reply> },
  ): RouteSpec => {
    const { change, reply, ...route } = spec;
    return repoRoute(world, {
      ...route,
      handler: (ctx, repo) => {
        const issue = issueOr404(repo, ctx);
        const before = issueSnapshot(issue);
        change(ctx, repo, issue);
        changed(ctx, repo, before, issue);
        return reply(ctx, repo, issue);
      },
    });
  };

  const commentOr404 = (repo: Repo, ctx: RequestContext): Comment => {
    const comment = repo.comments.get(Number(ctx.params.comment_id));
    if (!comment) throw notFound();
    return comment;
  };

  return [
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/issues',
      query: ['state', 'labels', 'assignee', 'creator', 'sort', 'direction', 'since', 'per_page', 'page'],
      handler: (ctx, repo) => {
        const q = ctx.url.searchParams;
        const state = q.get('state') ?? 'open';
        const labels = (q.get('labels') ?? '')
          .split(',')
          .map((l) => l.trim().toLowerCase())
          .filter(Boolean);
        const assignee = q.get('assignee');
        const creator = q.get('creator')?.toLowerCase();
        const since = q.get('since');
        const sort = q.get('sort') ?? 'created';
        const direction = q.get('direction') ?? 'desc';
        const commentCount = (i: Issue) => [...repo.comments.values()].filter((c) => c.issueNumber === i.number).length;
        const key = (i: Issue): string | number =>
          sort === 'updated' ? i.updatedAt : sort === 'comments' ? commentCount(i) : i.createdAt;
        const issues = [...repo.issues.values()]
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => labels.every((l) => i.labels.some((name) => name.toLowerCase() === l)))
          .filter((i) =>
            !assignee
              ? true
              : assignee === 'none'
                ? i.assignees.length === 0
                : assignee === '*'
                  ? i.assignees.length > 0
                  : i.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase()),
          )
          .filter((i) => !creator || i.user.toLowerCase() === creator)
          .filter((i) => !since || i.updatedAt >= new Date(since).toISOString())
          .sort((a, b) => {
            const ka = key(a);
            const kb = key(b);
            const order = ka < kb ? -1 : ka > kb ? 1 : a.number - b.number;
            return direction === 'asc' ? order : -order;
          });
        const { page, headers } = paginate(ctx, issues);
        return { status: 200, body: page.map((i) => issueShape(world, ctx.urls, repo, i)), headers };
      },
    }),
    repoRoute(world, {
      method: 'POST',
      template: '/repos/{owner}/{repo}/issues',
      body: ['title', 'body', 'labels', 'assignees', 'assignee'],
      handler: (ctx, repo) => {
        const body = jsonBody(ctx);
        const title = typeof body.title === 'number' ? String(body.title) : body.title;
        if (typeof title !== 'string' || !title.trim()) throw validationFailed('Issue', 'title', 'missing_field');
        if (body.body !== undefined && body.body !== null && typeof body.body !== 'string') {
          throw validationFailed('Issue', 'body', 'invalid', body.body);
        }
        checkIssueLengths(body);
        const labels = body.labels === undefined ? [] : labelList(body.labels);
        const assignees = [
          ...(body.assignees === undefined ? [] : stringList(body.assignees, 'Issue', 'assignees')),
          ...(typeof body.assignee === 'string' ? [body.assignee] : []),
        ];
        checkAssignable(repo, assignees);
        world.ensureLabels(repo, labels);
        const at = now();
        const issue: Issue = {
          id: world.newId(),
          number: nextIssueNumber(repo),
          title,
          body: (body.body as string | null | undefined) ?? null,
          state: 'open',
          stateReason: null,
          labels: world.labelNames(repo, labels),
          assignees: addUnique([], assignees),
          user: callerLogin(ctx),
          isPull: false,
          locked: false,
          createdAt: at,
          updatedAt: at,
          closedAt: null,
          closedBy: null,
          viaApp: ctx.caller?.kind === 'installation',
        };
        repo.issues.set(issue.number, issue);
        world.emitIssueChanges(repo, undefined, issue, issue.user);
        return issueReply(ctx, repo, issue, 201);
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/issues/{issue_number}',
      handler: (ctx, repo) => {
        return issueReply(ctx, repo, issueOr404(repo, ctx));
      },
    }),
    issueChangeRoute({
      method: 'PATCH',
      template: '/repos/{owner}/{repo}/issues/{issue_number}',
      body: ['title', 'body', 'state', 'state_reason', 'labels', 'assignees', 'assignee'],
      change: (ctx, repo, issue) => {
        const body = jsonBody(ctx);
        if (body.title !== undefined) {
          if (typeof body.title !== 'string' || !body.title.trim())
            throw validationFailed('Issue', 'title', 'invalid', body.title);
        }
        checkIssueLengths(body);
        if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
          throw validationFailed('Issue', 'state', 'invalid', body.state);
        }
        const reasons = ['completed', 'not_planned', 'reopened', null];
        if (body.state_reason !== undefined && !reasons.includes(body.state_reason as string | null)) {
          throw validationFailed('Issue', 'state_reason', 'invalid', body.state_reason);
        }
        let assignees: string[] | undefined;
        if (body.assignees !== undefined) assignees = stringList(body.assignees, 'Issue', 'assignees');
        else if (body.assignee !== undefined) assignees = body.assignee === null ? [] : [String(body.assignee)];
        if (assignees) checkAssignable(repo, assignees);
        const labels = body.labels === undefined ? undefined : labelList(body.labels);

        if (typeof body.title === 'string') issue.title = body.title;
        if (body.body !== undefined) issue.body = body.body === null ? null : String(body.body);
        if (labels) {
          world.ensureLabels(repo, labels);
          issue.labels = world.labelNames(repo, labels);
        }
        if (assignees) issue.assignees = addUnique([], assignees);
        if (body.state === 'closed' && issue.state !== 'closed') {
          issue.state = 'closed';
          issue.closedAt = now();
          issue.closedBy = callerLogin(ctx);
          issue.stateReason = (body.state_reason as Issue['stateReason'] | undefined) ?? 'completed';
        } else if (body.state === 'open' && issue.state !== 'open') {
          issue.state = 'open';
          issue.closedAt = null;
          issue.closedBy = null;
          issue.stateReason = 'reopened';
        } else if (body.state_reason !== undefined && issue.state === 'closed') {
          issue.stateReason = body.state_reason as Issue['stateReason'];
        }
      },
      reply: issueReply,
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      query: ['since', 'per_page', 'page'],
      handler: (ctx, repo) => {
        const issue = issueOr404(repo, ctx);
        const since = ctx.url.searchParams.get('since');
        const comments = [...repo.comments.values()]
          .filter((c) => c.issueNumber === issue.number)
          .filter((c) => !since || c.updatedAt >= new Date(since).toISOString())
          .sort((a, b) => a.id - b.id)
          .map((c) => commentShape(world, ctx.urls, repo, c));
        return pageReply(ctx, comments);
      },
    }),
    repoRoute(world, {
      method: 'POST',
      template: '/repos/{owner}/{repo}/issues/{issue_number}/comments',
      body: ['body'],
      handler: (ctx, repo) => {
        const issue = issueOr404(repo, ctx);
        const text = commentText(ctx);
        const at = now();
        const comment: Comment = {
          id: world.newId(),
          issueNumber: issue.number,
          body: text,
          user: callerLogin(ctx),
          createdAt: at,
          updatedAt: at,
          viaApp: ctx.caller?.kind === 'installation',
        };
        repo.comments.set(comment.id, comment);
        touch(issue);
        world.emit({ event: 'issue_comment', action: 'created', repo, issue, comment, sender: comment.user });
        return {
          status: 201,
          body: commentShape(world, ctx.urls, repo, comment),
          headers: { location: `${ctx.urls.api}/repos/${repo.fullName}/issues/comments/${comment.id}` },
        };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      handler: (ctx, repo) => {
        return { status: 200, body: commentShape(world, ctx.urls, repo, commentOr404(repo, ctx)) };
      },
    }),
    repoRoute(world, {
      method: 'PATCH',
      template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      body: ['body'],
      handler: (ctx, repo) => {
        const comment = commentOr404(repo, ctx);
        const text = commentText(ctx);
        const from = comment.body;
        comment.body = text;
        comment.updatedAt = now();
        const issue = repo.issues.get(comment.issueNumber)!;
        world.emit({
          event: 'issue_comment',
          action: 'edited',
          repo,
          issue,
          comment,
          sender: callerLogin(ctx),
          changes: { body: { from } },
        });
        return { status: 200, body: commentShape(world, ctx.urls, repo, comment) };
      },
    }),
    repoRoute(world, {
      method: 'DELETE',
      template: '/repos/{owner}/{repo}/issues/comments/{comment_id}',
      handler: (ctx, repo) => {
        const comment = commentOr404(repo, ctx);
        repo.comments.delete(comment.id);
        const issue = repo.issues.get(comment.issueNumber)!;
        world.emit({ event: 'issue_comment', action: 'deleted', repo, issue, comment, sender: callerLogin(ctx) });
        return { status: 204 };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/labels',
      query: ['per_page', 'page'],
      handler: (ctx, repo) => {
        const labels = [...repo.labels.values()]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((l) => labelShape(ctx.urls, repo, l));
        return pageReply(ctx, labels);
      },
    }),
    repoRoute(world, {
      method: 'POST',
      template: '/repos/{owner}/{repo}/labels',
      body: ['name', 'color', 'description'],
      handler: (ctx, repo) => {
        const body = jsonBody(ctx);
        if (typeof body.name !== 'string' || !body.name.trim())
          throw validationFailed('Label', 'name', 'missing_field');
        if (repo.labels.has(body.name.toLowerCase()))
          throw validationFailed('Label', 'name', 'already_exists', body.name);
        const color = typeof body.color === 'string' ? body.color.replace(/^#/, '') : 'ededed';
        if (!/^[0-9a-fA-F]{6}$/.test(color)) throw validationFailed('Label', 'color', 'invalid', body.color);
        const label = {
          id: world.newId(),
          name: body.name,
          color: color.toLowerCase(),
          description: typeof body.description === 'string' ? body.description : null,
        };
        repo.labels.set(label.name.toLowerCase(), label);
        return { status: 201, body: labelShape(ctx.urls, repo, label) };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/labels/{name}',
      handler: (ctx, repo) => {
        const label = repo.labels.get(ctx.params.name!.toLowerCase());
        if (!label) throw notFound();
        return { status: 200, body: labelShape(ctx.urls, repo, label) };
      },
    }),
    repoRoute(world, {
      method: 'PATCH',
      template: '/repos/{owner}/{repo}/labels/{name}',
      body: ['new_name', 'color', 'description'],
      handler: (ctx, repo) => {
        const label = repo.labels.get(ctx.params.name!.toLowerCase());
        if (!label) throw notFound();
        const body = jsonBody(ctx);
        if (typeof body.color === 'string') label.color = body.color.replace(/^#/, '').toLowerCase();
        if (body.description !== undefined)
          label.description = body.description === null ? null : String(body.description);
        if (typeof body.new_name === 'string' && body.new_name.trim()) {
          const old = label.name;
          repo.labels.delete(old.toLowerCase());
          label.name = body.new_name;
          repo.labels.set(label.name.toLowerCase(), label);
          for (const issue of repo.issues.values()) {
            issue.labels = issue.labels.map((n) => (n.toLowerCase() === old.toLowerCase() ? label.name : n));
          }
        }
        return { status: 200, body: labelShape(ctx.urls, repo, label) };
      },
    }),
    repoRoute(world, {
      method: 'DELETE',
      template: '/repos/{owner}/{repo}/labels/{name}',
      handler: (ctx, repo) => {
        const key = ctx.params.name!.toLowerCase();
        if (!repo.labels.delete(key)) throw notFound();
        for (const issue of repo.issues.values()) issue.labels = issue.labels.filter((n) => n.toLowerCase() !== key);
        return { status: 204 };
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
      query: ['per_page', 'page'],
      handler: (ctx, repo) => {
        return pageReply(ctx, issueLabels(ctx, repo, issueOr404(repo, ctx)));
      },
    }),
    issueChangeRoute({
      method: 'POST',
      template: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
      body: ['labels'],
      change: (ctx, repo, issue) => {
        const labels = labelsFromBody(ctx);
        world.ensureLabels(repo, labels);
        issue.labels = world.labelNames(repo, [...issue.labels, ...labels]);
      },
      reply: labelsReply,
    }),
    issueChangeRoute({
      method: 'PUT',
      template: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
      body: ['labels'],
      change: (ctx, repo, issue) => {
        const labels = labelsFromBody(ctx);
        world.ensureLabels(repo, labels);
        issue.labels = world.labelNames(repo, labels);
      },
      reply: labelsReply,
    }),
    issueChangeRoute({
      method: 'DELETE',
      template: '/repos/{owner}/{repo}/issues/{issue_number}/labels',
      change: (ctx, repo, issue) => {
        issue.labels = [];
      },
      reply: () => ({ status: 204 }),
    }),
    issueChangeRoute({
      method: 'DELETE',
      template: '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
      change: (ctx, repo, issue) => {
        const key = ctx.params.name!.toLowerCase();
        if (!issue.labels.some((n) => n.toLowerCase() === key)) throw githubError(404, 'Label does not exist');
        issue.labels = issue.labels.filter((n) => n.toLowerCase() !== key);
      },
      reply: labelsReply,
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/assignees',
      query: ['per_page', 'page'],
      handler: (ctx, repo) => {
        const users = [...repo.collaborators].sort().map((login) => actorShape(world, ctx.urls, login));
        return pageReply(ctx, users);
      },
    }),
    repoRoute(world, {
      method: 'GET',
      template: '/repos/{owner}/{repo}/assignees/{assignee}',
      handler: (ctx, repo) => {
        if (!repo.collaborators.has(ctx.params.assignee!.toLowerCase())) throw notFound();
        return { status: 204 };
      },
    }),
    issueChangeRoute({
      method: 'POST',
      template: '/repos/{owner}/{repo}/issues/{issue_number}/assignees',
      body: ['assignees'],
      change: (ctx, repo, issue) => {
        const wanted = stringList(jsonBody(ctx).assignees ?? [], 'Issue', 'assignees');
        // GitHub silently ignores logins that cannot be assigned here.
        issue.assignees = addUnique(
          issue.assignees,
          wanted.filter((l) => repo.collaborators.has(l.toLowerCase())),
        ).slice(0, 10);
      },
      reply: (ctx, repo, issue) => issueReply(ctx, repo, issue, 201),
    }),
    issueChangeRoute({
      method: 'DELETE',
      template: '/repos/{owner}/{repo}/issues/{issue_number}/assignees',
      body: ['assignees'],
      change: (ctx, repo, issue) => {
        const removed = stringList(jsonBody(ctx).assignees ?? [], 'Issue', 'assignees').map((l) => l.toLowerCase());
        issue.assignees = issue.assignees.filter((a) => !removed.includes(a.toLowerCase()));
      },
      reply: issueReply,
    }),
    {
      method: 'GET',
      template: '/search/issues',
      access: 'installation',
      query: ['q', 'sort', 'order', 'per_page', 'page'],
      handler: (ctx) => searchIssues(world, ctx),
    },
  ];
}

interface SearchQuery {
  terms: string[];
  qualifiers: Array<[string, string]>;
}

const QUALIFIERS = new Set(['repo', 'org', 'user', 'is', 'type', 'state', 'label', 'author', 'assignee', 'in']);

/**
 * Splits `"quoted phrase" key:value key:"quoted value" word` into free-text terms and qualifiers; a `word:word`
 * whose key is no qualifier we know (a marker like `faultline:sentry-issue`) stays a text term.
 */
export function parseSearchQuery(q: string): SearchQuery {
  const out: SearchQuery = { terms: [], qualifiers: [] };
  const re = /(-?[\w.-]+):"([^"]*)"|(-?[\w.-]+):(\S+)|"([^"]*)"|(\S+)/g;
  const known = (key: string) => QUALIFIERS.has(key.replace(/^-/, '').toLowerCase());
  for (const m of q.matchAll(re)) {
    if (m[1] !== undefined) {
      if (known(m[1])) out.qualifiers.push([m[1].toLowerCase(), m[2]!]);
      else out.terms.push(`${m[1]}:${m[2]!}`);
    } else if (m[3] !== undefined) {
      if (known(m[3])) out.qualifiers.push([m[3].toLowerCase(), m[4]!]);
      else out.terms.push(m[0]);
    } else if (m[5] !== undefined) out.terms.push(m[5]);
    else if (m[6] !== undefined && !/^(AND|OR|NOT)$/.test(m[6])) out.terms.push(m[6]);
  }
  return out;
}

function searchIssues(world: GitHubWorld, ctx: RequestContext) {
  const q = ctx.url.searchParams.get('q');
  if (!q || !q.trim()) throw validationFailed('Search', 'q', 'missing');
  const { terms, qualifiers } = parseSearchQuery(q);
  const fields = qualifiers.filter(([k]) => k === 'in').flatMap(([, v]) => v.toLowerCase().split(','));
  const inFields = fields.length ? fields : ['title', 'body'];
  const matches: Array<{ repo: Repo; issue: Issue }> = [];
  for (const [key, repo] of world.repos) {
    if (!canSeeRepo(ctx.caller, key)) continue;
    for (const issue of repo.issues.values()) {
      const ok = qualifiers.every(([k, v]) => qualifierMatches(repo, issue, k, v));
      if (!ok) continue;
      const comments = [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).map((c) => c.body);
      const haystack = [
        inFields.includes('title') ? issue.title : '',
        inFields.includes('body') ? (issue.body ?? '') : '',
        ...(inFields.includes('comments') ? comments : []),
      ]
        .join('\n')
        .toLowerCase();
      if (terms.every((t) => haystack.includes(t.toLowerCase()))) matches.push({ repo, issue });
    }
  }
  const sort = ctx.url.searchParams.get('sort');
  const order = ctx.url.searchParams.get('order') ?? 'desc';
  const key = (m: { issue: Issue }) => (sort === 'updated' ? m.issue.updatedAt : m.issue.createdAt);
  matches.sort((a, b) => {
    const cmp = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.issue.id - b.issue.id;
    return order === 'asc' ? cmp : -cmp;
  });
  const { page, headers } = paginate(ctx, matches);
  return {
    status: 200,
    headers,
    body: {
      total_count: matches.length,
      incomplete_results: false,
      search_type: 'lexical',
      items: page.map(({ repo, issue }) => ({ ...issueShape(world, ctx.urls, repo, issue), score: 1 })),
    },
  };
}

function qualifierMatches(repo: Repo, issue: Issue, rawKey: string, value: string): boolean {
  const negate = rawKey.startsWith('-');
  const key = negate ? rawKey.slice(1) : rawKey;
  const v = value.toLowerCase();
  let result: boolean;
  switch (key) {
    case 'repo':
      result = repo.fullName.toLowerCase() === v;
      break;
    case 'org':
    case 'user':
      result = repo.owner.toLowerCase() === v;
      break;
    case 'is':
    case 'type':
      result =
        v === 'issue'
          ? !issue.isPull
          : v === 'pr' || v === 'pull-request'
            ? issue.isPull
            : v === 'open' || v === 'closed'
              ? issue.state === v
              : true;
      break;
    case 'state':
      result = issue.state === v;
      break;
    case 'label':
      result = issue.labels.some((l) => l.toLowerCase() === v);
      break;
    case 'author':
      result = issue.user.toLowerCase() === v;
      break;
    case 'assignee':
      result = issue.assignees.some((a) => a.toLowerCase() === v);
      break;
    default:
      // `in:` chooses the fields searched; it filters nothing itself.
      return true;
  }
  return negate ? !result : result;
}
