import type { Marker, MarkerCluster, MarkerClusterGroup } from 'leaflet';
import { toDisplayLongitude } from '../../lib/map/antimeridian';
import type { ClusterFeature, ClusterFeatureCollection, ClusterFeatureProperties } from '../../lib/map/geojson';
import type { MapIslandConfig } from './config';
import { L } from './leaflet-setup';
import { escapeHtml } from '../../lib/html';
import { fillPlaceholders as fill } from '../../lib/i18n/fill';
import { clusterName, popupHtml } from './popup';
import { groupIconSize, markerSize } from '../../lib/map/marker-size';

/** A marker carrying its cluster's feature (for the popup). */
type ClusterMarker = Marker<ClusterFeatureProperties>;

/** Marker icons are shared per scenario (and focus), so ten thousand markers cost ten thousand objects, not icons. */
function iconFactory(): (scenario: string, focus: boolean) => L.DivIcon {
  const cache = new Map<string, L.DivIcon>();
  // Fingers need bigger targets than a mouse pointer (24 px at least on touch screens).
  const coarsePointer = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  return (scenario, focus) => {
    const key = `${scenario}|${focus}`;
    let icon = cache.get(key);
    if (!icon) {
      const size = markerSize({ coarsePointer, focus });
      icon = L.divIcon({ className: `map-marker scenario-${scenario}${focus ? ' is-focus' : ''}`, iconSize: [size, size], html: '' });
      cache.set(key, icon);
    }
    return icon;
  };
}

/** The cluster-group icon: the count, with a spoken label ("Group of 5 clusters: zoom in"). */
function groupIcon(config: MapIslandConfig): (group: MarkerCluster) => L.DivIcon {
  return (group) => {
    const n = group.getChildCount();
    const size = groupIconSize(n);
    const label = escapeHtml(fill(config.strings.groupLabel, { count: n }));
    return L.divIcon({
      className: 'map-group',
      iconSize: [size, size],
      html: `<span aria-hidden="true" data-count="${n}">${n}</span><span class="map-sr-only">${label}</span>`,
    });
  };
}

/** A marker at the feature's point: GeoJSON [lon, lat] back to Leaflet's [lat, lon], longitude shifted for display. */
function markerOf(feature: ClusterFeature, config: MapIslandConfig, icon: ReturnType<typeof iconFactory>): ClusterMarker {
  const [lon, lat] = feature.geometry.coordinates;
  const p = feature.properties;
  const marker: ClusterMarker = L.marker([lat, toDisplayLongitude(lon)], { icon: icon(p.scenario, p.slug === config.focus), title: clusterName(p, config), riseOnHover: true });
  marker.feature = feature;
  return marker;
}

/**
 * Popups are bound on first use (one per opened marker, not ten thousand up front); after that the
 * marker's own handlers toggle it. A keyboard user's focus moves into the popup and back when it closes.
 */
function bindPopupsLazily(group: MarkerClusterGroup, config: MapIslandConfig, year: number | null): void {
  const open = (marker: ClusterMarker, byKeyboard: boolean) => {
    if (!marker.feature) return;
    if (!marker.getPopup()) {
      marker.bindPopup(popupHtml(marker.feature.properties, config, year), { maxWidth: 300, autoPanPaddingTopLeft: [56, 24], autoPanPaddingBottomRight: [24, 24] });
      marker.openPopup();
    }
    if (!byKeyboard || !marker.isPopupOpen()) return;
    marker.getPopup()?.getElement()?.querySelector<HTMLElement>('a')?.focus();
    marker.once('popupclose', () => marker.getElement()?.focus());
  };
  group.on('click', (e) => open(e.propagatedFrom as ClusterMarker, false));
  group.on('keypress', (e) => {
    if ((e as L.LeafletKeyboardEvent).originalEvent.key === 'Enter') open(e.propagatedFrom as ClusterMarker, true);
  });
}

/** The clustered marker layer of the collection, coloured by scenario, with popups. */
export function createMarkerLayer(collection: ClusterFeatureCollection, config: MapIslandConfig): MarkerClusterGroup {
  const group = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 48,
    spiderfyOnMaxZoom: true,
    removeOutsideVisibleBounds: true,
    iconCreateFunction: groupIcon(config),
  });
  const icon = iconFactory();
  group.addLayers(collection.features.map((f) => markerOf(f, config, icon)));
  bindPopupsLazily(group, config, collection.year);
  return group;
}
