import { describe, expect, it } from 'vitest';
import { computeYearAnalytics, type AnalyticsCluster } from '../../../src/lib/indexing/year-analytics';
import { REGIONAL_INPUTS, type RegionalStatisticsRecord } from '../../../src/lib/regional-statistics';
import { DEFAULT_SETTINGS, indexSettingsSchema } from '../../../src/lib/settings';

// Small sets whose indices are computed by hand in the comments; the formula is
// I = sqrt(Σ α_j (x_j / max_j)²) with α = 1, a missing value counting 0.

const MEAN = DEFAULT_SETTINGS.index;
const settings = (threshold: unknown) => indexSettingsSchema.parse({ threshold });

/**
 * Every total is multiplied by this, so that populations are plausible (≥ 10,000; see regional-plausibility.ts)
 * while the per-capita figures, and with them the hand-computed indices below, stay as written.
 */
const SCALE = 10_000;

/** A regional record with every value given (and sourced) unless overridden with null; totals as written × SCALE. */
function region(code: string, totals: { population: number; fdi: number | null; exports: number | null; imports: number | null; companies: number | null }): RegionalStatisticsRecord {
  const src = (v: number | null) => (v === null ? null : 'hand-made test value');
  const scaled = (v: number | null) => (v === null ? null : v * SCALE);
  return {
    region: code,
    year: 2012,
    population: totals.population * SCALE,
    populationSource: 'hand-made test value',
    fdi: scaled(totals.fdi),
    fdiSource: src(totals.fdi),
    exports: scaled(totals.exports),
    exportsSource: src(totals.exports),
    imports: scaled(totals.imports),
    importsSource: src(totals.imports),
    foreignOwnedCompanies: scaled(totals.companies),
    foreignOwnedCompaniesSource: src(totals.companies),
  };
}

/**
 * Two comparison sets:
 *   a (nuclear)        IM 4, EX 2, PU 10, RD 1
 *   b (nuclear)        IM 2, EX 4, PU —,  RD 1
 *   c (it-electronics) IM —, EX 1, PU 20, RD 0
 *   d (it-electronics) 100 everywhere, self-assessment 1: not ranked, not in any maximum
 *   e (nuclear)        nothing reported this year
 * Overall maxima (a, b, c): IM 4, EX 4, PU 20, RD 1
 *   a = sqrt(1 + 0.25 + 0.25 + 1) = sqrt(2.5); b = sqrt(0.25 + 1 + 0 + 1) = 1.5; c = sqrt(0 + 1/16 + 1 + 0) = sqrt(1.0625)
 * Nuclear maxima (a, b): IM 4, EX 4, PU 10, RD 1
 *   a = sqrt(1 + 0.25 + 1 + 1) = sqrt(3.25); b = 1.5
 * IT maxima (c): EX 1, PU 20, RD 0 (max 0 → contributes 0)
 *   c = sqrt(1 + 1) = sqrt(2)
 */
const TWO_SETS: AnalyticsCluster[] = [
  { slug: 'a', industryGroup: 'nuclear', region: 'RU-KLU', selfAssessment: 5, values: { internationalMembers: 4, exportsBlnRub: 2, publications: 10, jointRndBlnRub: 1 } },
  { slug: 'b', industryGroup: 'nuclear', region: 'RU-MOW', selfAssessment: null, values: { internationalMembers: 2, exportsBlnRub: 4, jointRndBlnRub: 1 } },
  { slug: 'c', industryGroup: 'it-electronics', region: 'RU-SPE', selfAssessment: 3, values: { exportsBlnRub: 1, publications: 20, jointRndBlnRub: 0 } },
  { slug: 'd', industryGroup: 'it-electronics', region: 'RU-TOM', selfAssessment: 1, values: { internationalMembers: 100, exportsBlnRub: 100, publications: 100, jointRndBlnRub: 100 } },
  { slug: 'e', industryGroup: 'nuclear', region: 'RU-KLU', selfAssessment: 4, values: {} },
];

