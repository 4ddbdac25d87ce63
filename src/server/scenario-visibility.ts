/**
 * Whether scenarios are worth showing: until moderators import regional statistics no cluster has one, and the
 * scenario's filter, legend and column would only repeat "regional data needed"; the pages show one note instead.
 */
import { anyScenario } from '../lib/indexing/scenario';
import { getYearAnalytics } from './analytics';
import type { Store } from './store';

/** Whether any public cluster has a scenario in the year (false without a year); cached with the year's analytics. */
export async function scenariosShown(store: Store, year: number | null): Promise<boolean> {
  if (year === null) return false;
  return anyScenario((await getYearAnalytics(store, year)).clusters.values());
}
