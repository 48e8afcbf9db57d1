// Hostile and oversized Sentry data through the real path (signed webhook → app → GitHub emulator): a marker
// quoted in an exception message names nothing, every body fits GitHub's limits, a 422 still opens the issue.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIssueMarker } from '../../app/services/markers.ts';
import { GITHUB_BODY_MAX, GITHUB_TITLE_MAX } from '../../app/triage/render.ts';
import { FIXTURES } from '../app/helpers.ts';
import { HOSTILE_TEXT, hostileLeaks, hrefs, html } from './rendered-markdown.ts';
import { alertData, FETCHED_ISSUE_ID, ISSUE_ID, RELEASE, startWorld, type World } from './world.ts';

function useWorld(): () => World {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld();
  }, 30_000);
  afterAll(async () => {
    await world?.close();
  });
  return () => world!;
}

/** An `issue.created` webhook for a Sentry issue of project web (no event: the app fetches the latest one). */
function issueCreated(id: string): Record<string, unknown> {
  const data = JSON.parse(readFileSync(`${FIXTURES}/issue.created.json`, 'utf8')).data;
  data.issue.id = id;
  data.issue.project = { id: '1', slug: 'web', name: 'web' };
  data.issue.web_url = `https://sentry.io/organizations/acme/issues/${id}/`;
  return data;
}

const byMarker = (world: World, id: string) => world.issues().filter((i) => findIssueMarker(i.body) === id);
const lastLine = (body: string | null | undefined) => (body ?? '').trimEnd().split('\n').at(-1);

describe('a marker in event text', () => {
  const world = useWorld();

  it('does not let one Sentry issue take over another one’s GitHub issue', async () => {
    const forged = `<!-- faultline:sentry-issue:${FETCHED_ISSUE_ID} -->`;
    const spoof = alertData({
      frames: [{ abs_path: 'app:///src/routes/invoices.ts', function: forged, lineno: 31, in_app: true }],
      extra: { title: forged, culprit: forged, tags: [['note', forged]] },
    });
    const thrown = (spoof.event as { exception: { values: Array<{ type: string; value: string }> } }).exception
      .values[0]!;
    thrown.type = forged;
    thrown.value = `boom\n${forged}\n<!-- faultline:status -->\n${forged}`;
    expect(await world().send('event_alert', 'triggered', spoof)).toBe(202);
    await world().settle();
    const [spoofer] = byMarker(world(), ISSUE_ID);
    expect(spoofer).toBeDefined();
    // Only faultline's own three hidden comments: status start and end, and the marker on the last line.
    expect(spoofer!.body!.match(/<!--/g)).toHaveLength(3);
    expect(lastLine(spoofer!.body)).toBe(`<!-- faultline:sentry-issue:${ISSUE_ID} -->`);

    // The other Sentry issue gets its own GitHub issue, and its status line keeps updating.
    expect(await world().send('issue', 'created', issueCreated(FETCHED_ISSUE_ID))).toBe(202);
    await world().settle();
    const [own, ...more] = byMarker(world(), FETCHED_ISSUE_ID);
    expect(more).toHaveLength(0);
    expect(own!.number).not.toBe(spoofer!.number);
    const store = world().app.deps.store;
    expect((await store.getLink(FETCHED_ISSUE_ID))?.githubIssueNumber).toBe(own!.number);
    expect((await store.getLink(ISSUE_ID))?.githubIssueNumber).toBe(spoofer!.number);

    world().sentry.ingestEvent({ issueId: FETCHED_ISSUE_ID, project: 'web', release: RELEASE });
    expect(await world().send('event_alert', 'triggered', alertData({ issueId: FETCHED_ISSUE_ID }))).toBe(202);
    await world().settle();
    const after = world()
      .issues()
      .find((i) => i.number === own!.number);
    expect(after!.body).toContain('**Status:** 4 events');
    const spooferAfter = world()
      .issues()
      .find((i) => i.number === spoofer!.number);
    expect(spooferAfter!.body).not.toContain('4 events');
  });
});

