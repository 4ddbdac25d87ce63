/** Plain text matching for the map when no search service answers: every word of the query must occur. */

/** Lower case, ё → е, collapsed spaces: the form both sides are compared in. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/**
 * Whether every word of the query occurs in one of the texts (substring match, case and ё insensitive).
 * @example matchesAllWords(['Кластер «Титановая долина»', 'Verkhnyaya Salda'], 'титан salda') // => true
 */
export function matchesAllWords(texts: readonly (string | undefined)[], query: string): boolean {
  const words = normalizeText(query).split(' ').filter(Boolean);
  const haystack = normalizeText(texts.filter(Boolean).join(' \u0000 '));
  return words.every((w) => haystack.includes(w));
}
