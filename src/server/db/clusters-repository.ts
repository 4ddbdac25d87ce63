import Database from 'better-sqlite3';
import { profileSchema, INDICATOR_KEYS, type Profile } from '../../lib/profile';
import { nowIso, type Db } from './connection';
import type { ChangeContext, ClusterExportRecord, ClusterFilter, ClusterSortKey, ClustersStore, ClusterSummary, IndicatorRow, Publication, SaveOptions, SeedState } from './store-interfaces';
import { SqliteRepository } from './sqlite-repository';

/**
 * Clusters named in a JSON array of slugs. CROSS JOIN makes SQLite walk the short list and look each slug up
 * by its index; `slug IN (SELECT value FROM json_each(?))` scanned every approved row instead (13 ms at 10,000).
 */
export const SLUG_LIST_JOIN = 'json_each(?) AS j CROSS JOIN clusters AS c ON c.slug = j.value';

/** The summary columns of a clusters row, as SQLite returns them (shared by the repositories that read them). */
export interface ClusterSummaryColumns {
  slug: string;
  name_ru: string;
  name_en: string;
  region: string;
  industry_group: string;
  status: string;
  founded_year: number | null;
  lat: number;
  lon: number;
}

interface ClusterRowDb extends ClusterSummaryColumns {
  city_json: string;
  self_assessment: number | null;
}

/** Columns of a summary; city and self-assessment are read out of the stored profile by SQLite, not by parsing it whole. */
const SUMMARY_COLUMNS = `slug, name_ru, name_en, region, industry_group, status, founded_year, lat, lon,
  json_extract(profile_json, '$.general.city') AS city_json,
  json_extract(profile_json, '$.general.selfAssessment') AS self_assessment`;

interface ExportRowDb extends ClusterRowDb {
  indicators_json: string;
}

/** Maps an export row to its record (indicators parsed from the JSON array SQLite built). */
function toExportRecord(row: ExportRowDb): ClusterExportRecord {
  return { ...toSummary(row), indicators: JSON.parse(row.indicators_json) as ClusterExportRecord['indicators'] };
}

/** Maps a clusters row to a summary. */
function toSummary(row: ClusterRowDb): ClusterSummary {
  return {
    slug: row.slug,
    name: { ru: row.name_ru, en: row.name_en },
    region: row.region,
    industryGroup: row.industry_group as ClusterSummary['industryGroup'],
    status: row.status as ClusterSummary['status'],
    foundedYear: row.founded_year,
    location: { lat: row.lat, lon: row.lon },
    city: JSON.parse(row.city_json) as ClusterSummary['city'],
    selfAssessment: row.self_assessment,
  };
}

/** The filter of the public cluster list as SQL conditions and their parameters. */
function publicFilterSql(filter: ClusterFilter): { where: string; params: Record<string, string> } {
  const where = ["publication = 'approved'"];
  const params: Record<string, string> = {};
  if (filter.industryGroup) where.push('industry_group = @industryGroup'), (params.industryGroup = filter.industryGroup);
  if (filter.region) where.push('region = @region'), (params.region = filter.region);
  if (filter.status) where.push('status = @status'), (params.status = filter.status);
  return { where: where.join(' AND '), params };
}

/**
 * An export row: the summary columns plus the year's indicator values as a JSON array, built by SQLite per row.
 * No ORDER BY: the CROSS JOIN makes SQLite walk the slug list in its order and look each cluster up by its
 * index, so rows come out in the list's order one at a time; `ORDER BY j.key` would make it sort every row in
 * a temporary b-tree before returning the first (tests/integration/db/cluster-export.test.ts checks the plan).
 */
export const CLUSTER_EXPORT_SQL = `SELECT c.slug, c.name_ru, c.name_en, c.region, c.industry_group, c.status, c.founded_year, c.lat, c.lon,
    json_extract(c.profile_json, '$.general.city') AS city_json,
    json_extract(c.profile_json, '$.general.selfAssessment') AS self_assessment,
    (SELECT json_group_array(json_object('indicator', v.indicator, 'value', v.value, 'source', v.source))
       FROM indicator_values v WHERE v.cluster_id = c.id AND v.year = @year) AS indicators_json
  FROM ${SLUG_LIST_JOIN.replace('json_each(?)', 'json_each(@slugs)')}
  WHERE c.publication = 'approved'`;

/** SQLite repository over the clusters and indicator tables (their only writer); every change also queues a search-outbox row and an audit entry. */
export class ClustersRepository extends SqliteRepository implements ClustersStore {

