import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../../src/server/db/connection';
import { isWorkflowError, type Actor } from '../../../src/lib/workflow';
import { countsIn } from '../db/store-helpers';

export { submittableInput } from '../../unit/workflow/fixtures';

/** The actors of the permission tests: managers of clusters A and B, a moderator, and an account managing nothing. */
export const ACTORS = {
  managerA: { userId: 1, role: 'manager' },
  managerB: { userId: 2, role: 'manager' },
  moderator: { userId: 9, role: 'moderator' },
  stranger: { userId: 5, role: 'manager' },
} satisfies Record<string, Actor>;

/** Row counts of every table a workflow step may write (committed state, read through a separate connection). */
export function allCounts(dataDir: string) {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const n = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const fingerprint = db.prepare("SELECT group_concat(id || state || updated_at || length(profile_json), ';') AS f FROM cluster_revisions").get() as { f: string | null };
    return {
      ...countsIn(dataDir),
      revisions: n('cluster_revisions'),
      managers: n('cluster_managers'),
      claims: n('cluster_claims'),
      revisionsFingerprint: fingerprint.f,
    };
  } finally {
    db.close();
  }
}

/** The audit-log entries of a subject, oldest first. */
export function auditOf(dataDir: string, subject: string): Array<{ actor: string; action: string; detail: unknown }> {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return (db.prepare('SELECT actor, action, detail_json FROM audit_log WHERE subject = ? ORDER BY id').all(subject) as Array<{ actor: string; action: string; detail_json: string | null }>).map(
      (r) => ({ actor: r.actor, action: r.action, detail: r.detail_json && JSON.parse(r.detail_json) }),
    );
  } finally {
    db.close();
  }
}

/** Runs a step and returns the WorkflowError's code (or 'ok'); other errors fail the test. */
export async function codeOf(step: Promise<unknown>): Promise<string> {
  try {
    await step;
    return 'ok';
  } catch (error) {
    if (isWorkflowError(error)) return error.code;
    throw error;
  }
}
