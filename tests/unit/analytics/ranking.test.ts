import { describe, expect, it } from 'vitest';
import { analyticsQuerySchema, buildRanking, hasRegionalIndex, indexBars, type RankingInput } from '../../../src/lib/analytics/ranking';
import { computeYearAnalytics, type AnalyticsCluster } from '../../../src/lib/indexing/year-analytics';
import type { RegionalStatisticsRecord } from '../../../src/lib/regional-statistics';
import { DEFAULT_SETTINGS } from '../../../src/lib/settings';

/**
 * Clusters (one indicator, publications, so the overall index is x / 20):
 *   a nuclear        RU-KLU  PU 20 → 1     (1st overall, 1st of 2 nuclear)
 *   b nuclear        RU-MOW  PU 10 → 0.5   (2nd overall, 2nd of 2 nuclear)
 *   c it-electronics RU-SPE  PU 5  → 0.25  (3rd overall, 1st of 1 IT: 5/5 = 1)
 *   d it-electronics RU-TOM  self-assessment 1 → unranked
 *   e nuclear        RU-TOM  nothing reported → unranked
 * Region index (population 1,000,000, only fdi given, the other inputs count 0): fdi 0.1 / 0.2 / 0.4 million USD
 * per resident → KLU .25, MOW .5,
 * SPE 1 (maximum 4); RU-TOM has no record, so d and e have no region index.
 * Names: en a Delta, b alpha, c Charlie, d Bravo, e Echo; ru a Альфа, b Вега, c Гамма, d Бета, e Дельта.
 */
const CLUSTERS: Array<AnalyticsCluster & { name: { ru: string; en: string } }> = [
  { slug: 'a', name: { en: 'Delta', ru: 'Альфа' }, industryGroup: 'nuclear', region: 'RU-KLU', selfAssessment: null, values: { publications: 20 } },
  { slug: 'b', name: { en: 'alpha', ru: 'Вега' }, industryGroup: 'nuclear', region: 'RU-MOW', selfAssessment: null, values: { publications: 10 } },
  { slug: 'c', name: { en: 'Charlie', ru: 'Гамма' }, industryGroup: 'it-electronics', region: 'RU-SPE', selfAssessment: null, values: { publications: 5 } },
  { slug: 'd', name: { en: 'Bravo', ru: 'Бета' }, industryGroup: 'it-electronics', region: 'RU-TOM', selfAssessment: 1, values: { publications: 100 } },
  { slug: 'e', name: { en: 'Echo', ru: 'Дельта' }, industryGroup: 'nuclear', region: 'RU-TOM', selfAssessment: null, values: {} },
];

/** A regional record with only FDI given: `fdiPerResident` million USD for each of 1,000,000 residents. */
function record(region: string, fdiPerResident: number): RegionalStatisticsRecord {
  return { region, year: 2012, population: 1_000_000, populationSource: 's', fdi: fdiPerResident * 1_000_000, fdiSource: 's', exports: null, exportsSource: null, imports: null, importsSource: null, foreignOwnedCompanies: null, foreignOwnedCompaniesSource: null };
}

const YEAR = computeYearAnalytics(2012, CLUSTERS, [record('RU-KLU', 0.1), record('RU-MOW', 0.2), record('RU-SPE', 0.4)], DEFAULT_SETTINGS.index);
const ITEMS: RankingInput[] = CLUSTERS.map((c) => ({ slug: c.slug, name: c.name, region: c.region, industryGroup: c.industryGroup, analytics: YEAR.clusters.get(c.slug)! }));

const slugs = (rows: Array<{ slug: string }>) => rows.map((r) => r.slug);

