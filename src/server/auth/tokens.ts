import { createHash, randomBytes } from 'node:crypto';

/** A new secret token: 32 random bytes in base64url (43 characters), shown once and never stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps of a token: its SHA-256 in hex (a token has 256 bits of entropy, so no salt or slow hash is needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
