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
  broadcast(message: { type: string; [field: string]: unknown }): void;
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
 * Starts `script` under this node and keeps a second copy of it loaded on standby (`PORTAL_STANDBY=1`: it loads
 * the portal, says `ready`, and listens only when told). When the serving process dies, the standby is told to
 * listen at once (the portal answers again within milliseconds, not the second or so a cold start takes) and a
 * new standby is started. A port in use, or more than MAX_RESTARTS unexpected exits in RESTART_WINDOW_MS, make
 * it give up with a log line saying why.
 */
export function superviseServer(script: string, options: SupervisorOptions): SupervisedServer {
  const restarts: number[] = [];
  // The latest message of each type, sent to every new server process (a promoted standby needs them too).
  const messages = new Map<string, object>();
  const ready = new WeakSet<ChildProcess>();
  let stopping = false;
  let active = launch(false);
  let standby: ChildProcess | null = launch(true);

  function launch(asStandby: boolean): ChildProcess {
    // An IPC channel: messages from the supervisor, and the server notices if the supervisor vanishes.
    const env = { ...(options.env ?? process.env), PORTAL_STANDBY: asStandby ? '1' : '' };
    const started = spawn(process.execPath, [script], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env });
    started.on('spawn', () => messages.forEach((m) => started.send(m)));
    started.on('message', (message: { type?: string }) => {
      if (message?.type === 'ready') ready.add(started);
    });
    started.on('exit', (code, signal) => onExit(started, code, signal));
    return started;
  }

  /** Makes the standby serve (or starts a cold one when it is not loaded yet) and starts a new standby. */
  function replaceActive(): void {
    if (standby && ready.has(standby) && standby.connected) {
      active = standby;
      active.send({ type: 'listen' });
    } else {
      standby?.kill('SIGKILL');
      active = launch(false);
    }
    standby = launch(true);
  }

  function onExit(exited: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (stopping || (exited !== active && exited !== standby)) return;
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
    if (exited === standby) {
      console.error(`[start] the standby server exited (${signal ?? `code ${code}`}); starting another`);
      standby = launch(true);
      return;
    }
    console.error(`[start] the server exited (${signal ?? `code ${code}`}); the standby takes over`);
    replaceActive();
  }

  /** SIGTERM, then SIGKILL after the grace period; resolves once the process has exited. */
  async function stopProcess(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS + 2000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  return {
    current: () => active,
    broadcast(message) {
      messages.set(message.type, message);
      for (const child of [active, standby]) if (child?.connected) child.send(message);
    },
    async stop() {
      stopping = true;
      await Promise.all([active, standby].filter((c): c is ChildProcess => c !== null).map(stopProcess));
    },
  };
}
