import { describe, expect, it } from 'vitest';
import { INDEX_TOLERANCE, approximatelyEqual } from '../../../src/lib/indexing/tolerance';

describe('approximatelyEqual', () => {
  it.each([
    { a: 0.1 + 0.2, b: 0.3, expected: true },
    { a: 0, b: 1e-13, expected: true },
    { a: 0, b: 1e-11, expected: false },
    { a: 1, b: 1.000001, expected: false },
    // relative above 1: 1e6 and 1e6 + 1e-7 differ by less than 1e-12 · 1e6
    { a: 1e6, b: 1e6 + 1e-7, expected: true },
  ])('$a ≈ $b → $expected', ({ a, b, expected }) => {
    expect(approximatelyEqual(a, b)).toBe(expected);
  });

  it('uses 1e-12', () => {
    expect(INDEX_TOLERANCE).toBe(1e-12);
  });
});
