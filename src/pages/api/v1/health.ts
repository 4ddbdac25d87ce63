import type { APIRoute } from 'astro';
import type { z } from 'zod';
import type { healthAnswerSchema, healthDownAnswerSchema } from '../../../lib/api/answers';
import { findExcludedRecordsCached } from '../../../server/data-health';
import { folderProblem } from '../../../server/db/storage-errors';
import { json } from '../../../server/http';
import { searchStatus } from '../../../server/search/service';
import { getStore } from '../../../server/store';

/**
 * GET /api/v1/health: the state of the store and of search; 503 when the store is unusable.
 * search is "ok" (Meilisearch answers) or "fallback" (SQLite FTS5 answers; searchState says why:
 * starting, unavailable or disabled — the server log has the details);
 * searchPending counts the outbox rows not yet delivered to Meilisearch.
 * storage is "full" or "read-only" when the data folder refuses writes (every write answers 503 meanwhile).
 * status is "degraded" (still 200) when storage refuses writes or stored values are left out of the analytics
 * (excludedRecords names them).
 */
export const GET: APIRoute = async () => {
  try {
    const store = await getStore();
    const clusters = await store.clusters.countPublic();
    const search = await searchStatus(store);
    const excludedRecords = await findExcludedRecordsCached(store);
    const storage = folderProblem(store.config.dataDir) ?? 'ok';
    const body: z.input<typeof healthAnswerSchema> = {
      status: excludedRecords.length > 0 || storage !== 'ok' ? 'degraded' : 'ok',
      excludedRecords,
      db: 'ok',
      storage,
      search: search.mode === 'meilisearch' ? 'ok' : 'fallback',
      searchState: search.state,
      searchPending: search.pending,
      clusters,
    };
    return json(body);
  } catch (error) {
    console.error('[health] store check failed:', error);
    return json({ status: 'degraded', db: 'error' } satisfies z.input<typeof healthDownAnswerSchema>, 503);
  }
};
