import { describe, expect, it } from 'vitest';
import { indexIfLeaderIn, raiseAdvice } from '../../../src/lib/indexing/raise-advice';
import type { IndicatorContribution } from '../../../src/lib/indexing';

/** A contribution row from a value and the set's maximum (ratio and contribution computed as the index does). */
const row = (indicator: string, value: number | null, max = 10, weight = 1): IndicatorContribution<string> => {
  const ratio = value === null || max <= 0 ? 0 : value / max;
  return { indicator, value, max, weight, ratio, contribution: weight * ratio ** 2 };
};

describe('indexIfLeaderIn', () => {
  it('replaces one contribution by its weight: sqrt(0.25 + 1) for a at 5 of 10 and b reaching its leader', () => {
    expect(indexIfLeaderIn([row('a', 5), row('b', 2)], 'b')).toBeCloseTo(Math.sqrt(1.25), 12);
  });
});

describe('raiseAdvice', () => {
  it('names a missing indicator first when it has the most headroom: sqrt(0.25 + 1) = 1.118', () => {
    expect(raiseAdvice([row('a', 5), row('b', null, 40)])).toEqual({ kind: 'report', indicator: 'b', indexIfLeader: Math.sqrt(1.25), leaderValue: 40 });
  });

  it('names the reported indicator furthest from the leader, with both values', () => {
    const advice = raiseAdvice([row('a', 9), row('b', 2), row('c', 5)]);
    expect(advice).toMatchObject({ kind: 'catch-up', indicator: 'b', value: 2, leaderValue: 10, ratio: 0.2 });
    // 0.81 + 1 + 0.25 = 2.06
    expect(advice.kind === 'catch-up' && advice.indexIfLeader).toBeCloseTo(Math.sqrt(2.06), 12);
  });

  it('weights scale the gain: 2·(1 − 0.5²) = 1.5 beats 1·(1 − 0.2²) = 0.96', () => {
    expect(raiseAdvice([row('a', 5, 10, 2), row('b', 2)])).toMatchObject({ kind: 'catch-up', indicator: 'a' });
  });

  it('a tie goes to the first indicator listed', () => {
    expect(raiseAdvice([row('a', null), row('b', null)])).toMatchObject({ kind: 'report', indicator: 'a' });
  });

  it.each([
    ['a leader in every indicator', [row('a', 10), row('b', 3, 3)]],
    ['an indicator nobody reports above 0 offers nothing to chase', [row('a', 0, 0), row('b', 10)]],
    ['a weight of 0 switches an indicator off', [row('a', 1, 10, 0), row('b', 10)]],
    ['no indicators at all', []],
  ] as const)('%s: the cluster leads', (_name, rows) => {
    expect(raiseAdvice(rows)).toEqual({ kind: 'leader' });
  });
});
