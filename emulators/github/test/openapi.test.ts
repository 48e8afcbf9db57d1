/**
 * Every route the GitHub emulator serves, checked against GitHub's published OpenAPI description: the path and
 * method exist, the query parameters and body fields the emulator reads are documented, and each answer Octokit
 * receives has a documented status and carries the types and required properties of the documented schema.
 */
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from '../routes.ts';
import { startGitHubEmulator, type GitHubEmulator } from '../server.ts';
import { GitHubWorld } from '../state.ts';
import { quiet, seed, SHA } from './fixture.ts';
import {
  checkShape,
  loadGitHubDescription,
  operation,
  queryParameters,
  requestBodyFields,
  responseSchema,
  type Description,
} from './openapi.ts';

interface Exchange {
  method: string;
  template: string;
  status: number;
  data: unknown;
  contentType: string;
}

/**
 * Places where the description contradicts itself, so a real GitHub answer would fail the check too. The list
 * response of GET /app/installations inlines `installation.account` as `allOf: [simple-user, enterprise]`, while
 * the `installation` component (and GitHub) say `anyOf`: an organization account carries no enterprise fields.
 */
const KNOWN_DESCRIPTION_QUIRKS = [
  {
    route: 'GET /app/installations',
    problem: /^\$\[\d+\]\.account: missing required "(name|slug|created_at|updated_at)"$/,
  },
];

let emu: GitHubEmulator;
let spec: Description;
const exchanges: Exchange[] = [];

function recording(auth: string): Octokit {
  const octokit = new Octokit({ baseUrl: emu.apiUrl, auth, log: quiet });
  const record = (
    options: { method: string; url: string },
    status: number,
    data: unknown,
    headers: Record<string, unknown>,
  ) =>
    exchanges.push({
      method: options.method,
      template: options.url.replace(/\{\?.*\}$/, ''),
      status,
      data,
      contentType: String(headers['content-type'] ?? ''),
    });
  octokit.hook.after('request', (response, options) => {
    record(options, response.status, response.data, response.headers);
  });
  octokit.hook.error('request', (error, options) => {
    const e = error as { status?: number; response?: { data: unknown; headers: Record<string, unknown> } };
    if (e.response && e.status) record(options, e.status, e.response.data, e.response.headers);
    throw error;
  });
  return octokit;
}

/** Calls every route at least once (and a few error cases), recording what Octokit received. */
async function exerciseEveryRoute(): Promise<void> {
  const app = recording(emu.appJwt());
  const gh = recording(emu.installationToken(1));
  const web = { owner: 'acme', repo: 'web' };
  const failing = async (p: Promise<unknown>) => p.catch(() => undefined);

  await app.rest.apps.getAuthenticated();
  await app.rest.apps.listInstallations();
  await app.rest.apps.getInstallation({ installation_id: 1 });
  await app.rest.apps.createInstallationAccessToken({ installation_id: 1, repositories: ['web'] });
  await app.rest.apps.getRepoInstallation(web);
  await app.rest.apps.getOrgInstallation({ org: 'acme' });
  await app.rest.apps.getUserInstallation({ username: 'acme' });
  await gh.rest.apps.listReposAccessibleToInstallation({ per_page: 1 });
  await gh.rest.rateLimit.get();

  await gh.rest.repos.get(web);
  await gh.rest.repos.getBranch({ ...web, branch: 'main' });
  await gh.rest.git.getRef({ ...web, ref: 'heads/main' });
  await gh.rest.repos.getContent({ ...web, path: 'src/cart/total.js', ref: SHA.bug });
  await gh.rest.repos.getContent({ ...web, path: 'src' });
  await failing(gh.rest.repos.getContent({ ...web, path: 'missing.txt' }));
  const tree = await gh.rest.git.getTree({ ...web, tree_sha: 'main', recursive: 'true' });
  await gh.rest.git.getBlob({ ...web, file_sha: tree.data.tree.find((e) => e.type === 'blob')!.sha! });
  await gh.rest.git.getCommit({ ...web, commit_sha: SHA.bug });
  await gh.rest.repos.listCommits({ ...web, path: 'src', per_page: 2 });
  await gh.rest.repos.getCommit({ ...web, ref: SHA.fix });
  await failing(gh.rest.repos.getCommit({ ...web, ref: 'f00d' }));
  await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...web, commit_sha: SHA.regress });
  await gh.rest.repos.compareCommitsWithBasehead({ ...web, basehead: 'main...feature/tax' });
  await gh.rest.pulls.list({ ...web, state: 'all' });
  await gh.rest.pulls.get({ ...web, pull_number: 3 });
  await gh.rest.pulls.get({ ...web, pull_number: 4 });
  await gh.rest.pulls.listFiles({ ...web, pull_number: 3 });
  await gh.rest.pulls.listCommits({ ...web, pull_number: 3 });

  const { data: issue } = await gh.rest.issues.create({
    ...web,
    title: 'TypeError: boom',
    body: '<!-- faultline:sentry-issue:1 -->',
    labels: ['bug'],
    assignees: ['alice'],
  });
  await failing(gh.rest.issues.create({ ...web, title: '' }));
  const n = { ...web, issue_number: issue.number };
  await gh.rest.issues.get(n);
  await gh.rest.issues.get({ ...web, issue_number: 3 });
  await gh.rest.issues.update({ ...n, state: 'closed', state_reason: 'not_planned' });
  await gh.rest.issues.listForRepo({ ...web, state: 'all' });
  const { data: comment } = await gh.rest.issues.createComment({ ...n, body: 'hello' });
  await gh.rest.issues.updateComment({ ...web, comment_id: comment.id, body: 'hi' });
  await gh.rest.issues.getComment({ ...web, comment_id: comment.id });
  await gh.rest.issues.listComments(n);
  await gh.rest.issues.deleteComment({ ...web, comment_id: comment.id });
  await gh.rest.issues.createLabel({ ...web, name: 'sentry', color: '362d59', description: 'from Sentry' });
  await gh.rest.issues.getLabel({ ...web, name: 'sentry' });
  await gh.rest.issues.updateLabel({ ...web, name: 'sentry', color: '000000' });
  await gh.rest.issues.listLabelsForRepo(web);
  await gh.rest.issues.addLabels({ ...n, labels: ['sentry'] });
  await gh.rest.issues.setLabels({ ...n, labels: ['bug', 'sentry'] });
  await gh.rest.issues.listLabelsOnIssue(n);
  await gh.rest.issues.removeLabel({ ...n, name: 'bug' });
  await gh.rest.issues.removeAllLabels(n);
  await gh.rest.issues.deleteLabel({ ...web, name: 'sentry' });
  await gh.rest.issues.listAssignees(web);
  await gh.rest.issues.checkUserCanBeAssigned({ ...web, assignee: 'bob' });
  await gh.rest.issues.addAssignees({ ...n, assignees: ['bob'] });
  await gh.rest.issues.removeAssignees({ ...n, assignees: ['alice'] });
  await gh.rest.search.issuesAndPullRequests({ q: 'repo:acme/web "faultline:sentry-issue:1"' });
}

