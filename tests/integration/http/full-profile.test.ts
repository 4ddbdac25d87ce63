import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { copyContent } from '../db/store-helpers';

// A pilot profile completed by its manager (hand-made test content in a temporary CONTENT_DIR):
// every block renders, derived counts come from the member list, and private contacts never leave the server.
const SLUG = 'tomsk-pharma-medtech-it';
const EMAIL = 'manager@cluster.example';
const PHONE = '+7 3822 000000';

describe('a profile with all five blocks filled in', () => {
  let content: ReturnType<typeof copyContent>;
  let portal: RunningPortal;

  beforeAll(async () => {
    content = copyContent();
    content.editCluster(SLUG, (p) => {
      p.general.foundedYear = 2012;
      p.general.selfAssessment = 5;
      p.general.websites = [{ url: 'https://cluster.example/en', lang: 'en' }];
      p.priorities.technologyPriorities = { ru: ['биофармацевтика'], en: ['biopharmaceuticals'] };
      p.priorities.cooperationAreas = ['rnd-knowledge-transfer', 'trade-marketing'];
      p.priorities.targetCountries = ['DE', 'CN'];
      p.priorities.offers = { en: 'Pre-clinical trials', ru: 'Доклинические исследования' };
      p.management.cmo = { name: { ru: 'Центр кластерного развития', en: 'Cluster Development Centre' } };
      p.management.manager = { name: 'Test Manager', position: 'Director', email: EMAIL, phone: PHONE };
      p.management.strategyStatus = 'planned';
      p.members.members = [
        { name: { en: 'University A' }, type: 'university', country: 'RU', internationalActivity: 3 },
        { name: { en: 'University B' }, type: 'university', country: 'RU' },
        { name: { en: 'Firm C' }, type: 'sme', country: 'DE', internationalActivity: 4 },
      ];
      p.partnersProjects.partners = [{ name: { en: 'BioRegion X' }, country: 'DE', type: 'cluster', area: 'rnd-knowledge-transfer' }];
      p.partnersProjects.projects = [{ title: { en: 'Joint assay lab' }, startYear: 2013, endYear: 2015, partnerCountries: ['DE'] }];
    });
    portal = await startPortal({ env: { CONTENT_DIR: content.dir } });
  });
  afterAll(async () => {
    await portal?.stop();
    content?.remove();
  });

  it('renders every block instead of "not provided yet", with counts derived from the members', async () => {
    const html = await (await fetch(`${portal.url}/en/clusters/${SLUG}`)).text();
    expect(html).not.toContain('Not provided yet.');
    for (const text of ['biopharmaceuticals', 'R&amp;D and knowledge transfer, Trade and marketing', 'Pre-clinical trials', 'Cluster Development Centre', 'Test Manager, Director', 'Planned', 'University: 2, SME: 1', 'BioRegion X', 'Joint assay lab', '5/7']) {
      expect(html).toContain(text);
    }
    expect(html).toMatch(/Foreign members<\/dt><dd>1<\/dd>/);
  });

  it('never publishes the manager’s e-mail or phone, on the page or in the API', async () => {
    const page = await (await fetch(`${portal.url}/en/clusters/${SLUG}`)).text();
    const api = await (await fetch(`${portal.url}/api/v1/clusters/${SLUG}`)).json();
    expect(page).not.toContain(EMAIL);
    expect(page).not.toContain(PHONE);
    expect(api.management.manager).toEqual({ name: 'Test Manager', position: 'Director' });
    expect(JSON.stringify(api)).not.toContain(EMAIL);
  });
});
