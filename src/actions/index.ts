import { accountActions } from './accounts';
import { wizardActions } from './wizard';
import { moderationActions } from './moderation';
import { workflowActions } from './workflow';
import { contactActions } from './contact';

/** Every Astro Action of the portal, one namespace per area. */
export const server = {
  accounts: accountActions,
  workflow: workflowActions,
  wizard: wizardActions,
  moderation: moderationActions,
  contact: contactActions,
};
