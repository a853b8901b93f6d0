// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, plus the engine's import
// boundary — src/iam is pure (no I/O, Prisma, GraphQL or features), as STYLE.md and
// src/iam/engineImports.test.ts require. `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'src/generated/',
      'src/iam/generated/',
      'examples/typed-client/generated/',
      'public/',
      'coverage/',
      '.data/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      // Matching control characters is how hostile input is refused (IAM's documented character patterns).
      'no-control-regex': 'off',
      // `_name` marks a value taken apart on purpose (e.g. dropping a field from an object).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests read loosely typed JSON responses.
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/iam/**/*.ts'],
    ignores: ['src/iam/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.|node:crypto$)',
              message:
                'src/iam is the pure engine: it imports only its own files and node:crypto (no I/O, Prisma, GraphQL or other packages).',
            },
            {
              // `../generated/aws…` from src/iam/catalogue is the engine's own generated data (src/iam/generated).
              regex:
                '^(?!\\.\\./generated/aws)(\\.\\./)+(features|graphql|db|http|generated|context|server|config|logger|main)(/|\\.js$|$)',
              message: 'src/iam is the pure engine: it imports nothing from the rest of the service.',
            },
          ],
        },
      ],
    },
  },
);
