/**
 * GitHub's REST JSON shapes (as in GitHub's OpenAPI description: simple-user, repository, issue, issue-comment,
 * label, commit, diff-entry, pull-request, installation, integration, content-file…) rendered from the world.
 * URLs follow the API base the client used (`/api/v3` or not) and the emulator's HTML base.
 */
import type { ChangedFile, CommitObject } from './git.ts';
import type { GitHubWorld, Installation, Issue, Label, Pull, Repo, Comment } from './state.ts';

export interface Urls {
  /** REST base the request came through, e.g. http://127.0.0.1:PORT/api/v3 (no trailing slash). */
  api: string;
  /** Web base for html_url and permalinks, e.g. http://127.0.0.1:PORT. */
  html: string;
}

const ZERO_REACTIONS = {
  total_count: 0,
  '+1': 0,
  '-1': 0,
  laugh: 0,
  hooray: 0,
  confused: 0,
  heart: 0,
  rocket: 0,
  eyes: 0,
};
const APP_PERMISSIONS = { contents: 'read', issues: 'write', pull_requests: 'write', metadata: 'read' };
const APP_EVENTS = ['issues', 'issue_comment', 'pull_request', 'push'];

/** A stable numeric id per login, so the same user has the same id in every answer. */
export function userId(login: string): number {
  let hash = 0;
  for (const ch of login.toLowerCase()) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return 100_000 + (hash % 9_000_000);
}

function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_${Buffer.from(String(id)).toString('base64url')}`;
}

export function userShape(u: Urls, login: string, type: 'User' | 'Bot' | 'Organization' = 'User') {
  const id = userId(login);
  const url = `${u.api}/users/${encodeURIComponent(login)}`;
  return {
    login,
    id,
    node_id: nodeId(type === 'Bot' ? 'BOT' : type === 'Organization' ? 'O' : 'U', id),
    avatar_url: `${u.html}/avatars/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url: type === 'Bot' ? `${u.html}/apps/${login.replace(/\[bot\]$/, '')}` : `${u.html}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** A login as it appears in answers: the app's bot, an organization that installed the app, or a user. */
export function actorShape(world: GitHubWorld, u: Urls, login: string) {
  if (login === world.botLogin()) return userShape(u, login, 'Bot');
  const org = [...world.installations.values()].find((i) => i.account.toLowerCase() === login.toLowerCase());
  return userShape(u, login, org?.accountType ?? 'User');
}

export function appShape(world: GitHubWorld, u: Urls) {
  const app = world.app;
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId('A', app.id),
    client_id: `Iv1.${app.slug.padEnd(16, '0').slice(0, 16)}`,
    owner: userShape(u, app.owner, 'Organization'),
    name: app.name,
    description: 'Sentry alerts as GitHub issues (emulated)',
    external_url: `${u.html}/apps/${app.slug}`,
    html_url: `${u.html}/apps/${app.slug}`,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    permissions: APP_PERMISSIONS,
    events: APP_EVENTS,
    installations_count: world.installations.size,
  };
}

export function installationShape(world: GitHubWorld, u: Urls, i: Installation) {
  return {
    id: i.id,
    account: userShape(u, i.account, i.accountType),
    repository_selection: 'selected',
    access_tokens_url: `${u.api}/app/installations/${i.id}/access_tokens`,
    repositories_url: `${u.api}/installation/repositories`,
    html_url:
      i.accountType === 'Organization'
        ? `${u.html}/organizations/${i.account}/settings/installations/${i.id}`
        : `${u.html}/settings/installations/${i.id}`,
    app_id: world.app.id,
    app_slug: world.app.slug,
    target_id: userId(i.account),
    target_type: i.accountType,
    permissions: APP_PERMISSIONS,
    events: APP_EVENTS,
    created_at: i.createdAt,
    updated_at: i.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}

export function repoShape(world: GitHubWorld, u: Urls, repo: Repo) {
  const r = `${u.api}/repos/${repo.fullName}`;
  const html = `${u.html}/${repo.fullName}`;
  const host = new URL(u.html).host;
  const openIssues = [...repo.issues.values()].filter((i) => i.state === 'open').length;
  const head = repo.branches.get(repo.defaultBranch);
  const pushedAt = head ? repo.graph.commits.get(head)?.date : undefined;
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: actorShape(world, u, repo.owner),
    html_url: html,
    description: repo.description,
    fork: false,
    url: r,
    forks_url: `${r}/forks`,
    keys_url: `${r}/keys{/key_id}`,
    collaborators_url: `${r}/collaborators{/collaborator}`,
    teams_url: `${r}/teams`,
    hooks_url: `${r}/hooks`,
    issue_events_url: `${r}/issues/events{/number}`,
    events_url: `${r}/events`,
    assignees_url: `${r}/assignees{/user}`,
    branches_url: `${r}/branches{/branch}`,
    tags_url: `${r}/tags`,
    blobs_url: `${r}/git/blobs{/sha}`,
    git_tags_url: `${r}/git/tags{/sha}`,
    git_refs_url: `${r}/git/refs{/sha}`,
    trees_url: `${r}/git/trees{/sha}`,
    statuses_url: `${r}/statuses/{sha}`,
    languages_url: `${r}/languages`,
    stargazers_url: `${r}/stargazers`,
    contributors_url: `${r}/contributors`,
    subscribers_url: `${r}/subscribers`,
    subscription_url: `${r}/subscription`,
    commits_url: `${r}/commits{/sha}`,
    git_commits_url: `${r}/git/commits{/sha}`,
    comments_url: `${r}/comments{/number}`,
    issue_comment_url: `${r}/issues/comments{/number}`,
    contents_url: `${r}/contents/{+path}`,
    compare_url: `${r}/compare/{base}...{head}`,
    merges_url: `${r}/merges`,
    archive_url: `${r}/{archive_format}{/ref}`,
    downloads_url: `${r}/downloads`,
    issues_url: `${r}/issues{/number}`,
    pulls_url: `${r}/pulls{/number}`,
    milestones_url: `${r}/milestones{/number}`,
    notifications_url: `${r}/notifications{?since,all,participating}`,
    labels_url: `${r}/labels{/name}`,
    releases_url: `${r}/releases{/id}`,
    deployments_url: `${r}/deployments`,
    created_at: repo.createdAt,
    updated_at: pushedAt ?? repo.createdAt,
    pushed_at: pushedAt ?? repo.createdAt,
    git_url: `git://${host}/${repo.fullName}.git`,
    ssh_url: `git@${host}:${repo.fullName}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    homepage: null,
    size: repo.graph.blobs.size,
    stargazers_count: 0,
    watchers_count: 0,
    language: null,
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    mirror_url: null,
    archived: false,
    disabled: false,
    open_issues_count: openIssues,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.private ? 'private' : 'public',
    forks: 0,
    open_issues: openIssues,
    watchers: 0,
    default_branch: repo.defaultBranch,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    network_count: 0,
    subscribers_count: 0,
  };
}

export function labelShape(u: Urls, repo: Repo, label: Label) {
  return {
    id: label.id,
    node_id: nodeId('LA', label.id),
    url: `${u.api}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    description: label.description,
    default: false,
  };
}

