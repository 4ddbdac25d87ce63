import { accountActions } from './accounts';
import { wizardActions } from './wizard';
import { workflowActions } from './workflow';

/** Every Astro Action of the portal, one namespace per area. */
export const server = {
  accounts: accountActions,
  workflow: workflowActions,
  wizard: wizardActions,
};
