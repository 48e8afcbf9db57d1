import { describe, expect, it } from 'vitest';
import { codeBlock, defuseMentions, escapeText, inertMarkdown, inlineCode } from './markdown.ts';

describe('markdown', () => {
  it('defuses mentions one way everywhere, leaving email addresses alone', () => {
    expect(defuseMentions('@bo, @org/team and x@y.com')).toBe('@\u200bbo, @\u200borg/team and x@y.com');
    expect(escapeText('@octocat see #1')).toBe('@\u200boctocat see \\#\u200b1');
    expect(inertMarkdown('**hi** @bo <!-- faultline:sync -->')).toBe('**hi** @\u200bbo &lt;!-- faultline:sync -->');
  });

  it('fences code and code spans longer than any backtick run inside', () => {
    expect(codeBlock('a ``` b', 'ts')).toBe('````ts\na ``` b\n````');
    expect(inlineCode('a `b` c')).toBe('``a `b` c``');
  });
});
