/**
 * Turns the rows of content/sources/pilot-clusters-facts.csv (facts about the pilot clusters from public sources,
 * one row per fact) into the sourced facts of each profile block. Only rows with status "use" are taken; rows
 * marked "caveat" are never seeded. Each fact's Russian text comes from content/sources/pilot-clusters-facts-ru.csv,
 * found by the fact's no, field and value. Pure: the generator does the reading and writing.
 */
import { FACT_KINDS_BY_BLOCK, pickMostRecent, readsTheSameInBothLanguages, type FactKind, type SourcedFact } from '../../src/lib/profile';
import type { CsvRow } from '../../src/lib/csv';

/** The CSV's columns. */
export const FACT_COLUMNS = ['no', 'name_en', 'field', 'value', 'as_of', 'status', 'source_url', 'quote'] as const;

/** Columns of the Russian texts' CSV: the fact's key (no, field, value exactly as in the facts' CSV) and its Russian text. */
export const FACT_RU_COLUMNS = ['no', 'field', 'value', 'value_ru'] as const;

/** The CSV's `field` values and the fact kind each becomes. */
export const FACT_KIND_OF_FIELD: Record<string, FactKind> = {
  specialized_org: 'organisation',
  website: 'website',
  founding_year: 'foundedYear',
  member_count: 'membersCount',
  specialisation: 'specialisation',
  anchor_members: 'anchorMembers',
  support_programme: 'supportProgramme',
  history: 'history',
};

/** Kinds that hold one value: where sources disagree, the most recent is shown and the others go to its note. */
const SINGLE_VALUED = new Set<FactKind>(['organisation', 'website', 'foundedYear', 'membersCount']);

type FactBlock = keyof typeof FACT_KINDS_BY_BLOCK;
/** Sourced facts of one cluster, by block (each block holds only its own kinds). */
export type BlockFacts = { [B in FactBlock]: Array<SourcedFact & { kind: (typeof FACT_KINDS_BY_BLOCK)[B][number] }> };

/** One CSV row as a sourced fact (a website becomes a full address, with the source's scheme when on the same host). */
export function rowToFact(cells: Record<string, string>, line: number): SourcedFact {
  const kind = FACT_KIND_OF_FIELD[cells.field!];
  if (!kind) throw new Error(`pilot-clusters-facts.csv line ${line}: unknown field "${cells.field}"; expected one of ${Object.keys(FACT_KIND_OF_FIELD).join(', ')}`);
  const asOf = cells.as_of ? Number(cells.as_of) : undefined;
  const value = kind === 'website' ? websiteAddress(cells.value!, cells.source_url!) : cells.value!;
  return { kind, value, ...(asOf !== undefined ? { asOf } : {}), source: cells.source_url! };
}

/** A bare host ("cluster-dgrad.ru") as a web address, taking http or https from a source on the same host. */
export function websiteAddress(host: string, sourceUrl: string): string {
  if (/^https?:\/\//i.test(host)) return host;
  const source = new URL(sourceUrl);
  const scheme = source.hostname.replace(/^www\./, '') === host.replace(/^www\./, '') ? source.protocol : 'https:';
  return `${scheme}//${host}`;
}

/** A Russian text with the line of the Russian CSV it comes from. */
interface RussianText {
  line: number;
  valueRu: string;
}

/** The key joining a fact to its Russian text: its cluster's no, its field and its value as the facts' CSV gives them. */
function factKey(cells: Record<string, string>): string {
  return JSON.stringify([cells.no, cells.field, cells.value]);
}

/** The rows of pilot-clusters-facts-ru.csv by fact key; an empty Russian text or a key given twice names its line. */
export function russianTexts(rows: readonly CsvRow[]): Map<string, RussianText> {
  const texts = new Map<string, RussianText>();
  for (const { line, cells } of rows) {
    const key = factKey(cells);
    const earlier = texts.get(key);
    if (earlier) throw new Error(`pilot-clusters-facts-ru.csv line ${line}: the fact no=${cells.no}, field=${cells.field}, value "${cells.value}" already has its Russian text on line ${earlier.line}`);
    if (!cells.value_ru) throw new Error(`pilot-clusters-facts-ru.csv line ${line}: value_ru is empty for no=${cells.no}, field=${cells.field}, value "${cells.value}"`);
    texts.set(key, { line, valueRu: cells.value_ru });
  }
  return texts;
}

/**
 * A usable fact with its Russian text (left out when it equals the value). A fact without a Russian row is an
 * error naming its line, unless its value reads the same in both languages (a web address, a number, a year).
 */
function withRussian(fact: SourcedFact, cells: Record<string, string>, line: number, texts: ReadonlyMap<string, RussianText>): SourcedFact {
  const russian = texts.get(factKey(cells));
  if (russian) return russian.valueRu === fact.value ? fact : { ...fact, valueRu: russian.valueRu };
  if (readsTheSameInBothLanguages(cells.value!)) return fact;
  throw new Error(
    `pilot-clusters-facts.csv line ${line}: the fact no=${cells.no}, field=${cells.field}, value "${cells.value}" has no Russian text; ` +
      `add a row to pilot-clusters-facts-ru.csv (columns ${FACT_RU_COLUMNS.join(',')}) so Russian pages do not show it in English`,
  );
}

/** Fails naming the first Russian row whose key matches no usable fact (a stale translation of a changed or dropped fact). */
function assertNoStaleRussian(texts: ReadonlyMap<string, RussianText>, usedKeys: ReadonlySet<string>): void {
  for (const [key, { line }] of texts) {
    if (usedKeys.has(key)) continue;
    const [no, field, value] = JSON.parse(key) as string[];
    throw new Error(
      `pilot-clusters-facts-ru.csv line ${line}: no usable fact (status "use") in pilot-clusters-facts.csv has no=${no}, field=${field}, value "${value}"; ` +
        'the translation is stale: update its value to the fact\'s current value or remove the row',
    );
  }
}

/**
 * The usable facts of every cluster (keyed by the CSV's `no`), grouped by block, in file order, each with its
 * Russian text from `russianRows` (the rows of pilot-clusters-facts-ru.csv); disagreeing single values resolved.
 */
export function factsByCluster(rows: readonly CsvRow[], russianRows: readonly CsvRow[]): Map<string, BlockFacts> {
  const texts = russianTexts(russianRows);
  const usedKeys = new Set<string>();
  const grouped = new Map<string, Map<FactKind, SourcedFact[]>>();
  for (const { line, cells } of rows) {
    if (cells.status !== 'use') continue;
    const fact = withRussian(rowToFact(cells, line), cells, line, texts);
    usedKeys.add(factKey(cells));
    const kinds = grouped.get(cells.no!) ?? new Map<FactKind, SourcedFact[]>();
    kinds.set(fact.kind, [...(kinds.get(fact.kind) ?? []), fact]);
    grouped.set(cells.no!, kinds);
  }
  const result = new Map<string, BlockFacts>();
  for (const [no, kinds] of grouped) {
    const blocks: BlockFacts = { general: [], priorities: [], management: [], members: [] };
    for (const block of Object.keys(blocks) as FactBlock[]) {
      for (const kind of FACT_KINDS_BY_BLOCK[block] as readonly FactKind[]) {
        const facts = kinds.get(kind) ?? [];
        if (facts.length === 0) continue;
        // The kind was looked up from this block's own list, so the facts belong to it.
        (blocks[block] as SourcedFact[]).push(...(SINGLE_VALUED.has(kind) ? [pickMostRecent(facts)] : facts));
      }
    }
    result.set(no, blocks);
  }
  assertNoStaleRussian(texts, usedKeys);
  return result;
}
