import { describe, expect, it } from 'vitest';
import { currentJobPriority, JOB_PRIORITY, sentryWebhookPriority, withJobPriority } from './priority.ts';

describe('job priorities', () => {
  it('puts Sentry status and assignee changes ahead of new-issue alerts', () => {
    for (const action of ['resolved', 'unresolved', 'ignored', 'archived', 'assigned']) {
      expect(sentryWebhookPriority('issue', action)).toBe(JOB_PRIORITY.status);
    }
    expect(sentryWebhookPriority('issue', 'created')).toBe(JOB_PRIORITY.normal);
    expect(sentryWebhookPriority('event_alert', 'triggered')).toBe(JOB_PRIORITY.normal);
    expect(sentryWebhookPriority('comment', 'created')).toBe(JOB_PRIORITY.normal);
    expect(sentryWebhookPriority('installation', null)).toBe(JOB_PRIORITY.normal);
  });

  it("makes a running job's priority readable in everything it awaits", async () => {
    expect(currentJobPriority()).toBe(JOB_PRIORITY.normal);
    const seen = await withJobPriority(JOB_PRIORITY.status, async () => {
      await new Promise((r) => setTimeout(r, 1));
      return currentJobPriority();
    });
    expect(seen).toBe(JOB_PRIORITY.status);
  });
});
