/**
 * Issues, events, comments (notes) and integration-platform external-issue links. Issue and event routes answer
 * under the organization (`/api/0/organizations/{org}/issues/{id}/...`) and under the older `/api/0/issues/{id}/`.
 * Events are served in the REST shape (camelCase frames inside `entries`) whichever shape they were seeded in.
 */
import { type EmulatorContext, permissionDenied, requireOrg } from './context.ts';
import {
  badRequest,
  HttpError,
  json,
  notFound,
  paginate,
  parseJsonBody,
  type RequestContext,
  type Route,
  route,
} from './http.ts';
import { serializeEvent } from './events.ts';
import { EXTERNAL_ISSUE_PERMISSION, installationAllows } from './permissions.ts';
import { isUrl } from './releases.ts';
import type { EventRecord, IssueRecord } from './state.ts';

const STATUSES = new Set(['resolved', 'unresolved', 'ignored', 'resolvedInNextRelease']);
const SUBSTATUSES = new Set([
  'archived_until_escalating',
  'archived_until_condition_met',
  'archived_forever',
  'escalating',
  'ongoing',
  'regressed',
  'new',
]);

const NO_RELEASE_FOR_NEXT_RELEASE = "No release data present in the system to form a basis for 'Next Release'";

function findIssue(emu: EmulatorContext, idOrShortId: string | undefined): IssueRecord {
  const key = idOrShortId ?? '';
  const issue = emu.store.issues.get(key) ?? [...emu.store.issues.values()].find((i) => i.shortId === key);
  if (!issue) throw notFound();
  return issue;
}

export function serializeIssue(emu: EmulatorContext, issue: IssueRecord) {
  const { project: slug, ...fields } = issue;
  const p = emu.store.project(slug);
  const links = emu.store.externalIssues.filter((l) => l.issueId === issue.id);
  const base = emu.baseUrl();
  return {
    culprit: null,
    logger: null,
    type: 'error',
    platform: p?.platform ?? null,
    metadata: {},
    count: '1',
    userCount: 0,
    numComments: emu.store.comments.filter((c) => c.issueId === issue.id).length,
    isPublic: false,
    isBookmarked: false,
    isSubscribed: false,
    hasSeen: false,
    firstSeen: null,
    lastSeen: null,
    firstRelease: null,
    lastRelease: null,
    ...fields,
    permalink: `${base}/organizations/${emu.store.orgSlug}/issues/${issue.id}/`,
    project: { id: p?.id ?? '0', slug, name: p?.name ?? slug, platform: p?.platform ?? null },
    annotations: links.map((l) => ({ displayName: l.displayName, url: l.webUrl })),
  };
}

/** The issue as webhooks carry it: no permalink, but API, web and project URLs. */
export function webhookIssue(emu: EmulatorContext, issue: IssueRecord) {
  const base = emu.baseUrl();
  const serialized = serializeIssue(emu, issue);
  return {
    ...serialized,
    permalink: null,
    url: `${base}/api/0/organizations/${emu.store.orgSlug}/issues/${issue.id}/`,
    web_url: `${base}/organizations/${emu.store.orgSlug}/issues/${issue.id}/`,
    project_url: `${base}/organizations/${emu.store.orgSlug}/issues/?project=${serialized.project.id}`,
  };
}

function resolutionType(details: Record<string, unknown>): string {
  if (details.inNextRelease) return 'in_next_release';
  if (details.inRelease) return 'in_release';
  if (details.inCommit) return 'in_commit';
  return 'now';
}