  /** Public (approved) clusters matching the filter, in no particular order. */
  async listPublic(filter: ClusterFilter = {}): Promise<ClusterSummary[]> {
    const { where, params } = publicFilterSql(filter);
    const rows = this.sql(`SELECT ${SUMMARY_COLUMNS} FROM clusters WHERE ${where} ORDER BY slug`).all(params) as ClusterRowDb[];
    return rows.map(toSummary);
  }

  /** Sort keys of the public clusters matching the filter, ordered by slug. */
  async listPublicSortKeys(filter: ClusterFilter = {}): Promise<ClusterSortKey[]> {
    const { where, params } = publicFilterSql(filter);
    const rows = this.sql(`SELECT slug, name_ru, name_en, founded_year FROM clusters WHERE ${where} ORDER BY slug`).all(params) as Array<Pick<ClusterSummaryColumns, 'slug' | 'name_ru' | 'name_en' | 'founded_year'>>;
    return rows.map((r) => ({ slug: r.slug, name: { ru: r.name_ru, en: r.name_en }, foundedYear: r.founded_year }));
  }

  /**
   * The public clusters named by slug, in the list's order, with the year's indicators, read with better-sqlite3's
   * iterate() on a read-only connection of its own: the shared connection cannot run anything else while a
   * statement iterates, and an export waits for its client between rows. The connection's read transaction is
   * the snapshot; it is closed when the iteration ends or is stopped (return(), e.g. a client that went away).
   */
  async *iteratePublicForExport(slugs: readonly string[], year: number | null): AsyncGenerator<ClusterExportRecord> {
    if (this.db.memory) throw new Error('iteratePublicForExport reads on a second connection, which a store in memory does not have: open the store on a file (DATA_DIR)');
    const reader: Db = new Database(this.db.name, { readonly: true, fileMustExist: true, timeout: 15_000 });
    try {
      for (const row of reader.prepare(CLUSTER_EXPORT_SQL).iterate({ slugs: JSON.stringify(slugs), year }) as IterableIterator<ExportRowDb>) yield toExportRecord(row);
    } finally {
      reader.close();
    }
  }

  /** Number of public clusters. */
  async countPublic(): Promise<number> {
    return (this.sql("SELECT COUNT(*) AS n FROM clusters WHERE publication = 'approved'").get() as { n: number }).n;
  }

  /** The full public profile, or undefined when missing or not approved. */
  async getPublicProfile(slug: string): Promise<Profile | undefined> {
    const row = this.sql("SELECT profile_json FROM clusters WHERE slug = ? AND publication = 'approved'")
      .get(slug) as { profile_json: string } | undefined;
    return row ? profileSchema.parse(JSON.parse(row.profile_json)) : undefined;
  }

  /** Publication state of a cluster, or undefined when there is none with this slug. */
  async getPublication(slug: string): Promise<Publication | undefined> {
    const row = this.sql('SELECT publication FROM clusters WHERE slug = ?').get(slug) as
      | { publication: Publication }
      | undefined;
    return row?.publication;
  }

  /** Indicator values of all public clusters (optionally one year), for the index. */
  async listPublicIndicators(year?: number): Promise<IndicatorRow[]> {
    const sql = `SELECT c.slug, c.industry_group AS industryGroup, v.year, v.indicator, v.value, v.source
      FROM indicator_values v JOIN clusters c ON c.id = v.cluster_id
      WHERE c.publication = 'approved' ${year === undefined ? '' : 'AND v.year = @year'}
      ORDER BY c.slug, v.year, v.indicator`;
    return this.sql(sql).all(year === undefined ? {} : { year }) as IndicatorRow[];
  }

  /** Counter bumped by every write; caches of derived values key on it. */
  async dataVersion(): Promise<number> {
    return Number((this.sql("SELECT value FROM meta WHERE key = 'data_version'").get() as { value: string }).value);
  }

