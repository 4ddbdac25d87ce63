import { ActionError, type ActionAPIContext } from 'astro:actions';
import { defineAction } from './storage-guard';
import { z } from 'zod';
import { langSchema } from '../lib/accounts/schemas';
import { isWorkflowError, type Actor, type WorkflowErrorCode } from '../lib/workflow';
import { setAccountDisabled } from '../server/auth/account-admin';
import { importRegionalUpload, previewRegionalUpload, type RegionalUploadImport, type RegionalUploadPreview } from '../server/regional-upload';
import { getStore } from '../server/store';

/**
 * The moderators' account forms as Astro Actions (`accept: 'form'`): disable and enable an account. The server
 * function checks the role and refuses a moderator's own account; a refusal is a result naming its code.
 */

/** The outcome of disabling or enabling an account. */
type AccountOutcome = { ok: true; done: 'disable' | 'enable'; userId: number } | { ok: false; code: WorkflowErrorCode; userId: number };

/** The signed-in account as an actor, or an UNAUTHORIZED error. */
function actorOf(context: ActionAPIContext): Actor {
  const user = context.locals.user;
  if (!user) throw new ActionError({ code: 'UNAUTHORIZED', message: 'sign in first' });
  return { userId: user.id, role: user.role };
}

/** Disables or enables the account as the signed-in actor; a WorkflowError becomes a refusal result. */
async function setDisabled(context: ActionAPIContext, userId: number, disabled: boolean): Promise<AccountOutcome> {
  const actor = actorOf(context);
  try {
    await setAccountDisabled(await getStore(), actor, userId, disabled);
    return { ok: true, done: disabled ? 'disable' : 'enable', userId };
  } catch (error) {
    if (!isWorkflowError(error)) throw error;
    return { ok: false, code: error.code, userId };
  }
}

/** The outcome of a regional statistics step: the server's answer, or a refusal naming its code. */
type RegionalOutcome<T> = ({ ok: true } & { result: T }) | { ok: false; code: WorkflowErrorCode };

/** Runs a regional statistics step as the signed-in actor; a WorkflowError (not a moderator) becomes a refusal. */
async function regionalStep<T>(context: ActionAPIContext, step: (actor: Actor) => Promise<T>): Promise<RegionalOutcome<T>> {
  const actor = actorOf(context);
  try {
    return { ok: true, result: await step(actor) };
  } catch (error) {
    if (!isWorkflowError(error)) throw error;
    return { ok: false, code: error.code };
  }
}

/** The uploaded file's text (the form sends a file on upload, the text itself on confirm); '' when neither came. */
async function uploadedText(file: File | undefined, csv: string | undefined): Promise<string> {
  if (file && file.size > 0) return file.text();
  return csv ?? '';
}

const regionalInput = z.object({
  lang: langSchema,
  file: z.instanceof(File).optional(),
  csv: z.string().optional(),
});

const accountInput = z.object({ lang: langSchema, userId: z.coerce.number().int().positive() });

/** Moderation actions, available as actions.moderation.*. */
export const moderationActions = {
  disableAccount: defineAction({ accept: 'form', input: accountInput, handler: ({ userId }, c) => setDisabled(c, userId, true) }),
  enableAccount: defineAction({ accept: 'form', input: accountInput, handler: ({ userId }, c) => setDisabled(c, userId, false) }),
  previewRegions: defineAction({
    accept: 'form',
    input: regionalInput,
    handler: async ({ file, csv }, c): Promise<RegionalOutcome<RegionalUploadPreview> & { csv: string }> => {
      const text = await uploadedText(file, csv);
      return { ...(await regionalStep(c, async (actor) => previewRegionalUpload(await getStore(), actor, text))), csv: text };
    },
  }),
  importRegions: defineAction({
    accept: 'form',
    input: regionalInput.extend({ fingerprint: z.string().max(64) }),
    handler: async ({ file, csv, fingerprint }, c): Promise<RegionalOutcome<RegionalUploadImport> & { csv: string }> => {
      const text = await uploadedText(file, csv);
      return { ...(await regionalStep(c, async (actor) => importRegionalUpload(await getStore(), actor, text, fingerprint))), csv: text };
    },
  }),
};
