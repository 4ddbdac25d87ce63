import type { z } from 'zod';
import type { clusterListItemSchema, indexJsonSchema, scenarioJsonSchema } from '../../lib/api/answers';
import type { Profile } from '../../lib/profile';
import type { ClusterAnalytics } from '../../lib/indexing/year-analytics';
import type { DirectoryItem } from '../directory';

/** The index block of a list item (see indexJsonSchema). */
export type IndexJson = z.infer<typeof indexJsonSchema>;

/** The scenario block of a list item (see scenarioJsonSchema). */
export type ScenarioJson = z.infer<typeof scenarioJsonSchema>;

/** Public list item of GET /api/v1/clusters (see clusterListItemSchema). */
export type ClusterListItemJson = z.infer<typeof clusterListItemSchema>;

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
