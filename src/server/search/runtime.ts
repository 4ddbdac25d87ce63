import type { Meilisearch } from 'meilisearch';
import type { Store } from '../store';
import { ensureSettings, IndexSync } from './index-sync';
import { DEFAULT_INDEX_UID, readMeiliSettings } from './meili-config';
import { createMeiliClient, describeMeiliError, indexExists, isMeiliUnavailable, type MeiliClient, type MeiliConnection } from './meili-client';
import { rebuildIndex } from './reindex';
import { ensureSearchKey } from './search-key';

/** ready: Meilisearch answers searches; starting/unavailable: the FTS5 fallback does; disabled: no Meilisearch configured. */
export type SearchState = 'starting' | 'ready' | 'unavailable' | 'disabled';

/** How a runtime connects and how often it works. */
export interface SearchRuntimeOptions {
  /** null: no Meilisearch (always fallback), with the reason in `disabledReason`. `apiKey` is the master key. */
  connection: MeiliConnection | null;
  disabledReason?: string;
  indexUid?: string;
  /** Outbox poll interval while healthy (default 500 ms). */
  pollMs?: number;
  /** First and longest wait between probes while Meilisearch is unavailable (default 250 ms … 5 s). */
  retryMinMs?: number;
  retryMaxMs?: number;
  /** Deadline of one search request; a slower Meilisearch is treated as unavailable (default 2 s). */
  searchTimeoutMs?: number;
}

/** Deadline of one indexing or settings request (the tasks themselves are awaited separately). */
const ADMIN_TIMEOUT_MS = 10_000;

/** Meilisearch answers /health, but not with "available" yet (it is starting): expected, not worth a stack trace. */
class MeiliNotReadyError extends Error {
  override name = 'MeiliNotReadyError';
}

/** What /api/v1/health reports about search. */
export interface SearchStatus {
  mode: 'meilisearch' | 'fallback';
  state: SearchState;
  reason: string | null;
  /** Outbox rows not yet delivered to Meilisearch. */
  pending: number;
}

/**
 * Search for one store in one process: the Meilisearch connection, its state, and the worker loop that
 * bootstraps the index (catch-up on start), delivers the outbox, refreshes the relative index fields,
 * and probes with backoff while Meilisearch is down, switching back to normal mode when it returns.
 */
export class SearchRuntime {
  readonly indexUid: string;
  private connection: MeiliConnection | null;
  /** Master-key client: indexing, settings and the search key only. */
  private adminConnection: MeiliClient | null;
  /** Search-only-key client, made by the bootstrap; the only one searches use. */
  private searchConnection: MeiliClient | null = null;
  /** Bumped when the URL changes, so a bootstrap against the old URL cannot declare the new one ready. */
  private generation = 0;
  private state: SearchState;
  private reason: string | null;
  private sync: IndexSync | null = null;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private failures = 0;

  constructor(
    private readonly store: Store,
    private readonly options: SearchRuntimeOptions,
  ) {
    this.indexUid = options.indexUid ?? DEFAULT_INDEX_UID;
    this.connection = options.connection;
    this.adminConnection = this.connection ? createMeiliClient(this.connection, ADMIN_TIMEOUT_MS) : null;
    this.state = this.connection ? 'starting' : 'disabled';
    this.reason = this.connection ? 'building or checking the index' : (options.disabledReason ?? 'Meilisearch is not configured');
  }

  /** The master-key client (indexing, settings), or null without Meilisearch. Never used for searches. */
  get admin(): Meilisearch | null {
    return this.adminConnection?.client ?? null;
  }

  /** The search-only-key client searches go through; null until the first bootstrap made the key. */
  get searcher(): Meilisearch | null {
    return this.searchConnection?.client ?? null;
  }

  /** The Meilisearch URL in use, or null without Meilisearch (or while it restarts). */
  url(): string | null {
    return this.connection?.url || null;
  }

  /**
   * Points the runtime at Meilisearch's new URL (the embedded one was restarted on a fresh port): searches use
   * the fallback until the loop has checked the index there and made the search key again. `null` means it
   * died: nothing is sent anywhere (another process may bind the old port) until a URL is given again.
   */
  useUrl(url: string | null): void {
    if (!this.connection || url === this.url()) return;
    const old = [this.adminConnection, this.searchConnection];
    this.connection = { ...this.connection, url: url ?? '' };
    this.adminConnection = url === null ? null : createMeiliClient(this.connection, ADMIN_TIMEOUT_MS);
    this.searchConnection = null;
    this.sync = null;
    this.generation++;
    this.failures = 0;
    if (url === null) this.setState('unavailable', 'Meilisearch stopped; waiting for it to restart');
    else {
      console.log(`[search] Meilisearch is now at ${url}; searches use the fallback until its index is checked`);
      this.setState('starting', `Meilisearch moved to ${url}; checking the index there`);
    }
    // close() lets requests in flight finish (they fail against the dead server anyway).
    for (const connection of old) void connection?.close().catch(() => undefined);
    this.wakeUp?.();
  }

