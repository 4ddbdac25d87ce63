// The Leaflet island: draws every [data-cluster-map] frame the server rendered. Loaded only on pages with a map.
import type { Map as LeafletMap } from 'leaflet';
import boundariesUrl from '../../../content/region-boundaries.geojson?url';
import type { AreaCollection } from '../../lib/map/antimeridian';
import type { ClusterFeatureCollection } from '../../lib/map/geojson';
import { parseViewHash } from '../../lib/map/view-hash';
import type { MapIslandConfig } from './config';
import { wireFullMapControls } from './controls';
import { L } from './leaflet-setup';
import { createMarkerLayer } from './markers';
import { fillPlaceholders as fill } from '../../lib/i18n/fill';
import { createRegionLayer } from './regions';
import { addPlaceLabels } from './place-labels';

/** Zoom limit without tiles (the marker clusters need one); tiles allow closer views. */
const MAX_ZOOM_BOUNDARIES = 12;
const MAX_ZOOM_TILES = 18;
/** Russia's display bounds, the view when there is nothing else to fit. */
const RUSSIA: [[number, number], [number, number]] = [
  [41.2, 19.6],
  [81.9, 190.5],
];

/** Resolves once the browser has painted a frame and the main thread is free again (input is handled). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Fetches JSON; the map endpoint revalidates with its ETag (the browser sends If-None-Match). */
async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/** The Leaflet map in the frame's canvas, with the optional tile layer from the server's data attributes. */
function createMap(root: HTMLElement, canvas: HTMLElement, config: MapIslandConfig): LeafletMap {
  const tileUrl = root.dataset.tileUrl;
  const map = L.map(canvas, {
    maxZoom: tileUrl ? MAX_ZOOM_TILES : MAX_ZOOM_BOUNDARIES,
    minZoom: 1,
    zoomSnap: 0.25,
    scrollWheelZoom: config.variant === 'full',
    attributionControl: true,
    zoomControl: false,
  });
  // Leaflet's own control and popup texts are English: give them the page's language.
  L.control.zoom({ zoomInTitle: config.strings.zoomIn, zoomOutTitle: config.strings.zoomOut }).addTo(map);
  map.on('popupopen', (e) => localizePopupClose(e.popup, config.strings.closePopup));
  map.attributionControl.setPrefix('<a href="https://leafletjs.com" rel="external noopener">Leaflet</a>').addAttribution(config.strings.attribution);
  if (tileUrl) L.tileLayer(tileUrl, { attribution: root.dataset.tileAttribution ?? '', maxZoom: MAX_ZOOM_TILES }).addTo(map);
  return map;
}

/** Leaflet writes "Close popup" into every popup's close button; this puts the page's words there (label and tooltip). */
function localizePopupClose(popup: L.Popup, label: string): void {
  const button = popup.getElement()?.querySelector<HTMLElement>('.leaflet-popup-close-button');
  if (!button) return;
  button.setAttribute('aria-label', label);
  button.title = label;
}

/** The first view: the URL's (full map), else the clusters' bounds, else Russia. */
function setInitialView(map: LeafletMap, config: MapIslandConfig): void {
  const hashView = config.variant === 'full' ? parseViewHash(location.hash) : null;
  if (hashView) map.setView([hashView.lat, hashView.lon], hashView.zoom, { animate: false });
  else map.fitBounds(config.bounds ?? RUSSIA, { padding: [24, 24], maxZoom: config.variant === 'compact' ? 8 : 6, animate: false });
}

/**
 * Compact maps frame their region together with its clusters (simplified borders may leave a city outside);
 * on a profile the cluster is the centre, close enough to recognise the place.
 */
function fitCompact(map: LeafletMap, regionBounds: L.LatLngBounds | null, config: MapIslandConfig): void {
  const bounds = regionBounds ?? L.latLngBounds(RUSSIA);
  if (config.bounds) bounds.extend(config.bounds);
  const zoom = map.getBoundsZoom(bounds, false, L.point(24, 24));
  if (config.focusPoint) map.setView(config.focusPoint, Math.max(5, Math.min(zoom, 8)), { animate: false });
  else map.fitBounds(bounds, { padding: [12, 12], maxZoom: 9, animate: false });
}

/** Draws one map frame; marks first render (boundaries on screen) and interactive (markers in place) for the benchmark. */
async function drawMap(root: HTMLElement): Promise<void> {
  const config = JSON.parse(root.querySelector('[data-map-config]')?.textContent ?? '{}') as MapIslandConfig;
  const canvas = root.querySelector<HTMLElement>('[data-map-canvas]')!;
  const status = root.querySelector<HTMLElement>('[data-map-status]');
  const placeholder = root.querySelector<HTMLElement>('[data-map-placeholder]');
  if (placeholder) placeholder.textContent = config.strings.loading;
  const data = fetchJson<ClusterFeatureCollection>(config.dataUrl);
  data.catch(() => undefined); // awaited below; this only keeps an early failure from being reported as unhandled
  const boundaries = await fetchJson<AreaCollection<{ code: string }>>(boundariesUrl);
  placeholder?.remove();
  const map = createMap(root, canvas, config);
  const regions = createRegionLayer(boundaries, config, root.querySelector('[data-map-region-info]'), Boolean(root.dataset.tileUrl));
  regions.layer.addTo(map);
  const regionBounds = config.region ? findRegionBounds(regions.layer, config.region) : null;
  if (config.variant === 'compact') fitCompact(map, regionBounds, config);
  else setInitialView(map, config);
  await afterPaint();
  performance.mark('map:first-render');
  root.dataset.state = 'drawn';
  const collection = await data;
  const markers = createMarkerLayer(collection, config);
  map.addLayer(markers);
  addPlaceLabels(map, regions.layer, markers, root, config);
  if (config.variant === 'full') wireFullMapControls(root, map, regions);
  if (status) status.textContent = fill(config.strings.count, { count: collection.features.length });
  root.dataset.featureCount = String(collection.features.length);
  await afterPaint();
  performance.mark('map:interactive');
  root.dataset.state = 'ready';
}

/** Bounds of one region's outline, or null when the code has none. */
function findRegionBounds(layer: L.GeoJSON, code: string): L.LatLngBounds | null {
  let found: L.LatLngBounds | null = null;
  layer.eachLayer((l) => {
    const f = (l as L.Polygon & { feature?: { properties?: { code?: string } } }).feature;
    if (f?.properties?.code === code) found = (l as L.Polygon).getBounds();
  });
  return found;
}

/** Shows the load error in the frame (the list under the map still works). */
function showFailure(root: HTMLElement, error: unknown): void {
  console.error('[map]', error);
  root.dataset.state = 'error';
  const config = JSON.parse(root.querySelector('[data-map-config]')?.textContent ?? '{}') as Partial<MapIslandConfig>;
  const status = root.querySelector<HTMLElement>('[data-map-status]');
  if (status) {
    status.textContent = config.strings?.loadError ?? 'The map could not be loaded.';
    status.className = 'notice';
  }
}

/** Starts every map frame on the page that has not started yet. */
export function startClusterMaps(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-cluster-map]')) {
    if (root.dataset.state !== 'static') continue;
    root.dataset.state = 'loading';
    for (const chrome of root.querySelectorAll<HTMLElement>('[data-map-chrome]')) chrome.hidden = false;
    drawMap(root).catch((error: unknown) => showFailure(root, error));
  }
}
