import { describe, expect, it } from 'vitest';
import { cityLabels, labelsAtZoom } from '../../../src/lib/map/place-labels';

const at = (lon: number, lat: number, city: { ru?: string; en?: string }) => ({ geometry: { coordinates: [lon, lat] as [number, number] }, properties: { city } });

describe('cityLabels', () => {
  it('gives one label per city, in the language', () => {
    expect(cityLabels([at(30.3, 59.9, { ru: 'Санкт-Петербург', en: 'Saint Petersburg' }), at(30.3, 59.9, { ru: 'Санкт-Петербург', en: 'Saint Petersburg' }), at(43.3, 54.9, { ru: 'Саров', en: 'Sarov' })], 'ru')).toEqual([
      { name: 'Санкт-Петербург', lat: 59.9, lon: 30.3 },
      { name: 'Саров', lat: 54.9, lon: 43.3 },
    ]);
  });
  it('falls back to the other language and skips clusters without a city', () => {
    expect(cityLabels([at(1, 2, { ru: 'Бийск' }), at(3, 4, {})], 'en')).toEqual([{ name: 'Бийск', lat: 2, lon: 1 }]);
  });
});

describe('labelsAtZoom', () => {
  it.each([
    [3, false, false],
    [5, true, false],
    [6, true, true],
  ])('at zoom %i cities %s, regions %s', (zoom, cities, regions) => expect(labelsAtZoom(zoom)).toEqual({ cities, regions }));
});
