import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE_QR_OPTIONS } from '../../../src/lib/factsheet/profile-qr';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { element, text } from './html';

// One built portal for the file, seeded with the 25 pilot clusters; its public address differs from where the test reaches it.
const PUBLIC_URL = 'https://clusters.example.org';
let portal: RunningPortal;
beforeAll(async () => {
  portal = await startPortal({ env: { PUBLIC_URL } });
});
afterAll(async () => {
  await portal?.stop();
});

const get = async (path: string) => {
  const res = await fetch(portal.url + path);
  return { status: res.status, html: await res.text() };
};

describe('the factsheet', () => {
  it('gives Dimitrovgrad’s index with ranks, key facts with sources, key members and the way back to the profile (en)', async () => {
    const { status, html } = await get('/en/clusters/dimitrovgrad-nuclear/factsheet');
    expect(status).toBe(200);
    expect(text(element(html, 'data-testid="factsheet-index"')!)).toMatch(/Among all clusters: \d\.\d+ \(\d+(st|nd|rd|th) of 25\)/);
    const sheet = text(element(html, 'data-testid="factsheet"')!);
    expect(sheet).toMatch(/Members 70 \(2020\) \( ?source: cluster-dgrad\.ru ?\)/);
    expect(sheet).toContain('НИИАР');
    const reach = element(html, 'data-testid="factsheet-reach"')!;
    expect(reach).toContain('href="https://cluster-dgrad.ru"');
    expect(reach).toContain('href="/en/clusters/dimitrovgrad-nuclear"');
  });

  it('is in Russian too, linked from the profile, and 404 for an unknown cluster', async () => {
    const ru = await get('/clusters/dimitrovgrad-nuclear/factsheet');
    expect(ru.status).toBe(200);
    expect(text(ru.html)).toContain('Чем занимается');
    const profile = await get('/clusters/dimitrovgrad-nuclear');
    expect(element(profile.html, 'data-testid="factsheet-link"')).toContain('href="/clusters/dimitrovgrad-nuclear/factsheet"');
    expect((await get('/en/clusters/no-such-cluster/factsheet')).status).toBe(404);
  });

  it.each([
    ['/en/clusters/dimitrovgrad-nuclear/factsheet', `${PUBLIC_URL}/en/clusters/dimitrovgrad-nuclear`, 'QR code linking to the cluster’s profile'],
    ['/clusters/sarov-nuclear/factsheet', `${PUBLIC_URL}/clusters/sarov-nuclear`, 'QR-код со ссылкой на профиль кластера'],
  ])('%s carries a QR code of the absolute profile address (PUBLIC_URL), labelled, with the address printed beside it', async (path, profileUrl, label) => {
    const { html } = await get(path);
    const figure = element(html, 'data-testid="factsheet-qr"')!;
    expect(figure).toBeDefined();
    const svg = /<svg[\s\S]*<\/svg>/.exec(figure)?.[0];
    // The same options with the right address give the same SVG; any other address (the request's origin, the path alone) does not.
    expect(svg).toBe((await QRCode.toString(profileUrl, PROFILE_QR_OPTIONS)).trim());
    expect(svg).not.toBe((await QRCode.toString(profileUrl.replace(PUBLIC_URL, portal.url), PROFILE_QR_OPTIONS)).trim());
    expect(figure).toMatch(new RegExp(`role="img" aria-label="${label}: ${profileUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`));
    expect(text(figure)).toContain(profileUrl);
  });
});
