// Three releases, five merged PRs: when the resolved error comes back, the PR that changed the crashing line gets a
// comment with that hunk (ranked first), one comment per PR edited in place, none elsewhere; the issue reopens.
import { afterEach, describe, expect, it } from 'vitest';
import type { GitHubSeed } from '../emulators/github/server.ts';
import { baseGitHubSeed, baseSentrySeed, CONFIG_YAML, ISSUE_ID, REPO, sha, startWorld, type World } from './harness.ts';

const author = { name: 'Bo', email: 'bo@example.com', login: 'bo-gh' };

/** invoice.ts with 30 lines; `line13` is what line 13 says, `line28` line 28. */
function invoice(line13: string, line28 = '  return total;'): string {
  return Array.from({ length: 30 }, (_, i) => {
    const n = i + 1;
    if (n === 13) return line13;
    if (n === 28) return line28;
    return `  // invoice line ${n}`;
  }).join('\n');
}
function checkout(line8: string): string {
  return Array.from({ length: 20 }, (_, i) => (i + 1 === 8 ? line8 : `  // checkout line ${i + 1}`)).join('\n');
}

const BUG = '  const due = new Date(invoice.due);';
const FIX = '  const due = parseDue(invoice.due);';
const REGRESSION = '  const due = new Date(invoice.dueDate + terms);';

export function regressionRepo(config = CONFIG_YAML): GitHubSeed {
  const commit = (n: number, message: string, files: Record<string, string>) => ({
    sha: sha(n),
    message,
    author,
    parents: n === 1 ? [] : [sha(n - 1)],
    files,
  });
  // Issues and pull requests share numbers: the PRs are #11…#15, the linked issue is #1.
  const pull = (number: number, n: number, title: string) => ({
    number: number + 10,
    title,
    user: 'bo-gh',
    head_sha: sha(n),
    merge_commit_sha: sha(n),
    commits: [sha(n)],
    merged: true,
    merged_at: `2026-09-${String(n + 10).padStart(2, '0')}T00:00:00Z`,
  });
  const base = baseGitHubSeed();
  return {
    ...base,
    repos: [
      {
        full_name: REPO,
        commits: [
          commit(1, 'initial', {
            '.github/faultline.yml': config,
            'src/billing/invoice.ts': invoice(BUG),
            'src/pages/checkout.ts': checkout('  submit(cart);'),
            'README.md': '# web\n',
          }),
          commit(2, 'Parse due dates (#1)', { 'src/billing/invoice.ts': invoice(FIX) }),
          commit(3, 'Docs (#2)', { 'README.md': '# web\n\nThe shop.\n' }),
          commit(4, 'Payment terms (#3)', { 'src/billing/invoice.ts': invoice(REGRESSION) }),
          commit(5, 'Totals (#4)', { 'src/billing/invoice.ts': invoice(REGRESSION, '  return round(total);') }),
          commit(6, 'Checkout button (#5)', { 'src/pages/checkout.ts': checkout('  submit(cart, { terms });') }),
        ],
        pulls: [
          pull(1, 2, 'Parse due dates'),
          pull(2, 3, 'Docs'),
          pull(3, 4, 'Payment terms'),
          pull(4, 5, 'Totals'),
          pull(5, 6, 'Checkout button'),
        ],
        issues: [{ number: 1, title: '[error] RangeError: Invalid time value', body: 'triaged', state: 'closed' }],
        collaborators: ['ana-gh', 'bo-gh'],
      },
      ...(base.repos ?? []).filter((r) => r.full_name !== REPO),
    ],
  };
}

const sentrySeed = () =>
  baseSentrySeed({
    releases: [
      {
        version: 'web@1.0.0',
        projects: ['web'],
        commits: [{ id: sha(1), repository: REPO }],
        dateCreated: '2026-09-01T00:00:00Z',
      },
      {
        version: 'web@1.1.0',
        projects: ['web'],
        commits: [{ id: sha(2), repository: REPO }],
        dateCreated: '2026-09-12T00:00:00Z',
      },
      {
        version: 'web@1.2.0',
        projects: ['web'],
        commits: [6, 5, 4, 3].map((n) => ({ id: sha(n), repository: REPO })),
        dateCreated: '2026-10-01T00:00:00Z',
      },
    ],
    events: [
      {
        issueId: ISSUE_ID,
        eventID: 'e'.repeat(32),
        release: 'web@1.2.0',
        dateCreated: '2026-10-09T11:00:00Z',
        exception: {
          values: [
            {
              type: 'RangeError',
              value: 'Invalid time value',
              stacktrace: {
                frames: [
                  {
                    abs_path: 'webpack://web/./node_modules/react/index.js',
                    filename: 'react',
                    lineno: 10,
                    in_app: false,
                  },
                  { abs_path: 'webpack://web/./src/pages/checkout.ts', function: 'onSubmit', lineno: 8, in_app: true },
                  {
                    abs_path: 'webpack://web/./src/billing/invoice.ts',
                    function: 'renderInvoice',
                    lineno: 13,
                    in_app: true,
                  },
                ],
              },
            },
          ],
        },
      },
    ],
  });

