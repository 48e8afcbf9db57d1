// Sentry alert → app → GitHub, end to end through both emulators: what a user finds in GitHub afterwards.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRIAGE_EVENTS } from '../../app/triage/index.ts';
import { FIXTURES } from '../app/helpers.ts';
import { PLANTED } from './planted.ts';
import {
  API_REPO,
  alertData,
  CONFIG_YAML,
  githubSeed,
  INSTALLATION,
  FETCHED_ISSUE_ID,
  FOREIGN_INSTALLATION,
  ISSUE_ID,
  RELEASE,
  REPO,
  SHA,
  startWorld,
  type World,
} from './world.ts';
import { hrefs, html, text } from './rendered-markdown.ts';

const issueOf = (world: World, sentryIssueId: string) =>
  world.issues().filter((i) => (i.body ?? '').includes(`faultline:sentry-issue:${sentryIssueId} `));

/** GitHub's `push` webhook for a commit on main that changed the repository config (acme/<name>). */
function pushConfigChange(world: World, repo: { id: number; name: string }, commit: string) {
  return world.github.deliverWebhook({
    url: `${world.app.url}/api/github/webhooks`,
    secret: 'gh-webhook-secret',
    event: 'push',
    payload: {
      ref: 'refs/heads/main',
      installation: { id: 1 },
      repository: { ...repo, full_name: `acme/${repo.name}`, owner: { login: 'acme', name: 'acme' } },
      commits: [{ id: commit, added: [], removed: [], modified: ['.github/faultline.yml'] }],
    },
  });
}

/** One world for a describe block (started before its tests, closed after); `prepare` runs once it is up. */
export function useWorld(prepare?: (world: World) => Promise<void>): () => World {
  let world: World | undefined;
  beforeAll(async () => {
    world = await startWorld();
    await prepare?.(world);
  }, 30_000);
  afterAll(async () => {
    await world?.close();
  });
  return () => {
    if (!world) throw new Error('the triage world is not running: call useWorld inside describe, use it in tests');
    return world;
  };
}