beforeAll(async () => {
  spec = loadGitHubDescription();
  emu = await startGitHubEmulator({ seed });
  await exerciseEveryRoute();
});
afterAll(() => emu.close());

describe("GitHub's OpenAPI description", () => {
  it('documents every route the emulator serves (path and method)', () => {
    const problems: string[] = [];
    for (const route of emu.routes) {
      const op = operation(spec, route.method, route.template);
      if (!op) {
        problems.push(
          `${route.method} ${route.template}: not in GitHub's description (after adding a route: npm run openapi:trim)`,
        );
        continue;
      }
    }
    expect(problems).toEqual([]);
    expect(emu.routes.length).toBeGreaterThanOrEqual(45);
  });

  it('documents the query parameters and request-body fields each route reads', () => {
    const problems: string[] = [];
    for (const route of allRoutes(new GitHubWorld())) {
      const op = operation(spec, route.method, route.template)!;
      const query = new Set(queryParameters(spec, op));
      for (const q of route.query ?? [])
        if (!query.has(q)) problems.push(`${route.method} ${route.template}: query "${q}"`);
      const fields = requestBodyFields(spec, op);
      for (const f of route.body ?? [])
        if (!fields.has(f)) problems.push(`${route.method} ${route.template}: body "${f}"`);
    }
    expect(problems).toEqual([]);
  });

  it('answered every route at least once with a 2xx during the exercise', () => {
    const answered = new Set(exchanges.filter((e) => e.status < 300).map((e) => `${e.method} ${e.template}`));
    const missing = emu.routes.map((r) => `${r.method} ${r.template}`).filter((r) => !answered.has(r));
    expect(missing).toEqual([]);
  });

  it('answers with documented statuses and bodies that carry the documented types and required properties', () => {
    const problems: string[] = [];
    for (const e of exchanges) {
      const op = operation(spec, e.method, e.template);
      if (!op) {
        problems.push(`${e.method} ${e.template}: unknown operation`);
        continue;
      }
      const { documented, schema } = responseSchema(spec, op, e.status);
      if (!documented) {
        problems.push(`${e.method} ${e.template}: status ${e.status} is not documented`);
        continue;
      }
      if (!schema || !e.contentType.startsWith('application/json')) continue;
      for (const p of checkShape(spec, schema, e.data)) {
        const quirk = KNOWN_DESCRIPTION_QUIRKS.find(
          (q) => q.route === `${e.method} ${e.template}` && q.problem.test(p),
        );
        if (!quirk) problems.push(`${e.method} ${e.template} ${e.status} ${p}`);
      }
    }
    expect(problems).toEqual([]);
    expect(exchanges.length).toBeGreaterThanOrEqual(emu.routes.length + 3);
  });

  it('catches a missing required property and a wrong type (the checker can fail)', () => {
    const op = operation(spec, 'GET', '/repos/{owner}/{repo}/issues/{issue_number}')!;
    const schema = responseSchema(spec, op, 200).schema!;
    const good = exchanges.find(
      (e) => e.template === '/repos/{owner}/{repo}/issues/{issue_number}' && e.status === 200,
    )!;
    expect(checkShape(spec, schema, good.data)).toEqual([]);
    const { number: _number, ...withoutNumber } = good.data as Record<string, unknown>;
    expect(checkShape(spec, schema, withoutNumber)).toContain('$: missing required "number"');
    expect(checkShape(spec, schema, { ...withoutNumber, number: 'seven', state: 'open' })).toContain(
      '$.number: expected integer, got string',
    );
  });
});
