import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  joinCutPolygons,
  pointsDisplayBounds,
  shiftCollectionForDisplay,
  shiftGeometryForDisplay,
  toDisplayLongitude,
  type AreaCollection,
  type Position,
} from '../../../src/lib/map/antimeridian';

const boundaries = JSON.parse(readFileSync(join(import.meta.dirname, '../../../content/region-boundaries.geojson'), 'utf8')) as AreaCollection<{ code: string }>;

/** Every longitude of a feature. */
function longitudes(feature: AreaCollection<{ code: string }>['features'][number]): number[] {
  const g = feature.geometry;
  const rings: Position[][] = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  return rings.flat().map((p) => p[0]!);
}

describe('toDisplayLongitude', () => {
  it.each([
    [-172.5, 187.5],
    [-180, 180],
    [0, 0],
    [137, 137],
    [180, 180],
  ])('%d → %d', (lon, shifted) => expect(toDisplayLongitude(lon)).toBe(shifted));
});

describe('shiftGeometryForDisplay', () => {
  it('shifts polygons and multipolygons without touching latitudes or the input', () => {
    const polygon = { type: 'Polygon' as const, coordinates: [[[179, 66], [-179, 66], [-179, 67], [179, 66]]] };
    expect(shiftGeometryForDisplay(polygon)).toEqual({ type: 'Polygon', coordinates: [[[179, 66], [181, 66], [181, 67], [179, 66]]] });
    expect(polygon.coordinates[0]![1]).toEqual([-179, 66]);
    const multi = { type: 'MultiPolygon' as const, coordinates: [[[[-170, 65, 12]]]] };
    expect(shiftGeometryForDisplay(multi)).toEqual({ type: 'MultiPolygon', coordinates: [[[[190, 65, 12]]]] });
  });
});

describe('shiftCollectionForDisplay on the shipped boundaries', () => {
  const shifted = shiftCollectionForDisplay(boundaries);
  const chukotka = (fc: typeof boundaries) => fc.features.find((f) => f.properties.code === 'RU-CHU')!;

  it('has 83 regions and keeps their properties', () => {
    expect(shifted.features).toHaveLength(83);
    expect(shifted.features.map((f) => f.properties)).toEqual(boundaries.features.map((f) => f.properties));
  });

  it('draws Chukotka in one piece east of Kamchatka (its negative longitudes move past 180°)', () => {
    expect(Math.min(...longitudes(chukotka(boundaries)))).toBeLessThan(0);
    const lons = longitudes(chukotka(shifted));
    expect(Math.min(...lons)).toBeGreaterThan(140);
    expect(Math.max(...lons)).toBeGreaterThan(180);
  });

  it('leaves every other region where it was (Kaliningrad stays west)', () => {
    const kaliningrad = shifted.features.find((f) => f.properties.code === 'RU-KGD')!;
    expect(Math.min(...longitudes(kaliningrad))).toBeGreaterThan(19);
    expect(Math.max(...longitudes(kaliningrad))).toBeLessThan(23);
  });
});

describe('pointsDisplayBounds', () => {
  it('is null for no points', () => expect(pointsDisplayBounds([])).toBeNull());

  it('gives [[south, west], [north, east]] in display longitudes', () => {
    expect(pointsDisplayBounds([{ lat: 50.55, lon: 137 }, { lat: 64.567, lon: 39.833 }])).toEqual([
      [50.55, 39.833],
      [64.567, 137],
    ]);
    expect(pointsDisplayBounds([{ lat: 64.7, lon: 177.5 }, { lat: 66, lon: -169.8 }])).toEqual([
      [64.7, 177.5],
      [66, 190.2],
    ]);
  });
});

/** Area of a ring by the shoelace formula (square degrees, sign dropped). */
function area(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return Math.abs(sum) / 2;
}

/** Edges of a ring that run along the 180° meridian, longer than the tolerance (a seam when drawn). */
function seams(ring: Position[], tolerance = 0.01): Position[][] {
  return ring.slice(1).flatMap((p, i) => {
    const q = ring[i]!;
    return p[0] === 180 && q[0] === 180 && Math.abs(p[1]! - q[1]!) > tolerance ? [[q, p]] : [];
  });
}

describe('joinCutPolygons', () => {
  const west = [[[178, 60], [180, 60], [180, 62], [178, 62], [178, 60]]];
  const east = [[[180, 60], [182, 60], [182, 62], [180, 62], [180, 60]]];

  it('joins two parts cut at 180° into one closed ring with no edge along the cut and the same area', () => {
    const [joined, ...rest] = joinCutPolygons([west, east]);
    expect(rest).toEqual([]);
    const ring = joined![0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(seams(ring, 0)).toEqual([]);
    expect(area(ring)).toBeCloseTo(8, 9);
  });

  it('joins parts whose rings run the other way round, and keeps the holes of both', () => {
    const hole = [[181, 60.5], [181.5, 60.5], [181.5, 61], [181, 60.5]];
    const [joined] = joinCutPolygons([west, [[...east[0]!].reverse(), hole]]);
    expect(seams(joined![0]!, 0)).toEqual([]);
    expect(area(joined![0]!)).toBeCloseTo(8, 9);
    expect(joined!.slice(1)).toEqual([hole]);
  });

  it('leaves polygons that only touch the cut at a point, or lie off it, as they are', () => {
    const island = [[[179, 65], [180, 66], [179, 67], [179, 65]]];
    const far = [[[150, 60], [151, 60], [151, 61], [150, 60]]];
    expect(joinCutPolygons([island, far, east])).toEqual([island, far, east]);
  });

  it('draws Chukotka and Wrangel Island without a seam along 180° and without losing area', () => {
    const chukotka = boundaries.features.find((f) => f.properties.code === 'RU-CHU')!;
    expect(chukotka.geometry.type).toBe('MultiPolygon');
    const plain = (chukotka.geometry.coordinates as Position[][][]).map((poly) => poly.map((ring) => ring.map(([lon, ...rest]) => [toDisplayLongitude(lon!), ...rest])));
    const drawn = shiftGeometryForDisplay(chukotka.geometry).coordinates as Position[][][];
    expect(plain.flatMap((poly) => seams(poly[0]!)).length).toBeGreaterThan(0); // the data has the cut
    expect(drawn).toHaveLength(plain.length - 2); // the mainland and Wrangel Island, joined
    expect(drawn.flatMap((poly) => seams(poly[0]!))).toEqual([]);
    const total = (polys: Position[][][]) => polys.reduce((sum, poly) => sum + area(poly[0]!), 0);
    expect(total(drawn)).toBeCloseTo(total(plain), 3);
  });
});
