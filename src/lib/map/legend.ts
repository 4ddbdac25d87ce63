import { SCENARIO_CODES, type ScenarioCode } from '../indexing/scenario';

/**
 * The scenarios a map legend lists: only those some marker in view uses, in the usual order (a legend
 * whose colours no marker uses explains nothing). All of them when nothing is shown.
 *
 * @example legendScenarios([{ scenario: 'unknown' }]) // => ['unknown']
 */
export function legendScenarios(items: ReadonlyArray<{ scenario: ScenarioCode }>): ScenarioCode[] {
  const used = new Set(items.map((c) => c.scenario));
  return SCENARIO_CODES.filter((s) => used.has(s));
}
