// GitHub-flavoured markdown for everything the app writes to GitHub, keeping untrusted text (event messages, tags,
// code, mirrored comments) inert: no markup, no @mentions that ping people, no #references, no forged markers, no
// broken tables. Pure.

const ZWSP = '\u200b';

/**
 * `@bo` must not ping GitHub user bo: a zero-width space after the `@` keeps it readable and unlinked, in text and in
 * code alike. An `@` inside a word (an email address) is no mention and is left alone.
 */
export function defuseMentions(text: string): string {
  return text.replace(/(?<!\w)@(?=[A-Za-z0-9])/g, `@${ZWSP}`);
}

/** `<!--` shown as text: a hidden comment (a forged marker of ours) cannot ride in on untrusted text. */
const defuseHtmlComments = (text: string): string => text.replace(/<!--/g, '&lt;!--');

/** Untrusted text kept as markdown (a person's comment): mentions and hidden comments defused. */
export function inertMarkdown(text: string): string {
  return defuseHtmlComments(defuseMentions(text));
}

/** Text shown as text: markdown punctuation escaped, mentions and issue references defused, one line. */
export function escapeText(text: string): string {
  return defuseMentions(text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`));
}

/** An inline code span that survives backticks in the text. */
export function inlineCode(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function codeBlock(code: string, language = ''): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${code}\n${fence}`;
}

/** Each line of `text` as a block quote. */
export const blockQuote = (text: string): string =>
  text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');

export function link(text: string, url: string): string {
  return `[${text}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function details(summary: string, body: string): string {
  return `<details>\n<summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** `3 events`, `1 user`. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const LANGUAGES: Record<string, string> = {
  ts: 'ts',
  tsx: 'tsx',
  mts: 'ts',
  cts: 'ts',
  js: 'js',
  jsx: 'jsx',
  mjs: 'js',
  cjs: 'js',
  vue: 'vue',
  svelte: 'svelte',
  py: 'python',
  rb: 'ruby',
  go: 'go',
  rs: 'rust',
  java: 'java',
  kt: 'kotlin',
  php: 'php',
  cs: 'csharp',
  swift: 'swift',
};

/** The code block language of a file, by its extension ('' when unknown). */
export const languageOf = (path: string): string => LANGUAGES[path.split('.').pop()?.toLowerCase() ?? ''] ?? '';
