import type { Role } from '../../lib/accounts/limits';
import type { Lang } from '../../lib/i18n/locales';
import { nowIso } from './connection';
import { SqliteRepository } from './sqlite-repository';
import type {
  AccountsStore,
  ApiTokenInfo,
  ChangeContext,
  EmailTokenPurpose,
  EmailTokenUse,
  NewSession,
  NewUser,
  SessionRecord,
  UserChanges,
  UserRecord,
} from './store-interfaces';

interface UserRow {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  lang: Lang;
  confirmed_at: string | null;
  disabled_at: string | null;
  created_at: string;
}

const USER_COLUMNS = 'u.id, u.email, u.name, u.password_hash, u.role, u.lang, u.confirmed_at, u.disabled_at, u.created_at';

/** A users row as a record. */
function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    lang: row.lang,
    passwordHash: row.password_hash,
    confirmedAt: row.confirmed_at,
    disabledAt: row.disabled_at,
    createdAt: row.created_at,
  };
}

/** Column of each changeable field of an account. */
const USER_CHANGE_COLUMNS: Record<keyof UserChanges, string> = {
  name: 'name',
  passwordHash: 'password_hash',
  role: 'role',
  confirmedAt: 'confirmed_at',
  disabledAt: 'disabled_at',
  lang: 'lang',
};

/** Fields whose values the audit log must not hold (it records that they changed, not to what). */
const SECRET_FIELDS: ReadonlySet<keyof UserChanges> = new Set(['passwordHash']);

/** Audit subject of an account. */
export const userSubject = (id: number) => `user:${id}`;

/** SQLite repository of users, sessions, email_tokens and api_tokens, with an audit entry for every account change. */
export class AccountsRepository extends SqliteRepository implements AccountsStore {
  /** The account with this email (stored lower-cased; NOCASE guards older rows too). */
  async findUserByEmail(email: string): Promise<UserRecord | undefined> {
    const row = this.sql(`SELECT ${USER_COLUMNS} FROM users u WHERE u.email = ? COLLATE NOCASE`).get(email.trim()) as UserRow | undefined;
    return row && toUser(row);
  }

