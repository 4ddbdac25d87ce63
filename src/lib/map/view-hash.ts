/**
 * The map view in the URL fragment, e.g. #map=5.5/55.75/37.62&layer=regions, so a view can be shared
 * without adding parameters to the query string (which the server validates strictly).
 */

/** Layers the map can shade regions by: none, or the choropleth. */
export type MapLayer = 'markers' | 'regions';

/** A map view: zoom, centre (latitude first, as Leaflet's LatLng) and the shaded layer. */
export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
  layer: MapLayer;
}

/** Parses a location hash; null when it holds no valid view. */
export function parseViewHash(hash: string): MapView | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const parts = (params.get('map') ?? '').split('/').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [zoom, lat, lon] = parts as [number, number, number];
  if (zoom < 0 || zoom > 22 || Math.abs(lat) > 90 || Math.abs(lon) > 540) return null;
  return { zoom, lat, lon, layer: params.get('layer') === 'regions' ? 'regions' : 'markers' };
}

/** The hash of a view, e.g. "#map=5.5/55.75/37.62&layer=regions" (4 decimals: about 10 m). */
export function formatViewHash(view: MapView): string {
  const r = (v: number, d: number) => String(Math.round(v * 10 ** d) / 10 ** d);
  const base = `#map=${r(view.zoom, 2)}/${r(view.lat, 4)}/${r(view.lon, 4)}`;
  return view.layer === 'regions' ? `${base}&layer=regions` : base;
}
