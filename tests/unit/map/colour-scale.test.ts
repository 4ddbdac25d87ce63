import { describe, expect, it } from 'vitest';
import { CHOROPLETH_PALETTE, NO_DATA_COLOUR, buildColourScale, colourOf } from '../../../src/lib/map/colour-scale';

const P = CHOROPLETH_PALETTE;

describe('buildColourScale', () => {
  it('is empty without values', () => {
    expect(buildColourScale([]).classes).toEqual([]);
    expect(buildColourScale([Number.NaN]).classes).toEqual([]);
  });

  it('gives few distinct values (cluster counts) one class each, spread over the palette', () => {
    expect(buildColourScale([3, 1, 2, 1]).classes).toEqual([
      { min: 1, max: 1, colour: P[0] },
      { min: 2, max: 2, colour: P[2] },
      { min: 3, max: 3, colour: P[4] },
    ]);
  });

  it('gives a single value the darkest colour', () => {
    expect(buildColourScale([7, 7]).classes).toEqual([{ min: 7, max: 7, colour: P[4] }]);
  });

  it('splits many values into five equal intervals between min and max', () => {
    const scale = buildColourScale([0, 0.1, 0.2, 0.3, 0.4, 0.5, 1]);
    expect(scale.classes.map((c) => [c.min, c.max])).toEqual([
      [0, 0.2],
      [0.2, 0.4],
      [0.4, 0.6000000000000001],
      [0.6000000000000001, 0.8],
      [0.8, 1],
    ]);
    expect(scale.classes.map((c) => c.colour)).toEqual([...P]);
  });
});

describe('colourOf', () => {
  const scale = buildColourScale([0, 0.1, 0.2, 0.3, 0.4, 0.5, 1]);

  it.each([
    [0, P[0]],
    [0.2, P[0]],
    [0.21, P[1]],
    [0.5, P[2]],
    [1, P[4]],
  ])('colours %d as %s (upper bounds inclusive)', (value, colour) => {
    expect(colourOf(scale, value)).toBe(colour);
  });

  it.each([null, undefined, Number.NaN, -1, 2])('uses the no-data colour for %s', (value) => {
    expect(colourOf(scale, value)).toBe(NO_DATA_COLOUR);
  });

  it('matches exact classes of counts', () => {
    const counts = buildColourScale([1, 2, 3]);
    expect([1, 2, 3].map((v) => colourOf(counts, v))).toEqual([P[0], P[2], P[4]]);
    expect(colourOf(counts, 0)).toBe(NO_DATA_COLOUR);
  });
});
