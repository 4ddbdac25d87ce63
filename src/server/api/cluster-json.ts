import type { z } from 'zod';
import type { clusterListItemSchema, scenarioJsonSchema } from '../../lib/api/answers';
import { toIndexJson } from '../../lib/api/index-json';
import { toSummaryJson } from '../../lib/api/summary-json';
import type { Profile } from '../../lib/profile';
import type { ClusterAnalytics } from '../../lib/indexing/year-analytics';
import type { DirectoryItem } from '../directory';

export { toIndexJson, type IndexJson } from '../../lib/api/index-json';

/** The scenario block of a list item (see scenarioJsonSchema). */
export type ScenarioJson = z.infer<typeof scenarioJsonSchema>;

/** Public list item of GET /api/v1/clusters (see clusterListItemSchema). */
export type ClusterListItemJson = z.infer<typeof clusterListItemSchema>;

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
    ...toSummaryJson(c),
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
