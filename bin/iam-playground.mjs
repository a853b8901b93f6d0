#!/usr/bin/env node
// `iam-playground` from a clone (`npx iam-playground …`, `npm run seed`): runs the TypeScript entry through tsx,
// a runtime dependency, so no build step is needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
