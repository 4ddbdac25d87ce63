import { describe, expect, it } from 'vitest';
import { boundingBoxFilter, buildFilters, buildMatchingRequest, buildSearchRequests, buildSort, filterLiteral } from '../../../src/lib/search/meili-request';
import { MAX_TOTAL_HITS } from '../../../src/lib/search/index-settings';
import { searchQuerySchema } from '../../../src/lib/search/query';

describe('filters', () => {
  it('escapes string literals', () => expect(filterLiteral('a"b\\c')).toBe('"a\\"b\\\\c"'));

  it('ANDs the active facets, leaving out the excepted one', () => {
    const q = { industryGroup: 'nuclear' as const, region: 'RU-TOM', scenario: 'lonely' as const };
    expect(buildFilters(q)).toEqual(['industryGroup = "nuclear"', 'region = "RU-TOM"', 'scenario = "lonely"']);
    expect(buildFilters(q, 'region')).toEqual(['industryGroup = "nuclear"', 'scenario = "lonely"']);
  });

  it('puts the north-east corner first, latitude first (Meilisearch 1.21 order)', () => {
    expect(boundingBoxFilter({ minLon: 30, minLat: 50, maxLon: 60, maxLat: 60 })).toBe('_geoBoundingBox([60, 60], [50, 30])');
  });

  it('splits a box crossing the antimeridian in two', () => {
    expect(boundingBoxFilter({ minLon: 170, minLat: 60, maxLon: -170, maxLat: 70 })).toBe(
      '(_geoBoundingBox([70, 180], [60, 170]) OR _geoBoundingBox([70, -170], [60, -180]))',
    );
  });
});

describe('buildSort', () => {
  it.each([
    ['relevance', 'titanium', undefined],
    ['relevance', '', ['sortName.ru:asc']],
    ['name', 'x', ['sortName.ru:asc']],
    ['-index', 'x', ['index:desc', 'sortName.ru:asc']],
    ['index', 'x', ['index:asc', 'sortName.ru:asc']],
    ['founded', 'x', ['foundedYear:asc', 'sortName.ru:asc']],
    ['-founded', 'x', ['foundedYear:desc', 'sortName.ru:asc']],
  ] as const)('%s with q=%j', (sort, q, expected) => expect(buildSort(sort, q, 'ru')).toEqual(expected));
});

describe('buildSearchRequests', () => {
  it('asks for every facet in one query when nothing is filtered', () => {
    const requests = buildSearchRequests(searchQuerySchema.parse({ q: 'nuclear' }), 'clusters', 'en');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ indexUid: 'clusters', q: 'nuclear', filter: [], facets: ['industryGroup', 'federalDistrict', 'region', 'scenario', 'status'], page: 1, hitsPerPage: 20 });
  });

  it('adds one count query per active facet, without its own filter (disjunctive facets)', () => {
    const requests = buildSearchRequests(searchQuerySchema.parse({ q: 'x', industryGroup: 'nuclear', region: 'RU-NIZ' }), 'clusters', 'en');
    expect(requests.map((r) => [r.filter, r.facets, r.limit])).toEqual([
      [['industryGroup = "nuclear"', 'region = "RU-NIZ"'], ['federalDistrict', 'scenario', 'status'], undefined],
      [['region = "RU-NIZ"'], ['industryGroup'], 0],
      [['industryGroup = "nuclear"'], ['region'], 0],
    ]);
  });

  it('filters by the federal district like any other facet', () => {
    const [main] = buildSearchRequests(searchQuerySchema.parse({ q: '', federalDistrict: 'siberian' }), 'clusters', 'en');
    expect(main!.filter).toEqual(['federalDistrict = "siberian"']);
  });

  it('asks every match of matchingSlugs, slugs only', () => {
    expect(buildMatchingRequest({ q: 'a', region: 'RU-TOM' }, 'clusters')).toEqual({
      indexUid: 'clusters',
      q: 'a',
      filter: ['region = "RU-TOM"'],
      limit: MAX_TOTAL_HITS,
      attributesToRetrieve: ['slug'],
    });
  });
});
