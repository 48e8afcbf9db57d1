// The GitHub issue for a Sentry issue: title, body, the status line re-triggers rewrite, and the hidden marker that
// finds the issue again. Pure: every input is already fetched and scrubbed.
import {
  codeBlock,
  details,
  escapeText,
  inlineCode,
  languageOf,
  link,
  plural,
  table,
  truncate,
} from '../services/markdown.ts';
import { issueMarker, marker, statusLineEnd, statusLineStart } from '../services/markers.ts';
import type { Frame, TriageEvent } from './event.ts';
import type { Owners } from './owners.ts';
import { cleanStackPath, type MappedFrame, permalink } from './paths.ts';
import type { ReleaseCommit } from './release.ts';

export const TITLE_MAX = 120;
export const TOP_FRAMES = 3;
export const CONTEXT_LINES = 3;
export const BREADCRUMBS_SHOWN = 10;

export interface SentryIssueFacts {
  id: string;
  shortId?: string | undefined;
  webUrl: string;
  project: string;
  title?: string | undefined;
  culprit?: string | undefined;
  level?: string | undefined;
  firstSeen?: string | undefined;
  lastSeen?: string | undefined;
  count?: number | undefined;
  userCount?: number | undefined;
}

export interface CodeExcerpt {
  /** Line number of `lines[0]`. */
  start: number;
  lines: string[];
  /** Where the lines came from: the repository at the commit, or the event's captured context. */
  source: 'repo' | 'event';
}

export interface ShownFrame extends MappedFrame {
  code?: CodeExcerpt | undefined;
}

export interface CommitSummary {
  sha: string;
  message: string;
  author?: string | undefined;
  login?: string | undefined;
  date?: string | undefined;
  url: string;
}

/** A commit that touched the crashing file (its login is shown as a mention-free handle), with its pull requests. */
export interface SuspectCommit extends CommitSummary {
  pulls: Array<{ number: number; title: string; url: string }>;
}

export interface IssueView {
  sentry: SentryIssueFacts;
  event: TriageEvent;
  repo: { fullName: string; htmlUrl: string; defaultBranch: string };
  /** The commit permalinks point at; `commit.sha` undefined only when even the default branch head is unknown. */
  commit: { sha: string | undefined; resolvedFrom: ReleaseCommit['source'] };
  /** Mapped in-app frames, crashing frame first. */
  frames: ShownFrame[];
  suspects: SuspectCommit[];
  owners: Owners & { path?: string | undefined };
}

export function renderIssueTitle(view: Pick<IssueView, 'sentry' | 'event'>): string {
  const { sentry, event } = view;
  const level = (event.level ?? sentry.level ?? 'error').toLowerCase();
  const type = event.exceptionType;
  const message = event.exceptionValue;
  const what =
    type && message ? `${type}: ${message}` : (type ?? message ?? sentry.title ?? event.title ?? 'Sentry issue');
  return truncate(`[${level}] ${what.replace(/\s+/g, ' ').trim()}`, TITLE_MAX);
}

export interface StatusFacts {
  count?: number | undefined;
  userCount?: number | undefined;
  lastSeen?: string | undefined;
  release?: string | undefined;
}

/** The one line re-triggers rewrite: events, users, last seen, latest release. */
export function renderStatusLine(s: StatusFacts): string {
  const parts = [
    s.count === undefined ? undefined : plural(s.count, 'event'),
    s.userCount === undefined ? undefined : plural(s.userCount, 'user'),
    s.lastSeen ? `last seen ${formatTime(s.lastSeen)}` : undefined,
    s.release ? `latest release ${inlineCode(s.release)}` : undefined,
  ].filter(Boolean);
  return `${statusLineStart}\n**Status:** ${parts.join(' · ') || 'new'}\n${statusLineEnd}`;
}

/** Replaces the status line in a body we wrote; a body without one gets it on top. */
export function replaceStatusLine(body: string, statusLine: string): string {
  const start = body.indexOf(statusLineStart);
  const end = body.indexOf(statusLineEnd);
  if (start === -1 || end < start) return `${statusLine}\n\n${body}`;
  return body.slice(0, start) + statusLine + body.slice(end + statusLineEnd.length);
}

