import { describe, expect, it } from 'vitest';
import { githubLoginFor, peopleMap, planGitHubAssignees, sentryAssigneeFor } from '../../app/sync/assignees.ts';
import {
  describeThreshold,
  formatDuration,
  readIncident,
  renderIncidentIssue,
  renderIncidentResolvedComment,
} from '../../app/incidents/metric-alerts.ts';
import { hunkForLine, parseHunks } from '../../app/regressions/diff-hunks.ts';
import { renderRegressionPrComment, renderRegressionReopenComment } from '../../app/regressions/render.ts';
import { type CandidatePull, rankSuspectPulls } from '../../app/regressions/suspects.ts';
import { codeBlock, defuseMentions } from '../../app/services/markdown.ts';
import { carriesMarker, marker, readMarker } from '../../app/services/markers.ts';
import { isOwnGitHubSender, isOwnSentryActor } from '../../app/sync/loop-guard.ts';
import { renderMirroredComment, renderStatusComment } from '../../app/sync/render.ts';
import { parseSyncSettings, routesAlertRule } from '../../app/sync/sync-config.ts';

const scrubEmails = (t: string) => t.replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, '[email]');

// A patch as GitHub's pulls/files returns it: new-file lines 10..16, line 13 changed.
const PATCH_AT_13 = [
  '@@ -10,6 +10,7 @@ export function renderInvoice(invoice) {',
  '   const total = sum(invoice.lines);',
  '   const tax = total * rate;',
  '-  const due = new Date(invoice.due);',
  '+  const terms = parseTerms(invoice.terms);',
  '+  const due = addDays(new Date(invoice.issued), terms.days);',
  '   return format(due);',
  ' }',
  ' ',
].join('\n');

describe('loop guard', () => {
  it('recognises our application actor, not Sentry itself nor a user', () => {
    const ours = ['app-uuid', 'inst-uuid'];
    expect(isOwnSentryActor({ type: 'application', id: 'app-uuid' }, ours)).toBe(true);
    expect(isOwnSentryActor({ type: 'application', id: 'inst-uuid' }, ours)).toBe(true);
    expect(isOwnSentryActor({ type: 'application', id: 'sentry', name: 'Sentry' }, ours)).toBe(false);
    expect(isOwnSentryActor({ type: 'application', id: 'other-app' }, ours)).toBe(false);
    expect(isOwnSentryActor({ type: 'user', id: 'app-uuid' }, ours)).toBe(false);
    expect(isOwnSentryActor(undefined, ours)).toBe(false);
  });

  it('finds the marker and its key in a body, and nothing in ordinary text', () => {
    const body = `hello\n\n${marker('sentry-comment', 'id=1456')}`;
    expect(readMarker(body)).toEqual({ kind: 'sentry-comment', key: 'id=1456' });
    expect(readMarker(marker('sync'))).toEqual({ kind: 'sync', key: undefined });
    expect(carriesMarker('a plain <!-- html comment --> here')).toBe(false);
    expect(carriesMarker(null)).toBe(false);
  });

  it('recognises the app bot as the GitHub sender', () => {
    expect(isOwnGitHubSender({ type: 'Bot', login: 'Faultline[bot]' }, 'faultline')).toBe(true);
    expect(isOwnGitHubSender({ type: 'User', login: 'faultline[bot]' }, 'faultline')).toBe(false);
    expect(isOwnGitHubSender({ type: 'Bot', login: 'dependabot[bot]' }, 'faultline')).toBe(false);
    expect(isOwnGitHubSender({ type: 'Bot', login: 'faultline[bot]' }, undefined)).toBe(false);
  });
});

describe('diff hunks', () => {
  it('numbers new-file lines and records the changed ones', () => {
    const [hunk] = parseHunks(PATCH_AT_13);
    expect(hunk?.newStart).toBe(10);
    expect(hunk?.newEnd).toBe(16);
    expect(hunk?.changedLines).toEqual([12, 13]);
  });

  it('prefers the hunk changing the line, then containing it, then the nearest within reach', () => {
    const two = `${PATCH_AT_13}\n@@ -40,3 +41,4 @@\n a\n+b\n c\n d`;
    expect(hunkForLine(two, 13)).toMatchObject({ changesLine: true, distance: 0 });
    expect(hunkForLine(two, 15)).toMatchObject({ changesLine: false, containsLine: true });
    expect(hunkForLine(two, 38)?.hunk.newStart).toBe(41);
    expect(hunkForLine(two, 38)?.distance).toBe(3);
    expect(hunkForLine(two, 90)).toBeUndefined();
    expect(hunkForLine(undefined, 3)).toBeUndefined();
  });
});

