import { describe, expect, it } from 'vitest';
import { findPlaceInQuery, narrowByPlaceWords, PLACE_WORDS } from '../../../src/lib/search/place-words';

describe('findPlaceInQuery', () => {
  it.each([
    ['ядерные кластеры Сибири', 'siberian', 'ядерные кластеры', 'Сибири'],
    ['Сибирь', 'siberian', '', 'Сибирь'],
    ['Siberia', 'siberian', '', 'Siberia'],
    ['nuclear clusters in Siberia', 'siberian', 'nuclear clusters in', 'Siberia'],
    ['авиастроение Дальнего Востока', 'far-eastern', 'авиастроение', 'Дальнего Востока'],
    ['Far East aircraft', 'far-eastern', 'aircraft', 'Far East'],
    ['кластеры Урала', 'ural', 'кластеры', 'Урала'],
    ['Поволжье, химия', 'volga', 'химия', 'Поволжье'],
    ['Volga', 'volga', '', 'Volga'],
    ['Северо-Запад IT', 'northwestern', 'IT', 'Северо-Запад'],
    ['приволжский федеральный округ', 'volga', '', 'приволжский федеральный округ'],
    ['уральский', 'ural', '', 'уральский'],
  ])('%j names %s, leaving %j', (q, district, rest, text) => {
    expect(findPlaceInQuery(q)).toEqual({ federalDistrict: district, rest, placeText: text });
  });

  it('leaves a query without a place word as it is (spaces collapsed)', () => {
    expect(findPlaceInQuery('  ядерные   кластеры ')).toEqual({ rest: 'ядерные кластеры' });
  });

  it('does not take a word that only starts like a place ("уралхим")', () => {
    expect(findPlaceInQuery('уралхим').federalDistrict).toBeUndefined();
  });

  it('writes every place word lowercase with е for ё', () => {
    for (const words of Object.values(PLACE_WORDS)) for (const w of words) expect(w).toBe(w.toLowerCase().replaceAll('ё', 'е'));
  });
});

describe('narrowByPlaceWords', () => {
  it('turns the place word into the district filter', () => {
    expect(narrowByPlaceWords({ q: 'ядерные Сибири', page: 1 })).toEqual({
      query: { q: 'ядерные', page: 1, federalDistrict: 'siberian' },
      place: { federalDistrict: 'siberian', text: 'Сибири' },
    });
  });

  it('keeps a district the user chose, and the text with it', () => {
    const query = { q: 'Урал', federalDistrict: 'siberian' as const };
    expect(narrowByPlaceWords(query)).toEqual({ query });
  });
});