/** GitHub's limits: it refuses longer titles and bodies with 422. Counted in UTF-16 units, never fewer than its own. */
export const GITHUB_TITLE_MAX = 256;
export const GITHUB_BODY_MAX = 65_536;

interface Section {
  text: string;
  /** What the note says was left out when the section is dropped to fit; undefined for sections always kept. */
  dropAs?: string | undefined;
}

/** Sections dropped first when the body is too long: the least useful for fixing the error go first. */
const DROP_ORDER = ['breadcrumbs', 'tags', 'full stack trace', 'suspect commits', 'code excerpts', 'facts'];

/**
 * The issue body, at most `limit` characters: when it would be longer, whole sections are left out (least important
 * first) and the body says so; the hidden marker is always the last line.
 */
export function renderIssueBody(view: IssueView, limit = GITHUB_BODY_MAX): string {
  const { sentry, event } = view;
  const sections: Section[] = [
    { text: renderHeadline(view) },
    {
      text: renderStatusLine({
        count: sentry.count,
        userCount: sentry.userCount,
        lastSeen: sentry.lastSeen ?? event.timestamp,
        release: event.release,
      }),
    },
    { text: renderFacts(view), dropAs: 'facts' },
    { text: renderFrames(view, true), dropAs: 'code excerpts' },
    { text: renderStack(view), dropAs: 'full stack trace' },
    { text: renderSuspects(view), dropAs: 'suspect commits' },
    { text: renderTags(event), dropAs: 'tags' },
    { text: renderBreadcrumbs(event), dropAs: 'breadcrumbs' },
  ];
  const footer = renderFooter(sentry);
  const dropped: string[] = [];
  const compose = () => {
    const kept = sections.flatMap((s) => {
      if (s.text === '') return [];
      if (!dropped.includes(s.dropAs ?? '')) return [s.text];
      // Without its excerpts the frames section still lists the frames and their permalinks.
      return s.dropAs === 'code excerpts' ? [renderFrames(view, false)] : [];
    });
    const note = dropped.length ? [renderOmittedNote(dropped, limit)] : [];
    return [...kept, ...note, footer].join('\n\n');
  };
  let body = compose();
  for (const name of DROP_ORDER) {
    if (body.length <= limit) break;
    if (sections.some((s) => s.dropAs === name && s.text !== '')) dropped.push(name);
    body = compose();
  }
  return body.length <= limit ? body : renderMinimalIssueBody(view, limit);
}

function renderOmittedNote(dropped: readonly string[], limit: number): string {
  return `_Left out to fit GitHub's limit of ${limit.toLocaleString('en-US')} characters: ${dropped.join(', ')}. The full event is in Sentry._`;
}

function renderFooter(sentry: SentryIssueFacts): string {
  return [
    '---',
    // The id in plain text too: search finds visible words, whatever it does with HTML comments.
    `<sub>Opened by faultline from Sentry issue ${link(escapeText(sentry.shortId ?? sentry.id), sentry.webUrl)} (id ${escapeText(sentry.id)}). ` +
      'The status line above is updated as new events arrive.</sub>',
    // Last line, and only here: the marker is read from the last line of the body.
    issueMarker(sentry.id),
  ].join('\n');
}

/**
 * The smallest body that still does the job: the error, its Sentry link, the status line and the marker. Used when
 * the full body does not fit, and when GitHub refuses the full one (422).
 */
export function renderMinimalIssueBody(view: Pick<IssueView, 'sentry' | 'event'>, limit = GITHUB_BODY_MAX): string {
  const { sentry, event } = view;
  const title = escapeText(truncate(renderIssueTitle(view), 200));
  const status = renderStatusLine({
    count: sentry.count,
    userCount: sentry.userCount,
    lastSeen: sentry.lastSeen ?? event.timestamp,
  });
  const note = `GitHub could not take the full report of this error (limit ${limit.toLocaleString('en-US')} characters); it is in Sentry: ${link('open the issue in Sentry', sentry.webUrl)}.`;
  return [`### ${title}`, status, note, renderFooter(sentry)].join('\n\n');
}

function renderHeadline({ event, sentry }: IssueView): string {
  const type = event.exceptionType ?? sentry.title ?? 'Error';
  const where = event.culprit ?? sentry.culprit;
  const lines = [`### ${escapeText(type)}${where ? ` in ${inlineCode(where)}` : ''}`];
  if (event.exceptionValue) lines.push('', codeBlock(event.exceptionValue));
  return lines.join('\n');
}

