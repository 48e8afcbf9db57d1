// One event shape for triage, from either the webhook's snake_case event (`event_alert`, `error`) or the REST API's
// camelCase event (`entries[]`, `context: [[line, code]]`). Pure: no I/O.

export interface Frame {
  filename?: string | undefined;
  absPath?: string | undefined;
  module?: string | undefined;
  function?: string | undefined;
  lineno?: number | undefined;
  colno?: number | undefined;
  inApp: boolean;
  /** Source lines around `lineno` as the SDK or Sentry's processing captured them. */
  context?: { pre: string[]; line: string; post: string[] } | undefined;
}

export interface Breadcrumb {
  timestamp?: string | undefined;
  category?: string | undefined;
  level?: string | undefined;
  message?: string | undefined;
  data?: Record<string, unknown> | undefined;
}

export interface TriageEvent {
  eventId?: string | undefined;
  issueId?: string | undefined;
  title?: string | undefined;
  level?: string | undefined;
  release?: string | undefined;
  environment?: string | undefined;
  platform?: string | undefined;
  culprit?: string | undefined;
  timestamp?: string | undefined;
  exceptionType?: string | undefined;
  exceptionValue?: string | undefined;
  /** Oldest call first; the crashing frame is last (Sentry's order). */
  frames: Frame[];
  tags: Array<[string, string]>;
  breadcrumbs: Breadcrumb[];
  request?: { method?: string | undefined; url?: string | undefined } | undefined;
  webUrl?: string | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Normalises a webhook or REST event; unknown shapes yield an event with no frames rather than an error. */
export function normalizeEvent(raw: unknown): TriageEvent {
  const e = isObj(raw) ? raw : {};
  const entries = arr(e['entries']).filter(isObj);
  const entry = (type: string): Obj | undefined => {
    const found = entries.find((x) => x['type'] === type)?.['data'];
    return isObj(found) ? found : undefined;
  };
  const exception = isObj(e['exception']) ? e['exception'] : entry('exception');
  // Chained exceptions are listed oldest to newest: the last one is what was thrown.
  const values = arr(exception?.['values']).filter(isObj);
  const thrown = values.at(-1);
  const frames = arr(isObj(thrown?.['stacktrace']) ? thrown['stacktrace']['frames'] : undefined)
    .filter(isObj)
    .map(normalizeFrame);
  const metadata = isObj(e['metadata']) ? e['metadata'] : {};
  const release = isObj(e['release']) ? str(e['release']['version']) : str(e['release']);
  const tags = normalizeTags(e['tags']);
  const tag = (key: string) => tags.find(([k]) => k === key)?.[1];
  const breadcrumbs = arr((isObj(e['breadcrumbs']) ? e['breadcrumbs'] : entry('breadcrumbs'))?.['values'])
    .filter(isObj)
    .map(normalizeBreadcrumb);
  const request = isObj(e['request']) ? e['request'] : entry('request');
  return {
    eventId: str(e['event_id']) ?? str(e['eventID']) ?? str(e['id']),
    issueId: str(e['issue_id']) ?? str(e['groupID']),
    title: str(e['title']),
    level: str(e['level']) ?? tag('level'),
    release: release ?? tag('release'),
    environment: str(e['environment']) ?? tag('environment'),
    platform: str(e['platform']),
    culprit: str(e['culprit']),
    timestamp: str(e['datetime']) ?? str(e['dateCreated']) ?? isoFromEpoch(e['timestamp']),
    exceptionType: str(thrown?.['type']) ?? str(metadata['type']),
    exceptionValue: str(thrown?.['value']) ?? str(metadata['value']) ?? str(e['message']),
    frames,
    tags,
    breadcrumbs,
    request: request ? { method: str(request['method']), url: str(request['url']) } : undefined,
    webUrl: str(e['web_url']),
  };
}

export function normalizeFrame(f: Obj): Frame {
  const lineno = num(f['lineno']) ?? num(f['lineNo']);
  return {
    filename: str(f['filename']),
    absPath: str(f['abs_path']) ?? str(f['absPath']),
    module: str(f['module']),
    function: str(f['function']),
    lineno,
    colno: num(f['colno']) ?? num(f['colNo']),
    inApp: f['in_app'] === true || f['inApp'] === true,
    context: frameContext(f, lineno),
  };
}

function frameContext(f: Obj, lineno: number | undefined): Frame['context'] {
  if (typeof f['context_line'] === 'string') {
    const lines = (v: unknown) => arr(v).map((l) => (typeof l === 'string' ? l : ''));
    return { pre: lines(f['pre_context']), line: f['context_line'], post: lines(f['post_context']) };
  }
  // REST: [[lineNo, code], ...] around the frame's line.
  const pairs = arr(f['context']).filter(
    (p): p is [number, string] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'string',
  );
  const current = pairs.find(([n]) => n === lineno);
  if (!current || lineno === undefined) return undefined;
  return {
    pre: pairs.filter(([n]) => n < lineno).map(([, code]) => code),
    line: current[1],
    post: pairs.filter(([n]) => n > lineno).map(([, code]) => code),
  };
}

function normalizeTags(raw: unknown): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const t of arr(raw)) {
    if (Array.isArray(t) && t.length >= 2) {
      const [k, v] = [str(t[0]), str(t[1])];
      if (k && v !== undefined) out.push([k, v]);
    } else if (isObj(t)) {
      const [k, v] = [str(t['key']), str(t['value'])];
      if (k && v !== undefined) out.push([k, v]);
    }
  }
  if (isObj(raw)) for (const [k, v] of Object.entries(raw)) if (str(v) !== undefined) out.push([k, str(v)!]);
  return out;
}

