/**
 * Turns the rows of content/sources/pilot-clusters-facts.csv (facts about the pilot clusters from public sources,
 * one row per fact) into the sourced facts of each profile block. Only rows with status "use" are taken; rows
 * marked "caveat" are never seeded. Pure: the generator does the reading and writing.
 */
import { FACT_KINDS_BY_BLOCK, pickMostRecent, type FactKind, type SourcedFact } from '../../src/lib/profile';

/** The CSV's columns. */
export const FACT_COLUMNS = ['no', 'name_en', 'field', 'value', 'as_of', 'status', 'source_url', 'quote'] as const;

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

/** The usable facts of every cluster (keyed by the CSV's `no`), grouped by block, in file order; disagreeing single values resolved. */
export function factsByCluster(rows: ReadonlyArray<{ line: number; cells: Record<string, string> }>): Map<string, BlockFacts> {
  const grouped = new Map<string, Map<FactKind, SourcedFact[]>>();
  for (const { line, cells } of rows) {
    if (cells.status !== 'use') continue;
    const fact = rowToFact(cells, line);
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
  return result;
}
