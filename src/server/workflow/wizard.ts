/**
 * The profile wizard over the workflow: loads the profile a manager edits (the open revision, else the public
 * profile, else nothing for a new registration) and saves one step: the posted fields are written into that
 * profile, checked with the profile schema, and stored as the draft through saveDraft (the same function as the
 * API). A step that does not pass is answered with every error placed on its field and nothing stored.
 */
import { profileSchema, type Profile, type ProfileInput } from '../../lib/profile';
import { isWorkflowError, type Actor, type Refusal, type RevisionState } from '../../lib/workflow';
import {
  applyPostedFields,
  getPath,
  MEMBERS_CSV_MAX_BYTES,
  placeIssues,
  readMembersCsv,
  readRowOp,
  setPath,
  slugFromName,
  STEP_BLOCK,
  stepFields,
  type CsvProblem,
  type PlacedIssue,
  type PostedForm,
  type RowOp,
  type WizardField,
  type WizardStep,
} from '../../lib/wizard';
import { locationProblem, WorkflowError } from '../../lib/workflow';
import type { Store } from '../db/store-interfaces';
import { regionBoxesOf } from './region-boxes';
import { listManagers, openRevisionOf, saveDraft } from './revisions';

/** What the wizard shows for a cluster: the profile being edited, its revision state and whether it may be edited now. */
export interface WizardDraft {
  slug?: string;
  profile?: ProfileInput;
  state: RevisionState | 'none';
  isPublic: boolean;
  editable: boolean;
}

/** The states in which the managers may change the profile (a submitted one waits for the moderator or a withdrawal). */
const EDITABLE_STATES: ReadonlyArray<WizardDraft['state']> = ['none', 'draft', 'returned'];

/**
 * The profile the actor edits: a new registration (no slug), the open revision, or the public profile as a start for
 * an edit. Only the cluster's managers edit it (moderators review it in their area): anyone else is refused.
 */
export async function loadWizard(store: Store, actor: Actor, slug?: string): Promise<WizardDraft> {
  if (!slug) return { state: 'none', isPublic: false, editable: true };
  const managers = await listManagers(store, actor, slug); // refuses anyone but its managers and the moderators
  if (!managers.some((m) => m.userId === actor.userId))
    throw new WorkflowError('not-your-cluster', `Account ${actor.userId} does not manage "${slug}".`, { slug });
  const open = await openRevisionOf(store, actor, slug);
  const publicProfile = await store.clusters.getPublicProfile(slug);
  if (!open && !publicProfile) throw new WorkflowError('not-found', `There is no cluster "${slug}".`, { slug });
  const state = open?.state ?? 'none';
  return { slug, profile: open?.profile ?? publicProfile, state, isPublic: publicProfile !== undefined, editable: EDITABLE_STATES.includes(state) };
}

/** The outcome of saving a step: saved (the page goes on), or refused with what to show again. */
export type StepResult =
  | { ok: true; slug: string; step: WizardStep; op?: RowOp }
  | { ok: false; step: WizardStep; values: Record<string, unknown>; issues: PlacedIssue[]; csvProblems: CsvProblem[]; refusal?: Refusal; op?: RowOp };

/** What one save asks for. */
export interface StepRequest {
  slug?: string;
  step: WizardStep;
  form: PostedForm;
  /** Today as YYYY-MM-DD: the saved block is marked confirmed on it. */
  today: string;
}

/** The posted names of the fields a step renders for this profile (rows included), in form order. */
export function postedNames(fields: readonly WizardField[], profile: unknown): string[] {
  return fields.flatMap((field) => {
    if (field.kind !== 'rows') return [field.path];
    const rows = getPath(profile, field.path);
    const count = Array.isArray(rows) ? rows.length : 0;
    return Array.from({ length: count }, (_, i) => field.fields.map((sub) => `${field.path}.${i}.${sub.path}`)).flat();
  });
}

/** Reads the uploaded members file, if one was chosen: the members, or the problems that stopped it. */
async function uploadedMembers(form: PostedForm): Promise<{ members?: unknown[]; problems: CsvProblem[] }> {
  const file = form.get('membersCsv');
  if (!(file instanceof Blob) || file.size === 0) return { problems: [] };
  if (file.size > MEMBERS_CSV_MAX_BYTES) return { problems: [{ line: 0, message: { key: 'wizard.csv.tooLarge', vars: { kb: MEMBERS_CSV_MAX_BYTES / 1024 } } }] };
  const text = await file.text();
  if (text.includes('\u0000') || text.includes('\uFFFD')) return { problems: [{ line: 0, message: { key: 'wizard.csv.notText' } }] };
  const result = readMembersCsv(text);
  return result.ok ? { members: result.members, problems: [] } : { problems: result.problems };
}

