import { describe, expect, it } from 'vitest';
import { restsOnFewerIndicators } from '../../../src/lib/indexing/reported';

describe('restsOnFewerIndicators', () => {
  it.each([
    [2, 4, true],
    [0, 4, true],
    [4, 4, false],
  ])('%i of %i reported → %s', (reported, of, flagged) => expect(restsOnFewerIndicators({ reported, of })).toBe(flagged));
});
