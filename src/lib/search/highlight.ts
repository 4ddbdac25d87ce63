import { escapeHtml, HTML_ESCAPES } from '../html';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE } from './markers';

export { escapeHtml };

/**
 * Turns text with highlight markers into safe HTML: everything is escaped, then each marked part becomes
 * <mark>…</mark>. Unbalanced markers are dropped, so the result is always well formed.
 *
 * @example markedToHtml('\uE000Tomsk\uE001 <b>') // => '<mark>Tomsk</mark> &lt;b&gt;'
 */
export function markedToHtml(marked: string): string {
  // One pass (it runs for every highlighted field of every hit): escapes and markers in the same replace.
  let open = false;
  const html = marked.replace(/[&<>"'\uE000\uE001]/g, (c) => {
    if (c === HIGHLIGHT_PRE) return open ? '' : ((open = true), '<mark>');
    if (c === HIGHLIGHT_POST) return open ? ((open = false), '</mark>') : '';
    return HTML_ESCAPES[c]!;
  });
  return open ? `${html}</mark>` : html;
}

/** The text of a marked text without its markers. */
export function unmarked(marked: string): string {
  return marked.replace(/[\uE000\uE001]/g, '');
}

/** Whether a marked text holds a highlight. */
export function hasHighlight(marked: string): boolean {
  return marked.includes(HIGHLIGHT_PRE);
}

/** Words of a query: letters and digits in any script, lowercase, e.g. "R&D, Томск!" → ["r", "d", "томск"]. */
export function queryTerms(q: string): string[] {
  return [...new Set((q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(Boolean))];
}

/**
 * Marks each word of `text` that starts with one of `terms` (case-insensitive), for the fallback mode
 * where Meilisearch's highlighting is not available.
 *
 * @example markTerms('Tomsk region', ['tom']) // => '\uE000Tomsk\uE001 region'
 */
export function markTerms(text: string, terms: readonly string[]): string {
  if (terms.length === 0) return text;
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => {
    const lower = word.toLowerCase();
    return terms.some((t) => lower.startsWith(t)) ? `${HIGHLIGHT_PRE}${word}${HIGHLIGHT_POST}` : word;
  });
}