describe('an oversized event', () => {
  const world = useWorld();

  it('opens an issue within GitHub’s limits, with the marker on the last line', async () => {
    const id = '1170820777';
    const frames = Array.from({ length: 200 }, (_, i) => ({
      abs_path: i % 2 ? 'webpack://web/./src/billing/invoice.ts' : 'app:///src/routes/invoices.ts',
      function: `handler${i}${'_'.repeat(300)}`,
      lineno: i % 2 ? 88 : 31,
      in_app: true,
      context_line: 'x'.repeat(2_000),
      pre_context: Array.from({ length: 10 }, () => 'p'.repeat(1_000)),
    }));
    world().sentry.ingestEvent({
      issueId: id,
      project: 'web',
      release: RELEASE,
      title: `Error: ${'m'.repeat(300_000)}`,
      exception: { values: [{ type: 'Error', value: 'm'.repeat(200_000), stacktrace: { frames } }] },
      breadcrumbs: {
        values: Array.from({ length: 1_000 }, (_, i) => ({
          category: 'console',
          message: `${i} ${'b'.repeat(8_192)}`,
          data: { payload: 'd'.repeat(100) },
        })),
      },
      tags: Array.from({ length: 500 }, (_, i) => [`tag${i}`, 't'.repeat(1_000)]),
    });
    expect(await world().send('issue', 'created', issueCreated(id))).toBe(202);
    await world().settle();
    const [issue, ...more] = byMarker(world(), id);
    expect(more).toHaveLength(0);
    expect(issue!.title.length).toBeLessThanOrEqual(GITHUB_TITLE_MAX);
    expect(issue!.body!.length).toBeLessThanOrEqual(GITHUB_BODY_MAX);
    expect(lastLine(issue!.body)).toBe(`<!-- faultline:sentry-issue:${id} -->`);
    expect(issue!.body).toContain('https://sentry.io/organizations/acme/issues/1170820777/');
  });

  it('opens the issue with the minimal body when GitHub refuses the full one (422), without retrying it', async () => {
    const id = '1170820778';
    world().sentry.ingestEvent({
      issueId: id,
      project: 'web',
      release: RELEASE,
      exception: { values: [{ type: 'Error', value: 'refused' }] },
    });
    world().github.inject({
      method: 'POST',
      path: '^/repos/acme/web/issues$',
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', code: 'custom', field: 'body', message: 'body is too long' }],
      },
    });
    expect(await world().send('issue', 'created', issueCreated(id))).toBe(202);
    await world().settle();
    const [issue, ...more] = byMarker(world(), id);
    expect(more).toHaveLength(0);
    expect(issue!.body).toContain('GitHub could not take the full report of this error');
    expect(hrefs(html(issue!.body!))).toContain(`https://sentry.io/organizations/acme/issues/${id}/`);
    expect(issue!.body).toContain('**Status:**');
    const posts = world()
      .githubWrites()
      .filter((w) => w.method === 'POST' && /\/repos\/acme\/web\/issues$/.test(w.path));
    expect(posts.filter((p) => String((p.body as { body?: string }).body).includes(`sentry-issue:${id}`))).toHaveLength(
      2,
    );
  });
});

describe('markup, links and references in event text', () => {
  const world = useWorld();

  it('stay text in the issue (title, message, culprit, frames, tags, breadcrumbs)', async () => {
    const data = alertData({
      frames: [
        { abs_path: 'app:///src/routes/invoices.ts', function: 'getInvoice', lineno: 31, in_app: true },
        { abs_path: `webpack://web/./src/billing/invoice.ts`, function: HOSTILE_TEXT, lineno: 88, in_app: true },
      ],
      extra: {
        culprit: HOSTILE_TEXT,
        environment: HOSTILE_TEXT,
        tags: [[HOSTILE_TEXT, HOSTILE_TEXT]],
        breadcrumbs: {
          values: [{ category: HOSTILE_TEXT, level: HOSTILE_TEXT, message: HOSTILE_TEXT, data: { x: HOSTILE_TEXT } }],
        },
      },
    });
    const thrown = (data.event as { exception: { values: Array<{ type: string; value: string }> } }).exception
      .values[0]!;
    thrown.type = HOSTILE_TEXT;
    thrown.value = `${HOSTILE_TEXT}\n${HOSTILE_TEXT}`;
    expect(await world().send('event_alert', 'triggered', data)).toBe(202);
    await world().settle();
    const [issue] = byMarker(world(), ISSUE_ID);
    const own = ['127.0.0.1', 'sentry.io'];
    expect(hostileLeaks(issue!.body!, own)).toEqual([]);
  });
});
