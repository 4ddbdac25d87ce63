import { recordFromColumns, type RegionalStatisticsColumns, type RegionalStatisticsRecord } from '../../lib/regional-statistics';
import { nowIso, statementCache, type Db } from './connection';
import type { RegionalImportReport, RegionalStatisticsStore } from './store-interfaces';
import type { WriteGate } from './write-gate';

const COLUMNS = `region, year, population, population_source, fdi, fdi_source, exports, exports_source,
  imports, imports_source, foreign_companies, foreign_companies_source`;
/** The same columns read back under their CSV names, so one mapping (recordFromColumns) serves both sides. */
const SELECT_COLUMNS = `region, year, population, population_source, fdi, fdi_source, exports, exports_source,
  imports, imports_source, foreign_companies AS foreign_owned_companies, foreign_companies_source AS foreign_owned_companies_source`;

/** SQLite repository over region_statistics: the only module that writes it. */
export class RegionalStatisticsRepository implements RegionalStatisticsStore {
  private readonly sql: ReturnType<typeof statementCache>;

  /** gate: writes wait while a unit of work holds it (null inside the unit of work itself). */
  constructor(
    private readonly db: Db,
    private readonly gate: WriteGate | null = null,
  ) {
    this.sql = statementCache(db);
  }

  /**
   * Upserts every record by (region, year) in ONE transaction, with one audit entry, a search-outbox
   * row for each approved cluster of the affected regions, and one data_version bump.
   * Records are expected to be validated already (parseRegionalStatisticsCsv); the table's checks guard the rest.
   */
  async importRecords(records: readonly RegionalStatisticsRecord[], actor: string): Promise<RegionalImportReport> {
    if (records.length === 0) throw new Error('nothing to import: pass at least one regional statistics record');
    if (this.gate) await this.gate.whenIdle();
    const regions = [...new Set(records.map((r) => r.region))].sort();
    const years = [...new Set(records.map((r) => r.year))].sort((a, b) => a - b);
    const now = nowIso();
    let queuedClusters: string[] = [];
    this.db.transaction(() => {
      const upsert = this.db.prepare(
        `INSERT INTO region_statistics (${COLUMNS}, imported_at)
         VALUES (@region, @year, @population, @populationSource, @fdi, @fdiSource, @exports, @exportsSource,
           @imports, @importsSource, @foreignOwnedCompanies, @foreignOwnedCompaniesSource, @now)
         ON CONFLICT (region, year) DO UPDATE SET population = excluded.population,
           population_source = excluded.population_source, fdi = excluded.fdi, fdi_source = excluded.fdi_source,
           exports = excluded.exports, exports_source = excluded.exports_source, imports = excluded.imports,
           imports_source = excluded.imports_source, foreign_companies = excluded.foreign_companies,
           foreign_companies_source = excluded.foreign_companies_source, imported_at = excluded.imported_at`,
      );
      for (const r of records) {
        upsert.run({
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
          now,
        });
      }
      const placeholders = regions.map(() => '?').join(', ');
      queuedClusters = (
        this.db
          .prepare(`SELECT slug FROM clusters WHERE publication = 'approved' AND region IN (${placeholders}) ORDER BY slug`)
          .all(...regions) as Array<{ slug: string }>
      ).map((row) => row.slug);
      const enqueue = this.db.prepare('INSERT INTO search_outbox (slug, created_at, next_attempt_at) VALUES (?, ?, ?)');
      for (const slug of queuedClusters) enqueue.run(slug, now, now);
      this.db
        .prepare('INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?, ?, ?, ?, ?)')
        .run(
          now,
          actor,
          'import-regional-statistics',
          `${records.length} rows, years ${years.join(', ')}`,
          JSON.stringify({ regions, years, queuedClusters }),
        );
      this.db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'").run();
    })();
    return { rows: records.length, regions, years, queuedClusters };
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
