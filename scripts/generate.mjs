// Produces everything a fresh `npm install` must build: the Prisma client, the GraphQL resolver types
// the engine's AWS catalogue (actions, managed policies) and the offline explorer bundle. Run by the `prepare` script, so `npm install`/`npm ci` do it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });

// `prisma generate` needs no engine; pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file stops it
// from trying to download one (this machine reaches only the npm registry).
run(bin('prisma'), ['generate'], { PRISMA_SCHEMA_ENGINE_BINARY: process.execPath });
run(process.execPath, ['scripts/generateAwsCatalogue.mjs']);
if (existsSync('codegen.ts')) run(bin('graphql-codegen'), ['--config', 'codegen.ts']);
if (existsSync('scripts/buildExplorer.mjs')) run(process.execPath, ['scripts/buildExplorer.mjs']);
