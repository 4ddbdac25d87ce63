import { describe, expect, it } from 'vitest';
import { cityNameOf, groupLabelCity, labelsAtZoom } from '../../../src/lib/map/place-labels';

describe('cityNameOf', () => {
  it('names the city in the language, else in the other one, else null', () => {
    expect(cityNameOf({ ru: 'Саров', en: 'Sarov' }, 'ru')).toBe('Саров');
    expect(cityNameOf({ ru: 'Бийск' }, 'en')).toBe('Бийск');
    expect(cityNameOf({}, 'en')).toBeNull();
  });
});

describe('groupLabelCity', () => {
  it('names a group by the city holding more than half of its clusters, whatever the order', () => {
    expect(groupLabelCity(['Dubna', 'Moscow', 'Moscow'])).toBe('Moscow');
    expect(groupLabelCity(['Moscow', 'Moscow', 'Dubna'])).toBe('Moscow');
  });
  it('names no city when none holds the majority: the group would seem to lie in one place', () => {
    expect(groupLabelCity(['Troitsk', 'Dubna', 'Moscow', 'Zelenograd', 'Moscow', 'Chernogolovka'])).toBeNull();
    expect(groupLabelCity(['Tomsk', 'Seversk'])).toBeNull();
    expect(groupLabelCity(['Moscow', 'Moscow', 'Dubna', 'Troitsk'])).toBeNull(); // half is not more than half
  });
  it('counts members without a city in the whole', () => {
    expect(groupLabelCity(['Moscow', null, null])).toBeNull();
    expect(groupLabelCity(['Moscow', 'Moscow', null])).toBe('Moscow');
  });
  it('is null when no member names a city', () => expect(groupLabelCity([null])).toBeNull());
});

describe('labelsAtZoom', () => {
  it.each([
    [1, true, false],
    [5, true, false],
    [6, true, true],
  ])('at zoom %i cities %s, regions %s', (zoom, cities, regions) => expect(labelsAtZoom(zoom)).toEqual({ cities, regions }));
});
