import { INDUSTRY_GROUP_LABELS, STATUS_LABELS } from '../i18n/vocabulary-labels';
import type { ScenarioCode } from '../indexing/scenario';
import type { Lang } from '../i18n/locales';
import type { z } from 'zod';
import type { ClusterSummary, Profile } from '../profile';
import type { localizedText } from '../profile/common';
import { federalDistrictOf, type FederalDistrict } from '../federal-districts';
import { findRegion } from '../regions';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './markers';

/** Text that may be given in one or both languages (the profile schema's localized text). */
export type MaybeLocalized = z.infer<ReturnType<typeof localizedText>>;

/** Keyword lists per language. */
export interface LocalizedLists {
  ru: string[];
  en: string[];
}

/**
 * One public cluster as Meilisearch and the FTS5 fallback index it: derived from the profile schema,
 * public fields only (never management.manager, whose e-mail and phone are private).
 */
export interface SearchDocument {
  /** Meilisearch primary key: the slug (its characters are all allowed in ids). */
  id: string;
  slug: ClusterSummary['slug'];
  name: ClusterSummary['name'];
  shortName: MaybeLocalized;
  city: ClusterSummary['city'];
  regionName: { ru: string; en: string };
  industryName: { ru: string; en: string };
  statusName: { ru: string; en: string };
  specialization: LocalizedLists;
  priorities: LocalizedLists;
  offers: MaybeLocalized;
  seeks: MaybeLocalized;
  description: MaybeLocalized;
  goals: LocalizedLists;
  memberNames: string[];
  partnerNames: string[];
  projectTitles: string[];
  partnerCountryNames: LocalizedLists;
  industryGroup: ClusterSummary['industryGroup'];
  region: ClusterSummary['region'];
  /** Federal district of the region (a facet: "Сибирь" in a query filters by it). */
  federalDistrict: FederalDistrict;
  status: ClusterSummary['status'];
  scenario: ScenarioCode;
  cooperationAreas: string[];
  partnerCountries: string[];
  selfAssessment: ClusterSummary['selfAssessment'];
  /** Internationalization index of the default year; null when the cluster is not ranked. */
  index: number | null;
  foundedYear: ClusterSummary['foundedYear'];
  /** Name folded for sorting (lowercase, leading quotes dropped), per language. */
  sortName: { ru: string; en: string };
  /** Meilisearch geo field; the profile stores { lat, lon }, Meilisearch wants { lat, lng }. */
  _geo: { lat: number; lng: number };
}

/** What the document needs from the yearly analytics: the index and scenario of the default year. */
export interface DocumentAnalytics {
  index: number | null;
  scenario: ScenarioCode;
}


/** Removes the highlight markers from a text. */
function clean(text: string): string {
  return text.replaceAll(HIGHLIGHT_PRE, '').replaceAll(HIGHLIGHT_POST, '');
}

/** Copies a localized text, dropping empty languages. */
function localized(text: { ru?: string; en?: string } | undefined): MaybeLocalized {
  const out: MaybeLocalized = {};
  if (text?.ru) out.ru = clean(text.ru);
  if (text?.en) out.en = clean(text.en);
  return out;
}

/** Both languages of a text as a list (for fields where the language does not matter, such as member names). */
function bothLanguages(text: { ru?: string; en?: string }): string[] {
  return [...new Set([text.ru, text.en].filter((t): t is string => Boolean(t)).map(clean))];
}

/** Joins several keyword lists per language. */
function mergeLists(...lists: { ru: readonly string[]; en: readonly string[] }[]): LocalizedLists {
  return { ru: lists.flatMap((l) => l.ru.map(clean)), en: lists.flatMap((l) => l.en.map(clean)) };
}

/** Lists the given long texts per language. */
function textLists(...texts: ({ ru?: string; en?: string } | undefined)[]): LocalizedLists {
  return {
    ru: texts.flatMap((t) => (t?.ru ? [clean(t.ru)] : [])),
    en: texts.flatMap((t) => (t?.en ? [clean(t.en)] : [])),
  };
}

