import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { Probot, ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { RepoGraph } from '../git.ts';
import type { GitHubEmulator } from '../server.ts';
import { appPrivateKey, quiet, seed, SHA, useGitHubEmulator, useProbotApp } from './fixture.ts';

let emu: GitHubEmulator;

useGitHubEmulator({ seed }, (started) => (emu = started));

// Throttling off: its one-write-per-second pacing (shared by every Octokit in the process) only slows tests down.
const Unthrottled = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { enabled: false },
}));
const probotOptions = () => ({
  appId: 1,
  privateKey: appPrivateKey(),
  baseUrl: emu.apiUrl,
  logLevel: 'fatal' as const,
  Octokit: Unthrottled,
});

async function post(path: string, body: unknown) {
  const res = await fetch(emu.url + path, { method: 'POST', body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('inspection API', () => {
  it('seeds over HTTP, shows the state, and resets to the start seed', async () => {
    const added = await post('/__emulator/seed', {
      installations: [{ id: 2, account: 'beta', repos: ['beta/app'] }],
      repos: [
        {
          full_name: 'beta/app',
          commits: [{ message: 'init', author: { name: 'B', email: 'b@x.io' }, files: { 'a.txt': 'a\n' } }],
        },
      ],
    });
    expect(added.status).toBe(200);
    const token = (await post('/__emulator/tokens', { installation_id: 2 })).body.token as string;
    const gh = new Octokit({ baseUrl: emu.url, auth: token, log: quiet });
    await gh.rest.issues.create({ owner: 'beta', repo: 'app', title: 'seeded over HTTP' });
    const state = (await (await fetch(`${emu.url}/__emulator/state`)).json()) as ReturnType<GitHubEmulator['state']>;
    expect(state.repos.map((r) => r.full_name)).toEqual(['acme/web', 'acme/api', 'other/secret', 'beta/app']);
    expect(state.repos[3]!.issues.map((i) => i.title)).toEqual(['seeded over HTTP']);
    expect(JSON.stringify(state)).not.toContain(token);
    expect(state.requests.at(-1)).toMatchObject({ method: 'POST', path: '/repos/beta/app/issues', status: 201 });

    expect((await post('/__emulator/reset', {})).status).toBe(200);
    expect(emu.state().repos.map((r) => r.full_name)).toEqual(['acme/web', 'acme/api', 'other/secret']);
    expect(emu.state().requests).toEqual([]);
    await expect(gh.rest.repos.get({ owner: 'beta', repo: 'app' })).rejects.toMatchObject({ status: 401 });
  });

  it('refuses a bad seed with 400 naming the field', async () => {
    const bad = await post('/__emulator/seed', { repos: [{ full_name: 'no-slash' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('repos.0.full_name');
    const orphan = await post('/__emulator/seed', {
      repos: [
        { full_name: 'a/b', commits: [{ message: 'm', author: { name: 'n', email: 'e' }, parents: ['f'.repeat(40)] }] },
      ],
    });
    expect(orphan.status).toBe(400);
    expect(orphan.body.message).toContain('repo a/b: seed commit "m" names parent ffff');
  });

  it('lists its routes', async () => {
    const routes = (await (await fetch(`${emu.url}/__emulator/routes`)).json()) as Array<{ template: string }>;
    expect(routes.map((r) => r.template)).toContain('/repos/{owner}/{repo}/compare/{basehead}');
  });
});

describe('git parity', () => {
  it('computes the blob, tree and commit SHAs git computes, and the same patch as git diff', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gh-emu-git-'));
    try {
      const git = (...args: string[]) =>
        execFileSync('git', args, {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
        }).trim();
      git('init', '-q');
      const write = (path: string, text: string) => {
        execFileSync('mkdir', ['-p', join(dir, path, '..')]);
        writeFileSync(join(dir, path), text);
      };
      write('src/a.js', 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n');
      write('src/b/c.txt', 'no newline');
      write('z.md', '# z\n');
      const date = '2026-01-01T00:00:00Z';
      const env = { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
      const commitAll = (message: string) => {
        git('add', '-A');
        execFileSync(
          'git',
          ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', 'commit', '-q', '-m', message],
          {
            cwd: dir,
            env: { ...process.env, ...env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
          },
        );
      };
      commitAll('first');
      write('src/a.js', 'one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven');
      write('src/b/c.txt', 'no newline\nnow two lines\n');
      rmSync(join(dir, 'z.md'));
      write('n.txt', 'new\nfile\n');
      commitAll('second');

      const graph = new RepoGraph();
      const author = { name: 'Alice', email: 'alice@example.com' };
      const [first, second] = graph.addCommits([
        {
          message: 'first',
          author,
          date,
          files: {
            'src/a.js': 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n',
            'src/b/c.txt': 'no newline',
            'z.md': '# z\n',
          },
        },
        {
          message: 'second',
          author,
          date,
          files: {
            'src/a.js': 'one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven',
            'src/b/c.txt': 'no newline\nnow two lines\n',
            'z.md': null,
            'n.txt': 'new\nfile\n',
          },
        },
      ]);
      expect(graph.commits.get(first!)!.treeSha).toBe(git('rev-parse', 'HEAD~1^{tree}'));
      expect(second).toBe(git('rev-parse', 'HEAD'));
      expect(first).toBe(git('rev-parse', 'HEAD~1'));
      const changes = graph.changes(graph.commits.get(second!)!);
      expect(changes.map((f) => [f.filename, f.status])).toEqual([
        ['n.txt', 'added'],
        ['src/a.js', 'modified'],
        ['src/b/c.txt', 'modified'],
        ['z.md', 'removed'],
      ]);
      for (const f of changes) {
        const gitPatch = git('diff', '--no-color', 'HEAD~1', 'HEAD', '--', f.filename)
          .split('\n')
          .filter((line, i, lines) => i >= lines.findIndex((l) => l.startsWith('@@')))
          .join('\n');
        expect(f.patch).toBe(gitPatch);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('webhooks', () => {
  const secret = 'webhook-secret';
  const seen: number[] = [];
  const app = useProbotApp(
    () => new Probot({ ...probotOptions(), secret }),
    (bot) => {
      bot.on('issues.opened', async (context) => {
        seen.push(context.payload.issue.number);
        await context.octokit.rest.issues.createComment(context.issue({ body: 'thanks for the report' }));
      });
    },
  );

  it('delivers a signed webhook that Probot verifies and handles, calling back into the emulator', async () => {
    const gh = new Octokit({ baseUrl: emu.url, auth: emu.installationToken(1), log: quiet });
    const { data: issue } = await gh.rest.issues.create({ owner: 'acme', repo: 'web', title: 'hello' });
    const repository = (await gh.rest.repos.get({ owner: 'acme', repo: 'web' })).data;
    const payload = { action: 'opened', issue, repository, sender: issue.user, installation: { id: 1 } };
    const result = await emu.deliverWebhook({ url: app.url, secret, event: 'issues', payload });
    expect(result.status).toBe(200);
    expect(result.delivery).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen).toContain(issue.number);
    const comments = emu.state().repos[0]!.issues.find((i) => i.number === issue.number)!.comments;
    expect(comments.map((c) => [c.body, c.user])).toEqual([['thanks for the report', 'faultline[bot]']]);
  });

  it('delivers over HTTP; a wrong secret is refused by the app', async () => {
    const payload = {
      action: 'opened',
      issue: { number: 1 },
      repository: { name: 'web', owner: { login: 'acme' } },
      installation: { id: 1 },
    };
    const bad = await post('/__emulator/webhooks', { url: app.url, secret: 'wrong', event: 'issues', payload });
    expect(bad.status).toBe(200);
    expect(bad.body.status).toBeGreaterThanOrEqual(400);
    const missing = await post('/__emulator/webhooks', { url: app.url, event: 'issues', payload });
    expect(missing).toMatchObject({ status: 400, body: { message: expect.stringContaining('webhook.secret') } });
  });
});

describe('standalone start', () => {
  it('`npm run emulator -- github --port 0 --seed file` prints its URL and serves the seed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gh-emu-seed-'));
    const seedFile = join(dir, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(seed));
    const child = spawn(process.execPath, ['emulators/cli.ts', 'github', '--port', '0', '--seed', seedFile], {
      cwd: join(import.meta.dirname, '..', '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /github emulator listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`emulator exited with ${code}: ${out}`)));
        setTimeout(() => reject(new Error(`no listening line after 10 s: ${out}`)), 10_000);
      });
      const token = (
        (await (
          await fetch(`${url}/__emulator/tokens`, {
            method: 'POST',
            body: JSON.stringify({ installation_id: 1 }),
          })
        ).json()) as { token: string }
      ).token;
      const gh = new Octokit({ baseUrl: `${url}/api/v3`, auth: token, log: quiet });
      const { data } = await gh.rest.repos.getCommit({ owner: 'acme', repo: 'web', ref: 'main' });
      expect(data.sha).toBe(SHA.regress);
    } finally {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('webhooks for changes made through the API', () => {
  const secret = 'auto-secret';
  const received: string[] = [];
  const app = useProbotApp(
    () => new Probot({ ...probotOptions(), secret }),
    (bot) => {
      bot.on(['issues', 'issue_comment'], async (context) => {
        const p = context.payload as { action: string; sender: { login: string }; label?: { name: string } };
        received.push(`${context.name}.${p.action} by ${p.sender.login}${p.label ? ` (${p.label.name})` : ''}`);
        // Like the sync handler: answer a person closing the issue, and ignore our own writes.
        if (context.name === 'issues' && p.action === 'closed' && !p.sender.login.endsWith('[bot]')) {
          await context.octokit.rest.issues.createComment(context.issue({ body: 'resolved in Sentry too' }));
        }
      });
    },
  );

  it('sends issues and issue_comment webhooks, in order, signed, with the installation and the sender', async () => {
    emu.setWebhookTarget({ url: app.url, secret });
    received.length = 0;
    const bot = new Octokit({ baseUrl: emu.url, auth: emu.installationToken(1), log: quiet });
    const alice = new Octokit({ baseUrl: emu.url, auth: emu.userToken('alice'), log: quiet });
    const { data: issue } = await bot.rest.issues.create({
      owner: 'acme',
      repo: 'web',
      title: 'boom',
      labels: ['bug'],
    });
    await alice.rest.issues.update({ owner: 'acme', repo: 'web', issue_number: issue.number, state: 'closed' });
    await emu.flushWebhooks();
    expect(received).toEqual([
      'issues.opened by faultline[bot]',
      'issues.labeled by faultline[bot] (bug)',
      'issues.closed by alice',
      'issue_comment.created by faultline[bot]',
    ]);
    expect(emu.state().deliveries.map((d) => [d.event, d.action, d.status])).toEqual([
      ['issues', 'opened', 200],
      ['issues', 'labeled', 200],
      ['issues', 'closed', 200],
      ['issue_comment', 'created', 200],
    ]);
    expect(emu.state().repos[0]!.issues[0]!.comments.map((c) => c.body)).toEqual(['resolved in Sentry too']);
  });

  it('sends nothing without a target, and records an unreachable app', async () => {
    const bot = new Octokit({ baseUrl: emu.url, auth: emu.installationToken(1), log: quiet });
    await bot.rest.issues.create({ owner: 'acme', repo: 'web', title: 'quiet' });
    await emu.flushWebhooks();
    expect(emu.state().deliveries).toEqual([]);
    await post('/__emulator/app-webhook', { url: 'http://127.0.0.1:9/hooks', secret });
    await bot.rest.issues.create({ owner: 'acme', repo: 'web', title: 'lost' });
    await emu.flushWebhooks();
    expect(emu.state().deliveries).toEqual([
      expect.objectContaining({ event: 'issues', action: 'opened', status: 0, error: expect.any(String) }),
    ]);
  });
});
