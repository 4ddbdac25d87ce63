import Database from 'better-sqlite3';
import { join } from 'node:path';
import { emailSchema, nameSchema } from '../../../src/lib/accounts/schemas';
import { TOKEN_NAME_MAX } from '../../../src/lib/accounts/limits';
import { contactRequestSchema } from '../../../src/lib/contact/schema';
import { profileSchema } from '../../../src/lib/profile';
import { DATABASE_FILE } from '../../../src/server/db/connection';

/**
 * Every stored value that the schemas would refuse, as "table id: problem" lines (none in a sound store): profiles of
 * clusters and revisions, account emails and names, token names, contact requests; plus PRAGMA integrity_check.
 */
export function invalidStoredData(dataDir: string): string[] {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const profiles = db.prepare("SELECT 'clusters ' || slug AS id, profile_json FROM clusters UNION ALL SELECT 'cluster_revisions ' || id, profile_json FROM cluster_revisions").all() as Array<{ id: string; profile_json: string }>;
    for (const row of profiles) {
      const parsed = profileSchema.safeParse(JSON.parse(row.profile_json));
      if (!parsed.success) problems.push(`${row.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    for (const user of db.prepare('SELECT id, email, name FROM users').all() as Array<{ id: number; email: string; name: string }>) {
      const email = emailSchema.safeParse(user.email);
      if (!email.success || email.data !== user.email) problems.push(`users ${user.id}: email ${JSON.stringify(user.email)}`);
      const name = nameSchema.safeParse(user.name);
      if (!name.success || name.data !== user.name) problems.push(`users ${user.id}: name ${JSON.stringify(user.name.slice(0, 80))}`);
    }
    for (const token of db.prepare('SELECT id, name FROM api_tokens').all() as Array<{ id: number; name: string }>)
      if (token.name.length > TOKEN_NAME_MAX) problems.push(`api_tokens ${token.id}: name of ${token.name.length} characters`);
    const requests = db.prepare('SELECT id, sender_name AS name, sender_email AS email, organisation, country, message, lang FROM contact_requests').all() as Array<Record<string, string | null>>;
    for (const request of requests) {
      const parsed = contactRequestSchema.safeParse({ ...request, homepage: '' });
      if (!parsed.success) problems.push(`contact_requests ${request.id}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    return problems;
  } finally {
    db.close();
  }
}
