/** The key fields compared side by side, taking a sourced fact where the manager has not given the field. */
import type { Lang } from '../i18n/locales';
import { factValueIn, type FactKind, type SourcedFact } from '../profile/facts';
import type { Profile } from '../profile/profile';

/** The first sourced fact of a kind in any block of the profile, or undefined. */
export function findFact(profile: Profile, kind: FactKind): SourcedFact | undefined {
  const facts: SourcedFact[] = [
    ...(profile.general.facts ?? []),
    ...(profile.priorities.facts ?? []),
    ...(profile.management.facts ?? []),
    ...(profile.members.facts ?? []),
  ];
  return facts.find((f) => f.kind === kind);
}

/** A compared value: the text and, for a sourced fact, its year and source. */
export interface ComparedValue {
  text: string;
  asOf?: number | undefined;
  source?: string | undefined;
}

/** The manager's value when given, else the sourced fact of that kind (its text as a page in `lang` shows it), else undefined. */
export function keyValue(profile: Profile, given: string | number | undefined, kind: FactKind, lang: Lang): ComparedValue | undefined {
  if (given !== undefined) return { text: String(given) };
  const fact = findFact(profile, kind);
  return fact && { text: factValueIn(fact, lang), asOf: fact.asOf, source: fact.source };
}
