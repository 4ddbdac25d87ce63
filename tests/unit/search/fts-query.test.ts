import { describe, expect, it } from 'vitest';
import { FTS_MAX_TERMS, queryGroups, toFtsMatch } from '../../../src/lib/search/fts-query';

describe('toFtsMatch', () => {
  it('is null for a query without words (match all)', () => {
    expect(toFtsMatch('')).toBeNull();
    expect(toFtsMatch('  ,;! ')).toBeNull();
  });

  it('ANDs prefix queries of the words', () => {
    expect(toFtsMatch('Томск region')).toBe('("томск"*) AND ("region"*)');
  });

  it('ORs a word with its synonyms, phrases quoted without prefix', () => {
    expect(toFtsMatch('НИОКР')).toBe('("ниокр"* OR "r&d" OR "research and development")');
  });

  it('keeps an abbreviation with "&" whole when it has synonyms', () => {
    expect(queryGroups('R&D')).toEqual([['r&d', 'ниокр', 'research and development']]);
  });

  it('never lets FTS5 syntax through: operators and quotes are searched as words', () => {
    expect(toFtsMatch('a OR "b" NEAR(c) -d *')).toBe('("a"*) AND ("or"*) AND ("b"*) AND ("near"*) AND ("c"*) AND ("d"*)');
  });

  it(`looks at the first ${FTS_MAX_TERMS} words only`, () => {
    expect(queryGroups(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))).toHaveLength(FTS_MAX_TERMS);
  });
});
