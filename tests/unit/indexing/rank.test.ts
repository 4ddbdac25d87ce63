import { describe, expect, it } from 'vitest';
import { rankDescending } from '../../../src/lib/indexing/rank';

const toEntries = (values: Record<string, number>) => Object.entries(values).map(([id, value]) => ({ id, value }));

describe('rankDescending: standard competition ranking', () => {
  it.each<{ name: string; values: Record<string, number>; expected: Record<string, number> }>([
    { name: 'distinct values', values: { a: 0.1, b: 0.9, c: 0.5 }, expected: { b: 1, c: 2, a: 3 } },
    { name: 'a tie shares a rank and skips the next (1, 2, 2, 4)', values: { a: 4, b: 3, c: 3, d: 1 }, expected: { a: 1, b: 2, c: 2, d: 4 } },
    { name: 'a tie at the top (1, 1, 3)', values: { a: 2, b: 2, c: 1 }, expected: { a: 1, b: 1, c: 3 } },
    { name: 'everyone equal', values: { a: 0, b: 0, c: 0 }, expected: { a: 1, b: 1, c: 1 } },
    { name: 'a single item', values: { only: 0.3 }, expected: { only: 1 } },
    { name: 'a floating tie: 0.1 + 0.2 and 0.3', values: { a: 0.1 + 0.2, b: 0.3, c: 0.2 }, expected: { a: 1, b: 1, c: 3 } },
    { name: 'a real difference of 1e-9 is not a tie', values: { a: 0.5, b: 0.5 + 1e-9 }, expected: { b: 1, a: 2 } },
    {
      name: 'a tie is measured against the first of its group, so tiny steps do not chain',
      values: { a: 1, b: 1 - 0.6e-12, c: 1 - 1.2e-12 },
      expected: { a: 1, b: 1, c: 3 },
    },
  ])('$name', ({ values, expected }) => {
    expect(Object.fromEntries(rankDescending(toEntries(values)))).toEqual(expected);
  });

  it('returns an empty map for no items', () => {
    expect(rankDescending([]).size).toBe(0);
  });

  it('does not depend on input order', () => {
    const forward = rankDescending(toEntries({ a: 3, b: 1, c: 3, d: 2 }));
    const backward = rankDescending(toEntries({ d: 2, c: 3, b: 1, a: 3 }));
    expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
  });

  it.each([
    { name: 'NaN', items: [{ id: 'x', value: Number.NaN }], error: /Cannot rank "x".*NaN/ },
    {
      name: 'a duplicate id',
      items: [
        { id: 'x', value: 1 },
        { id: 'x', value: 2 },
      ],
      error: /duplicate id "x"/,
    },
  ])('rejects $name', ({ items, error }) => {
    expect(() => rankDescending(items)).toThrow(error);
  });
});