  /** Starts the worker loop (idempotent; does nothing without Meilisearch). */
  start(): this {
    if (this.running || !this.connection) return this;
    this.running = true;
    this.loopDone = this.loop();
    return this;
  }

  /** Stops the loop, waits for the step in progress and closes the connection. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loopDone;
    await Promise.all([this.adminConnection?.close(), this.searchConnection?.close()]);
  }

  /** Which engine answers searches now. */
  mode(): 'meilisearch' | 'fallback' {
    return this.state === 'ready' ? 'meilisearch' : 'fallback';
  }

  /** The state, its reason and the outbox backlog. */
  async status(): Promise<SearchStatus> {
    return { mode: this.mode(), state: this.state, reason: this.reason, pending: await this.store.searchOutbox.pendingCount() };
  }

  /** A search against Meilisearch failed: switch to the fallback and let the loop probe until it is back. */
  reportFailure(error: unknown): void {
    if (!isMeiliUnavailable(error)) {
      console.error(`[search] Meilisearch rejected a search; answering from the fallback: ${describeMeiliError(error)}`);
      return;
    }
    this.setState('unavailable', describeMeiliError(error));
    this.wakeUp?.();
  }

  /** Resolves once searches go to Meilisearch (tests, scripts); rejects with the last reason after timeoutMs. */
  async whenReady(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.state !== 'ready') {
      if (Date.now() > deadline) throw new Error(`search did not become ready within ${timeoutMs} ms (${this.state}: ${this.reason})`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Resolves once the outbox is empty and the index is ready (tests). */
  async whenDrained(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.state !== 'ready' || (await this.status()).pending > 0) {
      if (Date.now() > deadline) throw new Error(`outbox not drained within ${timeoutMs} ms (${this.state}, ${(await this.status()).pending} pending)`);
      this.wakeUp?.();
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Wakes the loop now (after a change, so it need not wait for the next poll). */
  nudge(): void {
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      if (!this.store.isOpen()) {
        // The store was closed (closeStore, shutdown): this runtime has nothing left to sync.
        this.running = false;
        break;
      }
      if (!this.adminConnection) {
        // Meilisearch died and has no new URL yet (useUrl(null)): wait to be woken by useUrl.
        await this.pause(60_000);
        continue;
      }
      let delay: number;
      const generation = this.generation;
      try {
        if (this.state !== 'ready') {
          await this.bootstrap();
          // A URL change during the bootstrap: check again at the new URL before searches go there.
          if (generation === this.generation) {
            this.failures = 0;
            this.setState('ready', null);
          }
          delay = 0;
        } else {
          const sync = this.sync!; // useUrl() may drop it while this step runs
          const more = await sync.deliverBatch();
          await sync.refreshAnalytics();
          delay = more ? 0 : (this.options.pollMs ?? 500);
        }
      } catch (error) {
        // A step against the old URL failed after a URL change: go to the new one now, without backoff.
        delay = generation === this.generation ? this.onLoopError(error) : 0;
      }
      await this.pause(delay);
    }
  }

  /**
   * Makes the index whole before searches use it again: creates it with a full build when missing, applies
   * changed settings, delivers every pending outbox row, rebuilds when the document count still disagrees
   * with SQLite, reads back the index/scenario fields and refreshes them, then finds or makes the search-only
   * key that searches will use.
   */
  private async bootstrap(): Promise<void> {
    const { client, url } = this.adminConnection!;
    const generation = this.generation;
    const { status } = await client.health();
    if (status !== 'available') throw new MeiliNotReadyError(`Meilisearch at ${url} answers /health with "${status}", not "available" yet`);
    const sync = (this.sync ??= new IndexSync(this.store, client, this.indexUid));
    if (!(await indexExists(client, this.indexUid))) await this.rebuild('the index does not exist');
    // New settings usually come with a new document field (e.g. federalDistrict): rebuild so every document has it.
    else if (await ensureSettings(client, this.indexUid)) await this.rebuild('the index settings changed');
    while (await sync.deliverBatch()) {
      // drain the backlog of the outage
    }
    const [indexed, expected] = [(await client.index(this.indexUid).getStats()).numberOfDocuments, await this.store.clusters.countPublic()];
    if (indexed !== expected) await this.rebuild(`the index holds ${indexed} documents, SQLite has ${expected} public profiles`);
    await sync.loadMirror();
    await sync.refreshAnalytics();
    const searchKey = await ensureSearchKey(client, this.indexUid);
    if (generation === this.generation) await this.connectSearcher(url, searchKey);
  }

  /** Makes the search-only client for this URL and key, unless the current one already uses them. */
  private async connectSearcher(url: string, searchKey: string): Promise<void> {
    const current = this.searchConnection;
    if (current && current.url === url && current.client.config.apiKey === searchKey) return;
    this.searchConnection = createMeiliClient({ url, apiKey: searchKey }, this.options.searchTimeoutMs ?? 2000);
    await current?.close();
  }

  private async rebuild(why: string): Promise<void> {
    console.log(`[search] building the "${this.indexUid}" index from SQLite: ${why}`);
    const report = await rebuildIndex(this.store, this.adminConnection!.client, this.indexUid);
    console.log(`[search] indexed ${report.documents} profiles in ${report.ms} ms`);
  }

  /** Logs a failure once per state change and returns the backoff before the next attempt. */
  private onLoopError(error: unknown): number {
    this.failures++;
    const reason = describeMeiliError(error);
    const expected = isMeiliUnavailable(error) || error instanceof MeiliNotReadyError;
    if (!expected) console.error(`[search] search sync failed; retrying with backoff: ${reason}`, error);
    this.setState('unavailable', reason);
    const min = this.options.retryMinMs ?? 250;
    return Math.min(min * 2 ** (this.failures - 1), this.options.retryMaxMs ?? 5000);
  }

  private setState(state: SearchState, reason: string | null): void {
    if (state !== this.state) {
      if (state === 'ready') console.log(`[search] Meilisearch index "${this.indexUid}" is ready; searches use it`);
      else if (this.state === 'ready' || this.state === 'starting') console.warn(`[search] using the SQLite fallback: ${reason}`);
    }
    this.state = state;
    this.reason = reason;
  }

  /** Sleeps, unless woken by nudge()/stop(); never keeps the process alive by itself. */
  private pause(ms: number): Promise<void> {
    if (ms <= 0 || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wakeUp = null;
        resolve();
      }
      this.wakeUp = done;
    });
  }
}

