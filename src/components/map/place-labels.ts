import type { Map as LeafletMap, GeoJSON as GeoJSONLayer, LatLng, Marker, MarkerCluster, MarkerClusterGroup, Polygon } from 'leaflet';
import type { ClusterFeatureProperties } from '../../lib/map/geojson';
import { placeLabels, type LabelWithPlacements, type ScreenBox } from '../../lib/map/label-declutter';
import { groupIconSize } from '../../lib/map/marker-size';
import { cityNameOf, groupLabelCity, labelsAtZoom } from '../../lib/map/place-labels';
import { escapeHtml } from '../../lib/html';
import type { MapIslandConfig } from './config';
import { L } from './leaflet-setup';

type LabelKind = 'city' | 'region';
/** A label that could be shown in the current view: where, what, how far right of its point (cities), how much it matters. */
interface Wanted {
  key: string;
  kind: LabelKind;
  text: string;
  latlng: LatLng;
  point: L.Point;
  dx: number;
  priority: number;
}

/** Cities outrank region names; among cities, the name of a bigger group wins. */
const CITY_PRIORITY = 1_000_000;
/** Gap between a marker (or group) and its city's name. */
const LABEL_GAP_PX = 4;
const CLASS_OF: Record<LabelKind, string> = { city: 'map-place-label map-city-label', region: 'map-place-label map-region-label' };

/** A text label at a point: not interactive, hidden from assistive technology (the list under the map names the places). */
function labelMarker(w: Wanted): Marker {
  return L.marker(w.latlng, {
    icon: L.divIcon({ className: CLASS_OF[w.kind], html: `<span aria-hidden="true">${escapeHtml(w.text)}</span>`, iconSize: undefined }),
    interactive: false,
    keyboard: false,
    pane: 'placeLabels',
  });
}

/**
 * Measures label texts once per kind and text, in a hidden box inside the map (same fonts as the labels): new texts
 * are written in one batch and read in one layout, so a view change costs one reflow at most.
 */
function textMeasurer(container: HTMLElement): (items: ReadonlyArray<{ kind: LabelKind; text: string }>) => (kind: LabelKind, text: string) => { width: number; height: number } {
  const cache = new Map<string, { width: number; height: number }>();
  const box = document.createElement('div');
  box.className = 'map-label-measure';
  box.setAttribute('aria-hidden', 'true');
  container.appendChild(box);
  return (items) => {
    const fresh = new Map<string, HTMLElement>();
    for (const { kind, text } of items) {
      const key = `${kind}|${text}`;
      if (cache.has(key) || fresh.has(key)) continue;
      const el = document.createElement('div');
      el.className = CLASS_OF[kind];
      el.innerHTML = `<span>${escapeHtml(text)}</span>`;
      box.appendChild(el);
      fresh.set(key, el);
    }
    for (const [key, el] of fresh) {
      const r = el.firstElementChild!.getBoundingClientRect();
      cache.set(key, { width: r.width, height: r.height });
    }
    box.replaceChildren();
    return (kind, text) => cache.get(`${kind}|${text}`)!;
  };
}

/** Screen boxes of the map's controls (zoom buttons, attribution): labels keep out from under them. */
function controlBoxes(container: HTMLElement): ScreenBox[] {
  const origin = container.getBoundingClientRect();
  return [...container.querySelectorAll('.leaflet-control')].map((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left - origin.left, top: r.top - origin.top, right: r.right - origin.left, bottom: r.bottom - origin.top };
  });
}

/** A square box of this side centred on a point. */
function squareAt(p: L.Point, side: number): ScreenBox {
  return { left: p.x - side / 2, top: p.y - side / 2, right: p.x + side / 2, bottom: p.y + side / 2 };
}

/**
 * City names of the clusters and region names from the bundled boundaries (no tile server needed), decluttered
 * for every view: a city is named beside its visible marker, a group of markers by the city most of it lies in (see
 * groupLabelCity), never for markers hidden in a group; the name goes right of its marker, else left of it; names
 * that would still overlap another name, a marker, a group or a map control are left out, cities before regions
 * (see placeLabels). Recomputed after every zoom, pan and re-clustering; the frame's data-label-pass counts the
 * passes (tests wait on it).
 */
