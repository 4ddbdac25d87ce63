/**
 * What a wizard page does for a request, decided once for both of its routes (/account/clusters/new and
 * /account/clusters/{slug}/{step}): send a visitor to sign in, go on after a saved step (POST, redirect, GET), or
 * show the step with the draft or with what was posted and its errors.
 */
import { isWorkflowError, type Actor, type Refusal, type RevisionState } from '../../lib/workflow';
import { localizePath, type Lang } from '../../lib/i18n';
import { MEMBERS_CSV_MAX_BYTES, nextStep, WIZARD_STEPS, wizardProgress, type CsvProblem, type PlacedIssue, type StepProgress, type WizardStep } from '../../lib/wizard';
import type { ProfileInput } from '../../lib/profile';
import { loadWizard, type StepResult } from '../../server/workflow/wizard';
import { getStore } from '../../server/store';

/** The results of the page's two actions, as Astro.getActionResult gives them. */
interface ActionResults {
  save?: { data?: StepResult | { ok: false; refusal: Refusal; step: string }; error?: { code?: string } };
  submit?: { data?: { ok: boolean; code?: string } };
}

/** Everything a step shows. */
export interface WizardView {
  lang: Lang;
  step: WizardStep;
  slug?: string;
  name?: string;
  state: RevisionState | 'none';
  isPublic: boolean;
  editable: boolean;
  profile?: ProfileInput;
  values: unknown;
  issues: PlacedIssue[];
  csvProblems: CsvProblem[];
  refusal?: Refusal;
  submitOutcome?: { ok: boolean; code?: string };
  saved?: WizardStep;
  submitted: boolean;
  moreRowsFor?: string;
  progress: StepProgress[];
}

/** The page's answer: a redirect, a refusal status with its message, or the step to show (with the status to answer). */
export type WizardPageState = { redirect: string } | { status: 403 | 404; refusal: Refusal } | { status: 200 | 400 | 409 | 413; view: WizardView };

/** A step's address. */
function stepPath(slug: string, step: WizardStep, lang: Lang, query = ''): string {
  return `${localizePath(`/account/clusters/${slug}/${step}`, lang)}${query}`;
}

/** Decides what the wizard page answers. */
export async function wizardPageState(input: { lang: Lang; step: WizardStep; slug?: string; user: App.Locals['user']; url: URL; results: ActionResults }): Promise<WizardPageState> {
  const { lang, step, slug, user, url, results } = input;
  if (!user) return { redirect: `${localizePath('/login', lang)}?next=${encodeURIComponent(url.pathname + url.search)}` };
  const saved = results.save?.data;
  if (saved?.ok) {
    const { op } = saved;
    if (op) return { redirect: stepPath(saved.slug, saved.step, lang, op.kind === 'add' ? `?more=${encodeURIComponent(op.list)}#${op.list.replace(/\./g, '-')}` : `#f-${op.list.replace(/\./g, '-')}`) };
    return { redirect: stepPath(saved.slug, nextStep(saved.step), lang, `?saved=${saved.step}`) };
  }
  if (results.submit?.data?.ok && slug) return { redirect: stepPath(slug, 'review', lang, '?submitted=1') };
  const actor: Actor = { userId: user.id, role: user.role };
  let draft;
  try {
    draft = await loadWizard(await getStore(), actor, slug);
  } catch (error) {
    if (!isWorkflowError(error)) throw error;
    return { status: error.code === 'not-found' ? 404 : 403, refusal: { ok: false, code: error.code } };
  }
  // A post the action could not read at all (over Astro's body limit, or malformed) is refused as a whole.
  const unreadable = results.save?.error && !saved ? results.save.error : undefined;
  const failed = saved && !saved.ok && 'values' in saved ? saved : undefined;
  const refusal = saved && !saved.ok ? saved.refusal : undefined;
  const savedParam = url.searchParams.get('saved') ?? '';
  const view: WizardView = {
    lang,
    step,
    slug,
    name: draft.profile?.general?.name?.[lang],
    state: draft.state,
    isPublic: draft.isPublic,
    editable: draft.editable,
    profile: draft.profile,
    values: failed ? failed.values : draft.profile,
    issues: failed?.issues ?? [],
    csvProblems: unreadable?.code === 'CONTENT_TOO_LARGE' ? [{ line: 0, message: { key: 'wizard.csv.tooLarge', vars: { kb: MEMBERS_CSV_MAX_BYTES / 1024 } } }] : (failed?.csvProblems ?? []),
    refusal,
    submitOutcome: results.submit?.data,
    saved: WIZARD_STEPS.find((s) => s !== 'review' && s === savedParam),
    submitted: url.searchParams.get('submitted') === '1',
    moreRowsFor: failed?.op?.kind === 'add' ? failed.op.list : (url.searchParams.get('more') ?? undefined),
    progress: wizardProgress(draft.profile, step),
  };
  const status = unreadable?.code === 'CONTENT_TOO_LARGE' ? 413 : refusal ? 409 : failed || unreadable || (results.submit?.data && !results.submit.data.ok) ? 400 : 200;
  return { status, view };
}
