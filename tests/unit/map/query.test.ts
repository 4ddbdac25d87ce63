import { describe, expect, it } from 'vitest';
import { PER_PAGE_MAX, parseQuery, parseQueryLenient } from '../../../src/lib/directory/query';
import { canonicalMapQuery, mapFilterParams, mapQuerySchema, needsSearch } from '../../../src/lib/map/query';
import { searchQuerySchema } from '../../../src/lib/search/query';

const strict = (qs: string) => parseQuery(mapQuerySchema, new URLSearchParams(qs));
const badFields = (qs: string) => {
  const r = strict(qs);
  return r.ok ? [] : r.problems.map((p) => p.field);
};

describe('mapQuerySchema', () => {
  it('accepts an empty query, listing up to the page maximum', () => {
    expect(strict('')).toEqual({ ok: true, value: { q: '', sort: 'relevance', page: 1, perPage: PER_PAGE_MAX } });
  });

  it('accepts every /search parameter, so a search URL opens the same set on the map', () => {
    const qs = 'q=титан&industryGroup=new-materials&region=RU-SVE&status=industrial&scenario=unknown&sort=relevance&page=2&perPage=10&lang=en&bbox=30,50,90,65';
    expect(parseQuery(searchQuerySchema, new URLSearchParams(qs)).ok).toBe(true);
    expect(strict(qs)).toEqual({
      ok: true,
      value: {
        q: 'титан',
        industryGroup: 'new-materials',
        region: 'RU-SVE',
        status: 'industrial',
        scenario: 'unknown',
        sort: 'relevance',
        page: 2,
        perPage: 10,
        lang: 'en',
        bbox: { minLon: 30, minLat: 50, maxLon: 90, maxLat: 65 },
      },
    });
  });

  it('accepts the directory year and a box across the 180° meridian', () => {
    expect(strict('year=2012&bbox=170,60,-170,70')).toMatchObject({ ok: true, value: { year: 2012, bbox: { minLon: 170, maxLon: -170 } } });
  });

  it.each([
    ['foo=1', 'foo'],
    ['bbox=1,2,3', 'bbox'],
    ['bbox=30,65,60,50', 'bbox'],
    ['scenario=great', 'scenario'],
    ['industryGroup=toys', 'industryGroup'],
    ['region=RU-XX', 'region'],
    ['lang=de', 'lang'],
    ['sort=size', 'sort'],
    ['year=soon', 'year'],
    [`q=${'x'.repeat(201)}`, 'q'],
  ])('rejects %s, naming %s', (qs, field) => {
    expect(badFields(qs)).toEqual([field]);
  });

  it('drops bad parameters on pages (lenient), keeping the good ones', () => {
    const { value, problems } = parseQueryLenient(mapQuerySchema, new URLSearchParams('bbox=oops&industryGroup=nuclear'));
    expect(value.industryGroup).toBe('nuclear');
    expect(value.bbox).toBeUndefined();
    expect(problems.map((p) => p.field)).toEqual(['bbox']);
  });
});

describe('mapFilterParams / canonicalMapQuery', () => {
  it('keeps only the filters, in a fixed order, with bbox as text', () => {
    const params = mapFilterParams({ page: 3, lang: 'en', bbox: { minLon: 30, minLat: 50, maxLon: 60, maxLat: 65 }, q: 'x', industryGroup: 'nuclear' });
    expect(params.toString()).toBe('q=x&industryGroup=nuclear&bbox=30%2C50%2C60%2C65');
  });

  it('leaves out an empty q', () => expect(mapFilterParams({ q: '', region: 'RU-MOS' }).toString()).toBe('region=RU-MOS'));

  it('is the same for equal filters, whatever the order and list options', () => {
    expect(canonicalMapQuery({ region: 'RU-MOS', scenario: 'unknown', page: 2 })).toBe(canonicalMapQuery({ scenario: 'unknown', region: 'RU-MOS', sort: 'name' }));
  });
});

describe('needsSearch', () => {
  it.each([
    [{}, false],
    [{ industryGroup: 'nuclear' as const }, false],
    [{ q: '  ' }, false],
    [{ q: 'титан' }, true],
    [{ bbox: { minLon: 30, minLat: 50, maxLon: 60, maxLat: 65 } }, true],
  ])('%o → %s', (query, expected) => expect(needsSearch(query)).toBe(expected));
});
