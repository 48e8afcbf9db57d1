// The regression scenario's world: a repo history with three releases and five merged PRs, and the Sentry side.
import type { GitHubSeed } from '../../emulators/github/server.ts';
import { baseGitHubSeed, baseSentrySeed, CONFIG_YAML, ISSUE_ID, REPO, sha, type World } from './harness.ts';

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

export const BUG = '  const due = new Date(invoice.due);';
export const FIX = '  const due = parseDue(invoice.due);';
export const REGRESSION = '  const due = new Date(invoice.dueDate + terms);';

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

export const sentrySeed = () =>
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

export const regressed = (count: string) => ({
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
export const sentryItself = { type: 'application', id: 'sentry', name: 'Sentry' };

export const pullComments = (world: World, repo = REPO) =>
  world.github.state().repos.find((r) => r.full_name === repo)?.pull_comments ?? [];
