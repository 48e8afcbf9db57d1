import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.ts';

describe('TtlCache', () => {
  it('shares one load while fresh, loads again once stale', async () => {
    let clock = 0;
    let loads = 0;
    const cache = new TtlCache<string, number>({ ttlMs: 100, now: () => clock });
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
    clock = 99;
    expect(await cache.get('k', load)).toBe(1);
    clock = 100;
    expect(await cache.get('k', load)).toBe(2);
  });

  it('does not keep a failed load', async () => {
    const cache = new TtlCache<string, string>({ ttlMs: 1_000 });
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 'up')).toBe('up');
  });

  it('forgets one key or all, and takes values learnt elsewhere', async () => {
    const cache = new TtlCache<string, string>({ ttlMs: 1_000 });
    cache.set('a', 'listed');
    expect(await cache.get('a', async () => 'loaded')).toBe('listed');
    cache.delete('a');
    expect(await cache.get('a', async () => 'loaded')).toBe('loaded');
    cache.clear();
    expect(await cache.get('a', async () => 'again')).toBe('again');
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = new TtlCache<string, string>({ ttlMs: Number.POSITIVE_INFINITY, maxEntries: 2 });
    cache.set('a', 'A');
    cache.set('b', 'B');
    expect(await cache.get('a', async () => 'reloaded')).toBe('A'); // a is now the most recent
    cache.set('c', 'C');
    expect(cache.size).toBe(2);
    expect(await cache.get('b', async () => 'reloaded')).toBe('reloaded');
    expect(await cache.get('c', async () => 'reloaded')).toBe('C');
  });
});
