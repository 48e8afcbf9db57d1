/** The slice of a pino logger (Probot's `app.log`) the app uses; tests pass a collecting one. */
export interface Log {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  fields: object;
  message: string | undefined;
}

/** A Log that keeps its lines, for tests and for a one-line check of what a request left behind. */
export function memoryLog(): Log & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (fields: object, message?: string): void => {
      lines.push({ level, fields, message });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** A Log whose every line carries `fields` (a request id, the Sentry issue id): one delivery, one thread to follow. */
export function withFields(log: Log, fields: object): Log {
  const at =
    (level: LogLine['level']) =>
    (more: object, message?: string): void => {
      log[level]({ ...fields, ...more }, message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * Re-serializes one JSON log line so each key appears once: pino appends a child's bindings after its parent's, so
 * Probot's `name: "probot"` and a child's `name: "octokit"` both reach the line; the child's (the later, more
 * specific) value is kept. A line that is not JSON passes unchanged.
 */
export function dedupeLogLine(line: string): string {
  try {
    return JSON.stringify(JSON.parse(line));
  } catch {
    return line;
  }
}

/** The Sentry issue a webhook body is about: `data.issue.id` (issue webhooks) or `data.event.issue_id` (alerts). */
export function sentryIssueIdIn(body: unknown): string | null {
  const data = (body as { data?: { issue?: { id?: unknown }; event?: { issue_id?: unknown } } } | null)?.data;
  const id = data?.issue?.id ?? data?.event?.issue_id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}
