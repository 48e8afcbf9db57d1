import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../server.ts';
import { cartV2, cartV3, quiet, seed, SHA, useGitHubEmulator } from './fixture.ts';

let emu: GitHubEmulator;
let gh: Octokit;
const web = { owner: 'acme', repo: 'web' };

useGitHubEmulator({ seed }, (started) => {
  emu = started;
  gh = new Octokit({ baseUrl: emu.url, auth: emu.installationToken(1), log: quiet });
});

const decode = (content: string) => Buffer.from(content, 'base64').toString('utf8');

describe('repos and contents', () => {
  it('serves the repo with its default branch and the URLs of the base the client used', async () => {
    const enterprise = new Octokit({ baseUrl: emu.apiUrl, auth: emu.installationToken(1), log: quiet });
    const { data } = await enterprise.repos.get(web);
    expect(data).toMatchObject({ full_name: 'acme/web', default_branch: 'main', private: false });
    expect(data.url).toBe(`${emu.apiUrl}/repos/acme/web`);
    expect(data.html_url).toBe(`${emu.url}/acme/web`);
    expect((await gh.repos.get(web)).data.url).toBe(`${emu.url}/repos/acme/web`);
  });

  it('answers 404 for a repo the installation cannot see', async () => {
    await expect(gh.repos.get({ owner: 'other', repo: 'secret' })).rejects.toMatchObject({ status: 404 });
    await expect(gh.repos.get({ owner: 'acme', repo: 'nope' })).rejects.toMatchObject({ status: 404 });
  });

  it('lists the installation repositories', async () => {
    const { data } = await gh.apps.listReposAccessibleToInstallation();
    expect(data.repositories.map((r) => r.full_name).sort()).toEqual(['acme/api', 'acme/web']);
    expect(data.total_count).toBe(2);
  });

  it('returns file contents base64-encoded at the default branch, a branch, a tag and a SHA', async () => {
    const at = async (ref?: string) => {
      const { data } = await gh.repos.getContent({ ...web, path: 'src/cart/total.js', ...(ref ? { ref } : {}) });
      if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file');
      return decode(data.content);
    };
    expect(await at()).toBe(cartV3);
    expect(await at(SHA.bug)).toBe(cartV2);
    expect(await at(SHA.bug.slice(0, 7))).toBe(cartV2);
    expect(await at('v1.0.0')).toBe(cartV2);
    expect(await at('feature/tax')).toBe(cartV2);
    expect(await at('refs/heads/main')).toBe(cartV3);
  });

  it('answers the raw media type with text, as Probot config loading asks for it', async () => {
    const res = await gh.repos.getContent({ ...web, path: '.github/faultline.yml', mediaType: { format: 'raw' } });
    expect(res.data).toBe('sentry:\n  org: acme\n  projects: [web]\n');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('lists directories and answers 404 for missing files, deleted files and unknown refs', async () => {
    const { data } = await gh.repos.getContent({ ...web, path: 'src' });
    expect(Array.isArray(data) && data.map((e) => [e.name, e.type])).toEqual([['cart', 'dir']]);
    const root = await gh.repos.getContent({ ...web, path: '' });
    expect(Array.isArray(root.data) && root.data.map((e) => e.path)).toEqual(['.github', 'docs', 'src']);
    await expect(gh.repos.getContent({ ...web, path: 'README.md' })).rejects.toMatchObject({ status: 404 });
    const old = await gh.repos.getContent({ ...web, path: 'README.md', ref: SHA.bug });
    expect(Array.isArray(old.data) ? undefined : old.data.type).toBe('file');
    await expect(gh.repos.getContent({ ...web, path: 'x', ref: 'nope' })).rejects.toMatchObject({
      status: 404,
      message: expect.stringContaining('No commit found for the ref nope'),
    });
  });

  it('serves the web pages that download_url, html_url and permalinks point at', async () => {
    const { data } = await gh.repos.getContent({ ...web, path: 'src/cart/total.js', ref: SHA.bug });
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file');
    expect(await (await fetch(data.download_url!)).text()).toBe(cartV2);
    const blob = await fetch(`${emu.url}/acme/web/blob/feature/tax/src/cart/total.js#L3`);
    expect(blob.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await blob.text()).toContain('<tr id="L3"><td><a href="#L3">3</a></td><td><code>  for (const i of items)');
    const { data: issue } = await gh.issues.create({ ...web, title: '<b>x</b>', body: 'stack' });
    const html = await (await fetch(issue.html_url)).text();
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect((await fetch(`${emu.url}/acme/web/blob/main/nope.js`)).status).toBe(404);
    expect(emu.state().requests.some((r) => r.path.includes('/blob/feature/'))).toBe(false);
  });

  it('serves a branch and a git ref', async () => {
    const { data } = await gh.repos.getBranch({ ...web, branch: 'main' });
    expect(data.commit.sha).toBe(SHA.regress);
    const ref = await gh.git.getRef({ ...web, ref: 'tags/v1.0.0' });
    expect(ref.data).toMatchObject({ ref: 'refs/tags/v1.0.0', object: { sha: SHA.fix, type: 'commit' } });
    await expect(gh.repos.getBranch({ ...web, branch: 'nope' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('git data', () => {
  it('lists a recursive tree by ref and a subtree by SHA; blobs decode to file text', async () => {
    const { data } = await gh.git.getTree({ ...web, tree_sha: SHA.bug, recursive: '1' });
    expect(data.tree.filter((e) => e.type === 'blob').map((e) => e.path)).toEqual([
      '.github/CODEOWNERS',
      '.github/faultline.yml',
      'README.md',
      'src/cart/total.js',
    ]);
    const src = data.tree.find((e) => e.path === 'src')!;
    const sub = await gh.git.getTree({ ...web, tree_sha: src.sha! });
    expect(sub.data.tree.map((e) => e.path)).toEqual(['cart']);
    const file = data.tree.find((e) => e.path === 'src/cart/total.js')!;
    const blob = await gh.git.getBlob({ ...web, file_sha: file.sha! });
    expect(decode(blob.data.content)).toBe(cartV2);
    const commit = await gh.git.getCommit({ ...web, commit_sha: SHA.bug });
    expect(commit.data).toMatchObject({ message: 'cart: multiply by quantity', tree: { sha: data.sha } });
  });
});

describe('commits, compare and pulls', () => {
  it('lists commits newest first, filtered by path, from a ref', async () => {
    const all = await gh.repos.listCommits(web);
    expect(all.data.map((c) => c.sha)).toEqual([SHA.regress, SHA.fix, SHA.bug, SHA.init]);
    const cart = await gh.repos.listCommits({ ...web, path: 'src/cart/total.js' });
    expect(cart.data.map((c) => c.sha)).toEqual([SHA.regress, SHA.bug, SHA.init]);
    const side = await gh.repos.listCommits({ ...web, sha: 'feature/tax', per_page: 2 });
    expect(side.data.map((c) => c.sha)).toEqual([SHA.side, SHA.fix]);
    expect(side.headers.link).toContain('rel="next"');
  });

  it('pages with Link headers that Octokit follows', async () => {
    const all = await gh.paginate(gh.repos.listCommits, { ...web, per_page: 1 });
    expect(all.map((c) => c.sha)).toEqual([SHA.regress, SHA.fix, SHA.bug, SHA.init]);
  });

  it('returns a single commit with its files and unified patches', async () => {
    const { data } = await gh.repos.getCommit({ ...web, ref: SHA.fix });
    expect(data.commit.author).toMatchObject({ name: 'Alice', email: 'alice@example.com' });
    expect(data.author?.login).toBe('alice');
    expect(data.files?.map((f) => [f.filename, f.status, f.patch])).toEqual([
      ['README.md', 'removed', '@@ -1 +0,0 @@\n-# web'],
      ['docs/intro.md', 'added', '@@ -0,0 +1 @@\n+Hello'],
    ]);
    expect(data.stats).toEqual({ total: 2, additions: 1, deletions: 1 });
    const paged = await gh.repos.getCommit({ ...web, ref: SHA.fix, per_page: 1, page: 2 });
    expect(paged.data.files?.map((f) => f.filename)).toEqual(['docs/intro.md']);
    expect(paged.headers.link).toContain('rel="prev"');
    await expect(gh.repos.getCommit({ ...web, ref: 'deadbeef' })).rejects.toMatchObject({ status: 422 });
  });

  it('compares two refs: commits oldest first, files against the merge base', async () => {
    const { data } = await gh.repos.compareCommitsWithBasehead({ ...web, basehead: `${SHA.bug}...${SHA.regress}` });
    expect(data).toMatchObject({ status: 'ahead', ahead_by: 2, behind_by: 0, total_commits: 2 });
    expect(data.commits.map((c) => c.sha)).toEqual([SHA.fix, SHA.regress]);
    expect(data.merge_base_commit.sha).toBe(SHA.bug);
    const cart = data.files?.find((f) => f.filename === 'src/cart/total.js');
    expect(cart?.patch).toBe(
      '@@ -1,5 +1,5 @@\n export function total(items) {\n   let sum = 0;\n   for (const i of items) sum += i.price * i.qty;\n' +
        '-  return sum;\n+  return sum.toFixed(2);\n }',
    );
    const legacy = await gh.repos.compareCommits({ ...web, base: 'v1.0.0', head: 'main' });
    expect(legacy.data.commits.map((c) => c.sha)).toEqual([SHA.regress]);
    const diverged = await gh.repos.compareCommitsWithBasehead({ ...web, basehead: 'main...feature/tax' });
    expect(diverged.data).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 1 });
    expect(diverged.data.merge_base_commit.sha).toBe(SHA.fix);
    expect(diverged.data.files?.map((f) => f.filename)).toEqual(['src/cart/tax.js']);
  });

  it('finds the pull requests of a commit and serves pulls with files', async () => {
    const byCommit = await gh.repos.listPullRequestsAssociatedWithCommit({ ...web, commit_sha: SHA.regress });
    expect(byCommit.data.map((p) => p.number)).toEqual([3]);
    const { data } = await gh.pulls.get({ ...web, pull_number: 3 });
    expect(data).toMatchObject({ number: 3, merged: true, state: 'closed', merge_commit_sha: SHA.regress });
    expect(data.base.sha).toBe(SHA.fix);
    expect(data.changed_files).toBe(1);
    const files = await gh.pulls.listFiles({ ...web, pull_number: 3 });
    expect(files.data.map((f) => [f.filename, f.additions, f.deletions])).toEqual([['src/cart/total.js', 1, 1]]);
    const commits = await gh.pulls.listCommits({ ...web, pull_number: 3 });
    expect(commits.data.map((c) => c.sha)).toEqual([SHA.regress]);
    const open = await gh.pulls.list(web);
    expect(open.data.map((p) => p.number)).toEqual([4]);
    const all = await gh.pulls.list({ ...web, state: 'all' });
    expect(all.data.map((p) => p.number)).toEqual([4, 3]);
    await expect(gh.pulls.get({ ...web, pull_number: 99 })).rejects.toMatchObject({ status: 404 });
  });
});

describe('issues, comments, labels, assignees, search', () => {
  it('creates an issue as the app bot, after the pull request numbers, with auto-created labels', async () => {
    const { data, status } = await gh.issues.create({
      ...web,
      title: 'TypeError: x is undefined',
      body: 'body\n<!-- faultline:sentry-issue:42 -->',
      labels: ['bug', 'sentry'],
      assignees: ['bob'],
    });
    expect(status).toBe(201);
    expect(data.number).toBe(5);
    expect(data.user).toMatchObject({ login: 'faultline[bot]', type: 'Bot' });
    expect(data.labels.map((l) => (typeof l === 'string' ? l : l.name))).toEqual(['bug', 'sentry']);
    expect(data.assignees?.map((a) => a.login)).toEqual(['bob']);
    expect(data.html_url).toBe(`${emu.url}/acme/web/issues/5`);
    const state = emu.state().repos.find((r) => r.full_name === 'acme/web')!;
    expect(state.issues.map((i) => i.title)).toEqual(['TypeError: x is undefined']);
    expect(state.labels.map((l) => l.name)).toContain('sentry');
  });

  it('refuses an issue without a title and an unassignable user (422)', async () => {
    await expect(gh.issues.create({ ...web, title: '' })).rejects.toMatchObject({ status: 422 });
    await expect(gh.issues.create({ ...web, title: 't', assignees: ['mallory'] })).rejects.toMatchObject({
      status: 422,
      response: { data: { errors: [{ field: 'assignees', code: 'invalid', value: 'mallory' }] } },
    });
  });

  it('refuses titles over 256 and bodies over 65,536 characters with the 422 GitHub sends', async () => {
    const tooLong = (field: string) => ({
      status: 422,
      response: {
        data: {
          message: 'Validation Failed',
          errors: [
            {
              resource: 'Issue',
              code: 'custom',
              field,
              message: `${field} is too long (maximum is ${field === 'title' ? 256 : 65536} characters)`,
            },
          ],
        },
      },
    });
    await expect(gh.issues.create({ ...web, title: 't'.repeat(257) })).rejects.toMatchObject(tooLong('title'));
    await expect(gh.issues.create({ ...web, title: 't', body: 'b'.repeat(65_537) })).rejects.toMatchObject(
      tooLong('body'),
    );
    // Characters, not UTF-16 units: 256 emoji are a valid title.
    const { data: issue } = await gh.issues.create({ ...web, title: '🔥'.repeat(256), body: 'b'.repeat(65_536) });
    await expect(
      gh.issues.update({ ...web, issue_number: issue.number, body: 'b'.repeat(65_537) }),
    ).rejects.toMatchObject(tooLong('body'));
    await expect(
      gh.issues.createComment({ ...web, issue_number: issue.number, body: 'c'.repeat(65_537) }),
    ).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          errors: [
            {
              resource: 'IssueComment',
              code: 'unprocessable',
              field: 'data',
              message: 'Body is too long (maximum is 65536 characters)',
            },
          ],
        },
      },
    });
  });

  it('updates, closes and reopens an issue; lists by state and label', async () => {
    const { data: created } = await gh.issues.create({ ...web, title: 'a', labels: ['bug'] });
    await gh.issues.create({ ...web, title: 'b' });
    const closed = await gh.issues.update({ ...web, issue_number: created.number, state: 'closed', body: 'new' });
    expect(closed.data).toMatchObject({ state: 'closed', state_reason: 'completed', body: 'new' });
    expect(closed.data.closed_at).toBeTruthy();
    const open = await gh.issues.listForRepo(web);
    // Pull requests are issues too, as on GitHub.
    expect(open.data.map((i) => i.title)).toEqual(['b', 'Tax rate']);
    const bugs = await gh.issues.listForRepo({ ...web, state: 'all', labels: 'bug' });
    expect(bugs.data.map((i) => i.title)).toEqual(['a']);
    const reopened = await gh.issues.update({ ...web, issue_number: created.number, state: 'open' });
    expect(reopened.data).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null });
    const got = await gh.issues.get({ ...web, issue_number: created.number });
    expect(got.data.title).toBe('a');
    const pr = await gh.issues.get({ ...web, issue_number: 3 });
    expect(pr.data.pull_request?.url).toBe(`${emu.url}/repos/acme/web/pulls/3`);
    await expect(gh.issues.get({ ...web, issue_number: 999 })).rejects.toMatchObject({ status: 404 });
  });

  it('creates, lists, updates and deletes comments (also on pull requests)', async () => {
    const { data: issue } = await gh.issues.create({ ...web, title: 'c' });
    const first = await gh.issues.createComment({ ...web, issue_number: issue.number, body: 'one' });
    await gh.issues.createComment({ ...web, issue_number: issue.number, body: 'two' });
    expect(first.status).toBe(201);
    expect(first.data.user?.login).toBe('faultline[bot]');
    const updated = await gh.issues.updateComment({ ...web, comment_id: first.data.id, body: 'uno' });
    expect(updated.data.body).toBe('uno');
    expect((await gh.issues.getComment({ ...web, comment_id: first.data.id })).data.body).toBe('uno');
    const list = await gh.issues.listComments({ ...web, issue_number: issue.number });
    expect(list.data.map((c) => c.body)).toEqual(['uno', 'two']);
    await gh.issues.deleteComment({ ...web, comment_id: first.data.id });
    const after = await gh.issues.listComments({ ...web, issue_number: issue.number });
    expect(after.data.map((c) => c.body)).toEqual(['two']);
    const onPull = await gh.issues.createComment({ ...web, issue_number: 3, body: 'regressed here' });
    expect(onPull.data.html_url).toContain('/acme/web/pull/3#issuecomment-');
    expect(emu.state().repos[0]!.pull_comments).toEqual([
      { number: 3, comments: [expect.objectContaining({ body: 'regressed here' })] },
    ]);
    await expect(gh.issues.createComment({ ...web, issue_number: issue.number, body: '' })).rejects.toMatchObject({
      status: 422,
    });
  });

  it('manages repo labels and issue labels', async () => {
    const created = await gh.issues.createLabel({ ...web, name: 'sentry:web', color: 'FF0000' });
    expect(created.data).toMatchObject({ name: 'sentry:web', color: 'ff0000' });
    await expect(gh.issues.createLabel({ ...web, name: 'Bug' })).rejects.toMatchObject({ status: 422 });
    expect((await gh.issues.getLabel({ ...web, name: 'bug' })).data.color).toBe('d73a4a');
    await gh.issues.updateLabel({ ...web, name: 'sentry:web', new_name: 'sentry', description: 'from Sentry' });
    const labels = await gh.issues.listLabelsForRepo(web);
    expect(labels.data.map((l) => l.name)).toEqual(['bug', 'sentry']);

    const { data: issue } = await gh.issues.create({ ...web, title: 'l' });
    const n = { ...web, issue_number: issue.number };
    expect((await gh.issues.addLabels({ ...n, labels: ['bug', 'level:error'] })).data.map((l) => l.name)).toEqual([
      'bug',
      'level:error',
    ]);
    expect((await gh.issues.setLabels({ ...n, labels: ['sentry'] })).data.map((l) => l.name)).toEqual(['sentry']);
    expect((await gh.issues.listLabelsOnIssue(n)).data.map((l) => l.name)).toEqual(['sentry']);
    expect((await gh.issues.removeLabel({ ...n, name: 'sentry' })).data).toEqual([]);
    await expect(gh.issues.removeLabel({ ...n, name: 'sentry' })).rejects.toMatchObject({ status: 404 });
    await gh.issues.addLabels({ ...n, labels: ['bug'] });
    expect((await gh.issues.removeAllLabels(n)).status).toBe(204);
    await gh.issues.deleteLabel({ ...web, name: 'sentry' });
    await expect(gh.issues.getLabel({ ...web, name: 'sentry' })).rejects.toMatchObject({ status: 404 });
  });

  it('adds and removes assignees; checks assignability', async () => {
    const { data: issue } = await gh.issues.create({ ...web, title: 'a' });
    const n = { ...web, issue_number: issue.number };
    const added = await gh.issues.addAssignees({ ...n, assignees: ['alice', 'mallory', 'carol'] });
    expect(added.data.assignees?.map((a) => a.login)).toEqual(['alice', 'carol']);
    const removed = await gh.issues.removeAssignees({ ...n, assignees: ['alice'] });
    expect(removed.data.assignees?.map((a) => a.login)).toEqual(['carol']);
    expect((await gh.issues.checkUserCanBeAssigned({ ...web, assignee: 'bob' })).status).toBe(204);
    await expect(gh.issues.checkUserCanBeAssigned({ ...web, assignee: 'mallory' })).rejects.toMatchObject({
      status: 404,
    });
    const assignable = await gh.issues.listAssignees(web);
    expect(assignable.data.map((u) => u.login)).toEqual(['acme', 'alice', 'bob', 'carol']);
  });

  it('searches issues by a marker in the body, within the repos the installation sees', async () => {
    await gh.issues.create({ ...web, title: 'one', body: 'x\n<!-- faultline:sentry-issue:42 -->' });
    await gh.issues.create({ ...web, title: 'two', body: 'x\n<!-- faultline:sentry-issue:420 -->' });
    const hit = await gh.search.issuesAndPullRequests({
      q: 'repo:acme/web is:issue in:body "faultline:sentry-issue:42 -->"',
    });
    expect(hit.data.total_count).toBe(1);
    expect(hit.data.items[0]).toMatchObject({ title: 'one', score: 1 });
    const both = await gh.search.issuesAndPullRequests({ q: 'faultline:sentry-issue repo:acme/web' });
    expect(both.data.total_count).toBe(2);
    const prs = await gh.search.issuesAndPullRequests({ q: 'repo:acme/web is:pr is:closed' });
    expect(prs.data.items.map((i) => i.number)).toEqual([3]);
    const elsewhere = await gh.search.issuesAndPullRequests({ q: 'repo:other/secret init' });
    expect(elsewhere.data.total_count).toBe(0);
    await expect(gh.search.issuesAndPullRequests({ q: '' })).rejects.toMatchObject({ status: 422 });
  });
});
