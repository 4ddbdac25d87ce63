import { describe, expect, it } from 'vitest';
import { parseQuery, parseQueryLenient } from '../../../src/lib/directory/query';
import { hasFilters, offeredSearchSorts, parseBoundingBox, searchQuerySchema } from '../../../src/lib/search/query';

const strict = (qs: string) => parseQuery(searchQuerySchema, new URLSearchParams(qs));
const badFields = (qs: string) => {
  const r = strict(qs);
  return r.ok ? [] : r.problems.map((p) => p.field);
};

describe('searchQuerySchema', () => {
  it('fills the defaults', () => {
    expect(strict('')).toEqual({ ok: true, value: { q: '', sort: 'relevance', page: 1, perPage: 20 } });
  });

  it('parses every parameter', () => {
    const r = strict('q=Томск&industryGroup=nuclear&region=RU-TOM&status=industrial&scenario=lonely&sort=-index&page=2&perPage=50&lang=ru&bbox=30,50,60,60');
    expect(r).toEqual({
      ok: true,
      value: {
        q: 'Томск',
        industryGroup: 'nuclear',
        region: 'RU-TOM',
        status: 'industrial',
        scenario: 'lonely',
        sort: '-index',
        page: 2,
        perPage: 50,
        lang: 'ru',
        bbox: { minLon: 30, minLat: 50, maxLon: 60, maxLat: 60 },
      },
    });
  });

  it.each([
    ['q=' + 'x'.repeat(201), 'q'],
    ['industryGroup=bogus', 'industryGroup'],
    ['region=RU-XXX', 'region'],
    ['scenario=famous', 'scenario'],
    ['sort=random', 'sort'],
    ['page=0', 'page'],
    ['perPage=101', 'perPage'],
    ['lang=de', 'lang'],
    ['bbox=1,2,3', 'bbox'],
    ['foo=1', 'foo'],
    ['q=a&q=b', 'q'],
  ])('rejects %s naming %s', (qs, field) => expect(badFields(qs)).toEqual([field]));

  it('explains the bbox format with the bad value', () => {
    const r = strict('bbox=west');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toBe('must be "minLon,minLat,maxLon,maxLat" in degrees (GeoJSON order), e.g. 30,50,60,60; got "west"');
  });

  it('lets the page drop bad parameters and keep the rest', () => {
    const { value, problems } = parseQueryLenient(searchQuerySchema, new URLSearchParams('q=titanium&sort=random'));
    expect(value).toMatchObject({ q: 'titanium', sort: 'relevance' });
    expect(problems.map((p) => p.field)).toEqual(['sort']);
  });
});

describe('parseBoundingBox', () => {
  it.each([
    ['30,50,60,60', { minLon: 30, minLat: 50, maxLon: 60, maxLat: 60 }],
    [' 170 , 60 , -170 , 70 ', { minLon: 170, minLat: 60, maxLon: -170, maxLat: 70 }],
  ])('parses %s', (text, box) => expect(parseBoundingBox(text)).toEqual(box));

  it.each([
    ['1,2,3', /minLon,minLat,maxLon,maxLat/],
    ['1,2,3,x', /got "1,2,3,x"/],
    ['181,0,182,1', /longitudes must be between -180 and 180/],
    ['0,91,1,92', /latitudes must be between -90 and 90/],
    ['0,60,1,50', /minLat \(60\) must not be greater than maxLat \(50\)/],
  ])('rejects %s', (text, message) => expect(parseBoundingBox(text)).toMatch(message));
});

describe('hasFilters', () => {
  it('is false for text and sort alone, true for any filter', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ region: 'RU-TOM' })).toBe(true);
    expect(hasFilters({ bbox: { minLon: 0, minLat: 0, maxLon: 1, maxLat: 1 } })).toBe(true);
  });
});

describe('offeredSearchSorts', () => {
  it('offers founding-year and index sorts only when some cluster has them, and always the current one', () => {
    expect(offeredSearchSorts({ anyFoundedYear: false, anyIndex: true }, undefined)).toEqual(['relevance', 'name', '-index', 'index']);
    expect(offeredSearchSorts({ anyFoundedYear: true, anyIndex: false }, undefined)).toEqual(['relevance', 'name', 'founded', '-founded']);
    expect(offeredSearchSorts({ anyFoundedYear: false, anyIndex: false }, '-founded')).toEqual(['relevance', 'name', '-founded']);
  });
});
