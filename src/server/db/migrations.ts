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
  {
    version: 4,
    name: 'accounts',
    // Only hashes of secrets are stored (password: scrypt; session, email and API tokens: SHA-256), so a copy of
    // the file lets nobody sign in. Emails are stored trimmed and lower-cased; the NOCASE index also guards them.
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('manager', 'moderator')),
        lang TEXT NOT NULL DEFAULT 'ru' CHECK (lang IN ('ru', 'en')),
        confirmed_at TEXT,
        disabled_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX users_email ON users(email COLLATE NOCASE);

      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        ip TEXT,
        user_agent TEXT
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE INDEX sessions_expires ON sessions(expires_at);

      CREATE TABLE email_tokens (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        purpose TEXT NOT NULL CHECK (purpose IN ('confirm', 'reset')),
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
      CREATE INDEX email_tokens_user ON email_tokens(user_id, purpose);

      CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      );
      CREATE INDEX api_tokens_user ON api_tokens(user_id);

      CREATE TABLE mail_outbox (
        id INTEGER PRIMARY KEY,
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sent_at TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT
      );
      CREATE INDEX mail_outbox_pending ON mail_outbox(sent_at, next_attempt_at);

      CREATE TABLE rate_limits (
        key TEXT PRIMARY KEY,
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'revisions, cluster managers and claims',
    // user_id, author_id, submitted_by, decided_by and added_by are users.id of migration 4: plain INTEGER columns
    // (written in parallel with it; the workflow only ever stores the id of a signed-in or looked-up user). A revision is keyed by the slug its cluster has or will get: a new registration has no clusters row
    // until it is approved. The public clusters table keeps holding approved profiles only.
    sql: `
      CREATE TABLE cluster_revisions (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1),
        kind TEXT NOT NULL CHECK (kind IN ('registration', 'edit')),
        state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'discarded')),
        profile_json TEXT NOT NULL,
        name_ru TEXT NOT NULL,
        name_en TEXT NOT NULL,
        author_id INTEGER NOT NULL,
        updated_by INTEGER NOT NULL,
        submitted_by INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        decided_at TEXT,
        decided_by INTEGER,
        moderator_comment TEXT,
        changed_fields_json TEXT,
        UNIQUE (slug, number)
      );
      -- One open revision per cluster, enforced by the file itself and not only by the code.
      CREATE UNIQUE INDEX cluster_revisions_one_open ON cluster_revisions(slug) WHERE state IN ('draft', 'submitted', 'returned');
      CREATE INDEX cluster_revisions_state ON cluster_revisions(state, submitted_at);

      CREATE TABLE cluster_managers (
        slug TEXT NOT NULL,
        user_id INTEGER NOT NULL,
        added_by INTEGER NOT NULL,
        added_at TEXT NOT NULL,
        PRIMARY KEY (slug, user_id)
      );
      CREATE INDEX cluster_managers_user ON cluster_managers(user_id);

      CREATE TABLE cluster_claims (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL,
        user_id INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'confirmed', 'rejected')),
        created_at TEXT NOT NULL,
        decided_at TEXT,
        decided_by INTEGER
      );
      CREATE UNIQUE INDEX cluster_claims_one_pending ON cluster_claims(slug, user_id) WHERE state = 'pending';
    `,
  },
  {
    version: 6,
    name: 'invitations to manage a cluster, for e-mails with no account yet',
    // Accepted when an account with the e-mail is confirmed (the confirmation proves the address). Emails are
    // stored trimmed and lower-cased; one pending invitation per cluster and address.
    sql: `
      CREATE TABLE cluster_invitations (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL,
        email TEXT NOT NULL,
        invited_by INTEGER NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'cancelled')),
        created_at TEXT NOT NULL,
        closed_at TEXT,
        closed_by INTEGER
      );
      CREATE UNIQUE INDEX cluster_invitations_one_pending ON cluster_invitations(slug, email COLLATE NOCASE) WHERE state = 'pending';
      CREATE INDEX cluster_invitations_email ON cluster_invitations(email COLLATE NOCASE, state);
    `,
  },
  {
    version: 7,
    name: 'messages from visitors to a cluster\'s managers, and Reply-To on mail',
    // A request is stored unconfirmed with the hash of the link mailed to its sender; following the link delivers it
    // to the managers (status 'delivered'), and a manager's answer makes it 'answered'. The sender's text is kept as
    // typed (trimmed); the limits are those of src/lib/contact/schema.ts.
    sql: `
      CREATE TABLE contact_requests (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL,
        sender_name TEXT NOT NULL,
        sender_email TEXT NOT NULL,
        organisation TEXT,
        country TEXT,
        message TEXT NOT NULL,
        lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
        status TEXT NOT NULL DEFAULT 'unconfirmed' CHECK (status IN ('unconfirmed', 'delivered', 'answered')),
        confirm_token_hash TEXT NOT NULL UNIQUE,
        confirm_expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        confirmed_at TEXT,
        read_at TEXT,
        answered_at TEXT,
        answered_by INTEGER,
        answer TEXT
      );
      CREATE INDEX contact_requests_cluster ON contact_requests(slug, status, confirmed_at);
      CREATE INDEX contact_requests_unconfirmed ON contact_requests(status, confirm_expires_at);
      ALTER TABLE mail_outbox ADD COLUMN reply_to TEXT;
    `,
  },
];

/** Applies the migrations newer than the database's user_version; returns the versions applied. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const applied: number[] = [];
  for (const m of migrations) {
    // The version is read under the write lock: two processes opening one file at once apply each migration once.
    const ran = db
      .transaction(() => {
        if ((db.pragma('user_version', { simple: true }) as number) >= m.version) return false;
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
        return true;
      })
      .immediate();
    if (ran) applied.push(m.version);
  }
  return applied;
}
