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
  it('names a group by the city holding most of its clusters', () => {
    expect(groupLabelCity([{ city: 'Dubna', distance: 1 }, { city: 'Moscow', distance: 8 }, { city: 'Moscow', distance: 9 }])).toBe('Moscow');
  });
  it('breaks a tie by the city nearest the group icon, then by name, whatever the order', () => {
    const tie = [{ city: 'Obninsk', distance: 5 }, { city: 'Kaluga', distance: 2 }];
    expect(groupLabelCity(tie)).toBe('Kaluga');
    expect(groupLabelCity([...tie].reverse())).toBe('Kaluga');
    const even = [{ city: 'Tomsk', distance: 3 }, { city: 'Seversk', distance: 3 }];
    expect(groupLabelCity(even)).toBe('Seversk');
    expect(groupLabelCity([...even].reverse())).toBe('Seversk');
  });
  it('is null when no member names a city', () => expect(groupLabelCity([{ city: null, distance: 0 }])).toBeNull());
});

describe('labelsAtZoom', () => {
  it.each([
    [1, true, false],
    [5, true, false],
    [6, true, true],
  ])('at zoom %i cities %s, regions %s', (zoom, cities, regions) => expect(labelsAtZoom(zoom)).toEqual({ cities, regions }));
});
