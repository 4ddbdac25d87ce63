/**
 * Optional tile layer for deployments with internet: MAP_TILE_URL is a Leaflet URL template such as
 * https://tile.example.org/{z}/{x}/{y}.png; without it the map draws only the bundled region boundaries.
 */

/** A tile layer to add under the boundaries. */
export interface TileSetting {
  url: string;
  attribution: string;
}

/**
 * The tile setting from the two environment values, or null when MAP_TILE_URL is unset.
 * Throws an Error naming the bad value when the URL is not an http(s) or root-relative template with {z}, {x} and {y}.
 */
export function parseTileSetting(url: string | undefined, attribution: string | undefined): TileSetting | null {
  const template = url?.trim();
  if (!template) return null;
  if (!/^(https?:\/\/|\/)/.test(template) || !['{z}', '{x}', '{y}'].every((p) => template.includes(p)))
    throw new Error(`MAP_TILE_URL "${template}" must be an http(s):// or /-relative URL template containing {z}, {x} and {y}`);
  return { url: template, attribution: attribution?.trim() ?? '' };
}
