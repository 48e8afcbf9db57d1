/**
 * Release endpoints as Sentry serves them: create (201 vs 208), get, update/finalize (`refs: []` clears commits),
 * list, delete, previous-with-commits, commits, repos, deploys. Validation follows Sentry's serializers
 * (protocol notes §2 and §9).
 */
import { type EmulatorContext, requireOrg, requireProject } from './context.ts';
import {
  badRequest,
  HttpError,
  json,
  notFound,
  paginate,
  parseJsonBody,
  type RequestContext,
  type Route,
  route,
} from './http.ts';
import type { CommitRecord, DeployRecord, RefRecord, ReleaseRecord } from './state.ts';

const COMMIT_FILE_CHANGE_TYPES = new Set(['A', 'D', 'M']);

/** Sentry's `Release.is_valid_version`. */
export function releaseVersionProblem(version: unknown): string | undefined {
  if (typeof version !== 'string' || version === '') return 'This field is required.';
  if (version.length > 200) return 'Ensure this field has no more than 200 characters.';
  if (/[\r\n\f\t\\/\u000b]/.test(version) || ['.', '..', 'latest'].includes(version) || version !== version.trim()) {
    return `Release with name ${version} is not allowed`;
  }
  return undefined;
}

export function serializeDeploy(d: DeployRecord) {
  return {
    id: d.id,
    environment: d.environment,
    dateStarted: d.dateStarted,
    dateFinished: d.dateFinished,
    name: d.name,
    url: d.url,
  };
}

function serializeCommit(c: CommitRecord, dateCreated: string) {
  return {
    id: c.id,
    message: c.message ?? null,
    dateCreated: c.timestamp ?? dateCreated,
    author: c.author_email ? { name: c.author_name ?? null, email: c.author_email } : null,
    repository: c.repository ? { name: c.repository } : null,
    patch_set: c.patch_set ?? [],
  };
}

export function serializeRelease(emu: EmulatorContext, r: ReleaseRecord) {
  const lastDeploy = r.deploys.at(-1);
  const head = r.commits[0];
  return {
    id: Number(r.id),
    version: r.version,
    shortVersion: r.version,
    status: r.status,
    ref: r.ref,
    url: r.url,
    dateCreated: r.dateCreated,
    dateReleased: r.dateReleased,
    data: {},
    newGroups: 0,
    owner: null,
    commitCount: r.commits.length,
    lastCommit: head ? serializeCommit(head, r.dateCreated) : null,
    deployCount: r.deploys.length,
    lastDeploy: lastDeploy ? serializeDeploy(lastDeploy) : null,
    authors: [],
    firstEvent: null,
    lastEvent: null,
    versionInfo: { buildHash: null, version: { raw: r.version }, description: r.version, package: null },
    projects: r.projects.map((slug) => {
      const p = emu.store.project(slug);
      return {
        id: Number(p?.id ?? 0),
        slug,
        name: p?.name ?? slug,
        newGroups: 0,
        platform: p?.platform ?? null,
        platforms: p?.platform ? [p.platform] : [],
        hasHealthData: false,
      };
    }),
  };
}

function getRelease(emu: EmulatorContext, version: string | undefined): ReleaseRecord {
  const release = version === undefined ? undefined : emu.store.releases.get(version);
  if (!release) throw notFound();
  return release;
}

/** Resolves project ids/slugs (numbers or strings) to slugs, or the 400 Sentry answers. */
function resolveProjects(emu: EmulatorContext, projects: unknown): string[] {
  if (projects === undefined || projects === null) throw badRequest({ projects: ['This field is required.'] });
  if (!Array.isArray(projects)) throw badRequest({ projects: ['Expected a list of items but got type "str".'] });
  if (projects.length === 0) throw badRequest({ projects: ['This list may not be empty.'] });
  const slugs: string[] = [];
  for (const entry of projects) {
    const p = typeof entry === 'string' || typeof entry === 'number' ? emu.store.project(entry) : undefined;
    if (!p) throw badRequest({ projects: ['Invalid project ids or slugs'] });
    if (!slugs.includes(p.slug)) slugs.push(p.slug);
  }
  return slugs;
}

function maxLength(field: string, value: unknown, max: number, errors: Record<string, string[]>): void {
  if (typeof value === 'string' && value.length > max) {
    errors[field] = [`Ensure this field has no more than ${max} characters.`];
  }
}

