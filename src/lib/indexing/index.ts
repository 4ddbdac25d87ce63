/** Public API of the internationalization index, regional index, thresholds, ranks and scenarios. */
export { computeIndexOverSet, computeIndexOverSetWithExplanation, unitWeights } from './multivariate-index';
export type {
  IndexItem,
  IndexOptions,
  IndexOverSetExplanation,
  IndexResult,
  IndicatorContribution,
  IndicatorValues,
} from './multivariate-index';
export { rankDescending } from './rank';
export {
  REGIONAL_INDICATORS,
  computeRegionalIndex,
  deriveRegionalIndicators,
} from './regional-index';
export type { RegionalIndicator, RegionalTotals, RegionTotalsItem } from './regional-index';
export { DEFAULT_THRESHOLD_RULE, computeThreshold, isAtOrAboveThreshold } from './threshold';
export type { ThresholdRule } from './threshold';
export { SCENARIO_CODES, classifyScenario } from './scenario';
export type { ScenarioCode, ScenarioExplanation, ScenarioInput } from './scenario';
export { INDEX_TOLERANCE, approximatelyEqual } from './tolerance';