describe('suspect pull requests', () => {
  const pr = (number: number, files: CandidatePull['files'], extra: Partial<CandidatePull> = {}): CandidatePull => ({
    number,
    title: `PR ${number}`,
    htmlUrl: `https://github.com/acme/web/pull/${number}`,
    baseRepo: 'acme/web',
    mergedAt: `2026-10-0${number}T00:00:00Z`,
    files,
    ...extra,
  });
  const frames = [
    { path: 'src/billing/invoice.ts', line: 13, function: 'renderInvoice' },
    { path: 'src/pages/checkout.ts', line: 40, function: 'onSubmit' },
  ];

  it('ranks the PR whose hunk changes the crashing line first, drops unrelated and foreign PRs, caps the count', () => {
    const pulls = [
      pr(1, [{ filename: 'README.md', patch: '@@ -1 +1 @@\n-a\n+b' }]),
      pr(2, [{ filename: 'src/billing/invoice.ts', patch: '@@ -80,2 +80,3 @@\n x\n+y\n z' }]),
      pr(3, [{ filename: 'src/billing/invoice.ts', patch: PATCH_AT_13 }]),
      pr(4, [{ filename: 'src/pages/checkout.ts', patch: '@@ -38,3 +38,3 @@\n a\n-b\n+c\n d' }]),
      pr(5, [{ filename: 'src/billing/invoice.ts', patch: PATCH_AT_13 }], { baseRepo: 'other/fork' }),
    ];
    const ranked = rankSuspectPulls(pulls, frames, { repo: 'acme/web', max: 3 });
    expect(ranked.map((s) => s.pull.number)).toEqual([3, 4, 2]);
    expect(ranked[0]?.reason).toBe('changes-crashing-line');
    expect(ranked[2]?.reason).toBe('touches-frame-file');
    expect(rankSuspectPulls(pulls, frames, { repo: 'acme/web', max: 1 })).toHaveLength(1);
    expect(rankSuspectPulls(pulls, frames, { repo: 'acme/web', max: 0 })).toHaveLength(0);
  });
});

describe('assignees', () => {
  const people = peopleMap({ 'Ana@Example.com': '@ana-gh', bo: 'bo-gh' });

  it('maps Sentry users by email or username, never teams or strangers', () => {
    expect(githubLoginFor({ type: 'user', email: 'ana@example.com' }, people)).toBe('ana-gh');
    expect(githubLoginFor({ type: 'user', username: 'BO' }, people)).toBe('bo-gh');
    expect(githubLoginFor({ type: 'team', id: '3', name: 'ana@example.com' }, people)).toBeUndefined();
    expect(githubLoginFor({ type: 'user', email: 'zed@example.com' }, people)).toBeUndefined();
    expect(sentryAssigneeFor('Ana-GH', people)).toBe('ana@example.com');
    expect(sentryAssigneeFor('stranger', people)).toBeUndefined();
  });

  it('replaces only mapped people on the GitHub side', () => {
    expect(planGitHubAssignees(['bo-gh', 'someone'], 'ana-gh', people)).toEqual({ add: ['ana-gh'], remove: ['bo-gh'] });
    expect(planGitHubAssignees(['ana-gh'], 'ana-gh', people)).toEqual({ add: [], remove: [] });
    // Unassigned in Sentry: the mapped people go, everyone else stays.
    expect(planGitHubAssignees(['ana-gh', 'someone'], undefined, people)).toEqual({ add: [], remove: ['ana-gh'] });
  });
});

