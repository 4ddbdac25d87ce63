import type { ClusterSummary, Profile } from '../../lib/profile';
import type { ClusterAnalytics } from '../../lib/indexing/year-analytics';
import type { ScenarioCode } from '../../lib/indexing/scenario';
import type { RegionalProblem } from '../../lib/regional-plausibility';
import type { DirectoryItem } from '../directory';

/** The index block of a list item: both comparison sets with ranks, and how many indicators were reported. */
export interface IndexJson {
  year: number | null;
  overall: number | null;
  overallRank: number | null;
  overallOf: number | null;
  industry: number | null;
  industryRank: number | null;
  industryOf: number | null;
  reported: number;
  of: number;
  notRanked: string | null;
}

/** The scenario block of a list item. */
export interface ScenarioJson {
  code: ScenarioCode;
  year: number | null;
  clusterIndex: number | null;
  regionIndex: number | null;
  clusterThreshold: number | null;
  regionThreshold: number | null;
  missingRegionalInputs: string[];
  /** Why the region's statistics were left out of the regional index (field, problem code, value, bound), or null. */
  excludedRegional: RegionalProblem | null;
}

/** Public list item of GET /api/v1/clusters: the summary's public fields, links and analytics. */
export interface ClusterListItemJson extends Pick<ClusterSummary, 'slug' | 'name' | 'region' | 'industryGroup' | 'status' | 'city' | 'location' | 'foundedYear'> {
  url: { ru: string; en: string };
  index: IndexJson;
  scenario: ScenarioJson;
}

/** The index block for a cluster's analytics (all null when the year has no data for it). */
export function toIndexJson(a: ClusterAnalytics | null, year: number | null): IndexJson {
  return {
    year,
    overall: a?.overall?.value ?? null,
    overallRank: a?.overall?.rank ?? null,
    overallOf: a?.overall?.of ?? null,
    industry: a?.industry?.value ?? null,
    industryRank: a?.industry?.rank ?? null,
    industryOf: a?.industry?.of ?? null,
    reported: a?.reported ?? 0,
    of: a?.of ?? 4,
    notRanked: a?.notRanked ?? (a ? null : 'no-indicators'),
  };
}

/** The scenario block for a cluster's analytics. */
export function toScenarioJson(a: ClusterAnalytics | null, year: number | null): ScenarioJson {
  const s = a?.scenario;
  return {
    code: s?.code ?? 'unknown',
    year,
    clusterIndex: s?.clusterIndex ?? null,
    regionIndex: s?.regionIndex ?? null,
    clusterThreshold: s?.clusterThreshold ?? null,
    regionThreshold: s?.regionThreshold ?? null,
    missingRegionalInputs: s?.missingRegionalInputs ?? [],
    excludedRegional: s?.excludedRegional ?? null,
  };
}

/** Maps a directory item to its public JSON list item. */
export function toListItemJson(c: DirectoryItem, year: number | null): ClusterListItemJson {
  return {
    slug: c.slug,
    name: c.name,
    region: c.region,
    industryGroup: c.industryGroup,
    status: c.status,
    city: c.city,
    location: c.location,
    foundedYear: c.foundedYear,
    url: { ru: `/clusters/${c.slug}`, en: `/en/clusters/${c.slug}` },
    index: toIndexJson(c.analytics, year),
    scenario: toScenarioJson(c.analytics, year),
  };
}

/** The public profile JSON: the stored profile without private contact details. */
export function toPublicProfileJson(profile: Profile): Profile {
  const { manager, ...management } = profile.management;
  const publicManager = manager && { name: manager.name, ...(manager.position ? { position: manager.position } : {}) };
  return { ...profile, management: { ...management, ...(publicManager ? { manager: publicManager } : {}) } };
}
