import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileSchema } from '../../../src/lib/profile';
import { DATABASE_FILE } from '../../../src/server/db/connection';
import { isStandby, serverProcesses } from '../../../scripts/lib/process-memory';
import { createManagerTokens } from '../../helpers/managers';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { makeTempDir } from '../../helpers/temp';
import { submittableInput } from '../workflow/helpers';

// Issue 14, fault suite: the serving process killed with SIGKILL while 20 managers register clusters through the API.
// The standby takes over; afterwards the store passes PRAGMA integrity_check, every registration the portal
// acknowledged (201) is there, and every registration is whole: its revision, its manager and its audit entry, or
// none of them (the calls cut off by the kill included).
//
// Not checked by removing the protection: the kill would have to land between two statements of one unit of work,
// which this machine does not show reliably, so such a run proves little either way. What would fail: with saveDraft's
// three writes outside store.transaction, a cut-off call could leave a revision without its manager or audit entry
// ("each one whole"); with commits that do not reach the WAL before the answer, an acknowledged slug would be missing.
const MANAGERS = 20;
let temp: ReturnType<typeof makeTempDir>;
let portal: RunningPortal;
let tokens: string[];

/** Registration i of a manager: a new cluster with its own slug and names. */
const registration = (slug: string) =>
  submittableInput((p) => {
    p.slug = slug;
    p.general.name = { ru: `Кластер ${slug}`, en: `Cluster ${slug}` };
  });

/** Rows of the store that make up registrations, read through a separate connection. */
function registrations(dataDir: string) {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      revisions: db.prepare("SELECT slug, number, state, profile_json FROM cluster_revisions WHERE slug LIKE 'killed-%'").all() as Array<{ slug: string; number: number; state: string; profile_json: string }>,
      managers: new Set((db.prepare("SELECT slug FROM cluster_managers WHERE slug LIKE 'killed-%'").all() as Array<{ slug: string }>).map((r) => r.slug)),
      audited: new Set((db.prepare("SELECT subject FROM audit_log WHERE action = 'revision.create' AND subject LIKE 'killed-%'").all() as Array<{ subject: string }>).map((r) => r.subject)),
    };
  } finally {
    db.close();
  }
}

describe('SIGKILL of the serving process during registrations', () => {
  const acknowledged: string[] = [];
  let cutOff = 0;
  const refused: string[] = [];

  beforeAll(async () => {
    temp = makeTempDir();
    tokens = await createManagerTokens(temp.dir, MANAGERS, 'killed-manager');
    portal = await startPortal({ dataDir: temp.dir });
  });
  afterAll(async () => {
    await portal?.stop();
    temp?.remove();
  });

  it('keeps answering: the standby takes over, calls cut off fail without a 5xx', async () => {
    let stop = false;
    let next = 0;
    const manager = async (token: string) => {
      while (!stop) {
        const slug = `killed-${next++}`;
        let status: number;
        try {
          const res = await fetch(`${portal.url}/api/v1/me/clusters`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(registration(slug)) });
          await res.arrayBuffer();
          status = res.status;
        } catch {
          cutOff++; // the connection died with the process: the outcome is unknown to the client
          continue;
        }
        if (status === 201) acknowledged.push(slug);
        else refused.push(`${status} ${slug}`);
      }
    };
    const load = Promise.all(tokens.map(manager));
    // Kill once writes are flowing (the first ones also warm the process up).
    for (const deadline = Date.now() + 20_000; acknowledged.length < 2 * MANAGERS && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    const serving = serverProcesses(portal.process.pid!).filter((pid) => !isStandby(pid));
    expect(serving).toHaveLength(1);
    const before = acknowledged.length;
    process.kill(serving[0]!, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 2500));
    stop = true;
    await load;
    expect(refused.filter((r) => r.startsWith('5')), 'answers of 5xx').toEqual([]);
    expect(before, `refused: ${refused.slice(0, 5).join(', ')}; cut off: ${cutOff}`).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThan(before); // the standby answered after the kill
    expect(portal.output()).toMatch(/SIGKILL|signal|exited|standby/i);
  });

  it('leaves a sound store holding every acknowledged registration, each one whole', () => {
    const { integrity, revisions, managers, audited } = registrations(temp.dir);
    expect(integrity).toBe('ok');
    const stored = new Set(revisions.map((r) => r.slug));
    expect(acknowledged.filter((slug) => !stored.has(slug))).toEqual([]);
    for (const r of revisions) {
      expect([r.number, r.state]).toEqual([1, 'draft']);
      expect(profileSchema.safeParse(JSON.parse(r.profile_json)).success).toBe(true);
    }
    expect([...managers].sort()).toEqual([...stored].sort());
    expect([...audited].sort()).toEqual([...stored].sort());
  });
});
