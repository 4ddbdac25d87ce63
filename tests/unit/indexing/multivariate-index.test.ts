import { describe, expect, it } from 'vitest';
import {
  computeIndexOverSet,
  computeIndexOverSetWithExplanation,
  unitWeights,
} from '../../../src/lib/indexing/multivariate-index';
import type { IndexItem } from '../../../src/lib/indexing/multivariate-index';

type K = 'x' | 'y' | 'z';
const XYZ = ['x', 'y', 'z'] as const;
const UNIT = unitWeights(XYZ);

const valuesOf = (items: Array<IndexItem<K>>, weights: Record<K, number> = UNIT) =>
  computeIndexOverSet(items, XYZ, weights).map((r) => r.value);

describe('computeIndexOverSet: hand-computed sets with unit weights', () => {
  it.each<{ name: string; items: Array<IndexItem<K>>; expected: number[]; reported: number[] }>([
    {
      name: 'two clusters with 2 and 4 give ratios 0.5 and 1',
      items: [
        { id: 'a', values: { x: 2 } },
        { id: 'b', values: { x: 4 } },
      ],
      expected: [0.5, 1],
      reported: [1, 1],
    },
    {
      name: 'n/a contributes 0 and is not counted as reported',
      // a: sqrt((2/4)² + (3/3)²) = sqrt(1.25); b: sqrt((4/4)² + n/a)
      items: [
        { id: 'a', values: { x: 2, y: 3, z: null } },
        { id: 'b', values: { x: 4, y: null, z: undefined } },
      ],
      expected: [Math.sqrt(1.25), 1],
      reported: [2, 1],
    },
    {
      name: 'an all-zero indicator contributes 0 for everyone (still reported)',
      items: [
        { id: 'a', values: { x: 2, y: 0, z: 0 } },
        { id: 'b', values: { x: 4, y: 0, z: 0 } },
      ],
      expected: [0.5, 1],
      reported: [3, 3],
    },
    {
      name: 'an indicator nobody reports contributes 0',
      items: [
        { id: 'a', values: { x: 1, y: 1 } },
        { id: 'b', values: { x: 1, y: 2 } },
      ],
      // a: sqrt(1 + 0.25), b: sqrt(1 + 1)
      expected: [Math.sqrt(1.25), Math.SQRT2],
      reported: [2, 2],
    },
    {
      name: 'a single cluster scores sqrt(number of reported nonzero indicators)',
      items: [{ id: 'only', values: { x: 5, y: 0.1, z: 0 } }],
      expected: [Math.SQRT2],
      reported: [3],
    },
    {
      name: 'a single cluster with all three indicators nonzero scores sqrt(3)',
      items: [{ id: 'only', values: { x: 7, y: 0.2, z: 1000 } }],
      expected: [Math.sqrt(3)],
      reported: [3],
    },
  ])('$name', ({ items, expected, reported }) => {
    const results = computeIndexOverSet(items, XYZ, UNIT);
    expect(results.map((r) => r.id)).toEqual(items.map((i) => i.id));
    results.forEach((result, i) => {
      expect(result.value).toBeCloseTo(expected[i] as number, 12);
      expect(result.reported).toBe(reported[i]);
      expect(result.of).toBe(3);
    });
  });
});

describe('computeIndexOverSet: contributions explain the value', () => {
  const [a, b] = computeIndexOverSet(
    [
      { id: 'a', values: { x: 2, y: 3, z: null } },
      { id: 'b', values: { x: 4, y: null, z: 0 } },
    ],
    XYZ,
    { x: 1, y: 2, z: 1 },
  );

  it('lists every indicator with value, max, weight, ratio and weight·ratio²', () => {
    expect(a?.contributions).toEqual([
      { indicator: 'x', value: 2, max: 4, weight: 1, ratio: 0.5, contribution: 0.25 },
      { indicator: 'y', value: 3, max: 3, weight: 2, ratio: 1, contribution: 2 },
      { indicator: 'z', value: null, max: 0, weight: 1, ratio: 0, contribution: 0 },
    ]);
    expect(b?.contributions.map((c) => c.value)).toEqual([4, null, 0]);
  });

  it('value is the square root of the summed contributions', () => {
    for (const result of [a, b]) {
      const sum = result?.contributions.reduce((s, c) => s + c.contribution, 0) ?? Number.NaN;
      expect(result?.value).toBeCloseTo(Math.sqrt(sum), 12);
    }
    expect(a?.value).toBeCloseTo(1.5, 12); // sqrt(0.25 + 2)
  });
});

describe('computeIndexOverSet: weights sit outside the ratio, so they matter', () => {
  const items: Array<IndexItem<K>> = [
    { id: 'a', values: { x: 4, y: 1 } },
    { id: 'b', values: { x: 2, y: 2 } },
  ];

  it.each<{ name: string; weights: Record<K, number>; expected: [number, number] }>([
    // a: (1, 0.5), b: (0.5, 1)
    { name: 'unit weights tie them', weights: { x: 1, y: 1, z: 1 }, expected: [Math.sqrt(1.25), Math.sqrt(1.25)] },
    { name: 'weighting x puts a ahead', weights: { x: 4, y: 1, z: 1 }, expected: [Math.sqrt(4.25), Math.sqrt(2)] },
    { name: 'weighting y puts b ahead', weights: { x: 1, y: 4, z: 1 }, expected: [Math.sqrt(2), Math.sqrt(4.25)] },
    { name: 'weight 0 drops an indicator', weights: { x: 0, y: 1, z: 1 }, expected: [0.5, 1] },
  ])('$name', ({ weights, expected }) => {
    const [va, vb] = valuesOf(items, weights);
    expect(va).toBeCloseTo(expected[0], 12);
    expect(vb).toBeCloseTo(expected[1], 12);
  });
});

