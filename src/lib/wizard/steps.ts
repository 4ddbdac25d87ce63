/**
 * The wizard's steps: the five blocks of the profile (domain.md), the indicators by year, then a review with the
 * minimum-requirements checklist. Each step lists its fields once (see fields.ts); labels are UI message keys of
 * src/lib/i18n/ui-wizard.ts ("wizard.f.<path>").
 */
import { LONG_TEXT_MAX, SHORT_TEXT_MAX } from '../profile/common';
import {
  BARRIERS,
  CLUSTER_STATUSES,
  INTERNATIONALIZATION_GOALS,
  PARTNER_SCOPES,
  QUESTIONNAIRE_MEMBER_TYPES,
  CMO_SERVICES,
  COOPERATION_AREAS,
  COORDINATORS,
  INDICATOR_KEYS,
  INDUSTRY_GROUPS,
  MEMBER_TYPES,
  PARTNER_TYPES,
  SELF_ASSESSMENT_MAX,
  STRATEGY_STATUSES,
} from '../profile/vocabulary';
import type { ProfileBlock } from '../profile/profile';
import {
  BARRIER_LABELS,
  GOAL_LABELS,
  PARTNER_SCOPE_LABELS,
  CMO_SERVICE_LABELS,
  COOPERATION_AREA_LABELS,
  COORDINATOR_LABELS,
  INDUSTRY_GROUP_LABELS,
  MEMBER_TYPE_LABELS,
  PARTNER_TYPE_LABELS,
  SELF_ASSESSMENT_LABELS,
  STATUS_LABELS,
  STRATEGY_STATUS_LABELS,
} from '../i18n/vocabulary-labels';
import { REGIONS } from '../regions';
import type { FieldGroup, OptionLabels, TextField, WizardField } from './fields';

/** Identifiers of the steps, in order; they are the last segment of the step's address. */
export const WIZARD_STEPS = ['general', 'priorities', 'management', 'members', 'partners-projects', 'indicators', 'questionnaire', 'review'] as const;
/** One of WIZARD_STEPS. */
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** The profile block each step edits (the indicators, the questionnaire and the review edit none of the five). */
export const STEP_BLOCK: Record<WizardStep, ProfileBlock | null> = {
  general: 'general',
  priorities: 'priorities',
  management: 'management',
  members: 'members',
  'partners-projects': 'partnersProjects',
  indicators: null,
  questionnaire: null,
  review: null,
};

/** Whether a string names a step. */
export function isWizardStep(value: string): value is WizardStep {
  return (WIZARD_STEPS as readonly string[]).includes(value);
}

/** The step after this one (the review is last). */
export function nextStep(step: WizardStep): WizardStep {
  return WIZARD_STEPS[Math.min(WIZARD_STEPS.indexOf(step) + 1, WIZARD_STEPS.length - 1)]!;
}

/** The step before this one, or undefined on the first. */
export function previousStep(step: WizardStep): WizardStep | undefined {
  const i = WIZARD_STEPS.indexOf(step);
  return i > 0 ? WIZARD_STEPS[i - 1] : undefined;
}

const short = { kind: 'text', max: SHORT_TEXT_MAX } as const;
const long = { kind: 'text', max: LONG_TEXT_MAX, multiline: true } as const;

/** A text field labelled by its path. */
function text(path: string, extra: Partial<TextField> = {}): WizardField {
  return { ...short, path, label: `wizard.f.${path}`, ...extra };
}

/** The Russian and English inputs of a text given in both or either language. */
function bilingual(path: string, extra: Partial<TextField> = {}, label = `wizard.f.${path}`): WizardField[] {
  return (['ru', 'en'] as const).map((lang) => ({ ...short, ...extra, path: `${path}.${lang}`, label, langTag: lang }));
}

/** Keyword lists in both languages, one keyword per line. */
function keywordLists(path: string): WizardField[] {
  return (['ru', 'en'] as const).map((lang) => ({ kind: 'lines', max: SHORT_TEXT_MAX, path: `${path}.${lang}`, label: `wizard.f.${path}`, hint: 'wizard.hint.lines', langTag: lang }));
}

/** The self-assessment grades 1…7 as option values. */
const GRADES = Array.from({ length: SELF_ASSESSMENT_MAX }, (_, i) => String(i + 1));

