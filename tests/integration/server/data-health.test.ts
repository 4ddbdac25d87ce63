import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCLUDED_RECORDS_TTL_MS, findExcludedRecordsCached } from '../../../src/server/data-health';
import { readServerConfig } from '../../../src/server/config';
import { openStore, type Store } from '../../../src/server/store';
import { makeTempDir } from '../../helpers/temp';
import { CONTENT_DIR } from '../db/store-helpers';

let store: Store;
const temp = makeTempDir();
beforeAll(() => {
  store = openStore(readServerConfig({ DATA_DIR: temp.dir, CONTENT_DIR }));
});
afterAll(() => {
  store?.db.close();
  temp.remove();
});

/** Bumps the data version as every write through the store does. */
const bumpVersion = () => store.db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'").run();

describe('findExcludedRecordsCached', () => {
  it('reuses one scan at the same data version, and scans again after a write or once the scan is old', () => {
    const now = 1_000_000;
    const first = findExcludedRecordsCached(store, now);
    expect(first).toEqual([]);
    expect(findExcludedRecordsCached(store, now + 1000)).toBe(first);
    bumpVersion();
    const afterWrite = findExcludedRecordsCached(store, now + 2000);
    expect(afterWrite).not.toBe(first);
    expect(findExcludedRecordsCached(store, now + 2000 + EXCLUDED_RECORDS_TTL_MS)).not.toBe(afterWrite);
  });
});
