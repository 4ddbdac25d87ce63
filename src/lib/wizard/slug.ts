/** Addresses of new registrations: derived from the English name unless the manager typed one. */

/** Longest address (as the profile schema allows). */
export const SLUG_MAX = 80;

/** A URL-safe address made of a name: lowercase latin letters and digits joined by single hyphens. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, '');
}
