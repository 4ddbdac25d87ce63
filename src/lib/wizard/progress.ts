/** Which wizard steps a draft has been through, for the progress indicator and "continue where you left off". */
import type { ProfileInput } from '../profile/profile';
import { STEP_BLOCK, WIZARD_STEPS, type WizardStep } from './steps';

/** One step as the progress indicator shows it. */
export interface StepProgress {
  step: WizardStep;
  done: boolean;
  current: boolean;
}

/** Whether a step was saved: its block carries a confirmation date, the indicators or the questionnaire hold a year (the review is never "done"). */
export function isStepDone(profile: ProfileInput | undefined, step: WizardStep): boolean {
  if (!profile) return false;
  if (step === 'indicators') return (profile.indicators?.length ?? 0) > 0;
  if (step === 'questionnaire') return (profile.questionnaire?.length ?? 0) > 0;
  const block = STEP_BLOCK[step];
  if (!block) return false;
  return Boolean((profile[block] as { confirmedAt?: string } | undefined)?.confirmedAt);
}

/** Every step with whether it is done and which one is shown. */
export function wizardProgress(profile: ProfileInput | undefined, current: WizardStep): StepProgress[] {
  return WIZARD_STEPS.map((step) => ({ step, done: isStepDone(profile, step), current: step === current }));
}

/** Where a manager resumes: the first step not done yet, else the review. */
export function resumeStep(profile: ProfileInput | undefined): WizardStep {
  return WIZARD_STEPS.find((step) => step !== 'review' && !isStepDone(profile, step)) ?? 'review';
}
