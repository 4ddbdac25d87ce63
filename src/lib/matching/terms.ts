/**
 * Keyword matching for matchmaking, the same in Russian and English: words are lower-cased (ё as е) and a query
 * word matches a word of a phrase that starts with its stem (its first three quarters, at least 4 letters), so
 * "pharmaceutical" finds "pharmaceuticals" and "фармацевтика" finds "фармацевтических". Pure and deterministic.
 */

/** Words too common to say anything about a match. */
const STOP_WORDS = new Set([
  'and', 'the', 'for', 'with', 'from', 'into', 'partner', 'partners', 'cluster', 'clusters',
  'и', 'в', 'на', 'для', 'с', 'по', 'из', 'или', 'кластер', 'кластера', 'кластеры', 'партнёр', 'партнер', 'партнёры', 'партнеры',
]);
/** Shortest query word that counts (shorter ones, like "of" or "и", are ignored). */
export const MIN_TERM_LENGTH = 3;
/** Most query words taken into account (the rest are ignored, keeping the work bounded). */
export const MAX_TERMS = 12;

/** The words of a text: lower case, ё as е, split at anything that is not a letter or digit. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/**
 * The distinct query words worth matching, in their order (stop words and words under 3 letters dropped).
 * @example queryTerms('R&D partners in pharmaceuticals') // => ['pharmaceuticals']
 */
export function queryTerms(q: string | undefined): string[] {
  if (!q) return [];
  const seen = new Set<string>();
  for (const w of words(q)) if (w.length >= MIN_TERM_LENGTH && !STOP_WORDS.has(w)) seen.add(w);
  return [...seen].slice(0, MAX_TERMS);
}

/**
 * The prefix a word must start with to match the term: its first three quarters (rounded up), at least 4
 * letters; a term of 4 letters or fewer must match whole.
 * @example termStem('clinical') // => 'clinic'
 */
export function termStem(term: string): string {
  return term.length <= 4 ? term : term.slice(0, Math.max(4, Math.ceil(term.length * 0.75)));
}

/** Whether the term matches a word of the phrase (see termStem). */
export function termMatchesPhrase(term: string, phrase: string): boolean {
  const stem = termStem(term);
  return words(phrase).some((w) => (term.length <= 4 ? w === term : w.startsWith(stem)));
}

/** A semicolon- or line-separated text (a sourced specialisation, a free-text offer) as trimmed phrases. */
export function splitPhrases(text: string): string[] {
  return text
    .split(/[;\n]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
