import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests sit beside the code (src/**\/*.test.ts); integration and end-to-end tests live in test/.
 * Integration tests each create their own database, so files may run in parallel.
 */
export default defineConfig({
  // Vite would resolve `graphql` for our code to its ESM build while Apollo Server, loaded by Node, gets the
  // CommonJS one: two GraphQLError classes, so `instanceof GraphQLError` fails on Apollo's own errors. Point
  // our code at the file Node picks, as it is in production.
  resolve: { alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve('graphql') }] },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
