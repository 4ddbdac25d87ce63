import { z } from 'zod';
import type { Lang } from '../i18n/locales';
import { webUrl, year } from './common';

/** Longest sourced fact or source note (a list of anchor members can be long). */
export const FACT_TEXT_MAX = 1000;
/** Most facts one block may carry. */
export const FACTS_MAX = 50;

/** Kinds of sourced facts, per profile block (a fact lives in the block it describes). */
export const FACT_KINDS_BY_BLOCK = {
  general: ['website', 'foundedYear', 'membersCount', 'history'],
  priorities: ['specialisation'],
  management: ['organisation', 'supportProgramme'],
  members: ['anchorMembers'],
} as const;
/** Every kind of sourced fact. */
export const FACT_KINDS = [
  ...FACT_KINDS_BY_BLOCK.general,
  ...FACT_KINDS_BY_BLOCK.priorities,
  ...FACT_KINDS_BY_BLOCK.management,
  ...FACT_KINDS_BY_BLOCK.members,
] as const;
/** One kind of sourced fact. */
export type FactKind = (typeof FACT_KINDS)[number];

const factText = z.string().trim().min(1, 'must not be empty').max(FACT_TEXT_MAX);

/**
 * A fact from a public source: its text as the source gives it (names in their original language), the same in
 * Russian (`valueRu`, shown on Russian pages; absent when `value` reads the same in both languages), the year it
 * refers to, the source.
 */
const sourcedFact = <K extends readonly [FactKind, ...FactKind[]]>(kinds: K) =>
  z
    .object({
      kind: z.enum(kinds),
      value: factText,
      valueRu: factText.optional(),
      asOf: year.optional(),
      source: webUrl,
      note: factText.optional(),
      /** The note with the other sources' values in Russian (shown on Russian pages), when any of them has a Russian text. */
      noteRu: factText.optional(),
    })
    .strict();

/** Optional list of sourced facts of the given kinds (absent in profiles written before facts existed). */
export const sourcedFacts = <K extends readonly [FactKind, ...FactKind[]]>(kinds: K) =>
  z.array(sourcedFact(kinds)).max(FACTS_MAX).optional();

const anySourcedFact = sourcedFact(FACT_KINDS);
/** Any sourced fact as stored and shown. */
export type SourcedFact = z.infer<typeof anySourcedFact>;

/** Whether a fact's text already names the year it refers to (then "(2018)" is not repeated). */
export function factNamesItsYear(fact: Pick<SourcedFact, 'value' | 'asOf'>): boolean {
  return fact.asOf === undefined || fact.value.includes(String(fact.asOf));
}

/** A fact's text as a page in `lang` shows it: the Russian text on Russian pages when there is one, else `value`. */
export function factValueIn(fact: Pick<SourcedFact, 'value' | 'valueRu'>, lang: Lang): string {
  return lang === 'ru' && fact.valueRu !== undefined ? fact.valueRu : fact.value;
}

/**
 * Whether a fact's text reads the same in Russian and English, so it needs no Russian text: a web address or host,
 * or a text without letters (a number, a year, "70 (2020)").
 * @example readsTheSameInBothLanguages('cluster-dgrad.ru') // => true; readsTheSameInBothLanguages('63 members') // => false
 */
export function readsTheSameInBothLanguages(value: string): boolean {
  const text = value.trim();
  return /^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(\/\S*)?$/i.test(text) || !/\p{L}/u.test(text);
}

/** The words that open the stored summary of disagreeing sources (English, as content stores it; pages say them in their language). */
export const OTHER_SOURCES_LEAD = 'Other sources: ';

/**
 * A fact's note with its "Other sources:" lead in the page's words (`otherSources` is that label, e.g. "Другие источники").
 * @example noteWithLead('Other sources: “50”, https://a.ru', 'Другие источники') // => 'Другие источники: “50”, https://a.ru'
 */
export function noteWithLead(note: string, otherSources: string): string {
  return note.replace(OTHER_SOURCES_LEAD, `${otherSources}: `);
}

/**
 * Of facts of one kind from sources that disagree, the most recent (latest asOf; an undated one counts as oldest;
 * on a tie the first given) with the others summarised in its note.
 * @example pickMostRecent([{ value: '50', asOf: 2013, ... }, { value: '63', asOf: 2018, ... }]).value // => '63'
 */
export function pickMostRecent<F extends SourcedFact>(facts: readonly F[]): F {
  if (facts.length === 0) throw new Error('pickMostRecent needs at least one fact');
  let best = facts[0]!;
  for (const f of facts) if ((f.asOf ?? -Infinity) > (best.asOf ?? -Infinity)) best = f;
  const others = facts.filter((f) => f !== best);
  if (others.length === 0) return best;
  const noteIn = (lang: Lang, ownNote: string | undefined) => {
    const note = [ownNote, `${OTHER_SOURCES_LEAD}${others.map((f) => describeOtherSource(f, lang)).join('; ')}`].filter(Boolean).join(' ');
    return note.length > FACT_TEXT_MAX ? `${note.slice(0, FACT_TEXT_MAX - 1)}…` : note;
  };
  const anyRussian = others.some((f) => f.valueRu !== undefined);
  return { ...best, note: noteIn('en', best.note), ...(anyRussian ? { noteRu: noteIn('ru', best.noteRu ?? best.note) } : {}) };
}

/** Another source's value as a note quotes it (in the page's language where it has a Russian text), its year and address. */
function describeOtherSource(f: SourcedFact, lang: Lang): string {
  return `“${factValueIn(f, lang)}”${factNamesItsYear(f) ? '' : ` (${f.asOf})`}, ${f.source}`;
}

/** A fact's note as a page in `lang` shows it: the Russian note on Russian pages when there is one, else `note`. */
export function factNoteIn(fact: Pick<SourcedFact, 'note' | 'noteRu'>, lang: Lang): string | undefined {
  return lang === 'ru' && fact.noteRu !== undefined ? fact.noteRu : fact.note;
}
