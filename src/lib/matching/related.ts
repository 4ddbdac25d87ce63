/**
 * "Similar and complementary clusters" of a profile. Similar: the same industry group and shared
 * specialisation. Complementary: one cluster's structured offers meet the other's structured seeks (the same
 * cooperation area or a shared keyword), in either direction. A cluster is never related to itself; order is
 * by score, then slug, so it is deterministic.
 */
import type { CooperationItem } from '../profile/priorities';
import type { Profile } from '../profile/profile';
import { compareMatches, matchTexts, type PartnerMatch } from './score';
import { queryTerms, termMatchesPhrase } from './terms';

/** Points of each kind of relation. Shared specialisation counts once per phrase of the other cluster, at most RELATED_SHARED_MAX times. */
export const RELATED_POINTS = { sameIndustryGroup: 2, sharedSpecialisation: 1, offersWhatSeeks: 3, seeksWhatOffers: 3 } as const;
/** Most shared-specialisation phrases counted for one pair. */
export const RELATED_SHARED_MAX = 3;
/** Clusters shown in each list. */
export const RELATED_LIMIT = 5;

/** What a related cluster has in common with the profile. */
export type RelationKind = keyof typeof RELATED_POINTS;

/** A related cluster with its score and reasons (kinds as in RELATED_POINTS). */
export type RelatedCluster = Omit<PartnerMatch, 'reasons'> & { reasons: Array<{ kind: RelationKind; value: string; points: number }> };

/** Word beginnings too general to make two specialisations alike ("technologies", "industry", "production"…). */
const GENERIC_STEMS = ['technolog', 'industr', 'product', 'develop', 'manufactur', 'servic', 'system', 'engineer', 'технолог', 'промышлен', 'производ', 'разработ'];

/** Whether a word says nothing specific about a specialisation. */
export function isGenericWord(word: string): boolean {
  return GENERIC_STEMS.some((stem) => word.startsWith(stem));
}

/** Specialisation phrases of a profile (sourced ones included). */
function specialisationPhrases(profile: Profile): string[] {
  return matchTexts(profile).find(([kind]) => kind === 'specialisation')?.[1] ?? [];
}

/** Phrases of the other cluster's specialisation that share a specific word (by stem, 5+ letters, not generic) with this one's, at most RELATED_SHARED_MAX. */
export function sharedSpecialisation(profile: Profile, other: Profile): string[] {
  const terms = queryTerms(specialisationPhrases(profile).join(' ')).filter((t) => t.length >= 5 && !isGenericWord(t));
  if (terms.length === 0) return [];
  return specialisationPhrases(other)
    .filter((phrase) => terms.some((t) => termMatchesPhrase(t, phrase)))
    .slice(0, RELATED_SHARED_MAX);
}

/** Keywords of a structured offer or seek. */
const itemKeywords = (i: CooperationItem) => [...(i.technologies ?? []), ...(i.markets ?? [])];

/** What of `offer` meets `seek`: the shared area, else the first offered keyword sharing a word with a sought one, else null. */
export function offerMeetsSeek(offer: CooperationItem, seek: CooperationItem): string | null {
  if (offer.area && offer.area === seek.area) return offer.area;
  const sought = queryTerms(itemKeywords(seek).join(' '));
  return itemKeywords(offer).find((k) => sought.some((t) => termMatchesPhrase(t, k))) ?? null;
}

/** The first way any of `offers` meets any of `seeks`, or null. */
function firstMeeting(offers: readonly CooperationItem[] | undefined, seeks: readonly CooperationItem[] | undefined): string | null {
  for (const o of offers ?? []) for (const s of seeks ?? []) {
    const met = offerMeetsSeek(o, s);
    if (met) return met;
  }
  return null;
}

/** How `other` relates to `profile`: similar reasons and complementary reasons. */
export function relate(profile: Profile, other: Profile): { similar: RelatedCluster; complementary: RelatedCluster } {
  const similar: RelatedCluster['reasons'] = [];
  if (profile.general.industryGroup === other.general.industryGroup)
    similar.push({ kind: 'sameIndustryGroup', value: other.general.industryGroup, points: RELATED_POINTS.sameIndustryGroup });
  for (const phrase of sharedSpecialisation(profile, other)) similar.push({ kind: 'sharedSpecialisation', value: phrase, points: RELATED_POINTS.sharedSpecialisation });
  const complementary: RelatedCluster['reasons'] = [];
  const theyOffer = firstMeeting(other.priorities.offerItems, profile.priorities.seekItems);
  if (theyOffer) complementary.push({ kind: 'offersWhatSeeks', value: theyOffer, points: RELATED_POINTS.offersWhatSeeks });
  const theySeek = firstMeeting(profile.priorities.offerItems, other.priorities.seekItems);
  if (theySeek) complementary.push({ kind: 'seeksWhatOffers', value: theySeek, points: RELATED_POINTS.seeksWhatOffers });
  const sum = (rs: RelatedCluster['reasons']) => rs.reduce((n, r) => n + r.points, 0);
  return {
    similar: { slug: other.slug, score: sum(similar), reasons: similar },
    complementary: { slug: other.slug, score: sum(complementary), reasons: complementary },
  };
}

/** Similar clusters (needing shared specialisation or the same industry group) and complementary ones, never the profile itself, best first. */
export function relatedClusters(profile: Profile, all: readonly Profile[], limit = RELATED_LIMIT): { similar: RelatedCluster[]; complementary: RelatedCluster[] } {
  const pairs = all.filter((o) => o.slug !== profile.slug).map((o) => relate(profile, o));
  const top = (list: RelatedCluster[]) => list.filter((r) => r.score > 0).sort(compareMatches).slice(0, limit);
  return { similar: top(pairs.map((p) => p.similar)), complementary: top(pairs.map((p) => p.complementary)) };
}
