import { describe, expect, it } from 'vitest';
import { linearScale, niceCeiling } from '../../../src/lib/charts/scale';

describe('niceCeiling', () => {
  it.each([
    [1.37, 2],
    [1, 1],
    [2, 2],
    [2.2, 2.5],
    [3, 4],
    [4.5, 5],
    [6, 8],
    [9, 10],
    [10, 10],
    [150, 200],
    [0.3, 0.4],
    [0.06, 0.08],
    [0.0123, 0.02],
    [1.0000000000001, 1], // float noise above a nice value does not jump to the next step
  ])('niceCeiling(%f) = %f', (value, expected) => {
    expect(niceCeiling(value)).toBeCloseTo(expected, 12);
    expect(niceCeiling(value)).toBeGreaterThanOrEqual(value - 1e-12);
  });

  it.each([[0], [-3], [Number.NaN]])('falls back to 1 for %f', (value) => {
    expect(niceCeiling(value)).toBe(1);
  });

  it('is never more than 2.5 times the value (a chart keeps most of its area)', () => {
    for (let v = 0.011; v < 1000; v *= 1.37) expect(niceCeiling(v) / v).toBeLessThanOrEqual(2.5);
  });
});

describe('linearScale', () => {
  it('maps [0, niceCeiling(max)] onto the range with 5 evenly spaced ticks', () => {
    const x = linearScale(1.37, 0, 100);
    expect(x.max).toBe(2);
    expect(x.ticks).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(x(0)).toBe(0);
    expect(x(1)).toBe(50);
    expect(x(2)).toBe(100);
    expect(x(0.5)).toBe(25);
  });

  it('runs downward for the SVG y axis', () => {
    const y = linearScale(3, 400, 20);
    expect(y.max).toBe(4);
    expect(y.ticks).toEqual([0, 1, 2, 3, 4]);
    expect(y(0)).toBe(400);
    expect(y(4)).toBe(20);
    expect(y(2)).toBe(210);
    expect(y(1)).toBe(305);
  });

  it('offsets the range start (chart padding)', () => {
    const x = linearScale(0.8, 64, 700);
    expect(x.max).toBeCloseTo(0.8, 12);
    expect(x(0)).toBe(64);
    expect(x(0.4)).toBeCloseTo(382, 9);
    expect(x(0.8)).toBeCloseTo(700, 9);
  });

  it('still draws an axis when every value is 0', () => {
    const x = linearScale(0, 10, 110);
    expect(x.max).toBe(1);
    expect(x(0)).toBe(10);
    expect(x(0.5)).toBe(60);
    expect(x.ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