/** Sentry's CommitSerializer (+ CommitPatchSetSerializer) over a `commits` list. */
export function validateCommits(commits: unknown): CommitRecord[] {
  if (!Array.isArray(commits)) throw badRequest({ commits: ['Expected a list of items but got type "dict".'] });
  const problems: Array<Record<string, unknown>> = [];
  const out: CommitRecord[] = [];
  for (const raw of commits) {
    const c = (raw ?? {}) as Record<string, unknown>;
    const errors: Record<string, unknown> = {};
    const fieldErrors: Record<string, string[]> = {};
    if (typeof c.id !== 'string' || c.id === '') fieldErrors.id = ['This field is required.'];
    maxLength('id', c.id, 64, fieldErrors);
    maxLength('repository', c.repository, 64, fieldErrors);
    maxLength('author_name', c.author_name, 128, fieldErrors);
    maxLength('author_email', c.author_email, 75, fieldErrors);
    Object.assign(errors, fieldErrors);
    const patchSet = c.patch_set;
    if (patchSet !== undefined && patchSet !== null) {
      if (!Array.isArray(patchSet)) errors.patch_set = ['Expected a list of items but got type "dict".'];
      else {
        const patchErrors = patchSet.map((p: unknown) => {
          const change = (p ?? {}) as Record<string, unknown>;
          const e: Record<string, string[]> = {};
          if (typeof change.path !== 'string' || !change.path) e.path = ['This field is required.'];
          maxLength('path', change.path, 510, e);
          if (typeof change.type !== 'string' || !COMMIT_FILE_CHANGE_TYPES.has(change.type)) {
            e.type = [`Commit patch_set type ${String(change.type)} is not supported.`];
          }
          return e;
        });
        if (patchErrors.some((e) => Object.keys(e).length)) errors.patch_set = patchErrors;
      }
    }
    problems.push(errors);
    out.push({
      id: c.id as string,
      ...(typeof c.repository === 'string' ? { repository: c.repository } : {}),
      ...(typeof c.message === 'string' ? { message: c.message } : {}),
      ...(typeof c.author_name === 'string' ? { author_name: c.author_name } : {}),
      ...(typeof c.author_email === 'string' ? { author_email: c.author_email } : {}),
      ...(typeof c.timestamp === 'string' ? { timestamp: c.timestamp } : {}),
      ...(Array.isArray(patchSet) ? { patch_set: patchSet as Array<{ path: string; type: string }> } : {}),
    });
  }
  if (problems.some((e) => Object.keys(e).length)) throw badRequest({ commits: problems });
  return out;
}

/**
 * Sentry's ReleaseHeadCommitSerializer plus `set_refs`: every repository must be one the organization knows.
 * With no integration to fetch commits through, the emulator records each head as the release's commit.
 */
function applyRefs(emu: EmulatorContext, release: ReleaseRecord, refs: unknown): void {
  if (!Array.isArray(refs)) throw badRequest({ refs: ['Expected a list of items but got type "dict".'] });
  if (refs.length === 0) {
    release.refs = [];
    release.commits = [];
    return;
  }
  const parsed: RefRecord[] = [];
  const problems = refs.map((raw: unknown) => {
    const r = (raw ?? {}) as Record<string, unknown>;
    const e: Record<string, string[]> = {};
    if (typeof r.repository !== 'string' || !r.repository) e.repository = ['This field is required.'];
    if (typeof r.commit !== 'string' || !r.commit) e.commit = ['This field is required.'];
    maxLength('repository', r.repository, 200, e);
    maxLength('previousCommit', r.previousCommit, 64, e);
    if (!Object.keys(e).length) {
      parsed.push({
        repository: r.repository as string,
        commit: r.commit as string,
        previousCommit: typeof r.previousCommit === 'string' && r.previousCommit ? r.previousCommit : null,
      });
    }
    return e;
  });
  if (problems.some((e) => Object.keys(e).length)) throw badRequest({ refs: problems });
  const unknown = parsed.filter((r) => !emu.store.repos.some((repo) => repo.name === r.repository));
  if (unknown.length) {
    throw badRequest({ refs: [`Invalid repository names: ${unknown.map((r) => r.repository).join(',')}`] });
  }
  release.refs = parsed;
  release.commits = parsed.map((r) => ({ id: r.commit.split('..').at(-1)!, repository: r.repository }));
}

