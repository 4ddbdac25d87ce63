/**
 * The partner-search score: a cluster earns points for each thing it shares with what the visitor looks for,
 * and each earns a reason shown beside it ("industry group: …", "offers: clinical trials", "seeks partners in:
 * Germany"). Clusters are ranked by score, then by slug, so the same request always gives the same order.
 */
import { INDUSTRY_GROUP_LABELS } from '../i18n/vocabulary-labels';
import type { Profile } from '../profile/profile';
import type { PartnerQuery } from './request';
import { queryTerms, splitPhrases, termMatchesPhrase } from './terms';

/**
 * Points per reason. A query word counts once, for the first kind of text it is found in, in this order:
 * offers (3), specialisation and technology priorities (2), market priorities (1), name (1); a word that only
 * names the cluster's industry group gives half the industry-group points.
 */
export const MATCH_POINTS = {
  industryGroup: 4,
  area: 3,
  country: 3,
  region: 2,
  offers: 3,
  specialisation: 2,
  priority: 1,
  name: 1,
} as const;

/** What a reason is about. */
export type ReasonKind = keyof typeof MATCH_POINTS;

/** Why a cluster matched: the kind, the matching value (a code or the phrase as the profile gives it) and its points. */
export interface MatchReason {
  kind: ReasonKind;
  value: string;
  points: number;
}

/** A ranked cluster with its score and reasons (highest points first). */
export interface PartnerMatch {
  slug: string;
  score: number;
  reasons: MatchReason[];
}

/** Texts of a profile a query word can match, by reason kind, in the order they are tried. */
export type MatchTexts = Array<[Extract<ReasonKind, 'offers' | 'specialisation' | 'priority' | 'name'>, string[]]>;

/** The phrases of a profile that keywords are matched against, both languages together. */
export function matchTexts(profile: Profile): MatchTexts {
  const { general: g, priorities: p } = profile;
  const both = (l: { ru: string[]; en: string[] }) => [...l.ru, ...l.en];
  const text = (t: { ru?: string | undefined; en?: string | undefined } | undefined) => (t ? [t.ru, t.en].flatMap((s) => (s ? splitPhrases(s) : [])) : []);
  return [
    ['offers', [...(p.offerItems ?? []).flatMap((i) => [...(i.technologies ?? []), ...(i.markets ?? [])]), ...text(p.offers)]],
    ['specialisation', [...both(g.specialization), ...both(p.technologyPriorities), ...(p.facts ?? []).flatMap((f) => [f.value, f.valueRu].flatMap((v) => (v ? splitPhrases(v) : [])))]],
    ['priority', both(p.marketPriorities)],
    ['name', [g.name.ru, g.name.en, ...(g.shortName ? [g.shortName.ru, g.shortName.en].filter((s): s is string => !!s) : [])]],
  ];
}

/** Cooperation areas the cluster names: sought areas and those of its structured offers and seeks. */
export function clusterAreas(profile: Profile): Set<string> {
  const p = profile.priorities;
  return new Set([...p.cooperationAreas, ...[...(p.offerItems ?? []), ...(p.seekItems ?? [])].flatMap((i) => (i.area ? [i.area] : []))]);
}

/** Countries the cluster seeks partners in: its target countries and those of its structured seeks and offers. */
export function clusterCountries(profile: Profile): Set<string> {
  const p = profile.priorities;
  return new Set([...p.targetCountries, ...[...(p.seekItems ?? []), ...(p.offerItems ?? [])].flatMap((i) => i.countries ?? [])]);
}

/** Adds points to the reason of this kind and value, creating it on first use. */
function addReason(reasons: MatchReason[], kind: ReasonKind, value: string, points: number): void {
  const existing = reasons.find((r) => r.kind === kind && r.value === value);
  if (existing) existing.points += points;
  else reasons.push({ kind, value, points });
}

/** The reasons from the query's words: each word scores once, where it is first found (see MATCH_POINTS). */
function keywordReasons(profile: Profile, terms: readonly string[], reasons: MatchReason[], groupAsked: boolean): void {
  const texts = matchTexts(profile);
  const groupLabel = INDUSTRY_GROUP_LABELS[profile.general.industryGroup];
  for (const term of terms) {
    const found = texts.flatMap(([kind, phrases]) => phrases.filter((ph) => termMatchesPhrase(term, ph)).map((ph) => [kind, ph] as const))[0];
    if (found) addReason(reasons, found[0], found[1], MATCH_POINTS[found[0]]);
    else if (!groupAsked && (termMatchesPhrase(term, groupLabel.en) || termMatchesPhrase(term, groupLabel.ru)))
      addReason(reasons, 'industryGroup', profile.general.industryGroup, MATCH_POINTS.industryGroup / 2);
  }
}

/**
 * Scores one cluster against a partner search: its reasons, highest points first, and their sum.
 * @example scorePartner(pharmaProfile, { industryGroup: 'pharma-bio-medical' }) // => { slug, score: 4, reasons: [{ kind: 'industryGroup', … }] }
 */
export function scorePartner(profile: Profile, query: PartnerQuery): PartnerMatch {
  const reasons: MatchReason[] = [];
  const groupAsked = query.industryGroup !== undefined && query.industryGroup === profile.general.industryGroup;
  if (groupAsked) addReason(reasons, 'industryGroup', profile.general.industryGroup, MATCH_POINTS.industryGroup);
  if (query.area && clusterAreas(profile).has(query.area)) addReason(reasons, 'area', query.area, MATCH_POINTS.area);
  if (query.country && clusterCountries(profile).has(query.country)) addReason(reasons, 'country', query.country, MATCH_POINTS.country);
  if (query.region && query.region === profile.general.region) addReason(reasons, 'region', query.region, MATCH_POINTS.region);
  keywordReasons(profile, queryTerms(query.q), reasons, groupAsked);
  // A stable sort keeps reasons of equal points in the order they were found.
  reasons.sort((a, b) => b.points - a.points);
  return { slug: profile.slug, score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/** Orders matches by score (highest first), then slug, so equal scores always come in the same order. */
export function compareMatches(a: Pick<PartnerMatch, 'slug' | 'score'>, b: Pick<PartnerMatch, 'slug' | 'score'>): number {
  return b.score - a.score || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** The clusters that match the search at all (score above 0), best first, at most `limit`. */
export function rankPartners(profiles: readonly Profile[], query: PartnerQuery, limit: number): PartnerMatch[] {
  return profiles
    .map((p) => scorePartner(p, query))
    .filter((m) => m.score > 0)
    .sort(compareMatches)
    .slice(0, limit);
}
