import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLD_RULE,
  computeThreshold,
  isAtOrAboveThreshold,
} from '../../../src/lib/indexing/threshold';
import type { ThresholdRule } from '../../../src/lib/indexing/threshold';

describe('computeThreshold', () => {
  it.each<{ name: string; values: number[]; rule: ThresholdRule; expected: number }>([
    { name: 'mean', values: [1, 2, 6], rule: { kind: 'mean' }, expected: 3 },
    { name: 'mean of one value', values: [0.4], rule: { kind: 'mean' }, expected: 0.4 },
    { name: 'median, odd count (unsorted input)', values: [6, 1, 2], rule: { kind: 'median' }, expected: 2 },
    { name: 'median, even count: mean of the middle two', values: [4, 1, 10, 2], rule: { kind: 'median' }, expected: 3 },
    { name: 'fixed ignores the values', values: [1, 2, 6], rule: { kind: 'fixed', value: 0.5 }, expected: 0.5 },
    { name: 'fixed works with an empty set', values: [], rule: { kind: 'fixed', value: 0.7 }, expected: 0.7 },
    { name: 'fixed zero', values: [], rule: { kind: 'fixed', value: 0 }, expected: 0 },
  ])('$name', ({ values, rule, expected }) => {
    expect(computeThreshold(values, rule)).toBeCloseTo(expected, 12);
  });

  it('does not reorder the caller’s array', () => {
    const values = [6, 1, 2];
    computeThreshold(values, { kind: 'median' });
    expect(values).toEqual([6, 1, 2]);
  });

  it('defaults to the mean', () => {
    expect(DEFAULT_THRESHOLD_RULE).toEqual({ kind: 'mean' });
  });

  it.each<{ name: string; values: number[]; rule: ThresholdRule; error: RegExp }>([
    { name: 'an empty set with mean', values: [], rule: { kind: 'mean' }, error: /Cannot compute a mean threshold over an empty comparison set/ },
    { name: 'an empty set with median', values: [], rule: { kind: 'median' }, error: /Cannot compute a median threshold over an empty comparison set/ },
    { name: 'a NaN value', values: [1, Number.NaN], rule: { kind: 'mean' }, error: /#1 must be a finite number, got NaN/ },
    { name: 'a negative fixed value', values: [], rule: { kind: 'fixed', value: -0.1 }, error: /fixed threshold must be a finite number >= 0, got -0.1/ },
    { name: 'a NaN fixed value', values: [1], rule: { kind: 'fixed', value: Number.NaN }, error: /got NaN/ },
  ])('rejects $name', ({ values, rule, error }) => {
    expect(() => computeThreshold(values, rule)).toThrow(error);
  });
});

describe('isAtOrAboveThreshold', () => {
  it.each([
    { value: 0.5, threshold: 0.4, expected: true },
    { value: 0.4, threshold: 0.4, expected: true },
    { value: 0.39, threshold: 0.4, expected: false },
    // the mean of [0.1, 0.2, 0.3] is 0.20000000000000004: 0.2 is at the threshold, not below it
    { value: 0.2, threshold: (0.1 + 0.2 + 0.3) / 3, expected: true },
    { value: 0.2 - 1e-9, threshold: 0.2, expected: false },
  ])('$value against $threshold → $expected', ({ value, threshold, expected }) => {
    expect(isAtOrAboveThreshold(value, threshold)).toBe(expected);
  });
});