function renderFacts(view: IssueView): string {
  const { sentry, event, repo, commit } = view;
  const rows: string[][] = [['Sentry', link(escapeText(sentry.shortId ?? sentry.id), sentry.webUrl)]];
  rows.push(['Project', escapeText(sentry.project)]);
  if (event.environment) rows.push(['Environment', escapeText(event.environment)]);
  rows.push(['Release', renderRelease(event.release, repo, commit)]);
  if (sentry.firstSeen) rows.push(['First seen', formatTime(sentry.firstSeen)]);
  if (sentry.lastSeen ?? event.timestamp) rows.push(['Last seen', formatTime(sentry.lastSeen ?? event.timestamp!)]);
  if (sentry.count !== undefined) rows.push(['Events', String(sentry.count)]);
  if (sentry.userCount !== undefined) rows.push(['Users', String(sentry.userCount)]);
  if (view.owners.owners.length > 0) {
    // Owners as code: listing a team or person must not notify them (assignment does that).
    rows.push(['Owners', view.owners.owners.map((o) => inlineCode(o)).join(' ')]);
  }
  // The Sentry link heads the table: GitHub tables need a header row, and an empty one looks broken.
  const [head, ...rest] = rows;
  return table(head!, rest);
}

function renderRelease(release: string | undefined, repo: IssueView['repo'], commit: IssueView['commit']): string {
  const name = release ? inlineCode(release) : 'unknown';
  if (!commit.sha) return `${name} (commit unknown)`;
  const short = commit.sha.slice(0, 7);
  const at = link(inlineCode(short), `${repo.htmlUrl}/commit/${commit.sha}`);
  if (commit.resolvedFrom === 'default-branch') {
    return `${name} — commit unknown; code shown at ${inlineCode(repo.defaultBranch)} (${at}), it may differ from what ran`;
  }
  return `${name} at ${at}`;
}

function renderFrames(view: IssueView, withCode: boolean): string {
  const shown = view.frames.slice(0, TOP_FRAMES);
  if (shown.length === 0)
    return '### Where it breaks\n\nNo frame of this stack trace maps to a file in this repository.';
  const parts = ['### Where it breaks'];
  for (const f of shown) {
    const fn = f.frame.function ? `${inlineCode(f.frame.function)} in ` : '';
    const target = `${f.path}#L${f.line}`;
    const href = view.commit.sha
      ? permalink({ htmlUrl: view.repo.htmlUrl, sha: view.commit.sha }, f.path, f.line)
      : undefined;
    parts.push(`${fn}${href ? link(inlineCode(target), href) : inlineCode(target)}`);
    if (withCode && f.code && f.code.lines.length > 0) parts.push(renderExcerpt(f.code, f.line, languageOf(f.path)));
  }
  return parts.join('\n\n');
}

function renderExcerpt(code: CodeExcerpt, line: number, language: string): string {
  const last = code.start + code.lines.length - 1;
  const width = String(last).length;
  const text = code.lines
    .map((l, i) => {
      const n = code.start + i;
      return `${n === line ? '>' : ' '} ${String(n).padStart(width)} ${l}`;
    })
    .join('\n');
  return codeBlock(text, language);
}

function renderStack({ event }: IssueView): string {
  if (event.frames.length === 0) return '';
  // Newest call first, as people read stack traces.
  const lines = [...event.frames].reverse().map(describeFrame);
  const head = [event.exceptionType, event.exceptionValue].filter(Boolean).join(': ');
  return details(
    `Full stack trace (${plural(event.frames.length, 'frame')})`,
    codeBlock([head, ...lines.map((l) => `    at ${l}`)].filter(Boolean).join('\n')),
  );
}

function describeFrame(f: Frame): string {
  const file = cleanStackPath(f.absPath ?? f.filename ?? '?') || '?';
  const pos = [f.lineno, f.colno].filter((n) => n !== undefined).join(':');
  const where = `${file}${pos ? `:${pos}` : ''}`;
  const tail = f.inApp ? '' : ' [not in app]';
  return f.function ? `${f.function} (${where})${tail}` : `${where}${tail}`;
}

