import { searchAnswer } from '../api/search-answer';
import { guardedExportResponse } from '../export/answer';
import { readTileSetting } from '../map/tiles';
import { followSearchUrlChanges } from '../search/runtime';
import { getStore } from '../store';
import { createGate, type AstroHandler, type DirectRoute, type StreamRoute } from './gate';

export { refuseConnect, refuseMalformed } from './gate';
import { tileOriginOf } from './security-headers';

/**
 * Entry of the built server's gate (astro.config.mjs builds it as dist/server/server-gate.mjs beside Astro's
 * entry, sharing its chunks, so the gate, the pages and the direct routes use one store and one search runtime).
 */

/** Routes answered on node's own objects, skipping the conversion to Web Request/Response (the search API). */
const DIRECT_ROUTES: ReadonlyMap<string, DirectRoute> = new Map([['/api/v1/search', searchAnswer]]);

/** Exports, streamed to the socket with backpressure (the same answers as their Astro routes, which `astro dev` serves). */
const STREAM_ROUTES: ReadonlyMap<string, StreamRoute> = new Map([
  ['/api/v1/clusters.csv', (url: URL) => guardedExportResponse(getStore(), 'csv', url)],
  ['/api/v1/clusters.json', (url: URL) => guardedExportResponse(getStore(), 'json', url)],
  ['/api/v1/clusters.export.geojson', (url: URL) => guardedExportResponse(getStore(), 'geojson', url)],
]);

/** Whether TRUST_PROXY says a proxy in front sets X-Forwarded-Proto truthfully ("1", "true", "yes"). */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(1|true|yes)$/i.test(env.TRUST_PROXY?.trim() ?? '');
}

/** The portal's gate around Astro's handler, configured from the environment (TRUST_PROXY, MAP_TILE_URL). */
export function createPortalGate(astroHandler: AstroHandler, clientDir: string) {
  // From the first moment, also on standby: a Meilisearch restarted meanwhile has a new port (scripts/start.ts).
  followSearchUrlChanges();
  return createGate({
    astroHandler,
    clientDir,
    directRoutes: DIRECT_ROUTES,
    streamRoutes: STREAM_ROUTES,
    dataVersion: async () => (await getStore()).clusters.dataVersion(),
    trustProxy: trustProxyFromEnv(),
    tileOrigin: tileOriginOf(readTileSetting()?.url),
  });
}

/** Opens the store ahead of the first request (a standby server does this before it is asked to listen). */
export async function warmUp(): Promise<void> {
  await getStore();
}
