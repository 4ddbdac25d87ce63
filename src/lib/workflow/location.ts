import type { FieldProblem } from '../profile/errors';
import type { Profile } from '../profile/profile';

/** A region's extent in degrees, with longitudes east of Greenwich counted 0…360 (see eastward). */
export interface RegionBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/** Minimal GeoJSON the boxes are computed from: polygons or multipolygons with a region code. */
export interface RegionBoundaries {
  features: Array<{ properties: { code: string }; geometry: { type: string; coordinates: unknown } }>;
}

/**
 * How far (degrees) a point may lie outside its region's box: the boundaries are simplified to 10 % and city
 * centres sit near borders (Sarov, Dubna, Zelenograd), so the check only catches points that are clearly elsewhere.
 */
export const REGION_BOX_MARGIN = 0.5;

/** Longitude counted eastward 0…360: Russia runs from 19° E across 180° to 169° W (Chukotka), one interval this way. */
function eastward(lon: number): number {
  return lon < 0 ? lon + 360 : lon;
}

/** Every [lon, lat] pair in nested coordinate arrays. */
function* positions(coordinates: unknown): Generator<[number, number]> {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === 'number') yield coordinates as [number, number];
  else for (const c of coordinates) yield* positions(c);
}

/** The box of each region in the boundaries, keyed by ISO 3166-2 code. */
export function regionBoxes(boundaries: RegionBoundaries): Map<string, RegionBox> {
  const boxes = new Map<string, RegionBox>();
  for (const feature of boundaries.features) {
    const box = boxes.get(feature.properties.code) ?? { minLat: 90, maxLat: -90, minLon: 360, maxLon: 0 };
    for (const [lon, lat] of positions(feature.geometry.coordinates)) {
      const east = eastward(lon);
      box.minLat = Math.min(box.minLat, lat);
      box.maxLat = Math.max(box.maxLat, lat);
      box.minLon = Math.min(box.minLon, east);
      box.maxLon = Math.max(box.maxLon, east);
    }
    boxes.set(feature.properties.code, box);
  }
  return boxes;
}

/** Whether the point lies in the box widened by the margin. */
export function isInBox(location: { lat: number; lon: number }, box: RegionBox, margin = REGION_BOX_MARGIN): boolean {
  const lon = eastward(location.lon);
  return (
    location.lat >= box.minLat - margin && location.lat <= box.maxLat + margin && lon >= box.minLon - margin && lon <= box.maxLon + margin
  );
}

/** A problem on general.location when the point is not in the profile's region (so not in Russia), otherwise undefined. */
export function locationProblem(profile: Profile, boxes: ReadonlyMap<string, RegionBox>): FieldProblem | undefined {
  const { location, region } = profile.general;
  const box = boxes.get(region);
  if (!box || isInBox(location, box)) return undefined;
  return {
    field: 'general.location',
    message: `the point ${location.lat}, ${location.lon} is outside the region ${region} (and may be outside Russia): pick the place on the map or type the coordinates of a place in ${region}`,
  };
}