  /** The account with this id. */
  async getUser(id: number): Promise<UserRecord | undefined> {
    const row = this.sql(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ?`).get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  /** Creates an account with its audit entry. */
  async createUser(user: NewUser, change: ChangeContext): Promise<UserRecord> {
    const now = nowIso();
    const id = await this.write(() => {
      const { lastInsertRowid } = this.sql(
        'INSERT INTO users (email, name, password_hash, role, lang, confirmed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(user.email.trim().toLowerCase(), user.name, user.passwordHash, user.role, user.lang, user.confirmedAt ?? null, now);
      this.insertAudit(change, userSubject(Number(lastInsertRowid)), { role: user.role }, now);
      return Number(lastInsertRowid);
    });
    return (await this.getUser(id))!;
  }

  /** Changes an account; the audit entry names the changed fields (and the new values of non-secret ones). */
  async updateUser(id: number, changes: UserChanges, change: ChangeContext): Promise<void> {
    const fields = (Object.keys(changes) as (keyof UserChanges)[]).filter((f) => changes[f] !== undefined);
    if (fields.length === 0) return;
    const now = nowIso();
    await this.write(() => {
      const assignments = fields.map((f) => `${USER_CHANGE_COLUMNS[f]} = ?`).join(', ');
      const result = this.db.prepare(`UPDATE users SET ${assignments} WHERE id = ?`).run(...fields.map((f) => changes[f] ?? null), id);
      if (result.changes === 0) throw new Error(`no account with id ${id} to update`);
      const detail = Object.fromEntries(fields.map((f) => [f, SECRET_FIELDS.has(f) ? '(changed)' : changes[f]]));
      this.insertAudit(change, userSubject(id), detail, now);
    });
  }

  /** Stores a new session with its audit entry (sign-ins are account events). */
  async createSession(session: NewSession, change: ChangeContext): Promise<void> {
    const now = nowIso();
    await this.write(() => {
      this.sql('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        session.tokenHash,
        session.userId,
        now,
        now,
        session.expiresAt,
        session.ip ?? null,
        session.userAgent?.slice(0, 300) ?? null,
      );
      // Expired sessions are pruned here rather than by a timer: sign-ins are frequent enough to keep the table small.
      this.sql('DELETE FROM sessions WHERE expires_at <= ?').run(now);
      this.insertAudit(change, userSubject(session.userId), undefined, now);
    });
  }

  /** The unexpired session with this token hash and its account. */
  async findSession(tokenHash: string, now = nowIso()): Promise<SessionRecord | undefined> {
    const row = this.sql(
      `SELECT s.id AS session_id, s.last_seen_at, s.expires_at, ${USER_COLUMNS}
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?`,
    ).get(tokenHash, now) as (UserRow & { session_id: number; last_seen_at: string; expires_at: string }) | undefined;
    return row && { id: row.session_id, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at, user: toUser(row) };
  }

  /** Records that a session was used now. */
  async touchSession(id: number, now = nowIso()): Promise<void> {
    await this.write(() => this.sql('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(now, id));
  }

  /** Deletes one session (signing out) with its audit entry. */
  async deleteSession(tokenHash: string, change: ChangeContext): Promise<boolean> {
    return this.write(() => {
      const row = this.sql('SELECT user_id FROM sessions WHERE token_hash = ?').get(tokenHash) as { user_id: number } | undefined;
      if (!row) return false;
      this.sql('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
      this.insertAudit(change, userSubject(row.user_id), undefined, nowIso());
      return true;
    });
  }

  /** Deletes every session of an account. */
  async deleteSessionsOf(userId: number): Promise<number> {
    return this.write(() => this.sql('DELETE FROM sessions WHERE user_id = ?').run(userId).changes);
  }

  /** Stores a mailed link's token hash; earlier unused links of the same purpose stop working (only the newest mail counts). */
  async createEmailToken(token: { tokenHash: string; purpose: EmailTokenPurpose; userId: number; expiresAt: string }): Promise<void> {
    const now = nowIso();
    await this.write(() => {
      this.sql('UPDATE email_tokens SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL').run(now, token.userId, token.purpose);
      this.sql('INSERT INTO email_tokens (token_hash, purpose, user_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)').run(
        token.tokenHash,
        token.purpose,
        token.userId,
        now,
        token.expiresAt,
      );
    });
  }

  /** Whether a mailed link works now. */
  async checkEmailToken(tokenHash: string, purpose: EmailTokenPurpose, now = nowIso()): Promise<EmailTokenUse> {
    const row = this.sql('SELECT user_id, expires_at, used_at FROM email_tokens WHERE token_hash = ? AND purpose = ?').get(tokenHash, purpose) as
      | { user_id: number; expires_at: string; used_at: string | null }
      | undefined;
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.used_at !== null) return { ok: false, reason: 'used' };
    if (row.expires_at <= now) return { ok: false, reason: 'expired' };
    return { ok: true, userId: row.user_id };
  }

  /** Uses a mailed link once: the UPDATE … WHERE used_at IS NULL makes a second use (even a concurrent one) fail. */
  async useEmailToken(tokenHash: string, purpose: EmailTokenPurpose, now = nowIso()): Promise<EmailTokenUse> {
    return this.write(() => {
      const state = this.sql('SELECT user_id, expires_at, used_at FROM email_tokens WHERE token_hash = ? AND purpose = ?').get(tokenHash, purpose) as
        | { user_id: number; expires_at: string; used_at: string | null }
        | undefined;
      if (!state) return { ok: false, reason: 'unknown' } as const;
      if (state.used_at !== null) return { ok: false, reason: 'used' } as const;
      if (state.expires_at <= now) return { ok: false, reason: 'expired' } as const;
      const { changes } = this.sql('UPDATE email_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL').run(now, tokenHash);
      return changes === 1 ? ({ ok: true, userId: state.user_id } as const) : ({ ok: false, reason: 'used' } as const);
    });
  }

  /** Stores a new API token with its audit entry; returns its id. */
  async createApiToken(token: { tokenHash: string; userId: number; name: string }, change: ChangeContext): Promise<number> {
    const now = nowIso();
    return this.write(() => {
      const { lastInsertRowid } = this.sql('INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?)').run(
        token.tokenHash,
        token.userId,
        token.name,
        now,
      );
      this.insertAudit(change, userSubject(token.userId), { tokenId: Number(lastInsertRowid), name: token.name }, now);
      return Number(lastInsertRowid);
    });
  }

  /** The API tokens of an account, newest first. */
  async listApiTokens(userId: number): Promise<ApiTokenInfo[]> {
    return this.sql(
      'SELECT id, name, created_at AS createdAt, last_used_at AS lastUsedAt, revoked_at AS revokedAt FROM api_tokens WHERE user_id = ? ORDER BY id DESC',
    ).all(userId) as ApiTokenInfo[];
  }

  /** Revokes one live token of the account (another account's token id changes nothing). */
  async revokeApiToken(userId: number, tokenId: number, change: ChangeContext): Promise<boolean> {
    const now = nowIso();
    return this.write(() => {
      const { changes } = this.sql('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL').run(now, tokenId, userId);
      if (changes === 1) this.insertAudit(change, userSubject(userId), { tokenId }, now);
      return changes === 1;
    });
  }

  /** The account of a live API token; its last use is recorded at most once a minute (a busy client writes little). */
  async useApiToken(tokenHash: string, now = nowIso()): Promise<UserRecord | undefined> {
    const row = this.sql(
      `SELECT t.id AS token_id, t.last_used_at, ${USER_COLUMNS} FROM api_tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
    ).get(tokenHash) as (UserRow & { token_id: number; last_used_at: string | null }) | undefined;
    if (!row) return undefined;
    if (row.last_used_at === null || Date.parse(now) - Date.parse(row.last_used_at) > 60_000) {
      await this.write(() => this.sql('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(now, row.token_id));
    }
    return toUser(row);
  }

  /** Accounts whose e-mail or name contains the text (LIKE, its wildcards escaped), newest first. */
  async listUsers(filter: { text?: string; limit: number }): Promise<UserRecord[]> {
    const text = filter.text?.trim() ?? '';
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = this.sql(
      `SELECT ${USER_COLUMNS} FROM users u WHERE ? = '' OR u.email LIKE ? ESCAPE '\\' OR u.name LIKE ? ESCAPE '\\' ORDER BY u.created_at DESC, u.id DESC LIMIT ?`,
    ).all(text, pattern, pattern, filter.limit) as UserRow[];
    return rows.map(toUser);
  }

  /** Writes one audit entry. */
  async audit(change: ChangeContext, subject: string, detail?: Record<string, unknown>): Promise<void> {
    await this.write(() => this.insertAudit(change, subject, detail, nowIso()));
  }

  /** The audit row of a change, inside the caller's transaction. */
  private insertAudit(change: ChangeContext, subject: string, detail: Record<string, unknown> | undefined, now: string): void {
    this.sql('INSERT INTO audit_log (at, actor, action, subject, detail_json) VALUES (?, ?, ?, ?, ?)').run(
      now,
      change.actor,
      change.action,
      subject,
      detail === undefined ? null : JSON.stringify(detail),
    );
  }
}
