import { SEARCH_INDEX_SETTINGS, SEARCH_PRIMARY_KEY } from '../../lib/search/index-settings';
import type { SearchDocument } from '../../lib/search/document';
import type { Store } from '../store';
import type { MeiliClient } from './client';
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
async function removeStaleBuilds(client: MeiliClient, indexUid: string): Promise<void> {
  const prefix = `${indexUid}_build_`;
  for (const uid of await client.listIndexes()) {
    const started = parseInt(uid.slice(prefix.length), 36);
    if (uid.startsWith(prefix) && Number.isFinite(started) && Date.now() - started > STALE_BUILD_MS) await client.deleteIndex(uid);
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
export async function rebuildIndex(store: Store, client: MeiliClient, indexUid: string): Promise<RebuildReport> {
  const started = Date.now();
  await removeStaleBuilds(client, indexUid);
  const { snapshotId, documents } = await snapshot(store);
  const builtAs = buildIndexName(indexUid, started);
  await client.createIndex(builtAs, SEARCH_PRIMARY_KEY);
  let swapped = false;
  try {
    await client.updateSettings(builtAs, SEARCH_INDEX_SETTINGS);
    for (const batch of batches(documents, REBUILD_BATCH)) await client.replaceDocuments(builtAs, batch);
    const targetExists = (await client.getIndex(indexUid)) !== null;
    // Swap with the live index; on a first build there is none, so the build index is renamed instead.
    if (targetExists) await client.swapIndexes(indexUid, builtAs);
    else await client.swapIndexes(builtAs, indexUid, true);
    swapped = true;
    if (targetExists) await client.deleteIndex(builtAs); // now holds the old documents
  } finally {
    if (!swapped) await client.deleteIndex(builtAs).catch(() => undefined);
  }
  const { settled, reopened } = await store.searchOutbox.settleAfterRebuild(snapshotId);
  return { indexUid, builtAs, documents: documents.length, ms: Date.now() - started, settled, reopened };
}
