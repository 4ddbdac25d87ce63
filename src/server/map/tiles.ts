import { parseTileSetting, type TileSetting } from '../../lib/map/tiles';

let warned = false;

/** The optional tile layer from MAP_TILE_URL and MAP_TILE_ATTRIBUTION; a bad URL is logged once and ignored (the map still works). */
export function readTileSetting(env: NodeJS.ProcessEnv = process.env): TileSetting | null {
  try {
    return parseTileSetting(env.MAP_TILE_URL, env.MAP_TILE_ATTRIBUTION);
  } catch (error) {
    if (!warned) console.warn(`[map] ignoring the tile layer: ${(error as Error).message}`);
    warned = true;
    return null;
  }
}
