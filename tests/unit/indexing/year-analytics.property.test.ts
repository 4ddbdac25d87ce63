import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeExplainableIndexOverSet, computeIndexOverSetWithExplanation } from '../../../src/lib/indexing/multivariate-index';
import { competitionRanksDescending, rankDescending } from '../../../src/lib/indexing/rank';
import { computeThreshold } from '../../../src/lib/indexing/threshold';
import { computeYearAnalytics, type AnalyticsCluster, type ClusterAnalytics, type YearAnalytics } from '../../../src/lib/indexing/year-analytics';
import { INDICATOR_KEYS, INDUSTRY_GROUPS } from '../../../src/lib/profile/vocabulary';
import type { RegionalStatisticsRecord } from '../../../src/lib/regional-statistics';
import { indexSettingsSchema, type IndexSettings } from '../../../src/lib/settings';
import * as reference from './year-analytics-reference';

// The fast index recomputation (flat arrays, one numeric sort per set, values-only industry sets) must give exactly
// what the straightforward code it replaced gives (kept verbatim in year-analytics-reference.ts): the same numbers to
// the bit (toStrictEqual tells -0 from 0), the same ranks, the same map order, the same errors.

/** The year with each cluster's analytics as a plain object (its objects are built when read), to compare with the reference's. */
function plain(year: YearAnalytics): YearAnalytics {
  const copy = (a: ClusterAnalytics): ClusterAnalytics => ({
    slug: a.slug, year: a.year, notRanked: a.notRanked, overall: a.overall, industry: a.industry, reported: a.reported, of: a.of, contributions: a.contributions, scenario: a.scenario,
  });
  return { ...year, clusters: new Map([...year.clusters].map(([slug, a]) => [slug, copy(a)])) };
}

/** Outcome of a call: its value, or the message it threw with. */
function outcome<T>(work: () => T): { value: T } | { error: string } {
  try {
    return { value: work() };
  } catch (error) {
    return { error: error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error) };
  }
}

/** Indicator values with many exact ties (small integers), near-ties (within the 1e-12 tolerance) and zeros. */
const indicatorValue = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 4 }) },
  { weight: 3, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.constantFrom(1 + 1e-13, 2 - 1e-13, 0.1 + 0.2, 0.3, Number.MIN_VALUE, -0) },
);
/** Values stored around the application that screening must leave out. */
const storedBadValue = fc.constantFrom<unknown>(Number.POSITIVE_INFINITY, -1, Number.NaN, '3');

const values = fc
  .record(
    {
      internationalMembers: indicatorValue,
      exportsBlnRub: indicatorValue,
      publications: indicatorValue,
      jointRndBlnRub: indicatorValue,
    },
    { requiredKeys: [] },
  )
  .chain((good) =>
    fc.oneof(
      { weight: 9, arbitrary: fc.constant(good as Record<string, unknown>) },
      { weight: 1, arbitrary: fc.record({ key: fc.constantFrom(...INDICATOR_KEYS, 'bogus'), bad: storedBadValue }).map(({ key, bad }) => ({ ...good, [key]: bad })) },
    ),
  );

const REGIONS = ['RU-KLU', 'RU-MOW', 'RU-SPE', 'RU-TOM', 'RU-TA'] as const;

const clusterFields = fc.record({
  industryGroup: fc.constantFrom(INDUSTRY_GROUPS[0], INDUSTRY_GROUPS[1], INDUSTRY_GROUPS[2], 'unknown-group'),
  region: fc.constantFrom(...REGIONS),
  selfAssessment: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 7 })),
  values,
});

/** Clusters with distinct slugs (mostly), or slugs from a pool of three (a duplicate slug must fail or pass alike). */
const clusters = fc.oneof(
  { weight: 5, arbitrary: fc.array(clusterFields, { maxLength: 40 }).map((cs) => cs.map((c, i) => ({ slug: `cluster-${i}`, ...c }))) },
  { weight: 1, arbitrary: fc.array(fc.record({ slug: fc.constantFrom('a', 'b', 'c') }).chain((s) => clusterFields.map((c) => ({ ...s, ...c }))), { maxLength: 6 }) },
) as fc.Arbitrary<AnalyticsCluster[]>;

/** Regional statistics for some regions: plausible totals, missing values, now and then an implausible record. */
const regions: fc.Arbitrary<RegionalStatisticsRecord[]> = fc.uniqueArray(
  fc.record({
    region: fc.constantFrom(...REGIONS, 'RU-NVS'),
    population: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 10_000, max: 10_000_000 }) }, { weight: 1, arbitrary: fc.constant(5) }),
    share: fc.record({
      fdi: fc.option(fc.double({ min: 0, max: 0.5, noNaN: true }), { freq: 4 }),
      exports: fc.option(fc.double({ min: 0, max: 0.4, noNaN: true }), { freq: 4 }),
      imports: fc.option(fc.double({ min: 0, max: 0.4, noNaN: true }), { freq: 4 }),
      companies: fc.option(fc.double({ min: 0, max: 0.05, noNaN: true }), { freq: 4 }),
    }),
  }).map(({ region, population, share }) => {
    const total = (s: number | null) => (s === null ? null : s * population);
    const source = (s: number | null) => (s === null ? null : 'generated');
    return {
      region,
      year: 2012,
      population,
      populationSource: 'generated',
      fdi: total(share.fdi),
      fdiSource: source(share.fdi),
      exports: total(share.exports),
      exportsSource: source(share.exports),
      imports: total(share.imports),
      importsSource: source(share.imports),
      foreignOwnedCompanies: total(share.companies),
      foreignOwnedCompaniesSource: source(share.companies),
    };
  }),
  { selector: (r) => r.region, maxLength: 6 },
);

