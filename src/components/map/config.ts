import type { Lang } from '../../lib/i18n/locales';
import type { DisplayBounds } from '../../lib/map/antimeridian';

/** How much map a page shows: the full map page, the home page overview, or a small map on a profile or region page. */
export type MapVariant = 'full' | 'overview' | 'compact';

/** Region shading as the island receives it (see src/server/map/choropleth.ts). */
export interface IslandShading {
  kind: 'index' | 'count';
  year: number | null;
  values: Record<string, number>;
}

/** Everything the server hands the Leaflet island, as JSON in the map's <script type="application/json">. */
export interface MapIslandConfig {
  lang: Lang;
  variant: MapVariant;
  /** The GeoJSON endpoint with the page's filters. */
  dataUrl: string;
  /** Profile URL with "{slug}" to fill in, in the page's language. */
  profileUrl: string;
  /** The comparison page in the page's language; the popup links to it with ?c=<slug>. */
  compareUrl: string;
  /** Region to outline and zoom to (compact maps). */
  region: string | null;
  /** Slug of the cluster to highlight (profile pages). */
  focus: string | null;
  /** Display bounds of the clusters (see pointsDisplayBounds), for the first view before any data arrives. */
  bounds: DisplayBounds | null;
  /** Display position [lat, lon] of the focused cluster, to centre the map on. */
  focusPoint: [number, number] | null;
  shading: IslandShading | null;
  regionNames: Record<string, string>;
  groupLabels: Record<string, string>;
  scenarioLabels: Record<string, string>;
  /** Interface strings, already in the page's language; {name} placeholders are filled in by the island. */
  strings: Record<
    'popupIndex' | 'notRanked' | 'profile' | 'compare' | 'groupLabel' | 'regionIndex' | 'regionCount' | 'regionNone' | 'attribution' | 'count' | 'loadError' | 'loading' | 'zoomIn' | 'zoomOut' | 'closePopup',
    string
  >;
}
