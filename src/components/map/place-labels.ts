import type { Map as LeafletMap, GeoJSON as GeoJSONLayer, Polygon } from 'leaflet';
import { toDisplayLongitude } from '../../lib/map/antimeridian';
import type { ClusterFeatureCollection } from '../../lib/map/geojson';
import { cityLabels, labelsAtZoom } from '../../lib/map/place-labels';
import { escapeHtml } from '../../lib/html';
import type { MapIslandConfig } from './config';
import { L } from './leaflet-setup';

/** A text label at a point: not interactive, hidden from assistive technology (the list under the map names the places). */
function label(lat: number, lon: number, text: string, className: string): L.Marker {
  return L.marker([lat, lon], {
    icon: L.divIcon({ className: `map-place-label ${className}`, html: `<span aria-hidden="true">${escapeHtml(text)}</span>`, iconSize: undefined }),
    interactive: false,
    keyboard: false,
  });
}

/**
 * City names of the clusters and region names from the bundled boundaries, shown from suitable zooms (no tile
 * server needed): cities from CITY_LABEL_MIN_ZOOM, regions from REGION_LABEL_MIN_ZOOM.
 */
export function addPlaceLabels(map: LeafletMap, regions: GeoJSONLayer, collection: ClusterFeatureCollection, config: MapIslandConfig): void {
  const cities = L.layerGroup(cityLabels(collection.features, config.lang).map((c) => label(c.lat, toDisplayLongitude(c.lon), c.name, 'map-city-label')));
  const regionNames = L.layerGroup();
  regions.eachLayer((l) => {
    const code = (l as Polygon & { feature?: { properties?: { code?: string } } }).feature?.properties?.code;
    const name = code ? config.regionNames[code] : undefined;
    if (!name) return;
    const centre = (l as Polygon).getBounds().getCenter();
    regionNames.addLayer(label(centre.lat, centre.lng, name, 'map-region-label'));
  });
  const update = () => {
    const shown = labelsAtZoom(map.getZoom());
    for (const [group, on] of [[regionNames, shown.regions], [cities, shown.cities]] as const) {
      if (on && !map.hasLayer(group)) group.addTo(map);
      if (!on && map.hasLayer(group)) group.remove();
    }
  };
  map.on('zoomend', update);
  update();
}
