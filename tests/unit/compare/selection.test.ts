import { describe, expect, it } from 'vitest';
import { COMPARE_MAX, compareSearch, isCanonicalSelection, parseCompareSelection, withCompared, withoutCompared } from '../../../src/lib/compare/selection';

const parse = (q: string) => parseCompareSelection(new URLSearchParams(q));

describe('parseCompareSelection', () => {
  it('reads comma-separated and repeated c, in order, without blanks or repeats', () => {
    expect(parse('c=dubna-nuclear-nanotech, sarov-nuclear,&c=dubna-nuclear-nanotech&c=zelenograd')).toEqual({
      slugs: ['dubna-nuclear-nanotech', 'sarov-nuclear', 'zelenograd'],
      problems: [],
    });
  });

  it('reports bad slugs and the ones beyond the limit', () => {
    const { slugs, problems } = parse('c=a1,a2,a3,a4,a5,a6,Bad_Slug');
    expect(slugs).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(problems).toEqual([
      { code: 'overLimit', slug: 'a6' },
      { code: 'notAnAddress', slug: 'Bad_Slug' },
    ]);
  });

  it('is empty without c', () => {
    expect(parse('')).toEqual({ slugs: [], problems: [] });
  });
});

describe('building the URL', () => {
  it('writes the comma form', () => {
    expect(compareSearch(['a1', 'b2'])).toBe('?c=a1,b2');
    expect(compareSearch([])).toBe('');
  });

  it('adds at the end unless present or full, and removes', () => {
    expect(withCompared(['a1'], 'b2')).toEqual(['a1', 'b2']);
    expect(withCompared(['a1'], 'a1')).toEqual(['a1']);
    const full = Array.from({ length: COMPARE_MAX }, (_, i) => `s${i}`);
    expect(withCompared(full, 'zz')).toEqual(full);
    expect(withoutCompared(['a1', 'b2'], 'a1')).toEqual(['b2']);
  });

  it('knows the canonical form', () => {
    const canonical = new URLSearchParams('c=a1,b2');
    expect(isCanonicalSelection(canonical, parseCompareSelection(canonical))).toBe(true);
    const repeated = new URLSearchParams('c=a1&c=b2');
    expect(isCanonicalSelection(repeated, parseCompareSelection(repeated))).toBe(false);
  });
});
