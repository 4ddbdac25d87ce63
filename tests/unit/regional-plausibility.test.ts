import { describe, expect, it } from 'vitest';
import {
  describeRegionalProblem,
  findRegionalProblems,
  MAX_FOREIGN_COMPANIES_PER_10K,
  MAX_MONEY_PER_CAPITA,
  MAX_REGION_POPULATION,
  MIN_REGION_POPULATION,
  type RegionalProblem,
  type RegionalTotalsInput,
} from '../../src/lib/regional-plausibility';

/** Totals of a plausible region: 1,000,000 residents; money in million USD. */
const GOOD = { population: 1_000_000, fdi: 100, exports: 3_000, imports: 1_000, foreignOwnedCompanies: 500 };

describe('findRegionalProblems: plausible totals', () => {
  it.each<[string, RegionalTotalsInput]>([
    ['a typical region', GOOD],
    ['missing optional totals', { population: 1_000_000, fdi: null, exports: null, imports: null, foreignOwnedCompanies: null }],
    ['the bounds themselves', { population: MIN_REGION_POPULATION, fdi: MIN_REGION_POPULATION * MAX_MONEY_PER_CAPITA, exports: MIN_REGION_POPULATION / 2, imports: MIN_REGION_POPULATION / 2, foreignOwnedCompanies: MAX_FOREIGN_COMPANIES_PER_10K }],
    ['the largest population', { ...GOOD, population: MAX_REGION_POPULATION }],
    ['a negative surplus (imports above exports)', { ...GOOD, exports: 0, imports: 3_000 }],
  ])('%s: none', (_name, totals) => {
    expect(findRegionalProblems(totals)).toEqual([]);
  });
});

describe('findRegionalProblems: implausible or broken totals', () => {
  it.each<[string, RegionalTotalsInput, RegionalProblem[]]>([
    // The reproduction of issue 9: a tiny population.
    ['population 5e-324', { population: 5e-324, fdi: 1e308, exports: 1e308, imports: 0, foreignOwnedCompanies: 1e308 }, [{ field: 'population', code: 'below-minimum', value: '5e-324', limit: 10_000 }]],
    ['population 9,999', { ...GOOD, population: 9_999 }, [{ field: 'population', code: 'below-minimum', value: '9999', limit: 10_000 }]],
    ['population above all of Russia', { ...GOOD, population: 150_000_001 }, [{ field: 'population', code: 'above-maximum', value: '150000001', limit: 150_000_000 }]],
    ['no population', { ...GOOD, population: null }, [{ field: 'population', code: 'invalid', value: 'null' }]],
    ['text stored as a value', { ...GOOD, fdi: 'abc' }, [{ field: 'fdi', code: 'invalid', value: 'abc' }]],
    ['NaN', { ...GOOD, imports: Number.NaN }, [{ field: 'imports', code: 'invalid', value: 'NaN' }]],
    ['Infinity', { ...GOOD, exports: Infinity }, [{ field: 'exports', code: 'not-finite', value: 'Infinity' }]],
    ['a negative total', { ...GOOD, foreignOwnedCompanies: -1 }, [{ field: 'foreignOwnedCompanies', code: 'negative', value: '-1', limit: 0 }]],
    // 1e308 + 1e308 overflows to Infinity: each cell is a valid number, the derived turnover is not.
    ['exports + imports that overflow', { ...GOOD, exports: 1e308, imports: 1e308 }, [{ field: 'tradeTurnoverPerCapita', code: 'not-finite', value: 'Infinity' }]],
    // 2,000,000 million USD / 1,000,000 residents = 2 > 1.
    ['FDI per resident above the bound', { ...GOOD, fdi: 2_000_000 }, [{ field: 'fdiPerCapita', code: 'above-maximum', value: '2', limit: 1 }]],
    // Money in USD instead of million USD: (3e9 + 1e9) / 1e6 = 4000 per resident.
    ['money in USD, not million USD', { ...GOOD, exports: 3e9, imports: 1e9 }, [{ field: 'tradeTurnoverPerCapita', code: 'above-maximum', value: '4000', limit: 1 }]],
    // 200,000 companies / 1,000,000 residents × 10,000 = 2,000 per 10,000.
    ['more foreign-owned companies than one per ten residents', { ...GOOD, foreignOwnedCompanies: 200_000 }, [{ field: 'foreignCompaniesPer10k', code: 'above-maximum', value: '2000', limit: 1_000 }]],
  ])('%s', (_name, totals, problems) => {
    expect(findRegionalProblems(totals)).toEqual(problems);
  });

  it('reports every bad total, and derived figures only once the totals are fine', () => {
    const problems = findRegionalProblems({ population: 5, fdi: -1, exports: Infinity, imports: 1, foreignOwnedCompanies: 1e9 });
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual(['population:below-minimum', 'fdi:negative', 'exports:not-finite']);
  });
});

describe('describeRegionalProblem', () => {
  it.each<[RegionalProblem, string]>([
    [
      { field: 'population', code: 'below-minimum', value: '9999', limit: 10_000 },
      'population 9999 is below 10000 residents, fewer than any Russian region has: give the number of persons, not thousands',
    ],
    [{ field: 'population', code: 'above-maximum', value: '2e9', limit: 150_000_000 }, 'population 2e9 is above 150000000 residents, more than all of Russia'],
    [{ field: 'fdi', code: 'not-finite', value: 'Infinity' }, 'fdi must be a finite number, got Infinity'],
    [{ field: 'fdi', code: 'invalid', value: 'abc' }, 'fdi must be a number, got abc'],
    [{ field: 'imports', code: 'negative', value: '-1', limit: 0 }, 'imports must be a number ≥ 0, got -1'],
    [
      { field: 'tradeTurnoverPerCapita', code: 'not-finite', value: 'Infinity' },
      'foreign trade turnover per resident ((exports + imports) / population) is not a finite number (Infinity): the totals are too large for the population; check that money is in million USD and population in persons',
    ],
    [
      { field: 'fdiPerCapita', code: 'above-maximum', value: '2', limit: 1 },
      'FDI per resident (fdi / population) is 2, above 1, more than any region has: check that money is in million USD and population in persons',
    ],
  ])('%j', (problem, text) => {
    expect(describeRegionalProblem(problem)).toBe(text);
  });
});
