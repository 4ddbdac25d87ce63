/**
 * What the manager and moderator pages read besides the workflow's answers: the accounts behind user ids (names
 * and e-mails of managers, submitters and claimants). The workflow functions check who may see what.
 */
import type { Store } from '../db/store-interfaces';

/** A user as the areas show them. */
export interface PersonView {
  id: number;
  name: string;
  email: string;
}

/** The accounts behind the ids (unknown ids are left out), by id. */
export async function peopleByIds(store: Store, ids: Iterable<number | null | undefined>): Promise<Map<number, PersonView>> {
  const people = new Map<number, PersonView>();
  for (const id of new Set(ids)) {
    if (id === null || id === undefined) continue;
    const user = await store.accounts.getUser(id);
    if (user) people.set(id, { id, name: user.name, email: user.email });
  }
  return people;
}
