import { profileSchema, type Profile } from '../../lib/profile';
import type { RevisionState } from '../../lib/workflow/transitions';
import { nowIso } from './connection';
import { SqliteRepository } from './sqlite-repository';
import type {
  AuditEntry,
  Claim,
  ClaimState,
  ClusterManager,
  HistoryEntry,
  ManagedCluster,
  QueueItem,
  Revision,
  RevisionKind,
  RevisionsStore,
} from './store-interfaces';

interface RevisionRowDb {
  id: number;
  slug: string;
  number: number;
  kind: RevisionKind;
  state: RevisionState;
  profile_json: string;
  author_id: number;
  updated_by: number;
  submitted_by: number | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  decided_by: number | null;
  moderator_comment: string | null;
  changed_fields_json: string | null;
}

interface ClaimRowDb {
  id: number;
  slug: string;
  user_id: number;
  state: ClaimState;
  created_at: string;
  decided_at: string | null;
  decided_by: number | null;
}

const OPEN = "('draft', 'submitted', 'returned')";

/** Maps a cluster_revisions row; the profile was validated when written, so JSON.parse is enough. */
function toRevision(row: RevisionRowDb): Revision {
  return {
    id: row.id,
    slug: row.slug,
    number: row.number,
    kind: row.kind,
    state: row.state,
    profile: JSON.parse(row.profile_json) as Profile,
    authorId: row.author_id,
    updatedBy: row.updated_by,
    submittedBy: row.submitted_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    comment: row.moderator_comment,
    changedFields: row.changed_fields_json === null ? null : (JSON.parse(row.changed_fields_json) as string[]),
  };
}

/** Maps a cluster_claims row. */
function toClaim(row: ClaimRowDb): Claim {
  return { id: row.id, slug: row.slug, userId: row.user_id, state: row.state, createdAt: row.created_at, decidedAt: row.decided_at, decidedBy: row.decided_by };
}

/** Normalises a name for the duplicate check: case, surrounding and repeated spaces do not make a name new. */
function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** SQLite repository over cluster_revisions, cluster_managers and cluster_claims (their only writer). */
export class RevisionsRepository extends SqliteRepository implements RevisionsStore {
  /** The cluster's draft, submitted or returned revision, if any. */
  async openRevision(slug: string): Promise<Revision | undefined> {
    const row = this.sql(`SELECT * FROM cluster_revisions WHERE slug = ? AND state IN ${OPEN}`).get(slug) as RevisionRowDb | undefined;
    return row && toRevision(row);
  }

  /** A revision by id. */
  async get(id: number): Promise<Revision | undefined> {
    const row = this.sql('SELECT * FROM cluster_revisions WHERE id = ?').get(id) as RevisionRowDb | undefined;
    return row && toRevision(row);
  }

  /** Stores a new draft numbered after the slug's last revision; the profile is validated again here. */
  async create(input: { slug: string; kind: RevisionKind; profile: Profile; userId: number }): Promise<Revision> {
    const profile = profileSchema.parse(input.profile);
    if (this.gate) await this.gate.whenIdle();
    const now = nowIso();
    const { id } = this.sql(
      `INSERT INTO cluster_revisions (slug, number, kind, state, profile_json, name_ru, name_en, author_id, updated_by, created_at, updated_at)
       VALUES (@slug, (SELECT COALESCE(MAX(number), 0) + 1 FROM cluster_revisions WHERE slug = @slug), @kind, 'draft',
         @profile_json, @name_ru, @name_en, @user, @user, @now, @now)
       RETURNING id`,
    ).get({
      slug: input.slug,
      kind: input.kind,
      profile_json: JSON.stringify(profile),
      name_ru: profile.general.name.ru,
      name_en: profile.general.name.en,
      user: input.userId,
      now,
    }) as { id: number };
    return (await this.get(id))!;
  }

  /** Replaces the profile of an open revision, validated again here. */
  async updateProfile(id: number, input: Profile, userId: number): Promise<Revision> {
    const profile = profileSchema.parse(input);
    if (this.gate) await this.gate.whenIdle();
    this.sql(
      `UPDATE cluster_revisions SET profile_json = ?, name_ru = ?, name_en = ?, updated_by = ?, updated_at = ?
       WHERE id = ? AND state IN ${OPEN}`,
    ).run(JSON.stringify(profile), profile.general.name.ru, profile.general.name.en, userId, nowIso(), id);
    return (await this.get(id))!;
  }

