/** Server-side rules of the emulator's release endpoints, as Sentry enforces them (protocol notes §2, §9). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSentryEmulator, type SentryEmulator } from '../server.ts';
import { call, org, useSentryEmulator } from './helpers.ts';

describe('Sentry emulator: auth and organization', () => {
  let emu: SentryEmulator;
  beforeAll(async () => {
    emu = await startSentryEmulator({ seed: { tokens: [{ token: 'read-only', scopes: ['org:read'] }] } });
  });
  afterAll(() => emu.close());

  it('generates a sentry-style token when none is given and accepts only it (and seeded ones)', async () => {
    expect(emu.token).toMatch(/^sntryu_[0-9a-f]{64}$/);
    expect((await call(emu, 'GET', org('releases/'))).status).toBe(200);
    const missing = await call(emu, 'GET', org('releases/'), { token: null });
    expect(missing).toMatchObject({ status: 401, json: { detail: 'Authentication credentials were not provided.' } });
    const wrong = await call(emu, 'GET', org('releases/'), { token: 'nope' });
    expect(wrong).toMatchObject({ status: 401, json: { detail: 'Invalid token' } });
    expect(wrong.headers.get('content-type')).toBe('application/json');
  });

  it('GET /api/0/ tells who the token is and its scopes, and answers anonymous callers with auth null', async () => {
    expect((await call(emu, 'GET', '/api/0/')).json).toMatchObject({
      auth: { scopes: expect.arrayContaining(['project:releases', 'org:ci']) },
    });
    expect((await call(emu, 'GET', '/api/0/', { token: 'read-only' })).json).toMatchObject({
      auth: { scopes: ['org:read'] },
    });
    expect((await call(emu, 'GET', '/api/0/', { token: null })).json).toEqual({ version: '0', auth: null, user: null });
  });

  it('serves organization acme with projects web and api; other slugs are 404', async () => {
    expect((await call(emu, 'GET', '/api/0/organizations/acme/')).json).toMatchObject({ slug: 'acme' });
    expect((await call(emu, 'GET', '/api/0/organizations/globex/')).status).toBe(404);
    expect((await call(emu, 'GET', '/api/0/organizations/globex/releases/')).status).toBe(404);
    const projects = (await call(emu, 'GET', org('projects/'))).json as Array<{ slug: string }>;
    expect(projects.map((p) => p.slug)).toEqual(['web', 'api']);
    expect((await call(emu, 'GET', '/api/0/projects/acme/api/')).json).toMatchObject({ slug: 'api', id: '2' });
    expect((await call(emu, 'GET', '/api/0/projects/acme/mobile/')).status).toBe(404);
  });

  it('answers unknown API paths with 404 and wrong methods with 405, in JSON', async () => {
    expect(await call(emu, 'GET', '/api/0/nothing/here/')).toMatchObject({
      status: 404,
      json: { detail: expect.any(String) },
    });
    expect((await call(emu, 'PATCH', org('releases/'))).status).toBe(405);
  });
});

describe('Sentry emulator: releases', () => {
  let emu: SentryEmulator;
  useSentryEmulator({}, (started) => (emu = started));

  it('creates a release with 201, answers 208 when nothing changed and 201 again when a project is added', async () => {
    const first = await call(emu, 'POST', org('releases/'), { json: { version: '1.0.0', projects: ['web'] } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      version: '1.0.0',
      dateCreated: expect.any(String),
      projects: [{ slug: 'web' }],
    });
    const again = await call(emu, 'POST', org('releases/'), { json: { version: '1.0.0', projects: ['web'] } });
    expect(again.status).toBe(208);
    // Projects may be numeric ids, as numbers or strings.
    const more = await call(emu, 'POST', org('releases/'), { json: { version: '1.0.0', projects: [2, '1'] } });
    expect(more.status).toBe(201);
    expect(emu.state().releases[0]!.projects).toEqual(['web', 'api']);
  });

  it('refuses versions Sentry refuses, naming the field', async () => {
    for (const version of ['', '.', '..', 'latest', 'a/b', 'a\nb', ' padded', 'x'.repeat(201), 'back\\slash']) {
      const res = await call(emu, 'POST', org('releases/'), { json: { version, projects: ['web'] } });
      expect(res.status, JSON.stringify(version)).toBe(400);
      expect(res.json).toHaveProperty('version');
    }
    expect(emu.state().releases).toEqual([]);
  });

  it('refuses missing, empty and unknown projects', async () => {
    expect((await call(emu, 'POST', org('releases/'), { json: { version: '1' } })).json).toEqual({
      projects: ['This field is required.'],
    });
    expect((await call(emu, 'POST', org('releases/'), { json: { version: '1', projects: [] } })).status).toBe(400);
    expect(
      (await call(emu, 'POST', org('releases/'), { json: { version: '1', projects: ['web', 'mobile'] } })).json,
    ).toEqual({ projects: ['Invalid project ids or slugs'] });
    const bad = await call(emu, 'POST', org('releases/'), { body: '{not json', contentType: 'application/json' });
    expect(bad.status).toBe(400);
    expect(emu.state().releases).toEqual([]);
  });

  it('updates and finalizes: 404 for an unknown release; commits validated; refs [] clears them', async () => {
    expect(
      (await call(emu, 'PUT', org('releases/nope/'), { json: { dateReleased: '2026-01-01T00:00:00Z' } })).status,
    ).toBe(404);
    await call(emu, 'POST', org('releases/'), { json: { version: 'web@1', projects: ['web'] } });
    const commits = [
      { id: 'c'.repeat(40), repository: 'acme/web', message: 'fix', patch_set: [{ path: 'a.ts', type: 'M' }] },
    ];
    // sentry-cli leaves `@` raw, other clients percent-encode it: both name the release.
    const put = await call(emu, 'PUT', org('releases/web%401/'), {
      json: { commits, dateReleased: '2026-01-01T00:00:00Z', url: 'https://example.com/r', projects: ['web'] },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({
      commitCount: 1,
      lastCommit: { id: 'c'.repeat(40) },
      dateReleased: '2026-01-01T00:00:00Z',
    });
    expect(emu.state().releases[0]).toMatchObject({ commits, url: 'https://example.com/r' });

    const badType = await call(emu, 'PUT', org('releases/web@1/'), {
      json: { commits: [{ id: 'd'.repeat(40), patch_set: [{ path: 'a', type: 'X' }] }] },
    });
    expect(badType.status).toBe(400);
    expect(JSON.stringify(badType.json)).toContain('Commit patch_set type X is not supported');
    const noId = await call(emu, 'PUT', org('releases/web@1/'), { json: { commits: [{ message: 'x' }] } });
    expect(noId.json).toEqual({ commits: [{ id: ['This field is required.'] }] });
    expect(emu.state().releases[0]!.commits).toEqual(commits);

    await call(emu, 'PUT', org('releases/web@1/'), { json: { refs: [] } });
    expect(emu.state().releases[0]!.commits).toEqual([]);
  });

  it('accepts refs only for repositories the organization knows', async () => {
    await call(emu, 'POST', org('releases/'), { json: { version: '2', projects: ['web'] } });
    const unknown = await call(emu, 'PUT', org('releases/2/'), {
      json: { refs: [{ repository: 'acme/web', commit: 'a'.repeat(40), previousCommit: null }] },
    });
    expect(unknown.json).toEqual({ refs: ['Invalid repository names: acme/web'] });
    emu.seed({ repos: [{ name: 'acme/web' }] });
    expect((await call(emu, 'GET', org('repos/'))).json).toMatchObject([
      { name: 'acme/web', provider: { name: 'GitHub' } },
    ]);
    const ok = await call(emu, 'PUT', org('releases/2/'), {
      json: { refs: [{ repository: 'acme/web', commit: 'a'.repeat(40), previousCommit: null }] },
    });
    expect(ok.status).toBe(200);
    expect(emu.state().releases[0]!.refs).toEqual([
      { repository: 'acme/web', commit: 'a'.repeat(40), previousCommit: null },
    ]);
  });

  it('previous-with-commits answers {} for the first release and the previous release with commits after', async () => {
    emu.seed({
      releases: [
        { version: 'old', projects: ['web'], commits: [{ id: 'e'.repeat(40) }], dateCreated: '2026-01-01T00:00:00Z' },
        {
          version: 'api-only',
          projects: ['api'],
          commits: [{ id: 'f'.repeat(40) }],
          dateCreated: '2026-01-02T00:00:00Z',
        },
      ],
    });
    await call(emu, 'POST', org('releases/'), { json: { version: 'new', projects: ['web'] } });
    expect((await call(emu, 'GET', org('releases/old/previous-with-commits/'))).json).toEqual({});
    const prev = await call(emu, 'GET', org('releases/new/previous-with-commits/?project=web'));
    expect(prev.json).toMatchObject({ version: 'old', lastCommit: { id: 'e'.repeat(40) } });
    expect((await call(emu, 'GET', org('releases/new/previous-with-commits/'))).json).toMatchObject({
      version: 'api-only',
    });
    expect((await call(emu, 'GET', org('releases/missing/previous-with-commits/'))).status).toBe(404);
  });

  it('lists releases newest first with Link pagination, filtered by project', async () => {
    for (let i = 0; i < 5; i++) {
      await call(emu, 'POST', org('releases/'), { json: { version: `v${i}`, projects: [i % 2 ? 'api' : 'web'] } });
    }
    const page1 = await call(emu, 'GET', org('releases/?per_page=2'));
    expect((page1.json as Array<{ version: string }>).map((r) => r.version)).toEqual(['v4', 'v3']);
    const next = /<([^>]+)>; rel="next"; results="true"/.exec(page1.headers.get('link') ?? '')?.[1];
    expect(next).toBeDefined();
    const page2 = await call(emu, 'GET', new URL(next!).pathname + new URL(next!).search);
    expect((page2.json as Array<{ version: string }>).map((r) => r.version)).toEqual(['v2', 'v1']);
    const web = await call(emu, 'GET', org('releases/?project=web'));
    expect((web.json as Array<{ version: string }>).map((r) => r.version)).toEqual(['v4', 'v2', 'v0']);
    expect(web.headers.get('link')).toContain('rel="next"; results="false"');
  });

  it('records deploys: 201, nulls accepted, projects default to the release’s and must be among them', async () => {
    await call(emu, 'POST', org('releases/'), { json: { version: 'd1', projects: ['web', 'api'] } });
    expect(
      (await call(emu, 'POST', org('releases/none/deploys/'), { json: { environment: 'production' } })).status,
    ).toBe(404);
    const deploy = await call(emu, 'POST', org('releases/d1/deploys/'), {
      json: { environment: 'production', name: null, url: null, dateStarted: null, dateFinished: null },
    });
    expect(deploy.status).toBe(201);
    expect(deploy.json).toMatchObject({
      environment: 'production',
      name: null,
      url: null,
      dateFinished: expect.any(String),
    });
    expect((await call(emu, 'POST', org('releases/d1/deploys/'), { json: {} })).json).toEqual({
      environment: ['This field is required.'],
    });
    expect((await call(emu, 'POST', org('releases/d1/deploys/'), { json: { environment: 'a/b' } })).status).toBe(400);
    expect(
      (await call(emu, 'POST', org('releases/d1/deploys/'), { json: { environment: 'qa', projects: ['mobile'] } }))
        .status,
    ).toBe(400);
    await call(emu, 'POST', org('releases/d1/deploys/'), { json: { environment: 'qa', projects: ['api'] } });
    expect(emu.state().releases[0]!.deploys.map((d) => [d.environment, d.projects])).toEqual([
      ['production', ['web', 'api']],
      ['qa', ['api']],
    ]);
    const list = (await call(emu, 'GET', org('releases/d1/deploys/'))).json as Array<{ environment: string }>;
    expect(list.map((d) => d.environment)).toEqual(['qa', 'production']);
    expect((await call(emu, 'GET', org('releases/d1/'))).json).toMatchObject({
      deployCount: 2,
      lastDeploy: { environment: 'qa' },
    });
  });

  it('keeps legacy release files: multipart upload, 409 on the same name and dist, list, delete', async () => {
    await call(emu, 'POST', org('releases/'), { json: { version: 'f1', projects: ['web'] } });
    const form = () => {
      const f = new FormData();
      f.append('file', new Blob(['console.log(1)']), 'app.js');
      f.append('name', '~/app.js');
      f.append('header', 'Sourcemap:app.js.map');
      return f;
    };
    const up = await call(emu, 'POST', org('releases/f1/files/'), { body: form() });
    expect(up.status).toBe(201);
    expect(up.json).toMatchObject({ name: '~/app.js', dist: null, headers: { Sourcemap: 'app.js.map' }, size: 14 });
    expect((await call(emu, 'POST', '/api/0/projects/acme/web/releases/f1/files/', { body: form() })).status).toBe(409);
    const list = (await call(emu, 'GET', org('releases/f1/files/'))).json as Array<{ id: string }>;
    expect(list).toHaveLength(1);
    expect((await call(emu, 'DELETE', org(`releases/f1/files/${list[0]!.id}/`))).status).toBe(204);
    expect(emu.state().releases[0]!.files).toEqual([]);
  });
});
