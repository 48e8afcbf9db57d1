// The store queries triage adds: pending links completed or taken over, and one-time marks. Both backends.
import { describe, expect, it } from 'vitest';
import { backends } from '../app/backends.ts';
import { useStore } from '../app-world/store.ts';

for (const { name, available } of backends) {
  describe.runIf(available)(`triage store queries (${name})`, () => {
    const store = useStore(name);

    it('completes a pending link, and lets a stale pending link be taken over exactly once', async () => {
      const pending = {
        sentryIssueId: 's-9',
        installationUuid: 'i',
        githubRepo: 'o/r',
        githubIssueNumber: 0,
        externalIssueId: null,
      };
      expect((await store().linkIssue(pending, 100)).created).toBe(true);
      expect(await store().takeOverPendingLink('s-9', 100, 200)).toBe(false); // not stale yet
      expect(await store().takeOverPendingLink('s-9', 150, 200)).toBe(true);
      expect(await store().takeOverPendingLink('s-9', 150, 201)).toBe(false); // the first taker renewed it
      expect(await store().setLinkIssueNumber('s-9', 12, 300)).toBe(true);
      expect(await store().takeOverPendingLink('s-9', 10_000, 400)).toBe(false); // no longer pending
      expect(await store().setLinkExternalIssue('s-9', 'ext-1', 500)).toBe(true);
      expect(await store().getLink('s-9')).toEqual({ ...pending, githubIssueNumber: 12, externalIssueId: 'ext-1' });
      expect(await store().setLinkIssueNumber('nope', 1, 1)).toBe(false);
    });

    it('keeps one mark per kind and key', async () => {
      const mark = { kind: 'config-error', key: 'o/r', repo: 'o/r', value: null };
      expect(await store().putMarkOnce(mark, 5)).toEqual({ mark: { ...mark, createdAt: 5 }, created: true });
      expect((await store().putMarkOnce({ ...mark, value: 'x' }, 6)).created).toBe(false);
      expect((await store().putMarkOnce({ ...mark, kind: 'other' }, 6)).created).toBe(true);
      expect(await store().setMarkValue('config-error', 'o/r', '#4')).toBe(true);
      expect((await store().getMark('config-error', 'o/r'))?.value).toBe('#4');
      expect(await store().deleteMark('config-error', 'o/r')).toBe(true);
      await store().putMarkOnce({ kind: 'slot', key: 'old', repo: 'o/r', value: null }, 10);
      await store().putMarkOnce({ kind: 'slot', key: 'new', repo: 'o/r', value: null }, 20);
      expect(await store().pruneMarks('slot', 15)).toBe(1);
      expect(await store().getMark('slot', 'old')).toBeUndefined();
      expect(await store().getMark('slot', 'new')).toBeDefined();
      expect(await store().getMark('config-error', 'o/r')).toBeUndefined();
    });
  });
}
