import type { ScenarioCode } from '../indexing/scenario';

/**
 * GeoJSON for the map: one Point feature per cluster with the fields its popup shows.
 * Profiles store { lat, lon } (latitude first, as people write coordinates); GeoJSON (RFC 7946 §3.1.1)
 * wants [longitude, latitude]. toPosition is the one place where the order is swapped.
 */

/** What a map feature needs of a cluster. */
export interface MapClusterInput {
  slug: string;
  name: { ru: string; en: string };
  city: { ru?: string; en?: string };
  region: string;
  industryGroup: string;
  location: { lat: number; lon: number };
  /** Overall internationalization index of the year, null when not ranked. */
  index: number | null;
  scenario: ScenarioCode;
}

/** Properties of one cluster feature: everything the popup shows, both languages. */
export interface ClusterFeatureProperties {
  slug: string;
  name: { ru: string; en: string };
  city: { ru?: string; en?: string };
  region: string;
  industryGroup: string;
  index: number | null;
  scenario: ScenarioCode;
}

/** A GeoJSON Point feature of one cluster. */
export interface ClusterFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: ClusterFeatureProperties;
}

/** The FeatureCollection the map endpoint serves; `year` is a foreign member (the year of index and scenario). */
export interface ClusterFeatureCollection {
  type: 'FeatureCollection';
  year: number | null;
  features: ClusterFeature[];
}

/**
 * The GeoJSON position of a location: [lon, lat] — the swap from the profile's { lat, lon } happens here.
 * Throws a RangeError naming the bad value when a coordinate is outside WGS 84 ranges.
 * @example toPosition({ lat: 50.55, lon: 137 }) // => [137, 50.55]
 */
export function toPosition(location: { lat: number; lon: number }): [number, number] {
  const { lat, lon } = location;
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw new RangeError(`latitude ${lat} is outside -90…90`);
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) throw new RangeError(`longitude ${lon} is outside -180…180`);
  return [lon, lat];
}

/** The Point feature of one cluster (its slug is the feature id). */
export function toClusterFeature(c: MapClusterInput): ClusterFeature {
  return {
    type: 'Feature',
    id: c.slug,
    geometry: { type: 'Point', coordinates: toPosition(c.location) },
    properties: { slug: c.slug, name: c.name, city: c.city, region: c.region, industryGroup: c.industryGroup, index: c.index, scenario: c.scenario },
  };
}

/** The FeatureCollection of the clusters, in the given order. */
export function toClusterFeatureCollection(clusters: readonly MapClusterInput[], year: number | null): ClusterFeatureCollection {
  return { type: 'FeatureCollection', year, features: clusters.map(toClusterFeature) };
}
