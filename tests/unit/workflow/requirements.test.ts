import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/lib/i18n';
import { assertSubmittable, checkMinimumRequirements, missingRequirements, WorkflowError } from '../../../src/lib/workflow';
import { members, submittableProfile } from './fixtures';

describe('checkMinimumRequirements', () => {
  it('meets every requirement for a complete profile', () => {
    expect(missingRequirements(submittableProfile())).toEqual([]);
    expect(() => assertSubmittable(submittableProfile())).not.toThrow();
  });

  it.each<[string, (p: any) => void, string[]]>([
    ['no management block', (p) => delete p.management, ['cmo', 'contact']],
    ['a contact but no CMO', (p) => delete p.management.cmo, ['cmo']],
    ['a contact without e-mail or phone', (p) => delete p.management.manager.email, ['contact']],
    ['a contact with a phone only', (p) => ((p.management.manager.phone = '+7 484 000-00-00'), delete p.management.manager.email), []],
    ['9 members', (p) => (p.members.members = members(9)), ['members']],
    ['10 members of one type', (p) => (p.members.members = members(10, ['sme'])), ['memberTypes']],
    ['no members at all', (p) => (p.members.members = []), ['members', 'memberTypes']],
  ])('%s misses %j', (_name, edit, missing) => {
    expect(missingRequirements(submittableProfile(edit))).toEqual(missing);
  });

  it('reports the counts and thresholds the message shows', () => {
    const checks = checkMinimumRequirements(submittableProfile((p) => (p.members.members = members(7, ['sme']))));
    const byId = Object.fromEntries(checks.map((c) => [c.id, c]));
    expect(byId.members).toEqual({ id: 'members', met: false, messageKey: 'workflow.requirement.members', values: { count: 7, min: 10 } });
    expect(translator('en')(byId.members!.messageKey, byId.members!.values)).toBe('At least 10 members (now 7)');
    expect(translator('ru')(byId.memberTypes!.messageKey, byId.memberTypes!.values)).toBe('Участники не менее 2 типов (сейчас 1)');
  });

  it('takes other thresholds', () => {
    expect(missingRequirements(submittableProfile(), { minMembers: 11, minMemberTypes: 3 })).toEqual(['members', 'memberTypes']);
  });

  it('refuses submission with the missing list', () => {
    const profile = submittableProfile((p) => delete p.management);
    try {
      assertSubmittable(profile);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WorkflowError);
      expect((error as WorkflowError).code).toBe('requirements-missing');
      expect((error as WorkflowError).detail.missing).toEqual(['cmo', 'contact']);
      expect((error as WorkflowError).status).toBe(409);
    }
  });
});
