import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with node's scrypt. A hash is `scrypt$N$r$p$salt$key` (salt and key in base64url), so its
 * parameters travel with it: raising them later leaves old hashes verifiable.
 */

/** Cost parameters of new hashes: N = 2^15, r = 8, p = 1 (32 MiB per hash; raise N when the hardware allows, old hashes keep verifying). */
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

/** scrypt as a promise; maxmem is raised to what N and r need (node's default of 32 MiB is exactly too little). */
function deriveKey(password: string, salt: Buffer, params: { N: number; r: number; p: number }, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Hashes a password with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await deriveKey(password, salt, SCRYPT_PARAMS, KEY_LENGTH);
  const { N, r, p } = SCRYPT_PARAMS;
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** The parts of a stored hash, or null when it is not one this module wrote. */
function parseHash(stored: string): { N: number; r: number; p: number; salt: Buffer; key: Buffer } | null {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || rest.length > 0 || !salt || !key) return null;
  const params = [n, r, p].map(Number) as [number, number, number];
  if (!params.every((x) => Number.isInteger(x) && x > 0) || params[0] > 2 ** 20) return null;
  return { N: params[0], r: params[1], p: params[2], salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** Whether the password matches the stored hash (compared in constant time; a malformed hash never matches). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || parsed.key.length === 0) return false;
  const candidate = await deriveKey(password, parsed.salt, parsed, parsed.key.length);
  return timingSafeEqual(candidate, parsed.key);
}

/** A hash of no one's password: checked when an email is unknown, so that a sign-in takes as long either way. */
let decoy: Promise<string> | undefined;
/** The decoy hash (made once per process). */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(18).toString('base64url'));
  return decoy;
}
