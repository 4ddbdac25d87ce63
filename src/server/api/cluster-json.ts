import type { Profile } from '../../lib/profile';
import type { ClusterSummary } from '../db/clusters-repository';

/** Public list item of GET /api/v1/clusters. */
export interface ClusterListItemJson {
  slug: string;
  name: { ru: string; en: string };
  region: string;
  industryGroup: string;
  status: string;
  city: { ru?: string; en?: string };
  location: { lat: number; lon: number };
  foundedYear: number | null;
  url: { ru: string; en: string };
}

/** Maps a summary to its public JSON list item. */
export function toListItemJson(c: ClusterSummary): ClusterListItemJson {
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
  };
}

/** The public profile JSON: the stored profile without private contact details. */
export function toPublicProfileJson(profile: Profile): Profile {
  const { manager, ...management } = profile.management;
  const publicManager = manager && { name: manager.name, ...(manager.position ? { position: manager.position } : {}) };
  return { ...profile, management: { ...management, ...(publicManager ? { manager: publicManager } : {}) } };
}
