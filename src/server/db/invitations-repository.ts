import { nowIso } from './connection';
import { SqliteRepository } from './sqlite-repository';
import type { Invitation, InvitationState, InvitationsStore } from './store-interfaces';

interface InvitationRow {
  id: number;
  slug: string;
  email: string;
  invited_by: number;
  state: InvitationState;
  created_at: string;
  closed_at: string | null;
  closed_by: number | null;
}

/** A cluster_invitations row as a record. */
function toInvitation(row: InvitationRow): Invitation {
  return {
    id: row.id,
    slug: row.slug,
    email: row.email,
    invitedBy: row.invited_by,
    state: row.state,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
  };
}

/** SQLite repository of cluster_invitations (the rules are in src/server/workflow/invitations.ts). */
export class InvitationsRepository extends SqliteRepository implements InvitationsStore {
  /** Records a pending invitation of a (trimmed, lower-cased) e-mail to manage a cluster. */
  async create(slug: string, email: string, invitedBy: number): Promise<Invitation> {
    const id = await this.write(
      () =>
        (this.sql("INSERT INTO cluster_invitations (slug, email, invited_by, state, created_at) VALUES (?, ?, ?, 'pending', ?) RETURNING id").get(
          slug,
          email.trim().toLowerCase(),
          invitedBy,
          nowIso(),
        ) as { id: number }).id,
    );
    return (await this.get(id))!;
  }

  /** An invitation by id. */
  async get(id: number): Promise<Invitation | undefined> {
    const row = this.sql('SELECT * FROM cluster_invitations WHERE id = ?').get(id) as InvitationRow | undefined;
    return row && toInvitation(row);
  }

  /** The pending invitations of a cluster, oldest first. */
  async pendingFor(slug: string): Promise<Invitation[]> {
    return (this.sql("SELECT * FROM cluster_invitations WHERE slug = ? AND state = 'pending' ORDER BY created_at, id").all(slug) as InvitationRow[]).map(toInvitation);
  }

  /** The pending invitations of an e-mail (compared case-insensitively), oldest first. */
  async pendingOf(email: string): Promise<Invitation[]> {
    return (
      this.sql("SELECT * FROM cluster_invitations WHERE email = ? COLLATE NOCASE AND state = 'pending' ORDER BY created_at, id").all(email.trim()) as InvitationRow[]
    ).map(toInvitation);
  }

  /** Accepts or cancels a pending invitation; false when it was not pending. */
  async close(id: number, state: Exclude<InvitationState, 'pending'>, closedBy: number | null): Promise<boolean> {
    return this.write(
      () => this.sql("UPDATE cluster_invitations SET state = ?, closed_at = ?, closed_by = ? WHERE id = ? AND state = 'pending'").run(state, nowIso(), closedBy, id).changes === 1,
    );
  }
}
