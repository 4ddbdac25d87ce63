import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  appendFileSync,
  chmodSync,
  closeSync,
  constants,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import net from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMeiliClient, describeMeiliError, type MeiliClient } from './meili-client.ts';

/** Meilisearch refuses `--env production` with a master key shorter than this (bytes). */
export const MIN_MASTER_KEY_BYTES = 16;

/** Options for {@link startMeilisearch}. */
export interface StartMeiliOptions {
  /** Path of the Meilisearch 1.21 binary (see resolveMeiliConfig). */
  bin: string;
  /** LMDB database folder (Meilisearch creates it). Dumps, snapshots and the log go next to it. */
  dbPath: string;
  /** Master key, at least 16 bytes (see loadOrCreateMasterKey). */
  masterKey: string;
  /** Interface to listen on; keep the default loopback unless a proxy needs otherwise. */
  host?: string;
  /** TCP port; a free one is picked when omitted. */
  port?: number;
  /** Ports a picked free port must not be (a restart avoids the one the crashed process had). */
  avoidPorts?: readonly number[];
  /** Where stdout/stderr go (appended); default `${dbPath}/../meilisearch.log`. */
  logFile?: string;
  /** Meilisearch `--log-level`; default WARN so each search request is not logged. */
  logLevel?: 'OFF' | 'ERROR' | 'WARN' | 'INFO' | 'DEBUG' | 'TRACE';
  /** How long to wait for GET /health to say "available"; default 30 s. */
  startTimeoutMs?: number;
  /**
   * Meilisearch `--max-indexing-memory`; default 512MiB. Its own default (2/3 of the RAM) makes every
   * small indexing task allocate for seconds (measured: 3-6 s for one document on a 23 GB machine, 30-300 ms with 512MiB).
   */
  maxIndexingMemory?: string;
}

