import { describe, expect, it } from 'vitest';
import { computeIndexOverSet, unitWeights } from '../../../src/lib/indexing/multivariate-index';
import { rankDescending } from '../../../src/lib/indexing/rank';

/**
 * The four indicators of the 25 pilot innovative territorial clusters, 2012, as published in
 * the HSE paper's Table 4 (source: Ministry of Economic Development, 2012); null = n/a.
 * Copied from shared/data/pilot-clusters-2012.csv.
 */
const PILOT_2012 = [
  { no: 1, internationalMembers: 0, exportsBlnRub: 1.2, publications: 1177, jointRndBlnRub: 1.9 },
  { no: 2, internationalMembers: 0, exportsBlnRub: 25, publications: 1769, jointRndBlnRub: 1.7 },
  { no: 3, internationalMembers: null, exportsBlnRub: 1.8, publications: 259, jointRndBlnRub: 1.7 },
  { no: 4, internationalMembers: null, exportsBlnRub: 18.7, publications: 3155, jointRndBlnRub: 0.2 },
  { no: 5, internationalMembers: null, exportsBlnRub: 12.2, publications: 84, jointRndBlnRub: 0.07 },
  { no: 6, internationalMembers: null, exportsBlnRub: 2.5, publications: 3239, jointRndBlnRub: 2.2 },
  { no: 7, internationalMembers: null, exportsBlnRub: 1.06, publications: 1301, jointRndBlnRub: 35 },
  { no: 8, internationalMembers: 2, exportsBlnRub: 25, publications: 1244, jointRndBlnRub: 1.44 },
  { no: 9, internationalMembers: 3, exportsBlnRub: 4.38, publications: 492, jointRndBlnRub: 0.08 },
  { no: 10, internationalMembers: 4, exportsBlnRub: 0.1, publications: 1149, jointRndBlnRub: 0.01 },
  { no: 11, internationalMembers: null, exportsBlnRub: null, publications: 694, jointRndBlnRub: 0.39 },
  { no: 12, internationalMembers: 0, exportsBlnRub: 0.25, publications: 596, jointRndBlnRub: null },
  { no: 13, internationalMembers: 0, exportsBlnRub: 1.2, publications: 41, jointRndBlnRub: 0.35 },
  { no: 14, internationalMembers: 0, exportsBlnRub: 0.55, publications: 1150, jointRndBlnRub: 8.4 },
  { no: 15, internationalMembers: 0, exportsBlnRub: 0.01, publications: 4458, jointRndBlnRub: 3.3 },
  { no: 16, internationalMembers: null, exportsBlnRub: 15.6, publications: 3028, jointRndBlnRub: 3.8 },
  { no: 17, internationalMembers: null, exportsBlnRub: 22, publications: 200, jointRndBlnRub: 2.6 },
  { no: 18, internationalMembers: 7, exportsBlnRub: 9.6, publications: 3285, jointRndBlnRub: 0.32 },
  { no: 19, internationalMembers: null, exportsBlnRub: 0.35, publications: 42, jointRndBlnRub: 0.4 },
  { no: 20, internationalMembers: 0, exportsBlnRub: 72.4, publications: 691, jointRndBlnRub: 8.2 },
  { no: 21, internationalMembers: null, exportsBlnRub: 16.7, publications: 146, jointRndBlnRub: 0.15 },
  { no: 22, internationalMembers: 3, exportsBlnRub: 6.9, publications: 317, jointRndBlnRub: 0.5 },
  { no: 23, internationalMembers: null, exportsBlnRub: 1.67, publications: 172, jointRndBlnRub: 1.2 },
  { no: 24, internationalMembers: null, exportsBlnRub: 0.4, publications: 877, jointRndBlnRub: 0.22 },
  { no: 25, internationalMembers: null, exportsBlnRub: 6.2, publications: 2532, jointRndBlnRub: 1.55 },
] as const;

const INDICATORS = ['internationalMembers', 'exportsBlnRub', 'publications', 'jointRndBlnRub'] as const;

describe('2012 pilot clusters, all 25 as the comparison set, unit weights', () => {
  const results = computeIndexOverSet(
    PILOT_2012.map(({ no, ...values }) => ({ id: String(no), values })),
    INDICATORS,
    unitWeights(INDICATORS),
  );
  const ranks = rankDescending(results);
  const byId = new Map(results.map((r) => [r.id, r]));

  it('ranks no. 18 (Nizhny Novgorod automobile and petrochemical) 1st of 25', () => {
    expect(results).toHaveLength(25);
    expect(ranks.get('18')).toBe(1);
    expect([...ranks.values()].filter((rank) => rank === 1)).toHaveLength(1);
  });

  it('gives no. 18 the value of the hand formula', () => {
    // Maxima: 7 international members (no. 18), 72.4 bln RUB exports (no. 20),
    // 4458 publications (no. 15), 35 bln RUB joint R&D (no. 7).
    const byHand = Math.sqrt((7 / 7) ** 2 + (9.6 / 72.4) ** 2 + (3285 / 4458) ** 2 + (0.32 / 35) ** 2);
    expect(byId.get('18')?.value).toBeCloseTo(byHand, 9);
    expect(Math.abs((byId.get('18')?.value ?? 0) - byHand)).toBeLessThan(1e-9);
    expect(byHand).toBeCloseTo(1.2493, 4);
  });

  it('states how many indicators each cluster reported', () => {
    expect(byId.get('18')?.reported).toBe(4);
    expect(byId.get('11')?.reported).toBe(2);
    expect(byId.get('3')?.reported).toBe(3);
  });
});
