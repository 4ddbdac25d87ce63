// The portal's HTTP server (plain JavaScript, so no TypeScript loader sits on the request path). Every request
// goes through the gate (dist/server/server-gate.mjs, built from src/server/gate/: security headers, methods,
// built files, direct routes, cache) and Astro's handler (@astrojs/node in middleware mode) behind it.
// Started and supervised by `npm start` (scripts/start.ts). Environment: HOST (0.0.0.0), PORT (4321).
import http from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_PORT_IN_USE, SHUTDOWN_GRACE_MS } from './lib/server-exit-codes.mjs';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const { handler } = await import(join(root, 'dist', 'server', 'entry.mjs'));
const { createPortalGate, refuseConnect, refuseMalformed, warmUp } = await import(join(root, 'dist', 'server', 'server-gate.mjs'));

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 4321);
const server = http.createServer(createPortalGate(handler, join(root, 'dist', 'client')));
server.keepAliveTimeout = 65_000;
server.on('connect', refuseConnect);
server.on('clientError', refuseMalformed);

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(`[server] port ${port} is already in use on ${host}: stop what runs there or set PORT to a free port`);
    process.exit(EXIT_PORT_IN_USE);
  }
  throw error;
});
/** Starts taking requests. */
function listen() {
  server.listen(port, host, () => {
    console.log(`[server] listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
  });
}

if (process.env.PORTAL_STANDBY === '1' && process.send) {
  // On standby (scripts/lib/supervisor.ts): loaded and warm, listening only once the serving process is gone.
  process.on('message', (message) => {
    if (message?.type === 'listen') listen();
  });
  await warmUp();
  process.send({ type: 'ready' });
  console.log('[server] loaded on standby');
} else listen();

let stopping = false;
/** Stops taking connections, lets requests in flight finish (up to SHUTDOWN_GRACE_MS), then exits. */
function shutdown() {
  if (stopping) return;
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // Kept-alive connections that go idle after their last answer are closed too, so close() can finish.
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  idleSweep.unref();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, SHUTDOWN_GRACE_MS).unref();
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, shutdown);
// The supervisor's IPC channel closing means it is gone (even by SIGKILL): do not live on as an orphan.
process.on('disconnect', shutdown);