/** The profile with the posted step written in (and the uploaded members added), not yet validated. */
async function postedProfile(draft: WizardDraft, request: StepRequest, op: RowOp | undefined) {
  const isNew = !draft.slug;
  const fields = stepFields(request.step, isNew);
  const profile = applyPostedFields(draft.profile, fields, request.form, op);
  if (isNew) profile.slug = (profile.slug as string | undefined) ?? slugFromName(String(getPath(profile, 'general.name.en') ?? ''));
  else profile.slug = draft.slug;
  const upload = request.step === 'members' ? await uploadedMembers(request.form) : { problems: [] };
  if (upload.members) {
    const current = (getPath(profile, 'members.members') as unknown[] | undefined) ?? [];
    setPath(profile, 'members.members', request.form.get('csvMode') === 'replace' ? upload.members : [...current, ...upload.members]);
  }
  const block = STEP_BLOCK[request.step];
  if (block) setPath(profile, `${block}.confirmedAt`, request.today);
  return { profile, fields, csvProblems: upload.problems };
}

/** The point's own error when it lies outside its region, unless the schema already refused the point or the region. */
function placeAbroad(store: Store, profile: Record<string, unknown>, issues: readonly PlacedIssue[]): PlacedIssue[] {
  if (issues.some((i) => i.path.startsWith('general.location') || i.path.startsWith('general.region') || i.path === 'general')) return [];
  const general = profile.general as { region?: unknown; location?: { lat?: unknown; lon?: unknown } } | undefined;
  const { lat, lon } = general?.location ?? {};
  if (typeof general?.region !== 'string' || typeof lat !== 'number' || typeof lon !== 'number') return [];
  const problem = locationProblem({ general: { region: general.region, location: { lat, lon } } } as Profile, regionBoxesOf(store.config.contentDir));
  return problem ? [{ field: 'general.location.lat', path: 'general.location', message: { key: 'wizard.issue.outsideRegion', vars: { lat: String(lat), lon: String(lon) } } }] : [];
}

/** The first issue of each field (a field says one thing to fix at a time); issues of the whole step are all kept. */
function oneIssuePerField(issues: readonly PlacedIssue[]): PlacedIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => !i.field || (!seen.has(i.field) && Boolean(seen.add(i.field))));
}

/** Issues of an address made from the English name (none typed) say nothing new while the name itself has an issue. */
function withoutDerivedSlugIssues(issues: readonly PlacedIssue[], form: PostedForm): PlacedIssue[] {
  const typed = typeof form.get('slug') === 'string' && String(form.get('slug')).trim() !== '';
  if (typed || !issues.some((i) => i.path.startsWith('general.name'))) return [...issues];
  return issues.filter((i) => i.path !== 'slug');
}

/** A refusal of saveDraft as errors on the form: the place and the name by field, the rest for the whole step. */
function refusalIssues(error: WorkflowError, profile: Record<string, unknown>): { issues: PlacedIssue[]; refusal?: Refusal } {
  const problems = error.detail.problems ?? [];
  if (error.code === 'invalid-profile' && problems.some((p) => p.field === 'general.location')) {
    const vars = { lat: String(getPath(profile, 'general.location.lat')), lon: String(getPath(profile, 'general.location.lon')) };
    return { issues: [{ field: 'general.location.lat', path: 'general.location', message: { key: 'wizard.issue.outsideRegion', vars } }] };
  }
  if (error.code === 'duplicate-name') return { issues: [{ field: 'general.name.ru', path: 'general.name', message: { key: 'wizard.issue.duplicateName', vars: { holder: error.detail.holder ?? '' } } }] };
  return { issues: [], refusal: { ok: false, code: error.code, state: error.detail.state, missing: error.detail.missing } };
}

/** Saves one step of the wizard as the draft, or says what to correct; nothing is stored unless the whole profile is valid. */
export async function saveWizardStep(store: Store, actor: Actor, request: StepRequest): Promise<StepResult> {
  const op = readRowOp(request.form.get('op'));
  const draft = await loadWizard(store, actor, request.slug);
  const { profile, fields, csvProblems } = await postedProfile(draft, request, op);
  const refused = (issues: PlacedIssue[], refusal?: Refusal): StepResult => ({ ok: false, step: request.step, values: profile, issues, csvProblems, refusal, op });
  if (!draft.editable) return refused([], { ok: false, code: 'invalid-transition', state: draft.state });
  const parsed = profileSchema.safeParse(profile);
  if (!parsed.success || csvProblems.length > 0) {
    const issues = parsed.success ? [] : placeIssues(parsed.error.issues, postedNames(fields, profile));
    return refused(oneIssuePerField(withoutDerivedSlugIssues([...issues, ...placeAbroad(store, profile, issues)], request.form)));
  }
  try {
    const revision = await saveDraft(store, actor, profile);
    return { ok: true, slug: revision.slug, step: request.step, op };
  } catch (error) {
    if (!isWorkflowError(error)) throw error;
    // A new registration refused as "not yours" chose an address another registration holds.
    if (error.code === 'not-your-cluster' && !draft.slug) return refused([{ field: 'slug', path: 'slug', message: { key: 'wizard.issue.slugTaken' } }]);
    const { issues, refusal } = refusalIssues(error, profile);
    return refused(issues, refusal);
  }
}
