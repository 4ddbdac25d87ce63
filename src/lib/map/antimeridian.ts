/**
 * Display longitudes for a map of Russia. The country spans 19° E to 169° W: Chukotka's part beyond
 * the 180° meridian has negative longitudes and would be drawn at the far left of the map. Adding
 * 360° to every negative longitude keeps the country in one piece (longitudes 19…191).
 * Only for drawing: stored coordinates, the API and region assignment keep -180…180.
 */

/** A GeoJSON position: [longitude, latitude, ...]. */
export type Position = number[];

/** Polygon or MultiPolygon geometry as the boundaries file has them. */
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: Position[][] }
  | { type: 'MultiPolygon'; coordinates: Position[][][] };

/** A feature collection of region areas with their properties. */
export interface AreaCollection<P> {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; properties: P; geometry: AreaGeometry }>;
}

/**
 * The longitude to draw: negative ones (west of Greenwich, i.e. east of 180° for Russia) move +360°.
 * @example toDisplayLongitude(-172.5) // => 187.5
 */
export function toDisplayLongitude(lon: number): number {
  return lon < 0 ? lon + 360 : lon;
}

/** A position with its longitude shifted for display (latitude and any further members unchanged). */
function shiftPosition(position: Position): Position {
  const [lon, ...rest] = position;
  return [toDisplayLongitude(lon ?? 0), ...rest];
}

/**
 * The geometry with every longitude shifted for display (a new object; the input is not changed); the parts
 * of a multipolygon that the data cut at 180° are joined again, so no seam is drawn along the cut.
 */
export function shiftGeometryForDisplay(geometry: AreaGeometry): AreaGeometry {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(shiftPosition)) };
  return { type: 'MultiPolygon', coordinates: joinCutPolygons(geometry.coordinates.map((poly) => poly.map((ring) => ring.map(shiftPosition)))) };
}

/** Whether a display position lies on the 180° meridian (where Natural Earth cuts Chukotka and Wrangel Island). */
const onCut = (p: Position): boolean => Math.abs((p[0] ?? 0) - 180) < 1e-6;

/** An outer ring cut at 180°: the rest of its boundary from cut to cut, its side, and the latitudes its cut spans. */
interface CutPart {
  index: number;
  path: Position[];
  side: 'west' | 'east';
  south: number;
  north: number;
}

/**
 * The part of a closed ring off the cut: the ring walked from the end of its longest run of vertices on 180°
 * round to the run's start, so it begins and ends on the cut. Null when no edge of the ring lies on the cut.
 */
function cutPart(ring: Position[], index: number): CutPart | null {
  const open = ring.slice(0, -1);
  const n = open.length;
  const first = open.findIndex((p) => !onCut(p));
  if (n < 3 || first === -1) return null;
  let best = { start: 0, length: 0 };
  for (let k = 1, runStart = -1; k <= n; k++) {
    const i = (first + k) % n;
    if (onCut(open[i]!)) {
      if (runStart === -1) runStart = i;
      const length = (i - runStart + n) % n + 1;
      if (length > best.length) best = { start: runStart, length };
    } else runStart = -1;
  }
  if (best.length < 2) return null;
  const end = (best.start + best.length - 1) % n;
  const path = Array.from({ length: n - best.length + 2 }, (_, k) => open[(end + k) % n]!);
  const run = Array.from({ length: best.length }, (_, k) => open[(best.start + k) % n]![1] ?? 0);
  const side = (open.find((p) => !onCut(p))![0] ?? 0) < 180 ? 'west' : 'east';
  return { index, path, side, south: Math.min(...run), north: Math.max(...run) };
}

/** Squared distance between two positions (degrees, enough to pick the nearer end). */
const distance2 = (a: Position, b: Position): number => ((a[0] ?? 0) - (b[0] ?? 0)) ** 2 + ((a[1] ?? 0) - (b[1] ?? 0)) ** 2;

/**
 * Joins each polygon the data cut at 180° (its west part ending on the meridian, its east part, shifted for
 * display, starting there) into one outer ring, keeping the holes of both; every other polygon is unchanged.
 */
export function joinCutPolygons(polygons: Position[][][]): Position[][][] {
  const parts = polygons.flatMap((poly, index) => (poly[0] ? (cutPart(poly[0], index) ?? []) : []));
  const joined = new Map<number, Position[][]>();
  const dropped = new Set<number>();
  for (const west of parts.filter((p) => p.side === 'west')) {
    const east = parts.find((p) => p.side === 'east' && !dropped.has(p.index) && p.south <= west.north && west.south <= p.north);
    if (!east) continue;
    const westEnd = west.path[west.path.length - 1]!;
    const eastPath = distance2(east.path[0]!, westEnd) <= distance2(east.path[east.path.length - 1]!, westEnd) ? east.path : [...east.path].reverse();
    const ring = [...west.path, ...eastPath, west.path[0]!].filter((p, i, all) => i === 0 || distance2(p, all[i - 1]!) > 0);
    joined.set(west.index, [ring, ...polygons[west.index]!.slice(1), ...polygons[east.index]!.slice(1)]);
    dropped.add(east.index);
  }
  return polygons.flatMap((poly, index) => (dropped.has(index) ? [] : [joined.get(index) ?? poly]));
}

/** The collection with every geometry shifted for display, so Chukotka is drawn east of Kamchatka. */
export function shiftCollectionForDisplay<P>(collection: AreaCollection<P>): AreaCollection<P> {
  return { ...collection, features: collection.features.map((f) => ({ ...f, geometry: shiftGeometryForDisplay(f.geometry) })) };
}

/** South-west and north-east corners as Leaflet takes them: [[lat, lon], [lat, lon]], display longitudes. */
export type DisplayBounds = [[number, number], [number, number]];

/**
 * The display bounds of points given as { lat, lon }, or null for none.
 * @example pointsDisplayBounds([{ lat: 50.55, lon: 137 }, { lat: 64.567, lon: 39.833 }]) // => [[50.55, 39.833], [64.567, 137]]
 */
export function pointsDisplayBounds(points: ReadonlyArray<{ lat: number; lon: number }>): DisplayBounds | null {
  if (points.length === 0) return null;
  let [south, west, north, east] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    const lon = toDisplayLongitude(p.lon);
    south = Math.min(south, p.lat);
    north = Math.max(north, p.lat);
    west = Math.min(west, lon);
    east = Math.max(east, lon);
  }
  return [
    [south, west],
    [north, east],
  ];
}
