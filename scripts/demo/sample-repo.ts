// The sample shop's git history, built fresh in the demo's data dir so the action has real commits to associate:
//   A  "checkout page"               format.ts, checkout.ts, CODEOWNERS, .github/faultline.yml
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
}

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
  await writeFile(
    join(dir, '.github', 'faultline.yml'),
    `sentry:\n  org: ${opts.sentryOrg}\n  projects: [${opts.sentryProject}]\n`,
  );
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

  return { dir, fullName: opts.fullName, commits: { initial, bug, fix, regression }, prBranch, git };
}
