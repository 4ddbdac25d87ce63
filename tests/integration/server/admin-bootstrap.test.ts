import { describe, expect, it } from 'vitest';
import { startPortal } from '../../helpers/portal';

describe('npm start with ADMIN_PASSWORD', () => {
  it('stops with a clear line when the password is too short', async () => {
    await expect(startPortal({ env: { ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'short' } })).rejects.toThrow(
      /\[start\] cannot start: ADMIN_PASSWORD has 5 characters: it needs at least 12/,
    );
  });
});
