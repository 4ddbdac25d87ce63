/**
 * The floor for bench:map: a bare page that draws the same GeoJSON with plain Leaflet and markercluster, served
 * gzip-compressed from memory by a throwaway local server. Nothing of the portal's own code runs on it, so the gap
 * between the portal's /map and this page is what the portal adds (boundaries, labels, controls, popups).
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** The page: same initial view as /map's full variant, markers clustered as the portal clusters them, a mark once the frame after addLayers is painted. */
const FLOOR_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Leaflet floor</title>
<link rel="stylesheet" href="/leaflet.css"><link rel="stylesheet" href="/MarkerCluster.css"><link rel="stylesheet" href="/MarkerCluster.Default.css">
<style>html,body{margin:0}#map{height:70vh}.m{width:16px;height:16px;border-radius:50%;background:#555}</style></head>
<body><div id="map"></div>
<script src="/leaflet.js"></script><script src="/leaflet.markercluster.js"></script>
<script>
(async () => {
  const map = L.map('map', { minZoom: 2, maxZoom: 12 }).fitBounds([[41.2, 19.6], [81.9, 190.5]], { padding: [24, 24], maxZoom: 6, animate: false });
  const data = await (await fetch('/clusters.geojson')).json();
  const icon = L.divIcon({ className: 'm', iconSize: [16, 16] });
  const group = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 48, removeOutsideVisibleBounds: true });
  group.addLayers(data.features.map((f) => L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], { icon, title: f.properties.name.en })));
  map.addLayer(group);
  requestAnimationFrame(() => setTimeout(() => {
    performance.mark('map:interactive');
    document.body.dataset.featureCount = String(data.features.length);
    document.body.dataset.state = 'ready';
  }, 0));
})();
</script></body></html>`;

/** A file of the floor page: its type and gzip body. */
interface Served {
  type: string;
  gzip: Buffer;
}

/** Starts the floor server on a free local port with the given GeoJSON bytes; resolves with its URL and a stop function. */
export async function startMapFloor(geojson: Buffer): Promise<{ url: string; stop: () => Promise<void> }> {
  const file = (pkgPath: string) => readFileSync(require.resolve(pkgPath));
  const entries: Record<string, { type: string; body: Buffer }> = {
    '/': { type: 'text/html; charset=utf-8', body: Buffer.from(FLOOR_HTML) },
    '/leaflet.js': { type: 'text/javascript', body: file('leaflet/dist/leaflet.js') },
    '/leaflet.css': { type: 'text/css', body: file('leaflet/dist/leaflet.css') },
    '/leaflet.markercluster.js': { type: 'text/javascript', body: file('leaflet.markercluster/dist/leaflet.markercluster.js') },
    '/MarkerCluster.css': { type: 'text/css', body: file('leaflet.markercluster/dist/MarkerCluster.css') },
    '/MarkerCluster.Default.css': { type: 'text/css', body: file('leaflet.markercluster/dist/MarkerCluster.Default.css') },
    '/clusters.geojson': { type: 'application/geo+json', body: geojson },
  };
  const served = new Map<string, Served>(Object.entries(entries).map(([path, e]) => [path, { type: e.type, gzip: gzipSync(e.body) }]));
  const server = http.createServer((req, res) => {
    const hit = served.get(new URL(req.url ?? '/', 'http://floor').pathname);
    if (!hit) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': hit.type, 'content-encoding': 'gzip', 'content-length': hit.gzip.length, 'cache-control': 'no-cache' }).end(hit.gzip);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
