import { recordFromColumns, type RegionalStatisticsColumns, type RegionalStatisticsRecord } from '../../lib/regional-statistics';
import { nowIso, type Db } from './connection';
import type { RegionalImportReport, RegionalStatisticsStore } from './store-interfaces';
import { SqliteRepository } from './sqlite-repository';

const COLUMNS = `region, year, population, population_source, fdi, fdi_source, exports, exports_source,
  imports, imports_source, foreign_companies, foreign_companies_source`;
/** The same columns read back under their CSV names, so one mapping (recordFromColumns) serves both sides. */
const SELECT_COLUMNS = `region, year, population, population_source, fdi, fdi_source, exports, exports_source,
  imports, imports_source, foreign_companies AS foreign_owned_companies, foreign_companies_source AS foreign_owned_companies_source`;

/** Where an import stages its rows: a TEMP table, private to the importing connection, with region_statistics' columns. */
const STAGING_TABLE = 'temp.region_statistics_staging';

/**
 * An import in progress: rows are staged in a TEMP table (this connection only, outside the shared store's
 * lock) as the file is read, then {@link RegionalImportBatch.commit} writes them all in one transaction.
 * Memory stays flat however long the file is; nothing reaches region_statistics until commit.
 */
export class RegionalImportBatch {
  private readonly insert;
  private open = true;

  constructor(private readonly db: Db) {
    db.exec(`DROP TABLE IF EXISTS ${STAGING_TABLE};
      CREATE TEMP TABLE region_statistics_staging (
        region TEXT NOT NULL, year INTEGER NOT NULL, population REAL NOT NULL, population_source TEXT NOT NULL,
        fdi REAL, fdi_source TEXT, exports REAL, exports_source TEXT, imports REAL, imports_source TEXT,
        foreign_companies REAL, foreign_companies_source TEXT, PRIMARY KEY (region, year));
      -- The staged rows live in a temporary file; a small page cache keeps them out of the process's memory.
      PRAGMA temp.cache_size = -2000;`);
    this.insert = db.prepare(
      `INSERT INTO ${STAGING_TABLE} (${COLUMNS})
       VALUES (@region, @year, @population, @populationSource, @fdi, @fdiSource, @exports, @exportsSource,
         @imports, @importsSource, @foreignOwnedCompanies, @foreignOwnedCompaniesSource)`,
    );
  }

  /** Stages one validated record (parseRegionalStatisticsCsv or RegionalStatisticsReader checked it). */
  stage(r: RegionalStatisticsRecord): void {
    this.insert.run({
      region: r.region,
      year: r.year,
      population: r.population,
      populationSource: r.populationSource,
      fdi: r.fdi,
      fdiSource: r.fdiSource,
      exports: r.exports,
      exportsSource: r.exportsSource,
      imports: r.imports,
      importsSource: r.importsSource,
      foreignOwnedCompanies: r.foreignOwnedCompanies,
      foreignOwnedCompaniesSource: r.foreignOwnedCompaniesSource,
    });
  }

  /**
   * Upserts every staged record by (region, year) in ONE transaction, with one audit entry, a search-outbox
   * row for each approved cluster of the affected regions, and one data_version bump; then drops the staging table.
   */
  commit(actor: string): RegionalImportReport {
    const { db } = this;
    const rows = (db.prepare(`SELECT COUNT(*) AS n FROM ${STAGING_TABLE}`).get() as { n: number }).n;
    if (rows === 0) {
      this.discard();
      throw new Error('nothing to import: pass at least one regional statistics record');
    }
    const regions = (db.prepare(`SELECT DISTINCT region FROM ${STAGING_TABLE} ORDER BY region`).all() as Array<{ region: string }>).map((r) => r.region);
    const years = (db.prepare(`SELECT DISTINCT year FROM ${STAGING_TABLE} ORDER BY year`).all() as Array<{ year: number }>).map((r) => r.year);
    const now = nowIso();
    let queuedClusters: string[] = [];
    // A large import would fill the store's page cache (16 MB) with pages written once; a small cache spills them to the WAL instead.
    const cacheSize = db.pragma('main.cache_size', { simple: true }) as number;
    db.pragma('main.cache_size = -2000');
    try {
      db.transaction(() => {
        // "WHERE true" lets SQLite parse ON CONFLICT after INSERT … SELECT (its documented parsing ambiguity).
        db.prepare(
          `INSERT INTO region_statistics (${COLUMNS}, imported_at)
           SELECT ${COLUMNS}, @now FROM ${STAGING_TABLE} WHERE true
           ON CONFLICT (region, year) DO UPDATE SET population = excluded.population,
             population_source = excluded.population_source, fdi = excluded.fdi, fdi_source = excluded.fdi_source,
             exports = excluded.exports, exports_source = excluded.exports_source, imports = excluded.imports,
             imports_source = excluded.imports_source, foreign_companies = excluded.foreign_companies,
             foreign_companies_source = excluded.foreign_companies_source, imported_at = excluded.imported_at`,
        ).run({ now });
        queuedClusters = (
          db
            .prepare(
              `SELECT slug FROM clusters WHERE publication = 'approved'
               AND region IN (SELECT DISTINCT region FROM ${STAGING_TABLE}) ORDER BY slug`,
            )
            .all() as Array<{ slug: string }>
        ).map((row) => row.slug);
        const enqueue = db.prepare('INSERT INTO search_outbox (slug, created_at, next_attempt_at) VALUES (?, ?, ?)');
        for (const slug of queuedClusters) enqueue.run(slug, now, now);
        db.prepare('INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?, ?, ?, ?, ?)').run(
          now,
          actor,
          'import-regional-statistics',
          `${rows} rows, years ${years.join(', ')}`,
          JSON.stringify({ regions, years, queuedClusters }),
        );
        db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'").run();
      }).immediate();
    } finally {
      db.pragma(`main.cache_size = ${cacheSize}`);
      this.discard();
    }
    return { rows, regions, years, queuedClusters };
  }