describe('computeYearAnalytics: two comparison sets and ranks', () => {
  const year = computeYearAnalytics(2012, TWO_SETS, [], MEAN);
  const get = (slug: string) => year.clusters.get(slug)!;

  it('gives a result for every cluster, including the unranked ones', () => {
    expect([...year.clusters.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(year.year).toBe(2012);
    for (const a of year.clusters.values()) expect(a.year).toBe(2012);
  });

  it.each([
    ['a', Math.sqrt(2.5), 1, 3, Math.sqrt(3.25), 1, 2],
    ['b', 1.5, 2, 3, 1.5, 2, 2],
    ['c', Math.sqrt(1.0625), 3, 3, Math.sqrt(2), 1, 1],
  ])('%s: overall %f (rank %i of %i), in its industry %f (rank %i of %i)', (slug, overall, overallRank, overallOf, industry, industryRank, industryOf) => {
    const a = get(slug);
    expect(a.notRanked).toBeNull();
    expect(a.overall!.value).toBeCloseTo(overall, 12);
    expect(a.overall).toMatchObject({ rank: overallRank, of: overallOf });
    expect(a.industry!.value).toBeCloseTo(industry, 12);
    expect(a.industry).toMatchObject({ rank: industryRank, of: industryOf });
  });

  it('keeps the grade-1 cluster out of the maxima: the reference maxima are those of a, b and c', () => {
    expect(year.maxima).toEqual({ internationalMembers: 4, exportsBlnRub: 4, publications: 20, jointRndBlnRub: 1 });
    const aPublications = get('a').contributions.find((c) => c.indicator === 'publications')!;
    expect(aPublications).toMatchObject({ value: 10, max: 20, weight: 1 });
    expect(aPublications.ratio).toBeCloseTo(0.5, 12);
    expect(aPublications.contribution).toBeCloseTo(0.25, 12);
  });

  it('does not rank a self-assessment-1 cluster, says why, and still counts what it reported', () => {
    expect(get('d')).toMatchObject({ notRanked: 'self-assessment-1', overall: null, industry: null, reported: 4, of: 4, contributions: [] });
  });

  it("marks a cluster without indicators that year as 'no-indicators'", () => {
    expect(get('e')).toMatchObject({ notRanked: 'no-indicators', overall: null, industry: null, reported: 0, of: 4, contributions: [] });
  });

  it.each([
    ['a', 4],
    ['b', 3],
    ['c', 3], // a reported 0 is reported
  ])('%s reported %i of 4 indicators', (slug, reported) => {
    expect(get(slug)).toMatchObject({ reported, of: 4 });
  });

  it('shows a missing value as not reported: value null, ratio 0, contribution 0, with the set maximum', () => {
    expect(get('b').contributions.find((c) => c.indicator === 'publications')).toEqual({ indicator: 'publications', value: null, max: 20, weight: 1, ratio: 0, contribution: 0 });
    expect(get('c').contributions.find((c) => c.indicator === 'internationalMembers')).toMatchObject({ value: null, ratio: 0, contribution: 0 });
  });

  it('computes the cluster threshold (mean) over the ranked clusters only', () => {
    expect(year.clusterThreshold).toBeCloseTo((Math.sqrt(2.5) + 1.5 + Math.sqrt(1.0625)) / 3, 12);
  });
});

describe('computeYearAnalytics: ties', () => {
  // x and y report the same values: x = y = sqrt(1 + 1) = sqrt(2); z = sqrt(0.25) = 0.5.
  const year = computeYearAnalytics(
    2012,
    [
      { slug: 'x', industryGroup: 'nuclear', region: 'RU-KLU', selfAssessment: null, values: { publications: 10, jointRndBlnRub: 2 } },
      { slug: 'y', industryGroup: 'nuclear', region: 'RU-KLU', selfAssessment: null, values: { publications: 10, jointRndBlnRub: 2 } },
      { slug: 'z', industryGroup: 'nuclear', region: 'RU-KLU', selfAssessment: null, values: { publications: 5 } },
    ],
    [],
    MEAN,
  );
  it.each([
    ['x', 1],
    ['y', 1],
    ['z', 3],
  ])('%s ranks %i of 3 overall and in its group', (slug, rank) => {
    expect(year.clusters.get(slug)!.overall).toMatchObject({ rank, of: 3 });
    expect(year.clusters.get(slug)!.industry).toMatchObject({ rank, of: 3 });
  });
});

/**
 * Scenarios. One indicator (publications), so a cluster's index is x / max:
 *   s1 4 → 1, s2 3 → 0.75, s3 1 → 0.25, s4 0 → 0; mean threshold 0.5: s1, s2 high.
 * Regions, population 100 (per capita = total / 100):
 *   RU-KLU fdi 10, exports 20, imports 0,  companies 1 → fdi .1, turnover .2, surplus .2,  companies 100
 *   RU-MOW all 0                                          → 0, 0, 0, 0
 *   RU-SPE fdi 10, exports 0,  imports 20, companies 1 → fdi .1, turnover .2, surplus −.2 (→ 0), companies 100
 *   RU-TOM all 0                                          → 0, 0, 0, 0
 * Maxima .1, .2, .2, 100: KLU = sqrt(4) = 2, SPE = sqrt(3), MOW = TOM = 0; mean threshold (2 + sqrt 3) / 4.
 *   s1 (KLU) high/high → supported; s2 (MOW) high/low → lonely; s3 (SPE) low/high → late; s4 (TOM) low/low → potential.
 */
const FOUR: AnalyticsCluster[] = [
  { slug: 's1', industryGroup: 'nuclear', region: 'RU-KLU', selfAssessment: null, values: { publications: 4 } },
  { slug: 's2', industryGroup: 'nuclear', region: 'RU-MOW', selfAssessment: null, values: { publications: 3 } },
  { slug: 's3', industryGroup: 'nuclear', region: 'RU-SPE', selfAssessment: null, values: { publications: 1 } },
  { slug: 's4', industryGroup: 'nuclear', region: 'RU-TOM', selfAssessment: null, values: { publications: 0 } },
];
const FOUR_REGIONS = [
  region('RU-KLU', { population: 100, fdi: 10, exports: 20, imports: 0, companies: 1 }),
  region('RU-MOW', { population: 100, fdi: 0, exports: 0, imports: 0, companies: 0 }),
  region('RU-SPE', { population: 100, fdi: 10, exports: 0, imports: 20, companies: 1 }),
  region('RU-TOM', { population: 100, fdi: 0, exports: 0, imports: 0, companies: 0 }),
];

describe('computeYearAnalytics: scenarios with regional data for every region', () => {
  const year = computeYearAnalytics(2012, FOUR, FOUR_REGIONS, MEAN);

  it('computes the regional index from totals and population, a negative surplus counting 0', () => {
    expect(year.regionIndex.get('RU-KLU')).toBeCloseTo(2, 12);
    expect(year.regionIndex.get('RU-SPE')).toBeCloseTo(Math.sqrt(3), 12);
    expect(year.regionIndex.get('RU-MOW')).toBe(0);
    expect(year.regionIndex.get('RU-TOM')).toBe(0);
    expect(year.regionThreshold).toBeCloseTo((2 + Math.sqrt(3)) / 4, 12);
    expect(year.clusterThreshold).toBeCloseTo(0.5, 12);
  });

  it.each([
    ['s1', 'supported', 1, 2],
    ['s2', 'lonely', 0.75, 0],
    ['s3', 'late', 0.25, Math.sqrt(3)],
    ['s4', 'potential', 0, 0],
  ])('%s → %s, explained by both indices, both thresholds and the year', (slug, code, clusterIndex, regionIndex) => {
    const s = year.clusters.get(slug)!.scenario;
    expect(s.code).toBe(code);
    expect(s.year).toBe(2012);
    expect(s.clusterIndex).toBeCloseTo(clusterIndex, 12);
    expect(s.regionIndex).toBeCloseTo(regionIndex, 12);
    expect(s.clusterThreshold).toBeCloseTo(0.5, 12);
    expect(s.regionThreshold).toBeCloseTo((2 + Math.sqrt(3)) / 4, 12);
    expect(s.missingRegionalInputs).toEqual([]);
  });
});

describe('computeYearAnalytics: missing regional data', () => {
  it("gives 'unknown' and lists all five inputs when the region has no record (and no region has one)", () => {
    const year = computeYearAnalytics(2012, FOUR, [], MEAN);
    expect(year.regionThreshold).toBeNull();
    expect(year.regionIndex.size).toBe(0);
    for (const slug of ['s1', 's2', 's3', 's4']) {
      const s = year.clusters.get(slug)!.scenario;
      expect(s).toMatchObject({ code: 'unknown', regionIndex: null, regionThreshold: null, missingRegionalInputs: [...REGIONAL_INPUTS] });
      expect(s.clusterIndex).not.toBeNull();
      expect(s.clusterThreshold).toBeCloseTo(0.5, 12);
    }
    expect(REGIONAL_INPUTS).toEqual(['population', 'fdi', 'exports', 'imports', 'foreignOwnedCompanies']);
  });

  it("gives 'unknown' with all five inputs for a cluster whose region alone has no record", () => {
    const year = computeYearAnalytics(2012, FOUR, FOUR_REGIONS.filter((r) => r.region !== 'RU-TOM'), MEAN);
    expect(year.clusters.get('s4')!.scenario).toMatchObject({ code: 'unknown', regionIndex: null, missingRegionalInputs: [...REGIONAL_INPUTS] });
    expect(year.clusters.get('s1')!.scenario.code).toBe('supported');
    expect(year.regionIndex.has('RU-TOM')).toBe(false);
  });

  it('counts the missing values of a partial record as 0 and lists them', () => {
    // RU-MOW lacks fdi and companies: per capita fdi n/a, turnover .4, surplus .4, companies n/a.
    // Maxima: fdi .1 (KLU), turnover .4, surplus .4, companies 100 →
    //   KLU = sqrt(1 + .25 + .25 + 1) = sqrt(2.5); MOW = sqrt(0 + 1 + 1 + 0) = sqrt(2); SPE = sqrt(1 + .25 + 0 + 1) = 1.5; TOM = 0.
    const regions = FOUR_REGIONS.map((r) => (r.region === 'RU-MOW' ? region('RU-MOW', { population: 100, fdi: null, exports: 40, imports: 0, companies: null }) : r));
    const year = computeYearAnalytics(2012, FOUR, regions, MEAN);
    const threshold = (Math.sqrt(2.5) + Math.sqrt(2) + 1.5) / 4;
    expect(year.regionIndex.get('RU-MOW')).toBeCloseTo(Math.sqrt(2), 12);
    expect(year.regionIndex.get('RU-KLU')).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(year.regionThreshold).toBeCloseTo(threshold, 12);
    const s2 = year.clusters.get('s2')!.scenario;
    expect(s2.missingRegionalInputs).toEqual(['fdi', 'foreignOwnedCompanies']);
    // 0.75 ≥ 0.5 and sqrt(2) ≥ threshold (≈ 1.124) → supported
    expect(s2.code).toBe('supported');
    expect(year.clusters.get('s1')!.scenario.missingRegionalInputs).toEqual([]);
  });

  it('lists no missing inputs for an unranked cluster and gives it no scenario', () => {
    const clusters: AnalyticsCluster[] = [...FOUR, { slug: 'g1', industryGroup: 'nuclear', region: 'RU-KLU', selfAssessment: 1, values: { publications: 4 } }, { slug: 'none', industryGroup: 'nuclear', region: 'RU-TOM', selfAssessment: null, values: {} }];
    const year = computeYearAnalytics(2012, clusters, FOUR_REGIONS, MEAN);
    for (const slug of ['g1', 'none']) expect(year.clusters.get(slug)!.scenario).toMatchObject({ code: 'unknown', clusterIndex: null, missingRegionalInputs: [] });
  });
});

describe('computeYearAnalytics: threshold settings', () => {
  // publications 8, 2, 1, 1 → indices 1, .25, .125, .125: mean .375 (only t1 high), median .1875 (t1 and t2 high).
  // Regions as FOUR_REGIONS: KLU 2, MOW 0, SPE sqrt 3, TOM 0 → mean .933, median sqrt(3)/2 ≈ .866: KLU and SPE high either way.
  const clusters: AnalyticsCluster[] = FOUR.map((c, i) => ({ ...c, slug: `t${i + 1}`, values: { publications: [8, 2, 1, 1][i]! } }));

  it.each([
    { rule: { kind: 'mean' }, clusterThreshold: 0.375, regionThreshold: (2 + Math.sqrt(3)) / 4, codes: ['supported', 'potential', 'late', 'potential'] },
    { rule: { kind: 'median' }, clusterThreshold: 0.1875, regionThreshold: Math.sqrt(3) / 2, codes: ['supported', 'lonely', 'late', 'potential'] },
    { rule: { kind: 'fixed', cluster: 0.1, region: 5 }, clusterThreshold: 0.1, regionThreshold: 5, codes: ['lonely', 'lonely', 'lonely', 'lonely'] },
    { rule: { kind: 'fixed', cluster: 2, region: 0 }, clusterThreshold: 2, regionThreshold: 0, codes: ['late', 'late', 'late', 'late'] },
  ])('$rule.kind ($rule.cluster/$rule.region) → cluster $clusterThreshold, region $regionThreshold', ({ rule, clusterThreshold, regionThreshold, codes }) => {
    const year = computeYearAnalytics(2012, clusters, FOUR_REGIONS, settings(rule));
    expect(year.clusterThreshold).toBeCloseTo(clusterThreshold, 12);
    expect(year.regionThreshold).toBeCloseTo(regionThreshold, 12);
    expect(['t1', 't2', 't3', 't4'].map((s) => year.clusters.get(s)!.scenario.code)).toEqual(codes);
  });

  it('uses the cluster weights of the settings', () => {
    // publications weight 4: t1 = sqrt(4 · 1²) = 2.
    const weighted = indexSettingsSchema.parse({ weights: { publications: 4 } });
    const year = computeYearAnalytics(2012, clusters, [], weighted);
    expect(year.clusters.get('t1')!.overall!.value).toBeCloseTo(2, 12);
    expect(year.clusters.get('t2')!.overall!.value).toBeCloseTo(0.5, 12);
  });
});

describe('computeYearAnalytics: nobody ranked', () => {
  it('returns no maxima and no thresholds, and every cluster says why it is unranked', () => {
    const year = computeYearAnalytics(2012, [TWO_SETS[3]!, TWO_SETS[4]!], FOUR_REGIONS, MEAN);
    expect(year.maxima).toBeNull();
    expect(year.clusterThreshold).toBeNull();
    expect(year.clusters.get('d')!.notRanked).toBe('self-assessment-1');
    expect(year.clusters.get('e')!.notRanked).toBe('no-indicators');
    for (const a of year.clusters.values()) expect(a.scenario.code).toBe('unknown');
  });
});

describe('computeYearAnalytics: stored values that are not finite or not plausible', () => {
  // RU-TOM as in issue 9: a population of 5e-324 (and totals of 1e308) would make every per-capita figure Infinity.
  const badTom = { ...FOUR_REGIONS[3]!, population: 5e-324, fdi: 1e308, exports: 1e308, imports: 0, foreignOwnedCompanies: 1e308 };

  it('leaves the bad regional record out instead of throwing; the other regions keep their hand-computed index', () => {
    const year = computeYearAnalytics(2012, FOUR, [...FOUR_REGIONS.slice(0, 3), badTom], MEAN);
    // Without TOM the maxima are unchanged (TOM had zeros): KLU 2, SPE sqrt 3, MOW 0; the line is over KLU, MOW, SPE.
    expect(year.regionIndex.get('RU-KLU')).toBeCloseTo(2, 12);
    expect(year.regionIndex.get('RU-SPE')).toBeCloseTo(Math.sqrt(3), 12);
    expect(year.regionIndex.has('RU-TOM')).toBe(false);
    expect(year.regionThreshold).toBeCloseTo((2 + Math.sqrt(3)) / 3, 12);
    expect(year.excluded.regional).toEqual([
      expect.objectContaining({ region: 'RU-TOM', year: 2012, problem: { field: 'population', code: 'below-minimum', value: '5e-324', limit: 10_000 } }),
    ]);
  });

  it("gives the affected cluster 'unknown' with the reason, and leaves the others' badges alone", () => {
    const year = computeYearAnalytics(2012, FOUR, [...FOUR_REGIONS.slice(0, 3), badTom], MEAN);
    expect(year.clusters.get('s4')!.scenario).toMatchObject({
      code: 'unknown',
      regionIndex: null,
      excludedRegional: { field: 'population', code: 'below-minimum', value: '5e-324', limit: 10_000 },
    });
    expect(year.clusters.get('s1')!.scenario).toMatchObject({ code: 'supported', excludedRegional: null });
  });

  it('leaves out a cluster value of Infinity (as if not reported) and lists it', () => {
    // s2's publications are Infinity: s2 reports nothing usable; the maximum stays 4 (s1), so s1 = 1, s3 = .25.
    const clusters = FOUR.map((c) => (c.slug === 's2' ? { ...c, values: { publications: Infinity } } : c));
    const year = computeYearAnalytics(2012, clusters, FOUR_REGIONS, MEAN);
    expect(year.clusters.get('s1')!.overall!.value).toBe(1);
    expect(year.clusters.get('s3')!.overall!.value).toBe(0.25);
    expect(year.clusters.get('s2')!).toMatchObject({ notRanked: 'no-indicators', overall: null, reported: 0 });
    expect(year.excluded.indicators).toEqual([
      { slug: 's2', year: 2012, indicator: 'publications', value: 'Infinity', reason: 'publications must be a finite number ≥ 0, got Infinity' },
    ]);
  });

  it('lists nothing when every value is good', () => {
    expect(computeYearAnalytics(2012, FOUR, FOUR_REGIONS, MEAN).excluded).toEqual({ regional: [], indicators: [] });
  });
});
