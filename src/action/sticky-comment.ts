/**
 * One comment per pull request that a step keeps up to date: found by a hidden marker in its body and edited in
 * place, so a pull request pushed ten times carries one plan, not ten.
 */
import type { OctokitRequest } from '../release/github-history.ts';

export type { OctokitRequest };

interface IssueComment {
  id: number;
  body?: string | null;
}

const PAGE_SIZE = 100;
/** A pull request with more than 5,000 comments gets a new one rather than a long search. */
const MAX_PAGES = 50;

async function findMarked(
  request: OctokitRequest,
  where: { owner: string; repo: string; issue_number: number },
  marker: string,
): Promise<IssueComment | undefined> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      ...where,
      per_page: PAGE_SIZE,
      page,
    });
    const comments = data as IssueComment[];
    const found = comments.find((c) => c.body?.includes(marker));
    if (found) return found;
    if (comments.length < PAGE_SIZE) return undefined;
  }
  return undefined;
}

/** Creates the marked comment, or edits the one already there. `body` must contain `marker`. */
export async function upsertStickyComment(
  request: OctokitRequest,
  repository: string,
  pullRequest: number,
  marker: string,
  body: string,
): Promise<{ action: 'created' | 'updated'; id: number }> {
  if (!body.includes(marker)) throw new TypeError('upsertStickyComment: the body must carry the marker');
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new TypeError(`upsertStickyComment: repository "${repository}" is not owner/repo`);
  const existing = await findMarked(request, { owner, repo, issue_number: pullRequest }, marker);
  if (existing) {
    if (existing.body !== body) {
      await request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner,
        repo,
        comment_id: existing.id,
        body,
      });
    }
    return { action: 'updated', id: existing.id };
  }
  const { data } = await request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner,
    repo,
    issue_number: pullRequest,
    body,
  });
  return { action: 'created', id: (data as IssueComment).id };
}
