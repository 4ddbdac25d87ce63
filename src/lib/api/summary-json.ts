import type { ClusterSummary } from '../profile/summary';

/** The summary fields a cluster has in every JSON list (the list API, the JSON export), in their order. */
export type SummaryJson = Pick<ClusterSummary, 'slug' | 'name' | 'region' | 'industryGroup' | 'status' | 'city' | 'location' | 'foundedYear'>;

/** The summary fields of a cluster for a JSON list item (without what the list adds: addresses, index, scenario). */
export function toSummaryJson(c: ClusterSummary): SummaryJson {
  return { slug: c.slug, name: c.name, region: c.region, industryGroup: c.industryGroup, status: c.status, city: c.city, location: c.location, foundedYear: c.foundedYear };
}