const regressed = (count: string) => ({
  issue: {
    id: ISSUE_ID,
    shortId: 'WEB-9',
    title: 'RangeError: Invalid time value',
    status: 'unresolved',
    substatus: 'regressed',
    statusDetails: {},
    count,
    userCount: 40,
    project: { id: '1', slug: 'web', name: 'web' },
  },
});
const sentryItself = { type: 'application', id: 'sentry', name: 'Sentry' };

const pullComments = (world: World, repo = REPO) =>
  world.github.state().repos.find((r) => r.full_name === repo)?.pull_comments ?? [];

describe('regressions → PR comments', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('comments on the suspect PRs, the one that changed the crashing line first with its hunk, and reopens the issue', async () => {
    world = await startWorld({ sentrySeed: sentrySeed(), githubSeed: regressionRepo() });
    expect(await world.sentryWebhook('issue', 'unresolved', regressed('312'), sentryItself)).toBe(202);
    await world.settle();

    const byPr = new Map(pullComments(world).map((p) => [p.number, p.comments]));
    expect([...byPr.keys()].sort()).toEqual([13, 14, 15]); // never #11 (before the previous release) or #12 (docs)
    for (const comments of byPr.values()) expect(comments).toHaveLength(1);

    const onThree = byPr.get(13)?.[0]?.body ?? '';
    expect(onThree).toContain('Possible regression: RangeError: Invalid time value');
    expect(onThree).toContain('This pull request changed the line where it now crashes.');
    expect(onThree).toContain('came back in release `web@1.2.0`');
    expect(onThree).toContain('was resolved in `web@1.1.0`');
    expect(onThree).toContain(`/blob/${sha(6)}/src/billing/invoice.ts#L13`);
    expect(onThree).toContain(`-${FIX}`);
    expect(onThree).toContain(`+${REGRESSION}`);
    expect(onThree).toContain('312 events, 40 users so far');
    expect(onThree).toContain(`- **Issue:** ${REPO}#1`);
    // The other suspects do not carry that hunk.
    expect(byPr.get(14)?.[0]?.body).not.toContain(`+${REGRESSION}`);
    expect(byPr.get(15)?.[0]?.body).toContain('+  submit(cart, { terms });');
    expect(pullComments(world, 'acme/other')).toEqual([]);

    const issue = world.issue();
    expect(issue.state).toBe('open');
    expect(issue.comments).toHaveLength(1);
    expect(issue.comments[0]?.body).toMatch(/^Regressed in release `web@1\.2\.0`: \[WEB-9\]/);
    expect(issue.comments[0]?.body).toContain('Suspect pull requests: #13, #15, #14.');

    // More events: the next delivery edits the same comments in place; the issue is not commented again.
    const firstIds = pullComments(world).map((p) => p.comments[0]?.id);
    world.sentry.seed({
      issues: [{ id: ISSUE_ID, project: 'web', status: 'unresolved', count: '420', userCount: 51 }],
    });
    await world.sentryWebhook('issue', 'unresolved', regressed('420'), sentryItself);
    await world.settle();
    const after = pullComments(world);
    expect(after.map((p) => p.comments.length)).toEqual([1, 1, 1]);
    expect(after.map((p) => p.comments[0]?.id)).toEqual(firstIds);
    expect(after.find((p) => p.number === 13)?.comments[0]?.body).toContain('420 events, 51 users so far');
    expect(world.issue().comments).toHaveLength(1);
    // SHOW_SAMPLES=1 prints the comment (for release notes and the issue's closing note).
    if (process.env.SHOW_SAMPLES)
      console.log(
        `\n--- regression PR comment (acme/web#13) ---\n${after.find((p) => p.number === 13)?.comments[0]?.body}\n---`,
      );
  });

  it('writes no PR comment when the config turns it off, and still reopens', async () => {
    world = await startWorld({
      sentrySeed: sentrySeed(),
      githubSeed: regressionRepo(`${CONFIG_YAML}regressions:\n  comment: false\n`),
    });
    await world.sentryWebhook('issue', 'unresolved', regressed('312'), sentryItself);
    await world.settle();
    expect(pullComments(world)).toEqual([]);
    expect(world.issue().state).toBe('open');
  });
});
