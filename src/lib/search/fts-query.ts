import { queryTerms } from './highlight';
import { synonymsOf } from './synonyms';

/** Most query words the fallback looks at; more only slow SQLite down without narrowing much. */
export const FTS_MAX_TERMS = 12;

/** One alternative as an FTS5 string: a word becomes a prefix query, anything else a quoted phrase. */
function ftsAlternative(text: string): string {
  const quoted = `"${text.replaceAll('"', '""')}"`;
  return /^[\p{L}\p{N}]+$/u.test(text) ? `${quoted}*` : quoted;
}

/** The groups of alternatives of a query: each whitespace-separated token with its synonyms, or its words. */
export function queryGroups(q: string): string[][] {
  const groups: string[][] = [];
  for (const raw of q.toLowerCase().split(/\s+/)) {
    const token = raw.replace(/^[^\p{L}\p{N}&]+|[^\p{L}\p{N}&]+$/gu, '');
    if (!token) continue;
    const synonyms = synonymsOf(token);
    if (synonyms.length) groups.push([token, ...synonyms]);
    else for (const word of queryTerms(token)) groups.push([word, ...synonymsOf(word)]);
  }
  return groups.slice(0, FTS_MAX_TERMS);
}

/**
 * FTS5 MATCH expression for a user query: every word must match (as a prefix), each word OR its
 * synonyms. Returns null for a query without words (match everything). User text is always quoted,
 * so FTS5 operators typed by a user are searched as words, never interpreted.
 *
 * @example toFtsMatch('Томск it') // => '("томск"*) AND ("it"* OR "ит"* OR "information technology" OR …)'
 */
export function toFtsMatch(q: string): string | null {
  const groups = queryGroups(q);
  if (groups.length === 0) return null;
  return groups.map((alternatives) => `(${alternatives.map(ftsAlternative).join(' OR ')})`).join(' AND ');
}