describe('computeIndexOverSet: negativeAsZero (regional trade surplus)', () => {
  it('counts a negative value as reported, contributes 0 and keeps it out of the max', () => {
    const { results, maxima } = computeIndexOverSetWithExplanation(
      [
        { id: 'deficit', values: { x: -3, y: 1 } },
        { id: 'surplus', values: { x: 2, y: 2 } },
      ],
      XYZ,
      UNIT,
      { negativeAsZero: true },
    );
    expect(maxima).toEqual({ x: 2, y: 2, z: 0 });
    const [deficit, surplus] = results;
    expect(deficit?.value).toBeCloseTo(0.5, 12); // sqrt(0 + (1/2)²)
    expect(deficit?.reported).toBe(2);
    expect(deficit?.contributions[0]).toEqual({ indicator: 'x', value: -3, max: 2, weight: 1, ratio: 0, contribution: 0 });
    expect(surplus?.value).toBeCloseTo(Math.SQRT2, 12);
  });

  it('gives max 0 when every value is negative', () => {
    const { results, maxima } = computeIndexOverSetWithExplanation(
      [
        { id: 'a', values: { x: -1 } },
        { id: 'b', values: { x: -5 } },
      ],
      XYZ,
      UNIT,
      { negativeAsZero: true },
    );
    expect(maxima.x).toBe(0);
    expect(results.map((r) => r.value)).toEqual([0, 0]);
  });
});

describe('computeIndexOverSetWithExplanation', () => {
  it('returns the maxima over reported values and a copy of the weights used', () => {
    const weights = { x: 2, y: 1, z: 0.5, unused: 9 } as Record<K, number>;
    const explanation = computeIndexOverSetWithExplanation(
      [
        { id: 'a', values: { x: 2, y: null } },
        { id: 'b', values: { x: 4, y: 0 } },
      ],
      XYZ,
      weights,
    );
    expect(explanation.maxima).toEqual({ x: 4, y: 0, z: 0 });
    expect(explanation.weights).toEqual({ x: 2, y: 1, z: 0.5 });
    expect(explanation.weights).not.toBe(weights);
    expect(explanation.results.map((r) => r.value)).toEqual([Math.sqrt(2 * 0.25), Math.sqrt(2)]);
  });
});

describe('computeIndexOverSet: rejects bad input with the bad value in the message', () => {
  const ok: Array<IndexItem<K>> = [{ id: 'ok', values: { x: 1 } }];

  it.each<{ name: string; run: () => unknown; error: RegExp }>([
    {
      name: 'a negative cluster value (names item, indicator and value)',
      run: () => computeIndexOverSet([...ok, { id: 'cluster-7', values: { y: -2.5 } }], XYZ, UNIT),
      error: /"y" of "cluster-7" is negative \(-2\.5\)/,
    },
    {
      name: 'NaN',
      run: () => computeIndexOverSet([{ id: 'c', values: { x: Number.NaN } }], XYZ, UNIT),
      error: /"x" of "c" must be a finite number.*NaN/,
    },
    {
      name: 'Infinity',
      run: () => computeIndexOverSet([{ id: 'c', values: { z: Number.POSITIVE_INFINITY } }], XYZ, UNIT),
      error: /"z" of "c" must be a finite number.*Infinity/,
    },
    {
      name: 'a string from an unparsed form',
      run: () => computeIndexOverSet([{ id: 'c', values: { x: '3' as unknown as number } }], XYZ, UNIT),
      error: /"x" of "c" must be a finite number.*"3"/,
    },
    {
      name: 'a negative weight',
      run: () => computeIndexOverSet(ok, XYZ, { x: 1, y: -1, z: 1 }),
      error: /Weight of indicator "y" must be a finite number >= 0, got -1/,
    },
    {
      name: 'a NaN weight',
      run: () => computeIndexOverSet(ok, XYZ, { x: Number.NaN, y: 1, z: 1 }),
      error: /Weight of indicator "x".*NaN/,
    },
    {
      name: 'a missing weight',
      run: () => computeIndexOverSet(ok, XYZ, { x: 1, y: 1 } as Record<K, number>),
      error: /Weight of indicator "z".*undefined/,
    },
    {
      name: 'an empty comparison set',
      run: () => computeIndexOverSet([], XYZ, UNIT),
      error: /cannot compute an index over an empty comparison set/,
    },
    {
      name: 'no indicators',
      run: () => computeIndexOverSet(ok, [] as K[], UNIT),
      error: /without indicators/,
    },
    {
      name: 'a duplicate item id',
      run: () => computeIndexOverSet([...ok, { id: 'ok', values: { x: 2 } }], XYZ, UNIT),
      error: /Duplicate item id "ok"/,
    },
  ])('$name', ({ run, error }) => {
    expect(run).toThrow(error);
  });

  it('throws a RangeError for a negative value without negativeAsZero', () => {
    expect(() => computeIndexOverSet([{ id: 'c', values: { x: -1 } }], XYZ, UNIT)).toThrow(RangeError);
  });
});
