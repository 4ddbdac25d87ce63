import { describe, expect, it } from 'vitest';
import { boxesOverlap, declutterLabels, placeLabels, type LabelCandidate } from '../../../src/lib/map/label-declutter';

/** A label of 40 × 10 px whose top-left corner is at (x, y). */
const label = (key: string, priority: number, x: number, y: number): LabelCandidate => ({ key, priority, left: x, top: y, right: x + 40, bottom: y + 10 });

describe('boxesOverlap', () => {
  const a = { left: 0, top: 0, right: 10, bottom: 10 };
  it.each([
    ['overlapping', { left: 5, top: 5, right: 15, bottom: 15 }, true],
    ['inside', { left: 2, top: 2, right: 4, bottom: 4 }, true],
    ['touching an edge', { left: 10, top: 0, right: 20, bottom: 10 }, false],
    ['apart', { left: 0, top: 20, right: 10, bottom: 30 }, false],
  ])('%s', (_what, b, expected) => {
    expect(boxesOverlap(a, b)).toBe(expected);
    expect(boxesOverlap(b, a)).toBe(expected);
  });
});

describe('declutterLabels', () => {
  it('shows every label when none overlaps', () => {
    expect(declutterLabels([label('a', 1, 0, 0), label('b', 1, 100, 0), label('c', 1, 0, 50)])).toEqual(['a', 'b', 'c']);
  });

  it('hides the lower-priority label of two that overlap', () => {
    expect(declutterLabels([label('low', 1, 0, 0), label('high', 5, 20, 5)])).toEqual(['high']);
  });

  it('keeps a label that only collided with one already hidden (a chain a–b–c shows a and c)', () => {
    expect(declutterLabels([label('a', 3, 0, 0), label('b', 2, 30, 0), label('c', 1, 60, 0)])).toEqual(['a', 'c']);
  });

  it('keeps a gap of the padding between labels', () => {
    const near = [label('a', 2, 0, 0), label('b', 1, 41, 0)];
    expect(declutterLabels(near)).toEqual(['a']);
    expect(declutterLabels(near, [], { padding: 0 })).toEqual(['a', 'b']);
  });

  it('hides labels over an obstacle (a marker, a group, a control), whatever their priority', () => {
    expect(declutterLabels([label('a', 9, 0, 0), label('b', 1, 100, 0)], [{ left: 30, top: 0, right: 50, bottom: 20 }])).toEqual(['b']);
  });

  it('hides labels not wholly inside the view', () => {
    expect(declutterLabels([label('cut', 9, 90, 0), label('in', 1, 0, 0)], [], { within: { left: 0, top: 0, right: 100, bottom: 100 } })).toEqual(['in']);
  });

  it('is deterministic: the same labels in any order give the same answer, ties going to the first key', () => {
    const labels = [label('m', 1, 0, 0), label('b', 1, 10, 0), label('x', 1, 200, 0), label('k', 2, 400, 0), label('a', 1, 400, 5)];
    const answer = declutterLabels(labels);
    expect(answer).toEqual(['k', 'b', 'x']);
    expect(declutterLabels([...labels].reverse())).toEqual(answer);
    expect(declutterLabels([labels[2]!, labels[0]!, labels[4]!, labels[1]!, labels[3]!])).toEqual(answer);
  });

  it('refuses a label it cannot place, naming it', () => {
    expect(() => declutterLabels([{ key: 'Tomsk', priority: 1, left: Number.NaN, top: 0, right: 1, bottom: 1 }])).toThrow(/"Tomsk".*NaN/);
    expect(() => declutterLabels([label('a', 1, 0, 0), label('a', 1, 99, 0)])).toThrow(/"a" is given twice/);
  });
});

describe('placeLabels', () => {
  const right = { left: 20, top: 0, right: 60, bottom: 10 };
  const left = { left: -40, top: 0, right: 0, bottom: 10 };
  it('takes the first placement that is clear', () => {
    expect(placeLabels([{ key: 'a', priority: 1, placements: [right, left] }])).toEqual([{ key: 'a', placement: 0 }]);
    expect(placeLabels([{ key: 'a', priority: 1, placements: [right, left] }], [{ left: 50, top: 0, right: 70, bottom: 10 }])).toEqual([{ key: 'a', placement: 1 }]);
  });
  it('moves a lower-priority label to its other side rather than hiding it', () => {
    expect(placeLabels([{ key: 'low', priority: 1, placements: [right, left] }, { key: 'high', priority: 2, placements: [{ left: 30, top: 2, right: 70, bottom: 12 }] }])).toEqual([
      { key: 'high', placement: 0 },
      { key: 'low', placement: 1 },
    ]);
  });
  it('leaves out a label with no clear placement', () => {
    expect(placeLabels([{ key: 'a', priority: 1, placements: [right, left] }], [right, left])).toEqual([]);
  });
});