describe('triage end to end (Sentry emulator → app → GitHub emulator)', () => {
  const world = useWorld();

  it('opens one issue with permalinks at the release commit, code context, suspects, owners, labels, assignees; no PII', async () => {
    const withPii = alertData({
      extra: {
        user: { id: 'cust_77', email: PLANTED.email, ip_address: PLANTED.ipv4 },
        request: {
          url: `https://shop.example.com/invoices/991?token=${PLANTED.apiKey}&card=${PLANTED.card.replace(/ /g, '')}`,
          method: 'GET',
          headers: [
            ['Authorization', PLANTED.bearer],
            ['Cookie', PLANTED.cookie],
          ],
        },
        breadcrumbs: {
          values: [
            {
              category: 'auth',
              message: `login ${PLANTED.email} from ${PLANTED.ipv6} with ${PLANTED.jwt}`,
              timestamp: 1790842350,
            },
            {
              category: 'http',
              data: { url: `/pay?password=${PLANTED.password}`, api_key: PLANTED.apiKey },
              timestamp: 1790842351,
            },
            {
              category: 'console',
              message: `using ${PLANTED.githubToken} and ${PLANTED.sentryToken}, aws ${PLANTED.aws}`,
              timestamp: 1790842352,
            },
          ],
        },
        tags: [
          ['environment', 'production'],
          ['level', 'error'],
          ['release', RELEASE],
          ['user.email', PLANTED.email],
          ['session_token', 'opaque-session-value-123'],
        ],
      },
    });
    const exception = (withPii.event as { exception: { values: Array<{ value: string }> } }).exception.values[0]!;
    exception.value = `Invalid time value for ${PLANTED.email}`;
    expect(await world().send('event_alert', 'triggered', withPii)).toBe(202);
    await world().settle();

    const issues = issueOf(world(), ISSUE_ID);
    expect(issues).toHaveLength(1);
    const issue = issues[0]!;
    expect(issue.title).toBe('[error] RangeError: Invalid time value for [Filtered]');
    expect([...issue.labels].sort()).toEqual(['bug', 'frontend', 'prod', 'sentry']);
    expect(issue.assignees).toEqual(['alice']);

    // FAULTLINE_SAMPLE_DIR=dir keeps one rendered body, to read it as a person would.
    if (process.env.FAULTLINE_SAMPLE_DIR) {
      writeFileSync(`${process.env.FAULTLINE_SAMPLE_DIR}/triage-issue.md`, `# ${issue.title}\n\n${issue.body}\n`);
    }
    const h = html(issue.body ?? '');
    const links = hrefs(h);
    // Permalinks: exact release commit (c3, not the branch head c4), path mapped from webpack://web/./, exact line.
    const blob = links.filter((l) => l.includes('/blob/'));
    expect(blob.map((l) => l.replace(/^.*\/acme\/web\//, ''))).toEqual([
      `blob/${SHA.c3}/src/billing/invoice.ts#L88`,
      `blob/${SHA.c3}/src/routes/invoices.ts#L31`,
    ]);
    // Code context from the repository at the release commit (c4 changed line 88 later; c3 has c2's line).
    const t = text(h);
    expect(t).toContain("> 88   const label = format(due, 'PPP');");
    expect(t).toContain('  87   const lines = invoice.items.map(toLine);');
    expect(t).not.toContain('safeFormat');
    // Suspect commits: c2 (in the release, touches invoice.ts) with its PR; not c3 (docs) nor c1 (previous release).
    expect(links.some((l) => l.endsWith(`/commit/${SHA.c2}`))).toBe(true);
    expect(links.some((l) => l.endsWith('/pull/5'))).toBe(true);
    expect(links.some((l) => l.endsWith(`/commit/${SHA.c1}`))).toBe(false);
    expect(t).toContain('billing: format due dates with date-fns');
    expect(t).not.toContain('docs: readme');
    // Owners from CODEOWNERS for the crashing file; facts from Sentry.
    expect(h).toContain('<code>@alice</code> <code>@acme/payments</code>');
    expect(t).toContain('312 events · 40 users');
    expect(links).toContain(`https://sentry.io/organizations/acme/issues/${ISSUE_ID}/`);

    // Nothing planted reached GitHub: not the issue, not any request body the app sent.
    const sent = JSON.stringify(world().githubWrites());
    for (const [what, secret] of Object.entries(PLANTED)) {
      expect(sent.includes(secret), `${what} reached GitHub`).toBe(false);
    }
    expect(sent).not.toContain('opaque-session-value-123');

    // Link back: the Sentry issue shows the GitHub issue; the link is stored.
    const external = world()
      .sentry.state()
      .externalIssues.filter((l) => l.issueId === ISSUE_ID);
    expect(external).toHaveLength(1);
    // Sentry shows it as `acme/web#<number>`: it adds the `#` itself.
    expect(external[0]).toMatchObject({ identifier: String(issue.number), project: REPO });
    expect(external[0]!.webUrl).toMatch(new RegExp(`/acme/web/issues/${issue.number}$`));
    const link = await world().app.deps.store.getLink(ISSUE_ID);
    expect(link).toMatchObject({ githubRepo: REPO, githubIssueNumber: issue.number, externalIssueId: external[0]!.id });
  });

  it('fetches the latest event from Sentry when the webhook has no stack trace (issue.created)', async () => {
    const fixture = JSON.parse(readFileSync(`${FIXTURES}/issue.created.json`, 'utf8'));
    const data = fixture.data;
    data.issue.id = FETCHED_ISSUE_ID;
    data.issue.project = { id: '1', slug: 'web', name: 'web' };
    data.issue.web_url = `https://sentry.io/organizations/acme/issues/${FETCHED_ISSUE_ID}/`;
    expect(await world().send('issue', 'created', data)).toBe(202);
    await world().settle();
    const [issue, ...more] = issueOf(world(), FETCHED_ISSUE_ID);
    expect(more).toHaveLength(0);
    expect(issue?.title).toBe('[error] TypeError: items is not iterable');
    const blob = hrefs(html(issue?.body ?? '')).filter((l) => l.includes('/blob/'));
    expect(blob.map((l) => l.replace(/^.*\/acme\/web\//, ''))).toEqual([
      `blob/${SHA.c3}/src/billing/invoice.ts#L87`,
      `blob/${SHA.c3}/src/routes/invoices.ts#L31`,
    ]);
  });

  it('turns 200 concurrent alerts for one Sentry issue into one GitHub issue, and one comment per new release', async () => {
    const before = issueOf(world(), ISSUE_ID);
    expect(before).toHaveLength(1);
    const posts = () =>
      world()
        .githubWrites()
        .filter((w) => w.method === 'POST' && /\/issues$/.test(w.path)).length;
    const issuesPosted = posts();
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        world().send(
          'event_alert',
          'triggered',
          alertData({ eventId: n.toString(16).padStart(32, '0'), release: n % 2 ? 'web@2.5.0' : RELEASE }),
        ),
      ),
    );
    expect(statuses.every((s) => s === 202)).toBe(true);
    await world().settle(60_000);
    expect(issueOf(world(), ISSUE_ID)).toHaveLength(1);
    expect(posts()).toBe(issuesPosted);
    const comments = issueOf(world(), ISSUE_ID)[0]!.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('web@2.5.0');
    const dead = await world().app.deps.store.listJobs({ state: 'dead' });
    expect(dead).toEqual([]);
  }, 90_000);

  it('finds its issue again by the hidden marker when the database lost the link', async () => {
    const number = issueOf(world(), ISSUE_ID)[0]!.number;
    expect(await world().app.deps.store.deleteLink(ISSUE_ID)).toBe(true);
    expect(await world().send('event_alert', 'triggered', alertData({ eventId: 'a'.repeat(32) }))).toBe(202);
    await world().settle();
    expect(issueOf(world(), ISSUE_ID)).toHaveLength(1);
    expect((await world().app.deps.store.getLink(ISSUE_ID))?.githubIssueNumber).toBe(number);
    expect(
      world()
        .sentry.state()
        .externalIssues.filter((l) => l.issueId === ISSUE_ID),
    ).toHaveLength(1);
  });

  it('refuses an alert from a Sentry installation whose org no repository config names', async () => {
    const writes = world().githubWrites().length;
    const data = alertData({ issueId: '990001', eventId: 'b'.repeat(32) });
    (data.event as Record<string, unknown>).url =
      `https://sentry.io/api/0/projects/globex/web/events/${'b'.repeat(32)}/`;
    expect(await world().send('event_alert', 'triggered', data, FOREIGN_INSTALLATION)).toBe(202);
    await world().settle();
    expect(world().githubWrites().length).toBe(writes);
    expect(await world().app.deps.store.getLink('990001')).toBeUndefined();
    expect(
      world().logs.some(
        (l) => l.includes('no repository config names this Sentry org and project') && l.includes('globex'),
      ),
    ).toBe(true);
  });

  it('applies ignore rules: a staging alert opens nothing', async () => {
    const writes = world().githubWrites().length;
    expect(
      await world().send(
        'event_alert',
        'triggered',
        alertData({ issueId: '990002', eventId: 'c'.repeat(32), environment: 'staging' }),
      ),
    ).toBe(202);
    await world().settle();
    expect(world().githubWrites().length).toBe(writes);
    expect(world().logs.some((l) => l.includes('triage: ignored') && l.includes('990002'))).toBe(true);
  });

  it('reports an invalid repository config once, in that repository', async () => {
    const broken = world().issues('acme/broken');
    expect(broken).toHaveLength(1);
    expect(broken[0]!.title).toBe('faultline: .github/faultline.yml is invalid');
    const t = text(html(broken[0]!.body ?? ''));
    expect(t).toContain('sentry.projects: name at least one Sentry project slug');
    expect(t).toContain('(top level): unknown key(s) "path"');
    expect(world().issues('acme/other')).toHaveLength(0);
    expect(world().issues('acme/.github')).toHaveLength(0); // its config is shared, not a destination
  });

  it('accepts every shared Sentry fixture without a dead job', async () => {
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.json'))) {
      const [resource = '', action = ''] = file.replace(/\.json$/, '').split('.');
      const payload = JSON.parse(readFileSync(`${FIXTURES}/${file}`, 'utf8'));
      if (resource === 'installation') continue; // would replace the test installation's record
      const status = await world().send(resource, payload.action ?? action, payload.data);
      expect([200, 202], `${file}`).toContain(status);
    }
    await world().settle();
    // Triage's deliveries all succeed (other handlers' failures are theirs to test).
    const dead = await world().app.deps.store.listJobs({ state: 'dead' });
    const deliveries = await Promise.all(
      dead.map((j) => world().app.deps.store.getDelivery((j.payload as { deliveryId: number }).deliveryId)),
    );
    const triageEvents: string[] = [...TRIAGE_EVENTS];
    expect(deliveries.filter((d) => d && triageEvents.includes(`${d.resource}.${d.action}`))).toEqual([]);
  });
});