/** Country names in a language, e.g. ("DE", "ru") → "Германия"; the code itself when ICU does not know it. */
export function countryName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Sort key of a name: lowercase, without leading quotes or punctuation, e.g. '"Kamsky" cluster' → 'kamsky" cluster'. */
export function nameSortKey(name: string): string {
  return name.replace(/^[^\p{L}\p{N}]+/u, '').toLowerCase();
}

/** Countries of the partners and of the projects' partners, deduplicated and sorted. */
function partnerCountryCodes(profile: Profile): string[] {
  const pp = profile.partnersProjects;
  return [...new Set([...pp.partners.map((p) => p.country), ...pp.projects.flatMap((p) => p.partnerCountries)])].sort();
}

/** Rounds the index so documents do not change on floating-point noise. */
export function roundIndex(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}

/**
 * Builds the search document of an approved profile. Only public fields are copied, field by field,
 * so a new private field in the schema never leaks into the index by accident.
 */
export function buildSearchDocument(profile: Profile, analytics: DocumentAnalytics): SearchDocument {
  const g = profile.general;
  const p = profile.priorities;
  const region = findRegion(g.region);
  const countries = partnerCountryCodes(profile);
  return {
    id: profile.slug,
    slug: profile.slug,
    name: { ru: clean(g.name.ru), en: clean(g.name.en) },
    shortName: localized(g.shortName),
    city: localized(g.city),
    regionName: { ru: region?.name.ru ?? g.region, en: region?.name.en ?? g.region },
    industryName: { ...INDUSTRY_GROUP_LABELS[g.industryGroup] },
    statusName: { ...STATUS_LABELS[g.status] },
    specialization: mergeLists(g.specialization),
    priorities: mergeLists(p.technologyPriorities, p.marketPriorities),
    offers: localized(p.offers),
    seeks: localized(p.seeks),
    description: localized(g.description),
    goals: textLists(p.developmentGoals, p.internationalizationGoals),
    memberNames: profile.members.members.flatMap((m) => bothLanguages(m.name)),
    partnerNames: profile.partnersProjects.partners.flatMap((m) => bothLanguages(m.name)),
    projectTitles: profile.partnersProjects.projects.flatMap((m) => bothLanguages(m.title)),
    partnerCountryNames: { ru: countries.map((c) => countryName(c, 'ru')), en: countries.map((c) => countryName(c, 'en')) },
    industryGroup: g.industryGroup,
    region: g.region,
    federalDistrict: federalDistrictOf(g.region),
    status: g.status,
    scenario: analytics.scenario,
    cooperationAreas: [...p.cooperationAreas],
    partnerCountries: countries,
    selfAssessment: g.selfAssessment ?? null,
    index: roundIndex(analytics.index),
    foundedYear: g.foundedYear ?? null,
    sortName: { ru: nameSortKey(g.name.ru), en: nameSortKey(g.name.en) },
    _geo: { lat: g.location.lat, lng: g.location.lon },
  };
}

/** A document's text in four groups of falling weight (the FTS5 fallback's columns). */
export interface SearchTextColumns {
  names: string;
  places: string;
  topics: string;
  body: string;
}

/** Text of a document grouped by weight, for the FTS5 fallback (same fields as the Meilisearch searchable attributes). */
export function documentTextColumns(doc: SearchDocument): SearchTextColumns {
  const values = (o: object): string[] => Object.values(o).flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []));
  return {
    names: [...values(doc.name), ...values(doc.shortName)].join(' \n '),
    places: [...values(doc.city), ...values(doc.regionName)].join(' \n '),
    topics: [...values(doc.industryName), ...values(doc.specialization), ...values(doc.priorities)].join(' \n '),
    body: [
      ...values(doc.offers),
      ...values(doc.seeks),
      ...values(doc.description),
      ...values(doc.goals),
      ...doc.memberNames,
      ...doc.partnerNames,
      ...doc.projectTitles,
      ...values(doc.partnerCountryNames),
      ...values(doc.statusName),
    ].join(' \n '),
  };
}
