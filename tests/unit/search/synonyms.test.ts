import { describe, expect, it } from 'vitest';
import { SYNONYM_GROUPS, synonymsOf, toMeiliSynonyms } from '../../../src/lib/search/synonyms';

describe('toMeiliSynonyms', () => {
  it('makes every term of a group a synonym of every other', () => {
    expect(toMeiliSynonyms([['it', 'ит', 'information technology']])).toEqual({
      it: ['ит', 'information technology'],
      ит: ['it', 'information technology'],
      'information technology': ['it', 'ит'],
    });
  });

  it('rejects a term in two groups, naming it', () => {
    expect(() => toMeiliSynonyms([['a', 'b'], ['b', 'c']])).toThrow(/"b" is in two groups/);
  });

  it('rejects terms that are not lowercase and trimmed, with the fix', () => {
    expect(() => toMeiliSynonyms([['IT', 'ит']])).toThrow(/write it as "it"/);
  });

  it('accepts the shipped groups, which cover the issue\'s examples', () => {
    const synonyms = toMeiliSynonyms(SYNONYM_GROUPS);
    expect(synonyms.it).toContain('ит');
    expect(synonyms['r&d']).toContain('ниокр');
    expect(synonyms.pharma).toContain('фарма');
    expect(synonyms.titanium).toContain('титан');
  });
});

describe('synonymsOf', () => {
  it('finds the group case-insensitively', () => expect(synonymsOf('НИОКР')).toEqual(['r&d', 'research and development']));
  it('returns [] for a word without synonyms', () => expect(synonymsOf('томск')).toEqual([]));
});
