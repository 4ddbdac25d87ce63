import { describe, expect, it } from 'vitest';
import { ageParts, changedFields, fieldValueText, outcomeStatus, refusalMessage } from '../../../src/lib/workflow';
import { submittableProfile } from './fixtures';

describe('the areas’ view helpers', () => {
  it('splits an age into days and hours', () => {
    expect(ageParts(0)).toEqual({ days: 0, hours: 0 });
    expect(ageParts(26 * 3600 + 59)).toEqual({ days: 1, hours: 2 });
    expect(ageParts(-5)).toEqual({ days: 0, hours: 0 });
  });

  it('reads the value at every changed path, undefined when absent', () => {
    const profile = submittableProfile();
    for (const path of changedFields(undefined, profile)) expect(fieldValueText(profile, path), path).toBeDefined();
    expect(fieldValueText(profile, 'general.name')).toContain(profile.general.name.ru);
    expect(fieldValueText(undefined, 'general.name')).toBeUndefined();
    expect(fieldValueText(profile, 'indicators.1900')).toBeUndefined();
  });

  it('names the message key of a refusal', () => {
    expect(refusalMessage({ ok: false, code: 'invalid-transition', state: 'submitted' })).toEqual({ key: 'workflow.error.invalid-transition', vars: { state: 'submitted', max: 2000 } });
  });

  it.each([
    [undefined, 200],
    [{ ok: true }, 200],
    [{ ok: false, code: 'not-your-cluster' }, 403],
    [{ ok: false, code: 'moderator-only' }, 403],
    [{ ok: false, code: 'own-account' }, 403],
    [{ ok: false, code: 'invalid-transition' }, 409],
    [{ ok: false, code: 'duplicate-name' }, 409],
    [{ ok: false, code: 'claim-exists' }, 409],
    [{ ok: false, code: 'not-found' }, 404],
    [{ ok: false, code: 'comment-required' }, 400],
    [{ ok: false, code: 'invalid-email' }, 400],
    [{ ok: false }, 400],
  ] as const)('a page showing the outcome %j answers %i', (outcome, status) => {
    expect(outcomeStatus(outcome)).toBe(status);
  });
});

describe('fieldValueText of a questionnaire year', () => {
  it('shows that year’s answers', () => {
    const profile = submittableProfile((p) => (p.questionnaire = [{ year: 2024, selfAssessment: 5 }]));
    expect(JSON.parse(fieldValueText(profile, 'questionnaire.2024')!)).toMatchObject({ year: 2024, selfAssessment: 5 });
    expect(fieldValueText(profile, 'questionnaire.2023')).toBeUndefined();
  });
});
