import type { Lang } from '../../lib/i18n/locales';

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
  /** Region to outline and zoom to (compact maps). */
  region: string | null;
  /** Slug of the cluster to highlight (profile pages). */
  focus: string | null;
  /** Number of clusters the server found for the filters, to check the GeoJSON against. */
  expected: number;
  shading: IslandShading | null;
  regionNames: Record<string, string>;
  groupLabels: Record<string, string>;
  scenarioLabels: Record<string, string>;
  /** Interface strings, already in the page's language; {name} placeholders are filled in by the island. */
  strings: Record<
    'popupIndex' | 'notRanked' | 'profile' | 'groupLabel' | 'regionIndex' | 'regionCount' | 'regionNone' | 'attribution' | 'count' | 'loadError' | 'loading',
    string
  >;
}
