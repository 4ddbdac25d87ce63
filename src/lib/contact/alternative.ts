import type { Profile } from '../profile';

/** Somewhere to write to a cluster that has no manager on the portal, as its profile's sources give it. */
export interface ContactAlternative {
  /** A website (the cluster's own, or its management organisation's). */
  websites: Array<{ url: string; source?: string }>;
  /** The management organisation, named as the profile or its source names it. */
  organisations: Array<{ name: string | NonNullable<Profile['management']['cmo']>['name']; website?: string; source?: string }>;
}

const isWebAddress = (value: string) => /^https?:\/\/[^\s"'<>]+$/i.test(value);

/**
 * Who to write to instead of the portal's form when nobody manages the cluster here: its websites (the general
 * block's and sourced ones) and its management organisation (the management block's and sourced ones), each once.
 * Both lists empty means the profile names nobody.
 * @example contactAlternative(profileWithWebsite('https://cluster.example')).websites // => [{ url: 'https://cluster.example' }]
 */
export function contactAlternative(profile: Pick<Profile, 'general' | 'management'>): ContactAlternative {
  const websites: ContactAlternative['websites'] = [];
  const seen = new Set<string>();
  const addWebsite = (url: string, source?: string) => {
    const key = url.replace(/\/+$/, '').toLowerCase();
    if (!isWebAddress(url) || seen.has(key)) return;
    seen.add(key);
    websites.push(source ? { url, source } : { url });
  };
  for (const w of profile.general.websites) addWebsite(w.url);
  for (const f of profile.general.facts ?? []) if (f.kind === 'website') addWebsite(f.value, f.source);
  const organisations: ContactAlternative['organisations'] = [];
  const cmo = profile.management.cmo;
  if (cmo) organisations.push({ name: cmo.name, ...(cmo.website ? { website: cmo.website } : {}) });
  for (const f of profile.management.facts ?? []) if (f.kind === 'organisation') organisations.push({ name: f.valueRu ? { ru: f.valueRu, en: f.value } : f.value, source: f.source });
  return { websites, organisations };
}
