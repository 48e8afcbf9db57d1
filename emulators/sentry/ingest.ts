/**
 * `POST /__emulator/events`: what Sentry's event processing does with one new error, for tests and the demo. The
 * event joins its issue (or creates one: `issue.created`), bumps `count` and `lastSeen`, and an event on a resolved
 * issue is a regression: unresolved, substatus `regressed`, `issue.unresolved` sent with Sentry itself as actor.
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from './context.ts';
import { serializeEvent } from './events.ts';
import { badRequest } from './http.ts';
import { serializeIssue, webhookIssue } from './issues.ts';
import type { EventRecord, IssueRecord } from './state.ts';
import { SENTRY_ACTOR } from './webhooks.ts';

export interface IngestResult {
  created: boolean;
  regressed: boolean;
  issue: ReturnType<typeof serializeIssue>;
  event: ReturnType<typeof serializeEvent>;
}

function titleOf(body: Record<string, unknown>): string {
  if (typeof body.title === 'string' && body.title) return body.title;
  const values = (body.exception as { values?: Array<{ type?: string; value?: string }> } | undefined)?.values;
  const last = values?.at(-1);
  if (last?.type) return last.value ? `${last.type}: ${last.value}` : last.type;
  return 'Error';
}

export function ingestEvent(emu: EmulatorContext, body: Record<string, unknown>): IngestResult {
  const store = emu.store;
  const requestedId = body.issueId === undefined ? undefined : String(body.issueId);
  let issue = requestedId === undefined ? undefined : store.issues.get(requestedId);
  const projectSlug = typeof body.project === 'string' ? body.project : issue?.project;
  if (!projectSlug || !store.project(projectSlug)) {
    throw badRequest({ error: `event.project must name a seeded project, got ${JSON.stringify(body.project)}` });
  }
  const now = typeof body.dateCreated === 'string' ? body.dateCreated : new Date().toISOString();
  const created = !issue;
  let regressed = false;
  if (!issue) {
    const id = requestedId ?? store.nextId();
    issue = {
      id,
      shortId: `${projectSlug.toUpperCase()}-${id}`,
      project: projectSlug,
      title: titleOf(body),
      level: typeof body.level === 'string' ? body.level : 'error',
      status: 'unresolved',
      substatus: 'new',
      statusDetails: {},
      assignedTo: null,
      count: '0',
      firstSeen: now,
      firstRelease: typeof body.release === 'string' ? { version: body.release } : null,
    } satisfies IssueRecord;
    store.issues.set(id, issue);
  } else if (issue.status === 'resolved') {
    issue.status = 'unresolved';
    issue.substatus = 'regressed';
    issue.statusDetails = {};
    regressed = true;
  }
  issue.count = String(Number(issue.count ?? 0) + 1);
  issue.lastSeen = now;
  if (typeof body.release === 'string') issue.lastRelease = { version: body.release };

  const { issueId: _i, project: _p, title: _t, level: _l, eventID, dateCreated: _d, ...rest } = body;
  const event: EventRecord = {
    ...rest,
    issueId: issue.id,
    project: projectSlug,
    eventID: typeof eventID === 'string' ? eventID : randomUUID().replaceAll('-', ''),
    dateCreated: now,
  };
  store.events.push(event);

  if (created) {
    emu.notify({
      resource: 'issue',
      action: 'created',
      data: { issue: webhookIssue(emu, issue) },
      actor: SENTRY_ACTOR,
    });
  } else if (regressed) {
    emu.notify({
      resource: 'issue',
      action: 'unresolved',
      data: { issue: webhookIssue(emu, issue) },
      actor: SENTRY_ACTOR,
    });
  }
  return { created, regressed, issue: serializeIssue(emu, issue), event: serializeEvent(emu, event) };
}
