/** Issues, events, comments and external-issue links in the emulator, seeded through the inspection API. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SentryEmulator } from '../server.ts';
import { call, org, useSentryEmulator } from './helpers.ts';

const INSTALLATION = '7f1c9a52-5b7e-4c1d-9e3a-2d4b6f8a0c11';

const SEED = {
  issues: [
    {
      id: '42',
      shortId: 'WEB-1A',
      project: 'web',
      title: "TypeError: Cannot read properties of null (reading 'name')",
      level: 'error',
      status: 'unresolved',
      culprit: 'greet(app)',
    },
    { id: '43', project: 'api', title: 'Error: boom' },
  ],
  events: [
    {
      issueId: '42',
      eventID: 'a'.repeat(32),
      release: 'web@1.4.0',
      environment: 'production',
      dateCreated: '2026-01-01T10:00:00Z',
      exception: {
        values: [
          {
            type: 'TypeError',
            value: "Cannot read properties of null (reading 'name')",
            stacktrace: {
              frames: [
                {
                  filename: 'app.js',
                  abs_path: 'https://shop.example.com/app.js',
                  function: 'greet',
                  lineno: 3,
                  colno: 9,
                  in_app: true,
                  pre_context: ['function greet(u) {', '  // why'],
                  context_line: '  return u.name;',
                  post_context: ['}'],
                },
              ],
            },
          },
        ],
      },
    },
    {
      issueId: '42',
      eventID: 'b'.repeat(32),
      environment: 'staging',
      dateCreated: '2026-01-02T10:00:00Z',
      entries: [
        {
          type: 'exception',
          data: { values: [{ type: 'TypeError', stacktrace: { frames: [{ absPath: 'x.js', lineNo: 1 }] } }] },
        },
      ],
    },
  ],
};

describe('Sentry emulator: issues and events', () => {
  let emu: SentryEmulator;
  useSentryEmulator({}, (started) => (emu = started));
  beforeEach(async () => {
    expect((await call(emu, 'POST', '/__emulator/seed', { json: SEED, token: null })).status).toBe(200);
  });

  it('serves a seeded issue under the organization, the old path and its short id', async () => {
    const res = await call(emu, 'GET', org('issues/42/'));
    expect(res.json).toMatchObject({
      id: '42',
      shortId: 'WEB-1A',
      status: 'unresolved',
      culprit: 'greet(app)',
      project: { id: '1', slug: 'web' },
      permalink: `${emu.url}/organizations/acme/issues/42/`,
      assignedTo: null,
    });
    expect((await call(emu, 'GET', '/api/0/issues/42/')).json).toEqual(res.json);
    expect((await call(emu, 'GET', org('issues/WEB-1A/'))).json).toMatchObject({ id: '42' });
    expect((await call(emu, 'GET', org('issues/999/'))).status).toBe(404);
    expect((await call(emu, 'GET', org('issues/43/'))).json).toMatchObject({ shortId: 'API-43', level: 'error' });
  });

  it('applies status and assignee changes as Sentry does, visible in state', async () => {
    const resolved = await call(emu, 'PUT', org('issues/42/'), { json: { status: 'resolvedInNextRelease' } });
    expect(resolved.json).toMatchObject({
      status: 'resolved',
      statusDetails: { inNextRelease: true },
      substatus: null,
    });
    const ignored = await call(emu, 'PUT', '/api/0/issues/42/', {
      json: { status: 'ignored', substatus: 'archived_until_escalating' },
    });
    expect(ignored.json).toMatchObject({ status: 'ignored', substatus: 'archived_until_escalating' });
    await call(emu, 'PUT', org('issues/42/'), { json: { status: 'unresolved', assignedTo: 'ada@example.com' } });
    expect(emu.state().issues.find((i) => i.id === '42')).toMatchObject({
      status: 'unresolved',
      substatus: 'ongoing',
      assignedTo: { type: 'user', id: '1', email: 'ada@example.com' },
    });
    await call(emu, 'PUT', org('issues/42/'), { json: { assignedTo: null } });
    expect(emu.state().issues.find((i) => i.id === '42')!.assignedTo).toBeNull();

    expect((await call(emu, 'PUT', org('issues/42/'), { json: { status: 'fixed' } })).json).toEqual({
      status: ['"fixed" is not a valid choice.'],
    });
    expect((await call(emu, 'PUT', org('issues/42/'), { json: { assignedTo: 'user:999' } })).json).toEqual({
      assignedTo: ['Unknown actor input'],
    });
    expect(
      (
        await call(emu, 'PUT', org('issues/42/'), {
          json: { status: 'resolved', statusDetails: { inRelease: 'nope' } },
        })
      ).status,
    ).toBe(400);
  });

  it('serves events in the REST shape: camelCase frames with context, release and environment tags', async () => {
    const latest = await call(emu, 'GET', org('issues/42/events/latest/'));
    expect(latest.json).toMatchObject({ eventID: 'b'.repeat(32), groupID: '42', projectID: '1' });
    const oldest = await call(emu, 'GET', '/api/0/issues/42/events/oldest/');
    expect(oldest.json).toMatchObject({
      id: 'a'.repeat(32),
      release: { version: 'web@1.4.0' },
      tags: [
        { key: 'environment', value: 'production' },
        { key: 'release', value: 'web@1.4.0' },
      ],
      entries: [
        {
          type: 'exception',
          data: {
            values: [
              {
                type: 'TypeError',
                stacktrace: {
                  frames: [
                    {
                      filename: 'app.js',
                      absPath: 'https://shop.example.com/app.js',
                      function: 'greet',
                      lineNo: 3,
                      colNo: 9,
                      inApp: true,
                      context: [
                        [1, 'function greet(u) {'],
                        [2, '  // why'],
                        [3, '  return u.name;'],
                        [4, '}'],
                      ],
                    },
                  ],
                },
              },
            ],
          },
        },
      ],
    });
    expect((await call(emu, 'GET', org('issues/42/events/latest/?environment=production'))).json).toMatchObject({
      eventID: 'a'.repeat(32),
    });
    expect((await call(emu, 'GET', `/api/0/projects/acme/web/events/${'a'.repeat(32)}/`)).json).toEqual(oldest.json);
    expect((await call(emu, 'GET', `/api/0/projects/acme/api/events/${'a'.repeat(32)}/`)).status).toBe(404);
    expect((await call(emu, 'GET', org('issues/43/events/latest/'))).status).toBe(404);
    expect(((await call(emu, 'GET', org('issues/42/events/'))).json as unknown[]).length).toBe(2);
  });

  it('adds comments on both paths', async () => {
    const res = await call(emu, 'POST', org('issues/42/comments/'), { json: { text: 'Tracked in acme/web#12' } });
    expect(res).toMatchObject({ status: 201, json: { type: 'note', data: { text: 'Tracked in acme/web#12' } } });
    await call(emu, 'POST', '/api/0/issues/42/notes/', { json: { text: 'second' } });
    expect((await call(emu, 'POST', org('issues/42/comments/'), { json: {} })).status).toBe(400);
    expect(emu.state().comments.map((c) => [c.issueId, c.text])).toEqual([
      ['42', 'Tracked in acme/web#12'],
      ['42', 'second'],
    ]);
  });

  it('links an external issue once per issue and app, shows it as an annotation, and unlinks it', async () => {
    const path = `/api/0/sentry-app-installations/${INSTALLATION}/external-issues/`;
    const body = {
      issueId: 42,
      webUrl: 'https://github.com/acme/web/issues/12',
      project: 'acme/web',
      identifier: '12',
    };
    const created = await call(emu, 'POST', path, { json: body });
    expect(created.json).toMatchObject({
      issueId: '42',
      serviceType: 'faultline',
      displayName: 'acme/web#12',
      webUrl: body.webUrl,
    });
    // A second link for the same issue and app updates the one link (Sentry's update_or_create), 200 again.
    const moved = { ...body, webUrl: 'https://github.com/acme/web/issues/13', identifier: '13' };
    const relinked = await call(emu, 'POST', path, { json: moved });
    expect(relinked.status).toBe(200);
    expect(relinked.json).toMatchObject({ id: (created.json as { id: string }).id, displayName: 'acme/web#13' });
    expect((await call(emu, 'GET', org('issues/42/'))).json).toMatchObject({
      annotations: [{ displayName: 'acme/web#13', url: moved.webUrl }],
    });
    expect((await call(emu, 'POST', path, { json: { ...body, issueId: 999 } })).status).toBe(404);
    expect((await call(emu, 'POST', path, { json: { ...body, webUrl: 'nope' } })).json).toEqual({
      webUrl: ['Enter a valid URL.'],
    });
    expect(
      (await call(emu, 'POST', '/api/0/sentry-app-installations/unknown/external-issues/', { json: body })).status,
    ).toBe(404);
    const id = (created.json as { id: string }).id;
    expect((await call(emu, 'DELETE', `${path}${id}/`)).status).toBe(204);
    expect(emu.state().externalIssues).toEqual([]);
    expect((await call(emu, 'DELETE', `${path}${id}/`)).status).toBe(404);
  });

  it('reset returns to the start seed: default org, projects and installation, no issues', async () => {
    emu.reset();
    const state = emu.state();
    expect(state.issues).toEqual([]);
    expect(state.projects.map((p) => p.slug)).toEqual(['web', 'api']);
    expect(state.installations.map((i) => i.uuid)).toEqual([INSTALLATION]);
  });
});