function createRelease(emu: EmulatorContext, body: Record<string, unknown>) {
  const problem = releaseVersionProblem(body.version);
  const errors: Record<string, string[]> = {};
  if (problem) errors.version = [problem];
  let projects: string[] = [];
  try {
    projects = resolveProjects(emu, body.projects);
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    Object.assign(errors, err.body as Record<string, string[]>);
  }
  if (body.url !== undefined && body.url !== null && !isUrl(body.url)) errors.url = ['Enter a valid URL.'];
  if (Object.keys(errors).length) throw badRequest(errors);

  const version = body.version as string;
  const store = emu.store;
  let release = store.releases.get(version);
  let created = false;
  if (!release) {
    release = {
      id: store.nextId(),
      version,
      projects: [],
      dateCreated: new Date().toISOString(),
      dateReleased: null,
      url: null,
      ref: null,
      status: 'open',
      commits: [],
      refs: [],
      deploys: [],
      files: [],
    };
    store.releases.set(version, release);
    created = true;
  }
  for (const slug of projects) {
    if (!release.projects.includes(slug)) {
      release.projects.push(slug);
      created = true;
    }
  }
  if (typeof body.url === 'string' && body.url) release.url = body.url;
  if (typeof body.ref === 'string' && body.ref) release.ref = body.ref;
  if (typeof body.dateReleased === 'string' && body.dateReleased) release.dateReleased = body.dateReleased;
  if (body.commits !== undefined) release.commits = validateCommits(body.commits);
  else if (body.refs !== undefined) applyRefs(emu, release, body.refs);
  return json(created ? 201 : 208, serializeRelease(emu, release));
}

function updateRelease(emu: EmulatorContext, release: ReleaseRecord, body: Record<string, unknown>) {
  const errors: Record<string, string[]> = {};
  if (body.url !== undefined && body.url !== null && body.url !== '' && !isUrl(body.url)) {
    errors.url = ['Enter a valid URL.'];
  }
  if (body.dateReleased !== undefined && body.dateReleased !== null && !isDate(body.dateReleased)) {
    errors.dateReleased = [
      'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
    ];
  }
  if (body.status !== undefined && body.status !== 'open' && body.status !== 'archived') {
    errors.status = [`"${String(body.status)}" is not a valid choice.`];
  }
  if (Object.keys(errors).length) throw badRequest(errors);
  const commits = body.commits !== undefined ? validateCommits(body.commits) : undefined;
  if (typeof body.dateReleased === 'string' && body.dateReleased) release.dateReleased = body.dateReleased;
  if (typeof body.url === 'string' && body.url) release.url = body.url;
  if (typeof body.ref === 'string' && body.ref) release.ref = body.ref;
  if (body.status === 'open' || body.status === 'archived') release.status = body.status;
  if (commits) release.commits = commits;
  else if (body.refs !== undefined) applyRefs(emu, release, body.refs);
  return json(200, serializeRelease(emu, release));
}

function createDeploy(emu: EmulatorContext, release: ReleaseRecord, body: Record<string, unknown>) {
  const errors: Record<string, string[]> = {};
  const env = body.environment;
  if (typeof env !== 'string' || env === '') errors.environment = ['This field is required.'];
  else if (env.length > 64) errors.environment = ['Ensure this field has no more than 64 characters.'];
  else if (/[\n\r\f/]/.test(env) || env === 'none') errors.environment = ['Invalid value for environment'];
  if (body.name !== undefined && body.name !== null) {
    if (typeof body.name !== 'string') errors.name = ['Not a valid string.'];
    else maxLength('name', body.name, 64, errors);
  }
  if (body.url !== undefined && body.url !== null && !isUrl(body.url)) errors.url = ['Enter a valid URL.'];
  for (const field of ['dateStarted', 'dateFinished']) {
    const v = body[field];
    if (v !== undefined && v !== null && !isDate(v)) errors[field] = ['Datetime has wrong format.'];
  }
  if (Object.keys(errors).length) throw badRequest(errors);
  let projects = release.projects;
  if (body.projects !== undefined && body.projects !== null) {
    const wanted = Array.isArray(body.projects) ? body.projects : [body.projects];
    const slugs = wanted.map((p) => emu.store.project(p as string)?.slug);
    if (slugs.some((s) => s === undefined || !release.projects.includes(s))) {
      throw badRequest({ detail: 'Invalid projects' });
    }
    projects = slugs as string[];
  }
  const deploy: DeployRecord = {
    id: emu.store.nextId(),
    environment: env as string,
    name: (body.name as string | null | undefined) ?? null,
    url: (body.url as string | null | undefined) ?? null,
    dateStarted: (body.dateStarted as string | null | undefined) ?? null,
    dateFinished: (body.dateFinished as string | null | undefined) ?? new Date().toISOString(),
    projects: [...projects],
  };
  release.deploys.push(deploy);
  return json(201, serializeDeploy(deploy));
}

