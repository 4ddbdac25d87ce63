import type { Profile } from '../../lib/profile';
import { buildSearchDocument, documentTextColumns } from '../../lib/search/document';
import { SLUG_LIST_JOIN, type ClusterSummaryColumns } from './clusters-repository';
import type { FallbackCandidate, SearchFallbackStore } from './store-interfaces';
import { SqliteRepository } from './sqlite-repository';

/** FTS5 column weights for bm25(): names, places, topics, body. */
const COLUMN_WEIGHTS = [10, 5, 3, 1];

const CANDIDATE_COLUMNS = 'c.id, c.slug, c.name_ru, c.name_en, c.region, c.industry_group, c.status, c.founded_year, c.lat, c.lon';

interface CandidateRow extends ClusterSummaryColumns {
  id: number;
  score: number;
}

/** Maps a candidate row to the store's shape. */
function toCandidate(r: CandidateRow): FallbackCandidate {
  return {
    id: r.id,
    slug: r.slug,
    name: { ru: r.name_ru, en: r.name_en },
    industryGroup: r.industry_group as FallbackCandidate['industryGroup'],
    region: r.region,
    status: r.status as FallbackCandidate['status'],
    foundedYear: r.founded_year,
    lat: r.lat,
    lon: r.lon,
    score: r.score,
  };
}

/** SQLite repository over search_fts (an FTS5 index of public profiles, rowid = clusters.id) and its outbox position. */
export class SearchFallbackRepository extends SqliteRepository implements SearchFallbackStore {

  /**
   * Brings the FTS5 table up to date with the outbox: every cluster named by a row written since the last
   * sync is re-indexed (or dropped when no longer approved). Runs in one IMMEDIATE transaction, so two
   * processes never interleave; cheap when nothing changed (one indexed lookup).
   */
  async sync(): Promise<{ reindexed: number }> {
    const lastSynced = () => (this.sql('SELECT last_outbox_id AS id FROM search_fts_state WHERE id = 1').get() as { id: number }).id;
    const latest = (this.sql('SELECT COALESCE(MAX(id), 0) AS id FROM search_outbox').get() as { id: number }).id;
    if (lastSynced() >= latest) return { reindexed: 0 };
    if (this.gate) await this.gate.whenIdle();
    return this.db
      .transaction(() => {
        const from = lastSynced();
        const slugs = (this.sql('SELECT DISTINCT slug FROM search_outbox WHERE id > ? AND id <= ?').all(from, latest) as { slug: string }[]).map((r) => r.slug);
        const rows = (from === 0
          ? this.sql('SELECT id, publication, profile_json FROM clusters').all()
          : this.sql(`SELECT c.id, c.publication, c.profile_json FROM ${SLUG_LIST_JOIN}`).all(JSON.stringify(slugs))) as {
          id: number;
          publication: string;
          profile_json: string;
        }[];
        if (from === 0) this.sql('DELETE FROM search_fts').run();
        const remove = this.sql('DELETE FROM search_fts WHERE rowid = ?');
        const insert = this.sql('INSERT INTO search_fts (rowid, names, places, topics, body) VALUES (?, ?, ?, ?, ?)');
        for (const row of rows) {
          remove.run(row.id);
          if (row.publication !== 'approved') continue;
          const text = documentTextColumns(buildSearchDocument(JSON.parse(row.profile_json) as Profile, { index: null, scenario: 'unknown' }));
          insert.run(row.id, text.names, text.places, text.topics, text.body);
        }
        this.sql('UPDATE search_fts_state SET last_outbox_id = ? WHERE id = 1').run(latest);
        return { reindexed: rows.length };
      })
      .immediate();
  }

  /** Public clusters matching the FTS5 expression (all of them, score 0, for null), best first. */
  async candidates(match: string | null): Promise<FallbackCandidate[]> {
    const rows = (match === null
      ? this.sql(`SELECT ${CANDIDATE_COLUMNS}, 0 AS score FROM clusters c WHERE c.publication = 'approved'`).all()
      : this.sql(
          `SELECT ${CANDIDATE_COLUMNS}, bm25(search_fts, ${COLUMN_WEIGHTS.join(', ')}) AS score
           FROM search_fts JOIN clusters c ON c.id = search_fts.rowid
           WHERE search_fts MATCH ? AND c.publication = 'approved' ORDER BY score`,
        ).all(match)) as CandidateRow[];
    return rows.map(toCandidate);
  }

  /** FTS5 snippets of the topics and body columns for the rows that matched. */
  async snippets(match: string, ids: readonly number[], marks: { pre: string; post: string }): Promise<Array<{ id: number; topics: string; body: string }>> {
    if (ids.length === 0) return [];
    return this.sql(
      `SELECT search_fts.rowid AS id, snippet(search_fts, 2, ?, ?, '…', 14) AS topics, snippet(search_fts, 3, ?, ?, '…', 14) AS body
       FROM json_each(?) AS j CROSS JOIN search_fts ON search_fts.rowid = j.value WHERE search_fts MATCH ?`,
    ).all(marks.pre, marks.post, marks.pre, marks.post, JSON.stringify(ids), match) as Array<{ id: number; topics: string; body: string }>;
  }

  /** The city of each of the rows, read out of the stored profile by SQLite. */
  async cities(ids: readonly number[]): Promise<Map<number, Profile['general']['city']>> {
    const rows = this.sql(
      "SELECT c.id, json_extract(c.profile_json, '$.general.city') AS city_json FROM json_each(?) AS j CROSS JOIN clusters AS c ON c.id = j.value",
    ).all(JSON.stringify(ids)) as { id: number; city_json: string }[];
    return new Map(rows.map((r) => [r.id, JSON.parse(r.city_json) as Profile['general']['city']]));
  }
}
