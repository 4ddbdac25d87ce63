import { describe, expect, it } from 'vitest';
import { screenIndicatorRows, screenRegionalRecords } from '../../src/lib/data-screening';
import type { RegionalStatisticsRecord } from '../../src/lib/regional-statistics';

/** A plausible stored record: 1,000,000 residents, money in million USD. */
function stored(region: string, overrides: Record<string, unknown> = {}): RegionalStatisticsRecord {
  return {
    region,
    year: 2012,
    population: 1_000_000,
    populationSource: 'p',
    fdi: 100,
    fdiSource: 'f',
    exports: 3_000,
    exportsSource: 'e',
    imports: 1_000,
    importsSource: 'i',
    foreignOwnedCompanies: 500,
    foreignOwnedCompaniesSource: 'c',
    ...overrides,
  } as RegionalStatisticsRecord;
}

describe('screenRegionalRecords', () => {
  it('keeps plausible records as they are, in order', () => {
    const records = [stored('RU-KLU'), stored('RU-TOM', { fdi: null, fdiSource: null })];
    expect(screenRegionalRecords(records)).toEqual({ usable: records, excluded: [] });
  });

  it('leaves out the row of issue 9 (population 5e-324, totals 1e308) and names region, year, field and reason', () => {
    const bad = stored('RU-TOM', { population: 5e-324, fdi: 1e308, exports: 1e308, imports: 0, foreignOwnedCompanies: 1e308 });
    const { usable, excluded } = screenRegionalRecords([stored('RU-KLU'), bad]);
    expect(usable.map((r) => r.region)).toEqual(['RU-KLU']);
    expect(excluded).toEqual([
      {
        region: 'RU-TOM',
        year: 2012,
        problem: { field: 'population', code: 'below-minimum', value: '5e-324', limit: 10_000 },
        reason: 'population 5e-324 is below 10000 residents, fewer than any Russian region has: give the number of persons, not thousands',
      },
    ]);
  });

  it.each([
    ['Infinity stored in a money column', { fdi: Infinity }, 'fdi', 'not-finite'],
    ['text stored in a REAL column (SQLite keeps it)', { exports: 'n/a' }, 'exports', 'invalid'],
    ['exports + imports that overflow', { exports: 1e308, imports: 1e308 }, 'tradeTurnoverPerCapita', 'not-finite'],
    ['a population of 9,999', { population: 9_999 }, 'population', 'below-minimum'],
  ])('leaves out %s', (_name, overrides, field, code) => {
    const { usable, excluded } = screenRegionalRecords([stored('RU-SPE', overrides)]);
    expect(usable).toEqual([]);
    expect(excluded[0]!.problem).toMatchObject({ field, code });
  });

  it('leaves out a record whose key is not a region code or a whole year', () => {
    const { excluded } = screenRegionalRecords([stored('RU-XXX'), stored('RU-KLU', { year: 2012.5 })]);
    expect(excluded.map((e) => [e.region, e.year, e.problem.field, e.problem.code])).toEqual([
      ['RU-XXX', 2012, 'region', 'invalid'],
      ['RU-KLU', 2012.5, 'year', 'invalid'],
    ]);
    expect(excluded[0]!.reason).toBe('region: region is not a Russian region code');
  });
});

describe('screenIndicatorRows', () => {
  const row = (slug: string, indicator: string, value: unknown) => ({ slug, year: 2012, indicator, value });

  it('keeps finite values ≥ 0 (0 included) and leaves out the others with the reason', () => {
    const rows = [
      row('a', 'exportsBlnRub', 3),
      row('b', 'exportsBlnRub', 0),
      row('c', 'exportsBlnRub', Infinity),
      row('d', 'publications', -1),
      row('e', 'publications', 'many'),
      row('f', 'bogus', 1),
    ];
    const { usable, excluded } = screenIndicatorRows(rows);
    expect(usable.map((r) => r.slug)).toEqual(['a', 'b']);
    expect(excluded).toEqual([
      { slug: 'c', year: 2012, indicator: 'exportsBlnRub', value: 'Infinity', reason: 'exportsBlnRub must be a finite number ≥ 0, got Infinity' },
      { slug: 'd', year: 2012, indicator: 'publications', value: '-1', reason: 'publications must be a finite number ≥ 0, got -1' },
      { slug: 'e', year: 2012, indicator: 'publications', value: 'many', reason: 'publications must be a finite number ≥ 0, got many' },
      {
        slug: 'f',
        year: 2012,
        indicator: 'bogus',
        value: '1',
        reason: 'unknown indicator "bogus"; expected one of internationalMembers, exportsBlnRub, publications, jointRndBlnRub',
      },
    ]);
  });
});
