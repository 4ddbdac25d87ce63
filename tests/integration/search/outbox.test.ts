import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/server/store';
import { SearchOutbox, retryDelayMs } from '../../../src/server/search/outbox';
import { CONTENT_DIR } from '../db/store-helpers';
import { makeTempDir } from '../../helpers/temp';

// The delivery side of search_outbox on a real SQLite file (the seed queues one row per pilot cluster).
describe('SearchOutbox', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  const open = () => {
    temp = makeTempDir();
    store = openStore({ dataDir: temp.dir, contentDir: CONTENT_DIR });
    return new SearchOutbox(store.db);
  };
  afterEach(() => {
    store?.db.close();
    temp?.remove();
  });

  it('hands out due rows oldest first and forgets them once delivered', () => {
    const outbox = open();
    const due = outbox.due(10);
    expect(due).toHaveLength(10);
    expect(due.map((r) => r.id)).toEqual([...due.map((r) => r.id)].sort((a, b) => a - b));
    outbox.markDone(due.map((r) => r.id));
    expect(outbox.pendingCount()).toBe(15);
    expect(outbox.due(100).map((r) => r.id)).not.toContain(due[0]!.id);
  });

  it('holds a failed row back with backoff and keeps the reason', () => {
    const outbox = open();
    const [row] = outbox.due(1);
    const now = Date.parse('2026-01-01T00:00:00Z');
    outbox.markFailed([row!], 'rejected: bad document', now);
    expect(outbox.due(100, new Date(now + 500).toISOString()).map((r) => r.id)).not.toContain(row!.id);
    expect(outbox.due(100, new Date(now + retryDelayMs(1)).toISOString()).map((r) => r.id)).toContain(row!.id);
    const stored = store.db.prepare('SELECT attempts, last_error FROM search_outbox WHERE id = ?').get(row!.id);
    expect(stored).toEqual({ attempts: 1, last_error: 'rejected: bad document' });
  });

  it('prunes rows delivered more than a week ago, keeps recent and pending ones', () => {
    const outbox = open();
    const [old, recent, next] = outbox.due(3);
    outbox.markDone([old!.id], '2026-01-01T00:00:00.000Z');
    outbox.markDone([recent!.id], '2026-01-06T00:00:00.000Z');
    outbox.markDone([next!.id], '2026-01-09T00:00:00.000Z');
    const ids = (store.db.prepare('SELECT id FROM search_outbox').all() as Array<{ id: number }>).map((r) => r.id);
    expect(ids).not.toContain(old!.id);
    expect(ids).toContain(recent!.id);
    expect(ids).toContain(next!.id);
    expect(outbox.pendingCount()).toBe(22);
  });
});
