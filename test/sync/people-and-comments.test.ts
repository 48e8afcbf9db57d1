// Assignees through the config's people map, and Sentry comments mirrored in place — without echo loops.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ISSUE_ID, issuesPayload, SENTRY_APP_UUID, startWorld, type World } from './harness.ts';

const ana = { type: 'user', id: '42', name: 'Ana Lead' };
const us = { type: 'application', id: SENTRY_APP_UUID, name: 'faultline' };

const assigned = (assignedTo: Record<string, unknown> | null) => ({
  issue: { id: ISSUE_ID, shortId: 'WEB-9', title: 'RangeError: Invalid time value', status: 'unresolved', assignedTo },
});

describe('assignees', () => {
  let world: World;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(async () => {
    await world?.close();
  });

  it('a Sentry assignment becomes the mapped GitHub assignee; strangers and teams are left alone', async () => {
    await world.sentryIssueChange(
      'assigned',
      assigned({ type: 'user', id: '42', name: 'Ana Lead', email: 'ana@example.com' }),
      ana,
    );
    await world.settle();
    expect(world.issue().assignees).toEqual(['ana-gh']);

    // Bo takes it over: Ana (a mapped person) is replaced; the app's own assignment event is not mirrored back.
    await world.sentryIssueChange(
      'assigned',
      assigned({ type: 'user', id: '43', name: 'Bo Dev', email: 'bo@example.com' }),
      ana,
    );
    await world.settle();
    expect(world.issue().assignees).toEqual(['bo-gh']);
    await world.githubWebhook(
      'issues',
      issuesPayload('assigned', { login: 'faultline[bot]', type: 'Bot' }, { assignee: { login: 'bo-gh' } }),
    );
    await world.settle();
    expect(world.sentryWrites()).toEqual([]);

    await world.sentryIssueChange(
      'assigned',
      assigned({ type: 'user', id: '77', name: 'Zed', email: 'zed@example.com' }),
      ana,
    );
    await world.sentryIssueChange('assigned', assigned({ type: 'team', id: '3', name: 'backend' }), ana);
    await world.settle();
    expect(world.issue().assignees).toEqual(['bo-gh']);
  });

  it('a GitHub assignment assigns the mapped Sentry user once; an unknown login changes nothing', async () => {
    await world.githubWebhook(
      'issues',
      issuesPayload('assigned', { login: 'carol' }, { assignee: { login: 'ana-gh' } }),
    );
    await world.settle();
    expect(world.sentryWrites()).toEqual([
      expect.objectContaining({ method: 'PUT', json: { assignedTo: 'ana@example.com' } }),
    ]);
    expect(world.sentryIssue()?.assignedTo).toMatchObject({ email: 'ana@example.com' });

    // Sentry's webhook for that change names us: nothing is written back to GitHub.
    const before = world.issue();
    await world.sentryIssueChange(
      'assigned',
      assigned({ type: 'user', id: '42', name: 'Ana Lead', email: 'ana@example.com' }),
      us,
    );
    await world.settle();
    expect(world.issue()).toEqual(before);

    await world.githubWebhook(
      'issues',
      issuesPayload('assigned', { login: 'carol' }, { assignee: { login: 'carol' } }),
    );
    await world.settle();
    expect(world.sentryWrites()).toHaveLength(1);

    // Unassigning someone who is not Sentry's assignee changes nothing; unassigning Ana clears Sentry's assignee.
    await world.githubWebhook(
      'issues',
      issuesPayload('unassigned', { login: 'carol' }, { assignee: { login: 'bo-gh' } }),
    );
    await world.githubWebhook(
      'issues',
      issuesPayload('unassigned', { login: 'carol' }, { assignee: { login: 'ana-gh' } }),
    );
    await world.settle();
    expect(world.sentryWrites().map((w) => w.json)).toEqual([{ assignedTo: 'ana@example.com' }, { assignedTo: '' }]);
    expect(world.sentryIssue()?.assignedTo).toBeNull();
  });
});

describe('comments', () => {
  let world: World;
  beforeEach(async () => {
    world = await startWorld();
  });
  afterEach(async () => {
    await world?.close();
  });

  const comment = (id: string, text: string) => ({
    comment: text,
    comment_id: id,
    issue_id: ISSUE_ID,
    project_slug: 'web',
    timestamp: '2026-10-01T09:00:00.000000Z',
  });

  it('mirrors one GitHub comment per Sentry comment, scrubbed, edited and deleted in place', async () => {
    await world.sentryWebhook(
      'comment',
      'created',
      comment('1456', 'Timezone bug? @bo see ana@example.com token=abc123secret ORDER-1234'),
      ana,
    );
    await world.settle();
    let comments = world.issue().comments;
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expect(body).toContain('**Ana Lead** commented on [1170820242]');
    expect(body).toContain('@\u200bbo see');
    expect(body).not.toContain('ana@example.com');
    expect(body).not.toContain('abc123secret');
    expect(body).not.toContain('ORDER-1234'); // the repo's own scrub pattern

    await world.sentryWebhook('comment', 'updated', comment('1456', 'Timezone bug, confirmed.'), ana);
    await world.settle();
    comments = world.issue().comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('> Timezone bug, confirmed.');

    // A second Sentry comment gets its own GitHub comment; a re-delivered create does not duplicate it.
    await world.sentryWebhook('comment', 'created', comment('1457', 'On it.'), ana);
    await world.sentryWebhook(
      'comment',
      'created',
      { ...comment('1457', 'On it.'), timestamp: '2026-10-01T09:00:01Z' },
      ana,
    );
    await world.settle();
    expect(world.issue().comments).toHaveLength(2);

    await world.sentryWebhook('comment', 'deleted', comment('1456', 'Timezone bug, confirmed.'), ana);
    await world.settle();
    comments = world.issue().comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain('> On it.');
  });

  it('does not mirror comments the app made itself', async () => {
    await world.sentryWebhook('comment', 'created', comment('2000', 'from us'), us);
    await world.sentryWebhook('comment', 'created', comment('2001', 'mirrored\n\n<!-- faultline:sync -->'), ana);
    await world.settle();
    expect(world.issue().comments).toHaveLength(0);
  });
});
