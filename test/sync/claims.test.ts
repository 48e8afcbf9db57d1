// Create-once claims and recorded writes on the real store (SQLite, and PostgreSQL when DATABASE_URL is set).
import { describe, expect, it } from 'vitest';
import { claimOnce, STALE_CLAIM_MS } from '../../app/sync/claims.ts';
import { RecordedWrites } from '../../app/sync/recorded-writes.ts';
import { backends } from '../app/backends.ts';
import { useStore } from '../app-world/store.ts';

for (const { name, available } of backends) {
  describe.runIf(available)(`sync claims and recorded writes (${name})`, () => {
    const store = useStore(name);

    it('lets one job create, its own retry carry on, others wait until the id is stored or the claim goes stale', async () => {
      const mark = { kind: 'sync-test', key: 'o/r#1:9', repo: 'o/r' };
      expect(await claimOnce(store(), mark, 7, 1_000)).toEqual({ state: 'ours', fresh: true });
      expect(await claimOnce(store(), mark, 7, 1_500)).toEqual({ state: 'ours', fresh: false });
      expect(await claimOnce(store(), mark, 8, 1_500)).toEqual({ state: 'busy' });
      expect(await claimOnce(store(), mark, 8, 1_000 + STALE_CLAIM_MS)).toEqual({ state: 'ours', fresh: false });
      expect(await claimOnce(store(), mark, 7, 1_000 + STALE_CLAIM_MS)).toEqual({ state: 'busy' }); // 8 took it over
      await store().setMarkValue(mark.kind, mark.key, '4242');
      expect(await claimOnce(store(), mark, 9, 5_000)).toEqual({ state: 'done', value: '4242' });
    });

    it('recognises a recorded write once, and not after it expired', async () => {
      let now = 10_000;
      const writes = new RecordedWrites(store(), () => now, 1_000);
      await writes.record('github:o/r#1:state:closed', 'o/r');
      expect(await writes.take('github:o/r#1:state:closed')).toBe(true);
      expect(await writes.take('github:o/r#1:state:closed')).toBe(false);
      await writes.record('sentry:9:status:resolved', 'o/r');
      await writes.record('sentry:9:status:resolved', 'o/r'); // recorded again: still one record, TTL renewed
      now += 1_001;
      expect(await writes.take('sentry:9:status:resolved')).toBe(false);
    });
  });
}