export function addPlaceLabels(map: LeafletMap, regions: GeoJSONLayer, markers: MarkerClusterGroup, root: HTMLElement, config: MapIslandConfig): void {
  map.createPane('placeLabels').classList.add('map-label-pane');
  const measure = textMeasurer(map.getContainer());
  const shownLabels = new Map<string, { marker: Marker; dx: number; left: boolean }>();
  const regionAnchors: Array<{ key: string; text: string; latlng: LatLng }> = [];
  regions.eachLayer((l) => {
    const code = (l as Polygon & { feature?: { properties?: { code?: string } } }).feature?.properties?.code;
    const name = code ? config.regionNames[code] : undefined;
    if (code && name) regionAnchors.push({ key: `region:${code}`, text: name, latlng: (l as Polygon).getBounds().getCenter() });
  });

  const cityCandidates = (): { wanted: Wanted[]; obstacles: ScreenBox[] } => {
    // Every marker's visible stand-in: itself, the group it is hidden in, or nothing when it is off the map.
    const anchors = new Map<Marker, Marker<ClusterFeatureProperties>[]>();
    markers.eachLayer((layer) => {
      const marker = layer as Marker<ClusterFeatureProperties>;
      const shown = markers.getVisibleParent(marker) as Marker | null;
      if (!shown) return;
      const members = anchors.get(shown);
      if (members) members.push(marker);
      else anchors.set(shown, [marker]);
    });
    const byKey = new Map<string, Wanted>();
    const obstacles: ScreenBox[] = [];
    for (const [anchor, members] of anchors) {
      const latlng = anchor.getLatLng();
      const point = map.latLngToContainerPoint(latlng);
      const isGroup = typeof (anchor as MarkerCluster).getChildCount === 'function';
      const side = isGroup ? groupIconSize((anchor as MarkerCluster).getChildCount()) : ((anchor.options.icon?.options.iconSize as [number, number] | undefined)?.[0] ?? 16);
      obstacles.push(squareAt(point, side));
      const text = isGroup
        ? groupLabelCity(members.map((m) => cityNameOf(m.feature?.properties.city ?? {}, config.lang)))
        : cityNameOf(members[0]!.feature?.properties.city ?? {}, config.lang);
      if (!text) continue;
      const w: Wanted = { key: `city:${text}`, kind: 'city', text, latlng, point, dx: side / 2 + LABEL_GAP_PX, priority: CITY_PRIORITY + members.length };
      // One name per city (two clusters of a city spiderfied apart): the bigger stand-in keeps it.
      const other = byKey.get(w.key);
      if (!other || other.priority < w.priority) byKey.set(w.key, w);
    }
    return { wanted: [...byKey.values()], obstacles };
  };

  const update = () => {
    const start = performance.now();
    const on = labelsAtZoom(map.getZoom());
    const size = map.getSize();
    const { wanted, obstacles } = on.cities ? cityCandidates() : { wanted: [], obstacles: [] };
    if (on.regions) {
      const view = map.getBounds().pad(0.1);
      for (const r of regionAnchors) if (view.contains(r.latlng)) wanted.push({ ...r, kind: 'region', point: map.latLngToContainerPoint(r.latlng), dx: 0, priority: 0 });
    }
    obstacles.push(...controlBoxes(map.getContainer()));
    const sizeOf = measure(wanted);
    // A city's name goes right of its marker, else left of it; a region's name sits on its middle.
    const candidates: LabelWithPlacements[] = wanted.map((w) => {
      const { width, height } = sizeOf(w.kind, w.text);
      const top = w.point.y - height / 2;
      const bottom = w.point.y + height / 2;
      const placements =
        w.kind === 'city'
          ? [
              { left: w.point.x + w.dx, top, right: w.point.x + w.dx + width, bottom },
              { left: w.point.x - w.dx - width, top, right: w.point.x - w.dx, bottom },
            ]
          : [{ left: w.point.x - width / 2, top, right: w.point.x + width / 2, bottom }];
      return { key: w.key, priority: w.priority, placements };
    });
    const placed = new Map(placeLabels(candidates, obstacles, { within: { left: 0, top: 0, right: size.x, bottom: size.y } }).map((p) => [p.key, p.placement]));
    for (const [key, label] of shownLabels) {
      if (placed.has(key)) continue;
      label.marker.remove();
      shownLabels.delete(key);
    }
    for (const w of wanted) {
      const placement = placed.get(w.key);
      if (placement === undefined) continue;
      let label = shownLabels.get(w.key);
      if (!label) {
        label = { marker: labelMarker(w).addTo(map), dx: -1, left: false };
        shownLabels.set(w.key, label);
      } else label.marker.setLatLng(w.latlng);
      const el = label.marker.getElement();
      if (label.dx !== w.dx) {
        el?.style.setProperty('--label-dx', `${w.dx}px`);
        label.dx = w.dx;
      }
      if (label.left !== (placement === 1)) {
        label.left = placement === 1;
        el?.classList.toggle('is-left', label.left);
      }
    }
    root.dataset.labelPass = String(Number(root.dataset.labelPass ?? 0) + 1);
    performance.measure('map:labels', { start }); // one entry per pass, for npm run bench:map
  };

  // One pass per frame, after Leaflet and the marker groups have settled (they handle the same events first).
  let pending = 0;
  const schedule = () => {
    if (!pending) pending = requestAnimationFrame(() => {
      pending = 0;
      update();
    });
  };
  map.on('zoomend moveend resize', schedule);
  markers.on('animationend spiderfied unspiderfied', schedule);
  update();
}
