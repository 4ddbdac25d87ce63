import type { IndexSettings } from '../settings';
import { INDICATOR_KEYS, type IndicatorKey } from '../profile/vocabulary';
import { assertDistinct, computeExplainableIndexOverSet, type ExplainableIndexSet, type IndexItemReader, type IndicatorContribution } from './multivariate-index';
import { competitionRanksDescending } from './rank';
import { computeRegionalIndex } from './regional-index';
import { classifyScenario, type ScenarioCode } from './scenario';
import { computeThreshold, type ThresholdRule } from './threshold';
import { missingRegionalInputs, type RegionalInput, type RegionalStatisticsRecord } from '../regional-statistics';
import { isUsableIndicatorValue, screenIndicatorRows, screenRegionalRecords, type ExcludedIndicatorValue, type ExcludedRegionalRecord } from '../data-screening';
import type { RegionalProblem } from '../regional-plausibility';

/** A cluster as the yearly computation sees it. */
export interface AnalyticsCluster {
  slug: string;
  industryGroup: string;
  region: string;
  selfAssessment: number | null;
  /** Reported values of the year; absent = not reported. */
  values: Partial<Record<IndicatorKey, number>>;
}


/** A cluster's index in one comparison set, with its rank ("3rd of 25"). */
export interface SetPosition {
  value: number;
  rank: number;
  of: number;
}

/** Why a cluster has no index for the year. */
export type NotRankedReason = 'no-indicators' | 'self-assessment-1';

/** The scenario badge with its explanation, or what is missing for it. */
export interface ScenarioView {
  code: ScenarioCode;
  year: number;
  clusterIndex: number | null;
  regionIndex: number | null;
  clusterThreshold: number | null;
  regionThreshold: number | null;
  /** Regional inputs missing for the cluster's region: all five when it has no statistics for the year, else the
   *  ones counted as 0 by the formula (empty when the cluster is unranked). */
  missingRegionalInputs: RegionalInput[];
  /** Why the region's statistics of the year were left out of the regional index (a value no region can have), or null. */
  excludedRegional: RegionalProblem | null;
}

/** Everything computed for one cluster in one year (read-only: results are cached and shared). */
export interface ClusterAnalytics {
  readonly slug: string;
  readonly year: number;
  readonly notRanked: NotRankedReason | null;
  readonly overall: SetPosition | null;
  readonly industry: SetPosition | null;
  readonly reported: number;
  readonly of: number;
  readonly contributions: IndicatorContribution<IndicatorKey>[];
  readonly scenario: ScenarioView;
}

/** The whole year: per-cluster results, the reference maxima and both thresholds. */
export interface YearAnalytics {
  year: number;
  clusters: Map<string, ClusterAnalytics>;
  maxima: Record<IndicatorKey, number> | null;
  clusterThreshold: number | null;
  regionThreshold: number | null;
  regionIndex: Map<string, number>;
  /** Stored values the computation left out because they are not finite or not plausible (the health check names them). */
  excluded: { regional: ExcludedRegionalRecord[]; indicators: ExcludedIndicatorValue[] };
}

/** The settings' threshold rule for one of the two indices. */
function thresholdRuleFor(settings: IndexSettings, which: 'cluster' | 'region'): ThresholdRule {
  const t = settings.threshold;
  return t.kind === 'fixed' ? { kind: 'fixed', value: t[which] } : t;
}

/** Regional index over every region with statistics for the year (the same formula: a missing value counts 0). */
function regionalIndex(regions: readonly RegionalStatisticsRecord[], settings: IndexSettings): Map<string, number> {
  if (regions.length === 0) return new Map();
  const results = computeRegionalIndex(
    regions.map((r) => ({ id: r.region, totals: { population: r.population, fdi: r.fdi, exports: r.exports, imports: r.imports, foreignOwnedCompanies: r.foreignOwnedCompanies } })),
    settings.regionalWeights,
  );
  return new Map(results.map((r) => [r.id, r.value]));
}