describe('buildRanking: overall set', () => {
  it.each([
    ['rank', 'en', ['a', 'b', 'c', 'd', 'e']],
    ['-rank', 'en', ['c', 'b', 'a', 'd', 'e']],
    ['rank', 'ru', ['a', 'b', 'c', 'd', 'e']], // unranked last, by Russian name: Бета, Дельта
    ['name', 'en', ['b', 'd', 'c', 'a', 'e']], // alpha, Bravo, Charlie, Delta, Echo (case-insensitive)
    ['-name', 'en', ['e', 'a', 'c', 'd', 'b']],
    ['name', 'ru', ['a', 'd', 'b', 'c', 'e']], // Альфа, Бета, Вега, Гамма, Дельта
    ['regionIndex', 'en', ['c', 'b', 'a', 'd', 'e']], // descending by default: 1, .5, .25; no region data last
    ['-regionIndex', 'en', ['a', 'b', 'c', 'd', 'e']],
  ] as const)('sort=%s (%s) → %j', (sort, lang, expected) => {
    expect(slugs(buildRanking(ITEMS, { set: 'overall', sort }, lang))).toEqual(expected);
  });

  it('gives each row its value, rank, size of the set and region index; unranked rows have nulls', () => {
    const rows = buildRanking(ITEMS, { set: 'overall', sort: 'rank' }, 'en');
    expect(rows.map((r) => [r.slug, r.rank, r.of])).toEqual([
      ['a', 1, 3],
      ['b', 2, 3],
      ['c', 3, 3],
      ['d', null, null],
      ['e', null, null],
    ]);
    expect(rows[0]!.value).toBeCloseTo(1, 12);
    expect(rows[1]!.value).toBeCloseTo(0.5, 12);
    expect(rows[2]!.value).toBeCloseTo(0.25, 12);
    expect(rows[3]!.value).toBeNull();
    expect(rows.map((r) => r.regionIndex)).toEqual([0.25, 0.5, 1, null, null]);
  });

  it('keeps unranked clusters last even when they have a region index (sort by region index)', () => {
    // e2 reports nothing but lives in RU-SPE, the region with the highest index: the contract says
    // "unranked rows always last", so it must not come first.
    const clusters = [...CLUSTERS, { slug: 'e2', name: { en: 'Foxtrot', ru: 'Фокстрот' }, industryGroup: 'nuclear', region: 'RU-SPE', selfAssessment: null, values: {} }];
    const year = computeYearAnalytics(2012, clusters, [record('RU-KLU', 0.1), record('RU-MOW', 0.2), record('RU-SPE', 0.4)], DEFAULT_SETTINGS.index);
    const items: RankingInput[] = clusters.map((c) => ({ slug: c.slug, name: c.name, region: c.region, industryGroup: c.industryGroup, analytics: year.clusters.get(c.slug)! }));
    const rows = buildRanking(items, { set: 'overall', sort: 'regionIndex' }, 'en');
    expect(slugs(rows).slice(0, 3)).toEqual(['c', 'b', 'a']);
    expect(slugs(rows).slice(3).sort()).toEqual(['d', 'e', 'e2']);
  });

  it('filters by industry group', () => {
    expect(slugs(buildRanking(ITEMS, { set: 'overall', group: 'it-electronics', sort: 'rank' }, 'en'))).toEqual(['c', 'd']);
  });

  it('treats a cluster without analytics as unranked', () => {
    const rows = buildRanking([{ ...ITEMS[0]!, slug: 'z', name: { en: 'Aardvark', ru: 'Аист' }, analytics: null }, ...ITEMS], { set: 'overall', sort: 'rank' }, 'en');
    expect(slugs(rows)).toEqual(['a', 'b', 'c', 'z', 'd', 'e']);
    expect(rows[3]).toMatchObject({ rank: null, value: null, regionIndex: null });
  });
});

describe('buildRanking: industry set', () => {
  it('uses the industry index and rank, grouped by industry group when no group is chosen', () => {
    const rows = buildRanking(ITEMS, { set: 'industry', sort: 'rank' }, 'en');
    // Groups in order (it-electronics before nuclear), each by rank within the group, its unranked last.
    expect(rows.map((r) => [r.slug, r.rank, r.of])).toEqual([
      ['c', 1, 1],
      ['d', null, null],
      ['a', 1, 2],
      ['b', 2, 2],
      ['e', null, null],
    ]);
    expect(rows[0]!.value).toBeCloseTo(1, 12); // 5/5 within IT
    expect(rows[2]!.value).toBeCloseTo(1, 12); // 20/20 within nuclear
    expect(rows[3]!.value).toBeCloseTo(0.5, 12);
  });

  it('ranks within the chosen group', () => {
    const rows = buildRanking(ITEMS, { set: 'industry', group: 'nuclear', sort: 'rank' }, 'en');
    expect(rows.map((r) => [r.slug, r.rank, r.of])).toEqual([
      ['a', 1, 2],
      ['b', 2, 2],
      ['e', null, null],
    ]);
  });
});

describe('analyticsQuerySchema', () => {
  it('defaults to the overall set sorted by rank', () => {
    expect(analyticsQuerySchema.parse({})).toEqual({ set: 'overall', sort: 'rank' });
    expect(analyticsQuerySchema.parse({ year: '2012', set: 'industry', group: 'nuclear', sort: '-regionIndex' })).toEqual({ year: 2012, set: 'industry', group: 'nuclear', sort: '-regionIndex' });
  });

  it.each([
    [{ year: 'abc' }, 'year'],
    [{ set: 'region' }, 'set'],
    [{ sort: 'index' }, 'sort'],
    [{ group: 'bakery' }, 'group'],
  ])('rejects %o naming %s', (input, field) => {
    const result = analyticsQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([field]);
  });

  it('rejects unknown parameters', () => {
    expect(analyticsQuerySchema.safeParse({ foo: '1' }).success).toBe(false);
  });
});

describe('hasRegionalIndex and indexBars (issue 13)', () => {
  const row = (slug: string, value: number | null, regionIndex: number | null = null) => ({ slug, name: { ru: slug.toUpperCase(), en: slug }, value, regionIndex });

  it('leaves the regional column out when every row lacks it', () => {
    expect(hasRegionalIndex([row('a', 1), row('b', null)])).toBe(false);
    expect(hasRegionalIndex([row('a', 1), row('b', null, 0.2)])).toBe(true);
  });

  it('ranks bars highest first, scaled to the highest, without unranked clusters', () => {
    expect(indexBars([row('a', 0.5), row('b', null), row('c', 1)], 'en')).toEqual([
      { slug: 'c', name: 'c', value: 1, share: 1 },
      { slug: 'a', name: 'a', value: 0.5, share: 0.5 },
    ]);
  });

  it('draws no bar longer than zero when every index is zero', () => expect(indexBars([row('a', 0)], 'ru')).toEqual([{ slug: 'a', name: 'A', value: 0, share: 0 }]));
});
