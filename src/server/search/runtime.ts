import type { Store } from '../store';
import { MeiliClient, type MeiliConnection } from './client';
import { MeiliHttpError, MeiliUnavailableError } from './http-client';
import { ensureSettings, IndexSync } from './index-sync';
import { rebuildIndex } from './reindex';

/** ready: Meilisearch answers searches; starting/unavailable: the FTS5 fallback does; disabled: no Meilisearch configured. */
export type SearchState = 'starting' | 'ready' | 'unavailable' | 'disabled';

/** Default name of the clusters index (MEILI_INDEX overrides it). */
export const DEFAULT_INDEX_UID = 'clusters';

/** How a runtime connects and how often it works. */
export interface SearchRuntimeOptions {
  /** null: no Meilisearch (always fallback), with the reason in `disabledReason`. */
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
  readonly client: MeiliClient | null;
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
    this.client = options.connection ? new MeiliClient(options.connection, { timeoutMs: options.searchTimeoutMs ?? 2000 }) : null;
    this.state = this.client ? 'starting' : 'disabled';
    this.reason = this.client ? 'building or checking the index' : (options.disabledReason ?? 'Meilisearch is not configured');
  }

  /** Starts the worker loop (idempotent; does nothing without Meilisearch). */
  start(): this {
    if (this.running || !this.client) return this;
    this.running = true;
    this.loopDone = this.loop();
    return this;
  }

  /** Stops the loop, waits for the step in progress and closes the connection. */
  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loopDone;
    this.client?.close();
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
    const gone = error instanceof MeiliUnavailableError || (error instanceof MeiliHttpError && (error.status >= 500 || error.code === 'index_not_found'));
    if (!gone) {
      console.error('[search] Meilisearch rejected a search; answering from the fallback:', error);
      return;
    }
    this.setState('unavailable', (error as Error).message);
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
      let delay: number;
      try {
        if (this.state !== 'ready') {
          await this.bootstrap();
          this.failures = 0;
          this.setState('ready', null);
          delay = 0;
        } else {
          const more = await this.sync!.deliverBatch();
          await this.sync!.refreshAnalytics();
          delay = more ? 0 : (this.options.pollMs ?? 500);
        }
      } catch (error) {
        delay = this.onLoopError(error);
      }
      await this.pause(delay);
    }
  }

  /**
   * Makes the index whole before searches use it again: creates it with a full build when missing, applies
   * changed settings, delivers every pending outbox row, rebuilds when the document count still disagrees
   * with SQLite, then reads back the index/scenario fields and refreshes them.
   */
  private async bootstrap(): Promise<void> {
    const client = this.client!;
    if (!(await client.isHealthy())) throw new MeiliUnavailableError(client.http.url, 'GET /health is not "available" yet', null);
    this.sync ??= new IndexSync(this.store, client, this.indexUid);
    if ((await client.getIndex(this.indexUid)) === null) await this.rebuild('the index does not exist');
    else await ensureSettings(client, this.indexUid);
    while (await this.sync.deliverBatch()) {
      // drain the backlog of the outage
    }
    const [indexed, expected] = [await client.countDocuments(this.indexUid), await this.store.clusters.countPublic()];
    if (indexed !== expected) await this.rebuild(`the index holds ${indexed} documents, SQLite has ${expected} public profiles`);
    await this.sync.loadMirror();
    await this.sync.refreshAnalytics();
  }

  private async rebuild(why: string): Promise<void> {
    console.log(`[search] building the "${this.indexUid}" index from SQLite: ${why}`);
    const report = await rebuildIndex(this.store, this.client!, this.indexUid);
    console.log(`[search] indexed ${report.documents} profiles in ${report.ms} ms`);
  }

  /** Logs a failure once per state change and returns the backoff before the next attempt. */
  private onLoopError(error: unknown): number {
    this.failures++;
    const reason = error instanceof Error ? error.message : String(error);
    if (!(error instanceof MeiliUnavailableError)) console.error('[search] search sync failed; retrying with backoff:', error);
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

/** Connection settings from the environment: MEILI_URL + MEILI_MASTER_KEY (npm start sets both), MEILI_INDEX. */
export function runtimeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SearchRuntimeOptions {
  const url = env.MEILI_URL?.trim();
  const apiKey = env.MEILI_MASTER_KEY?.trim();
  const indexUid = env.MEILI_INDEX?.trim() || undefined;
  if (!url) return { connection: null, disabledReason: 'MEILI_URL is not set (npm start sets it; with astro dev, set MEILI_URL and MEILI_MASTER_KEY)', indexUid };
  if (!apiKey) return { connection: null, disabledReason: `MEILI_URL is set (${url}) but MEILI_MASTER_KEY is not`, indexUid };
  return { connection: { url, apiKey }, indexUid };
}

/** The store's search runtime, created from the environment and started on first use (the outbox worker lives here). */
export function getSearchRuntime(store: Store): SearchRuntime {
  let runtime = runtimes.get(store);
  if (!runtime) {
    runtime = new SearchRuntime(store, runtimeOptionsFromEnv()).start();
    runtimes.set(store, runtime);
  }
  return runtime;
}

/** Replaces the store's runtime with one using these options (tests, scripts); the previous one is stopped. */
export async function useSearchRuntime(store: Store, options: SearchRuntimeOptions): Promise<SearchRuntime> {
  await runtimes.get(store)?.stop();
  const runtime = new SearchRuntime(store, options).start();
  runtimes.set(store, runtime);
  return runtime;
}

/** Stops the store's runtime, if any (before closing the store). */
export async function stopSearchRuntime(store: Store): Promise<void> {
  await runtimes.get(store)?.stop();
  runtimes.delete(store);
}
