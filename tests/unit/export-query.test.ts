import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/lib/directory/query';
import { exportParams, exportQuerySchema, exportView } from '../../src/lib/export/export-query';

describe('exportView', () => {
  it.each([
    [{}, { kind: 'directory', sort: 'name' }],
    [{ industryGroup: 'nuclear', sort: '-index' }, { kind: 'directory', sort: '-index' }],
    [{ region: 'RU-TOM', sort: '-name' }, { kind: 'directory', sort: '-name' }],
    [{ sort: 'relevance' }, { kind: 'search', sort: 'relevance' }],
    [{ q: 'атом' }, { kind: 'search', sort: 'relevance' }],
    [{ q: 'атом', sort: 'index' }, { kind: 'search', sort: 'index' }],
    [{ federalDistrict: 'ural' }, { kind: 'search', sort: 'relevance' }],
    [{ scenario: 'lonely', sort: 'name' }, { kind: 'search', sort: 'name' }],
    [{ bbox: { minLon: 30, minLat: 50, maxLon: 60, maxLat: 60 } }, { kind: 'search', sort: 'relevance' }],
  ] as const)('%j is a %j export', (query, view) => {
    expect(exportView(query)).toEqual(view);
  });

  it('refuses a descending name sort with search parameters, saying which sorts the search has', () => {
    expect(exportView({ q: 'x', sort: '-name' })).toMatch(/^sort -name is not available .* relevance, name/);
  });
});

describe('exportQuerySchema', () => {
  it('takes the directory’s and the search’s parameters together, and no paging', () => {
    const parsed = parseQuery(exportQuerySchema, new URLSearchParams('q=nuclear&industryGroup=nuclear&federalDistrict=volga&year=2012&sort=-name&lang=ru&bbox=30,50,60,60'));
    expect(parsed).toMatchObject({ ok: true, value: { q: 'nuclear', industryGroup: 'nuclear', federalDistrict: 'volga', year: 2012, sort: '-name', lang: 'ru' } });
    const paged = parseQuery(exportQuerySchema, new URLSearchParams('page=2&perPage=10'));
    expect(paged.ok ? [] : paged.problems.map((p) => p.field)).toEqual(['page', 'perPage']);
  });
});

describe('exportParams', () => {
  it('keeps filters, sort and language in a stable order, without empty values or paging', () => {
    expect(exportParams({ sort: '-index', lang: 'en', q: '', industryGroup: 'nuclear', year: 2012, page: 3 } as never).toString()).toBe('industryGroup=nuclear&year=2012&sort=-index&lang=en');
    expect(exportParams({ bbox: { minLon: 30, minLat: 50, maxLon: 60, maxLat: 60 } }).get('bbox')).toBe('30,50,60,60');
  });
});
