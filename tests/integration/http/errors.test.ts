import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../src/server/db/connection';
import { startPortal, type RunningPortal } from '../../helpers/portal';

// A real server-side failure: the store loses a table while the portal runs.
describe('server errors', () => {
  let portal: RunningPortal;

  beforeAll(async () => {
    portal = await startPortal();
    const db = new Database(join(portal.dataDir, DATABASE_FILE));
    // The clusters table, not only indicators: analytics are cached per data version, and the search worker may
    // have computed them before the rename (a flaky 200 on a loaded machine); every page reads its profile afresh.
    db.exec('ALTER TABLE clusters RENAME TO clusters_gone');
    db.exec('ALTER TABLE search_outbox RENAME TO search_outbox_gone');
    db.close();
  });
  afterAll(() => portal?.stop());

  it.each([
    ['/en/clusters/obninsk-pharma-biotech', 'en', 'Something went wrong', 'Go to the home page'],
    ['/clusters/obninsk-pharma-biotech', 'ru', 'Что-то пошло не так', 'На главную'],
  ])('%s answers the %s 500 page with a way back and no stack trace', async (path, lang, title, back) => {
    const res = await fetch(portal.url + path);
    const html = await res.text();
    expect(res.status).toBe(500);
    expect(html).toContain(`<html lang="${lang}"`);
    expect(html).toContain(title);
    expect(html).toContain(back);
    expect(html).not.toMatch(/SqliteError|at Database|clusters_gone|no such table/);
  });

  it('answers API failures with a plain JSON 500 and logs the cause', async () => {
    const res = await fetch(`${portal.url}/api/v1/clusters`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal error; the cause has been logged' });
    expect(portal.output()).toMatch(/\[api\] GET \/api\/v1\/clusters failed: SqliteError: no such table: clusters/);
    expect(portal.output()).toContain('[page] GET /en/clusters/obninsk-pharma-biotech failed');
  });

  it('answers a failed search the same way on the route the gate answers directly: plain JSON 500, cause logged', async () => {
    const res = await fetch(`${portal.url}/api/v1/search?q=nuclear`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ error: 'internal error; the cause has been logged' });
    expect(portal.output()).toMatch(/\[api\] GET \/api\/v1\/search failed: SqliteError: no such table: search_outbox/);
  });
});
