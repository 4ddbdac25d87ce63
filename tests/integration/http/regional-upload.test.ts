import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { postJson, Visitor, waitForLink, withDatabase, type Answer } from './accounts-helpers';

// Issue 11, Deliver 4 over real HTTP without JavaScript: the moderators' regional statistics page (upload →
// preview → confirm), who may use it, the template, and the all-or-nothing import.
const ADMIN = { email: 'moderator-regions@example.org', password: 'a moderator passphrase' };
const PASSWORD = 'correct horse battery';
const FIXTURE = readFileSync('tests/fixtures/regional-statistics-2012-synthetic.csv', 'utf8');
const FIXTURE_ROWS = FIXTURE.split('\n').filter((l) => l.trim() && !l.startsWith('#')).length - 1;
let portal: RunningPortal;
let moderator: Visitor;
let manager: Visitor;
let disabled: Visitor;

/** Signs up through the API, confirms by the mailed link, and signs in through the form. */
async function signUp(email: string): Promise<Visitor> {
  expect((await postJson(portal, '/api/v1/accounts', { email, name: 'Regions Test', password: PASSWORD })).status).toBe(202);
  expect((await fetch(portal.url + (await waitForLink(portal, email)))).status).toBe(200);
  return signIn(email, PASSWORD);
}

/** A visitor signed in through the form. */
async function signIn(email: string, password: string): Promise<Visitor> {
  const visitor = new Visitor(portal);
  expect((await visitor.submit('/en/login', 'accounts.signIn', { email, password, lang: 'en' })).status).toBe(303);
  return visitor;
}

/** Posts the upload form the way a browser does: multipart with the file. */
async function upload(visitor: Visitor, text: string, path = '/en/moderation/regions'): Promise<Answer> {
  const form = new FormData();
  form.set('lang', path.startsWith('/en/') ? 'en' : 'ru');
  form.set('file', new File([text], 'regions.csv', { type: 'text/csv' }));
  const res = await fetch(`${portal.url}${path}?_action=moderation.previewRegions`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: portal.url, ...(visitor.cookie ? { cookie: visitor.cookie } : {}) },
    body: form,
  });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