/** The newest other release (created before this one, sharing a project when one is given) that has commits. */
function previousWithCommits(emu: EmulatorContext, release: ReleaseRecord, project: string | null) {
  const slug = project ? emu.store.project(project)?.slug : undefined;
  const candidates = [...emu.store.releases.values()]
    .filter((r) => r !== release && r.commits.length > 0 && createdOrder(r, release) < 0)
    .filter((r) => !slug || r.projects.includes(slug))
    .sort((a, b) => createdOrder(b, a));
  const previous = candidates[0];
  return json(200, previous ? serializeRelease(emu, previous) : {});
}

/** Creation order: by dateCreated, then by id for releases created in the same millisecond. */
function createdOrder(a: ReleaseRecord, b: ReleaseRecord): number {
  return a.dateCreated.localeCompare(b.dateCreated) || Number(a.id) - Number(b.id);
}

export function isUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function isDate(value: unknown): boolean {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

export function releaseRoutes(emu: EmulatorContext): Route[] {
  const base = '/api/0/organizations/{org}/releases';
  const org =
    (handler: Parameters<typeof route>[2]): Parameters<typeof route>[2] =>
    (ctx) => {
      requireOrg(emu, ctx);
      return handler(ctx);
    };
  const listReleases = (ctx: RequestContext, slug: string | undefined) => {
    const query = ctx.url.searchParams.get('query');
    const list = [...emu.store.releases.values()]
      .filter((r) => !slug || r.projects.includes(slug))
      .filter((r) => !query || r.version.includes(query))
      .sort((a, b) => createdOrder(b, a));
    return paginate(
      ctx,
      emu.baseUrl(),
      list.map((r) => serializeRelease(emu, r)),
    );
  };
  return [
    route(
      'GET',
      `${base}/`,
      org((ctx) => {
        const project = ctx.url.searchParams.get('project');
        return listReleases(ctx, project ? (emu.store.project(project)?.slug ?? '\0') : undefined);
      }),
    ),
    route(
      'POST',
      `${base}/`,
      org((ctx) => createRelease(emu, parseJsonBody(ctx))),
    ),
    route(
      'GET',
      '/api/0/projects/{org}/{project}/releases/',
      org((ctx) => {
        const project = requireProject(emu, ctx);
        return listReleases(ctx, project.slug);
      }),
    ),
    route(
      'POST',
      '/api/0/projects/{org}/{project}/releases/',
      org((ctx) => {
        const project = requireProject(emu, ctx);
        return createRelease(emu, { ...parseJsonBody(ctx), projects: [project.slug] });
      }),
    ),
    route(
      'GET',
      `${base}/{version}/`,
      org((ctx) => json(200, serializeRelease(emu, getRelease(emu, ctx.params.version)))),
    ),
    route(
      'PUT',
      `${base}/{version}/`,
      org((ctx) => {
        const release = getRelease(emu, ctx.params.version);
        return updateRelease(emu, release, parseJsonBody(ctx));
      }),
    ),
    route(
      'DELETE',
      `${base}/{version}/`,
      org((ctx) => {
        const release = getRelease(emu, ctx.params.version);
        // Sentry's UnsafeReleaseDeletion: issues first seen in this release keep it alive.
        const referenced = [...emu.store.issues.values()].some(
          (i) => (i.firstRelease as { version?: string } | null | undefined)?.version === release.version,
        );
        if (referenced) {
          throw badRequest({ detail: 'This release is referenced by active issues and cannot be removed.' });
        }
        emu.store.releases.delete(release.version);
        return { status: 204 };
      }),
    ),
    route(
      'GET',
      `${base}/{version}/previous-with-commits/`,
      org((ctx) => previousWithCommits(emu, getRelease(emu, ctx.params.version), ctx.url.searchParams.get('project'))),
    ),
    route(
      'GET',
      `${base}/{version}/commits/`,
      org((ctx) => {
        const release = getRelease(emu, ctx.params.version);
        return paginate(
          ctx,
          emu.baseUrl(),
          release.commits.map((c) => serializeCommit(c, release.dateCreated)),
        );
      }),
    ),
    route(
      'GET',
      `${base}/{version}/deploys/`,
      org((ctx) => {
        const release = getRelease(emu, ctx.params.version);
        return paginate(ctx, emu.baseUrl(), [...release.deploys].reverse().map(serializeDeploy));
      }),
    ),
    route(
      'POST',
      `${base}/{version}/deploys/`,
      org((ctx) => createDeploy(emu, getRelease(emu, ctx.params.version), parseJsonBody(ctx))),
    ),
    route(
      'GET',
      '/api/0/organizations/{org}/repos/',
      org((ctx) => paginate(ctx, emu.baseUrl(), emu.store.repos)),
    ),
  ];
}
