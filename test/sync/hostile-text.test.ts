// Markup, links and references in Sentry text stay text in everything the mirror writes: the regression comment on
// a pull request (through the real path), status and mirrored comments, incident issues. Checked on the markdown
// and on how GitHub would render it (marked).
import { afterEach, describe, expect, it } from 'vitest';
import { renderIncidentIssue, renderIncidentResolvedComment } from '../../app/incidents/metric-alerts.ts';
import { renderMirroredComment, renderStatusComment, renderUnresolvedComment } from '../../app/sync/render.ts';
import { HOSTILE_TEXT, hostileLeaks } from '../triage/rendered-markdown.ts';
import { startWorld, type World } from './harness.ts';
import { pullComments, regressed, regressionRepo, sentryItself, sentrySeed } from './regression-world.ts';

const issue = { id: '1170820242', shortId: 'SHOP-9', title: HOSTILE_TEXT, sentryUrl: 'https://sentry.io/i/1' };
const same = (t: string) => t;

describe('hostile text in the mirror’s comments', () => {
  it('is caught by the check when written raw', () => {
    expect(hostileLeaks(`### ${HOSTILE_TEXT}`, ['sentry.io']).length).toBeGreaterThan(5);
  });

  it('stays text in status, reopen and mirrored comments and in incident issues', () => {
    const bodies = [
      renderStatusComment({ action: 'resolved', actorName: HOSTILE_TEXT, issue, scrub: same }),
      renderUnresolvedComment({ actorName: HOSTILE_TEXT, issue, scrub: same }),
      renderMirroredComment({
        commentId: '1',
        author: HOSTILE_TEXT,
        text: `${HOSTILE_TEXT}\n\n${HOSTILE_TEXT}`,
        issue,
        scrub: same,
      }),
    ];
    const data = {
      metric_alert: {
        id: 7,
        projects: [HOSTILE_TEXT],
        date_started: HOSTILE_TEXT,
        alert_rule: {
          id: 12,
          name: HOSTILE_TEXT,
          aggregate: HOSTILE_TEXT,
          query: HOSTILE_TEXT,
          time_window: 5,
          triggers: [{ label: 'critical', alert_threshold: 1 }],
        },
      },
      description_text: HOSTILE_TEXT,
      web_url: 'https://sentry.io/alerts/7',
    };
    const incident = renderIncidentIssue(data, 'critical', { scrub: same, labels: [] });
    bodies.push(incident.body, renderIncidentResolvedComment(data, same));
    for (const body of bodies) expect(hostileLeaks(body, ['sentry.io'])).toEqual([]);
    expect(incident.title.length).toBeLessThanOrEqual(256);
  });
});

describe('hostile text in a regression', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('stays text in the comment on the suspect pull request', async () => {
    const seed = sentrySeed();
    const thrown = (seed.events![0] as unknown as { exception: { values: Array<Record<string, unknown>> } }).exception
      .values[0]!;
    thrown.type = HOSTILE_TEXT;
    thrown.value = `${HOSTILE_TEXT}\n${'x'.repeat(100_000)}`;
    const frames = (thrown.stacktrace as { frames: Array<Record<string, unknown>> }).frames;
    frames.at(-1)!.function = HOSTILE_TEXT;
    world = await startWorld({ sentrySeed: seed, githubSeed: regressionRepo() });
    expect(await world.sentryWebhook('issue', 'unresolved', regressed('312'), sentryItself)).toBe(202);
    await world.settle();
    const comments = pullComments(world).flatMap((p) => p.comments);
    expect(comments.length).toBeGreaterThan(0);
    const host = new URL(world.github.url).hostname;
    for (const c of comments) {
      expect(hostileLeaks(c.body, [host, 'sentry.io', 'github.com'])).toEqual([]);
      expect(c.body.length).toBeLessThanOrEqual(65_536);
    }
  });
});
