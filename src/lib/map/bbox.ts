import type { BoundingBox } from '../search/query';

/**
 * Bounding boxes in the order of the `bbox` URL parameter, "minLon,minLat,maxLon,maxLat" (west, south,
 * east, north; GeoJSON's bbox order). minLon > maxLon means the box crosses the 180° meridian.
 * Parsing is the search's (parseBoundingBox); this module formats boxes and turns map views into them
 * (it is used in the browser, so it imports types only). Meilisearch's _geoBoundingBox wants the corners
 * the other way round and latitude first: the search service converts.
 */

/** A box in degrees: west/east longitudes -180…180, south/north latitudes -90…90 (parsed by searchQuerySchema). */
export type Bbox = BoundingBox;

/** Rounds to 5 decimals (about a metre), enough for a view and short in a URL. */
function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** The box as the URL parameter value, e.g. "30,50,60,65". */
export function formatBbox(b: Bbox): string {
  return [b.minLon, b.minLat, b.maxLon, b.maxLat].map(round).join(',');
}

/** Wraps any longitude into -180…180 (180 stays 180). */
function wrapLongitude(lon: number): number {
  const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 && lon > 0 ? 180 : wrapped;
}

/**
 * The box of a map view whose longitudes may be display-shifted (beyond 180°, see antimeridian.ts) or
 * panned around the world: longitudes are wrapped back into -180…180 and latitudes clamped.
 * @example viewToBbox({ west: 170, south: 60, east: 190, north: 70 }) // => { minLon: 170, minLat: 60, maxLon: -170, maxLat: 70 }
 */
export function viewToBbox(view: { west: number; south: number; east: number; north: number }): Bbox {
  const clampLat = (v: number) => Math.max(-90, Math.min(90, v));
  if (view.east - view.west >= 360) return { minLon: -180, minLat: clampLat(view.south), maxLon: 180, maxLat: clampLat(view.north) };
  return { minLon: wrapLongitude(view.west), minLat: clampLat(view.south), maxLon: wrapLongitude(view.east), maxLat: clampLat(view.north) };
}

