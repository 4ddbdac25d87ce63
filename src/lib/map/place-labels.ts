import type { Lang } from '../i18n/locales';

/** Zoom from which the clusters' city names show beside their markers. */
export const CITY_LABEL_MIN_ZOOM = 5;
/** Zoom from which region names show (the country view would drown in 83 names). */
export const REGION_LABEL_MIN_ZOOM = 6;

/** Which place labels a map shows at a zoom level. */
export function labelsAtZoom(zoom: number): { cities: boolean; regions: boolean } {
  return { cities: zoom >= CITY_LABEL_MIN_ZOOM, regions: zoom >= REGION_LABEL_MIN_ZOOM };
}

/** A city name at a point (GeoJSON [lon, lat] turned to lat/lon). */
export interface CityLabel {
  name: string;
  lat: number;
  lon: number;
}

/**
 * One label per city of the clusters, in the language (the other language when the city has no name in it),
 * e.g. two St Petersburg clusters give one "Saint Petersburg".
 *
 * @example cityLabels([{ geometry: { coordinates: [30.3, 59.9] }, properties: { city: { en: 'Saint Petersburg' } } }], 'en')
 * // => [{ name: 'Saint Petersburg', lat: 59.9, lon: 30.3 }]
 */
export function cityLabels(features: ReadonlyArray<{ geometry: { coordinates: [number, number] }; properties: { city: { ru?: string; en?: string } } }>, lang: Lang): CityLabel[] {
  const other: Lang = lang === 'ru' ? 'en' : 'ru';
  const seen = new Map<string, CityLabel>();
  for (const f of features) {
    const name = f.properties.city[lang] ?? f.properties.city[other];
    if (!name || seen.has(name)) continue;
    const [lon, lat] = f.geometry.coordinates;
    seen.set(name, { name, lat, lon });
  }
  return [...seen.values()];
}
