import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/process-kit';
import { isStandby, serverProcesses } from '../../../scripts/lib/process-memory';
import { REGION_CODES } from '../../../src/lib/regions';
import { issueApiToken } from '../../../src/server/auth/accounts';
import { hashPassword } from '../../../src/server/auth/passwords';
import { DATABASE_FILE, nowIso } from '../../../src/server/db/connection';
import { openStore } from '../../../src/server/store';
import { createManagerTokens } from '../../helpers/managers';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { makeTempDir } from '../../helpers/temp';
import { CONTENT_DIR } from '../db/store-helpers';
import { integrityOf } from '../backup/store-rows';
import { submittableInput } from '../workflow/helpers';

// Issue 14, fault suite: SIGKILL in the middle of a moderation approval and of a regional import.
//
// Approval: a manager submits 30 registrations; a moderator approves them through the API, three at a time, and the
// serving process is killed with SIGKILL once approvals are flowing; the standby takes over and the moderator goes on.
// Afterwards the store passes PRAGMA integrity_check and every registration is in one consistent state: approved
// revision + public cluster + one 'revision.approve' and one 'cluster.publish' audit entry, or still submitted with
// none of them; every approval the portal acknowledged (200) is there.
//
// Regional import: `npm run import:regions` (the same importStream the moderators' upload form uses: stage, then one
// transaction) is killed with SIGKILL at delays spread over a whole import's run (measured first) while it imports 83 regions × 111 years; after each kill the
// store passes integrity_check and holds either none of the rows and no import audit entry, or all of them and one
// entry. The kill hits the importing process rather than the portal: the portal's upload form runs the same
// transaction in the serving process, and a kill of the process holding the transaction is what is under test.
//
// Not checked by removing the protection: a kill landing between two statements of one transaction is not
// reproducible on this machine, so a run with the transaction removed would prove little either way. What would
// fail: with approveRevision's writes outside store.transaction, a killed approval could leave an approved revision
// without its public cluster or audit entry ("one consistent state"); with the import committing row by row, a kill
// would leave part of the years ("none or all").

const REGISTRATIONS = 30;

/** A moderator account with an API token, made on dataDir before a portal starts there. */
async function createModeratorToken(dataDir: string): Promise<string> {
  const store = await openStore({ dataDir, contentDir: CONTENT_DIR });
  try {
    const user = await store.accounts.createUser(
      { email: 'killed-approval-moderator@example.org', name: 'Moderator', passwordHash: await hashPassword('moderator passphrase'), role: 'moderator', lang: 'en', confirmedAt: nowIso() },
      { actor: 'test', action: 'account.register' },
    );
    return (await issueApiToken(store, user, 'moderator')).token;
  } finally {
    await store.close();
  }
}

/** POSTs JSON with a Bearer token; the status, or null when the connection died (the outcome unknown to the client). */
async function post(url: string, token: string, body?: unknown): Promise<number | null> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return null;
  }
}

