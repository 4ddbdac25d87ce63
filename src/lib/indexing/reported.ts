/** How many of the index's indicators a cluster reported for a year. */
export interface ReportedCount {
  reported: number;
  of: number;
}

/**
 * Whether an index rests on fewer than all of its indicators (unreported ones count as 0, so lists flag it).
 *
 * @example restsOnFewerIndicators({ reported: 2, of: 4 }) // => true
 */
export function restsOnFewerIndicators(count: ReportedCount): boolean {
  return count.reported < count.of;
}
