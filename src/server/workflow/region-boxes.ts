import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { regionBoxes, type RegionBox, type RegionBoundaries } from '../../lib/workflow/location';

const cache = new Map<string, ReadonlyMap<string, RegionBox>>();

/** The regions' boxes from content/region-boundaries.geojson, read once per content folder. */
export function regionBoxesOf(contentDir: string): ReadonlyMap<string, RegionBox> {
  let boxes = cache.get(contentDir);
  if (!boxes) {
    const file = join(contentDir, 'region-boundaries.geojson');
    boxes = regionBoxes(JSON.parse(readFileSync(file, 'utf8')) as RegionBoundaries);
    cache.set(contentDir, boxes);
  }
  return boxes;
}
