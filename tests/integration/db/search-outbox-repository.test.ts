import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { openStore } from '../../../src/server/store';
import { retryDelayMs } from '../../../src/server/db/search-outbox-repository';
import { CONTENT_DIR } from './store-helpers';
import { makeTempDir } from '../../helpers/temp';

// The delivery side of search_outbox on a real SQLite file (the seed queues one row per pilot cluster).
describe('SearchOutboxRepository', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  const open = async () => {
    temp = makeTempDir();
    store = await openStore({ dataDir: temp.dir, contentDir: CONTENT_DIR });
    return store.searchOutbox;
  };
  afterEach(async () => {
    store?.db.close();
    temp?.remove();
  });

  it('hands out due rows oldest first and forgets them once delivered', async () => {
    const outbox = await open();
    const due = await outbox.due(10);
    expect(due).toHaveLength(10);
    expect(due.map((r) => r.id)).toEqual([...due.map((r) => r.id)].sort((a, b) => a - b));
    await outbox.markDone(due.map((r) => r.id));
    expect(await outbox.pendingCount()).toBe(15);
    expect((await outbox.due(100)).map((r) => r.id)).not.toContain(due[0]!.id);
  });

  it('holds a failed row back with backoff and keeps the reason', async () => {
    const outbox = await open();
    const [row] = await outbox.due(1);
    const now = Date.parse('2026-01-01T00:00:00Z');
    await outbox.markFailed([row!], 'rejected: bad document', now);
    expect((await outbox.due(100, new Date(now + 500).toISOString())).map((r) => r.id)).not.toContain(row!.id);
    expect((await outbox.due(100, new Date(now + retryDelayMs(1)).toISOString())).map((r) => r.id)).toContain(row!.id);
    const stored = store.db.prepare('SELECT attempts, last_error FROM search_outbox WHERE id = ?').get(row!.id);
    expect(stored).toEqual({ attempts: 1, last_error: 'rejected: bad document' });
  });

  it('prunes rows delivered more than a week ago, keeps recent and pending ones', async () => {
    const outbox = await open();
    const [old, recent, next] = await outbox.due(3);
    await outbox.markDone([old!.id], '2026-01-01T00:00:00.000Z');
    await outbox.markDone([recent!.id], '2026-01-06T00:00:00.000Z');
    await outbox.markDone([next!.id], '2026-01-09T00:00:00.000Z');
    const ids = (store.db.prepare('SELECT id FROM search_outbox').all() as Array<{ id: number }>).map((r) => r.id);
    expect(ids).not.toContain(old!.id);
    expect(ids).toContain(recent!.id);
    expect(ids).toContain(next!.id);
    expect(await outbox.pendingCount()).toBe(22);
  });

  it('says whether anything is pending, and notes why delivery waits without pushing rows back', async () => {
    const outbox = await open();
    expect(await outbox.hasPending()).toBe(true);
    const due = await outbox.due(100);
    await outbox.noteUnavailable([due[0]!.id], 'Meilisearch is down');
    expect((await outbox.due(100)).map((r) => r.id)).toEqual(due.map((r) => r.id));
    expect(store.db.prepare('SELECT last_error FROM search_outbox WHERE id = ?').get(due[0]!.id)).toEqual({ last_error: 'Meilisearch is down' });
    await outbox.markDone(due.map((r) => r.id));
    expect(await outbox.hasPending()).toBe(false);
    expect(await outbox.maxId()).toBe(due.at(-1)!.id);
  });

  it('after a rebuild settles the rows up to the snapshot and reopens the later ones', async () => {
    const outbox = await open();
    const all = await outbox.due(100);
    await outbox.markDone(all.slice(20).map((r) => r.id)); // the last five were delivered to the old index
    const snapshot = all[19]!.id;
    expect(await outbox.settleAfterRebuild(snapshot)).toEqual({ settled: 20, reopened: 5 });
    expect((await outbox.due(100)).map((r) => r.id)).toEqual(all.slice(20).map((r) => r.id));
  });
});
