import { describe, expect, it } from 'vitest';
import { formatCoordinates, formatIndex } from '../../../src/lib/i18n/format';
import { pluralCategory } from '../../../src/lib/i18n/plural';
import { pluralTranslator } from '../../../src/lib/i18n/ui';

describe('formatIndex: always three decimals', () => {
  it.each([
    [0.73, 'ru', '0,730'],
    [0.021, 'ru', '0,021'],
    [0.0204, 'en', '0.020'],
    [1, 'en', '1.000'],
    [1.4536, 'en', '1.454'],
  ] as const)('%s in %s is %s', (value, lang, text) => expect(formatIndex(value, lang)).toBe(text));
});

describe('formatCoordinates', () => {
  it('writes degrees with hemispheres in English', () => expect(formatCoordinates(54.933, 43.317, 'en')).toBe('54.933° N, 43.317° E'));
  it('writes degrees with hemispheres in Russian', () => expect(formatCoordinates(54.933, 43.317, 'ru')).toBe('54,933° с. ш., 43,317° в. д.'));
  it('names the southern and western hemispheres for negative values', () => expect(formatCoordinates(-33.9, -170.25, 'en')).toBe('33.900° S, 170.250° W'));
});

describe('pluralCategory and counted messages', () => {
  it.each([
    [1, 'ru', 'one'],
    [21, 'ru', 'one'],
    [3, 'ru', 'few'],
    [24, 'ru', 'few'],
    [5, 'ru', 'many'],
    [11, 'ru', 'many'],
    [25, 'ru', 'many'],
    [1, 'en', 'one'],
    [0, 'en', 'other'],
    [25, 'en', 'other'],
  ] as const)('%i in %s is %s', (count, lang, category) => expect(pluralCategory(count, lang)).toBe(category));

  it('says "1 cluster found", not "1 clusters found"', () => {
    expect(pluralTranslator('en')('ux.directory.results', 1)).toBe('1 cluster found');
    expect(pluralTranslator('en')('ux.directory.results', 25)).toBe('25 clusters found');
  });

  it('declines Russian nouns after numbers: 21 регион, 3 региона, 25 регионов, 6 отраслевых групп', () => {
    const tn = pluralTranslator('ru');
    expect([21, 3, 25].map((n) => tn('ux.noun.regions', n))).toEqual(['регион', 'региона', 'регионов']);
    expect(tn('ux.noun.groups', 6)).toBe('отраслевых групп');
    expect(tn('ux.noun.clusters', 1)).toBe('кластер');
  });

  it('formats the count it fills in (1 149 / 1,149)', () => {
    expect(pluralTranslator('en')('ux.directory.results', 1149)).toBe('1,149 clusters found');
  });
});
