/**
 * The clusters picked for comparison, kept in the URL (`/compare?c=slug1,slug2`, at most COMPARE_MAX) so that
 * the page is shareable and works without JavaScript: forms may also send `c` repeated (`?c=a&c=b`, one per
 * ticked box), which the page turns into the comma form.
 */
import { slugSchema } from '../profile/profile';

/** Most clusters compared side by side. */
export const COMPARE_MAX = 5;

/** A slug left out of the comparison and why, for the page to say in its language. */
export interface CompareProblem {
  code: 'notAnAddress' | 'overLimit';
  slug: string;
}

/** The picked slugs in order (distinct, valid, at most COMPARE_MAX) and what was left out and why. */
export interface CompareSelection {
  slugs: string[];
  problems: CompareProblem[];
}

/**
 * Reads every `c` parameter (comma-separated or repeated): blanks and repeats are dropped, bad slugs and the
 * ones beyond COMPARE_MAX are reported.
 * @example parseCompareSelection(new URLSearchParams('c=a-b,x&c=a-b')).slugs // => ['a-b', 'x'] (x is too short: reported)
 */
export function parseCompareSelection(params: URLSearchParams): CompareSelection {
  const slugs: string[] = [];
  const problems: CompareProblem[] = [];
  for (const raw of params.getAll('c').flatMap((v) => v.split(','))) {
    const slug = raw.trim();
    if (slug === '' || slugs.includes(slug)) continue;
    if (!slugSchema.safeParse(slug).success) problems.push({ code: 'notAnAddress', slug });
    else if (slugs.length >= COMPARE_MAX) problems.push({ code: 'overLimit', slug });
    else slugs.push(slug);
  }
  return { slugs, problems };
}

/** The query string of a selection (`?c=a,b`), or '' when empty; slugs are URL-safe by their schema. */
export function compareSearch(slugs: readonly string[]): string {
  return slugs.length ? `?c=${slugs.join(',')}` : '';
}

/** The selection with the slug added at the end (unchanged when present or full). */
export function withCompared(slugs: readonly string[], slug: string): string[] {
  return slugs.includes(slug) || slugs.length >= COMPARE_MAX ? [...slugs] : [...slugs, slug];
}

/** The selection without the slug. */
export function withoutCompared(slugs: readonly string[], slug: string): string[] {
  return slugs.filter((s) => s !== slug);
}

/** Whether the URL is not in the canonical comma form (repeated `c`, blanks, repeats or bad slugs), so the page redirects. */
export function isCanonicalSelection(params: URLSearchParams, selection: CompareSelection): boolean {
  const given = params.getAll('c');
  return given.length <= 1 && (given[0] ?? '') === selection.slugs.join(',');
}
