import { approximatelyEqual } from './tolerance';

/** How the "high"/"low" line of an index is drawn over its comparison set (a setting). */
export type ThresholdRule = { kind: 'mean' } | { kind: 'median' } | { kind: 'fixed'; value: number };

/** The product default: the mean of the index over the comparison set. */
export const DEFAULT_THRESHOLD_RULE: ThresholdRule = { kind: 'mean' };

/**
 * Threshold of an index over the values of a comparison set under the given rule.
 *
 * @example
 * computeThreshold([1, 2, 6], { kind: 'mean' }); // => 3
 * computeThreshold([1, 2, 6], { kind: 'median' }); // => 2
 * computeThreshold([], { kind: 'fixed', value: 0.5 }); // => 0.5
 */
export function computeThreshold(values: ArrayLike<number>, rule: ThresholdRule): number {
  if (rule.kind === 'fixed') {
    if (!Number.isFinite(rule.value) || rule.value < 0) {
      throw new RangeError(`A fixed threshold must be a finite number >= 0, got ${String(rule.value)}`);
    }
    return rule.value;
  }
  if (values.length === 0) {
    throw new Error(
      `Cannot compute a ${rule.kind} threshold over an empty comparison set; use a fixed threshold or add values`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(`Threshold input #${i} must be a finite number, got ${String(values[i])}`);
    }
  }
  if (rule.kind === 'mean') {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[i]!;
    return sum / values.length;
  }
  if (rule.kind === 'median') {
    const sorted = Float64Array.from(values).sort(); // numeric order without a comparison callback
    const middle = Math.floor(sorted.length / 2);
    const upper = sorted[middle] as number;
    return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
  }
  const unknown: never = rule;
  throw new Error(`Unknown threshold rule ${JSON.stringify(unknown)}; use mean, median or fixed`);
}

/**
 * Whether a value counts as "high": at or above the threshold, with the index tolerance so that
 * a value equal to a computed mean is not lost to rounding.
 *
 * @example
 * isAtOrAboveThreshold(0.2, (0.1 + 0.2 + 0.3) / 3); // => true (the mean is 0.20000000000000004)
 * isAtOrAboveThreshold(0.19, 0.2); // => false
 */
export function isAtOrAboveThreshold(value: number, threshold: number): boolean {
  return value >= threshold || approximatelyEqual(value, threshold);
}
