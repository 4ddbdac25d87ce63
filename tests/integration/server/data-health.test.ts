import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCLUDED_RECORDS_TTL_MS, findExcludedRecordsCached } from '../../../src/server/data-health';
import { readServerConfig } from '../../../src/server/config';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { openStore } from '../../../src/server/store';
import { makeTempDir } from '../../helpers/temp';
import { CONTENT_DIR } from '../db/store-helpers';

let store: SqliteStore;
const temp = makeTempDir();
beforeAll(async () => {
  store = await openStore(readServerConfig({ DATA_DIR: temp.dir, CONTENT_DIR }));
});
afterAll(async () => {
  await store?.close();
  temp.remove();
});

/** Bumps the data version as every write through the store does. */
const bumpVersion = () => store.db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'").run();

describe('findExcludedRecordsCached', () => {
  it('reuses one scan at the same data version, and scans again after a write or once the scan is old', async () => {
    const now = 1_000_000;
    const first = await findExcludedRecordsCached(store, now);
    expect(first).toEqual([]);
    expect(await findExcludedRecordsCached(store, now + 1000)).toBe(first);
    bumpVersion();
    const afterWrite = await findExcludedRecordsCached(store, now + 2000);
    expect(afterWrite).not.toBe(first);
    expect(await findExcludedRecordsCached(store, now + 2000 + EXCLUDED_RECORDS_TTL_MS)).not.toBe(afterWrite);
  });
});
