import { describe, expect, it } from 'vitest';
import { groupIconSize, markerSize, TOUCH_TARGET_PX } from '../../../src/lib/map/marker-size';

describe('markerSize', () => {
  it('is at least the 24 px touch target on a touch screen', () => {
    expect(markerSize({ coarsePointer: true, focus: false })).toBe(TOUCH_TARGET_PX);
    expect(markerSize({ coarsePointer: true, focus: true })).toBeGreaterThan(TOUCH_TARGET_PX);
  });
  it('stays small with a mouse, so dense areas stay readable', () => {
    expect(markerSize({ coarsePointer: false, focus: false })).toBe(16);
    expect(markerSize({ coarsePointer: false, focus: true })).toBe(24);
  });
});

describe('groupIconSize', () => {
  it.each([
    [2, 34],
    [9, 34],
    [10, 40],
    [99, 40],
    [100, 46],
  ])('a group of %i is %i px', (count, size) => expect(groupIconSize(count)).toBe(size));
});