  /**
   * Inserts or replaces a profile with its indicator rows, search-outbox row and audit entry, in one transaction.
   * The profile is validated again here, so nothing invalid is ever stored.
   */
  async save(input: unknown, options: SaveOptions, change: ChangeContext): Promise<Profile> {
    const profile = profileSchema.parse(input);
    const now = nowIso();
    if (this.gate) await this.gate.whenIdle();
    this.db.transaction(() => {
      const g = profile.general;
      const fields = {
        slug: profile.slug,
        profile_json: JSON.stringify(profile),
        name_ru: g.name.ru,
        name_en: g.name.en,
        region: g.region,
        industry_group: g.industryGroup,
        status: g.status,
        founded_year: g.foundedYear ?? null,
        lat: g.location.lat,
        lon: g.location.lon,
        publication: options.publication,
        origin: options.origin ?? 'registration',
        seed_hash: options.seedHash ?? null,
        edited: options.origin === 'seed' ? 0 : 1,
        now,
      };
      this.sql(
          `INSERT INTO clusters (slug, profile_json, name_ru, name_en, region, industry_group, status, founded_year, lat, lon,
             publication, origin, seed_hash, edited_after_seed, created_at, updated_at)
           VALUES (@slug, @profile_json, @name_ru, @name_en, @region, @industry_group, @status, @founded_year, @lat, @lon,
             @publication, @origin, @seed_hash, @edited, @now, @now)
           ON CONFLICT (slug) DO UPDATE SET profile_json = excluded.profile_json, name_ru = excluded.name_ru,
             name_en = excluded.name_en, region = excluded.region, industry_group = excluded.industry_group,
             status = excluded.status, founded_year = excluded.founded_year, lat = excluded.lat, lon = excluded.lon,
             publication = excluded.publication,
             seed_hash = COALESCE(excluded.seed_hash, clusters.seed_hash),
             edited_after_seed = CASE WHEN excluded.origin = 'seed' THEN 0 ELSE 1 END,
             updated_at = excluded.updated_at`,
        )
        .run(fields);
      const { id } = this.sql('SELECT id FROM clusters WHERE slug = ?').get(profile.slug) as { id: number };
      this.sql('DELETE FROM indicator_values WHERE cluster_id = ?').run(id);
      const insert = this.sql(
        'INSERT INTO indicator_values (cluster_id, year, indicator, value, source) VALUES (?, ?, ?, ?, ?)',
      );
      for (const y of profile.indicators)
        for (const key of INDICATOR_KEYS) {
          const v = y[key];
          if (v) insert.run(id, y.year, key, v.value, v.source);
        }
      this.recordChange(profile.slug, change, now);
    }).immediate();
    return profile;
  }

  /** Seed bookkeeping for a slug: its stored seed hash and whether the portal edited it since. */
  async seedState(slug: string): Promise<SeedState | undefined> {
    const row = this.sql('SELECT seed_hash, edited_after_seed FROM clusters WHERE slug = ?').get(slug) as
      | { seed_hash: string | null; edited_after_seed: number }
      | undefined;
    return row && { seedHash: row.seed_hash, editedAfterSeed: row.edited_after_seed === 1 };
  }

  /** Approved profiles among the slugs (all approved ones when slugs is omitted), read straight from the stored JSON. */
  async listApprovedProfiles(slugs?: readonly string[]): Promise<Profile[]> {
    // Stored profiles were validated by save(), so a JSON.parse is enough (10,000 zod parses take seconds).
    const rows = (
      slugs === undefined
        ? this.sql("SELECT profile_json FROM clusters WHERE publication = 'approved' ORDER BY id").all()
        : this.sql(`SELECT c.profile_json FROM ${SLUG_LIST_JOIN} WHERE c.publication = 'approved' ORDER BY c.id`).all(JSON.stringify(slugs))
    ) as { profile_json: string }[];
    return rows.map((r) => JSON.parse(r.profile_json) as Profile);
  }

  /** Slugs of the approved clusters among the given ones (the last guard against showing a profile that was just withdrawn). */
  async approvedAmong(slugs: readonly string[]): Promise<Set<string>> {
    if (slugs.length === 0) return new Set();
    // The statement cache matters here: compiling the statement cost more than running it on the search path.
    const rows = this.sql(`SELECT c.slug FROM ${SLUG_LIST_JOIN} WHERE c.publication = 'approved'`).all(JSON.stringify(slugs)) as { slug: string }[];
    return new Set(rows.map((r) => r.slug));
  }

  /** Queues a search update, writes the audit entry and bumps the data version (call inside a transaction). */
  private recordChange(slug: string, change: ChangeContext, now: string): void {
    this.sql('INSERT INTO search_outbox (slug, created_at, next_attempt_at) VALUES (?, ?, ?)')
      .run(slug, now, now);
    this.sql('INSERT INTO audit_log (at, actor, action, subject) VALUES (?, ?, ?, ?)')
      .run(now, change.actor, change.action, slug);
    this.sql("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'").run();
  }
}
