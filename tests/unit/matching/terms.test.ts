import { describe, expect, it } from 'vitest';
import { queryTerms, splitPhrases, termMatchesPhrase, termStem, words } from '../../../src/lib/matching';

describe('matching words', () => {
  it('lower-cases, reads ё as е and splits at punctuation', () => {
    expect(words('Ёмкость, R&D-центр')).toEqual(['емкость', 'r', 'd', 'центр']);
  });

  it('keeps distinct query words of 3+ letters that are not stop words', () => {
    expect(queryTerms('R&D partners in pharmaceuticals and Pharmaceuticals')).toEqual(['pharmaceuticals']);
    expect(queryTerms(undefined)).toEqual([]);
  });

  it.each([
    ['clinical', 'clinic'],
    ['pharmaceutical', 'pharmaceuti'],
    ['фармацевтика', 'фармацевт'],
    ['drug', 'drug'],
  ])('stems %s as %s', (term, stem) => {
    expect(termStem(term)).toBe(stem);
  });

  it.each([
    ['clinical', 'preclinical and clinical studies', true],
    ['pharmaceutical', 'Pharmaceuticals', true],
    ['фармацевтика', 'производство фармацевтических субстанций', true],
    ['drug', 'drugs', false],
    ['drug', 'generic drug', true],
    ['trials', 'clinical studies', false],
  ])('%s in "%s" → %s', (term, phrase, expected) => {
    expect(termMatchesPhrase(term, phrase)).toBe(expected);
  });

  it('splits sourced lists at semicolons and line breaks', () => {
    expect(splitPhrases('a; b\nc ;')).toEqual(['a', 'b', 'c']);
  });
});
