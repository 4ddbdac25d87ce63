import type { Database } from 'better-sqlite3';

/** One schema step; versions are applied in order, each in its own transaction, never edited once shipped. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** All migrations, oldest first. Append only. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'clusters, indicators, search outbox, audit log',
    sql: `
      CREATE TABLE clusters (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE,
        profile_json TEXT NOT NULL,
        name_ru TEXT NOT NULL,
        name_en TEXT NOT NULL,
        region TEXT NOT NULL,
        industry_group TEXT NOT NULL,
        status TEXT NOT NULL,
        founded_year INTEGER,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        publication TEXT NOT NULL DEFAULT 'approved'
          CHECK (publication IN ('draft', 'submitted', 'approved', 'rejected', 'archived')),
        origin TEXT NOT NULL CHECK (origin IN ('seed', 'registration')),
        seed_hash TEXT,
        edited_after_seed INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX clusters_region ON clusters(region);
      CREATE INDEX clusters_industry ON clusters(industry_group);
      CREATE INDEX clusters_publication ON clusters(publication);

      CREATE TABLE indicator_values (
        cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
        year INTEGER NOT NULL,
        indicator TEXT NOT NULL,
        value REAL NOT NULL CHECK (value >= 0),
        source TEXT NOT NULL,
        PRIMARY KEY (cluster_id, year, indicator)
      );
      CREATE INDEX indicator_values_year ON indicator_values(year);

      CREATE TABLE search_outbox (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        done_at TEXT
      );
      CREATE INDEX search_outbox_pending ON search_outbox(done_at, next_attempt_at);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail_json TEXT
      );

      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta (key, value) VALUES ('data_version', '0');
    `,
  },
  {
    version: 2,
    name: 'regional foreign economic statistics',
    sql: `
      CREATE TABLE region_statistics (
        region TEXT NOT NULL,
        year INTEGER NOT NULL,
        population REAL NOT NULL CHECK (population > 0),
        population_source TEXT NOT NULL,
        fdi REAL CHECK (fdi >= 0),
        fdi_source TEXT,
        exports REAL CHECK (exports >= 0),
        exports_source TEXT,
        imports REAL CHECK (imports >= 0),
        imports_source TEXT,
        foreign_companies REAL CHECK (foreign_companies >= 0),
        foreign_companies_source TEXT,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (region, year)
      );
    `,
  },
  {
    version: 3,
    name: 'search fallback: FTS5 index of public profiles and its position in the search outbox',
    // rowid = clusters.id; kept up to date from search_outbox by src/server/search/fallback.ts.
    sql: `
      CREATE VIRTUAL TABLE search_fts USING fts5(names, places, topics, body, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TABLE search_fts_state (id INTEGER PRIMARY KEY CHECK (id = 1), last_outbox_id INTEGER NOT NULL);
      INSERT INTO search_fts_state (id, last_outbox_id) VALUES (1, 0);
    `,
  },
];

/** Applies the migrations newer than the database's user_version; returns the versions applied. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
