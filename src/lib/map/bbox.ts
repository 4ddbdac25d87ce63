/**
 * Bounding boxes in the order of the `bbox` URL parameter, "minLon,minLat,maxLon,maxLat" (west, south,
 * east, north; GeoJSON's bbox order). minLon > maxLon means the box crosses the 180° meridian.
 * (Meilisearch's _geoBoundingBox wants the corners the other way round and latitude first: the search
 * service converts.)
 */

/** A box in degrees: west/east longitudes -180…180, south/north latitudes -90…90. */
export interface Bbox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

/** Parses "minLon,minLat,maxLon,maxLat"; throws a RangeError naming the bad value and the expected form. */
export function parseBbox(text: string): Bbox {
  const parts = text.split(',').map((p) => p.trim());
  const numbers = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === '') || numbers.some((n) => !Number.isFinite(n)))
    throw new RangeError(`"${text}" is not "minLon,minLat,maxLon,maxLat" (four numbers, e.g. 30,50,60,65)`);
  const [minLon, minLat, maxLon, maxLat] = numbers as [number, number, number, number];
  if ([minLon, maxLon].some((v) => v < -180 || v > 180)) throw new RangeError(`longitudes in "${text}" must be between -180 and 180`);
  if ([minLat, maxLat].some((v) => v < -90 || v > 90)) throw new RangeError(`latitudes in "${text}" must be between -90 and 90`);
  if (minLat > maxLat) throw new RangeError(`minLat must not exceed maxLat in "${text}" (order: minLon,minLat,maxLon,maxLat)`);
  return { minLon, minLat, maxLon, maxLat };
}

/** Rounds to 5 decimals (about a metre), enough for a view and short in a URL. */
function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}

/** The box as the URL parameter value, e.g. "30,50,60,65". */
export function formatBbox(b: Bbox): string {
  return [b.minLon, b.minLat, b.maxLon, b.maxLat].map(round).join(',');
}

/** Whether the point lies in the box (edges included; a box crossing 180° wraps around). */
export function bboxContains(b: Bbox, point: { lat: number; lon: number }): boolean {
  if (point.lat < b.minLat || point.lat > b.maxLat) return false;
  return b.minLon <= b.maxLon ? point.lon >= b.minLon && point.lon <= b.maxLon : point.lon >= b.minLon || point.lon <= b.maxLon;
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

