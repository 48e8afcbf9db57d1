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

/**
 * `#12`, `owner/repo#12`, `GH-12` and `fixes #12` must not link or close an issue: GitHub finds references in the
 * rendered text (a backslash escape does not stop it), so a zero-width space goes after the `#` or `GH-`.
 */
export function defuseReferences(text: string): string {
  return text.replace(/#(?=\d)/g, `#${ZWSP}`).replace(/\bGH-(?=\d)/gi, (m) => `${m}${ZWSP}`);
}

/** `https://evil.example` and `www.evil.example` shown as text: GFM would make them links. */
export function defuseAutolinks(text: string): string {
  return text.replace(/:\/\//g, `:${ZWSP}//`).replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`);
}

/**
 * `<!--` never appears in what faultline writes from untrusted text, not even inside code: the markers are hidden
 * comments, found by reading the raw body, so a forged one could otherwise ride in on an exception message.
 */
export const defuseHtmlComments = (text: string): string => text.replace(/<!--/g, `<${ZWSP}!--`);

/**
 * Untrusted text kept as markdown (a person's comment): no raw HTML (tags, hidden comments, unclosed `<details>`),
 * no images (tracking pixels), no links (inline, reference or bare), mentions or issue references; emphasis, lists
 * and code stay.
 */
export function inertMarkdown(text: string): string {
  const noHtml = text
    .replace(/</g, '&lt;')
    .replace(/!\[/g, '!\\[')
    .replace(/\]([(:])/g, ']\\$1');
  return defuseReferences(defuseAutolinks(defuseMentions(noHtml)));
}

/**
 * Text shown as text: markdown punctuation and HTML escaped, mentions, issue references, closing keywords and
 * bare links defused, one line.
 */
export function escapeText(text: string): string {
  const escaped = text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
  return defuseReferences(defuseAutolinks(defuseMentions(escaped)));
}

/** An inline code span that survives backticks in the text. */
export function inlineCode(text: string): string {
  const flat = defuseHtmlComments(text.replace(/\r?\n|\r/g, ' '));
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

/** A fenced code block whose fence is longer than any backtick run inside. */
export function codeBlock(text: string, language = ''): string {
  const code = defuseHtmlComments(text);
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

/** At most `max` characters (code points), the last an ellipsis when cut; looks at no more than `max` of them. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = 0;
  let count = 0;
  for (const char of text) {
    if (++count > max) return `${text.slice(0, cut)}…`;
    if (count < max) cut += char.length;
  }
  return text;
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