/** A cluster's values without those that are not finite or negative (stored around the application); what was dropped goes to `excluded`. */
function screenClusterValues(year: number, cluster: AnalyticsCluster, excluded: ExcludedIndicatorValue[]): AnalyticsCluster {
  const values = cluster.values as Record<string, unknown>;
  let clean = true;
  for (const indicator in values) if (Object.hasOwn(values, indicator) && !isUsableIndicatorValue(indicator, values[indicator])) clean = false;
  if (clean) return cluster; // the usual case: nothing to copy
  const rows = Object.entries(cluster.values).map(([indicator, value]) => ({ slug: cluster.slug, year, indicator, value: value as unknown }));
  const screened = screenIndicatorRows(rows);
  for (const e of screened.excluded) excluded.push(e);
  return { ...cluster, values: Object.fromEntries(screened.usable.map((r) => [r.indicator, r.value])) };
}

/** Reads a cluster as a member of a comparison set (without copying 100,000 of them into index items). */
const CLUSTER_READER: IndexItemReader<AnalyticsCluster, IndicatorKey> = { id: (c) => c.slug, values: (c) => c.values };

/** Whether an object has an own enumerable key (`Object.keys(o).length > 0` without building the array). */
function hasAnyKey(o: object): boolean {
  for (const key in o) if (Object.hasOwn(o, key)) return true;
  return false;
}

/**
 * The clusters of each industry group (in input order) as positions in `ranked`: one array with the groups one
 * after another, and where each group starts and ends in it (a counting sort: no array per group grown by push).
 */
function membersByGroup(ranked: readonly AnalyticsCluster[]): { members: Uint32Array; bounds: Array<[start: number, end: number]> } {
  const groupIds = new Map<string, number>();
  const groupOf = new Uint32Array(ranked.length);
  const sizes: number[] = [];
  for (let k = 0; k < ranked.length; k++) {
    let g = groupIds.get(ranked[k]!.industryGroup);
    if (g === undefined) groupIds.set(ranked[k]!.industryGroup, (g = sizes.push(0) - 1));
    groupOf[k] = g;
    sizes[g]! += 1;
  }
  const bounds: Array<[number, number]> = [];
  let start = 0;
  for (const size of sizes) bounds.push([start, (start += size)]);
  const next = bounds.map(([first]) => first);
  const members = new Uint32Array(ranked.length);
  for (let k = 0; k < ranked.length; k++) members[next[groupOf[k]!]!++] = k;
  return { members, bounds };
}

/**
 * Computes the internationalization index of every cluster for one year over two comparison sets
 * (all clusters with data that year; the cluster's industry group), the regional index and the scenarios.
 * Clusters with self-assessment grade 1 are not ranked and stay out of both sets.
 * Total: a stored value that is not finite or not plausible is left out (and listed in `excluded`), never thrown on.
 *
 * Linear passes over flat arrays plus one numeric sort per comparison set; each cluster's positions, scenario and
 * contributions are objects built when first read (see {@link YearClusterAnalytics}), since a page reads a few of
 * 100,000.
 */