describe('triage end to end: status line, takeover, monorepo paths, error alerts, new-issue limit', () => {
  const world = useWorld(async (w) => {
    expect(await w.send('event_alert', 'triggered', alertData())).toBe(202);
    await w.settle();
  });

  it('rewrites only the status line when Sentry counts more events', async () => {
    const [before] = issueOf(world(), ISSUE_ID);
    expect(before?.body).toContain('312 events · 40 users');
    world().sentry.seed({
      issues: [{ id: ISSUE_ID, project: 'web', count: '500', userCount: 41, lastSeen: '2026-10-01T11:00:00Z' }],
    });
    expect(await world().send('event_alert', 'triggered', alertData({ eventId: '1'.repeat(32) }))).toBe(202);
    await world().settle();
    const [after, ...more] = issueOf(world(), ISSUE_ID);
    expect(more).toHaveLength(0);
    expect(after?.body).toContain('**Status:** 500 events · 41 users · last seen 2026-10-01 11:00 UTC');
    expect(after?.body?.replace(/\*\*Status:\*\*.*/, '')).toBe(before?.body?.replace(/\*\*Status:\*\*.*/, ''));
    expect(after?.comments).toHaveLength(0); // same release: no comment
  });

  it('takes over a link left pending by a worker that died, and finds the issue it had opened', async () => {
    const number = issueOf(world(), ISSUE_ID)[0]!.number;
    const store = world().app.deps.store;
    await store.deleteLink(ISSUE_ID);
    await store.linkIssue(
      {
        sentryIssueId: ISSUE_ID,
        installationUuid: INSTALLATION,
        githubRepo: REPO,
        githubIssueNumber: 0,
        externalIssueId: null,
      },
      1,
    );
    expect(await world().send('event_alert', 'triggered', alertData({ eventId: '2'.repeat(32) }))).toBe(202);
    await world().settle();
    expect((await store.getLink(ISSUE_ID))?.githubIssueNumber).toBe(number);
    expect(issueOf(world(), ISSUE_ID)).toHaveLength(1);
  });

  it('opens error.created only where the config asks, mapping app:/// under the monorepo prefix', async () => {
    const frames = [{ abs_path: 'app:///src/handler.ts', function: 'handle', lineno: 12, in_app: true }];
    const error = (issueId: string, project: string) => ({
      error: (
        alertData({ issueId, project, frames, release: null, eventId: issueId.padStart(32, '0') }) as { event: object }
      ).event,
    });
    expect(await world().send('error', 'created', error('990020', 'web'))).toBe(202); // acme/web: errors off
    expect(await world().send('error', 'created', error('990030', 'api'))).toBe(202);
    await world().settle();
    expect(issueOf(world(), '990020')).toHaveLength(0);
    const [issue] = world()
      .issues(API_REPO)
      .filter((i) => (i.body ?? '').includes('faultline:sentry-issue:990030 '));
    const h = html(issue?.body ?? '');
    expect(
      hrefs(h)
        .filter((l) => l.includes('/blob/'))
        .map((l) => l.replace(/^.*\/acme\/api\//, '')),
    ).toEqual([`blob/${SHA.api}/services/api/src/handler.ts#L12`]);
    expect(text(h)).toContain("> 12   throw new Error('quota');");
    expect(text(h)).toContain('commit unknown; code shown at main');
  });

  it('past the hourly limit (1 here), opens one summary issue listing the Sentry issues it did not open', async () => {
    const frames = [{ abs_path: 'app:///src/handler.ts', function: 'handle', lineno: 12, in_app: true }];
    const sent = ['990031', '990032', '990033'];
    for (const [n, id] of [...sent, '990033'].entries()) {
      const data = alertData({ issueId: id, project: 'api', frames, eventId: `${id}${n}`.padEnd(32, '0') });
      expect(await world().send('event_alert', 'triggered', data)).toBe(202);
      await world().settle();
    }
    const issues = world().issues(API_REPO);
    const opened = issues.map((i) => /faultline:sentry-issue:(\d+) /.exec(i.body ?? '')?.[1]).filter(Boolean);
    expect(opened).toHaveLength(1); // this hour's one slot (990030 when the test above ran first)
    const summaries = issues.filter((i) => i.title.startsWith('faultline: more than 1 new Sentry issues'));
    expect(summaries).toHaveLength(1);
    const skipped = sent.filter((id) => !opened.includes(id));
    expect(hrefs(html(summaries[0]!.body ?? ''))).toEqual(
      skipped.map((id) => `https://sentry.io/organizations/acme/issues/${id}/`),
    );
    for (const id of skipped) expect(await world().app.deps.store.getLink(id)).toBeUndefined();
  });
});

describe('triage end to end: GitHub failing while the issue is opened', () => {
  const world = useWorld();

  it('does not drop an alert when GitHub fails to serve the repository config; the retry opens the issue', async () => {
    world().github.inject({ method: 'GET', path: '^/repos/acme/web/contents/\\.github', status: 502, times: 1 });
    expect(
      await world().send('event_alert', 'triggered', alertData({ issueId: '990050', eventId: '5'.repeat(32) })),
    ).toBe(202);
    await world().settle(30_000);
    expect(issueOf(world(), '990050')).toHaveLength(1);
    const reads = world()
      .github.state()
      .requests.filter((r) => r.path.startsWith('/repos/acme/web/contents/.github'));
    expect(reads.some((r) => r.status === 502)).toBe(true);
  });

  it('retries the job after GitHub answers 502 to the issue creation, and still opens exactly one issue', async () => {
    world().github.inject({ method: 'POST', path: '^/repos/acme/web/issues$', status: 502, times: 2 });
    expect(await world().send('event_alert', 'triggered', alertData())).toBe(202);
    await world().settle(30_000);
    expect(issueOf(world(), ISSUE_ID)).toHaveLength(1);
    const attempts = world()
      .github.state()
      .requests.filter((r) => r.method === 'POST' && r.path === '/repos/acme/web/issues')
      .filter((r) => JSON.stringify(r.body).includes(`faultline:sentry-issue:${ISSUE_ID} `));
    expect(attempts.filter((r) => r.status === 502).length).toBe(2);
    expect(attempts.filter((r) => r.status === 201).length).toBe(1);
    expect((await world().app.deps.store.getLink(ISSUE_ID))?.githubIssueNumber).toBe(
      issueOf(world(), ISSUE_ID)[0]!.number,
    );
  }, 40_000);

  it('applies a pushed config change at once: the push webhook drops the cached config', async () => {
    const seed = githubSeed();
    const web = seed.repos!.find((r) => r.full_name === REPO)!;
    web.commits!.push({
      sha: 'ab'.repeat(20),
      message: 'faultline: ignore RangeError',
      author: { name: 'Ana', email: 'ana@example.com', login: 'ana' },
      files: { '.github/faultline.yml': CONFIG_YAML.replace('ignore:\n', 'ignore:\n  - type: RangeError\n') },
    });
    world().github.seed({ repos: [web] });
    const status = await pushConfigChange(world(), { id: 1, name: 'web' }, 'ab'.repeat(20));
    expect(status.status).toBe(200);
    expect(
      await world().send('event_alert', 'triggered', alertData({ issueId: '990040', eventId: '4'.repeat(32) })),
    ).toBe(202);
    await world().settle();
    expect(issueOf(world(), '990040')).toHaveLength(0);
    expect(world().logs.some((l) => l.includes('triage: ignored') && l.includes('990040'))).toBe(true);
  });

  it('closes the config-error issue once the pushed config is valid again', async () => {
    const [reported] = world().issues('acme/broken');
    expect(reported?.state).toBe('open');
    const seed = githubSeed();
    const broken = seed.repos!.find((r) => r.full_name === 'acme/broken')!;
    broken.commits!.push({
      sha: 'cd'.repeat(20),
      message: 'faultline: fix config',
      author: { name: 'Ana', email: 'ana@example.com', login: 'ana' },
      files: { '.github/faultline.yml': 'sentry: {org: acme, projects: [broken]}\n' },
    });
    world().github.seed({
      repos: [
        {
          ...broken,
          issues: [{ number: reported!.number, title: reported!.title, body: reported!.body ?? '', state: 'open' }],
        },
      ],
    });
    await pushConfigChange(world(), { id: 3, name: 'broken' }, 'cd'.repeat(20));
    expect(
      await world().send('event_alert', 'triggered', alertData({ issueId: '990060', eventId: '6'.repeat(32) })),
    ).toBe(202);
    await world().settle();
    const [fixed] = world().issues('acme/broken');
    expect(fixed?.state).toBe('closed');
    expect(fixed?.comments.map((c) => c.body)).toEqual([
      '`.github/faultline.yml` is valid now: Sentry alerts open issues here again.',
    ]);
  });
});
