/** The approved profiles the questionnaire analytics read, cached per data version (every approval bumps it). */
import type { Profile } from '../lib/profile';
import type { Store } from './store';

let cached: { key: string; profiles: Profile[] } | undefined;

/** Every approved profile (the analytics aggregate their answers; individual answers stay on each profile). */
export async function approvedProfiles(store: Store): Promise<Profile[]> {
  const key = `${store.config.dataDir}|${await store.clusters.dataVersion()}`;
  if (cached?.key === key) return cached.profiles;
  const profiles = await store.clusters.listApprovedProfiles();
  cached = { key, profiles };
  return profiles;
}
