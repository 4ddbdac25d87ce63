import { accountActions } from './accounts';

/** Every Astro Action of the portal, one namespace per area. */
export const server = {
  accounts: accountActions,
};
