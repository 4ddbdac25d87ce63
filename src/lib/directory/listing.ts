import { nameCollator, type Lang } from '../i18n';
import type { SortKey } from './query';

/** What sorting needs to know of a cluster. */
export interface Sortable {
  slug: string;
  name: { ru: string; en: string };
  foundedYear: number | null;
  index?: number | null;
}

/** Sorts by the key in the language; clusters without a value (no founding year, unranked) always come last, then by name. */
export function sortClusters<T extends Sortable>(items: readonly T[], sort: SortKey, lang: Lang): T[] {
  const collator = nameCollator(lang);
  const byName = (a: T, b: T) => collator.compare(a.name[lang], b.name[lang]);
  const descending = sort.startsWith('-');
  const field = sort.replace(/^-/, '') as 'name' | 'founded' | 'index';
  const valueOf = (c: T): number | null | undefined => (field === 'founded' ? c.foundedYear : c.index);
  return [...items].sort((a, b) => {
    if (field === 'name') return descending ? byName(b, a) : byName(a, b);
    const va = valueOf(a);
    const vb = valueOf(b);
    const missingA = va === null || va === undefined;
    const missingB = vb === null || vb === undefined;
    if (missingA || missingB) return missingA === missingB ? byName(a, b) : missingA ? 1 : -1;
    return (descending ? vb - va : va - vb) || byName(a, b);
  });
}

/** One page of a list, with the numbers a pager needs. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  perPage: number;
  pages: number;
}

/** Cuts out page `page` (1-based); a page past the end is empty but keeps the totals. */
export function paginate<T>(items: readonly T[], page: number, perPage: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  return { items: items.slice((page - 1) * perPage, page * perPage), total: items.length, page, perPage, pages };
}
