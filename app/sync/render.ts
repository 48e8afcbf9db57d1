// Markdown the sync writes to GitHub. Everything that came from Sentry or a user passes through `scrub` (the
// repository may be public) and has its @mentions defused; every text carries our hidden marker.
import type { DiffHunk } from './diff-hunks.ts';
import { syncMarker } from './loop-guard.ts';
import type { SuspectPull } from './suspects.ts';

export type Scrub = (text: string) => string;

/** `@bo` in a mirrored Sentry comment must not ping GitHub user bo: show it as code instead. */
export function defuseMentions(text: string): string {
  return text.replace(/(^|[^\w`])@([A-Za-z0-9][\w-]*(?:\/[\w.-]+)?)/g, '$1`@$2`');
}

/** Text from outside, safe to embed: scrubbed, no mentions, no markers of ours, no raw HTML comments. */
export function cleanText(text: string, scrub: Scrub): string {
  return defuseMentions(scrub(text)).replace(/<!--/g, '&lt;!--');
}

/** A fenced block that no backtick run inside `code` can close early. */
export function fence(code: string, lang = ''): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${code}\n${ticks}`;
}

const inline = (text: string): string => text.replace(/[\r\n]+/g, ' ').replace(/`/g, "'");

export interface IssueRef {
  id: string;
  shortId?: string | undefined;
  title: string;
  /** Link to the issue in Sentry's UI. */
  sentryUrl: string;
}

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
  const who = opts.actorName ? ` by ${cleanText(inline(opts.actorName), opts.scrub)}` : '';
  const when = opts.inRelease
    ? ` in release \`${inline(opts.inRelease)}\``
    : opts.inNextRelease
      ? ' in the next release'
      : '';
  const verb = opts.action === 'resolved' ? 'Resolved' : 'Ignored (archived)';
  return `${verb} in Sentry${who}${when}: [${inline(opts.issue.shortId ?? opts.issue.id)}](${opts.issue.sentryUrl}). Closing.\n\n${syncMarker('sync', opts.key)}`;
}

export function renderUnresolvedComment(opts: {
  actorName: string | undefined;
  issue: IssueRef;
  scrub: Scrub;
  key?: string | undefined;
}): string {
  const who = opts.actorName ? ` by ${cleanText(inline(opts.actorName), opts.scrub)}` : '';
  return `Marked unresolved in Sentry${who}: [${inline(opts.issue.shortId ?? opts.issue.id)}](${opts.issue.sentryUrl}). Reopening.\n\n${syncMarker('sync', opts.key)}`;
}

export function renderMirroredComment(opts: {
  commentId: string;
  author: string | undefined;
  text: string;
  issue: IssueRef;
  timestamp?: string | undefined;
  scrub: Scrub;
}): string {
  const who = opts.author ? `**${cleanText(inline(opts.author), opts.scrub)}**` : 'Someone';
  const body = cleanText(opts.text, opts.scrub)
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
  return `${who} commented on [${inline(opts.issue.shortId ?? opts.issue.id)}](${opts.issue.sentryUrl}) in Sentry:\n\n${body}\n\n${syncMarker('sentry-comment', `id=${opts.commentId}`)}`;
}

export interface RegressionContext {
  issue: IssueRef & { type?: string | undefined; value?: string | undefined };
  /** The release the issue came back in, and the previous release: the suspects are the changes between them. */
  release: string | undefined;
  previousRelease: string | undefined;
  /** The issue's event and user counts as Sentry reports them now. */
  events: number | undefined;
  users: number | undefined;
  /** `blob/<sha>/<path>#L<line>` of the crashing frame at the release commit. */
  framePermalink: string | undefined;
  githubIssue: { repo: string; number: number } | undefined;
  scrub: Scrub;
}

export const regressionMarker = (sentryIssueId: string): string =>
  syncMarker('regression', `sentry-issue=${sentryIssueId}`);

/** The comment on a suspect PR. Rendered again (same marker) each time counts change; it is edited in place. */
export function renderRegressionPrComment(suspect: SuspectPull, ctx: RegressionContext): string {
  const { issue, scrub } = ctx;
  const error = cleanText(inline(issue.type ? `${issue.type}: ${issue.value ?? ''}` : issue.title), scrub);
  const frame = suspect.frame;
  const where = `\`${inline(frame.function ?? '?')}\` at \`${inline(frame.path)}:${frame.line}\``;
  const why: Record<SuspectPull['reason'], string> = {
    'changes-crashing-line': 'This pull request changed the line where it now crashes.',
    'contains-frame-line': 'A hunk of this pull request contains a line of the stack trace.',
    'neighbours-frame-line': 'This pull request changed code next to a line of the stack trace.',
    'touches-frame-file': 'This pull request changed a file of the stack trace.',
  };
  const lines = [
    `### :rewind: Possible regression: ${error}`,
    '',
    `[${inline(issue.shortId ?? issue.id)}](${issue.sentryUrl}) was resolved and came back${ctx.release ? ` in release \`${inline(ctx.release)}\`` : ''}${ctx.previousRelease ? `, after the changes since \`${inline(ctx.previousRelease)}\`` : ''}. ${why[suspect.reason]}`,
    '',
    `- **Frame:** ${ctx.framePermalink ? `[${where}](${ctx.framePermalink})` : where}`,
    `- **Seen:** ${count(ctx.events, 'event')}, ${count(ctx.users, 'user')} so far`,
    `- **Sentry:** ${issue.sentryUrl}`,
  ];
  if (ctx.githubIssue) lines.push(`- **Issue:** ${ctx.githubIssue.repo}#${ctx.githubIssue.number}`);
  if (suspect.hunk) {
    lines.push(
      '',
      `The hunk of \`${inline(suspect.file.filename)}\` in this pull request:`,
      '',
      fence(hunkText(suspect.hunk.hunk, scrub), 'diff'),
    );
  }
  lines.push('', `<sub>faultline updates this comment as the counts change.</sub>`, regressionMarker(issue.id));
  return lines.join('\n');
}

function hunkText(hunk: DiffHunk, scrub: Scrub, maxLines = 40): string {
  const shown = hunk.lines.slice(0, maxLines);
  const text = scrub(shown.join('\n'));
  return hunk.lines.length > maxLines ? `${text}\n… ${hunk.lines.length - maxLines} more lines` : text;
}

const count = (n: number | undefined, noun: string): string =>
  n === undefined ? `? ${noun}s` : `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The comment that reopens the linked GitHub issue on a regression. */
export function renderRegressionReopenComment(opts: {
  issue: IssueRef;
  release: string | undefined;
  suspects: readonly SuspectPull[];
  key?: string | undefined;
  /** Why suspects were not looked for (no stack trace); said instead of the suspect list. */
  unranked?: string | undefined;
}): string {
  const suspects = opts.unranked
    ? `${opts.unranked}, so no suspect pull requests were looked for.`
    : opts.suspects.length
      ? `Suspect pull requests: ${opts.suspects.map((s) => `#${s.pull.number}`).join(', ')}.`
      : 'No merged pull request of this repository touched the crashing code since the previous release.';
  return `Regressed${opts.release ? ` in release \`${inline(opts.release)}\`` : ''}: [${inline(opts.issue.shortId ?? opts.issue.id)}](${opts.issue.sentryUrl}) came back after being resolved. Reopening. ${suspects}\n\n${syncMarker('sync', opts.key ?? `regression=${opts.issue.id}`)}`;
}