/** Reads the store through its own read-only connection. */
function readStore<T>(dataDir: string, work: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe('SIGKILL of the serving process during moderation approvals', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let portal: RunningPortal;
  let managerToken: string;
  let moderatorToken: string;
  const slugs = Array.from({ length: REGISTRATIONS }, (_, i) => `kill-approve-${i}`);
  const acknowledged: string[] = [];
  const answers: string[] = [];

  beforeAll(async () => {
    temp = makeTempDir();
    managerToken = (await createManagerTokens(temp.dir, 1, 'kill-approve-manager'))[0]!;
    moderatorToken = await createModeratorToken(temp.dir);
    portal = await startPortal({ dataDir: temp.dir });
    for (const slug of slugs) {
      const input = submittableInput((p) => ((p.slug = slug), (p.general.name = { ru: `Кластер ${slug}`, en: `Cluster ${slug}` })));
      expect(await post(`${portal.url}/api/v1/me/clusters`, managerToken, input), slug).toBe(201);
      expect(await post(`${portal.url}/api/v1/me/clusters/${slug}/submit`, managerToken), slug).toBe(200);
    }
  });
  afterAll(async () => {
    await portal?.stop();
    temp?.remove();
  });

  it('keeps answering: the standby approves the rest, no answer is a 5xx', async () => {
    const queue = [...slugs];
    let killed = false;
    const approver = async () => {
      for (let slug = queue.shift(); slug !== undefined; slug = queue.shift()) {
        const status = await post(`${portal.url}/api/v1/moderation/${slug}/approve`, moderatorToken);
        if (status === null) {
          answers.push(`cut off ${slug}`);
          if (killed) queue.push(slug); // try again on the standby (a 409 then says it was approved after all)
          continue;
        }
        answers.push(`${status} ${slug}`);
        if (status === 200) acknowledged.push(slug);
      }
    };
    const approvers = Promise.all([approver(), approver(), approver()]);
    for (const deadline = Date.now() + 30_000; acknowledged.length < 3 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    const serving = serverProcesses(portal.process.pid!).filter((pid) => !isStandby(pid));
    expect(serving).toHaveLength(1);
    process.kill(serving[0]!, 'SIGKILL');
    killed = true;
    await approvers;
    expect(answers.filter((a) => a.startsWith('5')), 'answers of 5xx').toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(3); // the standby approved after the kill
  });

  it('leaves a sound store where every registration is wholly approved or wholly still submitted', () => {
    expect(integrityOf(temp.dir)).toBe('ok');
    const rows = readStore(temp.dir, (db) => ({
      revisions: db.prepare("SELECT slug, state FROM cluster_revisions WHERE slug LIKE 'kill-approve-%'").all() as Array<{ slug: string; state: string }>,
      published: new Set((db.prepare("SELECT slug FROM clusters WHERE slug LIKE 'kill-approve-%' AND publication = 'approved'").all() as Array<{ slug: string }>).map((r) => r.slug)),
      audit: db.prepare("SELECT action, subject FROM audit_log WHERE subject LIKE 'kill-approve-%' AND action IN ('revision.approve', 'cluster.publish')").all() as Array<{ action: string; subject: string }>,
    }));
    const count = (action: string, slug: string) => rows.audit.filter((a) => a.action === action && a.subject === slug).length;
    expect(rows.revisions).toHaveLength(REGISTRATIONS);
    for (const { slug, state } of rows.revisions) {
      const whole = state === 'approved' ? [true, 1, 1] : [false, 0, 0];
      expect([slug, state, rows.published.has(slug), count('revision.approve', slug), count('cluster.publish', slug)]).toEqual([slug, expect.stringMatching(/^(approved|submitted)$/), ...whole]);
    }
    const approved = new Set(rows.revisions.filter((r) => r.state === 'approved').map((r) => r.slug));
    expect(acknowledged.filter((slug) => !approved.has(slug))).toEqual([]);
    expect(approved.size).toBe(REGISTRATIONS); // the cut-off ones were retried on the standby
  });
});

describe('SIGKILL of a regional statistics import', () => {
  let temp: ReturnType<typeof makeTempDir>;
  const years = Array.from({ length: 111 }, (_, i) => 1990 + i); // every year the importer accepts
  const csv = () => join(temp.dir, 'regions.csv');
  const rows = REGION_CODES.length * years.length;

  /** The import's rows and audit entries in the store. */
  const imported = () => readStore(temp.dir, (db) => ({
    rows: (db.prepare('SELECT COUNT(*) AS n FROM region_statistics').get() as { n: number }).n,
    audits: (db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'import-regional-statistics'").get() as { n: number }).n,
  }));

  /** Runs the import in ONE process (node --import tsx: the tsx CLI would leave its child running when killed); SIGKILLs it after `killAfterMs` (never, when null). */
  const runImport = (killAfterMs: number | null, dataDir = temp.dir) =>
    new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import-regions.ts', csv()], { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, CONTENT_DIR }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const timer = killAfterMs === null ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      child.once('error', reject);
      child.once('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, output });
      });
    });

  beforeAll(async () => {
    temp = makeTempDir();
    await (await openStore({ dataDir: temp.dir, contentDir: CONTENT_DIR })).close();
    const header = 'region,year,population,population_source,fdi,fdi_source,exports,exports_source,imports,imports_source,foreign_owned_companies,foreign_owned_companies_source';
    const lines = REGION_CODES.flatMap((region, r) => years.map((year) => `${region},${year},${1_000_000 + r * 1000 + year},test,${100 + r},test,${200 + r},test,${150 + r},test,${10 + r},test`));
    writeFileSync(csv(), [header, ...lines].join('\n') + '\n');
  });
  afterAll(() => temp?.remove());

  it('leaves none or all of the rows after every kill, and all of them after a run to the end', async () => {
    // How long a whole import takes here (on a scratch store), so that the kills spread over its run, the commit
    // at the end included; the figure only places the kills and is not asserted.
    const scratch = makeTempDir();
    let wholeMs: number;
    try {
      await (await openStore({ dataDir: scratch.dir, contentDir: CONTENT_DIR })).close();
      const started = Date.now();
      const whole = await runImport(null, scratch.dir);
      wholeMs = Date.now() - started;
      expect(whole.code, whole.output).toBe(0);
    } finally {
      scratch.remove();
    }
    const outcomes: string[] = [];
    for (const fraction of [0.3, 0.6, 0.8, 0.9, 0.95, 0.98, 1, 1.02]) {
      const delay = Math.round(wholeMs * fraction);
      const run = await runImport(delay);
      expect(integrityOf(temp.dir)).toBe('ok');
      const now = imported();
      outcomes.push(`${delay} ms: ${run.signal ?? `exit ${run.code}`}, ${now.rows} rows`);
      expect([0, rows], outcomes.join('; ')).toContain(now.rows);
      expect(now.audits > 0, outcomes.join('; ')).toBe(now.rows > 0);
      if (now.rows > 0) break; // imported whole: later kills would only repeat an import
    }
    const last = await runImport(null);
    expect(last.code, last.output).toBe(0);
    expect(imported().rows).toBe(rows);
    console.log(`[kill-during-import] a whole import took ${wholeMs} ms; ${outcomes.join('; ')}`);
  }, 300_000);
});