/** The issue webhooks Sentry sends for a change made through the API (src/sentry/receivers/sentry_apps.py). */
function notifyIssueChange(
  emu: EmulatorContext,
  issue: IssueRecord,
  before: { status: string; assignedTo: IssueRecord['assignedTo'] },
  authorization: string | undefined,
): void {
  const send = (action: string, extra: Record<string, unknown> = {}) =>
    emu.notify({ resource: 'issue', action, data: { issue: webhookIssue(emu, issue), ...extra }, authorization });
  if (issue.status !== before.status) {
    if (issue.status === 'resolved') send('resolved', { resolution_type: resolutionType(issue.statusDetails) });
    else if (issue.status === 'ignored') send('ignored');
    // Un-ignoring is "unignored" in Sentry, which sends no webhook; only a resolved issue coming back does.
    else if (issue.status === 'unresolved' && before.status === 'resolved') send('unresolved');
  }
  if (issue.assignedTo && JSON.stringify(issue.assignedTo) !== JSON.stringify(before.assignedTo)) {
    send('assigned', { assignee: issue.assignedTo });
  }
}

/** Resolves Sentry's `assignedTo` actor input: `user:<id>`, `team:<id>`, a username or an email; ""/null clears. */
function resolveAssignee(emu: EmulatorContext, input: unknown): IssueRecord['assignedTo'] {
  if (input === null || input === '') return null;
  if (typeof input !== 'string') throw badRequest({ assignedTo: ['Unknown actor input'] });
  const team = /^team:(.+)$/.exec(input);
  if (team) return { type: 'team', id: team[1]!, name: team[1]! };
  const userId = /^user:(.+)$/.exec(input)?.[1];
  const user = emu.store.users.find((u) =>
    userId !== undefined ? u.id === userId : u.username === input || u.email.toLowerCase() === input.toLowerCase(),
  );
  if (!user) throw badRequest({ assignedTo: ['Unknown actor input'] });
  return { type: 'user', id: user.id, name: user.name, email: user.email };
}

/** Sentry's GroupValidator and status transitions for one issue. */
function updateIssue(emu: EmulatorContext, issue: IssueRecord, body: Record<string, unknown>, authorization?: string) {
  const before = { status: issue.status, assignedTo: issue.assignedTo };
  const status = body.status;
  if (status !== undefined && (typeof status !== 'string' || !STATUSES.has(status))) {
    throw badRequest({ status: [`"${String(status)}" is not a valid choice.`] });
  }
  if (body.substatus !== undefined && body.substatus !== null && !SUBSTATUSES.has(String(body.substatus))) {
    throw badRequest({ substatus: [`"${String(body.substatus)}" is not a valid choice.`] });
  }
  const details = (body.statusDetails ?? {}) as Record<string, unknown>;
  if (typeof details !== 'object' || Array.isArray(details)) {
    throw badRequest({ statusDetails: ['Invalid data. Expected a dictionary.'] });
  }
  if (typeof details.inRelease === 'string' && details.inRelease !== 'latest') {
    if (!emu.store.releases.has(details.inRelease))
      throw badRequest({ statusDetails: ['Unable to find the given release.'] });
  }
  // StatusDetailsValidator: "next release" and "latest" need a release of the issue's project to refer to.
  const hasRelease = [...emu.store.releases.values()].some((r) => r.projects.includes(issue.project));
  if (!hasRelease && (details.inNextRelease === true || details.inRelease === 'latest')) {
    const field = details.inNextRelease === true ? 'inNextRelease' : 'inRelease';
    throw badRequest({ statusDetails: { [field]: [NO_RELEASE_FOR_NEXT_RELEASE] } });
  }
  const inCommit = details.inCommit as { repository?: string } | undefined;
  if (inCommit && !emu.store.repos.some((r) => r.name === inCommit.repository)) {
    throw badRequest({ statusDetails: { inCommit: ['Unable to find the given commit.'] } });
  }
  const assignee = body.assignedTo !== undefined ? resolveAssignee(emu, body.assignedTo) : undefined;

  if (status === 'resolved' || status === 'resolvedInNextRelease') {
    issue.status = 'resolved';
    issue.substatus = null;
    issue.statusDetails = status === 'resolvedInNextRelease' ? { inNextRelease: true } : { ...details };
  } else if (status === 'unresolved') {
    issue.status = 'unresolved';
    issue.substatus = 'ongoing';
    issue.statusDetails = {};
  } else if (status === 'ignored') {
    issue.status = 'ignored';
    issue.substatus = (body.substatus as string | undefined) ?? 'archived_forever';
    issue.statusDetails = { ...details };
  }
  if (assignee !== undefined) issue.assignedTo = assignee;
  for (const flag of ['hasSeen', 'isBookmarked', 'isSubscribed', 'isPublic'] as const) {
    if (typeof body[flag] === 'boolean') issue[flag] = body[flag];
  }
  notifyIssueChange(emu, issue, before, authorization);
  return json(200, serializeIssue(emu, issue));
}

