/** An axis-aligned box in screen pixels (the map container's coordinates: x to the right, y down). */
export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A label that may be shown: a unique key, where it would sit on screen, and how much it matters (higher wins). */
export interface LabelCandidate extends ScreenBox {
  key: string;
  priority: number;
}

/** How labels are placed: a gap kept around each label, and an area labels must stay inside (e.g. the map's canvas). */
export interface DeclutterOptions {
  /** Pixels kept free around every label (text shadows need a little air). Default 2. */
  padding?: number;
  /** Labels not wholly inside this box are not shown (a name cut by the map's edge helps no one). */
  within?: ScreenBox;
}

/**
 * Whether two boxes overlap with some area (boxes that only touch along an edge do not).
 *
 * @example boxesOverlap({ left: 0, top: 0, right: 10, bottom: 10 }, { left: 10, top: 0, right: 20, bottom: 10 }) // => false
 */
export function boxesOverlap(a: ScreenBox, b: ScreenBox): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Throws on a box that cannot be placed (NaN, infinite or inverted), naming the label. */
function checkBox(box: ScreenBox, what: string): void {
  const values = [box.left, box.top, box.right, box.bottom];
  if (!values.every(Number.isFinite) || box.right < box.left || box.bottom < box.top) {
    throw new Error(`${what} has no valid screen box (left ${box.left}, top ${box.top}, right ${box.right}, bottom ${box.bottom}): measure the label before placing it`);
  }
}

/** A label with the places it may take, in order of preference (e.g. right of its marker, else left of it). */
export interface LabelWithPlacements {
  key: string;
  priority: number;
  placements: readonly ScreenBox[];
}

/** A label to show and which of its placements it takes (an index into its placements). */
export interface PlacedLabel {
  key: string;
  placement: number;
}

/**
 * Places labels so that none overlaps another or an obstacle (markers, groups, map controls): labels are taken by
 * priority, highest first (ties by key, so the answer never depends on input order), and each takes its first
 * placement whose box, grown by the padding, is clear of every obstacle and every label already placed; a label
 * with no clear placement is left out. Greedy, O(n²): a map view holds a few hundred candidates at most.
 *
 * @example placeLabels([{ key: 'a', priority: 1, placements: [{ left: 0, top: 0, right: 50, bottom: 12 }, { left: -60, top: 0, right: -10, bottom: 12 }] }], [{ left: 10, top: 0, right: 20, bottom: 10 }])
 * // => [{ key: 'a', placement: 1 }] (the first placement covers the obstacle)
 */
export function placeLabels(candidates: readonly LabelWithPlacements[], obstacles: readonly ScreenBox[] = [], options: DeclutterOptions = {}): PlacedLabel[] {
  const padding = options.padding ?? 2;
  const within = options.within;
  const keys = new Set<string>();
  for (const c of candidates) {
    if (keys.has(c.key)) throw new Error(`Label key "${c.key}" is given twice; each label needs its own key`);
    keys.add(c.key);
    c.placements.forEach((box) => checkBox(box, `Label "${c.key}"`));
  }
  obstacles.forEach((o, i) => checkBox(o, `Obstacle ${i}`));
  const ordered = [...candidates].sort((a, b) => b.priority - a.priority || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const placed: ScreenBox[] = [];
  const shown: PlacedLabel[] = [];
  const fits = (box: ScreenBox) => {
    if (within && (box.left < within.left || box.top < within.top || box.right > within.right || box.bottom > within.bottom)) return false;
    const grown = { left: box.left - padding, top: box.top - padding, right: box.right + padding, bottom: box.bottom + padding };
    return !obstacles.some((o) => boxesOverlap(grown, o)) && !placed.some((p) => boxesOverlap(grown, p));
  };
  for (const c of ordered) {
    const placement = c.placements.findIndex(fits);
    if (placement < 0) continue;
    placed.push(c.placements[placement]!);
    shown.push({ key: c.key, placement });
  }
  return shown;
}

/**
 * The labels to show so that none overlaps another or an obstacle, each label at its one box (see placeLabels):
 * the keys of the shown labels, highest priority first.
 *
 * @example declutterLabels([{ key: 'a', priority: 1, left: 0, top: 0, right: 50, bottom: 12 }, { key: 'b', priority: 2, left: 40, top: 4, right: 90, bottom: 16 }])
 * // => ['b'] ("a" overlaps "b", which matters more)
 */
export function declutterLabels(candidates: readonly LabelCandidate[], obstacles: readonly ScreenBox[] = [], options: DeclutterOptions = {}): string[] {
  return placeLabels(candidates.map((c) => ({ key: c.key, priority: c.priority, placements: [c] })), obstacles, options).map((p) => p.key);
}