const regionLabels: OptionLabels = Object.fromEntries(REGIONS.map((r) => [r.code, r.name]));
const regionCodes = [...REGIONS].sort((a, b) => a.name.ru.localeCompare(b.name.ru, 'ru')).map((r) => r.code);
const selfAssessmentLabels: OptionLabels = Object.fromEntries(
  GRADES.map((g, i) => [g, { ru: `${g} — ${SELF_ASSESSMENT_LABELS.ru[i]}`, en: `${g} — ${SELF_ASSESSMENT_LABELS.en[i]}` }]),
);
const activityLabels: OptionLabels = {
  '0': { ru: '0 — нет', en: '0 — none' },
  '1': { ru: '1 — низкая', en: '1 — low' },
  '2': { ru: '2 — средняя', en: '2 — medium' },
  '3': { ru: '3 — высокая', en: '3 — high' },
  '4': { ru: '4 — очень высокая', en: '4 — very high' },
};
const barrierLabels: OptionLabels = {
  '0': { ru: '0 — не мешает', en: '0 — no importance' },
  '1': { ru: '1 — слабо', en: '1 — low' },
  '2': { ru: '2 — заметно', en: '2 — medium' },
  '3': { ru: '3 — сильно', en: '3 — high' },
  '4': { ru: '4 — критично', en: '4 — crucial' },
};

/** Structured offers or seeks for matchmaking: rows of an area, technology and market keywords, countries. */
function cooperationItems(path: string, rowLabel: string): WizardField {
  return {
    kind: 'rows',
    path,
    label: `wizard.f.${path}`,
    rowLabel,
    titlePath: 'area',
    fields: [
      { kind: 'select', path: 'area', label: 'wizard.f.item.area', options: COOPERATION_AREAS, labels: COOPERATION_AREA_LABELS },
      { kind: 'lines', max: SHORT_TEXT_MAX, path: 'technologies', label: 'wizard.f.item.technologies', hint: 'wizard.hint.lines' },
      { kind: 'lines', max: SHORT_TEXT_MAX, path: 'markets', label: 'wizard.f.item.markets', hint: 'wizard.hint.lines' },
      { kind: 'countries', path: 'countries', label: 'wizard.f.item.countries', hint: 'wizard.hint.countries' },
    ],
  };
}

/** A 0–4 rating of one item of a list ("International activity: universities"). */
function rated(path: string, label: string, item: { ru: string; en: string }, labels: OptionLabels): WizardField {
  return { kind: 'select', path, label, labelText: item, options: ['0', '1', '2', '3', '4'], labels, numeric: true };
}

const websiteLangLabels: OptionLabels = { ru: { ru: 'Русский', en: 'Russian' }, en: { ru: 'Английский', en: 'English' }, other: { ru: 'Другой', en: 'Other' } };

/** The address field of a new registration (derived from the English name when left empty). */
export const SLUG_FIELD: TextField = { ...short, max: 80, path: 'slug', label: 'wizard.f.slug', hint: 'wizard.hint.slug' };