function authorAssociation(repo: Repo, login: string): string {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
  return repo.collaborators.has(login.toLowerCase()) ? 'COLLABORATOR' : 'NONE';
}

export function issueShape(world: GitHubWorld, u: Urls, repo: Repo, issue: Issue) {
  const r = `${u.api}/repos/${repo.fullName}`;
  const url = `${r}/issues/${issue.number}`;
  const pull = issue.isPull ? repo.pulls.get(issue.number) : undefined;
  const labels = issue.labels
    .map((name) => repo.labels.get(name.toLowerCase()))
    .filter((l): l is Label => l !== undefined)
    .map((l) => labelShape(u, repo, l));
  const assignees = issue.assignees.map((a) => actorShape(world, u, a));
  const comments = [...repo.comments.values()].filter((c) => c.issueNumber === issue.number).length;
  return {
    id: issue.id,
    node_id: nodeId(issue.isPull ? 'PR' : 'I', issue.id),
    url,
    repository_url: r,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${u.html}/${repo.fullName}/${issue.isPull ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: actorShape(world, u, issue.user),
    labels,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: issue.locked,
    active_lock_reason: null,
    comments,
    ...(pull
      ? {
          pull_request: {
            url: `${r}/pulls/${pull.number}`,
            html_url: `${u.html}/${repo.fullName}/pull/${pull.number}`,
            diff_url: `${u.html}/${repo.fullName}/pull/${pull.number}.diff`,
            patch_url: `${u.html}/${repo.fullName}/pull/${pull.number}.patch`,
            merged_at: pull.mergedAt,
          },
        }
      : {}),
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_by: issue.closedBy ? actorShape(world, u, issue.closedBy) : null,
    author_association: authorAssociation(repo, issue.user),
    type: null,
    reactions: { url: `${url}/reactions`, ...ZERO_REACTIONS },
    timeline_url: `${url}/timeline`,
    performed_via_github_app: issue.viaApp ? appShape(world, u) : null,
  };
}

export function commentShape(world: GitHubWorld, u: Urls, repo: Repo, c: Comment) {
  const r = `${u.api}/repos/${repo.fullName}`;
  const isPull = repo.pulls.has(c.issueNumber);
  return {
    id: c.id,
    node_id: nodeId('IC', c.id),
    url: `${r}/issues/comments/${c.id}`,
    html_url: `${u.html}/${repo.fullName}/${isPull ? 'pull' : 'issues'}/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${r}/issues/${c.issueNumber}`,
    body: c.body,
    user: actorShape(world, u, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: authorAssociation(repo, c.user),
    reactions: { url: `${r}/issues/comments/${c.id}/reactions`, ...ZERO_REACTIONS },
    performed_via_github_app: c.viaApp ? appShape(world, u) : null,
  };
}

const UNSIGNED = { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null };

/** The REST commit (`GET /repos/{o}/{r}/commits/{ref}`); `files` only for the single-commit answer. */
export function commitShape(world: GitHubWorld, u: Urls, repo: Repo, c: CommitObject, files?: ChangedFile[]) {
  const r = `${u.api}/repos/${repo.fullName}`;
  const html = `${u.html}/${repo.fullName}`;
  const gitUser = (who: CommitObject['author']) => ({ name: who.name, email: who.email, date: c.date });
  const stats = files
    ? {
        total: files.reduce((n, f) => n + f.changes, 0),
        additions: files.reduce((n, f) => n + f.additions, 0),
        deletions: files.reduce((n, f) => n + f.deletions, 0),
      }
    : undefined;
  return {
    sha: c.sha,
    node_id: nodeId('C', c.sha),
    commit: {
      author: gitUser(c.author),
      committer: gitUser(c.committer),
      message: c.message,
      tree: { sha: c.treeSha, url: `${r}/git/trees/${c.treeSha}` },
      url: `${r}/git/commits/${c.sha}`,
      comment_count: 0,
      verification: UNSIGNED,
    },
    url: `${r}/commits/${c.sha}`,
    html_url: `${html}/commit/${c.sha}`,
    comments_url: `${r}/commits/${c.sha}/comments`,
    author: c.author.login ? actorShape(world, u, c.author.login) : null,
    committer: c.committer.login ? actorShape(world, u, c.committer.login) : null,
    parents: c.parents.map((p) => ({ sha: p, url: `${r}/commits/${p}`, html_url: `${html}/commit/${p}` })),
    ...(stats ? { stats } : {}),
    ...(files ? { files: files.map((f) => diffEntryShape(u, repo, c.sha, f)) } : {}),
  };
}

export function gitCommitShape(u: Urls, repo: Repo, c: CommitObject) {
  const r = `${u.api}/repos/${repo.fullName}`;
  const gitUser = (who: CommitObject['author']) => ({ name: who.name, email: who.email, date: c.date });
  return {
    sha: c.sha,
    node_id: nodeId('C', c.sha),
    url: `${r}/git/commits/${c.sha}`,
    html_url: `${u.html}/${repo.fullName}/commit/${c.sha}`,
    author: gitUser(c.author),
    committer: gitUser(c.committer),
    tree: { sha: c.treeSha, url: `${r}/git/trees/${c.treeSha}` },
    message: c.message,
    parents: c.parents.map((p) => ({
      sha: p,
      url: `${r}/git/commits/${p}`,
      html_url: `${u.html}/${repo.fullName}/commit/${p}`,
    })),
    verification: UNSIGNED,
  };
}

export function diffEntryShape(u: Urls, repo: Repo, atSha: string, f: ChangedFile) {
  const path = f.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: f.sha,
    filename: f.filename,
    status: f.status,
    additions: f.additions,
    deletions: f.deletions,
    changes: f.changes,
    blob_url: `${u.html}/${repo.fullName}/blob/${atSha}/${path}`,
    raw_url: `${u.html}/${repo.fullName}/raw/${atSha}/${path}`,
    contents_url: `${u.api}/repos/${repo.fullName}/contents/${path}?ref=${atSha}`,
    ...(f.patch !== undefined ? { patch: f.patch } : {}),
  };
}

export function pullShape(world: GitHubWorld, u: Urls, repo: Repo, pull: Pull, full: boolean) {
  const r = `${u.api}/repos/${repo.fullName}`;
  const html = `${u.html}/${repo.fullName}/pull/${pull.number}`;
  const issue = repo.issues.get(pull.number);
  const baseSha = pullBase(repo, pull)?.sha ?? repo.branches.get(pull.baseRef) ?? pull.headSha;
  const repoJson = repoShape(world, u, repo);
  const ownerJson = actorShape(world, u, repo.owner);
  const labels = (issue?.labels ?? [])
    .map((n) => repo.labels.get(n.toLowerCase()))
    .filter((l): l is Label => l !== undefined)
    .map((l) => labelShape(u, repo, l));
  const assignees = (issue?.assignees ?? []).map((a) => actorShape(world, u, a));
  const link = (href: string) => ({ href });
  const shape = {
    url: `${r}/pulls/${pull.number}`,
    id: pull.id,
    node_id: nodeId('PR', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${r}/issues/${pull.number}`,
    commits_url: `${r}/pulls/${pull.number}/commits`,
    review_comments_url: `${r}/pulls/${pull.number}/comments`,
    review_comment_url: `${r}/pulls/comments{/number}`,
    comments_url: `${r}/issues/${pull.number}/comments`,
    statuses_url: `${r}/statuses/${pull.headSha}`,
    number: pull.number,
    state: issue?.state ?? pull.state,
    locked: false,
    title: issue?.title ?? pull.title,
    user: actorShape(world, u, pull.user),
    body: issue?.body ?? pull.body,
    labels,
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: issue?.updatedAt ?? pull.mergedAt ?? pull.createdAt,
    closed_at: issue?.closedAt ?? null,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    assignee: assignees[0] ?? null,
    assignees,
    requested_reviewers: [],
    requested_teams: [],
    head: {
      label: `${repo.owner}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      user: ownerJson,
      repo: repoJson,
    },
    base: { label: `${repo.owner}:${pull.baseRef}`, ref: pull.baseRef, sha: baseSha, user: ownerJson, repo: repoJson },
    _links: {
      self: link(`${r}/pulls/${pull.number}`),
      html: link(html),
      issue: link(`${r}/issues/${pull.number}`),
      comments: link(`${r}/issues/${pull.number}/comments`),
      review_comments: link(`${r}/pulls/${pull.number}/comments`),
      review_comment: link(`${r}/pulls/comments{/number}`),
      commits: link(`${r}/pulls/${pull.number}/commits`),
      statuses: link(`${r}/statuses/${pull.headSha}`),
    },
    author_association: authorAssociation(repo, pull.user),
    auto_merge: null,
    draft: false,
  };
  if (!full) return shape;
  const files = pullFiles(repo, pull);
  return {
    ...shape,
    merged: pull.merged,
    mergeable: pull.state === 'open' ? true : null,
    rebaseable: pull.state === 'open' ? true : null,
    mergeable_state: pull.state === 'open' ? 'clean' : 'unknown',
    merged_by: pull.merged ? actorShape(world, u, repo.owner) : null,
    comments: [...repo.comments.values()].filter((c) => c.issueNumber === pull.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pull.commits.length,
    additions: files.reduce((n, f) => n + f.additions, 0),
    deletions: files.reduce((n, f) => n + f.deletions, 0),
    changed_files: files.length,
  };
}

/** The commit a pull request's diff starts from: the parent of its first commit, else of its merge commit. */
export function pullBase(repo: Repo, pull: Pull): CommitObject | undefined {
  const graph = repo.graph;
  const first = pull.commits.map((sha) => graph.commits.get(sha)).find((c) => c !== undefined);
  const parentOfFirst = first?.parents[0];
  if (parentOfFirst) return graph.commits.get(parentOfFirst);
  const merge = pull.mergeCommitSha ? graph.commits.get(pull.mergeCommitSha) : undefined;
  const mergeParent = merge?.parents[0];
  return mergeParent ? graph.commits.get(mergeParent) : undefined;
}

/** What a pull request changes: base → head, or the merge commit's own change when the head is not seeded. */
export function pullFiles(repo: Repo, pull: Pull): ChangedFile[] {
  const graph = repo.graph;
  const head = graph.commits.get(pull.headSha);
  if (head) return graph.diff(pullBase(repo, pull), head);
  const merge = pull.mergeCommitSha ? graph.commits.get(pull.mergeCommitSha) : undefined;
  return merge ? graph.changes(merge) : [];
}
