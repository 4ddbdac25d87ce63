import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type RunningPortal } from '../../helpers/portal';
import { submittableInput } from '../../unit/workflow/fixtures';
import { postJson, waitForLink } from './accounts-helpers';

// Issue 11 over HTTP: three managers answer the questionnaire for 2024 through the API, the moderator approves; the
// analytics page shows the totals computed by hand, nothing while fewer than 3 clusters answered, and each profile
// its own answers. A draft's answers count nowhere.
const ADMIN = { email: 'moderator-questionnaire@example.org', password: 'a moderator passphrase' };
const PASSWORD = 'correct horse battery';
let portal: RunningPortal;
let moderator: string;

/** A confirmed manager's token. */
async function managerToken(email: string): Promise<string> {
  expect((await postJson(portal, '/api/v1/accounts', { email, name: 'Questionnaire Manager', password: PASSWORD })).status).toBe(202);
  expect((await fetch(portal.url + (await waitForLink(portal, email)))).status).toBe(200);
  return (await postJson(portal, '/api/v1/auth/tokens', { email, password: PASSWORD })).body.token as string;
}

/** Registers a cluster with its 2024 answers and, unless `draft`, has the moderator approve it. */
async function register(n: number, answers: Record<string, unknown>, draft = false): Promise<string> {
  const token = await managerToken(`q-manager-${n}@example.org`);
  const slug = `questionnaire-cluster-${n}`;
  const profile = submittableInput((p) => {
    p.slug = slug;
    p.general.name = { ru: `Кластер анкеты ${n}`, en: `Questionnaire cluster ${n}` };
    p.questionnaire = [{ year: 2024, ...answers }];
  });
  const headers = { authorization: `Bearer ${token}` };
  expect((await postJson(portal, '/api/v1/me/clusters', profile, headers)).status).toBe(201);
  if (draft) return slug;
  expect((await postJson(portal, `/api/v1/me/clusters/${slug}/submit`, {}, headers)).status).toBe(200);
  expect((await postJson(portal, `/api/v1/moderation/${slug}/approve`, {}, { authorization: `Bearer ${moderator}` })).status).toBe(200);
  return slug;
}

/** The /analytics page's questionnaire section for a query. */
async function section(query = ''): Promise<string> {
  const html = await (await fetch(`${portal.url}/en/analytics${query}`)).text();
  return /data-testid="questionnaire"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
}

/** The value a bar row carries (its data-value). */
function barValue(html: string, chart: string, key: string): string | undefined {
  const figure = new RegExp(`data-testid="${chart}"[\\s\\S]*?</figure>`).exec(html)?.[0] ?? '';
  return new RegExp(`data-key="${key}" data-value="([^"]*)"`).exec(figure)?.[1];
}

beforeAll(async () => {
  portal = await startPortal({ env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } });
  moderator = (await postJson(portal, '/api/v1/auth/tokens', ADMIN)).body.token as string;
}, 60_000);
afterAll(async () => {
  await portal?.stop();
});

describe('questionnaire analytics', () => {
  it('says no cluster answered yet', async () => {
    expect(await section()).toContain('data-testid="questionnaire-none"');
  });

  it('shows no totals while fewer than 3 clusters answered, and a draft counts nowhere', async () => {
    await register(1, { selfAssessment: 2, barriers: { 'financial-resources': 4 }, partnerScope: ['eu'] });
    await register(2, { selfAssessment: 2, barriers: { 'financial-resources': 2 }, partnerScope: ['eu', 'cis'] });
    await register(3, { selfAssessment: 6, barriers: { 'financial-resources': 3 } }, true);
    const html = await section('?qyear=2024');
    expect(html).toContain('Clusters that answered: 2');
    expect(html).toContain('data-testid="questionnaire-too-few"');
    expect(html).not.toContain('data-testid="q-barriers"');
  });

  it('shows the totals once 3 clusters answered, as computed by hand', async () => {
    await register(4, { selfAssessment: 5, barriers: { 'financial-resources': 3, language: 1 }, partnerScope: ['usa'], areaActivity: { 'education-hr': 2 } });
    const html = await section('?qyear=2024');
    expect(html).toContain('Clusters that answered: 3');
    expect(barValue(html, 'q-grades', '2')).toBe('2');
    expect(barValue(html, 'q-grades', '5')).toBe('1');
    expect(barValue(html, 'q-grades', '6')).toBe('0'); // the draft's grade is not counted
    expect(barValue(html, 'q-barriers', 'financial-resources')).toBe('3'); // (4 + 2 + 3) / 3
    expect(barValue(html, 'q-barriers', 'language')).toBe('none'); // one answer: not shown
    expect(barValue(html, 'q-scope', 'eu')).toBe(String(2 / 3));
    // Filtering by a group nobody is in shows nothing.
    expect(await section('?qyear=2024&qgroup=nuclear')).toContain('Clusters that answered: 0');
  });

  it('shows a cluster its own answers on its profile, and no other cluster’s', async () => {
    const html = await (await fetch(`${portal.url}/en/clusters/questionnaire-cluster-4`)).text();
    const answers = /data-testid="questionnaire-answers"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(answers).toContain('Questionnaire: answers for 2024');
    expect(answers).toContain('Language: 1');
    expect(answers).toContain('USA');
    expect(answers).not.toContain('European Union');
    // One sentence places its grade (5 of 7, this year's answer being its latest) against its index of the page's year.
    expect(answers).toMatch(/data-testid="grade-index-sentence" data-verdict="(higher|lower|agrees)">The cluster[^<]*\(5 of 7\)/);
  });
});
