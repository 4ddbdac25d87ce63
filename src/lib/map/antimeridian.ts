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

/** The geometry with every longitude shifted for display (a new object; the input is not changed). */
export function shiftGeometryForDisplay(geometry: AreaGeometry): AreaGeometry {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(shiftPosition)) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(shiftPosition))) };
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