const runtimes = new WeakMap<Store, SearchRuntime>();
/** Runtimes made from the environment: they follow MEILI_URL when npm start announces a new one. */
const fromEnvironment = new Set<SearchRuntime>();

/** Connection settings from the MEILI_* environment (read by readMeiliSettings, the one set of rules); bad settings disable search with the reason. */
export function runtimeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SearchRuntimeOptions {
  let settings;
  try {
    settings = readMeiliSettings(env);
  } catch (error) {
    return { connection: null, disabledReason: (error as Error).message };
  }
  if (settings.url === undefined) {
    return { connection: null, disabledReason: 'MEILI_URL is not set (npm start sets it; with astro dev, set MEILI_URL and MEILI_MASTER_KEY)', indexUid: settings.indexUid };
  }
  return { connection: { url: settings.url, apiKey: settings.masterKey! }, indexUid: settings.indexUid };
}

/** The store's search runtime, created from the environment and started on first use (the outbox worker lives here). */
export function getSearchRuntime(store: Store): SearchRuntime {
  let runtime = runtimes.get(store);
  if (!runtime) {
    runtime = new SearchRuntime(store, runtimeOptionsFromEnv()).start();
    runtimes.set(store, runtime);
    if (runtime.url() !== null) {
      fromEnvironment.add(runtime);
      // Also here, in case the server entry did not call it: npm start announces a restarted Meilisearch over IPC.
      followSearchUrlChanges();
    }
  }
  return runtime;
}

/**
 * The message scripts/start.ts sends the server when the embedded Meilisearch died (url null: contact nothing)
 * and after restarting it on a fresh port (its new url).
 */
export interface MeiliUrlMessage {
  type: 'meili-url';
  url: string | null;
}

/** Whether an IPC message is a {@link MeiliUrlMessage}. */
export function isMeiliUrlMessage(message: unknown): message is MeiliUrlMessage {
  if (typeof message !== 'object' || message === null || (message as MeiliUrlMessage).type !== 'meili-url') return false;
  const { url } = message as MeiliUrlMessage;
  return url === null || typeof url === 'string';
}

/** Points this process's environment-made runtimes (and later ones, through MEILI_URL) at Meilisearch's new URL; null: it died. */
export function applySearchUrl(url: string | null): void {
  if (url !== null) process.env.MEILI_URL = url;
  for (const runtime of fromEnvironment) runtime.useUrl(url);
}

let following = false;

/**
 * Makes the server follow the embedded Meilisearch to a new port: scripts/start.ts spawns the server with an IPC
 * channel and sends a {@link MeiliUrlMessage} after each restart. Idempotent; does nothing without an IPC channel.
 */
export function followSearchUrlChanges(): void {
  if (following || typeof process.send !== 'function') return;
  following = true;
  process.on('message', (message: unknown) => {
    if (isMeiliUrlMessage(message)) applySearchUrl(message.url);
  });
}

/** Replaces the store's runtime with one using these options (tests, scripts); the previous one is stopped. */
export async function useSearchRuntime(store: Store, options: SearchRuntimeOptions): Promise<SearchRuntime> {
  await stopSearchRuntime(store);
  const runtime = new SearchRuntime(store, options).start();
  runtimes.set(store, runtime);
  return runtime;
}

/** Stops the store's runtime, if any (before closing the store). */
export async function stopSearchRuntime(store: Store): Promise<void> {
  const runtime = runtimes.get(store);
  if (!runtime) return;
  fromEnvironment.delete(runtime);
  runtimes.delete(store);
  await runtime.stop();
}
