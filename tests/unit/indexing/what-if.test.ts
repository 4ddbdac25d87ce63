import { describe, expect, it } from 'vitest';
import { CANDIDATE_ID, placeCandidate, whatIfQuerySchema } from '../../../src/lib/indexing/what-if';
import { DEFAULT_SETTINGS, indexSettingsSchema } from '../../../src/lib/settings';

const SETTINGS = DEFAULT_SETTINGS.index;

/**
 * Current set: a PU 10, RD 1; b PU 5, RD 2 (alone: a = b = sqrt(1.25) ≈ 1.118, tied).
 */
const SET = [
  { id: 'a', values: { publications: 10, jointRndBlnRub: 1 } },
  { id: 'b', values: { publications: 5, jointRndBlnRub: 2 } },
];

describe('placeCandidate', () => {
  it('re-scales the others by a new maximum and ranks the candidate among n + 1', () => {
    // With the candidate (PU 20) the publications maximum becomes 20:
    //   candidate = sqrt(1²) = 1; a = sqrt(.5² + .5²) ≈ 0.707; b = sqrt(.25² + 1²) ≈ 1.031.
    // Against the old, un-re-scaled values (1.118) it would be 3rd; re-scaled it is 2nd of 3.
    const result = placeCandidate(SET, { publications: 20 }, SETTINGS);
    expect(result.value).toBeCloseTo(1, 12);
    expect(result).toMatchObject({ rank: 2, of: 3 });
    expect(result.contributions).toEqual([
      { indicator: 'internationalMembers', value: null, max: 0, weight: 1, ratio: 0, contribution: 0 },
      { indicator: 'exportsBlnRub', value: null, max: 0, weight: 1, ratio: 0, contribution: 0 },
      { indicator: 'publications', value: 20, max: 20, weight: 1, ratio: 1, contribution: 1 },
      { indicator: 'jointRndBlnRub', value: null, max: 2, weight: 1, ratio: 0, contribution: 0 },
    ]);
  });

  it.each([
    // candidate, value, rank (of 3)
    [{ publications: 5, jointRndBlnRub: 2 }, Math.sqrt(1.25), 1], // the same as b: a three-way tie
    [{ publications: 1 }, 0.1, 3], // 1/10 with the maxima unchanged
    [{ jointRndBlnRub: 4, publications: 10 }, Math.sqrt(2), 1], // new RD maximum: a = sqrt(1 + 1/16), b = sqrt(.25 + .25)
    [{ internationalMembers: 0, exportsBlnRub: 0 }, 0, 3], // zeros are reported but add nothing
  ])('candidate %o → %f, rank %i of 3', (candidate, value, rank) => {
    const result = placeCandidate(SET, candidate, SETTINGS);
    expect(result.value).toBeCloseTo(value, 12);
    expect(result).toMatchObject({ rank, of: 3 });
  });

  it('is 1st of 1 with value sqrt(reported count) against an empty set', () => {
    const result = placeCandidate([], { publications: 3, jointRndBlnRub: 0.5 }, SETTINGS);
    expect(result.value).toBeCloseTo(Math.sqrt(2), 12);
    expect(result).toMatchObject({ rank: 1, of: 1 });
  });

  it('uses the weights of the settings', () => {
    const weighted = indexSettingsSchema.parse({ weights: { publications: 4 } });
    expect(placeCandidate(SET, { publications: 20 }, weighted).value).toBeCloseTo(2, 12);
  });

  it('does not change the set it is given', () => {
    const copy = structuredClone(SET);
    placeCandidate(SET, { publications: 20 }, SETTINGS);
    expect(SET).toEqual(copy);
    expect(CANDIDATE_ID).toMatch(/_/);
  });
});

describe('whatIfQuerySchema', () => {
  it.each([
    [{}, {}],
    [{ internationalMembers: '' }, {}],
    [{ internationalMembers: '   ' }, {}],
    [{ exportsBlnRub: '1,5' }, { exportsBlnRub: 1.5 }],
    [{ exportsBlnRub: ' 2.25 ' }, { exportsBlnRub: 2.25 }],
    [{ publications: '0' }, { publications: 0 }],
    [{ jointRndBlnRub: '0,01', year: '2012', group: 'nuclear' }, { jointRndBlnRub: 0.01, year: 2012, group: 'nuclear' }],
  ])('accepts %o as %o (empty = not reported)', (input, expected) => {
    const result = whatIfQuerySchema.safeParse(input);
    expect(result.success).toBe(true);
    const data = result.data as Record<string, unknown>;
    // Not reported means absent (undefined), never 0.
    for (const key of ['internationalMembers', 'exportsBlnRub', 'publications', 'jointRndBlnRub']) expect(data[key]).toBe((expected as Record<string, unknown>)[key]);
    expect(data).toMatchObject(expected);
  });

  it.each([
    [{ exportsBlnRub: '-1' }, 'exportsBlnRub', 'must not be negative'],
    [{ publications: '-0,5' }, 'publications', 'must not be negative'],
    [{ internationalMembers: 'abc' }, 'internationalMembers', 'must be a number'],
    [{ jointRndBlnRub: '1,5,6' }, 'jointRndBlnRub', 'must be a number'],
    [{ exportsBlnRub: 'Infinity' }, 'exportsBlnRub', 'must be a number'],
  ])('rejects %o: %s %s', (input, field, message) => {
    const result = whatIfQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([expect.objectContaining({ path: [field], message })]);
  });

  it.each([
    [{ year: 'abc' }, 'year'],
    [{ year: '1800' }, 'year'],
    [{ group: 'bakery' }, 'group'],
  ])('rejects %o naming %s', (input, field) => {
    const result = whatIfQuerySchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });

  it('rejects unknown parameters', () => {
    const result = whatIfQuerySchema.safeParse({ publications: '1', bogus: 'x' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['bogus'] });
  });
});
