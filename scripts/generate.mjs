// Produces everything a fresh `npm install` must build: the Prisma client, the GraphQL resolver types, the
// engine's AWS catalogue (actions, managed policies), the offline explorer bundle and the server compiled to
// JavaScript in dist/ (what `npm start` runs). Run by the `prepare` script, so `npm install`/`npm ci` do it.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

const bin = (name) => `node_modules/.bin/${name}`;

// `npm ci --omit=dev` (a container's runtime stage) has no build tools (prisma and tsc may still arrive as
// peer dependencies, the code generator does not): it runs what the build stage made.
if (!existsSync(bin('graphql-codegen'))) {
  console.log('generate: build tools not installed (production install); using the dist/ built before');
  process.exit(0);
}
const run = (cmd, args, env = {}) => execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });

// `prisma generate` needs no engine; pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file stops it
// from trying to download one (this machine reaches only the npm registry).
run(bin('prisma'), ['generate'], { PRISMA_SCHEMA_ENGINE_BINARY: process.execPath });
run(process.execPath, ['scripts/generateAwsCatalogue.mjs']);
if (existsSync('codegen.ts')) run(bin('graphql-codegen'), ['--config', 'codegen.ts']);
if (existsSync('scripts/buildExplorer.mjs')) run(process.execPath, ['scripts/buildExplorer.mjs']);
// The server as JavaScript: `npm start` runs `node dist/main.js` (no TypeScript loader at run time).
rmSync('dist', { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
