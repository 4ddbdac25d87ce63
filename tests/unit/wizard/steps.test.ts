import { describe, expect, it } from 'vitest';
import { UI_KEYS } from '../../../src/lib/i18n';
import { isStepDone, nextStep, previousStep, resumeStep, slugFromName, STEP_GROUPS, stepFields, WIZARD_STEPS, wizardProgress, type WizardField } from '../../../src/lib/wizard';

/** Every message key a field names (label, hint, row label), with the fields of rows. */
function keysOf(field: WizardField): string[] {
  const own = [field.label, field.hint].filter((k): k is string => Boolean(k));
  return field.kind === 'rows' ? [...own, field.rowLabel, ...field.fields.flatMap(keysOf)] : own;
}

describe('wizard steps', () => {
  it('names only message keys that exist in both languages', () => {
    const known = new Set<string>(UI_KEYS);
    const named = WIZARD_STEPS.flatMap((s) => [`wizard.step.${s}`, ...STEP_GROUPS[s].map((g) => g.legend), ...stepFields(s, true).flatMap(keysOf)]);
    expect(named.filter((k) => !known.has(k))).toEqual([]);
  });
  it('go in order, the review last', () => {
    expect(nextStep('general')).toBe('priorities');
    expect(nextStep('indicators')).toBe('questionnaire');
    expect(nextStep('questionnaire')).toBe('review');
    expect(nextStep('review')).toBe('review');
    expect(previousStep('general')).toBeUndefined();
    expect(previousStep('members')).toBe('management');
  });
  it('offer the address field only to a new registration', () => {
    expect(stepFields('general', true)[0]!.path).toBe('slug');
    expect(stepFields('general').some((f) => f.path === 'slug')).toBe(false);
  });
});

describe('progress', () => {
  const profile = { slug: 'x', general: { confirmedAt: '2026-12-01' }, priorities: {}, management: { confirmedAt: '2026-12-01' }, indicators: [] } as never;
  it('counts a block as done once saved (confirmed) and the indicators once a year is given', () => {
    expect(isStepDone(profile, 'general')).toBe(true);
    expect(isStepDone(profile, 'priorities')).toBe(false);
    expect(isStepDone(profile, 'indicators')).toBe(false);
    expect(isStepDone({ indicators: [{ year: 2012 }] } as never, 'indicators')).toBe(true);
    expect(wizardProgress(profile, 'management').map((p) => [p.step, p.done, p.current])).toContainEqual(['management', true, true]);
  });
  it('resumes at the first step not done, or the review', () => {
    expect(resumeStep(profile)).toBe('priorities');
    expect(resumeStep(undefined)).toBe('general');
  });
});

describe('slugFromName', () => {
  it('makes a URL-safe address of an English name', () => {
    expect(slugFromName('  Nuclear Innovation Cluster of Dimitrovgrad! ')).toBe('nuclear-innovation-cluster-of-dimitrovgrad');
    expect(slugFromName('Pharma & Bio — Ölmütz')).toBe('pharma-and-bio-olmutz');
    expect(slugFromName('Кластер')).toBe('');
    expect(slugFromName('a'.repeat(100)).length).toBe(80);
  });
});
