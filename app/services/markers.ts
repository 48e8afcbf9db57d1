// Hidden HTML comments in everything faultline writes to GitHub: they find an object again (an issue by its Sentry
// issue, a comment by its key) and tell our own writes from a person's. Written and read only here.
//
// Two shapes are on GitHub already and both are read: `<!-- faultline:sentry-issue:123 -->` in issue bodies (a
// search for its visible id finds the issue when our database lost it) and `<!-- faultline:<kind>[ <key>] -->`
// everywhere else.

export type MarkerKind =
  /** An issue body triage opened for a Sentry issue. */
  | 'sentry-issue'
  /** The status line of such a body (followed by its closing `<!-- /faultline:status -->`). */
  | 'status'
  | 'config-error'
  | 'rate-limit'
  /** A comment the sync wrote on a linked issue (status changes, a regression's reopen, an incident's close). */
  | 'sync'
  /** A Sentry comment mirrored onto the linked issue. */
  | 'sentry-comment'
  /** The comment on a pull request suspected of a regression. */
  | 'regression'
  /** The issue of a metric-alert incident. */
  | 'incident';

export interface Marker {
  kind: string;
  key: string | undefined;
}

/** `<!-- faultline:regression sentry-issue=123 -->`: what wrote it and the key that finds it again. */
export function marker(kind: Exclude<MarkerKind, 'sentry-issue'>, key?: string): string {
  return `<!-- faultline:${kind}${key ? ` ${key}` : ''} -->`;
}

/** The marker of an issue body opened for a Sentry issue. */
export const issueMarker = (sentryIssueId: string): string => `<!-- faultline:sentry-issue:${sentryIssueId} -->`;

export const statusLineStart = marker('status');
export const statusLineEnd = '<!-- /faultline:status -->';

/** The keyed comment the sync writes with a state change; a retry finds it by the key. */
export const syncCommentMarker = (key?: string): string => marker('sync', key);
export const mirroredCommentMarker = (sentryCommentId: string): string =>
  marker('sentry-comment', `id=${sentryCommentId}`);
export const regressionMarker = (sentryIssueId: string): string =>
  marker('regression', `sentry-issue=${sentryIssueId}`);
export const incidentMarker = (incidentKey: string): string => marker('incident', `key=${incidentKey}`);

const MARKER = /<!-- faultline:([a-z-]+)(?::([A-Za-z0-9_-]+)| ([^\s>]+))? -->/g;

/** Every marker of ours in `body`, in order. */
export function readMarkers(body: string | null | undefined): Marker[] {
  return [...(body ?? '').matchAll(MARKER)].map((m) => ({ kind: m[1]!, key: m[2] ?? m[3] }));
}

/** The first marker of ours in `body` (of `kind` when given), else undefined. */
export function readMarker(body: string | null | undefined, kind?: MarkerKind): Marker | undefined {
  return readMarkers(body).find((m) => kind === undefined || m.kind === kind);
}

export const carriesMarker = (body: string | null | undefined): boolean => readMarker(body) !== undefined;

const ISSUE_MARKER_LINE = /^<!-- faultline:sentry-issue:([A-Za-z0-9_-]+) -->$/;

/**
 * The Sentry issue id of an issue body triage wrote, or undefined. Only the body's last line counts: faultline
 * writes the marker there and nowhere else, and event text in the body above can never produce `<!--` (the markdown
 * module defuses it), so a marker quoted in an exception message names nothing.
 */
export function findIssueMarker(body: string | null | undefined): string | undefined {
  const text = (body ?? '').trimEnd();
  const lastLine = text.slice(text.lastIndexOf('\n') + 1).trim();
  return ISSUE_MARKER_LINE.exec(lastLine)?.[1];
}
