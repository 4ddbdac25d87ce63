/**
 * Floating-point tolerance shared by ranking and threshold comparisons.
 *
 * Index values are sums of squared ratios, so two clusters with the same data can differ in
 * the last bits depending on summation order; a mean threshold can land an ulp above the very
 * value it was computed from. Comparisons treat such values as equal.
 */

/** Relative (and, below 1, absolute) tolerance under which two index values count as equal. */
export const INDEX_TOLERANCE = 1e-12;

/**
 * Whether two finite numbers are equal within {@link INDEX_TOLERANCE}, scaled by their magnitude.
 *
 * @example
 * approximatelyEqual(0.1 + 0.2, 0.3); // => true
 * approximatelyEqual(1, 1.000001); // => false
 */
export function approximatelyEqual(a: number, b: number, tolerance: number = INDEX_TOLERANCE): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
}
