/** `POST /__emulator/events`: new errors create issues, join them, and regress resolved ones, as Sentry does. */
import { describe, expect, it } from 'vitest';
import type { SentryEmulator } from '../server.ts';
import { call, org, useSentryEmulator, useWebhookReceiver } from './helpers.ts';

const EXCEPTION = {
  values: [
    {
      type: 'RangeError',
      value: 'Invalid time value',
      stacktrace: {
        frames: [{ filename: 'app.js', abs_path: 'https://shop.example.com/app.js', lineno: 1, in_app: true }],
      },
    },
  ],
};

describe('Sentry emulator: event ingestion', () => {
  let emu: SentryEmulator;
  const app = useWebhookReceiver<{ action: string; actor: unknown; data: { issue: Record<string, unknown> } }>('/hook');
  const hooks = app.received;
  const until = app.until;
  useSentryEmulator(
    () => ({ seed: { installations: [{ uuid: 'inst-1', webhookUrl: app.url }] } }),
    (started) => (emu = started),
  );

  it('creates an issue for a new error and announces it with Sentry as actor', async () => {
    const res = await call(emu, 'POST', '/__emulator/events', {
      json: { project: 'web', release: 'web@1.0.0', environment: 'production', exception: EXCEPTION },
      token: null,
    });
    expect(res.status).toBe(201);
    const result = res.json as {
      created: boolean;
      issue: { id: string; title: string; count: string };
      event: { eventID: string };
    };
    expect(result).toMatchObject({
      created: true,
      regressed: false,
      issue: { title: 'RangeError: Invalid time value', count: '1' },
    });
    await until(1);
    expect(hooks[0]).toMatchObject({
      resource: 'issue',
      body: {
        action: 'created',
        actor: { type: 'application', id: 'sentry', name: 'Sentry' },
        data: {
          issue: {
            id: result.issue.id,
            status: 'unresolved',
            substatus: 'new',
            firstRelease: { version: 'web@1.0.0' },
          },
        },
      },
    });
    const latest = await call(emu, 'GET', org(`issues/${result.issue.id}/events/latest/`));
    expect(latest.json).toMatchObject({ eventID: result.event.eventID, entries: [{ type: 'exception' }] });
  });

  it('adds a second event to the issue silently, and regresses the issue once it is resolved', async () => {
    emu.seed({ issues: [{ id: '42', project: 'web', title: 'RangeError: Invalid time value', count: '5' }] });
    const again = emu.ingestEvent({ issueId: '42', release: 'web@1.0.0', exception: EXCEPTION });
    expect(again).toMatchObject({ created: false, regressed: false, issue: { count: '6' } });

    await call(emu, 'PUT', org('issues/42/'), { json: { status: 'resolved' } });
    await until(1); // issue.resolved, from the user's API call
    const back = emu.ingestEvent({ issueId: '42', release: 'web@1.1.0', exception: EXCEPTION });
    expect(back).toMatchObject({
      regressed: true,
      issue: { status: 'unresolved', substatus: 'regressed', count: '7' },
    });
    await until(2);
    expect(hooks[1]!.body).toMatchObject({
      action: 'unresolved',
      actor: { type: 'application', id: 'sentry', name: 'Sentry' },
      data: { issue: { id: '42', substatus: 'regressed', lastRelease: { version: 'web@1.1.0' } } },
    });
  });

  it('refuses an event for an unknown project, naming it', async () => {
    const res = await call(emu, 'POST', '/__emulator/events', {
      json: { project: 'mobile', exception: EXCEPTION },
      token: null,
    });
    expect(res).toMatchObject({
      status: 400,
      json: { error: 'event.project must name a seeded project, got "mobile"' },
    });
    expect(emu.state().issues).toEqual([]);
  });
});