export function computeYearAnalytics(year: number, givenClusters: readonly AnalyticsCluster[], givenRegions: readonly RegionalStatisticsRecord[], settings: IndexSettings): YearAnalytics {
  const excludedIndicators: ExcludedIndicatorValue[] = [];
  const clusters = givenClusters.map((given) => screenClusterValues(year, given, excludedIndicators));
  const { usable: regions, excluded: excludedRegional } = screenRegionalRecords(givenRegions);

  const hasData = new Uint8Array(clusters.length);
  const rankedAt = new Int32Array(clusters.length).fill(-1); // position in `ranked`, -1 when not ranked
  const ranked: AnalyticsCluster[] = [];
  clusters.forEach((c, i) => {
    if (!hasAnyKey(c.values)) return;
    hasData[i] = 1;
    if (c.selfAssessment !== 1) rankedAt[i] = ranked.push(c) - 1;
  });

  // Every cluster's analytics first. Keyed by slug, the map also tells whether a ranked slug is given twice (the
  // comparison set needs distinct ids) without hashing 100,000 slugs a second time. Their objects read `sets` only
  // when read themselves, and it is complete before this function returns.
  const sets: Partial<YearSets> = { year, ranked };
  /** Every cluster's analytics, its sets found by `positionOf` (its position in `ranked`, or undefined). */
  const assemble = (positionOf: (c: AnalyticsCluster, i: number) => number | undefined) => {
    const result = new Map<string, ClusterAnalytics>();
    clusters.forEach((c, i) => {
      const notRanked: NotRankedReason | null = !hasData[i] ? 'no-indicators' : c.selfAssessment === 1 ? 'self-assessment-1' : null;
      result.set(c.slug, new YearClusterAnalytics(sets as YearSets, c, notRanked, positionOf(c, i)));
    });
    return result;
  };
  let result = assemble((_, i) => (rankedAt[i]! >= 0 ? rankedAt[i] : undefined));
  if (result.size !== clusters.length) {
    if (ranked.length) assertDistinct(ranked.map((c) => c.slug), 'item id'); // as the index over the set would
    // A slug given twice, not both ranked: the sets are keyed by slug, so an unranked duplicate shows the ranked
    // one's positions, and the last of a slug stays in the map.
    const rankedBySlug = new Map(ranked.map((c, k) => [c.slug, k]));
    result = assemble((c) => rankedBySlug.get(c.slug));
  }

  // Overall set: explained on demand (contributions are shown).
  const overall = ranked.length ? computeExplainableIndexOverSet(ranked, INDICATOR_KEYS, settings.weights, { reader: CLUSTER_READER, idsChecked: true }) : null;
  const overallValues = overall?.values ?? new Float64Array(0);
  const overallRanks = competitionRanksDescending(overallValues);

  // Industry sets: one grouping pass, then values and ranks per group (from the overall set's table), by position in `ranked`.
  const industryValues = new Float64Array(ranked.length);
  const industryRanks = new Uint32Array(ranked.length);
  const industryOf = new Uint32Array(ranked.length);
  const groups = membersByGroup(ranked);
  for (const [start, end] of groups.bounds) {
    const members = groups.members.subarray(start, end);
    const values = overall!.valuesOfSubset(members);
    const ranks = competitionRanksDescending(values);
    for (let g = 0; g < members.length; g++) {
      const k = members[g]!;
      industryValues[k] = values[g]!;
      industryRanks[k] = ranks[g]!;
      industryOf[k] = members.length;
    }
  }

  const clusterThreshold = overall ? computeThreshold(overallValues, thresholdRuleFor(settings, 'cluster')) : null;
  const regionIndexById = regionalIndex(regions, settings);
  // The regional line is drawn over the host regions of the ranked clusters (each region once), so that
  // importing statistics for all 83 regions does not move the line away from the plotted clusters.
  const hostRegions = new Set<string>();
  for (const c of ranked) hostRegions.add(c.region);
  const hostIndices: number[] = [];
  for (const r of hostRegions) if (regionIndexById.has(r)) hostIndices.push(regionIndexById.get(r)!);
  const regionThreshold = hostIndices.length ? computeThreshold(hostIndices, thresholdRuleFor(settings, 'region')) : null;
  const regionByCode = new Map(regions.map((r) => [r.region, r]));
  const missingByRegion = new Map<string, RegionalInput[]>(); // one list per region: results are read-only (cached and shared)

  Object.assign(sets, {
    overall,
    overallValues,
    overallRanks,
    industryValues,
    industryRanks,
    industryOf,
    clusterThreshold,
    regionThreshold,
    regionIndexById,
    excludedByRegion: new Map(excludedRegional.map((e) => [e.region, e.problem])),
    missingFor(region: string) {
      let missing = missingByRegion.get(region);
      if (!missing) missingByRegion.set(region, (missing = missingRegionalInputs(regionByCode.get(region))));
      return missing;
    },
  } satisfies Omit<YearSets, 'year' | 'ranked'>);
  return {
    year,
    clusters: result,
    maxima: overall?.maxima ?? null,
    clusterThreshold,
    regionThreshold,
    regionIndex: regionIndexById,
    excluded: { regional: excludedRegional, indicators: excludedIndicators },
  };
}

