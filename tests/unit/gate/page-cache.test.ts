import { describe, expect, it } from 'vitest';
import type { BufferedAnswer } from '../../../src/server/gate/answer';
import { PageCache } from '../../../src/server/gate/page-cache';

/** A small HTML answer with this text. */
const page = (text: string, size = 10): BufferedAnswer => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(text.padEnd(size, '.')) });

describe('PageCache', () => {
  it('gives back an answer only at the data version it was stored with', () => {
    const cache = new PageCache();
    cache.put('/clusters', '7', page('seven'));
    expect(cache.get('/clusters', '7')?.body.toString()).toMatch(/^seven/);
    expect(cache.get('/clusters', '8')).toBeUndefined();
    // The stale entry is gone, not kept beside the new version.
    expect(cache.get('/clusters', '7')).toBeUndefined();
    expect(cache.size()).toEqual({ entries: 0, bytes: 0 });
  });

  it('compresses text of 1 KB or more once, when stored', () => {
    const stored = new PageCache().put('/map', '1', page('map', 4096));
    expect(stored.compressed?.br?.length).toBeGreaterThan(0);
    expect(stored.compressed?.gzip?.length).toBeGreaterThan(0);
    expect(new PageCache().put('/tiny', '1', page('tiny', 100)).compressed).toBeUndefined();
  });

  it('drops the least recently used entry beyond maxEntries', () => {
    const cache = new PageCache(2);
    cache.put('/a', '1', page('a'));
    cache.put('/b', '1', page('b'));
    cache.get('/a', '1');
    cache.put('/c', '1', page('c'));
    expect(cache.get('/b', '1')).toBeUndefined();
    expect(cache.get('/a', '1')).toBeDefined();
    expect(cache.get('/c', '1')).toBeDefined();
  });

  it('keeps its size within maxBytes and does not store one answer larger than a quarter of it', () => {
    const cache = new PageCache(100, 400);
    for (const key of ['/1', '/2', '/3', '/4', '/5']) cache.put(key, '1', page(key, 90));
    expect(cache.size().bytes).toBeLessThanOrEqual(400);
    cache.put('/huge', '1', page('huge', 500));
    expect(cache.get('/huge', '1')).toBeUndefined();
  });
});
