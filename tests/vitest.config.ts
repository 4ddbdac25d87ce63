import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests are pure; integration and e2e tests start real processes (the built portal,
// Meilisearch, Chromium) on free ports in temporary DATA_DIRs, so files can run side by side.
export default defineConfig({
  // The repository root (this file lives in tests/ to keep the top level to the product card's list).
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/**/*.test.ts'],
    maxWorkers: 2,
    // Generous: e2e steps share two cores with other test files, Meilisearch and the portal.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