const weight = fc.oneof(fc.constantFrom(0, 1, 1, 1, 0.5, 2), fc.double({ min: 0, max: 10, noNaN: true }));
const settings: fc.Arbitrary<IndexSettings> = fc
  .record({
    weights: fc.record(Object.fromEntries(INDICATOR_KEYS.map((k) => [k, weight]))),
    regionalWeights: fc.record({ fdiPerCapita: weight, tradeTurnoverPerCapita: weight, tradeSurplusPerCapita: weight, foreignCompaniesPer10k: weight }),
    threshold: fc.oneof(
      fc.constant({ kind: 'mean' as const }),
      fc.constant({ kind: 'median' as const }),
      fc.record({ kind: fc.constant('fixed' as const), cluster: fc.double({ min: 0, max: 2, noNaN: true }), region: fc.double({ min: 0, max: 2, noNaN: true }) }),
    ),
  })
  .map((s) => indexSettingsSchema.parse(s));

describe('computeYearAnalytics equals the straightforward reference', () => {
  it('on random clusters, regional statistics and settings', () => {
    fc.assert(
      fc.property(clusters, regions, settings, (cs, rs, s) => {
        const actual = outcome(() => plain(computeYearAnalytics(2012, cs, rs, s)));
        const expected = outcome(() => reference.referenceYearAnalytics(2012, cs, rs, s));
        expect(actual).toStrictEqual(expected);
        if ('value' in actual && 'value' in expected) {
          expect([...actual.value.clusters.keys()]).toStrictEqual([...expected.value.clusters.keys()]);
          expect([...actual.value.regionIndex.keys()]).toStrictEqual([...expected.value.regionIndex.keys()]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('on larger sets with many exact and near ties (ranks over hundreds of clusters)', () => {
    const tied = fc
      .array(fc.record({ group: fc.integer({ min: 0, max: 2 }), grade: fc.constantFrom(null, 1, 4), values: fc.record({ internationalMembers: fc.integer({ min: 0, max: 3 }), exportsBlnRub: fc.constantFrom(1, 1 + 1e-13, 2) }, { requiredKeys: [] }) }), { minLength: 100, maxLength: 400 })
      .map((xs) => xs.map((x, i): AnalyticsCluster => ({ slug: `c-${i}`, industryGroup: INDUSTRY_GROUPS[x.group]!, region: 'RU-KLU', selfAssessment: x.grade, values: x.values })));
    fc.assert(
      fc.property(tied, settings, (cs, s) => {
        expect(plain(computeYearAnalytics(2012, cs, [], s))).toStrictEqual(reference.referenceYearAnalytics(2012, cs, [], s));
      }),
      { numRuns: 40 },
    );
  });
});

describe('the fast building blocks equal their reference', () => {
  const items = fc.uniqueArray(fc.record({ id: fc.string({ maxLength: 3 }), values: fc.record({ x: fc.option(indicatorValue), y: fc.option(fc.double({ min: -5, max: 5, noNaN: true })) }, { requiredKeys: [] }) }), { selector: (i) => i.id, maxLength: 30 });
  const weights = fc.record({ x: weight, y: weight });

  it('computeIndexOverSetWithExplanation and the values of computeExplainableIndexOverSet (also with negativeAsZero and invalid input)', () => {
    fc.assert(
      fc.property(items, weights, fc.boolean(), (xs, w, negativeAsZero) => {
        const expected = outcome(() => reference.computeIndexOverSetWithExplanation(xs, ['x', 'y'], w, { negativeAsZero }));
        expect(outcome(() => computeIndexOverSetWithExplanation(xs, ['x', 'y'], w, { negativeAsZero }))).toStrictEqual(expected);
        const valuesOnly = outcome(() => [...computeExplainableIndexOverSet(xs, ['x', 'y'], w, { negativeAsZero }).values]);
        expect(valuesOnly).toStrictEqual('value' in expected ? { value: expected.value.results.map((r) => r.value) } : expected);
      }),
      { numRuns: 500 },
    );
  });

  it('rankDescending: the same ranks, in the same map order', () => {
    const values = fc.array(fc.oneof(fc.constantFrom(0, -0, 1, 1 + 1e-13, 1 + 2e-12, 2, 0.3, 0.1 + 0.2), fc.double({ min: -10, max: 10, noNaN: true })), { maxLength: 60 });
    fc.assert(
      fc.property(values, (vs) => {
        const entries = vs.map((value, i) => ({ id: `i${i}`, value }));
        expect([...rankDescending(entries)]).toStrictEqual([...reference.rankDescending(entries)]);
      }),
      { numRuns: 500 },
    );
  });

  it('competitionRanksDescending (a radix sort over the bits): the ranks of the reference, over every sign and magnitude', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -1e-300, max: 1e-300, noNaN: true }),
      fc.constantFrom(0, -0, 1, 1 + 1e-13, 1 - 1e-13, -1, -1 - 1e-13, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3000 }), (vs) => {
        const expected = reference.rankDescending(vs.map((v, i) => ({ id: `i${i}`, value: v })));
        expect([...competitionRanksDescending(Float64Array.from(vs))]).toStrictEqual(vs.map((_, i) => expected.get(`i${i}`)));
      }),
      { numRuns: 200 },
    );
  });

  it('computeThreshold: mean and median', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.constantFrom('mean' as const, 'median' as const), (vs, kind) => {
        expect(Object.is(computeThreshold(vs, { kind }), reference.computeThreshold(vs, { kind }))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
