import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/lib/i18n';
import { isWorkflowError, REVISION_STATES, WORKFLOW_ERROR_CODES, WORKFLOW_ERROR_STATUS, WorkflowError, REQUIREMENT_IDS } from '../../../src/lib/workflow';
import type { UiKey } from '../../../src/lib/i18n';

describe('workflow messages', () => {
  it.each(['ru', 'en'] as const)('%s has a message for every refusal, state and requirement', (lang) => {
    const t = translator(lang);
    const keys = [
      ...WORKFLOW_ERROR_CODES.map((c) => `workflow.error.${c}`),
      ...REVISION_STATES.map((s) => `workflow.state.${s}`),
      ...REQUIREMENT_IDS.map((r) => `workflow.requirement.${r}`),
    ];
    expect(keys.filter((k) => !t(k as UiKey))).toEqual([]);
  });

  it('maps permissions to 403, conflicts to 409 and bad input to 400', () => {
    expect(new WorkflowError('not-your-cluster', 'x').status).toBe(403);
    expect(WORKFLOW_ERROR_STATUS['invalid-transition']).toBe(409);
    expect(WORKFLOW_ERROR_STATUS['invalid-profile']).toBe(400);
    expect(new WorkflowError('comment-required', 'x')).toBeInstanceOf(Error);
  });

  it('recognises a WorkflowError, also one from another copy of the module, and nothing else', () => {
    expect(isWorkflowError(new WorkflowError('last-manager', 'x'))).toBe(true);
    expect(isWorkflowError(Object.assign(new Error('x'), { name: 'WorkflowError', code: 'not-found' }))).toBe(true);
    expect(isWorkflowError(Object.assign(new Error('x'), { name: 'WorkflowError', code: 'teapot' }))).toBe(false);
    expect(isWorkflowError(new Error('not-found'))).toBe(false);
    expect(isWorkflowError(null)).toBe(false);
  });
});