/** Text of an attribute value as Astro escapes it. */
function decodeHtml(text: string): string {
  return text.replace(/&(quot|#39|#x27|lt|gt|amp);/g, (_, e: string) => ({ quot: '"', '#39': "'", '#x27': "'", lt: '<', gt: '>', amp: '&' })[e]!);
}

/** The confirm form's hidden fields of a preview page. */
function confirmFields(html: string): { lang: string; fingerprint: string; csv: string } {
  const form = /data-testid="regions-confirm"[\s\S]*?<\/form>/.exec(html)?.[0];
  expect(form, 'the confirm form').toBeDefined();
  const value = (name: string) => decodeHtml(new RegExp(`name="${name}" value="([^"]*)"`).exec(form!)?.[1] ?? '');
  return { lang: value('lang'), fingerprint: value('fingerprint'), csv: value('csv') };
}

/** The rows of the preview table: region, year and kind. */
function previewRows(html: string): Array<{ region: string; year: string; kind: string }> {
  return [...html.matchAll(/<tr data-region="([^"]+)" data-year="(\d+)" data-kind="(\w+)"/g)].map((m) => ({ region: m[1]!, year: m[2]!, kind: m[3]! }));
}

/** What an import must leave alone when refused: the regional rows and the audit log. */
function storeState() {
  return withDatabase(portal, (db) => ({
    rows: db.prepare('SELECT region, year, population, fdi, imported_at FROM region_statistics ORDER BY region, year').all(),
    audit: (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
  }));
}

beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  moderator = await signIn(ADMIN.email, ADMIN.password);
  manager = await signUp('regions-manager@example.org');
  disabled = await signUp('regions-disabled@example.org');
  withDatabase(portal, (db) => db.prepare('UPDATE users SET disabled_at = ? WHERE email = ?').run(new Date().toISOString(), 'regions-disabled@example.org'));
}, 120_000);
afterAll(async () => {
  await portal?.stop();
});

describe('who may use the regional statistics page', () => {
  it.each(['/moderation/regions', '/en/moderation/regions', '/moderation/regions/template.csv?year=2012'])('%s: sign in first, managers 403, moderators allowed', async (path) => {
    const before = storeState();
    for (const visitor of [new Visitor(portal), disabled]) {
      const answer = await visitor.get(path);
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toMatch(/\/login\?next=/);
    }
    const refused = await manager.get(path);
    expect(refused.status).toBe(403);
    expect(refused.html).not.toContain('data-testid="regions-upload"');
    expect(refused.html).not.toContain('region,year');
    const allowed = await moderator.get(path);
    expect(allowed.status).toBe(200);
    expect(allowed.html).toMatch(path.includes('template') ? /^# / : /data-testid="regions-upload"/);
    expect(storeState()).toEqual(before);
  });

  it('the moderation page links to it', async () => {
    expect((await moderator.get('/en/moderation')).html).toContain('href="/en/moderation/regions"');
  });

  it('a manager, anonymous or disabled visitor can neither preview nor import', async () => {
    const before = storeState();
    const refused = await upload(manager, FIXTURE);
    expect(refused.status).toBe(403);
    expect(refused.html).not.toContain('data-testid="regions-preview"');
    const forged = await manager.submit('/en/moderation/regions', 'moderation.importRegions', { lang: 'en', csv: FIXTURE, fingerprint: 'x' });
    expect(forged.status).toBe(403);
    for (const visitor of [new Visitor(portal), disabled]) {
      const answer = await visitor.submit('/en/moderation/regions', 'moderation.importRegions', { lang: 'en', csv: FIXTURE, fingerprint: 'x' });
      expect(answer.status).toBe(303);
    }
    expect(storeState()).toEqual(before);
  });
});

describe('upload, preview, import', () => {
  it('the template lists the host regions of ranked clusters lacking 2012 data, with units and sources', async () => {
    const answer = await moderator.get('/en/moderation/regions/template.csv?year=2012');
    expect(answer.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(answer.html).toContain('million USD');
    expect(answer.html).toContain('Rosstat');
    expect(answer.html).toContain('region,year,population,population_source,fdi');
    // Kaluga hosts a pilot cluster; the template's empty cells are what is to fill.
    expect(answer.html).toMatch(/^RU-KLU,2012,,,,,,,,,,$/m);
    expect((await moderator.get('/en/moderation/regions')).html).toContain('data-testid="regions-lacking"');
  });

  it('a broken file lists each bad line and changes nothing, also when its text is posted to the import', async () => {
    const before = storeState();
    const lines = FIXTURE.split('\n');
    const header = lines.findIndex((l) => l.startsWith('region,'));
    lines[header + 2] = lines[header + 2]!.replace(/^RU-ARK,2012,1200000/, 'RU-ARK,2012,12,5');
    lines[header + 4] = lines[header + 4]!.replace(/^RU-KEM,2012,2740000/, 'RU-XXX,2012,2740000');
    const broken = lines.join('\n');
    const answer = await upload(moderator, broken);
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('data-testid="regions-errors"');
    const errorLines = [...answer.html.matchAll(/<li data-line="(\d+)">/g)].map((m) => Number(m[1]));
    expect(errorLines).toEqual([header + 3, header + 5]);
    expect(answer.html).not.toContain('data-testid="regions-confirm"');
    const forced = await moderator.submit('/en/moderation/regions', 'moderation.importRegions', { lang: 'en', csv: broken, fingerprint: '21-00000000' });
    expect(forced.status).toBe(400);
    expect(forced.html).not.toContain('data-testid="step-done"');
    expect(storeState()).toEqual(before);
  });

  it('an empty form asks for a file; a file over the limit gets a clear message', async () => {
    const empty = await moderator.submit('/en/moderation/regions', 'moderation.previewRegions', { lang: 'en' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('data-testid="regions-no-file"');
    const huge = await upload(moderator, `${FIXTURE}#${'x'.repeat(1_100_000)}\n`);
    expect(huge.status).toBe(413);
    expect(huge.html).toContain('data-testid="regions-too-large"');
    expect(huge.html).toContain('npm run import:regions');
  });

  it('the preview lists every region as new; confirming imports all of them, audited under the moderator', async () => {
    const before = storeState();
    const preview = await upload(moderator, FIXTURE);
    expect(preview.status).toBe(200);
    const rows = previewRows(preview.html);
    expect(rows).toHaveLength(FIXTURE_ROWS);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['new']));
    expect(storeState()).toEqual(before); // a preview writes nothing

    const done = await moderator.submit('/en/moderation/regions', 'moderation.importRegions', confirmFields(preview.html));
    expect(done.status).toBe(200);
    expect(done.html).toContain('data-testid="step-done"');
    const after = storeState();
    expect(after.rows).toHaveLength(FIXTURE_ROWS);
    expect(after.audit).toBe(before.audit + 1);
    const audit = withDatabase(portal, (db) => db.prepare("SELECT a.actor, u.email FROM audit_log a JOIN users u ON a.actor = 'user:' || u.id WHERE a.action = 'import-regional-statistics'").all());
    expect(audit).toEqual([{ actor: expect.stringMatching(/^user:\d+$/), email: ADMIN.email }]);
    expect((await moderator.get('/en/moderation/regions/template.csv?year=2012')).html).not.toMatch(/^RU-KLU,/m);
    // The map now shades regions by their index; its table alternative shows each index with 3 decimals.
    const map = await new Visitor(portal).get('/en/map');
    const values = [...(map.html.split('class="map-region-values"')[1] ?? '').matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]!.trim());
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value).toMatch(/^\d+\.\d{3}$/);
  });

  it('a second upload shows changed values old → new and unchanged regions; a stale confirmation is previewed again', async () => {
    const changed = FIXTURE.replace(/^RU-KLU,2012,1010000,/m, 'RU-KLU,2012,1020000,');
    const preview = await upload(moderator, changed);
    const rows = previewRows(preview.html);
    expect(rows.filter((r) => r.kind === 'changed')).toEqual([{ region: 'RU-KLU', year: '2012', kind: 'changed' }]);
    expect(rows.filter((r) => r.kind === 'unchanged')).toHaveLength(FIXTURE_ROWS - 1);
    expect(preview.html).toMatch(/population, persons: 1,010,000 → 1,020,000/);
    const fields = confirmFields(preview.html);

    // Someone else changes Kaluga meanwhile: the confirmation no longer matches what was shown.
    withDatabase(portal, (db) => db.prepare("UPDATE region_statistics SET population = 1015000 WHERE region = 'RU-KLU'").run());
    const before = storeState();
    const stale = await moderator.submit('/en/moderation/regions', 'moderation.importRegions', fields);
    expect(stale.status).toBe(409);
    expect(stale.html).toContain('data-testid="regions-stale"');
    expect(stale.html).toMatch(/1,015,000 → 1,020,000/);
    expect(storeState()).toEqual(before);

    const done = await moderator.submit('/en/moderation/regions', 'moderation.importRegions', confirmFields(stale.html));
    expect(done.html).toContain('data-testid="step-done"');
    expect(withDatabase(portal, (db) => db.prepare("SELECT population FROM region_statistics WHERE region = 'RU-KLU'").get())).toEqual({ population: 1020000 });
  });
});
