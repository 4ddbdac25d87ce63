import { SEARCH_INDEX_SETTINGS } from '../../lib/search/index-settings';
import { roundIndex, type SearchDocument } from '../../lib/search/document';
import type { Meilisearch, Settings } from 'meilisearch';
import type { Store } from '../store';
import { MeiliTaskError, succeeded } from './meili-client';
import { defaultYearFields, loadDocuments } from './documents';
import type { OutboxRow, SearchOutboxStore } from '../db/store-interfaces';

/** Outbox rows sent per Meilisearch task. */
export const OUTBOX_BATCH = 500;
/** Documents fetched per request when reading the index's index/scenario fields. */
const FETCH_PAGE = 10_000;

/** Settings whose order matters; Meilisearch returns the others (filterable, sortable, synonym lists) sorted. */
const ORDERED_SETTINGS = new Set(['searchableAttributes', 'rankingRules']);

/**
 * Whether every key of `wanted` has an equal value in `actual` (extra keys in `actual` are fine);
 * arrays compare as sets unless `ordered`.
 */
export function isSubset(wanted: unknown, actual: unknown, ordered = false): boolean {
  if (Array.isArray(wanted)) {
    if (!Array.isArray(actual) || wanted.length !== actual.length) return false;
    if (ordered) return wanted.every((w, i) => isSubset(w, actual[i]));
    const key = (v: unknown) => JSON.stringify(v);
    return JSON.stringify(wanted.map(key).sort()) === JSON.stringify(actual.map(key).sort());
  }
  if (wanted && typeof wanted === 'object') {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(wanted).every(([k, v]) => isSubset(v, (actual as Record<string, unknown>)[k], ORDERED_SETTINGS.has(k)));
  }
  return wanted === actual;
}

/** SEARCH_INDEX_SETTINGS as the client's Settings type (its lists are mutable arrays; ours are `as const`, never mutated). */
export const MEILI_INDEX_SETTINGS = SEARCH_INDEX_SETTINGS as unknown as Settings;

/** Applies SEARCH_INDEX_SETTINGS when the index's settings differ (so a routine start enqueues no task). */
export async function ensureSettings(client: Meilisearch, indexUid: string): Promise<boolean> {
  const index = client.index(indexUid);
  if (isSubset(SEARCH_INDEX_SETTINGS, await index.getSettings())) return false;
  await succeeded(index.updateSettings(MEILI_INDEX_SETTINGS));
  return true;
}

/** The derived fields a document carries that change when other clusters change (the index is relative). */
function analyticsKey(doc: Pick<SearchDocument, 'index' | 'scenario'>): string {
  return `${doc.index}|${doc.scenario}`;
}

/**
 * Keeps one Meilisearch index in step with SQLite: delivers outbox rows (marking them done only after the
 * task succeeded) and refreshes the index/scenario fields of every document when the data version moves.
 * `sent` mirrors what the index holds (slug → index|scenario), so only changed fields are re-sent.
 */
export class IndexSync {
  private readonly outbox: SearchOutboxStore;
  private readonly sent = new Map<string, string>();
  private analyticsVersion: number | null = null;

  constructor(
    private readonly store: Store,
    private readonly client: Meilisearch,
    private readonly indexUid: string,
  ) {
    this.outbox = store.searchOutbox;
  }

  /** Reads the index/scenario fields the index holds now (after a start or a rebuild). */
  async loadMirror(): Promise<void> {
    this.sent.clear();
    this.analyticsVersion = null;
    for (let offset = 0; ; offset += FETCH_PAGE) {
      const page = await this.client
        .index<SearchDocument>(this.indexUid)
        .getDocuments<Pick<SearchDocument, 'id' | 'index' | 'scenario'>>({ fields: ['id', 'index', 'scenario'], offset, limit: FETCH_PAGE });
      for (const doc of page.results) this.sent.set(doc.id, analyticsKey({ index: doc.index ?? null, scenario: doc.scenario }));
      if (page.results.length < FETCH_PAGE) return;
    }
  }

  /** Delivers one batch of due outbox rows; true when a full batch went out (there may be more). */
  async deliverBatch(): Promise<boolean> {
    const rows = await this.outbox.due(OUTBOX_BATCH);
    if (rows.length === 0) return false;
    try {
      await this.deliver(rows);
    } catch (error) {
      if (!(error instanceof MeiliTaskError)) {
        await this.outbox.noteUnavailable(rows.map((r) => r.id), (error as Error).message);
        throw error;
      }
      // One bad document fails its whole task: retry cluster by cluster so the others still go out.
      for (const group of groupBySlug(rows)) {
        try {
          await this.deliver(group);
        } catch (single) {
          if (!(single instanceof MeiliTaskError)) throw single;
          console.error(`[search] Meilisearch rejected the update of ${group[0]!.slug}; retrying with backoff:`, single.message);
          await this.outbox.markFailed(group, single.message);
        }
      }
    }
    return rows.length === OUTBOX_BATCH;
  }

  /** Sends the current state of the rows' clusters (documents, or deletions) and marks the rows done. */
  private async deliver(rows: readonly OutboxRow[]): Promise<void> {
    const { documents, removed } = await loadDocuments(this.store, [...new Set(rows.map((r) => r.slug))]);
    const index = this.client.index(this.indexUid);
    if (documents.length) await succeeded(index.addDocuments(documents));
    if (removed.length) await succeeded(index.deleteDocuments(removed));
    await this.outbox.markDone(rows.map((r) => r.id));
    for (const d of documents) this.sent.set(d.id, analyticsKey(d));
    for (const slug of removed) this.sent.delete(slug);
  }

  /** Re-sends index and scenario of documents whose values changed since the data version last seen; returns how many. */
  async refreshAnalytics(): Promise<number> {
    const version = await this.store.clusters.dataVersion();
    if (version === this.analyticsVersion) return 0;
    const fields = await defaultYearFields(this.store);
    const partials: Pick<SearchDocument, 'id' | 'index' | 'scenario'>[] = [];
    for (const [slug, key] of this.sent) {
      const f = fields(slug);
      const doc = { id: slug, index: roundIndex(f.index), scenario: f.scenario };
      // Only documents known to be in the index: a partial update of a missing one would create a nameless document.
      if (analyticsKey(doc) !== key) partials.push(doc);
    }
    if (partials.length) await succeeded(this.client.index(this.indexUid).updateDocuments(partials));
    for (const p of partials) this.sent.set(p.id, analyticsKey(p));
    this.analyticsVersion = version;
    return partials.length;
  }
}

/** Rows grouped by cluster, in first-seen order. */
function groupBySlug(rows: readonly OutboxRow[]): OutboxRow[][] {
  const groups = new Map<string, OutboxRow[]>();
  for (const row of rows) groups.set(row.slug, [...(groups.get(row.slug) ?? []), row]);
  return [...groups.values()];
}
