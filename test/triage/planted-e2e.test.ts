// Secrets and personal data planted in every field of an event the renderer reads, sent as a signed webhook through
// the app: nothing that reaches the GitHub emulator (titles, bodies, comments, any write) may carry one of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIssueMarker } from '../../app/services/markers.ts';
import { plantedSecrets } from '../scrub/planted-secrets.ts';
import { leakedSecrets, writtenToGitHub } from './planted-leaks.ts';
import { alertData, ISSUE_ID, startWorld, type World } from './world.ts';

const planted = plantedSecrets();

/** All planted texts, starting at the `at`-th: each field leads with a different one, so cuts spare none. */
const all = (at: number, separator = ' ; ') =>
  [...planted.slice(at % planted.length), ...planted.slice(0, at % planted.length)].map((p) => p.text).join(separator);

describe('planted secrets in every field of an alert', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  }, 30_000);
  afterAll(async () => {
    await world?.close();
  });

  it('never reach the GitHub issue triage opens', async () => {
    let at = 0;
    const next = (separator?: string) => all((at += 7), separator);
    const frame = (i: number) => ({
      abs_path: i === 0 ? 'webpack://web/./src/billing/invoice.ts' : `app:///src/${next('/')}.ts`,
      filename: next(),
      function: next(),
      module: next(),
      lineno: 88,
      in_app: true,
      pre_context: [next(), next()],
      context_line: next(),
      post_context: [next()],
      vars: { secret: next() },
    });
    const data = alertData({
      frames: [frame(1), frame(2), frame(0)],
      extra: {
        title: next(),
        culprit: next(),
        message: next(),
        environment: next(),
        tags: planted.map((p, i) => [i % 2 ? p.text : `tag${i}`, i % 2 ? `value${i}` : p.text]),
        breadcrumbs: {
          values: planted.slice(0, 10).map((p, i) => ({
            category: p.text,
            message: next(),
            level: 'info',
            data: { url: next(), [`k${i}`]: p.text, nested: { deeper: next() } },
          })),
        },
        request: {
          url: `https://shop.example.com/pay?${next('&')}`,
          method: 'POST',
          query_string: next('&'),
          headers: planted.map((p, i) => [`X-H${i}`, p.text]),
          data: next(),
        },
        user: { id: next(), email: next(), ip_address: next(), username: next() },
        contexts: { app: { note: next() }, device: { name: next() } },
        extra: { a: next(), b: { c: next() } },
      },
    });
    const thrown = (data.event as { exception: { values: Array<{ type: string; value: string }> } }).exception
      .values[0]!;
    thrown.type = next();
    thrown.value = next('\n');
    expect(await world.send('event_alert', 'triggered', data)).toBe(202);
    await world.settle();
    const opened = world.issues().filter((i) => findIssueMarker(i.body) === ISSUE_ID);
    expect(opened).toHaveLength(1);
    expect(leakedSecrets(writtenToGitHub(world))).toEqual([]);
  });
});
