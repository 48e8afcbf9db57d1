/**
 * `POST /__emulator/events`: what Sentry's event processing does with one new error, for tests and the demo. The
 * event joins its issue (or creates one: `issue.created`), bumps `count` and `lastSeen`, and an event on a resolved
 * issue is a regression: unresolved, substatus `regressed`, `issue.unresolved` sent with Sentry itself as actor.
 */
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import type { EmulatorContext } from './context.ts';
import { serializeEvent } from './events.ts';
import { badRequest, json, type Route, route } from './http.ts';
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

/** An item of a received envelope, as `GET /__emulator/envelopes` lists it. */
export interface EnvelopeItem {
  projectId: string;
  type: string;
  payload: unknown;
}

const envelopes = new WeakMap<object, EnvelopeItem[]>();
const received = (emu: EmulatorContext): EnvelopeItem[] => {
  let items = envelopes.get(emu.store);
  if (!items) envelopes.set(emu.store, (items = []));
  return items;
};

/**
 * What an SDK sends to a DSN: `POST /api/{project_id}/envelope/` (Sentry's "Envelopes" format: a header line, then
 * per item a header line and a payload, its length given or up to the newline) and the older
 * `POST /api/{project_id}/store/` (one event as JSON). The DSN's key authenticates (X-Sentry-Auth or `sentry_key`),
 * not an API token; items are kept for inspection, not processed into issues.
 */
export function envelopeRoutes(emu: EmulatorContext): Route[] {
  return [
    route(
      'POST',
      '/api/{projectId}/envelope/',
      (ctx) => {
        const { eventId, items } = parseEnvelope(gunzipIfNeeded(ctx.raw, ctx.headers['content-encoding']));
        received(emu).push(...items.map((item) => ({ projectId: ctx.params.projectId!, ...item })));
        return json(200, { id: eventId });
      },
      'none',
    ),
    route(
      'POST',
      '/api/{projectId}/store/',
      (ctx) => {
        const payload = JSON.parse(gunzipIfNeeded(ctx.raw, ctx.headers['content-encoding']).toString('utf8'));
        received(emu).push({ projectId: ctx.params.projectId!, type: 'event', payload });
        return json(200, { id: (payload as { event_id?: string }).event_id ?? null });
      },
      'none',
    ),
  ];
}

export function envelopeInspectionRoutes(emu: EmulatorContext): Route[] {
  return [route('GET', '/__emulator/envelopes', () => json(200, received(emu)), 'none')];
}

function gunzipIfNeeded(raw: Buffer, encoding: string | string[] | undefined): Buffer {
  return encoding === 'gzip' ? gunzipSync(raw) : raw;
}

export function parseEnvelope(raw: Buffer): { eventId: string | null; items: Omit<EnvelopeItem, 'projectId'>[] } {
  let at = 0;
  const line = (): Buffer => {
    const end = raw.indexOf(0x0a, at);
    const slice = raw.subarray(at, end < 0 ? raw.length : end);
    at = end < 0 ? raw.length : end + 1;
    return slice;
  };
  let header: { event_id?: string };
  try {
    header = JSON.parse(line().toString('utf8'));
  } catch {
    throw badRequest({ detail: 'invalid envelope header' });
  }
  const items: Omit<EnvelopeItem, 'projectId'>[] = [];
  while (at < raw.length) {
    const headerLine = line().toString('utf8').trim();
    if (!headerLine) continue;
    const itemHeader = JSON.parse(headerLine) as { type?: string; length?: number };
    let payload: Buffer;
    if (typeof itemHeader.length === 'number') {
      payload = raw.subarray(at, at + itemHeader.length);
      at += itemHeader.length + 1;
    } else payload = line();
    const text = payload.toString('utf8');
    let value: unknown = text;
    try {
      value = JSON.parse(text);
    } catch {
      // attachments and other binary items stay text
    }
    items.push({ type: itemHeader.type ?? 'unknown', payload: value });
  }
  return { eventId: header.event_id ?? null, items };
}
