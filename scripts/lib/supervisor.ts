// Keeps the HTTP server (scripts/server.mjs) running under `npm start`: restarts it at once when it dies, gives
// up (and says why) when it keeps dying, stops it gracefully on shutdown.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { EXIT_PORT_IN_USE, SHUTDOWN_GRACE_MS } from './server-exit-codes.mjs';

/** More restarts than this within RESTART_WINDOW_MS means the server cannot run: the supervisor gives up. */
export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 60_000;

/** A supervised server process. */
export interface SupervisedServer {
  /** The process serving now (a new one after each restart). */
  current(): ChildProcess;
  /** Sends a message to the server now and after each restart (e.g. a new Meilisearch URL). */
  broadcast(message: { type: string }): void;
  /** SIGTERM, then SIGKILL after the server's grace period; resolves once it has exited. */
  stop(): Promise<void>;
}

/** What the supervisor tells its owner. */
export interface SupervisorOptions {
  /** Called once when the server cannot be kept running, with the exit code `npm start` should end with. */
  onGiveUp: (code: number) => void;
  env?: NodeJS.ProcessEnv;
}

/** null when `port` can be bound on `host`; otherwise one sentence naming the port and what to do. */
export function portInUse(host: string, port: number): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'EADDRINUSE' ? `port ${port} is already in use on ${host}: stop what runs there or set PORT to a free port` : `cannot listen on ${host}:${port}: ${error.message}`),
    );
    probe.listen(port, host, () => probe.close(() => resolve(null)));
  });
}

/** Whether the restarts recorded (times in ms) exceed the limit within the window ending now. */
export function tooManyRestarts(restartTimes: readonly number[], now: number, max = MAX_RESTARTS, windowMs = RESTART_WINDOW_MS): boolean {
  return restartTimes.filter((t) => now - t < windowMs).length > max;
}

/**
 * Starts `script` under this node and restarts it immediately whenever it exits unexpectedly (the portal
 * answers again as soon as the new process listens, about half a second). A port in use or more than
 * MAX_RESTARTS restarts in RESTART_WINDOW_MS make it give up with a log line saying why.
 */
export function superviseServer(script: string, options: SupervisorOptions): SupervisedServer {
  const restarts: number[] = [];
  // The latest message of each type, sent to every new server process (a restarted one needs them too).
  const messages = new Map<string, object>();
  let stopping = false;
  let child = launch();

  function launch(): ChildProcess {
    // An IPC channel: messages from the supervisor, and the server notices if the supervisor vanishes.
    const started = spawn(process.execPath, [script], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: options.env ?? process.env });
    started.on('spawn', () => messages.forEach((m) => started.send(m)));
    started.on('exit', (code, signal) => onExit(started, code, signal));
    return started;
  }

  function onExit(exited: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (stopping || exited !== child) return;
    if (code === EXIT_PORT_IN_USE) {
      console.error('[start] the server cannot listen (its port is taken); stopping');
      return options.onGiveUp(1);
    }
    const now = Date.now();
    restarts.push(now);
    if (tooManyRestarts(restarts, now)) {
      console.error(`[start] the server exited ${restarts.length} times within ${RESTART_WINDOW_MS / 1000} s (last: ${signal ?? `code ${code}`}); giving up — see the errors above`);
      return options.onGiveUp(1);
    }
    console.error(`[start] the server exited (${signal ?? `code ${code}`}); restarting it`);
    child = launch();
  }

  return {
    current: () => child,
    broadcast(message) {
      messages.set(String((message as { type?: unknown }).type), message);
      if (child.connected) child.send(message);
    },
    async stop() {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS + 2000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
