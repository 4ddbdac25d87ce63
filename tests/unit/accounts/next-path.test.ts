import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../../src/lib/accounts/next-path';

describe('safeNextPath', () => {
  it.each(['/account', '/en/account?tab=tokens#tokens', '/'])('keeps the local path %s', (path) => {
    expect(safeNextPath(path, '/fallback')).toBe(path);
  });

  it.each([null, undefined, '', 'account', '//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/\tjavascript', '/a\nb'])(
    'refuses %j',
    (next) => {
      expect(safeNextPath(next as string | null | undefined, '/fallback')).toBe('/fallback');
    },
  );
});
