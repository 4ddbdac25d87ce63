import { describe, expect, it } from 'vitest';
import { paginate, sortClusters, type Sortable } from '../../../src/lib/directory/listing';

const cluster = (slug: string, ru: string, en: string, foundedYear: number | null = null, index: number | null = null): Sortable => ({
  slug,
  name: { ru, en },
  foundedYear,
  index,
});

// Names chosen so that code-point order differs from alphabetical order: "Ё" (U+0401) sorts before "А" (U+0410)
// by code point, lower case after upper case, and "10" before "2" as text.
const items = [
  cluster('yolka', 'Ёлочный кластер', 'yolka cluster', 2010),
  cluster('zel', 'Зеленоград', 'Zelenograd', null),
  cluster('altai', 'Алтайский кластер', 'Altai cluster', 2012),
  cluster('ezh', 'Ежевичный кластер', 'Blackberry cluster', 2008),
  cluster('phys', 'физтех', 'Phystech', null),
  cluster('ya', 'Ярославский', 'cluster 10', 2012),
  cluster('two', 'Двойка', 'cluster 2', 2015),
];
const slugs = (list: readonly Sortable[]) => list.map((c) => c.slug);

describe('sortClusters by name', () => {
  it.each([
    ['ru', 'name', ['altai', 'two', 'ezh', 'yolka', 'zel', 'phys', 'ya']],
    ['ru', '-name', ['ya', 'phys', 'zel', 'yolka', 'ezh', 'two', 'altai']],
    ['en', 'name', ['altai', 'ezh', 'two', 'ya', 'phys', 'yolka', 'zel']],
    ['en', '-name', ['zel', 'yolka', 'phys', 'ya', 'two', 'ezh', 'altai']],
  ] as const)('in %s, %s', (lang, sort, expected) => {
    expect(slugs(sortClusters(items, sort, lang))).toEqual(expected);
  });

  it('does not change the list it is given', () => {
    const before = slugs(items);
    sortClusters(items, '-name', 'ru');
    expect(slugs(items)).toEqual(before);
  });
});

describe('sortClusters ignores punctuation in names', () => {
  // A name in quotes ("Kamsky" cluster) once sorted before every letter.
  it.each([
    ['en', ['aero', 'kam', 'zel']],
    ['ru', ['aero', 'zel', 'kam']], // А, З, К in Russian alphabetical order
  ] as const)('sorts a quoted name by its first letter (%s)', (lang, expected) => {
    const items: Sortable[] = [
      { slug: 'zel', name: { ru: '«Зеленоград»', en: '"Zelenograd" cluster' }, foundedYear: null },
      { slug: 'kam', name: { ru: '«Камский» кластер', en: '"Kamsky" cluster' }, foundedYear: null },
      { slug: 'aero', name: { ru: 'Аэрокосмический кластер', en: 'Aerospace cluster' }, foundedYear: null },
    ];
    expect(slugs(sortClusters(items, 'name', lang))).toEqual(expected);
  });
});

describe('sortClusters by founding year', () => {
  it('sorts oldest first, with missing years last (by name)', () => {
    // altai and ya share 2012: name decides ("Altai" < "cluster 10" in en).
    expect(slugs(sortClusters(items, 'founded', 'en'))).toEqual(['ezh', 'yolka', 'altai', 'ya', 'two', 'phys', 'zel']);
  });

  it('sorts newest first, still with missing years last', () => {
    expect(slugs(sortClusters(items, '-founded', 'ru'))).toEqual(['two', 'altai', 'ya', 'yolka', 'ezh', 'zel', 'phys']);
  });
});

describe('sortClusters by index', () => {
  it('puts unranked clusters last in both directions', () => {
    const ranked = [cluster('a', 'А', 'A', null, 0.5), cluster('b', 'Б', 'B', null, null), cluster('c', 'В', 'C', null, 0.9), cluster('d', 'Г', 'D')];
    expect(slugs(sortClusters(ranked, 'index', 'en'))).toEqual(['a', 'c', 'b', 'd']);
    expect(slugs(sortClusters(ranked, '-index', 'en'))).toEqual(['c', 'a', 'b', 'd']);
  });
});

describe('paginate', () => {
  const numbers = Array.from({ length: 25 }, (_, i) => i + 1);

  it.each([
    [1, 20, 20, 1, 20, 2],
    [2, 20, 5, 21, 25, 2],
    [3, 10, 5, 21, 25, 3],
    [1, 100, 25, 1, 25, 1],
    [1, 25, 25, 1, 25, 1],
  ])('page %i of %i per page holds %i items (%i–%i) of %i pages', (page, perPage, count, first, last, pages) => {
    const p = paginate(numbers, page, perPage);
    expect(p).toMatchObject({ total: 25, page, perPage, pages });
    expect(p.items).toHaveLength(count);
    expect([p.items[0], p.items.at(-1)]).toEqual([first, last]);
  });

  it('returns an empty page past the end but keeps the totals', () => {
    expect(paginate(numbers, 4, 10)).toEqual({ items: [], total: 25, page: 4, perPage: 10, pages: 3 });
  });

  it('gives one empty page for an empty list', () => {
    expect(paginate([], 1, 20)).toEqual({ items: [], total: 0, page: 1, perPage: 20, pages: 1 });
  });
});
