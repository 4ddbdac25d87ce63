// Cluster registrations per second under concurrent managers: each one POSTs a new cluster's profile and submits
// it, over and over, through the HTTP API with its bearer token. Baseline of the same run: the same two steps
// called in-process on a store of its own, one after another (what the store and the workflow cost without HTTP,
// the server and concurrency). Also the server process's memory before and after the load.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'undici';
import { issueApiToken } from '../../src/server/auth/accounts';
import { hashPassword } from '../../src/server/auth/passwords';
import { nowIso } from '../../src/server/db/connection';
import { openStore } from '../../src/server/store';
import { saveDraft, submitRevision } from '../../src/server/workflow/revisions';
import type { Store } from '../../src/server/db/store-interfaces';
import { quantile } from './bench-kit';
import { ROOT, startPortalProcess } from './process-kit';
import { serverRssKb } from './process-memory';

/** What the registration benchmark measured. */
export interface RegistrationFigures {
  managers: number;
  seconds: number;
  registrations: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  failures: number;
  baselinePerSecond: number;
  serverRssIdleKb: number | null;
  serverRssAfterKb: number | null;
}

/** A shipped pilot's profile made into new registration i: own slug and names, a management and 10 members (the minimum to submit). */
export function registrationProfile(template: any, i: number): unknown {
  const p = structuredClone(template);
  delete p.provenance;
  p.slug = `bench-registration-${i}`;
  p.general.name = { ru: `Регистрация ${i}`, en: `Registration ${i}` };
  p.management = { cmo: { name: { ru: 'АНО «Центр кластерного развития»' } }, manager: { name: 'Иван Петров', email: 'manager@example.org' } };
  p.members = { members: Array.from({ length: 10 }, (_, m) => ({ name: { ru: `Участник ${m + 1}` }, type: m % 2 ? 'university' : 'sme' })) };
  return p;
}

/** The first shipped cluster profile, the template of every registration. */
function templateProfile(contentDir: string): unknown {
  const file = readdirSync(join(contentDir, 'clusters')).filter((f) => f.endsWith('.json')).sort()[0]!;
  return JSON.parse(readFileSync(join(contentDir, 'clusters', file), 'utf8'));
}

/** Confirmed manager accounts with a token each, made through the account operations (no mail, no rate limit). */
async function managerTokens(store: Store, count: number): Promise<string[]> {
  const passwordHash = await hashPassword('benchmark passphrase');
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const user = await store.accounts.createUser(
      { email: `bench-manager-${i}@example.org`, name: `Bench ${i}`, passwordHash, role: 'manager', lang: 'en', confirmedAt: nowIso() },
      { actor: 'bench', action: 'account.register' },
    );
    tokens.push((await issueApiToken(store, user, 'bench')).token);
  }
  return tokens;
}

/** Registrations per second of saveDraft + submitRevision in this process, for `seconds`. */
async function inProcessRate(dataDir: string, seconds: number, template: unknown): Promise<number> {
  const store = await openStore({ dataDir, contentDir: join(ROOT, 'content') });
  try {
    const user = await store.accounts.createUser({ email: 'bench-inprocess@example.org', name: 'In process', passwordHash: 'x', role: 'manager', lang: 'en', confirmedAt: nowIso() }, { actor: 'bench', action: 'account.register' });
    const actor = { userId: user.id, role: 'manager' as const };
    const until = performance.now() + seconds * 1000;
    let done = 0;
    while (performance.now() < until) {
      const profile = registrationProfile(template, 1_000_000 + done) as { slug: string };
      await saveDraft(store, actor, profile);
      await submitRevision(store, actor, profile.slug);
      done++;
    }
    return done / seconds;
  } finally {
    await store.close();
  }
}

/** Runs `managers` concurrent managers registering and submitting for `seconds` against a portal on dataDir. */
export async function measureRegistrations(options: { managers: number; seconds: number; dataDir: string; baselineDataDir: string }): Promise<RegistrationFigures> {
  const contentDir = join(ROOT, 'content');
  const template = templateProfile(contentDir);
  const setup = await openStore({ dataDir: options.dataDir, contentDir });
  const tokens = await managerTokens(setup, options.managers).finally(() => setup.close());
  const portal = await startPortalProcess({ dataDir: options.dataDir });
  const pool = new Pool(portal.url, { connections: options.managers });
  try {
    const serverRssIdleKb = serverRssKb(portal.child.pid!);
    const post = async (path: string, token: string, body?: unknown) => {
      const res = await pool.request({ method: 'POST', path, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
      await res.body.text();
      return res.statusCode;
    };
    const latencies: number[] = [];
    let next = 0;
    let failures = 0;
    const until = performance.now() + options.seconds * 1000;
    const manager = async (token: string) => {
      while (performance.now() < until) {
        const i = next++;
        const started = performance.now();
        const created = await post('/api/v1/me/clusters', token, registrationProfile(template, i));
        const submitted = created === 201 ? await post(`/api/v1/me/clusters/bench-registration-${i}/submit`, token) : 0;
        if (submitted === 200) latencies.push(performance.now() - started);
        else failures++;
      }
    };
    const started = performance.now();
    await Promise.all(tokens.map(manager));
    const elapsed = (performance.now() - started) / 1000;
    const serverRssAfterKb = serverRssKb(portal.child.pid!);
    latencies.sort((a, b) => a - b);
    const baselinePerSecond = await inProcessRate(options.baselineDataDir, Math.max(2, options.seconds / 2), template);
    return {
      managers: options.managers,
      seconds: elapsed,
      registrations: latencies.length,
      perSecond: latencies.length / elapsed,
      p50Ms: latencies.length ? quantile(latencies, 0.5) : NaN,
      p95Ms: latencies.length ? quantile(latencies, 0.95) : NaN,
      failures,
      baselinePerSecond,
      serverRssIdleKb,
      serverRssAfterKb,
    };
  } finally {
    await pool.close();
    await portal.stop();
  }
}
