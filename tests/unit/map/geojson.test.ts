import { describe, expect, it } from 'vitest';
import { toClusterFeature, toClusterFeatureCollection, toPosition, type MapClusterInput } from '../../../src/lib/map/geojson';

const komsomolsk: MapClusterInput = {
  slug: 'khabarovsk-aircraft-shipbuilding',
  name: { ru: 'Кластер авиастроения', en: 'Aircraft cluster' },
  city: { ru: 'Комсомольск-на-Амуре', en: 'Komsomolsk-on-Amur' },
  region: 'RU-KHA',
  industryGroup: 'aerospace-shipbuilding',
  location: { lat: 50.55, lon: 137 },
  index: 0.45,
  scenario: 'unknown',
};
const severodvinsk: MapClusterInput = { ...komsomolsk, slug: 'arkhangelsk-shipbuilding', region: 'RU-ARK', location: { lat: 64.567, lon: 39.833 }, index: null };

describe('toPosition', () => {
  it('swaps the profile order { lat, lon } into GeoJSON [lon, lat]', () => {
    expect(toPosition({ lat: 50.55, lon: 137 })).toEqual([137, 50.55]);
    expect(toPosition({ lat: 64.567, lon: 39.833 })).toEqual([39.833, 64.567]);
  });

  it.each([
    [{ lat: 91, lon: 0 }, /latitude 91/],
    [{ lat: 0, lon: -181 }, /longitude -181/],
    [{ lat: Number.NaN, lon: 0 }, /latitude NaN/],
  ])('rejects %o, naming the bad value', (location, message) => {
    expect(() => toPosition(location)).toThrow(message);
  });
});

describe('toClusterFeature', () => {
  it('builds a Point feature with the popup fields and the slug as id', () => {
    expect(toClusterFeature(komsomolsk)).toEqual({
      type: 'Feature',
      id: 'khabarovsk-aircraft-shipbuilding',
      geometry: { type: 'Point', coordinates: [137, 50.55] },
      properties: {
        slug: 'khabarovsk-aircraft-shipbuilding',
        name: komsomolsk.name,
        city: komsomolsk.city,
        region: 'RU-KHA',
        industryGroup: 'aerospace-shipbuilding',
        index: 0.45,
        scenario: 'unknown',
      },
    });
  });
});

describe('toClusterFeatureCollection', () => {
  it('keeps the order and the year', () => {
    const fc = toClusterFeatureCollection([severodvinsk, komsomolsk], 2012);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.year).toBe(2012);
    expect(fc.features.map((f) => f.geometry.coordinates)).toEqual([
      [39.833, 64.567],
      [137, 50.55],
    ]);
    expect(fc.features[0]!.properties.index).toBeNull();
  });

  it('is empty for no clusters', () => {
    expect(toClusterFeatureCollection([], null)).toEqual({ type: 'FeatureCollection', year: null, features: [] });
  });
});