/** What the analytics of every cluster of one year read from: the comparison sets by position in `ranked`. */
interface YearSets {
  year: number;
  ranked: readonly AnalyticsCluster[];
  overall: ExplainableIndexSet<IndicatorKey> | null;
  overallValues: Float64Array;
  overallRanks: Uint32Array;
  industryValues: Float64Array;
  industryRanks: Uint32Array;
  industryOf: Uint32Array;
  clusterThreshold: number | null;
  regionThreshold: number | null;
  regionIndexById: Map<string, number>;
  excludedByRegion: Map<string, RegionalProblem>;
  /** The regional inputs the region lacks for the year (one shared list per region). */
  missingFor(region: string): RegionalInput[];
}

/**
 * One cluster's analytics of a year: the plain fields are set at once, the objects (positions, contributions,
 * scenario) are built from the year's sets when first read and then kept, so reading one twice gives the same object.
 */
class YearClusterAnalytics implements ClusterAnalytics {
  readonly notRanked: NotRankedReason | null;
  readonly #sets: YearSets;
  readonly #cluster: AnalyticsCluster;
  /** Position in the year's ranked clusters, or -1 when the cluster is not ranked. */
  readonly #k: number;
  /** The objects built so far (one more field per cluster instead of four: 100,000 are made on every data change). */
  #built: { overall?: SetPosition | null; industry?: SetPosition | null; contributions?: IndicatorContribution<IndicatorKey>[]; scenario?: ScenarioView } | undefined;

  constructor(sets: YearSets, cluster: AnalyticsCluster, notRanked: NotRankedReason | null, k: number | undefined) {
    this.notRanked = notRanked;
    this.#sets = sets;
    this.#cluster = cluster;
    this.#k = k ?? -1;
  }

  get slug(): string {
    return this.#cluster.slug;
  }

  get year(): number {
    return this.#sets.year;
  }

  get of(): number {
    return INDICATOR_KEYS.length;
  }

  get reported(): number {
    let reported = 0;
    for (const key of INDICATOR_KEYS) if (this.#cluster.values[key] !== undefined) reported += 1;
    return reported;
  }

  get overall(): SetPosition | null {
    const k = this.#k;
    const sets = this.#sets;
    return ((this.#built ??= {}).overall ??= k < 0 ? null : { value: sets.overallValues[k]!, rank: sets.overallRanks[k]!, of: sets.ranked.length });
  }

  get industry(): SetPosition | null {
    const k = this.#k;
    const sets = this.#sets;
    return ((this.#built ??= {}).industry ??=
      k >= 0 && sets.ranked[k]!.industryGroup === this.#cluster.industryGroup ? { value: sets.industryValues[k]!, rank: sets.industryRanks[k]!, of: sets.industryOf[k]! } : null);
  }

  get contributions(): IndicatorContribution<IndicatorKey>[] {
    return ((this.#built ??= {}).contributions ??= this.#k < 0 ? [] : this.#sets.overall!.contributionsOf(this.#k));
  }

  get scenario(): ScenarioView {
    const built = (this.#built ??= {});
    if (built.scenario) return built.scenario;
    const sets = this.#sets;
    const own = this.overall;
    const region = this.#cluster.region;
    const regionIndex = sets.regionIndexById.get(region) ?? null;
    const { clusterThreshold, regionThreshold } = sets;
    const known = own && regionIndex !== null && regionThreshold !== null && clusterThreshold !== null;
    return (built.scenario = {
      code: known ? classifyScenario({ clusterIndex: own.value, clusterThreshold: clusterThreshold!, regionIndex, regionThreshold: regionThreshold! }).code : 'unknown',
      year: sets.year,
      clusterIndex: own?.value ?? null,
      regionIndex,
      clusterThreshold,
      regionThreshold,
      missingRegionalInputs: own ? sets.missingFor(region) : [],
      excludedRegional: sets.excludedByRegion.get(region) ?? null,
    });
  }
}
