// Markdown of a regression: the comment on each suspect pull request and the one that reopens the linked issue.
// Text from Sentry passes through `scrub` and the markdown module.
import { codeBlock, escapeText, inlineCode, link, plural, truncate } from '../services/markdown.ts';
import { regressionMarker, syncCommentMarker } from '../services/markers.ts';
import { type IssueRef, sentryLink } from '../sync/render.ts';
import type { Scrub } from '../scrub/index.ts';
import type { DiffHunk } from './diff-hunks.ts';
import type { SuspectPull } from './suspects.ts';

export interface RegressionContext {
  issue: IssueRef & { type?: string | undefined; value?: string | undefined };
  /** The release the issue came back in, and the previous release: the suspects are the changes between them. */
  release: string | undefined;
  previousRelease: string | undefined;
  /** The issue's event and user counts as Sentry reports them now: all releases, since it was first seen. */
  events: number | undefined;
  users: number | undefined;
  /** `blob/<sha>/<path>#L<line>` of the crashing frame at the release commit. */
  framePermalink: string | undefined;
  githubIssue: { repo: string; number: number } | undefined;
  scrub: Scrub;
}

const WHY: Record<SuspectPull['reason'], string> = {
  'changes-crashing-line': 'This pull request changed the line where it now crashes.',
  'contains-frame-line': 'A hunk of this pull request contains a line of the stack trace.',
  'neighbours-frame-line': 'This pull request changed code next to a line of the stack trace.',
  'touches-frame-file': 'This pull request changed a file of the stack trace.',
};

/** The comment on a suspect PR. Rendered again (same marker) each time counts change; it is edited in place. */
export function renderRegressionPrComment(suspect: SuspectPull, ctx: RegressionContext): string {
  const { issue, scrub } = ctx;
  // Event text is cut to what is shown before it is scrubbed, and shown as text: never markup, links or references.
  const error = escapeText(
    scrub(truncate(oneLine(issue.type ? `${issue.type}: ${issue.value ?? ''}` : issue.title), 200)),
  );
  const frame = suspect.frame;
  const fn = scrub(truncate(frame.function ?? '?', 200));
  const where = `${inlineCode(fn)} at ${inlineCode(scrub(truncate(`${frame.path}:${frame.line}`, 300)))}`;
  const lines = [
    `### :rewind: Possible regression: ${error}`,
    '',
    `${sentryLink(issue)} was resolved and came back${inRelease(ctx.release)}${ctx.previousRelease ? `, after the changes since ${inlineCode(ctx.previousRelease)}` : ''}. ${WHY[suspect.reason]}`,
    '',
    `- **Frame:** ${ctx.framePermalink ? link(where, ctx.framePermalink) : where}`,
    // The issue's own counts from Sentry: every release since it was first seen, not only the regressed one.
    `- **Seen:** ${count(ctx.events, 'event')}, ${count(ctx.users, 'user')} so far (all releases, since first seen)`,
    `- **Sentry:** ${issue.sentryUrl}`,
  ];
  if (ctx.githubIssue) lines.push(`- **Issue:** ${ctx.githubIssue.repo}#${ctx.githubIssue.number}`);
  if (suspect.hunk) {
    lines.push(
      '',
      `The hunk of ${inlineCode(suspect.file.filename)} in this pull request:`,
      '',
      codeBlock(hunkText(suspect.hunk.hunk, scrub), 'diff'),
    );
  }
  lines.push('', `<sub>faultline updates this comment as the counts change.</sub>`, regressionMarker(issue.id));
  return lines.join('\n');
}

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
  const marker = syncCommentMarker(opts.key ?? `regression=${opts.issue.id}`);
  return `Regressed${inRelease(opts.release)}: ${sentryLink(opts.issue)} came back after being resolved. Reopening. ${suspects}\n\n${marker}`;
}

const inRelease = (release: string | undefined): string => (release ? ` in release ${inlineCode(release)}` : '');

const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');

function hunkText(hunk: DiffHunk, scrub: Scrub, maxLines = 40): string {
  const shown = hunk.lines.slice(0, maxLines).map((l) => truncate(l, 300));
  const text = scrub(shown.join('\n'));
  return hunk.lines.length > maxLines ? `${text}\n… ${hunk.lines.length - maxLines} more lines` : text;
}

const count = (n: number | undefined, noun: string): string => (n === undefined ? `? ${noun}s` : plural(n, noun));
