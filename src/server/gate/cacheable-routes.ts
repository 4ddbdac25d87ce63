/**
 * Astro routes whose successful GET answer depends only on the URL and the stored data (no session, no search
 * engine state, no request header): src/middleware.ts marks their answers so the gate may cache them per data
 * version. A route is cacheable only when listed here (opt-in: new routes, account pages above all, are not).
 */
export const DATA_ONLY_ROUTES: ReadonlySet<string> = new Set([
  '/[...lang]',
  '/[...lang]/clusters',
  '/[...lang]/clusters/[slug]',
  '/[...lang]/analytics',
  '/[...lang]/map',
  '/[...lang]/regions/[code]',
  '/[...lang]/what-if',
  '/api/v1/clusters',
  '/api/v1/clusters/[slug]',
  '/api/v1/clusters.geojson',
  '/api/v1/partners',
  '/[...lang]/partners',
  '/[...lang]/compare',
  '/[...lang]/clusters/[slug]/factsheet',
  '/[...lang]/api',
]);
