import { SEARCH_PRIMARY_KEY } from '../../lib/search/index-settings';
import type { SearchDocument } from '../../lib/search/document';
import type { Meilisearch } from 'meilisearch';
import type { Store } from '../store';
import { MEILI_INDEX_SETTINGS } from './index-sync';
import { indexExists, meiliErrorCode, MeiliTaskError, succeeded } from './meili-client';
import { loadAllDocuments } from './documents';

/** Documents per addition task during a rebuild. */
export const REBUILD_BATCH = 5000;
/** Build indexes older than this are leftovers of an interrupted rebuild and get deleted. */
const STALE_BUILD_MS = 3_600_000;

/** What a rebuild did. */
export interface RebuildReport {
  indexUid: string;
  builtAs: string;
  documents: number;
  ms: number;
  /** Outbox rows covered by the rebuild's snapshot (now delivered). */
  settled: number;
  /** Outbox rows written during the rebuild, queued again for the new index. */
  reopened: number;
}

/** Name of a temporary build index, e.g. clusters_build_lx2k9a. */
function buildIndexName(indexUid: string, now = Date.now()): string {
  return `${indexUid}_build_${now.toString(36)}`;
}

/** Deletes build indexes left by interrupted rebuilds (older than an hour, so a concurrent rebuild is left alone). */
async function removeStaleBuilds(client: Meilisearch, indexUid: string): Promise<void> {
  const prefix = `${indexUid}_build_`;
  for (const { uid } of (await client.getRawIndexes({ limit: 1000 })).results) {
    const started = parseInt(uid.slice(prefix.length), 36);
    if (uid.startsWith(prefix) && Number.isFinite(started) && Date.now() - started > STALE_BUILD_MS) await deleteIndex(client, uid);
  }
}

/** Deletes an index and waits; a missing index is fine. */
async function deleteIndex(client: Meilisearch, uid: string): Promise<void> {
  try {
    await succeeded(client.deleteIndex(uid));
  } catch (error) {
    const code = error instanceof MeiliTaskError ? error.task.error?.code : meiliErrorCode(error);
    if (code !== 'index_not_found') throw error;
  }
}

/** Splits a list into batches. */
function batches<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** Takes the outbox position and every public document in one read transaction, so the two agree. */
function snapshot(store: Store): Promise<{ snapshotId: number; documents: SearchDocument[] }> {
  return store.transaction(async (tx) => ({ snapshotId: await tx.searchOutbox.maxId(), documents: await loadAllDocuments(tx) }), { readOnly: true });
}

/**
 * Builds a fresh index from SQLite under a temporary name, then swaps it in atomically (Meilisearch
 * swap-indexes), so searches never see a half-built index. Outbox rows written while building are
 * queued again, because they may have reached the old index only.
 */
export async function rebuildIndex(store: Store, client: Meilisearch, indexUid: string): Promise<RebuildReport> {
  const started = Date.now();
  await removeStaleBuilds(client, indexUid);
  const { snapshotId, documents } = await snapshot(store);
  const builtAs = buildIndexName(indexUid, started);
  await succeeded(client.createIndex(builtAs, { primaryKey: SEARCH_PRIMARY_KEY }));
  const build = client.index(builtAs);
  let swapped = false;
  try {
    await succeeded(build.updateSettings(MEILI_INDEX_SETTINGS));
    for (const batch of batches(documents, REBUILD_BATCH)) await succeeded(build.addDocuments(batch));
    const targetExists = await indexExists(client, indexUid);
    // Swap with the live index; on a first build there is none, so the build index is renamed instead.
    if (targetExists) await succeeded(client.swapIndexes([{ indexes: [indexUid, builtAs], rename: false }]));
    else await succeeded(client.swapIndexes([{ indexes: [builtAs, indexUid], rename: true }]));
    swapped = true;
    if (targetExists) await deleteIndex(client, builtAs); // now holds the old documents
  } finally {
    if (!swapped) await deleteIndex(client, builtAs).catch(() => undefined);
  }
  const { settled, reopened } = await store.searchOutbox.settleAfterRebuild(snapshotId);
  return { indexUid, builtAs, documents: documents.length, ms: Date.now() - started, settled, reopened };
}
