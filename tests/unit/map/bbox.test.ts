import { describe, expect, it } from 'vitest';
import { formatBbox, viewToBbox } from '../../../src/lib/map/bbox';
import { parseBoundingBox } from '../../../src/lib/search/query';

describe('formatBbox', () => {
  it('writes minLon,minLat,maxLon,maxLat, rounded to 5 decimals', () => {
    expect(formatBbox({ minLon: 30, minLat: 50, maxLon: 60, maxLat: 65 })).toBe('30,50,60,65');
    expect(formatBbox({ minLon: 30.1234567, minLat: 50, maxLon: -170, maxLat: 65 })).toBe('30.12346,50,-170,65');
  });

  it('round-trips through the search parser', () => {
    expect(parseBoundingBox(formatBbox({ minLon: 170, minLat: 60, maxLon: -170, maxLat: 70 }))).toEqual({ minLon: 170, minLat: 60, maxLon: -170, maxLat: 70 });
  });
});

describe('viewToBbox', () => {
  it('keeps an ordinary view', () => {
    expect(viewToBbox({ west: 30, south: 50, east: 60, north: 65 })).toEqual({ minLon: 30, minLat: 50, maxLon: 60, maxLat: 65 });
  });

  it('wraps display longitudes beyond 180° back (a box across the meridian)', () => {
    expect(viewToBbox({ west: 170, south: 60, east: 190, north: 70 })).toEqual({ minLon: 170, minLat: 60, maxLon: -170, maxLat: 70 });
    expect(viewToBbox({ west: 185, south: 60, east: 195, north: 70 })).toEqual({ minLon: -175, minLat: 60, maxLon: -165, maxLat: 70 });
  });

  it('covers every longitude when the view is wider than the world, and clamps latitudes', () => {
    expect(viewToBbox({ west: -300, south: -100, east: 400, north: 100 })).toEqual({ minLon: -180, minLat: -90, maxLon: 180, maxLat: 90 });
  });

  it('keeps 180 as 180 (not -180) on the east edge', () => {
    expect(viewToBbox({ west: 100, south: 0, east: 180, north: 10 }).maxLon).toBe(180);
  });
});
