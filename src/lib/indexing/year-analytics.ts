import type { IndexSettings } from '../settings';
import { INDICATOR_KEYS, type IndicatorKey } from '../profile/vocabulary';
import { computeIndexOverSetWithExplanation, computeIndexValuesOverSet, type IndicatorContribution } from './multivariate-index';
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

/** Everything computed for one cluster in one year. */
export interface ClusterAnalytics {
  slug: string;
  year: number;
  notRanked: NotRankedReason | null;
  overall: SetPosition | null;
  industry: SetPosition | null;
  reported: number;
  of: number;
  contributions: IndicatorContribution<IndicatorKey>[];
  scenario: ScenarioView;
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

/** Whether an object has an own enumerable key (`Object.keys(o).length > 0` without building the array). */
function hasAnyKey(o: object): boolean {
  for (const key in o) if (Object.hasOwn(o, key)) return true;
  return false;
}

/** The clusters of each industry group (in input order), as positions in `ranked`. */
function membersByGroup(ranked: readonly AnalyticsCluster[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let k = 0; k < ranked.length; k++) {
    const group = ranked[k]!.industryGroup;
    const members = groups.get(group);
    if (members) members.push(k);
    else groups.set(group, [k]);
  }
  return groups;
}

/**
 * Computes the internationalization index of every cluster for one year over two comparison sets
 * (all clusters with data that year; the cluster's industry group), the regional index and the scenarios.
 * Clusters with self-assessment grade 1 are not ranked and stay out of both sets.
 * Total: a stored value that is not finite or not plausible is left out (and listed in `excluded`), never thrown on.
 *
 * Linear passes over arrays plus one numeric sort per comparison set (100,000 clusters in tens of milliseconds):
 * the industry sets reuse one grouping pass and compute values only, since only the overall index is explained.
 */
export function computeYearAnalytics(year: number, givenClusters: readonly AnalyticsCluster[], givenRegions: readonly RegionalStatisticsRecord[], settings: IndexSettings): YearAnalytics {
  const excludedIndicators: ExcludedIndicatorValue[] = [];
  const clusters = givenClusters.map((given) => screenClusterValues(year, given, excludedIndicators));
  const { usable: regions, excluded: excludedRegional } = screenRegionalRecords(givenRegions);
  const excludedByRegion = new Map(excludedRegional.map((e) => [e.region, e.problem]));

  const hasData = new Uint8Array(clusters.length);
  const rankedAt = new Int32Array(clusters.length).fill(-1); // position in `ranked`, -1 when not ranked
  const ranked: AnalyticsCluster[] = [];
  clusters.forEach((c, i) => {
    if (!hasAnyKey(c.values)) return;
    hasData[i] = 1;
    if (c.selfAssessment !== 1) rankedAt[i] = ranked.push(c) - 1;
  });
  const rankedItems = ranked.map((c) => ({ id: c.slug, values: c.values }));

  // Overall set: explained (contributions are shown); ids are distinct here or the computation throws.
  const overall = ranked.length ? computeIndexOverSetWithExplanation(rankedItems, INDICATOR_KEYS, settings.weights) : null;
  const overallValues = new Float64Array(ranked.length);
  overall?.results.forEach((r, k) => (overallValues[k] = r.value));
  const overallRanks = competitionRanksDescending(overallValues);

  // Industry sets: one grouping pass, then values and ranks per group, stored by position in `ranked`.
  const industryValues = new Float64Array(ranked.length);
  const industryRanks = new Uint32Array(ranked.length);
  const industryOf = new Uint32Array(ranked.length);
  for (const members of membersByGroup(ranked).values()) {
    const values = computeIndexValuesOverSet(members.map((k) => rankedItems[k]!), INDICATOR_KEYS, settings.weights);
    const ranks = competitionRanksDescending(values);
    members.forEach((k, g) => {
      industryValues[k] = values[g]!;
      industryRanks[k] = ranks[g]!;
      industryOf[k] = members.length;
    });
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
  const missingFor = (region: string) => {
    let missing = missingByRegion.get(region);
    if (!missing) missingByRegion.set(region, (missing = missingRegionalInputs(regionByCode.get(region))));
    return missing;
  };

  /** Every cluster's analytics, its sets found by `positionOf` (its position in `ranked`, or undefined). */
  const assemble = (positionOf: (c: AnalyticsCluster, i: number) => number | undefined) => {
    const result = new Map<string, ClusterAnalytics>();
    clusters.forEach((c, i) => {
      const notRanked: NotRankedReason | null = !hasData[i] ? 'no-indicators' : c.selfAssessment === 1 ? 'self-assessment-1' : null;
      const k = positionOf(c, i);
      let own: SetPosition | null = null;
      let inGroup: SetPosition | null = null;
      if (k !== undefined) {
        own = { value: overallValues[k]!, rank: overallRanks[k]!, of: ranked.length };
        if (ranked[k]!.industryGroup === c.industryGroup) inGroup = { value: industryValues[k]!, rank: industryRanks[k]!, of: industryOf[k]! };
      }
      const regionIndex = regionIndexById.get(c.region) ?? null;
      const known = own && regionIndex !== null && regionThreshold !== null && clusterThreshold !== null;
      const scenario: ScenarioView = {
        code: known ? classifyScenario({ clusterIndex: own!.value, clusterThreshold: clusterThreshold!, regionIndex, regionThreshold }).code : 'unknown',
        year,
        clusterIndex: own?.value ?? null,
        regionIndex,
        clusterThreshold,
        regionThreshold,
        missingRegionalInputs: own ? missingFor(c.region) : [],
        excludedRegional: excludedByRegion.get(c.region) ?? null,
      };
      let reported = 0;
      for (const key of INDICATOR_KEYS) if (c.values[key] !== undefined) reported += 1;
      result.set(c.slug, {
        slug: c.slug,
        year,
        notRanked,
        overall: own,
        industry: inGroup,
        reported,
        of: INDICATOR_KEYS.length,
        contributions: k !== undefined ? overall!.results[k]!.contributions : [],
        scenario,
      });
    });
    return result;
  };
  let result = assemble((_, i) => (rankedAt[i]! >= 0 ? rankedAt[i] : undefined));
  if (result.size !== clusters.length) {
    // A slug given twice (the ranked ones are distinct, or the index threw): the sets are keyed by slug, so an
    // unranked duplicate shows the ranked one's positions, and the last of a slug stays in the map.
    const rankedBySlug = new Map(ranked.map((c, k) => [c.slug, k]));
    result = assemble((c) => rankedBySlug.get(c.slug));
  }
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
