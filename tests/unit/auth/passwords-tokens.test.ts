import { describe, expect, it } from 'vitest';
import { hashPassword, SCRYPT_PARAMS, verifyPassword } from '../../../src/server/auth/passwords';
import { hashToken, newToken } from '../../../src/server/auth/tokens';

describe('password hashing (scrypt)', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('stores its parameters and a fresh salt in the hash, never the password', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')]);
    expect(a).toMatch(new RegExp(`^scrypt\\$${SCRYPT_PARAMS.N}\\$${SCRYPT_PARAMS.r}\\$${SCRYPT_PARAMS.p}\\$[A-Za-z0-9_-]{22}\\$[A-Za-z0-9_-]{43}$`));
    expect(a).not.toBe(b);
    expect(a).not.toContain('same password');
  });

  it('verifies hashes made with other parameters (they travel with the hash)', async () => {
    // A hash written with N = 1024 (as an older version might have) and the salt "salt".
    const { scryptSync } = await import('node:crypto');
    const key = scryptSync('a long enough password', 'salt', 32, { N: 1024, r: 8, p: 1 });
    const hash = `scrypt$1024$8$1$${Buffer.from('salt').toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword('a long enough password', hash)).toBe(true);
  });

  it.each(['', 'plain', 'bcrypt$1$2$3$abc$def', 'scrypt$x$8$1$abc$def', 'scrypt$4194304$8$1$abc$def', 'scrypt$1024$8$1$abc$'])(
    'never matches the malformed hash %j',
    async (stored) => {
      expect(await verifyPassword('anything', stored)).toBe(false);
    },
  );
});

describe('tokens', () => {
  it('are 32 random bytes in base64url, different every time', () => {
    const tokens = new Set(Array.from({ length: 50 }, newToken));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from([...tokens][0]!, 'base64url')).toHaveLength(32);
  });

  it('are stored as their SHA-256 in hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
