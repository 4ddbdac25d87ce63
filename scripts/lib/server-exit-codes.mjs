// What the HTTP server (scripts/server.mjs) and its supervisor (scripts/start.ts) agree on.

/** The server exits with this code when its port is taken: the supervisor gives up instead of restarting. */
export const EXIT_PORT_IN_USE = 3;

/** How long requests in flight may take to finish after SIGTERM/SIGINT before the server exits anyway. */
export const SHUTDOWN_GRACE_MS = 10_000;
