import { nowIso } from './connection';
import { SqliteRepository } from './sqlite-repository';
import type { ClaimedMail, MailMessage, MailOutboxStore } from './store-interfaces';

/** How long handed-over mails stay (for inspection) before they are pruned. */
const SENT_RETENTION_MS = 30 * 24 * 3600 * 1000;

/**
 * SQLite repository of mail_outbox. Mails are claimed by marking them sent in the same transaction that reads
 * them, before delivery: two server processes (the serving one and a standby) can never both send one mail, and a
 * crash during delivery loses that mail rather than sending it twice (at most once; a failed delivery that is
 * noticed puts it back with markFailed).
 */
export class MailOutboxRepository extends SqliteRepository implements MailOutboxStore {
  /** Queues a mail, due at once. */
  async enqueue(message: MailMessage): Promise<number> {
    const now = nowIso();
    return this.write(() =>
      Number(
        this.sql('INSERT INTO mail_outbox (recipient, subject, text, reply_to, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)').run(
          message.to,
          message.subject,
          message.text,
          message.replyTo ?? null,
          now,
          now,
        ).lastInsertRowid,
      ),
    );
  }

  /** Claims due mails, oldest first, marking them sent (and counting the attempt) in one transaction. */
  async claimDue(limit: number, now = nowIso()): Promise<ClaimedMail[]> {
    return this.write(() => {
      const rows = this.sql(
        'SELECT id, recipient AS "to", subject, text, reply_to AS replyTo, attempts FROM mail_outbox WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?',
      ).all(now, limit) as Array<ClaimedMail & { replyTo: string | null }>;
      const claim = this.sql('UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1 WHERE id = ? AND sent_at IS NULL');
      const claimed = rows
        .filter((row) => claim.run(now, row.id).changes === 1)
        .map(({ replyTo, ...row }) => ({ ...row, ...(replyTo ? { replyTo } : {}), attempts: row.attempts + 1 }));
      const cutoff = new Date(Date.parse(now) - SENT_RETENTION_MS).toISOString();
      this.sql('DELETE FROM mail_outbox WHERE sent_at IS NOT NULL AND sent_at < ?').run(cutoff);
      return claimed;
    });
  }

  /** Puts a mail back for another attempt at nextAttemptAt, with the reason. */
  async markFailed(id: number, error: string, nextAttemptAt: string): Promise<void> {
    await this.write(() =>
      this.sql('UPDATE mail_outbox SET sent_at = NULL, last_error = ?, next_attempt_at = ? WHERE id = ?').run(error.slice(0, 1000), nextAttemptAt, id),
    );
  }

  /** Mails not yet handed over. */
  async pendingCount(): Promise<number> {
    return (this.sql('SELECT COUNT(*) AS n FROM mail_outbox WHERE sent_at IS NULL').get() as { n: number }).n;
  }
}
