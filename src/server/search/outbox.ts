import type { Statement } from 'better-sqlite3';
import { nowIso, type Db } from '../db/connection';

/** A queued search update: the cluster to re-send (its current state is read when sending). */
export interface OutboxRow {
  id: number;
  slug: string;
  attempts: number;
}

const pendingStatements = new WeakMap<Db, Statement<[], number>>();

/** Whether any change still waits for delivery to Meilisearch (one look-up in the search_outbox_pending index). */
export function hasPendingUpdates(db: Db): boolean {
  let statement = pendingStatements.get(db);
  if (!statement) pendingStatements.set(db, (statement = db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM search_outbox WHERE done_at IS NULL)').pluck()));
  return statement.get() === 1;
}

/** How long delivered rows stay (for inspection) before markDone prunes them. */
export const DELIVERED_RETENTION_MS = 7 * 24 * 3600 * 1000;

/** Retry delay after the n-th failed attempt: 1 s, 2 s, 4 s … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * The consuming side of search_outbox (ClustersRepository writes the rows, in the same transaction as
 * each change; this worker-side module only reads them and records their delivery).
 */
export class SearchOutbox {
  constructor(private readonly db: Db) {}

  /** Undelivered rows whose next attempt is due, oldest first. */
  due(limit: number, now = nowIso()): OutboxRow[] {
    return this.db
      .prepare('SELECT id, slug, attempts FROM search_outbox WHERE done_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?')
      .all(now, limit) as OutboxRow[];
  }

  /** Number of undelivered rows (due or waiting for a retry). */
  pendingCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM search_outbox WHERE done_at IS NULL').get() as { n: number }).n;
  }

  /** Highest row id so far (0 when empty). */
  maxId(): number {
    return (this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM search_outbox').get() as { id: number }).id;
  }

  /** Records delivery (Meilisearch's task for these rows succeeded) and prunes rows delivered over a week ago. */
  markDone(ids: readonly number[], now = nowIso()): void {
    const stmt = this.db.prepare('UPDATE search_outbox SET done_at = ?, last_error = NULL WHERE id = ? AND done_at IS NULL');
    const cutoff = new Date(Date.parse(now) - DELIVERED_RETENTION_MS).toISOString();
    this.db.transaction(() => {
      ids.forEach((id) => stmt.run(now, id));
      this.db.prepare('DELETE FROM search_outbox WHERE done_at IS NOT NULL AND done_at < ?').run(cutoff);
    })();
  }

  /** Records a failed attempt (Meilisearch rejected the task) and schedules the next one with backoff. */
  markFailed(rows: readonly OutboxRow[], error: string, now = Date.now()): void {
    const stmt = this.db.prepare('UPDATE search_outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const row of rows) stmt.run(row.attempts + 1, error.slice(0, 1000), new Date(now + retryDelayMs(row.attempts + 1)).toISOString(), row.id);
    })();
  }

  /** Notes why delivery is waiting without pushing the rows back: they go out as soon as Meilisearch answers again. */
  noteUnavailable(ids: readonly number[], error: string): void {
    const stmt = this.db.prepare('UPDATE search_outbox SET last_error = ? WHERE id = ?');
    this.db.transaction(() => ids.forEach((id) => stmt.run(error.slice(0, 1000), id)))();
  }

  /** After a full rebuild from a snapshot: rows up to the snapshot are delivered, later ones are due again (they may have reached the old index only). */
  settleAfterRebuild(snapshotId: number, now = nowIso()): { settled: number; reopened: number } {
    return this.db.transaction(() => ({
      settled: this.db.prepare('UPDATE search_outbox SET done_at = ?, last_error = NULL WHERE id <= ? AND done_at IS NULL').run(now, snapshotId).changes,
      reopened: this.db.prepare('UPDATE search_outbox SET done_at = NULL, next_attempt_at = ? WHERE id > ?').run(now, snapshotId).changes,
    }))();
  }
}
