import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSON as GeoJSONLayer, Path, PathOptions } from 'leaflet';
import { shiftCollectionForDisplay, type AreaCollection } from '../../lib/map/antimeridian';
import { buildColourScale, colourOf } from '../../lib/map/colour-scale';
import type { MapIslandConfig } from './config';
import { L } from './leaflet-setup';
import { fillPlaceholders as fill } from '../../lib/i18n/fill';
import { formatNumber } from '../../lib/i18n/format';

/** Properties of a boundary feature: the ISO 3166-2 code. */
type RegionProps = { code: string };

/** The boundaries layer and the switch of its choropleth. */
export interface RegionLayer {
  layer: GeoJSONLayer;
  setChoropleth(on: boolean): void;
}

const LAND: PathOptions = { color: '#8d99a6', weight: 0.8, fillColor: '#fbfbf8', fillOpacity: 1 };
const HIGHLIGHT: PathOptions = { color: '#084785', weight: 2.5, fillColor: '#e6eef8', fillOpacity: 1 };

/** The text shown for a region on hover/focus: its value in the choropleth, else its name. */
function describeRegion(code: string, config: MapIslandConfig, choropleth: boolean): string {
  const region = config.regionNames[code] ?? code;
  const shading = config.shading;
  if (!choropleth || !shading) return region;
  const value = shading.values[code];
  if (value === undefined) return fill(config.strings.regionNone, { region });
  const digits = shading.kind === 'index' ? 3 : 0;
  const text = formatNumber(value, config.lang, digits);
  return fill(shading.kind === 'index' ? config.strings.regionIndex : config.strings.regionCount, { region, value: text });
}

/**
 * Region boundaries as the base layer (Chukotka shifted east of 180°, see antimeridian.ts) or over tiles, optionally
 * shaded by the page's region values; hover or keyboard focus on a region shows its value in `info`.
 */
export function createRegionLayer(boundaries: AreaCollection<RegionProps>, config: MapIslandConfig, info: HTMLElement | null, overTiles: boolean): RegionLayer {
  const scale = buildColourScale(Object.values(config.shading?.values ?? {}));
  // Over a tile layer the land must stay see-through: outlines only, shading translucent.
  const land: PathOptions = overTiles ? { ...LAND, fillOpacity: 0 } : LAND;
  const shaded = overTiles ? 0.65 : 1;
  let choropleth = false;
  const styleOf = (code: string): PathOptions => {
    if (code === config.region) return overTiles ? { ...HIGHLIGHT, fillOpacity: 0.25 } : HIGHLIGHT;
    if (!choropleth) return land;
    return { ...land, color: '#5f6b78', fillColor: colourOf(scale, config.shading?.values[code]), fillOpacity: shaded };
  };
  const show = (code: string) => {
    if (!info) return;
    info.hidden = false;
    info.textContent = describeRegion(code, config, choropleth);
  };
  const layer = L.geoJSON(shiftCollectionForDisplay(boundaries) as unknown as FeatureCollection, {
    style: (f) => styleOf((f?.properties as RegionProps).code),
    interactive: Boolean(info),
    onEachFeature: (f, path) => {
      const code = (f.properties as RegionProps).code;
      path.on('mouseover', () => show(code));
      path.on('add', () => wireFocus(path as Path, code, show, () => describeRegion(code, config, choropleth)));
    },
  });
  const setChoropleth = (on: boolean) => {
    choropleth = on;
    layer.eachLayer((l) => {
      const path = l as Path & { feature?: Feature };
      path.setStyle(styleOf((path.feature?.properties as RegionProps).code));
      const el = path.getElement();
      if (el && info) el.setAttribute('tabindex', on ? '0' : '-1');
    });
  };
  return { layer, setChoropleth };
}

/** Makes a region's SVG path a labelled focus target (reachable with Tab while the choropleth is on). */
function wireFocus(path: Path, code: string, show: (code: string) => void, label: () => string): void {
  const el = path.getElement();
  if (!el) return;
  el.setAttribute('tabindex', '-1');
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', label());
  el.addEventListener('focus', () => {
    el.setAttribute('aria-label', label());
    show(code);
  });
}
