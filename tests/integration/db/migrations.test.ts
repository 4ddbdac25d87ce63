import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase, type Db } from '../../../src/server/db/connection';
import { MIGRATIONS, migrate } from '../../../src/server/db/migrations';
import { makeTempDir } from '../../helpers/temp';

let temp: ReturnType<typeof makeTempDir>;
let db: Db;

beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(join(temp.dir, 'nested', 'data')); // creates missing folders
});
afterEach(() => {
  if (db.open) db.close();
  temp.remove();
});

const insertCluster = (slug: string) =>
  db
    .prepare(
      `INSERT INTO clusters (slug, profile_json, name_ru, name_en, region, industry_group, status, lat, lon, origin, created_at, updated_at)
       VALUES (?, '{}', 'Кластер', 'Cluster', 'RU-KLU', 'nuclear', 'other', 55, 36, 'registration', 'now', 'now')`,
    )
    .run(slug).lastInsertRowid as number;

describe('openDatabase', () => {
  it('uses WAL and enforces foreign keys', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('leaves the file in WAL mode for other connections', () => {
    const other = new Database(join(temp.dir, 'nested', 'data', DATABASE_FILE));
    try {
      expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      other.close();
    }
  });

  it('applies every migration and records the schema version', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'clusters', 'indicator_values', 'meta', 'search_outbox']));
    expect(db.prepare("SELECT value FROM meta WHERE key = 'data_version'").get()).toEqual({ value: '0' });
  });

  it('does not re-apply migrations to an up-to-date database, on reopen either', () => {
    expect(migrate(db)).toEqual([]);
    db.close();
    db = openDatabase(join(temp.dir, 'nested', 'data'));
    expect(migrate(db)).toEqual([]);
    expect(db.prepare("SELECT COUNT(*) AS n FROM meta WHERE key = 'data_version'").get()).toEqual({ n: 1 });
  });

  it('applies the migrations to an empty database in order', () => {
    const raw = new Database(':memory:');
    try {
      expect(migrate(raw)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      raw.close();
    }
  });
});

describe('schema constraints', () => {
  it('rejects indicator values of a cluster that does not exist', () => {
    expect(() => db.prepare("INSERT INTO indicator_values VALUES (999, 2012, 'publications', 1, 's')").run()).toThrow(/FOREIGN KEY/);
  });

  it('deletes indicator values with their cluster', () => {
    const id = insertCluster('a-cluster');
    db.prepare("INSERT INTO indicator_values VALUES (?, 2012, 'publications', 1, 's')").run(id);
    db.prepare('DELETE FROM clusters WHERE id = ?').run(id);
    expect(db.prepare('SELECT COUNT(*) AS n FROM indicator_values').get()).toEqual({ n: 0 });
  });

  it.each([
    ['a negative indicator value', (id: number) => db.prepare("INSERT INTO indicator_values VALUES (?, 2012, 'publications', -1, 's')").run(id)],
    ['an unknown publication state', (id: number) => db.prepare("UPDATE clusters SET publication = 'public' WHERE id = ?").run(id)],
    ['a duplicate slug', () => insertCluster('a-cluster')],
  ])('rejects %s', (_case, write) => {
    const id = insertCluster('a-cluster');
    expect(() => write(id)).toThrow(/constraint/i);
  });
});