  /** Drops the staged rows without writing anything (a bad row was found, or the import was abandoned). */
  discard(): void {
    if (!this.open) return;
    this.open = false;
    this.db.exec(`DROP TABLE IF EXISTS ${STAGING_TABLE}`);
  }
}

/** SQLite repository over region_statistics: the only module that writes it. */
export class RegionalStatisticsRepository extends SqliteRepository implements RegionalStatisticsStore {

  /**
   * Upserts every record by (region, year) in ONE transaction (see {@link RegionalImportBatch.commit}).
   * Records are expected to be validated already (parseRegionalStatisticsCsv: plausible, each region and year once);
   * a (region, year) given twice fails the staging table's key and nothing is written.
   */
  async importRecords(records: readonly RegionalStatisticsRecord[], actor: string): Promise<RegionalImportReport> {
    if (records.length === 0) throw new Error('nothing to import: pass at least one regional statistics record');
    return this.importStream(records, actor);
  }

  /**
   * Stages records as they arrive (an import reading a file: memory stays flat) and writes them all in ONE
   * transaction once the iterable ends (see {@link RegionalImportBatch.commit}); if the iterable throws (a bad
   * line), the staged rows are dropped and nothing is written.
   */
  async importStream(records: Iterable<RegionalStatisticsRecord> | AsyncIterable<RegionalStatisticsRecord>, actor: string): Promise<RegionalImportReport> {
    const batch = new RegionalImportBatch(this.db);
    try {
      for await (const record of records) batch.stage(record);
      if (this.gate) await this.gate.whenIdle();
    } catch (error) {
      batch.discard();
      throw error;
    }
    return batch.commit(actor);
  }

  /**
   * Every stored record of every year, as stored: values written around the importer may be anything
   * (screen them with screenRegionalRecords before use).
   */
  async listAll(): Promise<RegionalStatisticsRecord[]> {
    const rows = this.sql(`SELECT ${SELECT_COLUMNS} FROM region_statistics ORDER BY year, region`).all() as RegionalStatisticsColumns[];
    return rows.map(recordFromColumns);
  }

  /** All records of one year, sorted by region code. */
  async listYear(year: number): Promise<RegionalStatisticsRecord[]> {
    const rows = this.sql(`SELECT ${SELECT_COLUMNS} FROM region_statistics WHERE year = ? ORDER BY region`)
      .all(year) as RegionalStatisticsColumns[];
    return rows.map(recordFromColumns);
  }

  /** The record of a region in a year, or undefined when none was imported. */
  async get(region: string, year: number): Promise<RegionalStatisticsRecord | undefined> {
    const row = this.sql(`SELECT ${SELECT_COLUMNS} FROM region_statistics WHERE region = ? AND year = ?`)
      .get(region, year) as RegionalStatisticsColumns | undefined;
    return row && recordFromColumns(row);
  }

  /** Years with any regional statistics, ascending. */
  async years(): Promise<number[]> {
    return (this.sql('SELECT DISTINCT year FROM region_statistics ORDER BY year').all() as Array<{ year: number }>).map(
      (row) => row.year,
    );
  }
}
