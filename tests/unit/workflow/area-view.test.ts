import { describe, expect, it } from 'vitest';
import { ageParts, changedFields, fieldValueText, refusalMessage } from '../../../src/lib/workflow';
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
});
