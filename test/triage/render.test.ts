// What a user sees in the GitHub issue: the body rendered as GitHub-flavoured markdown (marked), then read as HTML.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findIssueMarker } from '../../app/services/markers.ts';
import { normalizeEvent } from '../../app/triage/event.ts';
import { mapFrames } from '../../app/triage/paths.ts';
import {
  type IssueView,
  renderConfigErrorIssue,
  renderIssueBody,
  renderIssueTitle,
  renderStatusLine,
  replaceStatusLine,
} from '../../app/triage/render.ts';
import { hrefs, html, text } from './rendered-markdown.ts';

const SHA = '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39';
const webhook = JSON.parse(
  readFileSync(new URL('../app/fixtures/sentry/event_alert.triggered.json', import.meta.url), 'utf8'),
);

function view(overrides: Partial<IssueView> = {}): IssueView {
  const event = normalizeEvent(webhook.data.event);
  const frames = mapFrames(event.frames, [], new Set(['src/billing/invoice.ts', 'src/routes/invoices.ts']))
    .reverse()
    .map((f) =>
      f.path === 'src/billing/invoice.ts'
        ? {
            ...f,
            code: {
              start: 86,
              lines: ['  const due = 1;', '  const lines = 2;', "  const label = format(due, 'PPP');", '  return x;'],
              source: 'repo' as const,
            },
          }
        : f,
    );
  return {
    sentry: {
      id: '1170820242',
      shortId: 'SHOP-9',
      webUrl: 'https://sentry.io/organizations/acme/issues/1170820242/',
      project: 'shop',
      level: 'error',
      firstSeen: '2026-10-01T08:12:37.391Z',
      lastSeen: '2026-10-01T09:00:00Z',
      count: 42,
      userCount: 7,
    },
    event,
    repo: { fullName: 'acme/web', htmlUrl: 'https://github.com/acme/web', defaultBranch: 'main' },
    commit: { sha: SHA, resolvedFrom: 'sentry-release' },
    frames,
    suspects: [
      {
        sha: 'c0ffee1234567890c0ffee1234567890c0ffee12',
        message: 'billing: format due dates with date-fns\n\nlong body',
        login: 'alice',
        date: '2026-09-30T10:00:00Z',
        url: 'https://github.com/acme/web/commit/c0ffee1234567890c0ffee1234567890c0ffee12',
        pulls: [{ number: 12, title: 'Due dates', url: 'https://github.com/acme/web/pull/12' }],
      },
    ],
    owners: { owners: ['@alice', '@acme/payments'], assignees: ['alice'], path: 'src/billing/invoice.ts' },
    ...overrides,
  };
}