function eventsOfIssue(emu: EmulatorContext, issue: IssueRecord): EventRecord[] {
  return emu.store.events
    .filter((e) => e.issueId === issue.id)
    .sort((a, b) => b.dateCreated.localeCompare(a.dateCreated));
}

function issueEvent(emu: EmulatorContext, issue: IssueRecord, which: string | undefined, environment: string | null) {
  const events = eventsOfIssue(emu, issue).filter((e) => !environment || e.environment === environment);
  const event =
    which === 'latest' || which === 'recommended'
      ? events[0]
      : which === 'oldest'
        ? events.at(-1)
        : events.find((e) => e.eventID === which);
  if (!event) throw notFound();
  return json(200, serializeEvent(emu, event));
}

function addComment(emu: EmulatorContext, issue: IssueRecord, body: Record<string, unknown>, authorization?: string) {
  if (typeof body.text !== 'string' || !body.text.trim()) throw badRequest({ text: ['This field is required.'] });
  const comment = { id: emu.store.nextId(), issueId: issue.id, text: body.text, dateCreated: new Date().toISOString() };
  emu.store.comments.push(comment);
  emu.notify({
    resource: 'comment',
    action: 'created',
    data: {
      comment: comment.text,
      comment_id: comment.id,
      issue_id: issue.id,
      project_slug: issue.project,
      timestamp: comment.dateCreated,
    },
    authorization,
  });
  const user = emu.store.users[0];
  return json(201, {
    id: comment.id,
    type: 'note',
    data: { text: comment.text },
    dateCreated: comment.dateCreated,
    user: user ? { id: user.id, name: user.name, email: user.email } : null,
  });
}

/** Sentry App installation routes: the installation the path names, if the caller may act on it (else 403). */
function permittedInstallation(emu: EmulatorContext, ctx: RequestContext) {
  const installation = emu.store.installations.get(ctx.params.uuid ?? '');
  if (!installation || installation.org !== emu.store.orgSlug) throw notFound();
  const caller = emu.caller(ctx.headers.authorization);
  if (!caller || !installationAllows(EXTERNAL_ISSUE_PERMISSION, ctx.method, caller, installation)) {
    throw permissionDenied();
  }
  return installation;
}

/**
 * Links an issue to an external one. Sentry keeps one link per (issue, app) and updates it on a second call
 * (`update_or_create`), answering 200 both times; the link is shown as `{project}#{identifier}`, HTML-escaped.
 */
function linkExternalIssue(emu: EmulatorContext, ctx: RequestContext) {
  const installation = permittedInstallation(emu, ctx);
  const body = parseJsonBody(ctx);
  const errors: Record<string, string[]> = {};
  for (const field of ['webUrl', 'project', 'identifier']) {
    const v = body[field];
    if (v === undefined || v === null || v === '') errors[field] = ['This field is required.'];
  }
  if (!errors.webUrl && !isUrl(body.webUrl)) errors.webUrl = ['Enter a valid URL.'];
  if (Object.keys(errors).length) throw badRequest(errors);
  if (!/^\d+$/.test(String(body.issueId ?? ''))) {
    throw badRequest({ detail: 'issueId is required, and must be an integer' });
  }
  const issue = emu.store.issues.get(String(body.issueId));
  if (!issue) throw new HttpError(404, { detail: 'Could not find issue from given groupId' });
  const serviceType = installation.app.slug;
  const fields = {
    displayName: `${escapeHtml(String(body.project))}#${escapeHtml(String(body.identifier))}`,
    webUrl: String(body.webUrl),
    project: String(body.project),
    identifier: String(body.identifier),
  };
  const existing = emu.store.externalIssues.find((l) => l.issueId === issue.id && l.serviceType === serviceType);
  if (existing) {
    Object.assign(existing, fields, { installationUuid: installation.uuid });
    return json(200, serializeLink(existing));
  }
  const link = {
    id: emu.store.nextId(),
    installationUuid: installation.uuid,
    issueId: issue.id,
    serviceType,
    ...fields,
  };
  emu.store.externalIssues.push(link);
  return json(200, serializeLink(link));
}