/** A running embedded Meilisearch. */
export interface MeiliProcess {
  url: string;
  port: number;
  pid: number;
  logFile: string;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. Idempotent. */
  stop(): Promise<void>;
  /** Resolves when the process exits for any reason (a supervisor restarts it on unexpected exits). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const HEALTH_POLL_MS = 100;
const DEFAULT_START_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const PORT_RETRIES = 3;
const DEFAULT_MAX_INDEXING_MEMORY = '512MiB';

/** Reads the master key from `keyFile`, or creates it (32 random bytes, hex, mode 0600) on first start. */
export function loadOrCreateMasterKey(keyFile: string): string {
  const existing = readKeyFile(keyFile);
  if (existing !== undefined) return existing;
  mkdirSync(dirname(keyFile), { recursive: true });
  const key = randomBytes(32).toString('hex');
  return createKeyFileAtomically(keyFile, key) ? key : (readKeyFile(keyFile) ?? key);
}

function readKeyFile(keyFile: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read the Meilisearch master key file ${keyFile}: ${(error as Error).message}`, { cause: error });
  }
  const key = text.trim();
  if (Buffer.byteLength(key) < MIN_MASTER_KEY_BYTES) {
    throw new Error(
      `The Meilisearch master key in ${keyFile} is ${Buffer.byteLength(key)} bytes; at least ${MIN_MASTER_KEY_BYTES} are needed. Delete the file to generate a new key.`,
    );
  }
  tightenMode(keyFile);
  return key;
}

function tightenMode(file: string): void {
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}

/** Writes a temp file (0600) and hard-links it into place, so readers never see a half-written key. */
function createKeyFileAtomically(keyFile: string, key: string): boolean {
  const tmp = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    appendFileSync(fd, `${key}\n`);
  } finally {
    closeSync(fd);
  }
  chmodSync(tmp, 0o600); // in case a umask or ACL widened it
  try {
    linkSync(tmp, keyFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false; // another process won the race
    throw error;
  } finally {
    unlinkSync(tmp);
  }
}

/** Polls GET {url}/health every 100 ms until it answers {"status":"available"}; rejects after timeoutMs. */
export async function waitForHealthy(url: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const meili = createMeiliClient({ url }, Math.min(1000, timeoutMs));
  let lastProblem = 'no answer yet';
  try {
    while (Date.now() < deadline) {
      signal?.throwIfAborted();
      const problem = await healthProblem(meili);
      if (problem === undefined) return;
      lastProblem = problem;
      await sleep(HEALTH_POLL_MS, undefined, signal ? { signal } : {});
    }
  } finally {
    await meili.close();
  }
  throw new Error(`Meilisearch at ${url} was not healthy within ${timeoutMs} ms (last: ${lastProblem}).`);
}

async function healthProblem(meili: MeiliClient): Promise<string | undefined> {
  try {
    const health = await meili.client.health();
    return health?.status === 'available' ? undefined : `status ${JSON.stringify(health)}`;
  } catch (error) {
    return describeMeiliError(error);
  }
}

/** Spawns Meilisearch on loopback with `--env production`, waits until healthy and returns a handle to stop it. */
export async function startMeilisearch(options: StartMeiliOptions): Promise<MeiliProcess> {
  assertKeyLength(options.masterKey);
  const host = options.host ?? '127.0.0.1';
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await findFreePort(host, options.avoidPorts ?? []));
    if (options.port !== undefined) await assertPortFree(host, port);
    try {
      return await startOnce({ ...options, host, port });
    } catch (error) {
      const retry = options.port === undefined && attempt < PORT_RETRIES && error instanceof PortTakenError;
      if (!retry) throw error;
    }
  }
}

function assertKeyLength(masterKey: string): void {
  const bytes = Buffer.byteLength(masterKey);
  if (bytes < MIN_MASTER_KEY_BYTES) {
    throw new Error(
      `Meilisearch master key is ${bytes} bytes; --env production needs at least ${MIN_MASTER_KEY_BYTES}. Use loadOrCreateMasterKey() or a longer MEILI_MASTER_KEY.`,
    );
  }
}

/** A free port that is none of `avoid`. */
async function findFreePort(host: string, avoid: readonly number[]): Promise<number> {
  for (;;) {
    const port = await anyFreePort(host);
    if (!avoid.includes(port)) return port;
  }
}

/** Asks the OS for a free port: bind to port 0, read it, close. */
function anyFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host, port: 0, exclusive: true }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function assertPortFree(host: string, port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new Error(`Cannot start Meilisearch on ${host}:${port}: ${error.code ?? error.message}. Choose another port or omit it to pick a free one.`, { cause: error })),
    );
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve()));
  });
}

class PortTakenError extends Error {}

interface ResolvedStart extends StartMeiliOptions {
  host: string;
  port: number;
}

async function startOnce(options: ResolvedStart): Promise<MeiliProcess> {
  const dataDir = dirname(options.dbPath);
  const logFile = options.logFile ?? join(dataDir, 'meilisearch.log');
  mkdirSync(dataDir, { recursive: true });
  mkdirSync(dirname(logFile), { recursive: true });
  const logStart = markLogStart(logFile, options);
  const child = spawnMeili(options, dataDir, logFile);
  const watched = watchChild(child);
  const url = `http://${hostPort(options.host, options.port)}`;
  try {
    await untilHealthyOrExit(url, options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS, watched, logFile, logStart);
  } catch (error) {
    await watched.stop();
    throw error;
  }
  return { url, port: options.port, pid: child.pid as number, logFile, stop: watched.stop, exited: watched.exited };
}

function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Appends a start marker and returns the log's size before it, so errors can quote this run only. */
function markLogStart(logFile: string, options: ResolvedStart): number {
  let size = 0;
  try {
    size = statSync(logFile).size;
  } catch {
    // new log file
  }
  appendFileSync(logFile, `\n--- ${new Date().toISOString()} starting ${options.bin} on ${hostPort(options.host, options.port)}\n`, {
    mode: 0o600,
  });
  return size;
}

function spawnMeili(options: ResolvedStart, dataDir: string, logFile: string): ChildProcess {
  const args = [
    '--db-path', options.dbPath,
    '--http-addr', hostPort(options.host, options.port),
    '--env', 'production',
    '--no-analytics',
    '--log-level', options.logLevel ?? 'WARN',
    '--max-indexing-memory', options.maxIndexingMemory ?? DEFAULT_MAX_INDEXING_MEMORY,
    '--dump-dir', join(dataDir, 'meilisearch-dumps'),
    '--snapshot-dir', join(dataDir, 'meilisearch-snapshots'),
  ];
  const logFd = openSync(logFile, 'a', 0o600);
  try {
    const [command, commandArgs] = withParentDeathSignal(options.bin, args);
    // The key goes through the environment, not argv: /proc/<pid>/cmdline is world-readable.
    return spawn(command, commandArgs, { cwd: dataDir, env: childEnv(options.masterKey), stdio: ['ignore', logFd, logFd] });
  } finally {
    closeSync(logFd);
  }
}

/** util-linux's setpriv where there is one (every Debian has it): it can start a program with a parent-death signal. */
const SETPRIV = process.platform === 'linux' ? ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => isExecutable(path)) : undefined;

