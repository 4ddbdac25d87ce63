import type { Lang } from '../i18n/locales';

/**
 * Zoom from which the clusters' city names show beside their markers and groups: every zoom, since labels that
 * would collide are left out (see label-declutter.ts), so even the country view names a few places.
 */
export const CITY_LABEL_MIN_ZOOM = 0;
/** Zoom from which region names show (the country view would drown in 83 names). */
export const REGION_LABEL_MIN_ZOOM = 6;

/** Which place labels a map shows at a zoom level. */
export function labelsAtZoom(zoom: number): { cities: boolean; regions: boolean } {
  return { cities: zoom >= CITY_LABEL_MIN_ZOOM, regions: zoom >= REGION_LABEL_MIN_ZOOM };
}

/** A cluster's city in the language, else in the other one; null when the cluster names no city. */
export function cityNameOf(city: { ru?: string; en?: string }, lang: Lang): string | null {
  return city[lang] || city[lang === 'ru' ? 'en' : 'ru'] || null;
}

/**
 * The city to name a group of markers by: the one holding more than half of the group's clusters. A group spread
 * over several cities with none of them in the majority gets no name (its count shows on its icon): naming it by
 * one of them would say that all of its clusters are there. Null also when no member names a city.
 *
 * @example groupLabelCity(['Moscow', 'Dubna', 'Moscow']) // => 'Moscow'
 * @example groupLabelCity(['Troitsk', 'Dubna', 'Moscow', 'Zelenograd']) // => null
 */
export function groupLabelCity(cities: ReadonlyArray<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const city of cities) if (city) counts.set(city, (counts.get(city) ?? 0) + 1);
  for (const [city, count] of counts) if (count * 2 > cities.length) return city;
  return null;
}
