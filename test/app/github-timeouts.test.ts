// A GitHub request that never answers: the job times out, is retried and succeeds once GitHub answers again, and
// /readyz names the stuck worker meanwhile (it used to hold every worker for minutes while saying ready).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteFileIn } from '../../app/store/index.ts';
import { type AppWorld, startAppWorld } from '../app-world/world.ts';
import { alertData, githubSeed, INSTALLATION, ISSUE_ID, ORG, sentrySeed } from '../triage/world.ts';

describe('GitHub requests have a deadline', () => {
  let world: AppWorld;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-timeouts-'));
    world = await startAppWorld({
      sentrySeed: sentrySeed(),
      githubSeed: githubSeed(),
      storage: { kind: 'sqlite', file: sqliteFileIn(dir) },
      disposeStorage: () => rmSync(dir, { recursive: true, force: true }),
      configure: (config) => {
        config.github.requestTimeoutMs = 1_500;
      },
      octokitRetry: false,
      leaseMs: 500,
    });
    await world.install({ uuid: INSTALLATION, org: ORG, appUuid: 'app-uuid' });
    await world.settle();
  }, 30_000);
  afterAll(async () => {
    await world?.close();
  });

  it('times out a hung issue creation, reports the stuck worker, retries, and opens the issue once', async () => {
    world.github.inject({ method: 'POST', path: '^/repos/acme/web/issues$', hang: true, times: 1 });
    const status = await world.sendSentry('event_alert', 'triggered', alertData(), { installation: INSTALLATION });
    expect(status).toBe(202);

    type Readiness = { ready: boolean; stuck?: Array<{ id: number; type: string }>; error?: string };
    let stuck = undefined as Readiness | undefined;
    const deadline = Date.now() + 5_000;
    while (!stuck && Date.now() < deadline) {
      const response = await fetch(`${world.app.url}/readyz`);
      const body = (await response.json()) as Readiness;
      if (response.status === 503 && body.stuck?.length) stuck = body;
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(stuck?.ready).toBe(false);
    expect(stuck?.stuck?.[0]?.type).toMatch(/sentry/);
    expect(stuck?.error).toMatch(/stuck past the job lease: job \d+/);

    await world.settle(20_000);
    const issues = world.github.state().repos.find((r) => r.full_name === 'acme/web')!.issues;
    expect(issues.filter((i) => (i.body ?? '').includes(`faultline:sentry-issue:${ISSUE_ID} `))).toHaveLength(1);
    expect(
      world.logs.some(
        (l) => l.includes('job failed; will retry') && /POST \S+\/issues got no answer within 1500 ms/.test(l),
      ),
    ).toBe(true);
    const ready = await fetch(`${world.app.url}/readyz`);
    expect(ready.status).toBe(200);
  }, 30_000);
});
