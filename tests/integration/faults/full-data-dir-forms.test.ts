import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManagerTokens } from '../../helpers/managers';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { canMountTmpfs, fillUp, mountTmpfs } from '../../helpers/tmpfs';
import { integrityOf } from '../backup/store-rows';
import { Visitor } from '../http/accounts-helpers';

// Issue 14, fault suite: DATA_DIR full, seen through the forms (Astro Actions posted without JavaScript) rather than
// the API. A form whose write the full folder refuses answers 503 with Retry-After and a page that says so in the
// visitor's language, not a 500 with no message; once space is back the same form succeeds. Needs root and mount.
//
// How it was checked to fail when the protection is removed: before src/actions/storage-guard.ts existed (and with
// the portal built without it) the sign-up form answered 500 with the bare form page: Astro turns a thrown SqliteError
// into INTERNAL_SERVER_ERROR and the page said nothing about it. The wizard page also chose its own 400 for a failed
// action; the middleware's 503 for locals.storageProblem overrides any page's own status (found by this test).

const mountable = canMountTmpfs();
if (!mountable) console.warn('[full-data-dir-forms] skipped: this process cannot mount a tmpfs (run as root with CAP_SYS_ADMIN)');

/** The general step's fields of a valid new registration through the wizard. */
const generalFields = {
  step: 'general',
  slug: 'full-disk-wizard-cluster',
  'general.name.ru': 'Кластер полного диска',
  'general.name.en': 'Full disk cluster',
  'general.region': 'RU-TOM',
  'general.city.ru': 'Томск',
  'general.location.lat': '56.48',
  'general.location.lon': '84.95',
  'general.industryGroup': 'pharma-bio-medical',
  'general.status': 'cluster-initiative',
};

const SIGN_UP = { email: 'full-disk-sign-up@example.org', name: 'Full Disk', password: 'a long enough passphrase', lang: 'en' };

describe.skipIf(!mountable)('DATA_DIR full: forms', () => {
  let mountPoint: ReturnType<typeof mountTmpfs>;
  let dataDir: string;
  let portal: RunningPortal;
  const manager = () => new Visitor(portal);
  let signedIn: Visitor;
  const filler = () => join(mountPoint.dir, 'filler.bin');

  beforeAll(async () => {
    mountPoint = mountTmpfs(48);
    dataDir = join(mountPoint.dir, 'data');
    await createManagerTokens(dataDir, 1, 'full-forms-manager'); // password 'managers passphrase'
    portal = await startPortal({ dataDir, env: { MEILI_URL: 'http://127.0.0.1:9', MEILI_MASTER_KEY: 'unused-key' } });
    signedIn = manager();
    const signIn = await signedIn.submit('/en/login', 'accounts.signIn', { email: 'full-forms-manager-0@example.org', password: 'managers passphrase', lang: 'en' });
    expect(signIn.status).toBe(303);
  });
  afterAll(async () => {
    await portal?.stop();
    mountPoint?.remove();
  });

  it('answers the sign-up and wizard forms with 503 and a page saying the folder is full', async () => {
    fillUp(filler());
    const signUp = await new Visitor(portal).submit('/en/register', 'accounts.register', SIGN_UP);
    expect(signUp.status, signUp.html.slice(0, 300)).toBe(503);
    expect(signUp.headers.get('retry-after')).toBe('60');
    expect(signUp.html).toContain('data-testid="storage-problem"');
    expect(signUp.html).toMatch(/data folder is full[^<]*nothing was saved/i);
    expect(signUp.html).not.toContain('data-testid="register-done"');

    const saved = await signedIn.submit('/en/account/clusters/new', 'wizard.saveStep', generalFields);
    expect(saved.status, saved.html.replace(/<head>[\s\S]*?<\/header>/, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 1500)).toBe(503);
    expect(saved.html).toMatch(/data folder is full[^<]*nothing was saved/i);

    const russian = await new Visitor(portal).submit('/register', 'accounts.register', { ...SIGN_UP, lang: 'ru' });
    expect(russian.status).toBe(503);
    expect(russian.html).toMatch(/папка данных портала заполнена/i);
    expect(portal.output()).toMatch(/\[action\] POST \/en\/register: DATA_DIR is full, the write was refused/);
    expect((await fetch(`${portal.url}/en/clusters`)).status).toBe(200);
  });

  it('accepts the same forms once space is back, and the store is sound', async () => {
    rmSync(filler());
    const signUp = await new Visitor(portal).submit('/en/register', 'accounts.register', SIGN_UP);
    expect(signUp.status).toBe(200);
    expect(signUp.html).toContain('data-testid="register-done"');
    const saved = await signedIn.submit('/en/account/clusters/new', 'wizard.saveStep', generalFields);
    expect([200, 303], saved.html.slice(0, 300)).toContain(saved.status);
    expect(saved.html).not.toContain('data-testid="storage-problem"');
    expect(integrityOf(dataDir)).toBe('ok');
  });
});
