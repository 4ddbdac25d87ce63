import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { element, text } from './html';

// One built portal for the file, seeded with the 25 pilot clusters and their facts from public sources.
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal();
});
afterAll(async () => {
  await portal?.stop();
});

const html = async (path: string) => (await fetch(portal.url + path)).text();
/** Text of the fact of a kind inside a block, or undefined. */
const factText = (page: string, block: string, kind: string) => {
  const section = element(page, `data-block="${block}"`) ?? '';
  const dd = element(section, `data-fact="${kind}"`);
  return dd === undefined ? undefined : text(dd);
};

describe('sourced facts on the profile', () => {
  it('shows Dimitrovgrad’s organisation, website, founding year and member count, each with its source', async () => {
    const page = await html('/en/clusters/dimitrovgrad-nuclear');
    expect(factText(page, 'management', 'organisation')).toMatch(/^АНО «Центр развития ядерного инновационного кластера города Димитровграда».*source: cluster-dgrad\.ru/s);
    expect(factText(page, 'general', 'website')).toMatch(/cluster-dgrad\.ru.*source: cluster-dgrad\.ru/s);
    expect(factText(page, 'general', 'foundedYear')).toMatch(/^2010 \( ?source: cluster-dgrad\.ru ?\)/);
    expect(factText(page, 'general', 'membersCount')).toMatch(/^70 \(2020\) \( ?source: cluster-dgrad\.ru ?\)/);
    expect(page).toContain('href="https://cluster-dgrad.ru/en/about-us"');
  });

  it('shows the most recent member count with the date it refers to, and the other sources in a note in the page\'s language', async () => {
    const [ru, en] = await Promise.all([html('/clusters/obninsk-pharma-biotech'), html('/en/clusters/obninsk-pharma-biotech')]);
    const members = factText(ru, 'general', 'membersCount')!;
    expect(members).toMatch(/^63 \(2018\) \( ?источник: gmpnews\.net ?\)/);
    expect(members).toContain('Другие источники: “более 50 (декабрь 2013)”');
    expect(members).not.toContain('over 50');
    expect(factText(en, 'general', 'membersCount')).toContain('Other sources: “over 50 (Dec 2013)”');
  });

  it('shows each fact in Russian on the Russian page and in English on the English one', async () => {
    const [ru, en] = await Promise.all([html('/clusters/nizhny-novgorod-auto-petrochem'), html('/en/clusters/nizhny-novgorod-auto-petrochem')]);
    expect(factText(ru, 'priorities', 'specialisation')).toMatch(/^автомобилестроение и нефтехимия; цель: импортозамещение \/ трансфер в Россию компетенций и добавленной стоимости \( ?источник: /);
    expect(factText(en, 'priorities', 'specialisation')).toMatch(/^automotive industry and petrochemistry; aim: import substitution \/ transfer of competences and value added to Russia \( ?source: /);
    // The year the fact refers to is added after the shown text when that text does not name it.
    expect(factText(ru, 'members', 'anchorMembers')).toMatch(/^группа «ГАЗ» \(предприятия автомобилестроения\); холдинг «Сибур» \(нефтехимические компании\) \(2014\)/);
    expect(factText(en, 'members', 'anchorMembers')).toMatch(/^группа «ГАЗ» \(automotive enterprises\); холдинг «Сибур» \(petrochemical companies\) \(2014\)/);
  });

  it('names Dimitrovgrad’s organisation without its English translation on the Russian page, also where it says whom to write to', async () => {
    const page = await html('/clusters/dimitrovgrad-nuclear');
    expect(factText(page, 'management', 'organisation')).toMatch(/^АНО «Центр развития ядерного инновационного кластера города Димитровграда» \( ?источник: /);
    const contact = text(element(page, 'data-testid="contact-organisation"')!);
    expect(contact).toMatch(/^АНО «Центр развития ядерного инновационного кластера города Димитровграда» \( ?источник: /);
    expect(contact).not.toContain('Center for the development');
    expect(factText(page, 'general', 'membersCount')).toMatch(/^70 \(2020\) \( ?источник: cluster-dgrad\.ru ?\)/);
  });

  it('shows the Russian fact on the Russian factsheet and the English one on the English factsheet', async () => {
    const [ru, en] = await Promise.all([html('/clusters/zelenograd/factsheet'), html('/en/clusters/zelenograd/factsheet')]);
    expect(ru).toContain('микроэлектроника');
    expect(ru).not.toContain('microelectronics');
    expect(en).toContain('microelectronics');
  });

  it('keeps "not provided yet" in a block that has only facts from public sources', async () => {
    const page = await html('/en/clusters/obninsk-pharma-biotech');
    const management = text(element(page, 'data-block="management"')!);
    expect(management).toContain('Not provided yet.');
    expect(management).toContain('From public sources');
  });
});
