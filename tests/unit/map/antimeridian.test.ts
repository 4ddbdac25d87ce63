import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
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
