import { expect, it } from 'vitest';
import * as indexing from '../../../src/lib/indexing';

it('re-exports the public API', () => {
  expect(Object.keys(indexing).sort()).toEqual(
    [
      'DEFAULT_THRESHOLD_RULE',
      'INDEX_TOLERANCE',
      'REGIONAL_INDICATORS',
      'SCENARIO_CODES',
      'approximatelyEqual',
      'classifyScenario',
      'computeIndexOverSet',
      'computeIndexOverSetWithExplanation',
      'computeRegionalIndex',
      'computeThreshold',
      'deriveRegionalIndicators',
      'isAtOrAboveThreshold',
      'rankDescending',
      'unitWeights',
    ].sort(),
  );
});
