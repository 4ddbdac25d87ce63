import { describe, expect, it } from 'vitest';
import { changedFieldLabel } from '../../../src/lib/wizard';

describe('changedFieldLabel', () => {
  it('names a changed field by its wizard label, its group, or the year of indicators', () => {
    expect(changedFieldLabel('general.name')).toEqual({ key: 'wizard.f.general.name' });
    expect(changedFieldLabel('members.members')).toEqual({ key: 'wizard.f.members.members' });
    expect(changedFieldLabel('management.cmo')).toEqual({ key: 'wizard.g.cmo' });
    expect(changedFieldLabel('general.location')).toEqual({ key: 'wizard.g.place' });
    expect(changedFieldLabel('indicators.2012')).toEqual({ key: 'history.indicatorsOf', vars: { year: '2012' } });
    expect(changedFieldLabel('questionnaire.2024')).toEqual({ key: 'history.questionnaireOf', vars: { year: '2024' } });
  });
  it('leaves out confirmation dates and names an unknown field by its path', () => {
    expect(changedFieldLabel('general.confirmedAt')).toBeUndefined();
    expect(changedFieldLabel('provenance')).toEqual({ text: 'provenance' });
  });
});
