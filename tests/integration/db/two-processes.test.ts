import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src/server/db/connection';
import type { SqliteStore } from '../../../src/server/db/sqlite-store';
import { RATE_LIMITS } from '../../../src/lib/accounts/rate-limit';
import { makeTempDir } from '../../helpers/temp';
import { closeTempStore, openTempStore } from './store-helpers';

/**
 * The serving process and its warm standby (scripts/lib/supervisor.ts) write to one SQLite file. A repository
 * write that reads before it writes must take the write lock first: a deferred transaction whose snapshot another
 * process has moved past fails at once with SQLITE_BUSY, whatever the busy timeout. That was the rare 500 on the
 * first sign-up after a start (the rate-limit counter reads, then writes).
 * Checked to fail with `write()` in src/server/db/sqlite-repository.ts using a plain (deferred) transaction.
 */

/** A second process that commits small writes to the file in a tight loop until killed; resolves once it has begun. */
function startOtherWriter(file: string): Promise<{ stop: () => void }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.pragma('busy_timeout = 15000');
    const insert = db.prepare("INSERT INTO rate_limits (key, window_start, count) VALUES (?, ?, 1) ON CONFLICT (key) DO UPDATE SET count = count + 1");
    let n = 0;
    for (;;) { insert.run('other:' + (n++ % 50), Date.now()); if (n === 100) process.stdout.write('ready\\n'); }`;
  const child = spawn(process.execPath, ['-e', script, file], { cwd: join(import.meta.dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.once('data', () => resolve({ stop: () => child.kill('SIGKILL') }));
  });
}

describe('two processes writing to one store', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: SqliteStore;
  beforeEach(async () => {
    ({ store, temp } = await openTempStore());
  });
  afterEach(() => closeTempStore(store, temp));

  it('counts every rate-limit hit while another process commits writes, with no SQLITE_BUSY', async () => {
    const other = await startOtherWriter(join(temp.dir, DATABASE_FILE));
    const errors: string[] = [];
    const hits = 3000;
    try {
      for (let i = 0; i < hits; i++) {
        await store.rateLimits.hit(`signInPerIp:10.0.0.${i % 7}`, { ...RATE_LIMITS.signInPerIp, attempts: hits }).catch((error: Error) => void errors.push(error.message));
      }
    } finally {
      other.stop();
    }
    expect(errors.slice(0, 3)).toEqual([]);
    const counted = store.db.prepare("SELECT SUM(count) AS n FROM rate_limits WHERE key LIKE 'signInPerIp:%'").get() as { n: number };
    expect(counted.n).toBe(hits);
  });
});
