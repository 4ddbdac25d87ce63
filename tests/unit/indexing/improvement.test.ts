import { describe, expect, it } from 'vitest';
import { improvementHints } from '../../../src/lib/indexing/improvement';
import type { IndicatorContribution } from '../../../src/lib/indexing';

/** A contribution row with hand-set ratio and weight. */
const row = (indicator: string, value: number | null, ratio: number, weight = 1, max = 10): IndicatorContribution<string> => ({
  indicator,
  value,
  max,
  weight,
  ratio,
  contribution: weight * ratio ** 2,
});

describe('improvementHints', () => {
  it.each([
    ['missing values are listed in order', [row('a', null, 0), row('b', 5, 0.5), row('c', null, 0)], ['a', 'c'], 'b'],
    ['the lowest ratio has the most headroom', [row('a', 9, 0.9), row('b', 2, 0.2), row('c', 5, 0.5)], [], 'b'],
    ['weights scale the headroom: 2·(1−0.5²)=1.5 beats 1·(1−0.2²)=0.96', [row('a', 5, 0.5, 2), row('b', 2, 0.2, 1)], [], 'a'],
    ['a leader in every indicator has no gap', [row('a', 10, 1), row('b', 3, 1)], [], null],
    ['an indicator whose maximum is 0 offers nothing to chase', [row('a', 0, 0, 1, 0), row('b', 10, 1)], [], null],
    ['a weight of 0 switches an indicator off', [row('a', 1, 0.1, 0), row('b', 10, 1)], [], null],
  ] as const)('%s', (_name, rows, missing, gap) => {
    expect(improvementHints(rows)).toEqual({ missing: [...missing], largestGap: gap });
  });
});
