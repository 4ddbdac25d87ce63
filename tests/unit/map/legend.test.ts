import { describe, expect, it } from 'vitest';
import { legendScenarios } from '../../../src/lib/map/legend';

describe('legendScenarios', () => {
  it('lists only the scenarios some marker uses, in the usual order', () => {
    expect(legendScenarios([{ scenario: 'unknown' }, { scenario: 'lonely' }, { scenario: 'unknown' }])).toEqual(['lonely', 'unknown']);
  });
  it('lists none for no markers', () => expect(legendScenarios([])).toEqual([]));
});
