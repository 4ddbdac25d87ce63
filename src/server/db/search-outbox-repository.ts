import { nowIso } from './connection';
import type { OutboxRow, SearchOutboxStore } from './store-interfaces';
import { SqliteRepository } from './sqlite-repository';

/** How long delivered rows stay (for inspection) before markDone prunes them. */
export const DELIVERED_RETENTION_MS = 7 * 24 * 3600 * 1000;

/** Retry delay after the n-th failed attempt: 1 s, 2 s, 4 s … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * SQLite repository over the consuming side of search_outbox (ClustersRepository and RegionalStatisticsRepository
 * write the rows, in the same transaction as each change; this side only reads them and records their delivery).
 */
export class SearchOutboxRepository extends SqliteRepository implements SearchOutboxStore {

  /** Whether any change still waits for delivery to Meilisearch (one look-up in the search_outbox_pending index). */
  async hasPending(): Promise<boolean> {
    return (this.sql('SELECT EXISTS (SELECT 1 FROM search_outbox WHERE done_at IS NULL) AS pending').get() as { pending: number }).pending === 1;
  }

  /** Undelivered rows whose next attempt is due, oldest first. */
  async due(limit: number, now = nowIso()): Promise<OutboxRow[]> {
    return this.sql('SELECT id, slug, attempts FROM search_outbox WHERE done_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?').all(now, limit) as OutboxRow[];
  }

  /** Number of undelivered rows (due or waiting for a retry). */
  async pendingCount(): Promise<number> {
    return (this.sql('SELECT COUNT(*) AS n FROM search_outbox WHERE done_at IS NULL').get() as { n: number }).n;
  }

  /** Highest row id so far (0 when empty). */
  async maxId(): Promise<number> {
    return (this.sql('SELECT COALESCE(MAX(id), 0) AS id FROM search_outbox').get() as { id: number }).id;
  }

  /** Records delivery (Meilisearch's task for these rows succeeded) and prunes rows delivered over a week ago. */
  async markDone(ids: readonly number[], now = nowIso()): Promise<void> {
    const cutoff = new Date(Date.parse(now) - DELIVERED_RETENTION_MS).toISOString();
    await this.write(() => {
      const done = this.sql('UPDATE search_outbox SET done_at = ?, last_error = NULL WHERE id = ? AND done_at IS NULL');
      ids.forEach((id) => done.run(now, id));
      this.sql('DELETE FROM search_outbox WHERE done_at IS NOT NULL AND done_at < ?').run(cutoff);
    });
  }

  /** Records a failed attempt (Meilisearch rejected the task) and schedules the next one with backoff. */
  async markFailed(rows: readonly OutboxRow[], error: string, now = Date.now()): Promise<void> {
    await this.write(() => {
      const failed = this.sql('UPDATE search_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?');
      for (const row of rows) failed.run(row.attempts + 1, error.slice(0, 1000), new Date(now + retryDelayMs(row.attempts + 1)).toISOString(), row.id);
    });
  }

  /** Notes why delivery is waiting without pushing the rows back: they go out as soon as Meilisearch answers again. */
  async noteUnavailable(ids: readonly number[], error: string): Promise<void> {
    await this.write(() => {
      const note = this.sql('UPDATE search_outbox SET last_error = ? WHERE id = ?');
      ids.forEach((id) => note.run(error.slice(0, 1000), id));
    });
  }

  /** After a full rebuild from a snapshot: rows up to the snapshot are delivered, later ones are due again (they may have reached the old index only). */
  async settleAfterRebuild(snapshotId: number, now = nowIso()): Promise<{ settled: number; reopened: number }> {
    return this.write(() => ({
      settled: this.sql('UPDATE search_outbox SET done_at = ?, last_error = NULL WHERE id <= ? AND done_at IS NULL').run(now, snapshotId).changes,
      reopened: this.sql('UPDATE search_outbox SET done_at = NULL, next_attempt_at = ? WHERE id > ?').run(now, snapshotId).changes,
    }));
  }
}