  /** Moves a revision to a state, recording the submission or decision (and comment, changed fields) that did it. */
  async setState(
    id: number,
    state: RevisionState,
    by: { userId: number; submission?: boolean; decision?: boolean; comment?: string; changedFields?: string[] },
  ): Promise<Revision> {
    if (this.gate) await this.gate.whenIdle();
    const now = nowIso();
    this.sql(
      `UPDATE cluster_revisions SET state = @state, updated_at = @now,
         submitted_at = CASE WHEN @submission THEN @now ELSE submitted_at END,
         submitted_by = CASE WHEN @submission THEN @user ELSE submitted_by END,
         decided_at = CASE WHEN @decision THEN @now ELSE decided_at END,
         decided_by = CASE WHEN @decision THEN @user ELSE decided_by END,
         moderator_comment = COALESCE(@comment, moderator_comment),
         changed_fields_json = COALESCE(@changed, changed_fields_json)
       WHERE id = @id`,
    ).run({
      id,
      state,
      now,
      user: by.userId,
      submission: by.submission ? 1 : 0,
      decision: by.decision ? 1 : 0,
      comment: by.comment ?? null,
      changed: by.changedFields ? JSON.stringify(by.changedFields) : null,
    });
    return (await this.get(id))!;
  }

  /** Revisions in the given states, oldest submission (or update) first, with their age at `now`. */
  async listByState(states: readonly RevisionState[], now: Date = new Date()): Promise<QueueItem[]> {
    const rows = this.sql(
      `SELECT r.id, r.slug, r.number, r.kind, r.state, r.name_ru, r.name_en, r.author_id, r.submitted_by, r.submitted_at, r.updated_at,
         json_extract(r.profile_json, '$.general.region') AS region, json_extract(r.profile_json, '$.general.industryGroup') AS industry_group
       FROM json_each(?) AS s CROSS JOIN cluster_revisions AS r ON r.state = s.value
       ORDER BY COALESCE(r.submitted_at, r.updated_at), r.id`,
    ).all(JSON.stringify(states)) as Array<RevisionRowDb & { name_ru: string; name_en: string; region: string; industry_group: string }>;
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      number: r.number,
      kind: r.kind,
      state: r.state,
      name: { ru: r.name_ru, en: r.name_en },
      region: r.region,
      industryGroup: r.industry_group as QueueItem['industryGroup'],
      authorId: r.author_id,
      submittedBy: r.submitted_by,
      submittedAt: r.submitted_at,
      updatedAt: r.updated_at,
      ageSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(r.submitted_at ?? r.updated_at)) / 1000)),
    }));
  }

  /** The approved revisions of a cluster, newest first, with the fields each changed. */
  async approvedHistory(slug: string): Promise<HistoryEntry[]> {
    const rows = this.sql("SELECT * FROM cluster_revisions WHERE slug = ? AND state = 'approved' ORDER BY number DESC").all(slug) as RevisionRowDb[];
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind,
      approvedAt: r.decided_at!,
      approvedBy: r.decided_by!,
      authorId: r.author_id,
      changedFields: r.changed_fields_json ? (JSON.parse(r.changed_fields_json) as string[]) : [],
    }));
  }

  /** The slug of another cluster (public, or with an open revision) already named so in either language, if any. */
  async nameHolder(name: { ru: string; en: string }, exceptSlug: string): Promise<string | undefined> {
    // Few names (hundreds to thousands): compared in JS with one normalisation, not with SQLite's ASCII-only lower().
    const wanted = new Set([nameKey(name.ru), nameKey(name.en)]);
    const rows = this.sql(
      `SELECT slug, name_ru, name_en FROM clusters WHERE slug <> @slug AND publication = 'approved'
       UNION ALL SELECT slug, name_ru, name_en FROM cluster_revisions WHERE slug <> @slug AND state IN ${OPEN}`,
    ).all({ slug: exceptSlug }) as Array<{ slug: string; name_ru: string; name_en: string }>;
    return rows.find((r) => wanted.has(nameKey(r.name_ru)) || wanted.has(nameKey(r.name_en)))?.slug;
  }

  /** Managers of a cluster, in the order they were added. */
  async managers(slug: string): Promise<ClusterManager[]> {
    const rows = this.sql('SELECT slug, user_id, added_by, added_at FROM cluster_managers WHERE slug = ? ORDER BY added_at, user_id').all(slug) as Array<{
      slug: string;
      user_id: number;
      added_by: number;
      added_at: string;
    }>;
    return rows.map((r) => ({ slug: r.slug, userId: r.user_id, addedBy: r.added_by, addedAt: r.added_at }));
  }

  /** Adds a manager; false when they already were one. */
  async addManager(slug: string, userId: number, addedBy: number): Promise<boolean> {
    if (this.gate) await this.gate.whenIdle();
    const result = this.sql('INSERT OR IGNORE INTO cluster_managers (slug, user_id, added_by, added_at) VALUES (?, ?, ?, ?)').run(slug, userId, addedBy, nowIso());
    if (result.changes === 1) this.bumpDataVersion(); // the public profile shows whether anyone manages it (its contact form)
    return result.changes === 1;
  }

  /** Removes a manager; false when they were none. */
  async removeManager(slug: string, userId: number): Promise<boolean> {
    if (this.gate) await this.gate.whenIdle();
    const removed = this.sql('DELETE FROM cluster_managers WHERE slug = ? AND user_id = ?').run(slug, userId).changes === 1;
    if (removed) this.bumpDataVersion();
    return removed;
  }

  /** Cached public pages key on the data version: a change of managers changes the profile's contact section. */
  private bumpDataVersion(): void {
    this.sql("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'").run();
  }

  /** The clusters a user manages, by slug, with their public name (or the open revision's) and open revision. */
  async managedBy(userId: number): Promise<ManagedCluster[]> {
    const rows = this.sql(
      `SELECT m.slug, c.slug IS NOT NULL AS is_public,
         COALESCE(c.name_ru, r.name_ru) AS name_ru, COALESCE(c.name_en, r.name_en) AS name_en,
         r.id AS r_id, r.number AS r_number, r.state AS r_state, r.moderator_comment AS r_comment, r.updated_at AS r_updated_at
       FROM cluster_managers m
       LEFT JOIN clusters c ON c.slug = m.slug AND c.publication = 'approved'
       LEFT JOIN cluster_revisions r ON r.slug = m.slug AND r.state IN ${OPEN}
       WHERE m.user_id = ? ORDER BY m.slug`,
    ).all(userId) as Array<{
      slug: string;
      is_public: number;
      name_ru: string | null;
      name_en: string | null;
      r_id: number | null;
      r_number: number;
      r_state: RevisionState;
      r_comment: string | null;
      r_updated_at: string;
    }>;
    return rows.map((r) => ({
      slug: r.slug,
      name: { ru: r.name_ru ?? r.slug, en: r.name_en ?? r.slug },
      isPublic: r.is_public === 1,
      openRevision: r.r_id === null ? null : { id: r.r_id, number: r.r_number, state: r.r_state, comment: r.r_comment, updatedAt: r.r_updated_at },
    }));
  }

  /** Records a pending claim. */
  async createClaim(slug: string, userId: number): Promise<Claim> {
    if (this.gate) await this.gate.whenIdle();
    const { id } = this.sql("INSERT INTO cluster_claims (slug, user_id, state, created_at) VALUES (?, ?, 'pending', ?) RETURNING id").get(slug, userId, nowIso()) as {
      id: number;
    };
    return (await this.claim(id))!;
  }

  /** A claim by id. */
  async claim(id: number): Promise<Claim | undefined> {
    const row = this.sql('SELECT * FROM cluster_claims WHERE id = ?').get(id) as ClaimRowDb | undefined;
    return row && toClaim(row);
  }

  /** The user's pending claim on the cluster, if any. */
  async pendingClaim(slug: string, userId: number): Promise<Claim | undefined> {
    const row = this.sql("SELECT * FROM cluster_claims WHERE slug = ? AND user_id = ? AND state = 'pending'").get(slug, userId) as ClaimRowDb | undefined;
    return row && toClaim(row);
  }

  /** Claims in a state, oldest first. */
  async listClaims(state: ClaimState): Promise<Claim[]> {
    return (this.sql('SELECT * FROM cluster_claims WHERE state = ? ORDER BY created_at, id').all(state) as ClaimRowDb[]).map(toClaim);
  }

  /** Confirms or rejects a pending claim. */
  async decideClaim(id: number, state: Exclude<ClaimState, 'pending'>, decidedBy: number): Promise<Claim> {
    if (this.gate) await this.gate.whenIdle();
    this.sql("UPDATE cluster_claims SET state = ?, decided_at = ?, decided_by = ? WHERE id = ? AND state = 'pending'").run(state, nowIso(), decidedBy, id);
    return (await this.claim(id))!;
  }

  /** Writes an audit-log entry; the actor is recorded as "user:<id>", like every account's changes. */
  async audit(entry: AuditEntry): Promise<void> {
    if (this.gate) await this.gate.whenIdle();
    this.sql('INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?, ?, ?, ?, ?)').run(
      nowIso(),
      `user:${entry.actorUserId}`,
      entry.action,
      entry.subject,
      entry.detail === undefined ? null : JSON.stringify(entry.detail),
    );
  }
}
