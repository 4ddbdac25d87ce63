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

/** A member of a marker group, for its label: its city (null: none) and its distance from the group's icon. */
export interface GroupMember {
  city: string | null;
  distance: number;
}

/**
 * The city to name a group of markers by: the one holding most of the group's clusters (the group's biggest city
 * as far as the map knows); a tie goes to the city nearest the group's icon, then to the first name in code order,
 * so the same group always gets the same name. Null when no member names a city.
 *
 * @example groupLabelCity([{ city: 'Dubna', distance: 9 }, { city: 'Moscow', distance: 2 }, { city: 'Moscow', distance: 3 }]) // => 'Moscow'
 */
export function groupLabelCity(members: readonly GroupMember[]): string | null {
  const byCity = new Map<string, { count: number; nearest: number }>();
  for (const m of members) {
    if (!m.city) continue;
    const entry = byCity.get(m.city) ?? { count: 0, nearest: Infinity };
    entry.count += 1;
    entry.nearest = Math.min(entry.nearest, m.distance);
    byCity.set(m.city, entry);
  }
  let best: string | null = null;
  for (const [city, e] of byCity) {
    const b = best === null ? null : byCity.get(best)!;
    if (!b || e.count > b.count || (e.count === b.count && (e.nearest < b.nearest || (e.nearest === b.nearest && city < best!)))) best = city;
  }
  return best;
}
