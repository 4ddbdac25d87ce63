import type { ContactStatus } from '../../lib/contact/schema';
import type { Lang } from '../../lib/i18n/locales';
import { nowIso } from './connection';
import { SqliteRepository } from './sqlite-repository';
import type { ContactConfirmation, ContactRequest, ContactRequestsStore, NewContactRequest } from './store-interfaces';

/** How long an unconfirmed request is kept after its link expired (then it is deleted: it was never sent). */
const UNCONFIRMED_RETENTION_MS = 7 * 24 * 3600 * 1000;

interface ContactRequestRow {
  id: number;
  slug: string;
  sender_name: string;
  sender_email: string;
  organisation: string | null;
  country: string | null;
  message: string;
  lang: Lang;
  status: ContactStatus;
  confirm_expires_at: string;
  created_at: string;
  confirmed_at: string | null;
  read_at: string | null;
  answered_at: string | null;
  answered_by: number | null;
  answer: string | null;
}

/** A contact_requests row as a record (without the token hash). */
function toRequest(row: ContactRequestRow): ContactRequest {
  return {
    id: row.id,
    slug: row.slug,
    senderName: row.sender_name,
    senderEmail: row.sender_email,
    organisation: row.organisation,
    country: row.country,
    message: row.message,
    lang: row.lang,
    status: row.status,
    createdAt: row.created_at,
    confirmedAt: row.confirmed_at,
    readAt: row.read_at,
    answeredAt: row.answered_at,
    answeredBy: row.answered_by,
    answer: row.answer,
  };
}

/** SQLite repository of contact_requests. */
export class ContactRequestsRepository extends SqliteRepository implements ContactRequestsStore {
  /** Stores an unconfirmed request; unconfirmed requests whose link expired over a week ago are deleted. */
  async create(request: NewContactRequest): Promise<ContactRequest> {
    const now = nowIso();
    const id = await this.write(() => {
      this.sql("DELETE FROM contact_requests WHERE status = 'unconfirmed' AND confirm_expires_at < ?").run(new Date(Date.parse(now) - UNCONFIRMED_RETENTION_MS).toISOString());
      return (
        this.sql(
          `INSERT INTO contact_requests (slug, sender_name, sender_email, organisation, country, message, lang, confirm_token_hash, confirm_expires_at, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        ).get(
          request.slug,
          request.senderName,
          request.senderEmail,
          request.organisation ?? null,
          request.country ?? null,
          request.message,
          request.lang,
          request.confirmTokenHash,
          request.confirmExpiresAt,
          now,
        ) as { id: number }
      ).id;
    });
    return (await this.get(id))!;
  }

  /** A request by id. */
  async get(id: number): Promise<ContactRequest | undefined> {
    const row = this.sql('SELECT * FROM contact_requests WHERE id = ?').get(id) as ContactRequestRow | undefined;
    return row && toRequest(row);
  }

  /** Uses a confirmation link once: the request is delivered in the same statement that checks it, so two clicks deliver once. */
  async confirm(tokenHash: string, now = nowIso()): Promise<ContactConfirmation> {
    return this.write(() => {
      const row = this.sql('SELECT * FROM contact_requests WHERE confirm_token_hash = ?').get(tokenHash) as ContactRequestRow | undefined;
      if (!row) return { ok: false, reason: 'unknown' } as const;
      if (row.status !== 'unconfirmed') return { ok: false, reason: 'used', request: toRequest(row) } as const;
      if (row.confirm_expires_at <= now) return { ok: false, reason: 'expired', request: toRequest(row) } as const;
      this.sql("UPDATE contact_requests SET status = 'delivered', confirmed_at = ? WHERE id = ? AND status = 'unconfirmed'").run(now, row.id);
      return { ok: true, request: toRequest({ ...row, status: 'delivered', confirmed_at: now }) } as const;
    });
  }

  /** The delivered and answered requests of a cluster, newest first. */
  async listDelivered(slug: string): Promise<ContactRequest[]> {
    return (
      this.sql("SELECT * FROM contact_requests WHERE slug = ? AND status IN ('delivered', 'answered') ORDER BY confirmed_at DESC, id DESC").all(slug) as ContactRequestRow[]
    ).map(toRequest);
  }

  /** Marks the cluster's delivered, unread requests read. */
  async markRead(slug: string, now = nowIso()): Promise<number> {
    return this.write(() => this.sql("UPDATE contact_requests SET read_at = ? WHERE slug = ? AND status IN ('delivered', 'answered') AND read_at IS NULL").run(now, slug).changes);
  }

  /** Records the answer of a delivered request (once). */
  async answer(id: number, answer: { text: string; by: number }, now = nowIso()): Promise<boolean> {
    return this.write(
      () =>
        this.sql("UPDATE contact_requests SET status = 'answered', answer = ?, answered_by = ?, answered_at = ?, read_at = COALESCE(read_at, ?) WHERE id = ? AND status = 'delivered'").run(
          answer.text,
          answer.by,
          now,
          now,
          id,
        ).changes === 1,
    );
  }

  /** Unread delivered requests per cluster. */
  async unreadCounts(slugs: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (slugs.length === 0) return counts;
    const rows = this.db
      .prepare(`SELECT slug, COUNT(*) AS n FROM contact_requests WHERE status = 'delivered' AND read_at IS NULL AND slug IN (${slugs.map(() => '?').join(', ')}) GROUP BY slug`)
      .all(...slugs) as Array<{ slug: string; n: number }>;
    for (const row of rows) counts.set(row.slug, row.n);
    return counts;
  }
}
