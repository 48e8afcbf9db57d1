/**
 * The few web pages the API's URLs point at, so that permalinks and `download_url`s work in a browser or a test:
 * `/{owner}/{repo}/raw/{ref}/{path}` (the file text), `/{owner}/{repo}/blob/{ref}/{path}` (the file with `#L<n>`
 * line anchors), `/{owner}/{repo}/issues/{n}` and `/pull/{n}` (title, body, comments). Public repos only, as
 * GitHub serves them without signing in.
 */
import type { CommitObject } from './git.ts';
import type { Reply } from './http.ts';
import { resolveRef } from './access.ts';
import type { GitHubWorld, Repo } from './state.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): Reply {
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`,
  };
}

/** `ref/with/slashes/path/to/file`: the longest leading part that names a ref wins, as on GitHub. */
function splitRefAndPath(repo: Repo, rest: string[]): { commit: CommitObject; path: string } | undefined {
  for (let i = rest.length - 1; i >= 1; i--) {
    const commit = resolveRef(repo, rest.slice(0, i).join('/'));
    if (commit) return { commit, path: rest.slice(i).join('/') };
  }
  return undefined;
}

/** The page for a GET of `pathname`, or undefined when it is no page the emulator serves. */
export function webPage(world: GitHubWorld, pathname: string): Reply | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [owner, name, kind, ...rest] = parts;
  if (!owner || !name || !kind) return undefined;
  const repo = world.repos.get(`${owner}/${name}`.toLowerCase());
  if (!repo || repo.private) return undefined;

  if (kind === 'raw' || kind === 'blob') {
    const found = splitRefAndPath(repo, rest);
    const text = found ? repo.graph.fileText(found.commit, found.path) : undefined;
    if (!found || text === undefined) return undefined;
    if (kind === 'raw') return { status: 200, body: text };
    const lines = text.replace(/\n$/, '').split('\n');
    const rows = lines
      .map(
        (line, i) =>
          `<tr id="L${i + 1}"><td><a href="#L${i + 1}">${i + 1}</a></td><td><code>${escapeHtml(line)}</code></td></tr>`,
      )
      .join('');
    return page(
      `${found.path} at ${found.commit.sha.slice(0, 7)} · ${repo.fullName}`,
      `<h1>${escapeHtml(repo.fullName)}: ${escapeHtml(found.path)}</h1><p>commit ${found.commit.sha}</p><table>${rows}</table>`,
    );
  }

  if ((kind === 'issues' || kind === 'pull') && rest.length === 1) {
    const issue = repo.issues.get(Number(rest[0]));
    if (!issue || (kind === 'pull') !== issue.isPull) return undefined;
    const comments = [...repo.comments.values()]
      .filter((c) => c.issueNumber === issue.number)
      .map(
        (c) =>
          `<section id="issuecomment-${c.id}"><h3>${escapeHtml(c.user)}</h3><pre>${escapeHtml(c.body)}</pre></section>`,
      )
      .join('');
    return page(
      `${issue.title} · #${issue.number} · ${repo.fullName}`,
      `<h1>${escapeHtml(issue.title)} #${issue.number}</h1><p>${issue.state} · ${escapeHtml(issue.user)} · ` +
        `${issue.labels.map(escapeHtml).join(', ')}</p><pre>${escapeHtml(issue.body ?? '')}</pre>${comments}`,
    );
  }
  return undefined;
}
