/** Limits of account fields, written once: schemas, forms (maxlength) and messages read them from here. */

/** Longest email address accepted (RFC 5321 path limit). */
export const EMAIL_MAX = 254;
/** Longest display name. */
export const NAME_MAX = 100;
/** Shortest password: length is what makes a password strong, so no composition rules. */
export const PASSWORD_MIN = 12;
/** Longest password (scrypt's cost grows with the input; this bounds it well above any passphrase). */
export const PASSWORD_MAX = 256;
/** Longest name of an API token (what it is for, e.g. "regional centre sync"). */
export const TOKEN_NAME_MAX = 80;
/** How long a sign-in lasts (the session cookie and its row). */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;
/** How long an email confirmation link works. */
export const CONFIRM_TOKEN_TTL_MS = 48 * 3600 * 1000;
/** How long a password reset link works. */
export const RESET_TOKEN_TTL_MS = 3600 * 1000;
/** Roles of accounts: managers keep their clusters' profiles, moderators review them. */
export const ROLES = ['manager', 'moderator'] as const;
/** One role. */
export type Role = (typeof ROLES)[number];