/** Python's html.escape, which Sentry applies to both parts of the display name. */
function escapeHtml(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
  return text.replace(/[&<>"']/g, (c) => entities[c]!);
}

function serializeLink(l: { id: string; issueId: string; serviceType: string; displayName: string; webUrl: string }) {
  return { id: l.id, issueId: l.issueId, serviceType: l.serviceType, displayName: l.displayName, webUrl: l.webUrl };
}

export function issueRoutes(emu: EmulatorContext): Route[] {
  const scoped = (
    suffix: string,
    method: string,
    fn: (ctx: RequestContext, issue: IssueRecord) => ReturnType<Route['handler']>,
  ) => [
    route(method, `/api/0/organizations/{org}/issues/{issue}/${suffix}`, (ctx) => {
      requireOrg(emu, ctx);
      return fn(ctx, findIssue(emu, ctx.params.issue));
    }),
    route(method, `/api/0/issues/{issue}/${suffix}`, (ctx) => fn(ctx, findIssue(emu, ctx.params.issue))),
  ];
  return [
    ...scoped('', 'GET', (_ctx, issue) => json(200, serializeIssue(emu, issue))),
    ...scoped('', 'PUT', (ctx, issue) => updateIssue(emu, issue, parseJsonBody(ctx), ctx.headers.authorization)),
    ...scoped('events/', 'GET', (ctx, issue) =>
      paginate(
        ctx,
        emu.baseUrl(),
        eventsOfIssue(emu, issue).map((e) => serializeEvent(emu, e)),
      ),
    ),
    ...scoped('events/{event}/', 'GET', (ctx, issue) =>
      issueEvent(emu, issue, ctx.params.event, ctx.url.searchParams.get('environment')),
    ),
    ...scoped('comments/', 'POST', (ctx, issue) =>
      addComment(emu, issue, parseJsonBody(ctx), ctx.headers.authorization),
    ),
    ...scoped('notes/', 'POST', (ctx, issue) => addComment(emu, issue, parseJsonBody(ctx), ctx.headers.authorization)),
    ...scoped('external-issues/', 'GET', (_ctx, issue) =>
      json(200, emu.store.externalIssues.filter((l) => l.issueId === issue.id).map(serializeLink)),
    ),
    route('GET', '/api/0/projects/{org}/{project}/events/{event}/', (ctx) => {
      requireOrg(emu, ctx);
      const event = emu.store.events.find(
        (e) =>
          e.eventID === ctx.params.event &&
          (e.project ?? emu.store.issues.get(e.issueId)?.project) === ctx.params.project,
      );
      if (!event) throw notFound();
      return json(200, serializeEvent(emu, event));
    }),
  ];
}

/** `POST/DELETE sentry-app-installations/{uuid}/external-issues/`: the integration's links on Sentry issues. */
export function externalIssueRoutes(emu: EmulatorContext): Route[] {
  return [
    route('POST', '/api/0/sentry-app-installations/{uuid}/external-issues/', (ctx) => linkExternalIssue(emu, ctx)),
    route('DELETE', '/api/0/sentry-app-installations/{uuid}/external-issues/{id}/', (ctx) => {
      permittedInstallation(emu, ctx);
      const before = emu.store.externalIssues.length;
      emu.store.externalIssues = emu.store.externalIssues.filter(
        (l) => !(l.id === ctx.params.id && l.installationUuid === ctx.params.uuid),
      );
      if (emu.store.externalIssues.length === before) throw notFound();
      return { status: 204 };
    }),
  ];
}