/** The fields of each step, grouped under headings. */
export const STEP_GROUPS: Record<WizardStep, readonly FieldGroup[]> = {
  general: [
    { legend: 'wizard.g.identity', fields: [...bilingual('general.name', { required: true }), ...bilingual('general.shortName')] },
    {
      legend: 'wizard.g.place',
      fields: [
        { kind: 'select', path: 'general.region', label: 'wizard.f.general.region', options: regionCodes, labels: regionLabels, required: true },
        ...bilingual('general.city', { required: true }),
        { kind: 'number', path: 'general.location.lat', label: 'wizard.f.general.location.lat', min: -90, max: 90, step: 'any', required: true, hint: 'wizard.hint.location' },
        { kind: 'number', path: 'general.location.lon', label: 'wizard.f.general.location.lon', min: -180, max: 180, step: 'any', required: true },
      ],
    },
    {
      legend: 'wizard.g.industry',
      fields: [
        { kind: 'select', path: 'general.industryGroup', label: 'wizard.f.general.industryGroup', options: INDUSTRY_GROUPS, labels: INDUSTRY_GROUP_LABELS, required: true },
        { kind: 'select', path: 'general.status', label: 'wizard.f.general.status', options: CLUSTER_STATUSES, labels: STATUS_LABELS, required: true },
        ...keywordLists('general.specialization'),
        { kind: 'number', path: 'general.foundedYear', label: 'wizard.f.general.foundedYear', step: 1 },
        { kind: 'number', path: 'general.membersCount', label: 'wizard.f.general.membersCount', min: 0, step: 1 },
        { kind: 'number', path: 'general.employees', label: 'wizard.f.general.employees', min: 0, step: 1 },
      ],
    },
    {
      legend: 'wizard.g.about',
      fields: [
        ...bilingual('general.description', long),
        {
          kind: 'rows',
          path: 'general.websites',
          label: 'wizard.f.general.websites',
          rowLabel: 'wizard.row.website',
          titlePath: 'url',
          fields: [
            { ...short, max: 500, path: 'url', label: 'wizard.f.website.url', inputType: 'url', required: true },
            { kind: 'select', path: 'lang', label: 'wizard.f.website.lang', options: ['ru', 'en', 'other'], labels: websiteLangLabels },
          ],
        },
        { kind: 'select', path: 'general.selfAssessment', label: 'wizard.f.general.selfAssessment', options: GRADES, labels: selfAssessmentLabels, numeric: true, hint: 'wizard.hint.selfAssessment' },
      ],
    },
  ],
  priorities: [
    { legend: 'wizard.g.directions', fields: [...keywordLists('priorities.technologyPriorities'), ...keywordLists('priorities.marketPriorities')] },
    { legend: 'wizard.g.goals', fields: [...bilingual('priorities.developmentGoals', long), ...bilingual('priorities.internationalizationGoals', long)] },
    {
      legend: 'wizard.g.cooperation',
      fields: [
        { kind: 'checks', path: 'priorities.cooperationAreas', label: 'wizard.f.priorities.cooperationAreas', options: COOPERATION_AREAS, labels: COOPERATION_AREA_LABELS },
        { kind: 'countries', path: 'priorities.targetCountries', label: 'wizard.f.priorities.targetCountries', hint: 'wizard.hint.countries' },
        ...bilingual('priorities.offers', long),
        ...bilingual('priorities.seeks', long),
      ],
    },
    { legend: 'wizard.g.matchmaking', fields: [cooperationItems('priorities.offerItems', 'wizard.row.offer'), cooperationItems('priorities.seekItems', 'wizard.row.seek')] },
  ],
  management: [
    { legend: 'wizard.g.cmo', fields: [...bilingual('management.cmo.name', { required: true }), text('management.cmo.legalForm'), text('management.cmo.website', { max: 500, inputType: 'url' })] },
    {
      legend: 'wizard.g.contact',
      fields: [
        text('management.manager.name', { required: true }),
        text('management.manager.position'),
        text('management.manager.email', { max: 200, inputType: 'email', hint: 'wizard.hint.private' }),
        text('management.manager.phone', { max: 30, inputType: 'tel', hint: 'wizard.hint.private' }),
      ],
    },
    {
      legend: 'wizard.g.work',
      fields: [
        ...bilingual('management.managementModel', long),
        { kind: 'checks', path: 'management.services', label: 'wizard.f.management.services', options: CMO_SERVICES, labels: CMO_SERVICE_LABELS },
        { kind: 'select', path: 'management.internationalCoordinator', label: 'wizard.f.management.internationalCoordinator', options: COORDINATORS, labels: COORDINATOR_LABELS },
        { kind: 'select', path: 'management.strategyStatus', label: 'wizard.f.management.strategyStatus', options: STRATEGY_STATUSES, labels: STRATEGY_STATUS_LABELS },
      ],
    },
  ],
  members: [
    {
      legend: 'wizard.g.members',
      fields: [
        {
          kind: 'rows',
          path: 'members.members',
          label: 'wizard.f.members.members',
          rowLabel: 'wizard.row.member',
          titlePath: 'name.ru',
          fields: [
            ...bilingual('name', {}, 'wizard.f.member.name'),
            { kind: 'select', path: 'type', label: 'wizard.f.member.type', options: MEMBER_TYPES, labels: MEMBER_TYPE_LABELS, required: true },
            { kind: 'text', max: 2, path: 'country', label: 'wizard.f.member.country', hint: 'wizard.hint.country' },
            { kind: 'select', path: 'internationalActivity', label: 'wizard.f.member.internationalActivity', options: ['0', '1', '2', '3', '4'], labels: activityLabels, numeric: true },
          ],
        },
      ],
    },
  ],
  'partners-projects': [
    {
      legend: 'wizard.g.partners',
      fields: [
        {
          kind: 'rows',
          path: 'partnersProjects.partners',
          label: 'wizard.f.partnersProjects.partners',
          rowLabel: 'wizard.row.partner',
          titlePath: 'name.en',
          fields: [
            ...bilingual('name', {}, 'wizard.f.partner.name'),
            { kind: 'text', max: 2, path: 'country', label: 'wizard.f.partner.country', hint: 'wizard.hint.country', required: true },
            { kind: 'select', path: 'type', label: 'wizard.f.partner.type', options: PARTNER_TYPES, labels: PARTNER_TYPE_LABELS, required: true },
            { kind: 'select', path: 'area', label: 'wizard.f.partner.area', options: COOPERATION_AREAS, labels: COOPERATION_AREA_LABELS },
          ],
        },
      ],
    },
    {
      legend: 'wizard.g.projects',
      fields: [
        {
          kind: 'rows',
          path: 'partnersProjects.projects',
          label: 'wizard.f.partnersProjects.projects',
          rowLabel: 'wizard.row.project',
          titlePath: 'title.ru',
          fields: [
            ...bilingual('title', {}, 'wizard.f.project.title'),
            ...bilingual('description', long, 'wizard.f.project.description'),
            { kind: 'number', path: 'startYear', label: 'wizard.f.project.startYear', step: 1 },
            { kind: 'number', path: 'endYear', label: 'wizard.f.project.endYear', step: 1 },
            { kind: 'number', path: 'budgetMlnRub', label: 'wizard.f.project.budgetMlnRub', min: 0, step: 'any' },
            { kind: 'countries', path: 'partnerCountries', label: 'wizard.f.project.partnerCountries', hint: 'wizard.hint.countries' },
            { kind: 'select', path: 'area', label: 'wizard.f.project.area', options: COOPERATION_AREAS, labels: COOPERATION_AREA_LABELS },
          ],
        },
      ],
    },
  ],
  indicators: [
    {
      legend: 'wizard.g.indicators',
      fields: [
        {
          kind: 'rows',
          path: 'indicators',
          label: 'wizard.f.indicators',
          rowLabel: 'wizard.row.year',
          titlePath: 'year',
          fields: [
            { kind: 'number', path: 'year', label: 'wizard.f.indicator.year', step: 1, required: true },
            ...INDICATOR_KEYS.flatMap((key): WizardField[] => [
              { kind: 'number', path: `${key}.value`, label: `wizard.f.indicator.${key}`, min: 0, step: key === 'internationalMembers' || key === 'publications' ? 1 : 'any' },
              { ...short, path: `${key}.source`, label: `wizard.f.indicator.${key}.source` },
            ]),
          ],
        },
      ],
    },
  ],
  questionnaire: [
    {
      legend: 'wizard.g.questionnaire',
      fields: [
        {
          kind: 'rows',
          path: 'questionnaire',
          label: 'wizard.f.questionnaire',
          rowLabel: 'wizard.row.answers',
          titlePath: 'year',
          fields: [
            { kind: 'number', path: 'year', label: 'wizard.f.indicator.year', step: 1, required: true },
            { kind: 'select', path: 'selfAssessment', label: 'wizard.f.general.selfAssessment', options: GRADES, labels: selfAssessmentLabels, numeric: true, required: true },
            ...QUESTIONNAIRE_MEMBER_TYPES.map((type): WizardField => rated(`memberActivity.${type}`, 'wizard.f.q.memberActivity', MEMBER_TYPE_LABELS[type], activityLabels)),
            ...COOPERATION_AREAS.map((area): WizardField => rated(`areaActivity.${area}`, 'wizard.f.q.areaActivity', COOPERATION_AREA_LABELS[area], activityLabels)),
            { kind: 'checks', path: 'partnerScope', label: 'wizard.f.q.partnerScope', options: PARTNER_SCOPES, labels: PARTNER_SCOPE_LABELS },
            { kind: 'checks', path: 'goals', label: 'wizard.f.q.goals', options: INTERNATIONALIZATION_GOALS, labels: GOAL_LABELS },
            ...BARRIERS.map((barrier): WizardField => rated(`barriers.${barrier}`, 'wizard.f.q.barriers', BARRIER_LABELS[barrier], barrierLabels)),
            { kind: 'select', path: 'coordinator', label: 'wizard.f.management.internationalCoordinator', options: COORDINATORS, labels: COORDINATOR_LABELS },
            { kind: 'select', path: 'strategyStatus', label: 'wizard.f.management.strategyStatus', options: STRATEGY_STATUSES, labels: STRATEGY_STATUS_LABELS },
          ],
        },
      ],
    },
  ],
  review: [],
};

/** Every field of a step, in form order; a new registration also names its address. */
export function stepFields(step: WizardStep, isNew = false): WizardField[] {
  const fields = STEP_GROUPS[step].flatMap((g) => g.fields);
  return step === 'general' && isNew ? [SLUG_FIELD, ...fields] : fields;
}
