/**
 * The two shapes of a Sentry event. The REST API (`…/events/latest/`, `projects/…/events/{id}/`) serves camelCase
 * frames inside `entries`; webhooks (`event_alert`, `error`) carry the raw event with snake_case frames, `exception`
 * at the top and tags as `[key, value]` pairs. An event may be seeded in either shape and is served in both.
 */
import type { EmulatorContext } from './context.ts';
import type { EventRecord } from './state.ts';

type Frame = Record<string, unknown>;
type ExceptionValue = Record<string, unknown> & { stacktrace?: { frames?: Frame[] } | null };

const isSnakeFrame = (f: Frame) => 'abs_path' in f || 'lineno' in f || 'in_app' in f || 'context_line' in f;
const isCamelFrame = (f: Frame) => 'absPath' in f || 'lineNo' in f || 'inApp' in f || 'context' in f;

/** A webhook (snake_case) frame in the REST shape; camelCase frames pass through. */
export function restFrame(frame: Frame): Frame {
  if (!isSnakeFrame(frame)) return frame;
  const { abs_path, lineno, colno, in_app, context_line, pre_context, post_context, ...rest } = frame;
  const line = typeof lineno === 'number' ? lineno : null;
  const context: Array<[number, string]> = [];
  if (line !== null && typeof context_line === 'string') {
    const pre = Array.isArray(pre_context) ? (pre_context as string[]) : [];
    const post = Array.isArray(post_context) ? (post_context as string[]) : [];
    pre.forEach((text, i) => context.push([line - pre.length + i, text]));
    context.push([line, context_line]);
    post.forEach((text, i) => context.push([line + 1 + i, text]));
  }
  return {
    ...rest,
    absPath: abs_path ?? null,
    lineNo: line,
    colNo: typeof colno === 'number' ? colno : null,
    inApp: typeof in_app === 'boolean' ? in_app : null,
    context,
  };
}

/** A REST (camelCase) frame in the webhook shape; snake_case frames pass through. */
export function webhookFrame(frame: Frame): Frame {
  if (!isCamelFrame(frame) || isSnakeFrame(frame)) return frame;
  const { absPath, lineNo, colNo, inApp, context, ...rest } = frame;
  const lines = Array.isArray(context) ? (context as Array<[number, string]>) : [];
  const at = lines.findIndex(([n]) => n === lineNo);
  return {
    ...rest,
    abs_path: absPath ?? null,
    lineno: lineNo ?? null,
    colno: colNo ?? null,
    in_app: inApp ?? null,
    ...(at >= 0
      ? {
          pre_context: lines.slice(0, at).map(([, t]) => t),
          context_line: lines[at]![1],
          post_context: lines.slice(at + 1).map(([, t]) => t),
        }
      : {}),
  };
}

function mapFrames(values: ExceptionValue[], map: (f: Frame) => Frame): ExceptionValue[] {
  return values.map((v) => ({
    ...v,
    stacktrace: v.stacktrace?.frames
      ? { ...v.stacktrace, frames: v.stacktrace.frames.map(map) }
      : (v.stacktrace ?? null),
  }));
}

/** The exception values of an event, whichever shape it was seeded in. */
function exceptionValues(event: EventRecord): ExceptionValue[] {
  const top = event.exception as { values?: ExceptionValue[] } | undefined;
  if (top?.values) return top.values;
  const entries = Array.isArray(event.entries) ? (event.entries as Array<{ type?: string; data?: unknown }>) : [];
  const entry = entries.find((e) => e.type === 'exception');
  return (entry?.data as { values?: ExceptionValue[] } | undefined)?.values ?? [];
}

function restEntries(event: EventRecord): unknown[] {
  if (Array.isArray(event.entries)) return event.entries;
  const values = exceptionValues(event);
  if (values.length === 0) return [];
  return [
    { type: 'exception', data: { values: mapFrames(values, restFrame), excOmitted: null, hasSystemFrames: false } },
  ];
}

/** Seeded tags as `{key, value}` objects (REST) whether given as objects or `[key, value]` pairs. */
function tagObjects(tags: unknown): Array<{ key: string; value: string }> {
  if (!Array.isArray(tags)) return [];
  return tags.map((t) =>
    Array.isArray(t) ? { key: String(t[0]), value: String(t[1]) } : (t as { key: string; value: string }),
  );
}

function eventContext(emu: EmulatorContext, event: EventRecord) {
  const issue = emu.store.issues.get(event.issueId);
  const slug = event.project ?? issue?.project;
  const project = slug ? emu.store.project(slug) : undefined;
  const tags = [
    ...(event.environment ? [{ key: 'environment', value: event.environment }] : []),
    ...(event.release ? [{ key: 'release', value: event.release }] : []),
    ...tagObjects(event.tags).filter((t) => t.key !== 'environment' && t.key !== 'release'),
  ];
  return { issue, slug, project, tags };
}

export function serializeEvent(emu: EmulatorContext, event: EventRecord) {
  const { issue, project, tags } = eventContext(emu, event);
  const { issueId, exception: _e, entries: _n, project: _p, release, environment, tags: _t, ...fields } = event;
  return {
    title: issue?.title ?? '',
    message: '',
    platform: project?.platform ?? null,
    type: 'error',
    metadata: {},
    contexts: {},
    user: null,
    sdk: null,
    errors: [],
    dist: null,
    ...fields,
    id: event.eventID,
    eventID: event.eventID,
    groupID: issueId,
    projectID: project?.id ?? null,
    dateReceived: event.dateCreated,
    release: release ? { version: release } : null,
    environment: environment ?? null,
    tags,
    entries: restEntries(event),
  };
}

/** The event as `event_alert.triggered` / `error.created` webhooks carry it (`data.event`, `data.error`). */
export function webhookEvent(emu: EmulatorContext, event: EventRecord) {
  const { issue, slug, project, tags } = eventContext(emu, event);
  const {
    issueId,
    exception: _e,
    entries: _n,
    project: _p,
    release,
    environment,
    tags: _t,
    eventID,
    dateCreated,
    ...fields
  } = event;
  const base = emu.baseUrl();
  const org = emu.store.orgSlug;
  return {
    event_id: eventID,
    project: Number(project?.id ?? 0),
    release: release ?? null,
    dist: null,
    platform: project?.platform ?? null,
    message: '',
    datetime: dateCreated,
    tags: tags.map((t) => [t.key, t.value]),
    culprit: (issue?.culprit as string | undefined) ?? null,
    environment: environment ?? null,
    level: issue?.level ?? 'error',
    title: issue?.title ?? '',
    type: 'error',
    ...fields,
    exception: { values: mapFrames(exceptionValues(event), webhookFrame) },
    issue_id: issueId,
    url: `${base}/api/0/projects/${org}/${slug ?? ''}/events/${eventID}/`,
    web_url: `${base}/organizations/${org}/issues/${issueId}/events/${eventID}/`,
    issue_url: `${base}/api/0/issues/${issueId}/`,
  };
}
