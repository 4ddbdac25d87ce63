import { describe, expect, it } from 'vitest';
import {
  REGIONAL_INDICATORS,
  computeRegionalIndex,
  deriveRegionalIndicators,
} from '../../../src/lib/indexing/regional-index';
import type { RegionalIndicator, RegionalTotals } from '../../../src/lib/indexing/regional-index';

type Derived = Record<RegionalIndicator, number | null>;

describe('deriveRegionalIndicators', () => {
  it.each<{ name: string; totals: RegionalTotals; expected: Derived }>([
    {
      name: 'all totals given, with a trade deficit',
      totals: { population: 2_000_000, fdi: 1_000, exports: 3_000, imports: 5_000, foreignOwnedCompanies: 400 },
      expected: { fdiPerCapita: 0.0005, tradeTurnoverPerCapita: 0.004, tradeSurplusPerCapita: -0.001, foreignCompaniesPer10k: 2 },
    },
    {
      name: 'a trade surplus',
      totals: { population: 100, fdi: 0, exports: 30, imports: 10, foreignOwnedCompanies: 0 },
      expected: { fdiPerCapita: 0, tradeTurnoverPerCapita: 0.4, tradeSurplusPerCapita: 0.2, foreignCompaniesPer10k: 0 },
    },
    {
      name: 'missing imports leaves turnover and surplus n/a',
      totals: { population: 100, fdi: 5, exports: 30, imports: null, foreignOwnedCompanies: 1 },
      expected: { fdiPerCapita: 0.05, tradeTurnoverPerCapita: null, tradeSurplusPerCapita: null, foreignCompaniesPer10k: 100 },
    },
    {
      name: 'only population given',
      totals: { population: 100 },
      expected: { fdiPerCapita: null, tradeTurnoverPerCapita: null, tradeSurplusPerCapita: null, foreignCompaniesPer10k: null },
    },
  ])('$name', ({ totals, expected }) => {
    const derived = deriveRegionalIndicators(totals);
    expect(Object.keys(derived)).toEqual([...REGIONAL_INDICATORS]);
    for (const indicator of REGIONAL_INDICATORS) {
      const want = expected[indicator];
      if (want === null) expect(derived[indicator]).toBeNull();
      else expect(derived[indicator]).toBeCloseTo(want, 15);
    }
  });

  it.each<{ name: string; totals: RegionalTotals; error: RegExp }>([
    { name: 'zero population', totals: { population: 0, fdi: 1 }, error: /population must be a finite number > 0, got 0/ },
    { name: 'negative population', totals: { population: -5 }, error: /population must be.*got -5/ },
    { name: 'NaN population', totals: { population: Number.NaN }, error: /population must be.*got NaN/ },
    { name: 'negative exports', totals: { population: 10, exports: -1, imports: 1 }, error: /exports must be a finite number >= 0.*got -1/ },
    { name: 'infinite FDI', totals: { population: 10, fdi: Number.POSITIVE_INFINITY }, error: /fdi must be.*got Infinity/ },
  ])('rejects $name', ({ totals, error }) => {
    expect(() => deriveRegionalIndicators(totals)).toThrow(error);
  });
});

describe('computeRegionalIndex', () => {
  // Population 100 everywhere, so per-capita values are totals / 100.
  const regions = [
    // deficit: surplus -0.2 → contributes 0; fdi 0.1/0.2
    { id: 'RU-AAA', totals: { population: 100, fdi: 10, exports: 10, imports: 30, foreignOwnedCompanies: 1 } },
    { id: 'RU-BBB', totals: { population: 100, fdi: 20, exports: 30, imports: 10, foreignOwnedCompanies: 1 } },
  ];

  it('a negative surplus contributes 0 but counts as reported', () => {
    const [aaa, bbb] = computeRegionalIndex(regions);
    expect(aaa?.value).toBeCloseTo(1.5, 12); // sqrt(0.25 + 1 + 0 + 1)
    expect(aaa?.reported).toBe(4);
    expect(aaa?.of).toBe(4);
    const surplus = aaa?.contributions.find((c) => c.indicator === 'tradeSurplusPerCapita');
    expect(surplus).toEqual({ indicator: 'tradeSurplusPerCapita', value: -0.2, max: 0.2, weight: 1, ratio: 0, contribution: 0 });
    expect(bbb?.value).toBeCloseTo(2, 12); // sqrt(1 + 1 + 1 + 1)
  });

  it('weights change the result', () => {
    const weights = { fdiPerCapita: 0, tradeTurnoverPerCapita: 1, tradeSurplusPerCapita: 1, foreignCompaniesPer10k: 0 };
    const [aaa, bbb] = computeRegionalIndex(regions, weights);
    expect(aaa?.value).toBeCloseTo(1, 12); // sqrt(1 + 0)
    expect(bbb?.value).toBeCloseTo(Math.SQRT2, 12);
  });

  it('a region without trade data has those indicators n/a', () => {
    const [, partial] = computeRegionalIndex([regions[0]!, { id: 'RU-CCC', totals: { population: 100, fdi: 20 } }]);
    expect(partial?.reported).toBe(1);
    expect(partial?.value).toBeCloseTo(1, 12); // fdi 0.2 is the max
  });

  it('names the region whose totals are invalid', () => {
    expect(() => computeRegionalIndex([...regions, { id: 'RU-ZZZ', totals: { population: 0 } }])).toThrow(
      /Region "RU-ZZZ": population must be a finite number > 0, got 0/,
    );
  });

  it('rejects an empty set', () => {
    expect(() => computeRegionalIndex([])).toThrow(/cannot compute an index over an empty comparison set/);
  });
});
