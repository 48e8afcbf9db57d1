// The sample shop's git history, built fresh in the demo's data dir so the action has real commits to associate:
//   A  "checkout page"               format.ts, checkout.ts, CODEOWNERS, .github/faultline.yml (with alert rules)
//   B  "cart: line totals"           cart.ts — the line that throws when an item has no price (release 1)
//   C  "cart: skip items without a price"   the fix
//   D  "cart: simplify line totals"  on branch cart-cleanup, the pull request that brings the throw back (release 2)
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const BUGGY_LINE = '  return item.quantity * item.price!.cents;';
export const FIXED_LINE = '  return item.price ? item.quantity * item.price.cents : 0;';

/** The names of the alert rules the sample config declares (Sentry holds them with a ` [faultline]` suffix). */
export const SAMPLE_RULES = { newIssue: 'New issue in production', regression: 'Regression' } as const;

/** The shop's `.github/faultline.yml`: where its alerts go, and the alert rules it wants in Sentry. */
export function sampleConfig(org: string, project: string): string {
  return `sentry:
  org: ${org}
  projects: [${project}]
alerts:
  issue:
    - name: ${SAMPLE_RULES.newIssue}
      when: [new-issue]
      environment: production
      notify: [faultline]
    - name: ${SAMPLE_RULES.regression}
      when: [regression]
      notify: [faultline]
`;
}

export interface SampleCommit {
  sha: string;
  message: string;
  files: string[];
}

export interface SampleRepo {
  dir: string;
  /** owner/name it pretends to be on GitHub. */
  fullName: string;
  commits: { initial: SampleCommit; bug: SampleCommit; fix: SampleCommit; regression: SampleCommit };
  prBranch: string;
  git(...args: string[]): Promise<string>;
  /** Merges the pull request branch into main with a merge commit, as GitHub's merge button does. */
  mergePullRequest(number: number): Promise<SampleCommit>;
}

/** GitHub logins of the sample authors (CODEOWNERS names @ben-okafor). */
export const LOGINS: Record<string, string> = { 'ana@shop.example': 'ana-lima', 'ben@shop.example': 'ben-okafor' };

const AUTHORS = {
  ana: { name: 'Ana Lima', email: 'ana@shop.example' },
  ben: { name: 'Ben Okafor', email: 'ben@shop.example' },
};

export async function createSampleRepo(opts: {
  examplesDir: string;
  dir: string;
  fullName: string;
  sentryOrg: string;
  sentryProject: string;
}): Promise<SampleRepo> {
  const { dir } = opts;
  await mkdir(dir, { recursive: true });
  let clock = Date.parse('2026-11-02T09:00:00Z') / 1000;
  const git = async (...args: string[]) => (await run('git', args, { cwd: dir, env: gitEnv() })).stdout.trim();
  let author = AUTHORS.ana;
  const gitEnv = () => ({
    ...process.env,
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: author.name,
    GIT_COMMITTER_EMAIL: author.email,
    GIT_AUTHOR_DATE: `${clock} +0000`,
    GIT_COMMITTER_DATE: `${clock} +0000`,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  });
  const commit = async (who: keyof typeof AUTHORS, message: string, files: string[]): Promise<SampleCommit> => {
    author = AUTHORS[who];
    clock += 3600;
    await git('add', '--', ...files);
    await git('commit', '-q', '-m', message);
    return { sha: await git('rev-parse', 'HEAD'), message, files };
  };

  await git('init', '-q', '-b', 'main');
  await git('remote', 'add', 'origin', `https://github.com/${opts.fullName}.git`);
  await mkdir(join(dir, 'src'), { recursive: true });
  await mkdir(join(dir, '.github'), { recursive: true });
  for (const name of ['format.ts', 'checkout.ts']) {
    await cp(join(opts.examplesDir, 'src', name), join(dir, 'src', name));
  }
  await writeFile(join(dir, '.github', 'CODEOWNERS'), '*          @acme/web\nsrc/cart.ts @ben-okafor\n');
  await writeFile(join(dir, '.github', 'faultline.yml'), sampleConfig(opts.sentryOrg, opts.sentryProject));
  const initial = await commit('ana', 'checkout page', [
    'src/format.ts',
    'src/checkout.ts',
    '.github/CODEOWNERS',
    '.github/faultline.yml',
  ]);

  const cartSource = await readFile(join(opts.examplesDir, 'src', 'cart.ts'), 'utf8');
  if (!cartSource.includes(BUGGY_LINE)) throw new Error(`examples/web-app/src/cart.ts no longer has: ${BUGGY_LINE}`);
  await writeFile(join(dir, 'src', 'cart.ts'), cartSource);
  const bug = await commit('ben', 'cart: line totals', ['src/cart.ts']);

  await writeFile(join(dir, 'src', 'cart.ts'), cartSource.replace(BUGGY_LINE, FIXED_LINE));
  const fix = await commit('ana', 'cart: skip items without a price', ['src/cart.ts']);

  const prBranch = 'cart-cleanup';
  await git('checkout', '-q', '-b', prBranch);
  await writeFile(join(dir, 'src', 'cart.ts'), cartSource);
  const regression = await commit('ben', 'cart: simplify line totals (prices are always loaded now)', ['src/cart.ts']);
  await git('checkout', '-q', 'main');

  const mergePullRequest = async (number: number): Promise<SampleCommit> => {
    author = AUTHORS.ana;
    clock += 3600;
    const message = `Merge pull request #${number} from ${opts.fullName.split('/')[0]}/${prBranch}`;
    await git('checkout', '-q', 'main');
    await git('merge', '-q', '--no-ff', '-m', message, prBranch);
    return { sha: await git('rev-parse', 'HEAD'), message, files: ['src/cart.ts'] };
  };

  return { dir, fullName: opts.fullName, commits: { initial, bug, fix, regression }, prBranch, git, mergePullRequest };
}

export interface ExportedCommit {
  sha: string;
  message: string;
  author: { name: string; email: string; login?: string };
  parents: string[];
  date: string;
  /** Files the commit adds or changes (content after it), null for deleted ones; against the first parent. */
  files: Record<string, string | null>;
}

/** The given commits (parents first) as they would appear on GitHub: ids, authors, dates and changed files. */
export async function exportCommits(repo: SampleRepo, shas: string[]): Promise<ExportedCommit[]> {
  const out: ExportedCommit[] = [];
  for (const sha of shas) {
    const [header = '', ...rest] = (
      await repo.git('show', '-s', '--format=%H%x00%P%x00%an%x00%ae%x00%aI%x00%B', sha)
    ).split('\n');
    const [id = sha, parents = '', name = '', email = '', date = '', firstLine = ''] = header.split('\0');
    const message = [firstLine, ...rest].join('\n').trim();
    const diff = await repo.git(
      'diff-tree',
      '--no-commit-id',
      '-r',
      '--name-status',
      '--root',
      ...(parents.includes(' ') ? ['-m', '--first-parent'] : []),
      sha,
    );
    const files: Record<string, string | null> = {};
    for (const line of diff.split('\n').filter(Boolean)) {
      const [status = '', path = ''] = line.split('\t');
      files[path] = status.startsWith('D') ? null : await repo.git('show', `${sha}:${path}`).then((t) => `${t}\n`);
    }
    const login = LOGINS[email];
    out.push({
      sha: id,
      message,
      author: { name, email, ...(login ? { login } : {}) },
      parents: parents ? parents.split(' ') : [],
      date: new Date(date).toISOString(),
      files,
    });
  }
  return out;
}
