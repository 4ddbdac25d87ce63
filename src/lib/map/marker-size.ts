/** Smallest target for a finger: WCAG 2.5.8 asks for 24 × 24 CSS pixels. */
export const TOUCH_TARGET_PX = 24;

/**
 * Side of a cluster marker in CSS pixels: 16 with a mouse, at least 24 on a touch screen; the focused cluster is larger.
 *
 * @example markerSize({ coarsePointer: true, focus: false }) // => 24
 */
export function markerSize(options: { coarsePointer: boolean; focus: boolean }): number {
  const base = options.coarsePointer ? TOUCH_TARGET_PX : 16;
  return options.focus ? base + 8 : base;
}

/**
 * Side of a marker group's icon in CSS pixels, growing with the count it shows (the labels keep clear of it).
 *
 * @example groupIconSize(12) // => 40
 */
export function groupIconSize(count: number): number {
  return count < 10 ? 34 : count < 100 ? 40 : 46;
}
