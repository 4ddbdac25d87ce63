/** Private-use characters that mark highlights in Meilisearch answers; stripped from indexed text so data cannot forge them. */
export const HIGHLIGHT_PRE = '\uE000';
/** Closing highlight marker (see HIGHLIGHT_PRE). */
export const HIGHLIGHT_POST = '\uE001';