describe('rendering', () => {
  const issue = {
    id: '1170820242',
    shortId: 'SHOP-9',
    title: 'RangeError: Invalid time value',
    sentryUrl: 'https://sentry.example/i/1',
  };

  it('mirrors a Sentry comment scrubbed, with mentions defused and its marker', () => {
    const body = renderMirroredComment({
      commentId: '1456',
      author: 'Ana Lead',
      text: '@bo mail ana@example.com please\n<!-- faultline:sync -->',
      issue,
      scrub: scrubEmails,
    });
    expect(body).toContain('**Ana Lead** commented on [SHOP-9](https://sentry.example/i/1)');
    expect(body).toContain('> @\u200bbo mail [email] please');
    expect(body).not.toContain('ana@example.com');
    expect(readMarker(body)).toEqual({ kind: 'sentry-comment', key: 'id=1456' });
    expect(body.match(/<!-- faultline/g)).toHaveLength(1);
    expect(defuseMentions('x@y.com and @org/team')).toBe('x@y.com and @\u200borg/team');
  });

  it('says who resolved and how', () => {
    const text = renderStatusComment({
      action: 'resolved',
      actorName: 'Ana Lead',
      issue,
      inNextRelease: true,
      scrub: (t) => t,
    });
    expect(text).toMatch(/^Resolved in Sentry by Ana Lead in the next release: \[SHOP-9\]/);
    expect(carriesMarker(text)).toBe(true);
  });

  it('renders the PR comment with the error, the frame, the hunk and the counts', () => {
    const [suspect] = rankSuspectPulls(
      [
        {
          number: 7,
          title: 't',
          htmlUrl: 'u',
          baseRepo: 'acme/web',
          files: [{ filename: 'src/billing/invoice.ts', patch: PATCH_AT_13 }],
        },
      ],
      [{ path: 'src/billing/invoice.ts', line: 13, function: 'renderInvoice' }],
      { repo: 'acme/web' },
    );
    if (!suspect) throw new Error('no suspect');
    const body = renderRegressionPrComment(suspect, {
      issue: { ...issue, type: 'RangeError', value: 'Invalid time value for ana@example.com' },
      release: 'web@1.3.0',
      previousRelease: 'web@1.2.0',
      events: 312,
      users: 1,
      framePermalink: 'https://github.com/acme/web/blob/abc/src/billing/invoice.ts#L13',
      githubIssue: { repo: 'acme/web', number: 4 },
      scrub: scrubEmails,
    });
    expect(body).toContain('Possible regression: RangeError: Invalid time value for \\[email\\]');
    expect(body).toContain('came back in release `web@1.3.0`');
    expect(body).toContain(
      '[`renderInvoice` at `src/billing/invoice.ts:13`](https://github.com/acme/web/blob/abc/src/billing/invoice.ts#L13)',
    );
    expect(body).toContain('312 events, 1 user so far');
    expect(body).toContain('so far (all releases, since first seen)');
    expect(body).toContain('```diff\n@@ -10,6 +10,7 @@');
    expect(body).toContain('+  const due = addDays(new Date(invoice.issued), terms.days);');
    expect(body).toContain('- **Issue:** acme/web#4');
    expect(readMarker(body)).toEqual({ kind: 'regression', key: 'sentry-issue=1170820242' });

    const reopen = renderRegressionReopenComment({ issue, release: 'web@1.3.0', suspects: [suspect] });
    expect(reopen).toContain('Regressed in release `web@1.3.0`');
    expect(reopen).toContain('Suspect pull requests: #7.');
  });

  it('fences code that itself contains backticks', () => {
    expect(codeBlock('a ``` b')).toBe('````\na ``` b\n````');
  });
});

describe('metric alerts', () => {
  const data = {
    metric_alert: {
      id: '7',
      date_started: '2026-10-02T09:59:00Z',
      date_closed: '2026-10-02T10:40:00Z',
      projects: ['shop'],
      alert_rule: {
        id: '12',
        name: 'Checkout error rate',
        aggregate: 'count()',
        query: 'transaction:/checkout',
        time_window: 5,
        threshold_type: 0,
        triggers: [
          { label: 'critical', alert_threshold: 100 },
          { label: 'warning', alert_threshold: 50 },
        ],
      },
    },
    description_text: '132 events in the last 5 minutes',
    web_url: 'https://sentry.example/alerts/rules/details/12/?alert=7',
  };

  it('keys the incident by rule and incident, titles it by severity with the threshold', () => {
    expect(readIncident(data)?.key).toBe('12:7');
    expect(describeThreshold(data, 'warning')).toBe('count() above 50 in 5 min');
    const issue = renderIncidentIssue(data, 'critical', { scrub: (t) => t, labels: ['incident'] });
    expect(issue.title).toBe('[critical] Checkout error rate: count() above 100 in 5 min');
    expect(issue.labels).toEqual(['incident', 'severity:critical']);
    expect(issue.body).toContain('132 events in the last 5 minutes');
    expect(issue.body).toContain('(https://sentry.example/alerts/rules/details/12/?alert=7)');
    expect(readMarker(issue.body)).toEqual({ kind: 'incident', key: 'key=12:7' });
  });

  it('closes with the duration', () => {
    expect(formatDuration('2026-10-02T09:59:00Z', '2026-10-02T12:00:00Z')).toBe('2 hours 1 minute');
    expect(formatDuration(undefined, undefined)).toBeUndefined();
    expect(renderIncidentResolvedComment(data, (t) => t)).toMatch(/^Resolved in Sentry after 41 minutes\./);
  });
});

describe('sync settings', () => {
  it('defaults everything on and validates with a message naming the key', () => {
    const s = parseSyncSettings(undefined);
    expect(s).toMatchObject({
      status: true,
      resolveAs: 'resolved',
      regressions: { comment: true, maxPullRequests: 3 },
    });
    expect(routesAlertRule(parseSyncSettings({ metricAlerts: { rules: [12] } }), { id: '12' })).toBe(true);
    expect(
      routesAlertRule(parseSyncSettings({ metricAlerts: { rules: ['Checkout error rate'] } }), {
        id: '1',
        name: 'Checkout error rate',
      }),
    ).toBe(true);
    expect(routesAlertRule(s, { id: '12' })).toBe(false);
    expect(() => parseSyncSettings({ sync: { resolveAs: 'later' } })).toThrow(/sync\.resolveAs/);
  });
});
