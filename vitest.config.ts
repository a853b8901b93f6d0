import { defineConfig } from 'vitest/config';

/**
 * Unit tests sit beside the code (src/**\/*.test.ts); integration and end-to-end tests live in test/.
 * Integration tests each create their own database, so files may run in parallel.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
