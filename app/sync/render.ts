// Markdown the mirror writes to GitHub: status comments and mirrored Sentry comments. Everything that came from
// Sentry or a person passes through `scrub` (the repository may be public) and the markdown module; every text
// carries our hidden marker.
import { blockQuote, escapeText, inertMarkdown, inlineCode, link, truncate } from '../services/markdown.ts';
import { mirroredCommentMarker, syncCommentMarker } from '../services/markers.ts';
import type { Scrub } from '../scrub/index.ts';

export type { Scrub } from '../scrub/index.ts';

export interface IssueRef {
  id: string;
  shortId?: string | undefined;
  title: string;
  /** Link to the issue in Sentry's UI. */
  sentryUrl: string;
}

/** `[SHOP-9](…)`: the Sentry issue by its short id, linked. */
export const sentryLink = (issue: IssueRef): string => link(escapeText(issue.shortId ?? issue.id), issue.sentryUrl);

/** A person's name from Sentry, scrubbed and shown as text. */
export const personName = (name: string, scrub: Scrub): string => escapeText(scrub(truncate(name, 200)));

export function renderStatusComment(opts: {
  action: 'resolved' | 'ignored';
  actorName: string | undefined;
  issue: IssueRef;
  inRelease?: string | undefined;
  inNextRelease?: boolean | undefined;
  scrub: Scrub;
  /** Marker key that lets a retried job find this comment instead of writing it twice. */
  key?: string | undefined;
}): string {
  const who = opts.actorName ? ` by ${personName(opts.actorName, opts.scrub)}` : '';
  const when = opts.inRelease
    ? ` in release ${inlineCode(opts.inRelease)}`
    : opts.inNextRelease
      ? ' in the next release'
      : '';
  const verb = opts.action === 'resolved' ? 'Resolved' : 'Ignored (archived)';
  return `${verb} in Sentry${who}${when}: ${sentryLink(opts.issue)}. Closing.\n\n${syncCommentMarker(opts.key)}`;
}

/** `sync.resolveAs: resolvedInNextRelease` on a project without releases: Sentry refuses it, so it was resolved now. */
export function renderResolvedNowComment(sentryUrl: string, key: string): string {
  return (
    `Resolved ${link('in Sentry', sentryUrl)} now rather than in the next release: the project has no release yet ` +
    `for Sentry to base "next release" on (\`sync.resolveAs: resolvedInNextRelease\`).\n\n${syncCommentMarker(key)}`
  );
}

export function renderUnresolvedComment(opts: {
  actorName: string | undefined;
  issue: IssueRef;
  scrub: Scrub;
  key?: string | undefined;
}): string {
  const who = opts.actorName ? ` by ${personName(opts.actorName, opts.scrub)}` : '';
  return `Marked unresolved in Sentry${who}: ${sentryLink(opts.issue)}. Reopening.\n\n${syncCommentMarker(opts.key)}`;
}

export const MIRRORED_TEXT_MAX = 20_000;

export function renderMirroredComment(opts: {
  commentId: string;
  author: string | undefined;
  text: string;
  issue: IssueRef;
  timestamp?: string | undefined;
  scrub: Scrub;
}): string {
  const who = opts.author ? `**${personName(opts.author, opts.scrub)}**` : 'Someone';
  // Cut before scrubbing, well under GitHub's 65,536 characters once quoted and escaped.
  const body = blockQuote(inertMarkdown(opts.scrub(truncate(opts.text, MIRRORED_TEXT_MAX))));
  return `${who} commented on ${sentryLink(opts.issue)} in Sentry:\n\n${body}\n\n${mirroredCommentMarker(opts.commentId)}`;
}
