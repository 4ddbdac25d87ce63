/** A dictionary of one area's strings: Russian first, English must have exactly the same keys. */
export function defineMessages<R extends Record<string, string>>(ru: R, en: Record<keyof R, string>): { ru: R; en: Record<keyof R, string> } {
  return { ru, en };
}
