import { describe, expect, it } from 'vitest';
import { formatViewHash, parseViewHash } from '../../../src/lib/map/view-hash';

describe('view hash', () => {
  it('round-trips a view with the shaded layer', () => {
    const hash = formatViewHash({ zoom: 5.25, lat: 55.751244, lon: 37.618423, layer: 'regions' });
    expect(hash).toBe('#map=5.25/55.7512/37.6184&layer=regions');
    expect(parseViewHash(hash)).toEqual({ zoom: 5.25, lat: 55.7512, lon: 37.6184, layer: 'regions' });
  });

  it('defaults to markers and accepts display longitudes past 180°', () => {
    expect(parseViewHash('#map=4/65/185')).toEqual({ zoom: 4, lat: 65, lon: 185, layer: 'markers' });
  });

  it.each(['', '#', '#map=4/65', '#map=a/b/c', '#map=4/95/30', '#map=30/50/30'])('ignores %s', (hash) => {
    expect(parseViewHash(hash)).toBeNull();
  });
});