describe('renderIssueTitle', () => {
  it('is [level] Type: message, bounded', () => {
    expect(renderIssueTitle(view())).toBe('[error] RangeError: Invalid time value');
    const long = view();
    long.event = { ...long.event, exceptionValue: 'x'.repeat(500) };
    const title = renderIssueTitle(long);
    expect([...title].length).toBe(120);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('renderIssueBody', () => {
  const body = renderIssueBody(view());
  const h = html(body);

  it('links every top frame to its exact line at the release commit', () => {
    expect(hrefs(h)).toEqual(
      expect.arrayContaining([
        `https://github.com/acme/web/blob/${SHA}/src/billing/invoice.ts#L88`,
        `https://github.com/acme/web/blob/${SHA}/src/routes/invoices.ts#L31`,
        `https://github.com/acme/web/commit/${SHA}`,
        'https://sentry.io/organizations/acme/issues/1170820242/',
        'https://github.com/acme/web/pull/12',
      ]),
    );
    // The crashing frame comes first: Sentry lists frames oldest first, so it is the fixture's last in-app frame.
    expect(h.indexOf('invoices.ts#L31')).toBeLessThan(h.indexOf('invoice.ts#L88'));
  });

  it('shows the code around the crashing line, the line marked', () => {
    expect(text(h)).toContain("> 88   const label = format(due, 'PPP');");
    expect(text(h)).toContain('  87   const lines = 2;');
  });

  it('has the facts table, suspect commit, owners, collapsed stack, tags and breadcrumbs', () => {
    const t = text(h);
    expect(t).toContain('42 events · 7 users · last seen 2026-10-01 09:00 UTC');
    expect(h).toMatch(
      /<th>Sentry<\/th>\s*<th><a href="https:\/\/sentry.io\/organizations\/acme\/issues\/1170820242\/">SHOP-9<\/a><\/th>/,
    );
    expect(h).toMatch(/<td>Environment<\/td>\s*<td>production<\/td>/);
    expect(h).toMatch(
      /<td>Release<\/td>\s*<td><code>shop@2.4.0<\/code> at <a href="[^"]+"><code>3f2a9c1<\/code><\/a><\/td>/,
    );
    expect(t).toContain('billing: format due dates with date-fns');
    expect(t).not.toContain('long body');
    expect(h).toContain('<code>@alice</code> <code>@acme/payments</code>');
    expect(h).toContain('<summary>Full stack trace (3 frames)</summary>');
    expect(t).toContain('at getInvoice (src/routes/invoices.ts:31:5)');
    expect(t).toContain('at format (node_modules/date-fns/format.js:370:11) [not in app]');
    expect(h).toContain('<summary>Tags (5)</summary>');
    expect(h).toContain('<summary>Breadcrumbs (last 1)</summary>');
  });

  it('ends with the hidden marker, found again from the body', () => {
    expect(body).toContain('<!-- faultline:sentry-issue:1170820242 -->');
    expect(findIssueMarker(body)).toBe('1170820242');
    expect(text(h)).not.toContain('faultline:sentry-issue');
  });

  it('says so when the release commit is unknown and code is shown at the default branch', () => {
    const b = html(renderIssueBody(view({ commit: { sha: SHA, resolvedFrom: 'default-branch' } })));
    expect(text(b)).toContain('commit unknown; code shown at main');
  });

  it('keeps untrusted event text inert: no mentions, no links, no HTML', () => {
    const v = view();
    v.event = {
      ...v.event,
      exceptionType: '<img src=x onerror=alert(1)>',
      culprit: '@everyone [x](http://evil)',
      exceptionValue: '@octocat see #1 <b>x</b>',
    };
    const b = html(renderIssueBody(v));
    expect(b).not.toContain('<img');
    expect(b).not.toContain('<b>x</b>');
    expect(hrefs(b)).not.toContain('http://evil');
    // Outside code (where GitHub never links mentions) a zero-width space follows the @.
    const outsideCode = b.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, '');
    expect(outsideCode).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(v.event.exceptionValue && b).toContain('@octocat see #1 &lt;b&gt;x&lt;/b&gt;'); // in the code block
    const mentionable = renderIssueBody({ ...v, event: { ...v.event, exceptionType: '@octocat' } });
    expect(html(mentionable).replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, '')).toContain('@\u200bocto');
  });
});

describe('status line', () => {
  it('replaces only the status line of an existing body', () => {
    const body = renderIssueBody(view());
    const next = replaceStatusLine(
      body,
      renderStatusLine({ count: 43, userCount: 8, lastSeen: '2026-10-01T10:00:00Z' }),
    );
    expect(next).toContain('**Status:** 43 events · 8 users · last seen 2026-10-01 10:00 UTC');
    expect(next).not.toContain('42 events');
    expect(next.replace(/\*\*Status:\*\*.*/, '')).toBe(body.replace(/\*\*Status:\*\*.*/, ''));
  });
});

describe('renderConfigErrorIssue', () => {
  it('lists each problem and shows a valid example', () => {
    const { title, body } = renderConfigErrorIssue(
      ['sentry.projects: name at least one Sentry project slug'],
      '.github/faultline.yml',
    );
    expect(title).toBe('faultline: .github/faultline.yml is invalid');
    const h = html(body);
    expect(h).toContain('<li><code>sentry.projects: name at least one Sentry project slug</code></li>');
    expect(h).toContain('class="language-yaml"');
  });
});

describe('renderIssueBody within a size limit', () => {
  it('leaves out the least useful sections first, says so, and keeps the marker on the last line', () => {
    const full = renderIssueBody(view());
    const limit = full.length - 10;
    const body = renderIssueBody(view(), limit);
    expect(body.length).toBeLessThanOrEqual(limit);
    expect(body).toMatch(/Left out to fit GitHub's limit of [\d,]+ characters: breadcrumbs/);
    expect(body.trimEnd().split('\n').at(-1)).toBe('<!-- faultline:sentry-issue:1170820242 -->');
    expect(findIssueMarker(body)).toBe('1170820242');
  });

  it('falls back to the minimal body when even the headline does not fit', () => {
    const v = view();
    v.event = { ...v.event, exceptionValue: 'y'.repeat(3_000) };
    const body = renderIssueBody(v, 2_000);
    expect(body.length).toBeLessThanOrEqual(2_000);
    expect(body).toContain('GitHub could not take the full report of this error');
    expect(findIssueMarker(body)).toBe('1170820242');
  });
});
