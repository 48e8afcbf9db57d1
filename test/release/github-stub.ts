/**
 * A small stand-in for GitHub's REST compare and commit endpoints, served on 127.0.0.1:0 from a real git
 * repository (the full history a shallow clone lacks). Only what src/release/github-history.ts calls.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { git } from './git-fixture.ts';

export interface GitHubStub {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

const STATUS: Record<string, string> = { A: 'added', M: 'modified', D: 'removed' };

async function commitJson(repoDir: string, sha: string, withFiles: boolean) {
  const [id = '', name, email, date, ...message] = (
    await git(repoDir, ['show', '-s', '--format=%H%n%an%n%ae%n%aI%n%B', sha])
  ).split('\n');
  const out: Record<string, unknown> = {
    sha: id,
    commit: { message: message.join('\n').trimEnd(), author: { name, email, date } },
  };
  if (withFiles) {
    const status = await git(repoDir, ['show', '--no-renames', '--name-status', '--format=', sha]);
    out.files = status
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [s = 'M', filename] = line.split('\t');
        return { filename, status: STATUS[s] ?? 'modified' };
      });
  }
  return out;
}

export async function startGitHubStub(repoDir: string, repository = 'acme/web'): Promise<GitHubStub> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(`${req.method} ${url.pathname}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const prefix = `/repos/${repository}/`;
    void (async () => {
      if (req.headers.authorization !== 'token ghs_test' && req.headers.authorization !== 'Bearer ghs_test') {
        return send(401, { message: 'Bad credentials' });
      }
      if (!url.pathname.startsWith(prefix)) return send(404, { message: 'Not Found' });
      const rest = decodeURIComponent(url.pathname.slice(prefix.length));
      const compare = /^compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/.exec(rest);
      const single = /^commits\/([0-9a-f]+)$/.exec(rest);
      try {
        if (compare) {
          const shas = (await git(repoDir, ['rev-list', '--reverse', `${compare[1]}..${compare[2]}`]))
            .split('\n')
            .filter(Boolean);
          const commits = await Promise.all(shas.map((sha) => commitJson(repoDir, sha, false)));
          return send(200, { total_commits: commits.length, commits });
        }
        if (single) return send(200, await commitJson(repoDir, single[1]!, true));
        if (rest === 'commits') {
          const head = url.searchParams.get('sha') ?? 'HEAD';
          const count = url.searchParams.get('per_page') ?? '30';
          const shas = (await git(repoDir, ['rev-list', `--max-count=${count}`, head])).split('\n').filter(Boolean);
          return send(200, await Promise.all(shas.map((sha) => commitJson(repoDir, sha, false))));
        }
      } catch {
        return send(404, { message: 'No commit found' });
      }
      return send(404, { message: 'Not Found' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
