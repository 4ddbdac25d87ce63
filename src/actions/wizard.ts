import { ActionError } from 'astro:actions';
import { defineAction } from './storage-guard';
import { z } from 'zod';
import { isWorkflowError } from '../lib/workflow';
import { isWizardStep } from '../lib/wizard';
import { saveWizardStep, type StepResult } from '../server/workflow/wizard';
import { getStore } from '../server/store';

/**
 * The wizard's one action (`accept: 'form'`, so every step works without JavaScript): the form posts its step,
 * its cluster (none for a new registration) and its fields; src/server/workflow/wizard.ts reads, checks and saves
 * them. The fields are read by the step's own description rather than a fixed input schema, so the input here is
 * the posted FormData itself; the profile schema judges what it holds.
 */

/** The posted text of a hidden field, or ''. */
function hidden(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim().slice(0, 200) : '';
}

/** Today as YYYY-MM-DD (UTC), the date a saved block is confirmed on. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Wizard actions, available as actions.wizard.*. */
export const wizardActions = {
  saveStep: defineAction({
    accept: 'form',
    input: z.instanceof(FormData),
    handler: async (form, context): Promise<StepResult | { ok: false; refusal: { ok: false; code: 'not-your-cluster' | 'not-found' }; step: string; issues: []; csvProblems: []; values: Record<string, never> }> => {
      const user = context.locals.user;
      if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'sign in first' });
      const step = hidden(form, 'step');
      if (!isWizardStep(step) || step === 'review') throw new ActionError({ code: 'BAD_REQUEST', message: `unknown step "${step}"` });
      const slug = hidden(form, 'cluster') || undefined;
      try {
        return await saveWizardStep(await getStore(), { userId: user.id, role: user.role }, { slug, step, form, today: today() });
      } catch (error) {
        if (!isWorkflowError(error) || (error.code !== 'not-your-cluster' && error.code !== 'not-found')) throw error;
        return { ok: false, refusal: { ok: false, code: error.code }, step, issues: [], csvProblems: [], values: {} };
      }
    },
  }),
};
