import { chmodSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../src/server/db/connection';
import { makeTempDir } from '../../helpers/temp';

const modeOf = (path: string) => statSync(path).mode & 0o777;

let temp: ReturnType<typeof makeTempDir>;
let previousUmask: number;

beforeEach(() => {
  temp = makeTempDir();
  previousUmask = process.umask(0o022); // the usual default, which would leave files 644 and folders 755
});
afterEach(() => {
  process.umask(previousUmask);
  temp.remove();
});

describe('DATA_DIR and database file modes', () => {
  it('creates a fresh DATA_DIR 0700 and the database files 0600', () => {
    const dataDir = join(temp.dir, 'data');
    const db = openDatabase(dataDir);
    try {
      db.prepare("UPDATE meta SET value = '1' WHERE key = 'data_version'").run(); // makes sure the -wal file exists
      expect(modeOf(dataDir).toString(8)).toBe('700');
      for (const suffix of ['', '-wal', '-shm']) expect(modeOf(join(dataDir, DATABASE_FILE + suffix)).toString(8), `${DATABASE_FILE}${suffix}`).toBe('600');
    } finally {
      db.close();
    }
  });

  it('tightens a DATA_DIR and database that an older version left world-readable', () => {
    const dataDir = join(temp.dir, 'old');
    mkdirSync(dataDir, { mode: 0o755 });
    openDatabase(dataDir).close();
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, DATABASE_FILE), 0o644);
    writeFileSync(join(dataDir, `${DATABASE_FILE}-shm`), '', { mode: 0o644 });
    const db = openDatabase(dataDir);
    try {
      expect(modeOf(dataDir).toString(8)).toBe('700');
      expect(modeOf(join(dataDir, DATABASE_FILE)).toString(8)).toBe('600');
      expect(modeOf(join(dataDir, `${DATABASE_FILE}-shm`)).toString(8)).toBe('600');
    } finally {
      db.close();
    }
  });
});
