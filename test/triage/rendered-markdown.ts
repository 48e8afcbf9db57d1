// What a reader of a rendered GitHub issue sees: the Markdown as HTML (GFM), its links, and its visible text.
import { marked } from 'marked';

export const html = (md: string): string => marked.parse(md, { gfm: true, async: false });
export const hrefs = (h: string): string[] =>
  [...h.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
/** Tags dropped and entities decoded (`&amp;` last, so an escaped entity stays as written). */
export const text = (h: string): string =>
  h
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');

/** Markup, links and references an attacker would put in event text; none may work once written to GitHub. */
export const HOSTILE_TEXT = [
  '<img src="https://tracker.evil.example/p.gif">',
  '![pixel](https://tracker.evil.example/q.gif)',
  '[Reset your password](https://phish.evil.example/login)',
  'https://phish.evil.example/bare www.phish.evil.example',
  'fixes #1 closes acme/web#2 GH-3',
  '@octocat @acme/everyone',
  '<details><summary>open me',
  '<!-- faultline:sentry-issue:1 -->',
].join(' ');

const OWN_SUMMARIES = /<summary>(?:Full stack trace|Tags|Breadcrumbs) \(/g;

/**
 * Problems a GitHub reader would meet in `md` if hostile text got through: images, links to hosts other than
 * `ownHosts`, `<details>` faultline did not open, hidden comments that are not its own marker lines, and mentions
 * or issue references outside code.
 */
export function hostileLeaks(md: string, ownHosts: readonly string[]): string[] {
  const h = html(md);
  const problems: string[] = [];
  if (/<img/i.test(h)) problems.push('an image');
  for (const href of hrefs(h)) {
    const host = /^https?:\/\/([^/:]+)/.exec(href)?.[1];
    if (!host || !ownHosts.includes(host)) problems.push(`a link to ${href}`);
  }
  if ((h.match(/<details>/g) ?? []).length !== (h.match(OWN_SUMMARIES) ?? []).length) problems.push('a <details>');
  for (const line of md.split('\n'))
    if (line.includes('<!--') && !/^<!-- \/?faultline:[^<>]* -->$/.test(line)) problems.push(`a comment: ${line}`);
  const prose = text(h.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, ''));
  for (const ref of ['fixes #1', 'acme/web#2', 'GH-3', '@octocat', '@acme/everyone', 'https://', 'www.phish'])
    if (prose.includes(ref)) problems.push(`"${ref}" in the text`);
  return problems;
}