/** Whether a file exists and may be executed. */
function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The command that runs `bin` so that the kernel sends it SIGTERM when the process that started it dies, even by
 * SIGKILL (the OOM killer, `kill -9`, tsx giving up on relaying a signal), when no exit handler of ours can run: a
 * Meilisearch left behind would hold its port and its database. Through setpriv, which execs the program (same pid);
 * without setpriv, or for a missing binary (whose spawn error must name it), `bin` itself.
 */
function withParentDeathSignal(bin: string, args: string[]): [string, string[]] {
  return SETPRIV && isExecutable(bin) ? [SETPRIV, ['--pdeathsig', 'SIGTERM', '--', bin, ...args]] : [bin, args];
}

/** Our environment minus inherited MEILI_* settings (so only our flags apply), plus the key and NO_COLOR. */
function childEnv(masterKey: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('MEILI_')) env[name] = value;
  }
  return { ...env, MEILI_MASTER_KEY: masterKey, NO_COLOR: '1' };
}

interface WatchedChild {
  /** Resolves when the process has exited (or failed to spawn). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: Error }>;
  stop(): Promise<void>;
}

/** Tracks exit, kills the child synchronously if Node exits first, and builds the idempotent stop(). */
function watchChild(child: ChildProcess): WatchedChild {
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; spawnError?: Error }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (spawnError) => {
      if (child.pid === undefined) resolve({ code: null, signal: null, spawnError });
    });
  });
  void exited.then(() => process.off('exit', killOnExit));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= terminate(child, exited));
  return { exited, stop };
}

async function terminate(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(timer);
  }
}

async function untilHealthyOrExit(
  url: string,
  timeoutMs: number,
  watched: WatchedChild,
  logFile: string,
  logStart: number,
): Promise<void> {
  const abort = new AbortController();
  const earlyExit = watched.exited.then((exit) => {
    abort.abort();
    throw exitError(exit, logFile, logStart);
  });
  try {
    await Promise.race([waitForHealthy(url, timeoutMs, abort.signal), earlyExit]);
  } catch (error) {
    // An abort of the health poll means the process exited: report the exit, not the abort.
    if (abort.signal.aborted) await earlyExit;
    throw error;
  } finally {
    abort.abort();
    earlyExit.catch(() => undefined);
  }
}

function exitError(
  exit: { code: number | null; signal: NodeJS.Signals | null; spawnError?: Error },
  logFile: string,
  logStart: number,
): Error {
  if (exit.spawnError) {
    return new Error(`Cannot run Meilisearch: ${exit.spawnError.message}. Check MEILI_BIN or the npm binary's run bit.`, {
      cause: exit.spawnError,
    });
  }
  const tail = logTail(logFile, logStart);
  const how = exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
  const message = `Meilisearch exited during startup with ${how}. Last lines of ${logFile}:\n${tail}`;
  return /address already in use/i.test(tail) ? new PortTakenError(message) : new Error(message);
}

/** The last 20 lines written since `from` (capped to 8 KB), without Rust's stack backtrace. */
function logTail(logFile: string, from: number): string {
  try {
    const size = statSync(logFile).size;
    const start = Math.max(from, size - 8192);
    const buf = Buffer.alloc(size - start);
    const fd = openSync(logFile, 'r');
    try {
      readSync(fd, buf, 0, buf.length, start);
    } finally {
      closeSync(fd);
    }
    const text = buf.toString('utf8').split('\nStack backtrace:')[0] ?? '';
    return text.trimEnd().split('\n').slice(-20).join('\n');
  } catch (error) {
    return `(log unreadable: ${(error as Error).message})`;
  }
}
