import { describe, expect, it } from 'vitest';
import { renderDemoPage } from '../../scripts/demo/html-page.ts';

describe('demo HTML page', () => {
  it('renders GitHub-flavoured markdown: tables, fenced code, links; escapes raw HTML', () => {
    const html = renderDemoPage(
      [
        {
          heading: 'Issue acme/shop#1',
          url: 'http://127.0.0.1:1/acme/shop/issues/1',
          title: "TypeError: Cannot read properties of undefined (reading 'cents')",
          markdown: [
            '| file | line |',
            '| --- | --- |',
            '| [src/cart.ts](https://github.com/acme/shop/blob/abc/src/cart.ts#L11) | 11 |',
            '',
            '```ts',
            'return item.quantity * item.price!.cents;',
            '```',
            '',
            '<script>alert(1)</script>',
            '',
            '<!-- faultline:sentry-issue:4711 -->',
            '<details>',
            '<summary>Full stack trace (3 frames)</summary>',
            '',
            '```',
            'TypeError: boom',
            '```',
            '',
            '</details>',
            '',
            '<sub onclick="x()">Opened by faultline</sub>',
          ].join('\n'),
        },
      ],
      { generatedAt: '2026-01-01T00:00:00Z' },
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<a href="https://github.com/acme/shop/blob/abc/src/cart.ts#L11">src/cart.ts</a>');
    expect(html).toContain('<pre><code class="language-ts">return item.quantity * item.price!.cents;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('faultline:sentry-issue');
    expect(html).toContain('<details>\n<summary>Full stack trace (3 frames)</summary>');
    expect(html).toContain('<pre><code>TypeError: boom');
    expect(html).toContain('<sub>Opened by faultline</sub>');
    expect(html).not.toContain('onclick');
    expect(html).toContain(
      '<h1 class="title">TypeError: Cannot read properties of undefined (reading &#39;cents&#39;)</h1>',
    );
  });
});
