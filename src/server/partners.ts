/** Matchmaking over the store: the approved profiles (cached per data version) ranked for a partner search or related to one profile. */
import { PARTNER_RESULTS_MAX, rankPartners, relatedClusters, type PartnerMatch, type PartnerQuery, type RelatedCluster } from '../lib/matching';
import type { Profile } from '../lib/profile';
import type { Store } from './store';

let cached: { version: number; profiles: readonly Profile[]; bySlug: ReadonlyMap<string, Profile> } | null = null;

/** Every approved profile, read once per data version (a write anywhere bumps it, so they are never stale). */
export async function approvedProfiles(store: Store): Promise<{ profiles: readonly Profile[]; bySlug: ReadonlyMap<string, Profile> }> {
  const version = await store.clusters.dataVersion();
  if (cached?.version !== version) {
    const profiles = await store.clusters.listApprovedProfiles();
    cached = { version, profiles, bySlug: new Map(profiles.map((p) => [p.slug, p])) };
  }
  return cached;
}

/** A ranked match with the profile it is about. */
export interface PartnerResult {
  match: PartnerMatch;
  profile: Profile;
}

/** The clusters matching a partner search, best first (at most PARTNER_RESULTS_MAX). */
export async function findPartners(store: Store, query: PartnerQuery): Promise<PartnerResult[]> {
  const { profiles, bySlug } = await approvedProfiles(store);
  return rankPartners(profiles, query, PARTNER_RESULTS_MAX).map((match) => ({ match, profile: bySlug.get(match.slug)! }));
}

/** A related cluster with its profile. */
export interface RelatedResult {
  related: RelatedCluster;
  profile: Profile;
}

/** Similar and complementary clusters of a profile (never itself). */
export async function findRelated(store: Store, profile: Profile): Promise<{ similar: RelatedResult[]; complementary: RelatedResult[] }> {
  const { profiles, bySlug } = await approvedProfiles(store);
  const { similar, complementary } = relatedClusters(profile, profiles);
  const withProfile = (list: RelatedCluster[]) => list.map((related) => ({ related, profile: bySlug.get(related.slug)! }));
  return { similar: withProfile(similar), complementary: withProfile(complementary) };
}
