// Planted secrets in the Sentry text the mirror renders, through the real path (signed webhook → app → GitHub
// emulator): the regression comment on the pull request and the incident issue of a metric alert carry none.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES } from '../app/helpers.ts';
import { plantedSecrets } from '../scrub/planted-secrets.ts';
import { leakedSecrets, writtenToGitHub } from '../triage/planted-leaks.ts';
import { baseGitHubSeed, REPO, startWorld, type World } from './harness.ts';
import { pullComments, regressed, regressionRepo, sentryItself, sentrySeed } from './regression-world.ts';

const texts = (separator = ' ; ') =>
  plantedSecrets()
    .map((p) => p.text)
    .join(separator);

describe('planted secrets in what the mirror writes', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('never reach the regression comment on the pull request', async () => {
    const seed = sentrySeed();
    const thrown = (seed.events![0] as unknown as { exception: { values: Array<Record<string, unknown>> } }).exception
      .values[0]!;
    const planted = plantedSecrets();
    // Each field leads with a different secret: a field cut to its shown length still had to be scrubbed.
    thrown.type = planted.map((p) => p.text).join(' ');
    thrown.value = texts('\n');
    const frames = (thrown.stacktrace as { frames: Array<Record<string, unknown>> }).frames;
    frames.at(-1)!.function = [...planted]
      .reverse()
      .map((p) => p.text)
      .join(' ');
    world = await startWorld({ sentrySeed: seed, githubSeed: regressionRepo() });
    expect(await world.sentryWebhook('issue', 'unresolved', regressed('312'), sentryItself)).toBe(202);
    await world.settle();
    expect(pullComments(world).flatMap((p) => p.comments).length).toBeGreaterThan(0);
    expect(leakedSecrets(writtenToGitHub(world))).toEqual([]);
  });

  it('never reach the incident issue of a metric alert', async () => {
    world = await startWorld({ githubSeed: baseGitHubSeed() });
    const data = JSON.parse(readFileSync(`${FIXTURES}/metric_alert.critical.json`, 'utf8')).data;
    data.description_text = texts();
    data.description_title = texts();
    data.metric_alert.alert_rule.query = texts();
    data.metric_alert.alert_rule.aggregate = texts();
    const before = world.github.state().repos.find((r) => r.full_name === REPO)!.issues.length;
    expect(await world.sentryWebhook('metric_alert', 'critical', data)).toBe(202);
    await world.settle();
    expect(world.github.state().repos.find((r) => r.full_name === REPO)!.issues.length).toBe(before + 1);
    expect(leakedSecrets(writtenToGitHub(world))).toEqual([]);
  });
});