function renderSuspects({ suspects }: IssueView): string {
  if (suspects.length === 0) return '';
  const items = suspects.map((c) => {
    const subject = escapeText(truncate(c.message.split('\n')[0] ?? '', 80));
    const who = c.login ? ` — ${inlineCode(c.login)}` : c.author ? ` — ${escapeText(c.author)}` : '';
    const when = c.date ? `, ${formatTime(c.date)}` : '';
    const prs = c.pulls.map((p) => ` · ${link(`#${p.number}`, p.url)} ${escapeText(truncate(p.title, 60))}`).join('');
    return `- ${link(inlineCode(c.sha.slice(0, 7)), c.url)} ${subject}${who}${when}${prs}`;
  });
  return [
    '### Suspect commits',
    '',
    'Commits in this release that touch the files of the stack trace, newest first:',
    '',
    ...items,
  ].join('\n');
}

function renderTags(event: TriageEvent): string {
  if (event.tags.length === 0) return '';
  return details(
    `Tags (${event.tags.length})`,
    table(
      ['tag', 'value'],
      event.tags.map(([k, v]) => [inlineCode(k), inlineCode(truncate(v, 200))]),
    ),
  );
}

function renderBreadcrumbs(event: TriageEvent): string {
  const last = event.breadcrumbs.slice(-BREADCRUMBS_SHOWN);
  if (last.length === 0) return '';
  const rows = last.map((b) => {
    const data = b.data
      ? Object.entries(b.data)
          .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
          .join(' ')
      : '';
    const message = [b.message, data].filter(Boolean).join(' ');
    return [
      b.timestamp ? formatTime(b.timestamp, true) : '',
      escapeText(b.category ?? ''),
      escapeText(b.level ?? ''),
      message ? inlineCode(truncate(message, 200)) : '',
    ];
  });
  return details(`Breadcrumbs (last ${last.length})`, table(['time', 'category', 'level', 'message'], rows));
}

export function renderReleaseComment(input: {
  release: string;
  commitUrl?: string | undefined;
  count?: number | undefined;
}): string {
  const at = input.commitUrl ? ` (${link('commit', input.commitUrl)})` : '';
  const count = input.count === undefined ? '' : ` Events so far: ${input.count}.`;
  return `This error also occurs in release ${inlineCode(input.release)}${at}.${count}`;
}

export function renderConfigErrorIssue(problems: readonly string[], path: string): { title: string; body: string } {
  return {
    title: `faultline: ${path} is invalid`,
    body: [
      `faultline could not use ${inlineCode(path)}, so Sentry alerts are not turned into issues in this repository until it is fixed.`,
      '',
      '**Problems:**',
      '',
      ...problems.map((p) => `- ${inlineCode(p)}`),
      '',
      'A minimal valid file:',
      '',
      codeBlock(
        'sentry:\n  org: your-org\n  projects: [your-project]\npaths:\n  - from: "webpack://app/./"\n    to: ""',
        'yaml',
      ),
      '',
      'Close this issue once the file is fixed; faultline opens a new one only for a different problem.',
      marker('config-error'),
    ].join('\n'),
  };
}

export function renderRateLimitIssue(input: {
  hour: string;
  limit: number;
  skipped: Array<{ title: string; url: string }>;
}): { title: string; body: string } {
  return {
    title: `faultline: more than ${input.limit} new Sentry issues in the hour from ${input.hour}`,
    body: [
      `This repository reached its limit of ${input.limit} new issues per hour (${inlineCode('limits.newIssuesPerHour')} in ${inlineCode('.github/faultline.yml')}).`,
      'These Sentry issues were not opened here; they will be when they fire again after the hour:',
      '',
      // At most 200 listed (the body stays under GitHub's limit); the count says how many more.
      ...input.skipped.slice(0, 200).map((s) => `- ${link(escapeText(truncate(s.title, 100)), s.url)}`),
      ...(input.skipped.length > 200 ? [`- and ${input.skipped.length - 200} more`] : []),
      marker('rate-limit'),
    ].join('\n'),
  };
}

/** `2026-10-01 08:12 UTC`: stable, unambiguous, no locale. */
export function formatTime(iso: string, seconds = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return escapeText(iso);
  return `${d
    .toISOString()
    .slice(0, seconds ? 19 : 16)
    .replace('T', ' ')} UTC`;
}
