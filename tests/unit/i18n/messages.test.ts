import { describe, expect, it } from 'vitest';
import {
  CMO_SERVICE_LABELS,
  COOPERATION_AREA_LABELS,
  COORDINATOR_LABELS,
  INDICATOR_LABELS,
  INDUSTRY_GROUP_LABELS,
  LABEL_KIND_LABELS,
  LANGS,
  MEMBER_TYPE_LABELS,
  PARTNER_TYPE_LABELS,
  SELF_ASSESSMENT_LABELS,
  STATUS_LABELS,
  STRATEGY_STATUS_LABELS,
  UI_KEYS,
  UI_MESSAGES,
  translator,
} from '../../../src/lib/i18n';
import {
  CLUSTER_STATUSES,
  CMO_SERVICES,
  COOPERATION_AREAS,
  COORDINATORS,
  INDICATOR_KEYS,
  INDUSTRY_GROUPS,
  LABEL_KINDS,
  MEMBER_TYPES,
  PARTNER_TYPES,
  SELF_ASSESSMENT_MAX,
  STRATEGY_STATUSES,
} from '../../../src/lib/profile';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI messages', () => {
  it('has a sizeable key list', () => {
    expect(UI_KEYS.length).toBeGreaterThan(50);
  });

  it.each(LANGS)('%s has exactly the UI keys', (lang) => {
    expect(Object.keys(UI_MESSAGES[lang]).sort()).toEqual([...UI_KEYS].sort());
  });

  it.each(LANGS)('%s has a non-empty text for every key', (lang) => {
    const missing = UI_KEYS.filter((key) => typeof UI_MESSAGES[lang][key] !== 'string' || UI_MESSAGES[lang][key].trim() === '');
    expect(missing).toEqual([]);
  });

  it('uses the same {placeholders} in both languages', () => {
    const mismatched = UI_KEYS.filter((k) => placeholders(UI_MESSAGES.ru[k]).join() !== placeholders(UI_MESSAGES.en[k]).join());
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translator('en')('directory.results', { count: 5 })).toBe('5 clusters found');
    expect(translator('ru')('directory.results', { count: 5 })).toBe('Найдено кластеров: 5');
    expect(translator('en')('directory.page', { page: 2 })).toBe('Page 2 of {pages}');
  });

  it('translates the headings the profile page shows', () => {
    expect(translator('en')('profile.general')).toBe('General data');
    expect(translator('en')('profile.notProvided')).toBe('Not provided yet.');
    expect(translator('en')('profile.notReported')).toBe('not reported');
    expect(translator('ru')('directory.industryGroup')).toBe('Отраслевая группа');
  });
});

describe('vocabulary labels', () => {
  // Each enumeration of the profile must have a name in both languages.
  it.each([
    ['industry groups', INDUSTRY_GROUPS, INDUSTRY_GROUP_LABELS],
    ['statuses', CLUSTER_STATUSES, STATUS_LABELS],
    ['member types', MEMBER_TYPES, MEMBER_TYPE_LABELS],
    ['cooperation areas', COOPERATION_AREAS, COOPERATION_AREA_LABELS],
    ['strategy statuses', STRATEGY_STATUSES, STRATEGY_STATUS_LABELS],
    ['coordinators', COORDINATORS, COORDINATOR_LABELS],
    ['CMO services', CMO_SERVICES, CMO_SERVICE_LABELS],
    ['label kinds', LABEL_KINDS, LABEL_KIND_LABELS],
    ['partner types', PARTNER_TYPES, PARTNER_TYPE_LABELS],
    ['indicators', INDICATOR_KEYS, INDICATOR_LABELS],
  ] as Array<[string, readonly string[], Record<string, Record<string, string>>]>)('%s are named in ru and en', (_name, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...values].sort());
    const missing = values.flatMap((v) => LANGS.filter((l) => !labels[v]?.[l]?.trim()).map((l) => `${v}/${l}`));
    expect(missing).toEqual([]);
  });

  it.each(LANGS)('describes all %s self-assessment grades', (lang) => {
    expect(SELF_ASSESSMENT_LABELS[lang]).toHaveLength(SELF_ASSESSMENT_MAX);
    expect(SELF_ASSESSMENT_LABELS[lang].every((s) => s.trim() !== '')).toBe(true);
  });
});
