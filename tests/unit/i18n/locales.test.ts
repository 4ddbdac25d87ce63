import { describe, expect, it } from 'vitest';
import { formatNumber, formatOrdinal, langFromParam, localizePath, notFoundLang, pick, preferredLang, withoutLanguagePrefix, switchLanguageUrl, unlocalizePath } from '../../../src/lib/i18n';

describe('langFromParam', () => {
  it.each([
    [undefined, 'ru'],
    ['', 'ru'],
    ['en', 'en'],
    ['fr', null], // unknown prefix → 404
    ['ru', null], // Russian has no prefix, /ru/… is not a page
    ['EN', null],
  ])('%j → %j', (param, lang) => {
    expect(langFromParam(param)).toBe(lang);
  });
});

describe('localizePath / unlocalizePath', () => {
  it.each([
    ['/', 'ru', '/'],
    ['/', 'en', '/en/'],
    ['/clusters', 'ru', '/clusters'],
    ['/clusters', 'en', '/en/clusters'],
    ['clusters/obninsk-pharma-biotech', 'en', '/en/clusters/obninsk-pharma-biotech'],
    ['/clusters?industryGroup=x', 'en', '/en/clusters?industryGroup=x'],
  ] as const)('localizePath(%j, %s) = %j', (path, lang, expected) => {
    expect(localizePath(path, lang)).toBe(expected);
  });

  it.each([
    ['/en/', '/'],
    ['/en', '/'],
    ['/en/clusters', '/clusters'],
    ['/en/clusters/obninsk-pharma-biotech', '/clusters/obninsk-pharma-biotech'],
    ['/clusters', '/clusters'],
    ['/', '/'],
    ['/english/page', '/english/page'], // only a whole "en" segment is a prefix
    ['/clusters/en', '/clusters/en'],
  ])('unlocalizePath(%j) = %j', (path, expected) => {
    expect(unlocalizePath(path)).toBe(expected);
  });
});

describe('switchLanguageUrl', () => {
  it.each([
    ['/clusters?industryGroup=x', 'en', '/en/clusters?industryGroup=x'],
    ['/en/clusters?industryGroup=x', 'ru', '/clusters?industryGroup=x'],
    ['/en/clusters?industryGroup=nuclear&page=2', 'ru', '/clusters?industryGroup=nuclear&page=2'],
    ['/', 'en', '/en/'],
    ['/en/', 'ru', '/'],
    ['/en', 'ru', '/'],
    ['/en/clusters/obninsk-pharma-biotech', 'ru', '/clusters/obninsk-pharma-biotech'],
    ['/regions/RU-KLU', 'en', '/en/regions/RU-KLU'],
    ['/en/clusters', 'en', '/en/clusters'], // already in the target language: same page
  ] as const)('%s → %s: %s', (path, target, expected) => {
    expect(switchLanguageUrl(new URL(path, 'http://localhost:4321'), target)).toBe(expected);
  });
});

describe('formatNumber', () => {
  it.each([
    [1149, 'en', '1,149'],
    [1149, 'ru', '1\u00a0149'], // Russian groups thousands with a no-break space
    [0.1, 'en', '0.1'],
    [0.1, 'ru', '0,1'],
    [0.01, 'en', '0.01'],
    [0.01, 'ru', '0,01'],
    [4, 'en', '4'],
    [0, 'en', '0'],
    [1234567.891, 'en', '1,234,567.89'],
  ] as const)('%s in %s → %j', (value, lang, expected) => {
    expect(formatNumber(value, lang)).toBe(expected);
  });

  it('honours maxFractionDigits', () => {
    expect(formatNumber(55.08345, 'en', 3)).toBe('55.083');
    expect(formatNumber(55.08345, 'ru', 1)).toBe('55,1');
  });
});

describe('formatOrdinal and pick', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [101, '101st'],
    [111, '111th'],
  ])('%i → %s in English', (n, s) => {
    expect(formatOrdinal(n, 'en')).toBe(s);
  });

  it('picks the language and falls back to the other', () => {
    expect(pick({ ru: 'Обнинск', en: 'Obninsk' }, 'en')).toBe('Obninsk');
    expect(pick({ ru: 'Обнинск' }, 'en')).toBe('Обнинск');
    expect(pick({ en: 'Obninsk' }, 'ru')).toBe('Obninsk');
    expect(pick(undefined, 'ru')).toBeUndefined();
  });
});

describe('preferredLang', () => {
  it.each([
    ['en-US,en;q=0.9,ru;q=0.8', 'en'],
    ['fr-FR,fr;q=0.9,ru;q=0.8,en;q=0.7', 'ru'],
    ['fr;q=0.9, en;q=0.95, ru;q=0.5', 'en'], // q wins over order
    ['ru-RU', 'ru'],
    ['de, fr', null],
    ['en;q=0, ru;q=0.1', 'ru'], // q=0 means "not this one"
    ['', null],
    [null, null],
  ])('%j → %j', (header, lang) => {
    expect(preferredLang(header)).toBe(lang);
  });
});

describe('notFoundLang', () => {
  it.each([
    ['/en/clusterz', 'fr,ru', 'en'],
    ['/en', null, 'en'],
    ['/ru/clusters', 'en', 'ru'],
    ['/clusterz', 'en-US', 'ru'], // unprefixed: the Russian site
    ['/fr/clusters', 'fr-FR,fr;q=0.9,ru;q=0.8', 'ru'],
    ['/fr/clusters', 'fr-FR,fr;q=0.9', 'en'], // neither language asked for: English
    ['/de-AT/', null, 'en'],
    ['/regions/RU-XXX', 'en', 'ru'],
  ])('%s with Accept-Language %j → %s', (path, header, lang) => {
    expect(notFoundLang(path, header)).toBe(lang);
  });
});

describe('withoutLanguagePrefix', () => {
  it.each([
    ['/fr/clusters', '/clusters'],
    ['/en/clusters/x', '/clusters/x'],
    ['/de-AT/', '/'],
    ['/fr', '/'],
    ['/clusters', '/clusters'],
    ['/regions/RU-TOM', '/regions/RU-TOM'],
    ['/frx/a', '/frx/a'],
  ])('%s → %s', (path, stripped) => {
    expect(withoutLanguagePrefix(path)).toBe(stripped);
  });
});
