import { describe, expect, it } from 'vitest';
import { LruCache } from '../../../src/server/map/memo';

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new LruCache<number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c')]).toEqual([1, 3]);
  });

  it('computes once per key', async () => {
    const cache = new LruCache<number>(2);
    let calls = 0;
    const compute = async () => ++calls;
    expect(await cache.getOrCompute('k', compute)).toBe(1);
    expect(await cache.getOrCompute('k', compute)).toBe(1);
    expect(calls).toBe(1);
  });

  it('rejects a capacity below 1, naming it', () => {
    expect(() => new LruCache(0)).toThrow('got 0');
  });
});