function normalizeBreadcrumb(b: Obj): Breadcrumb {
  return {
    timestamp:
      typeof b['timestamp'] === 'string' && Number.isNaN(Number(b['timestamp']))
        ? b['timestamp']
        : isoFromEpoch(b['timestamp']),
    category: str(b['category']),
    level: str(b['level']),
    message: str(b['message']),
    data: isObj(b['data']) ? b['data'] : undefined,
  };
}

function isoFromEpoch(v: unknown): string | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? new Date(n * 1000).toISOString() : undefined;
}

/** True when the event carries a stack trace worth mapping (else fetch the latest event from the API). */
export const hasFrames = (event: TriageEvent): boolean => event.frames.length > 0;

/**
 * How much of each field the issue can show. An event is cut to these before it is scrubbed and rendered, so the
 * work and the issue stay small whatever the event carries (a 200 KB message, 1,000 breadcrumbs, 5,000-deep data).
 */
export const EVENT_LIMITS = {
  message: 4_000,
  short: 300,
  frames: 100,
  contextLines: 5,
  tags: 50,
  tagValue: 200,
  breadcrumbs: 10,
  dataEntries: 20,
  dataDepth: 3,
} as const;

/**
 * Room left past each limit before scrubbing: a secret that straddles the limit must reach the scrubber whole (a
 * half is no longer recognised); the scrubbed text is then cut again without it.
 */
export const SCRUB_MARGIN = 300;

/**
 * The event cut to what the rendering shows: the newest frames and breadcrumbs, every text at its shown length
 * (plus `margin`).
 */
export function boundEvent(event: TriageEvent, margin = 0): TriageEvent {
  const L = EVENT_LIMITS;
  const cut = (text: string | undefined, max: number = L.short): string | undefined =>
    text === undefined || text.length <= max + margin ? text : `${text.slice(0, max + margin - 1)}…`;
  const boundFrame = (f: Frame): Frame => {
    const n = L.contextLines;
    const line = (l: string) => cut(l)!;
    return {
      ...f,
      filename: cut(f.filename),
      absPath: cut(f.absPath),
      module: cut(f.module, 200),
      function: cut(f.function, 200),
      context: f.context && {
        pre: f.context.pre.slice(-n).map(line),
        line: line(f.context.line),
        post: f.context.post.slice(0, n).map(line),
      },
    };
  };
  /** A few levels and entries of breadcrumb data, strings cut; deeper values are summarised. */
  const pruneData = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return cut(v, 200);
    if (v === null || typeof v !== 'object') return v;
    if (depth >= L.dataDepth) return Array.isArray(v) ? '[…]' : '{…}';
    if (Array.isArray(v)) return v.slice(0, L.dataEntries).map((x) => pruneData(x, depth + 1));
    const out: Record<string, unknown> = {};
    let entries = 0;
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      if (++entries > L.dataEntries) break;
      out[cut(k, 100)!] = pruneData((v as Record<string, unknown>)[k], depth + 1);
    }
    return out;
  };
  return {
    ...event,
    title: cut(event.title),
    level: cut(event.level, 20),
    release: cut(event.release, 200),
    environment: cut(event.environment, 100),
    platform: cut(event.platform, 50),
    culprit: cut(event.culprit),
    timestamp: cut(event.timestamp, 40),
    exceptionType: cut(event.exceptionType, 200),
    exceptionValue: cut(event.exceptionValue, L.message),
    // Sentry lists frames oldest first: the crash and its callers are at the end.
    frames: event.frames.slice(-L.frames).map(boundFrame),
    tags: event.tags.slice(0, L.tags).map(([k, v]) => [cut(k, 100)!, cut(v, L.tagValue)!]),
    breadcrumbs: event.breadcrumbs.slice(-L.breadcrumbs).map((b) => ({
      timestamp: cut(b.timestamp, 40),
      category: cut(b.category, 100),
      level: cut(b.level, 20),
      message: cut(b.message),
      data: b.data && (pruneData(b.data, 0) as Record<string, unknown>),
    })),
    request: event.request && { method: cut(event.request.method, 20), url: cut(event.request.url) },
    webUrl: cut(event.webUrl, 2_000),
  };
}
