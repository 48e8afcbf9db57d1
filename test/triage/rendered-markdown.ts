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
