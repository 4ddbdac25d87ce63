import type { Map as LeafletMap } from 'leaflet';
import { formatBbox, viewToBbox } from '../../lib/map/bbox';
import { formatViewHash, parseViewHash, type MapLayer } from '../../lib/map/view-hash';
import type { RegionLayer } from './regions';

/** The URL with the map's visible area as the bbox filter (page reset; the view stays in the fragment). */
export function searchAreaUrl(map: LeafletMap, href: string): string {
  const b = map.getBounds();
  const url = new URL(href);
  url.searchParams.set('bbox', formatBbox(viewToBbox({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth() })));
  url.searchParams.delete('page');
  return url.toString();
}

/** Keeps the view and the shaded layer in the URL fragment, so the view can be shared. */
function syncHash(map: LeafletMap, layer: () => MapLayer): () => void {
  const write = () => {
    const c = map.getCenter();
    history.replaceState(history.state, '', formatViewHash({ zoom: map.getZoom(), lat: c.lat, lon: c.lng, layer: layer() }));
  };
  map.on('moveend', write);
  return write;
}

/** The full map's controls: "search this area", the choropleth switch, the view in the URL, Esc closing popups. */
export function wireFullMapControls(root: HTMLElement, map: LeafletMap, regions: RegionLayer): void {
  const toggle = root.querySelector<HTMLInputElement>('[data-map-choropleth]');
  const legend = root.querySelector<HTMLElement>('[data-map-choropleth-legend]');
  const setChoropleth = (on: boolean) => {
    regions.setChoropleth(on);
    if (legend) legend.hidden = !on;
    if (toggle) toggle.checked = on;
  };
  const writeHash = syncHash(map, () => (toggle?.checked ? 'regions' : 'markers'));
  toggle?.addEventListener('change', () => {
    setChoropleth(toggle.checked);
    writeHash();
  });
  if (toggle && parseViewHash(location.hash)?.layer === 'regions') setChoropleth(true);
  root.querySelector('[data-map-search-area]')?.addEventListener('click', () => location.assign(searchAreaUrl(map, location.href)));
  map.getContainer().addEventListener('keydown', (e) => {
    if (e.key === 'Escape') map.closePopup();
  });
  root.querySelector<HTMLElement>('[data-map-toolbar]')?.removeAttribute('hidden');
}
